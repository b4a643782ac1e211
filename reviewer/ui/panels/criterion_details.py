"""How the selected item is scored: points, step, minimum, score levels, guidance, evidence.

Shows a :class:`Criterion`, a :class:`YesNoItem` or an :class:`EligibilityItem` of the open
standard as read-only rich text, in the current language, re-rendered on a language switch.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from reviewer import i18n
from reviewer.standards.model import CommentRule, Criterion, EligibilityItem, Standard, YesNoItem
from reviewer.ui import labels, palette

CSS = f"""
h2 {{ margin-bottom: 2px; }}
td.k {{ color: {palette.MUTED}; padding-right: 14px; white-space: nowrap; }}
table.levels {{ border-collapse: collapse; }}
table.levels td, table.levels th {{ border: 1px solid {palette.TABLE_BORDER}; padding: 3px 8px; }}
table.levels th {{ background: {palette.TABLE_HEADER}; text-align: left; }}
"""


class CriterionDetails(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criterionDetails")
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(CSS)
        self._standard: Standard | None = None
        self._item: Any = None
        self._describe()

    @property
    def item(self) -> Any:
        return self._item

    def show_item(self, standard: Standard | None, item: Any) -> None:
        self._standard, self._item = standard, item
        self._describe()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
        super().changeEvent(event)

    # --- rendering --------------------------------------------------------------------------
    def _describe(self) -> None:
        item, lang = self._item, i18n.language()
        self.setAccessibleName(self.tr("How the selected item is scored"))
        if isinstance(item, Criterion):
            html = self._criterion(item, lang)
        elif isinstance(item, YesNoItem):
            html = self._yes_no(item, lang)
        elif isinstance(item, EligibilityItem):
            html = self._eligibility(item, lang)
        else:
            hint = self.tr("Select an indicator to see how it is scored.")
            html = f"<p style='color:{palette.HINT}'>{escape(hint)}</p>"
        self.setHtml(html)

    @staticmethod
    def _facts(rows: list[tuple[str, str]]) -> str:
        cells = "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows if v)
        return f"<table>{cells}</table>"

    @staticmethod
    def _heading(code: str, title: str) -> str:
        return f"<h2>{escape(code)}&nbsp;&nbsp;{escape(title)}</h2>"

    def _section(self, title: str, body: str) -> str:
        return f"<h4>{escape(title)}</h4>{body}"

    def _criterion(self, c: Criterion, lang: str) -> str:
        facts = [(self.tr("Points"), labels.number(c.points))]
        if c.is_leaf:
            facts.append((self.tr("Scoring step"), labels.number(c.step)))
        elif self._standard is not None and c.level == 1:
            minimum = self._standard.level1_minimum(c)
            facts.append((self.tr("Minimum"), labels.number(minimum)))
        facts.append((self.tr("Evidence"), labels.evidence_names(c.evidence)))
        if c.is_leaf:
            facts.append((self.tr("Comment"), self._comment_rule(c)))
        parts = [self._heading(c.code, c.title.text(lang)), self._facts(facts)]
        if c.levels:  # what the expert scores against: first, before the guidance
            rows = "".join(
                f"<tr><td>{labels.number(lv.low)}–{labels.number(lv.high)}</td><td>{escape(lv.text.text(lang))}</td></tr>"
                for lv in sorted(c.levels, key=lambda lv: lv.low, reverse=True)
            )
            score, level = self.tr("Score"), self.tr("Level")
            head = f"<tr><th>{escape(score)}</th><th>{escape(level)}</th></tr>"
            parts.append(
                self._section(self.tr("Score levels"), f"<table class='levels'>{head}{rows}</table>")
            )
        if c.guidance:
            parts.append(self._section(self.tr("Guidance"), f"<p>{escape(c.guidance.text(lang))}</p>"))
        if c.children:
            items = "".join(
                f"<li>{escape(k.code)} {escape(k.title.text(lang))} ({labels.number(k.points)})</li>"
                for k in c.children
            )
            parts.append(self._section(self.tr("Sub-indicators"), f"<ul>{items}</ul>"))
        return "".join(parts)

    def _comment_rule(self, c: Criterion) -> str:
        text = labels.comment_rule_name(c.comment_rule)
        if c.comment_rule is not CommentRule.DEFAULT or self._standard is None:
            return text
        policy = self._standard.comments
        if policy.at_or_above_share is not None and policy.at_or_below_share is not None:
            return self.tr("Required at or above {high} or at or below {low} of the points").format(
                high=labels.share(policy.at_or_above_share), low=labels.share(policy.at_or_below_share)
            )
        if policy.at_or_above_share is not None:
            return self.tr("Required at or above {high} of the points").format(
                high=labels.share(policy.at_or_above_share)
            )
        if policy.at_or_below_share is not None:
            return self.tr("Required at or below {low} of the points").format(
                low=labels.share(policy.at_or_below_share)
            )
        return self.tr("Optional")

    def _yes_no(self, item: YesNoItem, lang: str) -> str:
        facts = [
            (self.tr("Effect"), labels.effect_name(item.effect)),
            (self.tr("Panel answer"), labels.combine_name(item.combine)),
            (self.tr("Evidence"), labels.evidence_names(item.evidence)),
        ]
        parts = [self._heading(item.code, item.title.text(lang)), self._facts(facts)]
        if item.guidance:
            parts.append(self._section(self.tr("Guidance"), f"<p>{escape(item.guidance.text(lang))}</p>"))
        return "".join(parts)

    def _eligibility(self, item: EligibilityItem, lang: str) -> str:
        note = self.tr("Checked as pass or fail before any scoring (formal review).")
        return f"{self._heading(item.code, item.text.text(lang))}<p>{escape(note)}</p>"
