"""How far one expert's review has come, and what it still lacks before it can be signed.

Pure functions over a :class:`~reviewer.standards.model.Standard` and the expert's own
:class:`~reviewer.scoring.workbench_types.ReviewState` (never anyone else's scores)::

    p = progress(standard, state)            # p.scored / p.total, p.subtotals["1"].points_scored
    nxt = next_unscored(standard, state.scores, after="1.3")   # "1.4", wrapping round; None when done
    nxt = next_needing_comment(standard, state.scores, state.comments, after="1.3")
    for item in missing(standard, state):    # what the finalise step lists
        print(item.code, item.message)

:func:`missing` applies the same rules as finalising (``reviewer.scoring.entry`` and the sheet's
checks): every leaf scored, a comment where the standard requires one for that score, every yes/no
item answered (a "no" with its reason), every eligibility condition confirmed or flagged (a flag
with its reason), and the declarations made. A recused review lacks nothing but its declaration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from reviewer.i18n import T, Text
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import Conflict, EligibilityState, ReviewState
from reviewer.standards.model import Criterion, Standard


class MissingKind(StrEnum):
    DECLARATION = "declaration"  # conflict of interest not declared
    PLEDGE = "pledge"  # confidentiality pledge not accepted
    SCORE = "score"  # a leaf indicator without a score
    COMMENT = "comment"  # a comment the standard requires for the score given
    YES_NO = "yes_no"  # a yes/no item without an answer, or a "no" without its reason
    ELIGIBILITY = "eligibility"  # a condition neither confirmed nor flagged, or flagged without reason
    FIGURE = "figure"  # an objective leaf's figure neither confirmed nor flagged, or a flag without reason/evidence


@dataclass(frozen=True)
class Missing:
    """One thing the sheet still lacks: its kind, the code it concerns ("" for declarations), why."""

    kind: MissingKind
    code: str
    message: Text


@dataclass(frozen=True)
class Subtotal:
    """One level-1 indicator: how many of its leaves are scored, and the sum of their scores."""

    code: str
    scored: int
    total: int
    points_scored: Decimal
    points: Decimal

    @property
    def complete(self) -> bool:
        return self.scored == self.total


@dataclass(frozen=True)
class Progress:
    scored: int
    total: int
    points_scored: Decimal
    subtotals: Mapping[str, Subtotal]

    @property
    def complete(self) -> bool:
        return self.scored == self.total


def _subtotal(top: Criterion, scores: Mapping[str, Decimal]) -> Subtotal:
    leaves = [leaf for leaf in top.leaves() if leaf.objective is None]  # objective: computed, not scored
    given = [scores[c.code] for c in leaves if c.code in scores]
    return Subtotal(top.code, len(given), len(leaves), sum(given, Decimal(0)), top.points)


def progress(standard: Standard, scores: Mapping[str, Decimal] | ReviewState) -> Progress:
    """Scored leaves of all leaves, and one :class:`Subtotal` per level-1 indicator."""
    values = scores.scores if isinstance(scores, ReviewState) else scores
    subtotals = {top.code: _subtotal(top, values) for top in standard.criteria}
    return Progress(
        scored=sum(s.scored for s in subtotals.values()),
        total=sum(s.total for s in subtotals.values()),
        points_scored=sum((s.points_scored for s in subtotals.values()), Decimal(0)),
        subtotals=subtotals,
    )


def next_unscored(standard: Standard, scores: Mapping[str, Decimal], after: str | None = None) -> str | None:
    """The first unscored leaf after ``after`` in the standard's order, wrapping round to the start.

    ``after`` may be any code (a leaf, a level-1 indicator: then its own leaves come first, or an
    unknown code: then the search starts at the beginning). ``None`` when every leaf is scored.
    """
    order = [leaf.code for leaf in standard.leaves()]
    objective = {leaf.code for leaf in standard.leaves() if leaf.objective is not None}
    start = 0
    if after is not None and standard.has_criterion(after):
        node = standard.criterion(after)
        start = order.index(after) + 1 if node.is_leaf else order.index(next(node.leaves()).code)
    for code in order[start:] + order[:start]:
        if code not in scores and code not in objective:
            return code
    return None


def next_needing_comment(
    standard: Standard,
    scores: Mapping[str, Decimal],
    comments: Mapping[str, str],
    after: str | None = None,
) -> str | None:
    """The first leaf after ``after`` (wrapping round, as :func:`next_unscored`) whose score needs
    a comment the standard requires and does not have yet; ``None`` when there is none."""
    order = [leaf.code for leaf in standard.leaves()]
    start = order.index(after) + 1 if after in order else 0
    for code in order[start:] + order[:start]:
        value = scores.get(code)
        if value is None:
            continue
        try:
            entry.check_comment(standard, code, value, comments.get(code))
        except entry.CommentRequired:
            return code
    return None


def _figure_missing(code: str, state: ReviewState) -> list[Missing]:
    """An objective leaf: its figure confirmed, or flagged with a reason and evidence."""
    got = state.figures.get(code)
    if got is None:
        why = T(
            "指标 {c} 的数据尚未确认或标记存疑。",
            "The figure of indicator {c} has been neither confirmed nor flagged.",
            c=code,
        )
        return [Missing(MissingKind.FIGURE, code, why)]
    out = []
    if got.state is EligibilityState.FLAGGED and not (got.comment or "").strip():
        why = T(
            "指标 {c}：标记数据存疑时必须填写说明。",
            "Indicator {c}: say why when you flag its figure.",
            c=code,
        )
        out.append(Missing(MissingKind.FIGURE, code, why))
    if got.state is EligibilityState.FLAGGED and not state.evidence_for(code):
        why = T(
            "指标 {c}：标记数据存疑时必须附上证据（材料页码或附件）。",
            "Indicator {c}: a flagged figure needs evidence (a material's page or a file).",
            c=code,
        )
        out.append(Missing(MissingKind.FIGURE, code, why))
    return out


def missing(standard: Standard, state: ReviewState) -> tuple[Missing, ...]:
    """Everything the sheet still lacks before it can be finalised, in the standard's order."""
    out: list[Missing] = []
    declaration = state.declaration
    if declaration.conflict is Conflict.UNDECLARED:
        out.append(
            Missing(
                MissingKind.DECLARATION,
                "",
                T("尚未作出利益冲突声明。", "The conflict-of-interest declaration has not been made."),
            )
        )
    if declaration.conflict is Conflict.DECLARED:
        return tuple(out)  # recused: no scores, answers or pledge are due
    if not declaration.pledge_accepted:
        out.append(
            Missing(
                MissingKind.PLEDGE,
                "",
                T("尚未接受保密承诺。", "The confidentiality pledge has not been accepted."),
            )
        )
    for leaf in standard.leaves():
        if leaf.objective is not None:
            out += _figure_missing(leaf.code, state)
            continue
        value = state.scores.get(leaf.code)
        if value is None:
            out.append(
                Missing(
                    MissingKind.SCORE,
                    leaf.code,
                    T("指标 {c} 尚未评分。", "Indicator {c} has not been scored.", c=leaf.code),
                )
            )
            continue
        try:
            entry.check_comment(standard, leaf.code, value, state.comments.get(leaf.code))
        except entry.CommentRequired as exc:
            out.append(Missing(MissingKind.COMMENT, leaf.code, exc.message))
    for item in standard.yes_no:
        answer = state.yes_no.get(item.code)
        if answer is None:
            out.append(
                Missing(
                    MissingKind.YES_NO,
                    item.code,
                    T("是/否项 {c} 尚未回答。", "The yes/no item {c} has not been answered.", c=item.code),
                )
            )
        elif not answer.answer and not (answer.comment or "").strip():
            out.append(
                Missing(
                    MissingKind.YES_NO,
                    item.code,
                    T(
                        "是/否项 {c} 答“否”时必须说明理由。",
                        "The yes/no item {c}: a “no” needs its reason.",
                        c=item.code,
                    ),
                )
            )
    for cond in standard.eligibility:
        got = state.eligibility.get(cond.code)
        if got is None:
            out.append(
                Missing(
                    MissingKind.ELIGIBILITY,
                    cond.code,
                    T(
                        "资格条件 {c} 尚未确认或标记。",
                        "The eligibility condition {c} has been neither confirmed nor flagged.",
                        c=cond.code,
                    ),
                )
            )
        elif got.state is EligibilityState.FLAGGED and not (got.comment or "").strip():
            out.append(
                Missing(
                    MissingKind.ELIGIBILITY,
                    cond.code,
                    T(
                        "资格条件 {c} 标记为不符合时必须说明。",
                        "The eligibility condition {c}: a flag needs its reason.",
                        c=cond.code,
                    ),
                )
            )
    return tuple(out)
