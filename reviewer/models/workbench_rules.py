"""The workbench's rules: what a review's state allows, checked inside the change's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.i18n import T
from reviewer.models import workbench_slots as slots
from reviewer.models.orm import ReturnedCodeRow, ReviewRow, SheetVersionRow
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import (
    Conflict,
    DeclarationsFirst,
    NotReturned,
    ReasonRequired,
    Review,
    ReviewLocked,
    ReviewNotFound,
    ReviewRecused,
    ReviewStatus,
)
from reviewer.standards.model import Standard


def guard(s: Session, row: ReviewRow, entity: str, code: str | None) -> None:
    """Refuse a change the review's state does not allow; the private notes are always allowed."""
    if entity in slots.PRIVATE:
        return
    if row.status == ReviewStatus.FINALISED:
        raise locked()
    if entity == "declaration":
        if row.version > 1:
            raise ReviewLocked(
                T(
                    "评分表已签名提交过，声明不能再修改。",
                    "The sheet was already signed once; the declarations can no longer change.",
                )
            )
        return
    if row.status == ReviewStatus.RECUSED:
        raise ReviewRecused(
            T(
                "您已声明利益冲突并回避，本评审不能打分或作答。",
                "You declared a conflict of interest and are recused: this review cannot be scored.",
            )
        )
    require_declarations(row)
    if row.version > 1 and code is not None:
        returned = version_returned(s, row)
        if code not in returned:
            raise NotReturned(
                T(
                    "指标 {c} 不在退回修改的范围内；只能修改：{codes}。",
                    "Indicator {c} was not returned for correction; only these may change: {codes}.",
                    c=code,
                    codes=", ".join(sorted(returned)),
                ),
                code=code,
            )


def require_declarations(row: ReviewRow) -> None:
    if row.conflict == Conflict.UNDECLARED or not row.pledge_accepted:
        raise DeclarationsFirst(
            T(
                "请先完成利益冲突声明和保密承诺，再开始评分。",
                "Declare any conflict of interest and accept the confidentiality pledge before scoring.",
            )
        )


def locked() -> ReviewLocked:
    return ReviewLocked(
        T(
            "评分表已定稿签名并锁定；如需修改，须由组长发出退回修改通知。",
            "The sheet is finalised, signed and locked; only a return notice from the chair can reopen it.",
        )
    )


def version_row(s: Session, row: ReviewRow) -> SheetVersionRow:
    return s.scalars(
        select(SheetVersionRow).where(
            SheetVersionRow.review_id == row.id, SheetVersionRow.version == row.version
        )
    ).one()


def version_returned(s: Session, row: ReviewRow) -> set[str]:
    version = version_row(s, row)
    return set(s.scalars(select(ReturnedCodeRow.code).where(ReturnedCodeRow.sheet_version_id == version.id)))


def check_evidence_code(standard: Standard, code: str) -> None:
    if any(item.code == code for item in standard.yes_no):
        return
    entry.leaf(standard, code)


def returned_codes(standard: Standard, codes: Iterable[str]) -> tuple[str, ...]:
    """The codes a return notice unlocks: leaves, yes/no or eligibility items; a parent unlocks its leaves."""
    out: list[str] = []
    for code in codes:
        if standard.has_criterion(code):
            out.extend(leaf.code for leaf in standard.criterion(code).leaves())
        elif entry.known_code(standard, code):
            out.append(code)
        else:
            entry.leaf(standard, code)  # raises UnknownIndicator naming the code
    if not out:
        raise ReasonRequired(
            T(
                "退回修改通知必须列出要修改的指标。",
                "A return notice must name the indicators to correct.",
            )
        )
    return tuple(dict.fromkeys(out))


def review_row(s: Session, review: Review) -> ReviewRow:
    row = s.get(ReviewRow, review.id)
    if row is None:
        raise ReviewNotFound(
            T("本地数据库中没有评审 {id}。", "No review {id} in the local store.", id=review.id)
        )
    return row
