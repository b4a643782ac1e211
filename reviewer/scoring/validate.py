"""Check the engine's inputs before any arithmetic; the first problem raises a typed error.

The order is fixed (sheets by expert id, then indicators in the standard's order, then the
decisions), so the same bad input always reports the same problem first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from reviewer.i18n import T
from reviewer.scoring.inputs import Decisions, ExpertScores
from reviewer.scoring.invalid import (
    DuplicateSheet,
    ExplanationInvalid,
    MissingAnswer,
    MissingScore,
    OffStep,
    RationaleMissing,
    ScoreOutOfRange,
    UnknownCode,
    UnknownExpert,
)
from reviewer.standards.model import Criterion, Standard

WHO_PANEL = "—"  # how a chair's decision is named where an expert would be


def number(value: object, *, expert_id: str | None, code: str) -> Decimal:
    """A finite Decimal (ints are accepted); anything else is refused rather than guessed."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ScoreOutOfRange(
            T(
                "专家 {e} 的指标 {c} 分数不是数值：{v}",
                "expert {e}, indicator {c}: the score is not a number: {v}",
                e=expert_id or WHO_PANEL,
                c=code,
                v=repr(value),
            ),
            expert_id=expert_id,
            code=code,
            value=None,
        )
    value = Decimal(value)
    if not value.is_finite():
        raise ScoreOutOfRange(
            T(
                "专家 {e} 的指标 {c} 分数不是有限数值：{v}",
                "expert {e}, indicator {c}: the score is not a finite number: {v}",
                e=expert_id or WHO_PANEL,
                c=code,
                v=value,
            ),
            expert_id=expert_id,
            code=code,
            value=value,
        )
    return value


def check_value(leaf: Criterion, raw: object, *, expert_id: str | None) -> Decimal:
    """A score (or consensus value) within ``[0, points]`` and on the indicator's step grid."""
    value = number(raw, expert_id=expert_id, code=leaf.code)
    who = expert_id or WHO_PANEL
    if value < 0 or value > leaf.points:
        raise ScoreOutOfRange(
            T(
                "专家 {e} 的指标 {c} 分数 {v} 超出范围 0–{p}",
                "expert {e}, indicator {c}: score {v} is outside 0–{p}",
                e=who,
                c=leaf.code,
                v=value,
                p=leaf.points,
            ),
            expert_id=expert_id,
            code=leaf.code,
            value=value,
        )
    step = leaf.step if leaf.step is not None else Decimal(1)
    if (Fraction(value) / Fraction(step)).denominator != 1:
        raise OffStep(
            T(
                "专家 {e} 的指标 {c} 分数 {v} 不是步长 {s} 的整数倍",
                "expert {e}, indicator {c}: score {v} is not a multiple of the step {s}",
                e=who,
                c=leaf.code,
                v=value,
                s=step,
            ),
            expert_id=expert_id,
            code=leaf.code,
            value=value,
        )
    return value


_MISSING = object()


def _step_ratio(leaf: Criterion) -> tuple[int, int]:
    step = leaf.step if leaf.step is not None else Decimal(1)
    return step.as_integer_ratio()


def _plainly_valid(raw: object, points: Decimal, step: tuple[int, int]) -> bool:
    """The common case of :func:`check_value`, on integers: a finite Decimal or a plain int within
    ``[0, points]`` with ``raw / step`` an integer. ``False`` leaves the verdict to ``check_value``.

    ``raw = n/d`` and ``step = p/q``: ``raw / step = (n*q) / (d*p)`` is an integer when ``d*p``
    divides ``n*q``.
    """
    value: Decimal | int
    if type(raw) is Decimal:
        if not raw.is_finite():
            return False
        value = raw
    elif type(raw) is int:  # not a bool, which check_value refuses
        value = raw
    else:
        return False
    if value < 0 or value > points:
        return False
    n, d = value.as_integer_ratio()
    p, q = step
    return p > 0 and (n * q) % (d * p) == 0


