"""Qt table models of the desk's 数据报送 tab, adapters over the frozen values of
:mod:`reviewer.app.ministry_data`: the import's per-file outcome, the returns of a year, and a
candidate's trend per figure (with a small text sparkline)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QBrush

from reviewer import i18n
from reviewer.ui.models.ministry_models import GREEN, GREY, RED, _Table

if TYPE_CHECKING:
    from reviewer.app.ministry_data import DataImportOutcome, TrendSeries
    from reviewer.ministry.data_returns import DataReturn

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Decimal]) -> str:
    """One block character per value, scaled between the smallest and the largest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BARS[3] * len(values)
    top = len(BARS) - 1
    return "".join(BARS[int((v - low) * top / (high - low))] for v in values)


class DataOutcomesModel(_Table):
    FILE, OUTCOME, CANDIDATE, DETAIL = range(4)

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Outcome"), self.tr("Candidate"), self.tr("Detail")]

    def cell(self, o: DataImportOutcome, column: int) -> str:
        if column == self.FILE:
            return Path(o.path).name
        if column == self.OUTCOME:
            words = {
                "recorded": self.tr("recorded"),
                "superseded": self.tr("recorded (newer version)"),
                "duplicate": self.tr("already recorded"),
                "refused": self.tr("refused"),
            }
            return words.get(o.outcome, o.outcome)
        if column == self.CANDIDATE:
            return o.candidate
        if o.ok:
            return self.tr("{year}, version {v} → {file}").format(
                year=o.year, v=o.version, file=Path(o.rvdata).name
            )
        return o.message

    def colour(self, o: DataImportOutcome, column: int) -> QBrush | None:
        if column != self.OUTCOME:
            return None
        return GREEN if o.outcome in ("recorded", "superseded") else GREY if o.ok else RED


class ReturnsModel(_Table):
    CANDIDATE, TYPE, VERSION, RECEIVED, REVENUE, GROWTH = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Candidate"),
            self.tr("Type"),
            self.tr("Version"),
            self.tr("Imported"),
            self.tr("Software revenue (100 million yuan)"),
            self.tr("Revenue growth (%)"),
        ]

    def cell(self, r: DataReturn, column: int) -> str:
        if column == self.CANDIDATE:
            return r.candidate
        if column == self.TYPE:
            return self.tr("city") if r.type == "city" else self.tr("park")
        if column == self.VERSION:
            return str(r.version)
        if column == self.RECEIVED:
            return str(i18n.beijing(r.received_at))
        value = r.figures.get("software_revenue" if column == self.REVENUE else "software_revenue_growth")
        return "" if value is None else str(value)


class TrendModel(_Table):
    """One row per figure; a column per year with a value, the latest national value, a sparkline."""

    def __init__(self) -> None:
        super().__init__()
        self.years: list[int] = []

    def set_series(self, series: Any) -> None:
        self.years = sorted({y for s in series for y, _ in s.points})
        self.set_rows(list(series))

    def headers(self) -> list[str]:
        return [
            self.tr("Figure"),
            self.tr("Unit"),
            *(str(y) for y in self.years),
            self.tr("National (latest)"),
            self.tr("Trend"),
        ]

    def cell(self, s: TrendSeries, column: int) -> str:
        if column == 0:
            return s.name
        if column == 1:
            return s.unit
        values = dict(s.points)
        if column - 2 < len(self.years):
            value = values.get(self.years[column - 2])
            return "" if value is None else str(value)
        if column == 2 + len(self.years):
            return "" if not s.national else f"{s.national[-1][1]} ({s.national[-1][0]})"
        return sparkline([v for _, v in s.points])
