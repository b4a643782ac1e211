"""Reports on the annual data returns (rendered by :mod:`reviewer.ministry.render` like the others):
the returns of a year, and a candidate's trend per figure (the monitoring view)."""

from __future__ import annotations

from decimal import Decimal

from reviewer.i18n import beijing
from reviewer.ministry import data_returns
from reviewer.ministry.registry_read import RegistryReader
from reviewer.ministry.report_tables import Column, Report, Table, language
from reviewer.standards.figures import NATIONAL, Figure, load_catalogue


def _name(f: Figure) -> str:
    return (
        f"{f.name(language())}（{f.unit(language())}）"
        if language() != "en"
        else f"{f.name('en')} ({f.unit('en')})"
    )


def returns_report(reader: RegistryReader, year: int, type_: str | None = None) -> Report:
    """Every candidate's current return of ``year``: one column per figure, exact values."""
    catalogue = load_catalogue()
    figs = catalogue.for_type(type_) if type_ else catalogue.figures
    rets = data_returns.returns(reader, year, type_)
    columns = (
        Column("candidate", "候选", "Candidate"),
        Column("type", "类型", "Type"),
        Column("version", "版本", "Version"),
        Column("received_at", "导入时间", "Imported"),
        *(Column(f.code, f"{f.name_zh}（{f.unit_zh}）", f"{f.name_en} ({f.unit_en})") for f in figs),
        Column("source_sha256", "原始文件 SHA-256", "Source file SHA-256", short=16),
    )
    rows = tuple(
        (
            r.candidate,
            _type_word(r.type),
            r.version,
            beijing(r.received_at).render(language()),
            *(_cell(r.figures.get(f.code)) for f in figs),
            r.source_sha256,
        )
        for r in rets
    )
    national = data_returns.national_figures(reader, year)
    ntable = Table(
        "national",
        f"{year} 年度全国数据",
        f"National figures {year}",
        (
            Column("figure", "指标", "Figure"),
            Column("code", "代码", "Code"),
            Column("value", "数值", "Value"),
        ),
        tuple(
            (_name(catalogue.get(k.removeprefix(NATIONAL))), k, str(v)) for k, v in sorted(national.items())
        ),
    )
    title = (f"{year} 年度数据报送", f"Data returns {year}")
    return Report(*title, (Table("returns", *title, columns, rows), ntable))


def trend_report(reader: RegistryReader, candidate: str, figure: str | None = None) -> Report:
    """``candidate``'s figures year by year (one figure, or all of its type), with the national value
    and the change from the year before."""
    catalogue = load_catalogue()
    candidate_type = reader.candidate(candidate).info.type
    figs = (catalogue.get(figure),) if figure else catalogue.for_type(candidate_type)
    columns = (
        Column("figure", "指标", "Figure"),
        Column("code", "代码", "Code"),
        Column("year", "年度", "Year"),
        Column("value", "数值", "Value"),
        Column("change", "较上年", "Change"),
        Column("national", "全国", "National"),
    )
    rows = []
    national_by_year: dict[int, dict[str, Decimal]] = {}
    for f in figs:
        previous: Decimal | None = None
        for year, value in data_returns.figure_trend(reader, candidate, f.code):
            if year not in national_by_year:
                national_by_year[year] = data_returns.national_figures(reader, year)
            change = "" if previous is None else _signed(value - previous)
            rows.append(
                (
                    _name(f),
                    f.code,
                    year,
                    str(value),
                    change,
                    _cell(national_by_year[year].get(NATIONAL + f.code)),
                )
            )
            previous = value
    title = (f"“{candidate}”数据趋势", f"Data trend of “{candidate}”")
    return Report(*title, (Table("trend", *title, columns, tuple(rows)),))


def _signed(v: Decimal) -> str:
    return f"+{v}" if v > 0 else str(v)


def _cell(v: Decimal | None) -> str:
    return "" if v is None else str(v)


def _type_word(t: str) -> str:
    zh, en = {"city": ("城市", "city"), "park": ("园区", "park")}.get(t, (t, t))
    return en if language() == "en" else zh
