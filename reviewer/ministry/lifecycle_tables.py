"""The tables of a candidate's life between reviews: creation progress reports and priority flags.

The registry report's overdue progress reports (:func:`overdue_table`) and the priority flags set by
hand in force (:func:`flags_table`); a candidate's history's due progress reports
(:func:`progress_table`) and flag history (:func:`flag_history_table`); and the words of a publicity
period (:func:`period_words`). Plain :class:`~reviewer.ministry.report_tables.Table` values, put into
their reports by :mod:`reviewer.ministry.reports`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.i18n import beijing_date
from reviewer.ministry.priority import flag_history, flags_in_force
from reviewer.ministry.progress import ProgressDue, beijing_today, overdue, progress_status
from reviewer.ministry.report_tables import C, Table, _flag_words, _type, _words, pick

if TYPE_CHECKING:
    from datetime import date

    from reviewer.ministry.registry_read import RegistryReader


def period_words(length: int | None, unit: str, opened: bool) -> str:
    """How long a publicity lasts: "5个工作日", "至指定日期", or the rules' default not yet opened."""
    if length is None:
        return pick(("至指定日期", "until a set date"))
    zh_unit, en_unit = {"working_days": ("个工作日", " working days")}.get(unit, ("天", " calendar days"))
    zh, en = f"{length}{zh_unit}", f"{length}{en_unit}"
    if not opened:
        zh, en = f"{zh}（默认，尚未发布）", f"{en} (default, not yet opened)"
    return pick((zh, en))


def overdue_table(reader: RegistryReader, today: date) -> Table:
    """Creation progress reports overdue on ``today`` (Beijing day): not received within the grace period."""
    return Table(
        "progress_overdue",
        "逾期未报的创建工作进展",
        "Overdue progress reports",
        (
            C("name", "名称", "name"),
            C("type", "类型", "type"),
            C("due", "报送期限", "due"),
            C("days_late", f"截至{today.isoformat()}逾期天数", f"days late on {today.isoformat()}"),
        ),
        tuple((o.candidate, _type(o.type), o.due.isoformat(), o.days_late) for o in overdue(reader, today)),
    )


def flags_table(reader: RegistryReader) -> Table:
    """The priority flags set by hand and in force, each with its source."""
    return Table(
        "priority_flags",
        "优先支持标记（依据）",
        "Priority flags set by the ministry (sources)",
        (
            C("name", "名称", "name"),
            C("flag", "标记", "flag"),
            C("source", "依据（文号或网址）", "source (document number or URL)"),
            C("source_date", "依据日期", "source date"),
            C("by", "登记人", "recorded by"),
            C("recorded", "登记日期", "recorded"),
        ),
        tuple(
            (
                f.candidate,
                _flag_words(reader.rules, f.flag),
                f.source,
                f.source_date.isoformat(),
                f.recorded_by,
                beijing_date(f.recorded_at),
            )
            for f in flags_in_force(reader)
        ),
    )


def progress_table(reader: RegistryReader, name: str, today: date | None = None) -> Table:
    """The candidate's creation progress reports: each due day, what was received, overdue or not."""
    today = today or beijing_today()
    state = {
        "overdue": ("逾期未报", "overdue"),
        "late": ("逾期后报送", "received late"),
        "received": ("已报送", "received"),
        "open": ("未到期", "not yet due"),
    }

    def word(d: ProgressDue) -> str:
        if d.overdue:
            return pick(state["overdue"])
        if d.received is not None:
            return pick(state["late" if d.late else "received"])
        return pick(state["open"])

    dues = progress_status(reader, name, today) if reader.rules.progress is not None else ()
    return Table(
        "progress",
        "创建工作进展报告",
        "Creation progress reports",
        (
            C("due", "报送期限", "due"),
            C("state", "状态", "state"),
            C("received", "收到日期", "received"),
            C("file", "文件", "file"),
            C("sha256", "SHA-256", "SHA-256", short=16),
        ),
        tuple(
            (
                d.due.isoformat(),
                word(d),
                d.received.isoformat() if d.received else "",
                d.file_name,
                d.sha256 or "",
            )
            for d in dues
        ),
    )


def flag_history_table(reader: RegistryReader, name: str) -> Table:
    """Every setting and clearing of the candidate's priority flags, with its source."""
    action = {"set": ("设置", "set"), "clear": ("撤销", "cleared")}
    return Table(
        "flag_history",
        "优先支持标记记录",
        "Priority flag history",
        (
            C("recorded", "登记日期", "recorded"),
            C("flag", "标记", "flag"),
            C("action", "操作", "action"),
            C("source", "依据（文号或网址）", "source (document number or URL)"),
            C("source_date", "依据日期", "source date"),
            C("note", "说明", "note"),
            C("by", "登记人", "recorded by"),
        ),
        tuple(
            (
                beijing_date(f.recorded_at),
                _flag_words(reader.rules, f.flag),
                _words(action, f.action),
                f.source,
                f.source_date.isoformat(),
                f.note,
                f.recorded_by,
            )
            for f in flag_history(reader, name)
        ),
    )
