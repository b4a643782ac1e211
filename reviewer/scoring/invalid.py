"""Typed errors of the reconciliation engine's inputs.

Each names the expert and the indicator at fault (when there is one) both in its bilingual message
and as attributes, so that the chair's view can point at the cell and a test can check the cause.
"""

from __future__ import annotations

from decimal import Decimal

from reviewer.errors import InvalidInput
from reviewer.i18n import Text


class ReconcileInputError(InvalidInput):
    """Base: the sheets or the chair's decisions cannot be reconciled as given."""

    def __init__(self, message: Text, *, expert_id: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.expert_id = expert_id
        self.code = code


class DuplicateSheet(ReconcileInputError):
    """Two sheets of the same expert were given; the engine takes exactly one per expert."""


class UnknownExpert(ReconcileInputError):
    """A decision names an expert who has no (non-recused) sheet."""


class UnknownCode(ReconcileInputError):
    """A score, answer or decision names a code the standard does not have (or not of that kind)."""


class MissingScore(ReconcileInputError):
    """A non-recused expert did not score a leaf indicator."""


class MissingAnswer(ReconcileInputError):
    """A non-recused expert did not answer a yes/no item."""


class ScoreOutOfRange(ReconcileInputError):
    """A score or consensus value below 0 or above the indicator's points (or not a number)."""

    def __init__(self, message: Text, *, expert_id: str | None, code: str, value: Decimal | None) -> None:
        super().__init__(message, expert_id=expert_id, code=code)
        self.value = value


class OffStep(ReconcileInputError):
    """A score or consensus value that is not a multiple of the indicator's step."""

    def __init__(self, message: Text, *, expert_id: str | None, code: str, value: Decimal) -> None:
        super().__init__(message, expert_id=expert_id, code=code)
        self.value = value


class RationaleMissing(ReconcileInputError):
    """A consensus score without a written rationale (or without who decided it and when)."""


class ExplanationInvalid(ReconcileInputError):
    """An explanation of a divergent score that is empty."""
