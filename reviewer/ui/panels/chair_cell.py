"""What the chair reads about the selected cell of the matrix: the expert's score, comment and
evidence, a recusal and its reason, the consensus on an indicator, the explanation entered.

The texts keep the chair panel's translation context (``ChairPanel``), where they were first written.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from reviewer.scoring.panel import PanelState
from reviewer.scoring.result import ObjectiveResult, Reconciliation
from reviewer.scoring.sheet_model import MaterialRef
from reviewer.scoring.sheet_types import VerifiedSheet
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
    objective = reconciliation.objective_of(code) if reconciliation else None
    if objective is not None:
        return _figure_details(head, objective, sheet, names)
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


def _figure_details(
    head: str, objective: ObjectiveResult, sheet: VerifiedSheet | None, names: Mapping[str, str]
) -> str:
    """An objective indicator: the sealed figure, the computed points, and the checks (one expert's,
    or every flag for the indicator's row)."""
    base = (
        objective.figure if objective.relative_to is None else f"{objective.figure} − {objective.relative_to}"
    )
    lines = [
        head,
        QCoreApplication.translate(
            "ChairPanel", "Computed from the figure {figure} = {value}: {points}"
        ).format(figure=base, value=labels.number(objective.value), points=labels.number(objective.points)),
    ]
    if sheet is not None:
        check = sheet.answers.figures.get(objective.code)
        if check is None:
            return "\n".join(lines)
        flags = [f for f in objective.flags if f.expert_id == sheet.expert_id]
    else:
        flags = list(objective.flags)
        lines.append(
            QCoreApplication.translate("ChairPanel", "Confirmed by {n}, flagged by {m}").format(
                n=len(objective.confirmed), m=len(objective.flags)
            )
        )
    if sheet is not None and not flags:
        lines.append(QCoreApplication.translate("ChairPanel", "Figure confirmed"))
    for flag in flags:
        lines.append(
            QCoreApplication.translate(
                "ChairPanel", "{name} flagged the figure: {why} (evidence: {refs})"
            ).format(
                name=names.get(flag.expert_id, flag.expert_id[:12]),
                why=flag.comment,
                refs="; ".join(flag.evidence),
            )
        )
    return "\n".join(lines)
