"""Score entry: check one value an expert types against the standard, before it is stored.

Pure functions over :class:`~reviewer.standards.model.Standard`; the workbench calls them before
every write, the command line's ``sheet fill`` and the GUI's score box use the same ones. Each
failure is a typed :class:`ScoreEntryError` whose bilingual message names the indicator, and whose
attributes (``code``, ``value``) let a caller point at the field::

    value = check_score(standard, "1.1", "6.5")        # Decimal('6.5'), or raises
    check_comment(standard, "1.1", value, comment)     # raises CommentRequired when one is due

A score must be a finite number in ``[0, points]`` and a multiple of the indicator's step (1 when
the standard gives none). Values are returned in one canonical form (``6.50`` → ``6.5``,
``1E+1`` → ``10``, ``-0`` → ``0``) so that the same score is always stored as the same text.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text
from reviewer.standards.model import Criterion, Standard


class ScoreEntryError(InvalidInput):
    """Base: a value the expert entered cannot be accepted. ``code`` names the indicator or item."""

    def __init__(self, message: Text, *, code: str, value: object = None) -> None:
        super().__init__(message)
        self.code = code
        self.value = value


class UnknownIndicator(ScoreEntryError):
    """The code is not an indicator (or item) of this standard."""


class NotScorable(ScoreEntryError):
    """The code is a level-1 indicator with sub-indicators: only leaves are scored."""


class NotANumber(ScoreEntryError):
    """The text is not a finite decimal number."""


class ScoreOutOfRange(ScoreEntryError):
    """Below 0 or above the indicator's points."""


class OffStep(ScoreEntryError):
    """Not a multiple of the indicator's step."""


class CommentRequired(ScoreEntryError):
    """The standard requires a comment here (e.g. at full or very low marks), and there is none."""


def canonical(value: Decimal) -> Decimal:
    """The one form a score is stored in: no exponent, no trailing zeros, no negative zero."""
    if value == 0:
        return Decimal(0)
    return Decimal(f"{value.normalize():f}")


def parse_number(code: str, raw: object) -> Decimal:
    """A finite Decimal from a Decimal, an int or text (surrounding spaces and full-width digits are fine).

    Floats are refused: ``0.1`` as a float is not 0.1, and a score must be exact.
    """
    value: Decimal | None = None
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int) and not isinstance(raw, bool):
        value = Decimal(raw)
    elif isinstance(raw, str):
        text = raw.strip().replace("．", ".")  # full-width full stop, as a Chinese IME may type it
        try:
            value = Decimal(text) if text else None
        except InvalidOperation:
            value = None
    if value is None or not value.is_finite():
        raise NotANumber(
            T(
                "指标 {c} 的分数“{v}”不是有效数值，请输入如 6 或 6.5 的数字。",
                "Indicator {c}: “{v}” is not a valid score; type a number such as 6 or 6.5.",
                c=code,
                v=str(raw),
            ),
            code=code,
            value=raw,
        )
    return value


def leaf(standard: Standard, code: str) -> Criterion:
    """The scored (leaf) indicator ``code``; raises :class:`UnknownIndicator` or :class:`NotScorable`."""
    if not standard.has_criterion(code):
        raise UnknownIndicator(
            T(
                "评审标准 {s} 中没有指标 {c}。",
                "The standard {s} has no indicator {c}.",
                s=standard.id,
                c=code,
            ),
            code=code,
        )
    node = standard.criterion(code)
    if not node.is_leaf:
        raise NotScorable(
            T(
                "指标 {c} 含有下级指标，不能直接打分；请为其下级指标打分。",
                "Indicator {c} has sub-indicators and is not scored itself; score its sub-indicators.",
                c=code,
            ),
            code=code,
        )
    return node


def check_range(node: Criterion, value: Decimal) -> Decimal:
    """``value`` in ``[0, points]`` and on the step grid, in canonical form."""
    if value < 0 or value > node.points:
        raise ScoreOutOfRange(
            T(
                "指标 {c} 的分数 {v} 超出范围，应在 0 至 {p} 分之间。",
                "Indicator {c}: {v} is out of range; the score must be between 0 and {p}.",
                c=node.code,
                v=value,
                p=canonical(node.points),
            ),
            code=node.code,
            value=value,
        )
    step = node.step if node.step is not None else Decimal(1)
    if (Fraction(value) / Fraction(step)).denominator != 1:
        raise OffStep(
            T(
                "指标 {c} 的分数 {v} 不符合步长 {s}，应为 {s} 的整数倍。",
                "Indicator {c}: {v} is not on the step; the score must be a multiple of {s}.",
                c=node.code,
                v=value,
                s=canonical(step),
            ),
            code=node.code,
            value=value,
        )
    return canonical(value)


