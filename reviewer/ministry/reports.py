"""The registry's reports as plain tables: built here, rendered by :mod:`reviewer.ministry.render`.

A :class:`Report` is a list of :class:`Table` — a key, a bilingual title, columns (a stable key and a
bilingual header) and rows of plain values — so the same report becomes a terminal table, CSV, JSON
or an XLSX workbook (one sheet per table) without the renderer knowing what it shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.i18n import beijing_date
from reviewer.i18n import language as current_language
from reviewer.ministry.engine import FLAG_LABELS, NOTICE_LABELS, STATUS_LABELS
from reviewer.ministry.priority import flag_history, flag_label, flags_in_force
from reviewer.ministry.progress import ProgressDue, beijing_today, overdue, progress_status
from reviewer.standards.model import RESULT_LABELS

if TYPE_CHECKING:
    from datetime import date

    from reviewer.ministry.registry_read import RegistryReader
    from reviewer.ministry.rules import RegistryRules

KIND_LABELS = {
    "application": ("申请审查", "application review"),
    "creation": ("创建评审", "creation review"),
    "annual": ("年度评估", "annual evaluation"),
}


@dataclass(frozen=True)
class Column:
    """A report column; ``short`` > 0 cuts its values to that many characters in tables meant for
    reading (the terminal, the screen, whose tooltip has the whole value); files keep them whole."""

    key: str
    zh: str
    en: str
    short: int = 0

    def shown(self, text: str) -> str:
        return text[: self.short] + "…" if 0 < self.short < len(text) else text


@dataclass(frozen=True)
class Table:
    key: str
    title_zh: str
    title_en: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip((c.key for c in self.columns), row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Report:
    title_zh: str
    title_en: str
    tables: tuple[Table, ...]


_LANG: ContextVar[str | None] = ContextVar("report_language", default=None)


def language() -> str:
    return _LANG.get() or current_language()


@contextmanager
def report_language(lang: str | None) -> Iterator[None]:
    """Build reports in ``lang`` (the XLSX workbook is always Chinese), whatever the UI language."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if language() == "en" else pair[0]


def status_words(status: str) -> str:
    return _words(STATUS_LABELS, status)


def _words(mapping: dict[str, tuple[str, str]], key: str | None) -> str:
    return _pick(mapping[key]) if key in mapping else (key or "")


def _result(result: str | None) -> str:
    label = RESULT_LABELS.get(result or "")
    return (label.en if language() == "en" else label.zh) if label else (result or "")


def _type(t: str) -> str:
    return _pick(("名城", "city") if t == "city" else ("名园", "park"))


def _flags(flags: tuple[str, ...], rules: RegistryRules) -> str:
    """The priority flags' labels: the computed ones (:data:`FLAG_LABELS`) and those set by hand."""
    n = rules.city_min_famous_parks
    return "; ".join(
        _pick(FLAG_LABELS[f]).format(n=n) if f in FLAG_LABELS else _pick(flag_label(rules, f) or (f, f))
        for f in flags
    )


def _flag_words(rules: RegistryRules, code: str) -> str:
    return _pick(flag_label(rules, code) or (code, code))


C = Column
CANDIDATE_COLS = (
    C("name", "名称", "name"),
    C("type", "类型", "type"),
    C("province", "省份", "province"),
    C("city", "城市", "city"),
)


def latest_year(reader: RegistryReader) -> int | None:
    """The most recent year with a star rating, a notice or a publicity entry."""
    return max(reader.years(), default=None)


