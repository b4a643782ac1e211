"""The ministry desk's annual data work (part 4 of issue 19), Qt-free: it runs on a worker thread
through :class:`~reviewer.ui.tasks.Task`, and the CLI calls the same functions.

Import candidates' filled templates (check → record in the registry → write the signed ``.rvdata``),
record national figures, read the returns of a year and a candidate's trend.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import ReviewerError
from reviewer.i18n import T

if TYPE_CHECKING:
    from reviewer.ministry.data_returns import DataReturn
    from reviewer.ministry.registry_read import RegistryReader
    from reviewer.ministry.report_tables import Report
    from reviewer.trust.authority import Authority, AuthorityKeys

Progress = Callable[..., None]

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class DataImportOutcome:
    path: str
    ok: bool
    outcome: str  # recorded, superseded, duplicate, refused
    candidate: str = ""
    year: int = 0
    version: int = 0
    rvdata: str = ""
    message: str = ""


def rvdata_name(ret: DataReturn) -> str:
    """``<candidate>-<year>-v<version>.rvdata``, the candidate's name made safe for a file name."""
    return f"{_UNSAFE.sub('_', ret.candidate)}-{ret.year}-v{ret.version}.rvdata"


def import_files(
    registry: RegistryReader,
    authority: Authority,
    keys: AuthorityKeys,
    paths: Sequence[str | Path],
    out_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> list[DataImportOutcome]:
    """Each file on its own: a refused file is reported and the batch goes on. The ``.rvdata`` goes to
    ``out_dir`` (default: beside the XLSX)."""
    outcomes = []
    for i, path in enumerate(paths):
        outcomes.append(_import_one(registry, authority, keys, Path(path), out_dir))
        if progress:
            progress(i + 1, len(paths), Path(path).name)
    return outcomes


def _import_one(
    registry: RegistryReader,
    authority: Authority,
    keys: AuthorityKeys,
    path: Path,
    out_dir: str | Path | None,
) -> DataImportOutcome:
    from reviewer.files import write_atomic
    from reviewer.ministry.data_file import sign_data_return
    from reviewer.ministry.data_returns import record_return
    from reviewer.ministry.data_template import check_file

    try:
        checked = check_file(path)
        recorded = record_return(
            registry,
            checked.candidate,
            type_=checked.type,
            year=checked.year,
            values=checked.figures,
            source_sha256=checked.source_sha256,
        )
    except ReviewerError as exc:
        return DataImportOutcome(str(path), False, "refused", message=str(exc))
    ret = recorded.data_return
    done = partial(DataImportOutcome, str(path), outcome=recorded.outcome, candidate=ret.candidate,
                   year=ret.year, version=ret.version)  # fmt: skip
    folder = Path(out_dir) if out_dir else path.parent
    try:
        target = write_atomic(folder / rvdata_name(ret), sign_data_return(ret, authority, keys))
    except (ReviewerError, OSError) as exc:  # recorded, but its signed file is not written
        return done(
            ok=False,
            message=str(
                T(
                    "已登记，但未能写出 .rvdata：{err}。请重新导入该文件以写出。",
                    "Recorded, but the .rvdata could not be written: {err}. Import the file again to write it.",
                    err=str(exc),
                )
            ),
        )
    return done(ok=True, rvdata=str(target))


def record_national(
    registry: RegistryReader, year: int, values: Mapping[str, Decimal], source: str = ""
) -> dict[str, Decimal]:
    from reviewer.ministry import data_returns

    return data_returns.record_national(registry, year, values, source=source)


def returns_report(reader: RegistryReader, year: int, lang: str | None = None) -> Report:
    from reviewer.ministry.data_reports import returns_report as build
    from reviewer.ministry.report_tables import report_language

    with report_language(lang):
        return build(reader, year)


def trend_report(
    reader: RegistryReader, candidate: str, figure: str | None = None, lang: str | None = None
) -> Report:
    from reviewer.ministry.data_reports import trend_report as build
    from reviewer.ministry.report_tables import report_language

    with report_language(lang):
        return build(reader, candidate, figure)


@dataclass(frozen=True)
class TrendSeries:
    code: str
    name: str
    unit: str
    points: tuple[tuple[int, Decimal], ...]
    national: tuple[tuple[int, Decimal], ...]


def trends(reader: RegistryReader, candidate: str, lang: str = "zh") -> tuple[TrendSeries, ...]:
    """Every figure of ``candidate``'s type, year by year, with the national values (the desk's view)."""
    from reviewer.ministry import data_returns
    from reviewer.standards.figures import load_catalogue, national_key

    catalogue = load_catalogue()
    kind = reader.candidate(candidate).info.type
    out = []
    for f in catalogue.for_type(kind):
        out.append(
            TrendSeries(
                f.code,
                f.name(lang),
                f.unit(lang),
                data_returns.figure_trend(reader, candidate, f.code),
                data_returns.figure_trend(reader, candidate, national_key(f.code)),
            )
        )
    return tuple(out)


def year_returns(reader: RegistryReader, year: int) -> tuple[DataReturn, ...]:
    from reviewer.ministry import data_returns

    return data_returns.returns(reader, year)