def check_score(standard: Standard, code: str, raw: object) -> Decimal:
    """The score ``raw`` for indicator ``code``, checked and canonical; raises a :class:`ScoreEntryError`."""
    node = leaf(standard, code)
    return check_range(node, parse_number(code, raw))


def comment_required(standard: Standard, code: str, value: Decimal) -> bool:
    return standard.comment_required(leaf(standard, code), value)


def check_comment(standard: Standard, code: str, value: Decimal, comment: str | None) -> None:
    """Raise :class:`CommentRequired` when the standard requires a comment for ``value`` and it is blank."""
    node = leaf(standard, code)
    if standard.comment_required(node, value) and not (comment or "").strip():
        raise CommentRequired(
            T(
                "指标 {c} 打 {v} 分（满分 {p}）时必须填写评语，请说明理由。",
                "Indicator {c}: a score of {v} (of {p}) needs a comment; write the reason.",
                c=code,
                v=canonical(value),
                p=canonical(node.points),
            ),
            code=code,
            value=value,
        )


def check_entry(standard: Standard, code: str, raw: object, comment: str | None) -> Decimal:
    """A complete entry (score and comment), as a finished sheet needs it."""
    value = check_score(standard, code, raw)
    check_comment(standard, code, value, comment)
    return value


def check_yes_no_code(standard: Standard, code: str) -> None:
    if not any(item.code == code for item in standard.yes_no):
        raise UnknownIndicator(
            T(
                "评审标准 {s} 中没有是/否项 {c}。",
                "The standard {s} has no yes/no item {c}.",
                s=standard.id,
                c=code,
            ),
            code=code,
        )


def check_eligibility_code(standard: Standard, code: str) -> None:
    if not any(item.code == code for item in standard.eligibility):
        raise UnknownIndicator(
            T(
                "评审标准 {s} 中没有资格条件 {c}。",
                "The standard {s} has no eligibility condition {c}.",
                s=standard.id,
                c=code,
            ),
            code=code,
        )


def check_flag_comment(code: str, comment: str | None) -> None:
    """A flagged eligibility condition (or a "no" on a veto item) must say why."""
    if not (comment or "").strip():
        raise CommentRequired(
            T(
                "{c}：标记为不符合时必须填写说明。",
                "{c}: say why when you flag it as not met.",
                c=code,
            ),
            code=code,
        )


def known_code(standard: Standard, code: str) -> bool:
    """Any code of the standard: an indicator at any level, a yes/no item or an eligibility condition."""
    return (
        standard.has_criterion(code)
        or any(item.code == code for item in standard.yes_no)
        or any(item.code == code for item in standard.eligibility)
    )


class ComputedIndicator(ScoreEntryError):
    """An objective indicator is computed from the package's figures: it is not scored by hand."""


def check_not_objective(standard: Standard, code: str) -> None:
    """Refuse a hand score on an objective leaf (its points are computed from the sealed figure)."""
    if standard.has_criterion(code) and standard.criterion(code).objective is not None:
        raise ComputedIndicator(
            T(
                "指标 {c} 按数据计算得分，不能手工评分：请确认数据或标记数据存疑。",
                "Indicator {c} is computed from the figures and cannot be scored by hand: confirm its "
                "figure or flag it.",
                c=code,
            ),
            code=code,
        )


def check_objective_code(standard: Standard, code: str) -> None:
    """``code`` is an objective leaf (its figure can be confirmed or flagged)."""
    if leaf(standard, code).objective is None:
        raise UnknownIndicator(
            T(
                "指标 {c} 不是按数据计算的客观指标，没有可确认的数据。",
                "Indicator {c} is not an objective indicator: there is no figure to confirm or flag.",
                c=code,
            ),
            code=code,
        )