def registry_report(reader: RegistryReader, year: int | None = None, today: date | None = None) -> Report:
    """The star list of ``year``, its warnings and exits, its publicity list, every candidate's status,
    the progress reports overdue ``today`` (default: today in Beijing) and the priority flags set by hand."""
    seen = reader.overview(year)  # one session, the candidates loaded once
    stars = seen.stars
    star_table = Table(
        "stars",
        f"{year}年度星级名单" if year else "星级名单",
        f"Star list {year}" if year else "Star list",
        (*CANDIDATE_COLS, C("stars", "星级", "stars"), C("status", "状态", "status")),
        tuple(
            (
                e.candidate.info.name,
                _type(e.candidate.info.type),
                e.candidate.info.province,
                e.candidate.info.city,
                e.stars,
                _words(STATUS_LABELS, e.candidate.status),
            )
            for e in stars
        ),
    )
    notices = seen.notices
    notice_table = Table(
        "notices",
        "整改提醒与退出" + (f"（{year}年）" if year else ""),
        "Warnings and exits" + (f" ({year})" if year else ""),
        (
            C("year", "年度", "year"),
            C("name", "名称", "name"),
            C("kind", "类别", "kind"),
            C("text", "内容", "text"),
            C("package", "评审包", "package"),
        ),
        tuple(
            (
                e.notice.year,
                e.candidate,
                _words(NOTICE_LABELS, e.notice.kind),
                e.notice.text_en if language() == "en" else e.notice.text_zh,
                e.notice.package_id or "",
            )
            for e in notices
        ),
    )
    publicity = seen.publicity
    publicity_table = Table(
        "publicity",
        "公示名单" + (f"（{year}年）" if year else ""),
        "Publicity list" + (f" ({year})" if year else ""),
        (
            *CANDIDATE_COLS,
            C("total", "评审总分", "total"),
            C("starts", "公示开始", "starts"),
            C("ends", "公示结束", "ends"),
            C("period", "公示期限", "period"),
            C("outcome", "结果", "outcome"),
        ),
        tuple(
            (
                e.candidate.info.name,
                _type(e.candidate.info.type),
                e.candidate.info.province,
                e.candidate.info.city,
                "" if e.total is None else str(e.total),
                e.starts.isoformat(),
                e.ends.isoformat(),
                period_words(e.length, e.unit, e.opened),
                _words(PUBLICITY_OUTCOMES, e.outcome),
            )
            for e in publicity
        ),
    )
    candidates = seen.candidates
    candidate_table = Table(
        "candidates",
        "登记册",
        "Registry",
        (*CANDIDATE_COLS, C("status", "状态", "status"), C("priority", "优先支持", "priority")),
        tuple(
            (
                c.info.name,
                _type(c.info.type),
                c.info.province,
                c.info.city,
                _words(STATUS_LABELS, c.status),
                _flags(c.flags, reader.rules),
            )
            for c in candidates
        ),
    )
    title = f"中国软件名城名园登记册（{year}年）" if year else "中国软件名城名园登记册"
    return Report(
        title,
        f"Registry of famous software cities and parks{f' ({year})' if year else ''}",
        (
            star_table,
            notice_table,
            publicity_table,
            candidate_table,
            overdue_table(reader, today or beijing_today()),
            flags_table(reader),
        ),
    )


PUBLICITY_OUTCOMES = {
    "pending": ("公示中", "under publicity"),
    "confirmed": ("公示期满无异议", "confirmed"),
    "objected": ("有异议", "objected"),
}
DOCUMENT_KINDS = {
    "application": ("申请材料", "application document"),
    "third_party": ("第三方机构报告", "third-party report"),
}


def period_words(length: int | None, unit: str, opened: bool) -> str:
    """How long a publicity lasts: "5个工作日", "至指定日期", or the rules' default not yet opened."""
    if length is None:
        return _pick(("至指定日期", "until a set date"))
    zh_unit, en_unit = {"working_days": ("个工作日", " working days")}.get(unit, ("天", " calendar days"))
    zh, en = f"{length}{zh_unit}", f"{length}{en_unit}"
    if not opened:
        zh, en = f"{zh}（默认，尚未发布）", f"{en} (default, not yet opened)"
    return _pick((zh, en))


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