def check_sheets(standard: Standard, sheets: Sequence[ExpertScores]) -> list[ExpertScores]:
    """The sheets sorted by expert id, after checking every non-recused one; raises on the first problem."""
    seen: set[str] = set()
    for sheet in sheets:
        if not sheet.expert_id or sheet.expert_id in seen:
            raise DuplicateSheet(
                T(
                    "专家 {e} 的评分表重复或缺少专家编号：每位专家只取最新的一份",
                    "expert {e}: duplicate sheet or no expert id; give one (the newest) sheet per expert",
                    e=sheet.expert_id or "?",
                ),
                expert_id=sheet.expert_id,
            )
        seen.add(sheet.expert_id)
    ordered = sorted(sheets, key=lambda s: s.expert_id)
    leaves = [leaf for leaf in standard.leaves() if leaf.objective is None]  # objective: computed
    leaf_codes = {leaf.code for leaf in leaves}
    grids = [(leaf, leaf.points, _step_ratio(leaf)) for leaf in leaves]
    item_codes = {item.code for item in standard.yes_no}
    for sheet in ordered:
        if sheet.recused:
            continue
        e = sheet.expert_id
        for code in sheet.scores:
            if code not in leaf_codes:
                raise UnknownCode(
                    T(
                        "专家 {e} 的评分表含有本标准由专家评分的末级指标以外的代码 {c}",
                        "expert {e}: the sheet scores {c}, which is not a leaf indicator the experts score in this standard",
                        e=e,
                        c=code,
                    ),
                    expert_id=e,
                    code=code,
                )
        scores = sheet.scores
        for leaf, points, step in grids:
            raw = scores.get(leaf.code, _MISSING)
            if raw is _MISSING:
                raise MissingScore(
                    T(
                        "专家 {e} 未给指标 {c} 评分",
                        "expert {e} has not scored indicator {c}",
                        e=e,
                        c=leaf.code,
                    ),
                    expert_id=e,
                    code=leaf.code,
                )
            if not _plainly_valid(raw, points, step):
                check_value(leaf, raw, expert_id=e)  # raises the typed error (or accepts a subclass)
        for code in sheet.answers:
            if code not in item_codes:
                raise UnknownCode(
                    T(
                        "专家 {e} 回答了本标准没有的是否项 {c}",
                        "expert {e} answered {c}, which is not a yes/no item of this standard",
                        e=e,
                        c=code,
                    ),
                    expert_id=e,
                    code=code,
                )
        for item in standard.yes_no:
            if not isinstance(sheet.answers.get(item.code), bool):
                raise MissingAnswer(
                    T(
                        "专家 {e} 未对是否项 {c} 作答（是或否）",
                        "expert {e} has not answered yes/no item {c} (yes or no)",
                        e=e,
                        c=item.code,
                    ),
                    expert_id=e,
                    code=item.code,
                )
    return ordered


def check_decisions(standard: Standard, decisions: Decisions, scoring_ids: set[str]) -> None:
    leaves = {leaf.code: leaf for leaf in standard.leaves() if leaf.objective is None}
    for code, consensus in decisions.consensus.items():
        if code not in leaves:
            raise UnknownCode(
                T(
                    "共识分指向的 {c} 不是本标准由专家评分的末级指标（客观指标按数据计算）",
                    "the consensus score names {c}, which is not a leaf indicator the experts score (objective ones are computed)",
                    c=code,
                ),
                code=code,
            )
        if not (consensus.rationale or "").strip():
            raise RationaleMissing(
                T(
                    "指标 {c} 的共识分缺少理由：偏离计算结果必须写明理由",
                    "indicator {c}: a consensus score needs a written rationale",
                    c=code,
                ),
                code=code,
            )
        if not (consensus.by or "").strip() or not _is_timestamp(consensus.at):
            raise RationaleMissing(
                T(
                    "指标 {c} 的共识分必须记录决定人和时间（ISO 8601）",
                    "indicator {c}: a consensus score must record who decided it and when (ISO 8601)",
                    c=code,
                ),
                code=code,
            )
        check_value(leaves[code], consensus.value, expert_id=None)
    seen: set[tuple[str, str]] = set()
    for note in decisions.explanations:
        if note.expert_id not in scoring_ids:
            raise UnknownExpert(
                T(
                    "偏离说明所署专家 {e} 没有计入的评分表",
                    "the explanation names expert {e}, who has no counted sheet",
                    e=note.expert_id,
                ),
                expert_id=note.expert_id,
                code=note.code,
            )
        if note.code not in leaves:
            raise UnknownCode(
                T(
                    "专家 {e} 的偏离说明指向的 {c} 不是末级指标",
                    "expert {e}: the explanation names {c}, which is not a leaf indicator",
                    e=note.expert_id,
                    c=note.code,
                ),
                expert_id=note.expert_id,
                code=note.code,
            )
        if not (note.text or "").strip() or (note.expert_id, note.code) in seen:
            raise ExplanationInvalid(
                T(
                    "专家 {e} 对指标 {c} 的偏离说明为空或重复",
                    "expert {e}, indicator {c}: the explanation is empty or given twice",
                    e=note.expert_id,
                    c=note.code,
                ),
                expert_id=note.expert_id,
                code=note.code,
            )
        seen.add((note.expert_id, note.code))


def _is_timestamp(value: object) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
