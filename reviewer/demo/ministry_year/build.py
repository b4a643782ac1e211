"""Build the demo year: ``<demo>/ministry-year/`` and the demo registry ``<demo>/authority/registry.sqlite3``.

The registry is made through the same core calls the desk and ``reviewer ministry …`` use
(:class:`~reviewer.ministry.registry.Registry`), in a temporary folder renamed into place at the end,
so the year is whole or absent. A complete year (``year.json`` of this :data:`YEAR_VERSION`) is reused.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from reviewer.demo.ministry_year.figures import all_figures, national_figures
from reviewer.demo.ministry_year.roster import (
    CANDIDATES,
    DATA_YEARS,
    DEMO_YEAR,
    EVALUATED_YEAR,
    PREVIOUS_STARS,
    DemoCandidate,
    by_stage,
)
from reviewer.ministry import data_returns
from reviewer.ministry.data_file import SUFFIX, sign_data_return
from reviewer.ministry.registry import Registry
from reviewer.ministry.types import ReviewResult
from reviewer.trust import open_authority
from reviewer.trust.authority import Authority, AuthorityKeys

log = logging.getLogger(__name__)

YEAR_DIR = "ministry-year"
YEAR_META = "year.json"
YEAR_VERSION = 1
REGISTRY = "registry.sqlite3"  # the desk's default database inside the authority folder
SOURCE_PREVIOUS = f"{EVALUATED_YEAR - 1}年度名城名园评估结果（示例）"
SOURCE_COHORT = f"{EVALUATED_YEAR}年度名城名园评估结果（示例）"


@dataclass(frozen=True)
class MinistryYear:
    folder: Path  # <demo>/ministry-year
    registry: Path  # <demo>/authority/registry.sqlite3
    reused: bool


def at(year: int, month: int, day: int = 1, hour: int = 1) -> datetime:
    """A UTC instant (09:00 Beijing time by default)."""
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def build_ministry_year(demo_folder: str | Path, authority: str | Path) -> MinistryYear:
    """Build (or reuse) the demo year in ``<demo_folder>/ministry-year`` and its registry in ``authority``."""
    folder = Path(demo_folder) / YEAR_DIR
    registry = Path(authority) / REGISTRY
    if _complete(folder, registry):
        return MinistryYear(folder, registry, True)
    work = Path(demo_folder) / f".{YEAR_DIR}.tmp"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    db = work / REGISTRY
    from reviewer.demo.package import source

    authority_ = open_authority(authority)
    keys = authority_.unlock(source())
    with Registry.open(db) as reg:
        _lifecycle(reg)
        _previous_ratings(reg)
        _data_returns(reg, authority_, keys, work)
        _cohort(reg)
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


def _complete(folder: Path, registry: Path) -> bool:
    try:
        meta = json.loads((folder / YEAR_META).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("version") == YEAR_VERSION and registry.is_file()


# --- the registry's story -------------------------------------------------------------------------
def _lifecycle(reg: Registry) -> None:
    """Title holders registered as awarded in their year; candidates in creation admitted in theirs; a
    creation review passed this year puts its candidate under publicity (公示)."""
    for c in CANDIDATES:
        if c.stage in ("awarded", "warned", "exited"):
            reg.register(c.info, year=c.since, status="awarded", at=at(c.since, 1, 10))
        elif c.stage in ("creating", "publicity"):
            reg.register(c.info, year=c.since, status="creating", at=at(c.since, 3, 20))
    for c in by_stage("publicity"):
        reg.record(_creation_pass(c))


def _creation_pass(c: DemoCandidate) -> ReviewResult:
    n = CANDIDATES.index(c) + 1
    return ReviewResult(
        candidate=c.info,
        package_id=f"demo-{DEMO_YEAR}-creation-{c.key}",
        kind="creation",
        year=DEMO_YEAR,
        standard_id=f"sample-{c.info.type}-creation",
        standard_version="1.0",
        result="pass",
        vetoed=False,
        total=Decimal("86.50"),
        bundle_sha256=f"{n:064x}",
        bundle_version=1,
        chair="示例组长",
        experts=("示例组长", "示例专家甲", "示例专家乙", "示例专家丙", "示例专家丁"),
        at=at(DEMO_YEAR, 9, 18),
    )


def _previous_ratings(reg: Registry) -> None:
    """Last year's stars as published (one ★ warns 示例市·枫林 and 示例·浑澜软件园)."""
    previous = {c.name: PREVIOUS_STARS[c.key] for c in CANDIDATES if c.key in PREVIOUS_STARS}
    reg.record_ratings(
        previous, year=EVALUATED_YEAR - 1, source=SOURCE_PREVIOUS, at=at(EVALUATED_YEAR, 4, 20)
    )


def _data_returns(reg: Registry, authority: Authority, keys: AuthorityKeys, work: Path) -> None:
    """Every candidate's return of each data year, recorded and written as the signed ``.rvdata`` the
    desk keeps; the national figures of each year. Received in March of the next year — or, as the
    demo's keys are made when it is built, when they were made (a signature cannot predate its key)."""
    keys_from = authority.signing_cert.not_valid_before_utc + timedelta(minutes=1)
    for year in DATA_YEARS:
        received = max(at(year + 1, 3, 16), keys_from)  # a signature dates from the demo's own keys
        data_returns.record_national(
            reg, year, national_figures(year), source=f"{year}年软件业经济运行情况（示例）", at=received
        )
        folder = work / "data-returns" / str(year)
        folder.mkdir(parents=True)
        for name, values in all_figures(year).items():
            c = next(x for x in CANDIDATES if x.name == name)
            digest = hashlib.sha256(f"{c.key}/{year}".encode()).hexdigest()
            recorded = data_returns.record_return(
                reg, name, type_=c.info.type, year=year, values=values, source_sha256=digest, at=received
            )
            signed = sign_data_return(recorded.data_return, authority, keys)
            (folder / f"{c.key}{SUFFIX}").write_bytes(signed)


def _cohort(reg: Registry) -> None:
    """This year's stars from the figures."""
    stars = provisional_stars()
    reg.record_ratings(stars, year=EVALUATED_YEAR, source=SOURCE_COHORT, at=at(DEMO_YEAR, 4, 20))


def provisional_stars() -> dict[str, int]:
    """The evaluated year's stars of the title holders: ★ below the revenue floor (city 100 亿元, park
    30 亿元), ★★ when growth is below the national growth, else ★★★ for the top third by revenue."""
    figs = all_figures(EVALUATED_YEAR)
    national = national_figures(EVALUATED_YEAR)["national:software_revenue_growth"]
    out: dict[str, int] = {}
    for type_, floor in (("city", Decimal(100)), ("park", Decimal(30))):
        holders = [c for c in by_stage("awarded", "warned", "exited", type=type_)]
        ranked = sorted(holders, key=lambda c: figs[c.name]["software_revenue"], reverse=True)
        for i, c in enumerate(ranked):
            f = figs[c.name]
            if f["software_revenue"] < floor:
                out[c.name] = 1
            elif f["software_revenue_growth"] < national or i >= len(ranked) // 3:
                out[c.name] = 2
            else:
                out[c.name] = 3
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
