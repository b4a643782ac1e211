"""Build the demo year: ``<demo>/ministry-year/`` and the demo registry ``<demo>/authority/registry.sqlite3``.

The registry is made through the same core calls the desk and ``reviewer ministry …`` use
(:class:`~reviewer.ministry.registry.Registry`), in a temporary folder renamed into place at the end,
so the year is whole or absent. A complete year (``year.json`` of this :data:`YEAR_VERSION`) is reused.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, event

from reviewer.demo.ministry_year import story
from reviewer.demo.ministry_year.figures import all_figures, figures, national_figures
from reviewer.demo.ministry_year.folder import REGISTRY, YEAR_DIR, YEAR_META, YEAR_VERSION, MinistryYear
from reviewer.demo.ministry_year.roster import (
    CANDIDATES,
    DATA_YEARS,
    DEMO_YEAR,
    EVALUATED_YEAR,
    PREVIOUS_STARS,
    TITLE_HOLDERS,
    DemoCandidate,
    by_name,
    by_stage,
)
from reviewer.demo.ministry_year.story import at, result
from reviewer.i18n import beijing_date
from reviewer.ministry import data_returns
from reviewer.ministry.registry import Registry
from reviewer.trust import open_authority
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.clock import utcnow

DATA_DIR = "data-returns"  # <year>/<key>.xlsx (as filled) and the signed .rvdata of each
COHORT_DIR = "evaluation"  # the 公示 list and the 通告 of the evaluated year, XLSX and PDF
SOURCE_PREVIOUS = f"{EVALUATED_YEAR - 1}年度名城名园评估结果（示例）"


def build(demo_folder: Path, authority: Path) -> MinistryYear:
    """Build the demo year in ``<demo_folder>/ministry-year`` and its registry in ``authority`` (made
    in a temporary folder, the registry moved into ``authority``, the folder renamed into place)."""
    folder = demo_folder / YEAR_DIR
    registry = authority / REGISTRY
    work = demo_folder / f".{YEAR_DIR}.tmp"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    db = work / REGISTRY
    from reviewer.demo.package import source

    authority_ = open_authority(authority)
    keys = authority_.unlock(source())
    with Registry.open(db) as reg:
        _fast_writes(reg.engine)
        story.applications(reg, work)
        _previous_ratings(reg)
        story.progress_reports(reg, work)
        story.priority_flags(reg)
        _national(reg)
        _data_returns(reg, authority_, keys, work)
        _annual_panels(reg)
        _cohort(reg, work)
        story.creation_reviews(reg)  # after the evaluation: the park awarded in it was not evaluated
    _write_figures(work)
    meta = {"version": YEAR_VERSION, "demo_year": DEMO_YEAR, "candidates": len(CANDIDATES)}
    (work / YEAR_META).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{registry}{suffix}").unlink(missing_ok=True)
    db.replace(registry)
    if folder.exists():
        shutil.rmtree(folder)
    work.replace(folder)
    return MinistryYear(folder, registry, False)


def _previous_ratings(reg: Registry) -> None:
    """Last year's stars as published (one ★ warns 示例市·枫林 and 示例·浑澜软件园)."""
    previous = {c.name: PREVIOUS_STARS[c.key] for c in CANDIDATES if c.key in PREVIOUS_STARS}
    reg.record_ratings(
        previous, year=EVALUATED_YEAR - 1, source=SOURCE_PREVIOUS, at=at(EVALUATED_YEAR, 4, 20)
    )


def _national(reg: Registry) -> None:
    for year in DATA_YEARS:
        data_returns.record_national(
            reg, year, national_figures(year), source=f"{year}年软件产业经济运行情况（示例）"
        )


def filled_returns(year: int, type_: str) -> dict[DemoCandidate, bytes]:
    """The candidates' data templates of ``year`` as their staff fill them (the same bytes every build):
    one template, filled for each candidate in turn."""
    from openpyxl import load_workbook

    from reviewer.ministry import data_template as dt

    wb = load_workbook(io.BytesIO(dt.make_template(type_, year)))
    ws = wb[dt.DATA_SHEET]
    rows = {ws.cell(row=r, column=5).value: r for r in range(dt.FIRST_ROW, ws.max_row + 1)}
    out = {}
    for name in all_figures(year):
        c = by_name(name)
        if c.info.type != type_:
            continue
        ws[dt.NAME_CELL] = c.name
        ws[dt.CONTACT_CELL] = "示例联系人"
        ws[dt.PHONE_CELL] = "0000-5550100"
        for code, value in figures(c, year).items():
            ws.cell(row=rows[code], column=3, value=value)
        wb.properties.created = wb.properties.modified = datetime(year + 1, 3, 10)
        buffer = io.BytesIO()
        wb.save(buffer)
        out[c] = buffer.getvalue()
    return out


def _data_returns(reg: Registry, authority: Authority, keys: AuthorityKeys, work: Path) -> None:
    """The evaluated year's returns: each candidate's filled template, taken as the desk's import
    takes it (checked, recorded, written as the signed ``.rvdata`` beside it). The years before:
    recorded from the figures (the demo keeps no workbook of them) and signed alike."""
    from reviewer.ministry.data_file import SUFFIX, sign_data_return

    for year in DATA_YEARS:
        folder = work / DATA_DIR / str(year)
        folder.mkdir(parents=True)
        for c, values, digest in _returns_of(year, folder):
            ret = data_returns.record_return(
                reg, c.name, type_=c.info.type, year=year, values=values, source_sha256=digest
            ).data_return
            (folder / f"{c.key}{SUFFIX}").write_bytes(sign_data_return(ret, authority, keys))


def _returns_of(year: int, folder: Path) -> Iterator[tuple[DemoCandidate, Mapping[str, Decimal], str]]:
    """Each return of ``year``: its candidate, the figures as checked, the SHA-256 of the source."""
    from reviewer.ministry.data_template import check_workbook

    if year != EVALUATED_YEAR:
        for name, values in all_figures(year).items():
            text = json.dumps({k: str(v) for k, v in sorted(values.items())})
            yield by_name(name), values, hashlib.sha256(f"{name}/{year}/{text}".encode()).hexdigest()
        return
    for type_ in ("city", "park"):
        for c, data in filled_returns(year, type_).items():
            (folder / f"{c.key}.xlsx").write_bytes(data)
            checked = check_workbook(data, f"{c.key}.xlsx")
            yield c, checked.figures, checked.source_sha256


def _fast_writes(engine: Engine) -> None:
    """The demo registry is built in a temporary folder and renamed into place whole: a commit need
    not reach the disk before the next (``synchronous=OFF`` on this build's connections only)."""
    event.listen(engine, "checkout", lambda con, *_: con.execute("PRAGMA synchronous=OFF"))


def _annual_panels(reg: Registry) -> None:
    """The cities' annual panels of the evaluated year (the expert part of the city evaluation, 40
    points of the cohort rules): a total out of the sample annual standard's 100."""
    for c in by_stage(*TITLE_HOLDERS, type="city"):
        total = Decimal(62) + Decimal(3) * c.strength + (Decimal(CANDIDATES.index(c) % 5) / 2)
        reg.record(
            result(c, "annual", EVALUATED_YEAR, "3" if total >= 85 else "2", total, at(DEMO_YEAR, 3, 26))
        )


def _cohort(reg: Registry, work: Path) -> dict[str, Path]:
    """The annual evaluation of the evaluated year, per type: evaluated, published (its stars become the
    year's ratings: warnings and exits follow), and its 公示 list and 通告 as XLSX and PDF."""
    from reviewer.ministry.cohort_export import KINDS, write_export
    from reviewer.ministry.cohort_store import evaluate_year, publish

    out = {}
    issued = date.fromisoformat(beijing_date(utcnow()))  # published as the demo is built, like the ratings
    folder = work / COHORT_DIR
    folder.mkdir()
    for type_ in ("city", "park"):
        evaluate_year(reg, EVALUATED_YEAR, type_)
        published = publish(reg, EVALUATED_YEAR, type_)
        for kind in KINDS:
            for suffix in ("xlsx", "pdf"):
                name = f"{EVALUATED_YEAR}-{type_}-{kind}.{suffix}"
                out[name] = write_export(published.result, kind, folder / name, issued=issued)
    return out


# --- files ------------------------------------------------------------------------------------------
def _write_figures(work: Path) -> None:
    doc = {
        str(year): {
            "national": {k: str(v) for k, v in national_figures(year).items()},
            "candidates": {name: {k: str(v) for k, v in f.items()} for name, f in all_figures(year).items()},
        }
        for year in DATA_YEARS
    }
    (work / "figures.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
