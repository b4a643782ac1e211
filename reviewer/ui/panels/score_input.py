"""What the score box lets through: digits and one stop as typed (a Chinese IME's full-width ones
too), Acceptable only once :func:`reviewer.scoring.entry.check_score` passes for the indicator."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator

from reviewer.scoring import entry
from reviewer.standards.model import Standard


def half_width(text: str) -> str:
    """Full-width digits and stops (as a Chinese IME types them) as ASCII."""
    return unicodedata.normalize("NFKC", text).replace("。", ".")


def differs(typed: str, saved: str) -> bool:
    """The box's text is another score than the saved one ("7.0" and "７" are the 7 saved)."""
    typed, saved = half_width(typed).strip(), half_width(saved).strip()
    if typed == saved:
        return False
    if not typed or not saved:
        return True
    try:
        return Decimal(typed) != Decimal(saved)
    except ArithmeticError:
        return True


def refusal(standard: Standard, code: str, typed: str) -> str | None:
    """Why ``typed`` cannot be saved as the score of ``code`` (the core's words), or ``None``."""
    text = half_width(typed).strip()
    if not text:
        return None
    try:
        entry.check_score(standard, code, text)
    except entry.ScoreEntryError as exc:
        return str(exc)
    return None


class ScoreValidator(QValidator):
    """Only digits and one decimal stop may be typed; Acceptable once the core check passes."""

    def __init__(self, standard: Standard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._standard = standard
        self.code: str | None = None

    def validate(self, text: str, pos: int) -> object:
        plain = half_width(text).strip()
        if not plain:
            return QValidator.State.Intermediate, text, pos
        if any(ch not in "0123456789." for ch in plain) or plain.count(".") > 1:
            return QValidator.State.Invalid, text, pos
        if self.code is None:
            return QValidator.State.Intermediate, text, pos
        try:
            entry.check_score(self._standard, self.code, plain)
        except entry.ScoreEntryError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos
