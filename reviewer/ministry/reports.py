"""The registry's reports: the registry, a candidate's history, a registered result, calibration.

Each is a :class:`~reviewer.ministry.report_tables.Report` of plain tables (the table model and the
language they are built in: :mod:`reviewer.ministry.report_tables`), rendered by
:mod:`reviewer.ministry.render`. The progress-report and priority-flag tables they include are built in
:mod:`reviewer.ministry.lifecycle_tables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.i18n import beijing_date
from reviewer.ministry.engine import NOTICE_LABELS, STATUS_LABELS
from reviewer.ministry.lifecycle_tables import (
    flag_history_table,
    flags_table,
    overdue_table,
    period_words,
    progress_table,
)
from reviewer.ministry.progress import beijing_today
from reviewer.ministry.report_tables import (
    CANDIDATE_COLS,
    KIND_LABELS,
    C,
    Report,
    Table,
    _flags,
    _result,
    _type,
    _words,
    language,
    pick,
)

if TYPE_CHECKING:
    from datetime import date

    from reviewer.ministry.registry_read import RegistryReader


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
            (pick(("评审包", "package")), review.package_id),
            (pick(("结果版本", "result version")), review.bundle_version),
            (pick(("评审类别", "kind")), _words(KIND_LABELS, review.kind)),
            (pick(("评审标准", "standard")), review.standard),
            (pick(("结论", "result")), _result(review.result)),
            (pick(("总分", "total")), "" if review.total is None else str(review.total)),
            (pick(("组长", "chair")), review.chair),
            (pick(("专家", "experts")), "、".join(review.experts)),
            (pick(("结果包 SHA-256", "result bundle SHA-256")), review.bundle_sha256),
            (
                pick(("评审意见表与评分表", "record and sheets")),
                pick(
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
