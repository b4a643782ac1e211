"""What the chair reads about the selected cell of the matrix: the expert's score, comment and
evidence, a recusal and its reason, the consensus on an indicator, the explanation entered.

The texts keep the chair panel's translation context (``ChairPanel``), where they were first written.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from reviewer.scoring.panel import PanelState
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet_model import MaterialRef
from reviewer.standards.model import Standard
from reviewer.ui import labels


def cell_details(
    standard: Standard,
    state: PanelState,
    reconciliation: Reconciliation | None,
    names: Mapping[str, str],
    expert: str,
    code: str,
) -> str:
    """The details of ``expert``'s score for ``code`` ("" expert: the indicator and its consensus)."""
    leaf = standard.criterion(code)
    head = f"{code} {leaf.title.text()}"
    sheet = next((s for s in state.sheets() if s.expert_id == expert), None)
    if sheet is None:
        ind = reconciliation.indicator(code) if reconciliation else None
        text = head
        if ind is not None and ind.consensus is not None:
            c = ind.consensus
            text += "\n" + QCoreApplication.translate(
                "ChairPanel", "Consensus {value}: {why} ({by}, {at})"
            ).format(
                value=labels.number(c.value),
                why=c.rationale,
                by=names.get(c.by, c.by[:12]),
                at=labels.beijing_time(c.at),
            )
        return text
    name = names.get(expert, sheet.header.signer_name)
    if sheet.recused:
        return QCoreApplication.translate("ChairPanel", "{name} recused: {reason}").format(
            name=name, reason=sheet.declarations.conflict_reason
        )
    answer = sheet.answers.scores.get(code)
    lines = [
        head,
        QCoreApplication.translate("ChairPanel", "{name}, version {n}: {score}").format(
            name=name,
            n=sheet.revision,
            score=labels.number(answer.score) if answer else "—",  # type: ignore[arg-type]  # checked: Decimal
        ),
    ]
    if answer is not None:
        lines.append(
            QCoreApplication.translate("ChairPanel", "Comment: {text}").format(text=answer.comment or "—")
        )
        refs = [
            QCoreApplication.translate("ChairPanel", "{material}, page {page}").format(
                material=r.material.rsplit("/", 1)[-1], page=r.page
            )
            if isinstance(r, MaterialRef)
            else r.name
            for r in answer.evidence
        ]
        lines.append(
            QCoreApplication.translate("ChairPanel", "Evidence: {refs}").format(refs="; ".join(refs) or "—")
        )
    note = state.decisions.explanation_for(expert, code)
    if note is not None:
        lines.append(
            QCoreApplication.translate("ChairPanel", "Explanation: {text} (entered by {by}, {at})").format(
                text=note.text, by=note.by.name, at=labels.beijing_time(note.at)
            )
        )
    return "\n".join(lines)