def history_report(reader: RegistryReader, name: str, today: date | None = None) -> Report:
    """One candidate: its reviews, its status history with reasons, its notices."""
    h = reader.history(name)
    reviews = Table(
        "reviews",
        "评审记录",
        "Reviews",
        (
            C("year", "年度", "year"),
            C("kind", "评审类别", "kind"),
            C("package", "评审包", "package"),
            C("standard", "评审标准", "standard"),
            C("result", "结论", "result"),
            C("vetoed", "一票否决", "vetoed"),
            C("total", "总分", "total"),
            C("version", "版本", "version"),
            C("current", "现行", "current"),
            C("chair", "组长", "chair"),
            C("experts", "专家", "experts"),
        ),
        tuple(
            (
                r.year,
                _words(KIND_LABELS, r.kind),
                r.package_id,
                r.standard,
                _result(r.result),
                r.vetoed,
                "" if r.total is None else str(r.total),
                r.bundle_version,
                r.current,
                r.chair,
                "、".join(r.experts),
            )
            for r in h.reviews
        ),
    )
    timeline = Table(
        "history",
        "状态变化",
        "Status history",
        (
            C("year", "年度", "year"),
            C("date", "日期", "date"),
            C("status", "状态", "status"),
            C("reason", "原因", "reason"),
            C("package", "评审包", "package"),
        ),
        tuple(
            (
                e.year,
                e.at.date().isoformat(),
                _words(STATUS_LABELS, e.status),
                e.reason_en if language() == "en" else e.reason_zh,
                e.package_id or "",
            )
            for e in h.timeline
        ),
    )
    notices = Table(
        "notices",
        "通知与公告",
        "Notices",
        (C("year", "年度", "year"), C("kind", "类别", "kind"), C("text", "内容", "text")),
        tuple(
            (n.year, _words(NOTICE_LABELS, n.kind), n.text_en if language() == "en" else n.text_zh)
            for n in h.notices
        ),
    )
    stars = Table(
        "stars",
        "历年星级",
        "Stars by year",
        (C("year", "年度", "year"), C("stars", "星级", "stars")),
        tuple(h.stars),
    )
    documents = Table(
        "documents",
        "收到的材料",
        "Documents received",
        (
            C("date", "日期", "date"),
            C("kind", "类别", "kind"),
            C("name", "文件", "file"),
            C("institution", "机构", "institution"),
            C("sha256", "SHA-256", "SHA-256"),
        ),
        tuple(
            (beijing_date(d.at), _words(DOCUMENT_KINDS, d.kind), d.name, d.institution, d.sha256)
            for d in h.documents
        ),
    )
    publicity = Table(
        "publicity",
        "公示",
        "Publicity",
        (
            C("year", "年度", "year"),
            C("starts", "公示开始", "starts"),
            C("ends", "公示结束", "ends"),
            C("period", "公示期限", "period"),
            C("outcome", "结果", "outcome"),
        ),
        tuple(
            (
                p.year,
                p.starts.isoformat(),
                p.ends.isoformat(),
                period_words(p.length, p.unit, p.opened),
                _words(PUBLICITY_OUTCOMES, p.outcome),
            )
            for p in h.publicity
        ),
    )
    info = h.candidate.info
    return Report(
        f"{info.name}（{_type(info.type)}，{_words(STATUS_LABELS, h.candidate.status)}）",
        f"{info.name} ({_type(info.type)}, {_words(STATUS_LABELS, h.candidate.status)})",
        (
            reviews,
            timeline,
            notices,
            stars,
            documents,
            publicity,
            progress_table(reader, name, today),
            flag_history_table(reader, name),
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
            return _pick(state["overdue"])
        if d.received is not None:
            return _pick(state["late" if d.late else "received"])
        return _pick(state["open"])

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


def review_report(reader: RegistryReader, package_id: str, version: int) -> Report:
    """One registered result: what it is (package, version, the bundle's SHA-256, panel) and each
    expert's score of each indicator beside the panel's aggregate: the sheets' numbers as imported.
    The registry keeps no file: the signed record and sheets are in the result bundle (.rvresult), which
    the importer keeps in the authority's archive (:mod:`reviewer.ministry.archive`)."""
    review, scores = reader.review_scores(package_id, version)
    facts = Table(
        "result",
        "评审结果",
        "Result",
        (C("item", "项目", "item"), C("value", "内容", "value")),
        (
            (_pick(("评审包", "package")), review.package_id),
            (_pick(("结果版本", "result version")), review.bundle_version),
            (_pick(("评审类别", "kind")), _words(KIND_LABELS, review.kind)),
            (_pick(("评审标准", "standard")), review.standard),
            (_pick(("结论", "result")), _result(review.result)),
            (_pick(("总分", "total")), "" if review.total is None else str(review.total)),
            (_pick(("组长", "chair")), review.chair),
            (_pick(("专家", "experts")), "、".join(review.experts)),
            (_pick(("结果包 SHA-256", "result bundle SHA-256")), review.bundle_sha256),
            (
                _pick(("评审意见表与评分表", "record and sheets")),
                _pick(
                    (
                        "登记册保存分数；签署的评审意见表和评分表在结果包（.rvresult）中，导入时存于签发机构文件夹的 "
                        "results/<SHA-256>.rvresult（SHA-256 见上列）。",
                        "The registry keeps the scores; the signed record and sheets are in the result bundle "
                        "(.rvresult), kept on import as results/<SHA-256>.rvresult in the authority folder "
                        "(the SHA-256 above).",
                    )
                ),
            ),
        ),
    )
    experts = sorted({(e.expert_id, e.expert_name) for e in scores})
    by_code: dict[str, dict[str, Any]] = {}
    for e in scores:
        row = by_code.setdefault(e.code, {"aggregate": str(e.aggregate)})
        row[e.expert_id] = str(e.score)
    sheets = Table(
        "sheets",
        "各专家评分",
        "Each expert's scores",
        (
            C("code", "指标", "indicator"),
            C("aggregate", "专家组结果", "panel aggregate"),
            *(C(f"expert:{eid}", name, name) for eid, name in experts),
        ),
        tuple(
            (code, row["aggregate"], *(row.get(eid, "") for eid, _ in experts))
            for code, row in sorted(by_code.items(), key=lambda kv: _code_key(kv[0]))
        ),
    )
    title = f"{review.package_id} v{review.bundle_version}"
    return Report(f"评审结果 {title}", f"Result {title}", (facts, sheets))


def _code_key(code: str) -> tuple[Any, ...]:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def calibration_report(reader: RegistryReader) -> Report:
    """Each expert's mean deviation from the panel aggregates across reviews (> 0: more lenient)."""
    rows = reader.calibration()
    table = Table(
        "calibration",
        "专家评分校准",
        "Expert calibration",
        (
            C("name", "专家", "expert"),
            C("reviews", "评审次数", "reviews"),
            C("scores", "评分项数", "scores"),
            C("mean_deviation", "平均偏差", "mean deviation"),
            C("mean_abs_deviation", "平均绝对偏差", "mean absolute deviation"),
            C("expert_id", "证书指纹", "certificate fingerprint", short=16),
        ),
        tuple(
            (
                c.expert_name,
                c.reviews,
                c.scores,
                str(c.mean_deviation),
                str(c.mean_abs_deviation),
                c.expert_id,
            )
            for c in rows
        ),
    )
    return Report("专家评分校准", "Expert calibration", (table,))
