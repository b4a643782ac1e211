"""The chair's decisions from the matrix and the opinion page (专家组的决定): a consensus score (a
proposal on a ground of the panel rules, until the panel adopts it), an expert's explanation of a
divergent score, a return notice, the panel opinion, the visit. (Dissents are the members' own:
:mod:`reviewer.ui.panels.chair_voting`.)

Each handler asks what it needs (a dialog, a confirmation before what cannot be undone), builds the
core's decision with who and when, and hands it to :meth:`ChairPanel._decide`, which checks it
against the package, logs it in the chair store and recomputes — or refuses it while a signature on
the record fixes what the record was made from. :class:`ChairDeciding` is the part of
:class:`~reviewer.ui.panels.chair_panel.ChairPanel` that does this; it holds no state of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reviewer.app.chair_work import sign_return_notice
from reviewer.app.opening import OpenedReview
from reviewer.scoring.decisions import (
    Actor,
    ConsensusDecision,
    ExplanationDecision,
    Opinion,
    PanelDecisions,
    ReturnDecision,
    VisitInfo,
)
from reviewer.scoring.panel import PanelState
from reviewer.scoring.result import Reconciliation
from reviewer.ui import labels
from reviewer.ui.dialogs import errors
from reviewer.ui.panels import chair_decisions as dialogs
from reviewer.ui.panels import chair_questions as questions
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:  # to the type checker the mix-in is the widget it is mixed into (the dialogs' parent)
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


class ChairDeciding(_Widget):
    """The decision handlers of the chair panel (a mix-in: the panel provides what is declared here)."""

    review: OpenedReview
    state: PanelState | None
    reconciliation: Reconciliation | None
    _now: Callable[[], str]
    _executor: Executor | None
    if TYPE_CHECKING:  # read-only properties of the panel

        @property
        def decisions(self) -> PanelDecisions: ...
        @property
        def actor(self) -> Actor: ...

    _decide: Callable[..., bool]
    _refuse_if_locked: Callable[[], bool]
    _names: Callable[[], dict[str, str]]

    def set_consensus(self, code: str) -> bool:
        if self.state is None or self.reconciliation is None or not code or self._refuse_if_locked():
            return False
        held = self.decisions.consensus_for(code)
        dialog = dialogs.ConsensusDialog(
            self,
            self.review.standard,
            code,
            self.reconciliation.indicator(code).aggregate,
            None if held is None else (held.value, held.rationale, held.ground),
            self.state.rules.grounds,
        )
        if not dialogs.run_dialog(dialog) or dialog.value is None:
            return False
        if held is not None and (held.value, held.ground, held.rationale) == (
            dialog.value,
            dialog.ground,
            dialog.rationale,
        ):
            return True  # unchanged: its motion and votes stand
        decision = ConsensusDecision(
            code, dialog.value, dialog.rationale, self.actor, self._now(), ground=dialog.ground
        )
        return self._decide(self.decisions.with_consensus(decision), "consensus", code, decision.rationale)

    def withdraw_consensus(self, code: str) -> bool:
        return self.state is not None and self._decide(
            self.decisions.without_consensus(code), "withdraw_consensus", code
        )

    def enter_explanation(self, expert: str, code: str) -> bool:
        if self.state is None or self.reconciliation is None or self._refuse_if_locked():
            return False
        held = self.decisions.explanation_for(expert, code)
        score = self.reconciliation.indicator(code).score_of(expert)
        dialog = dialogs.ExplanationDialog(
            self,
            self._names().get(expert, expert[:12]),
            code,
            labels.number(score),
            held.text if held else "",
        )
        if not dialogs.run_dialog(dialog):
            return False
        decision = ExplanationDecision(expert, code, dialog.text, self.actor, self._now())
        return self._decide(
            self.decisions.with_explanation(decision), "explanation", f"{expert}/{code}", dialog.text
        )

    def return_sheet(self, expert: str, code: str) -> Path | None:
        """A signed return notice for ``expert``'s sheet: recorded, then saved where the chair chooses."""
        if self.state is None or self._refuse_if_locked():
            return None
        sheet = next((s for s in self.state.sheets() if s.expert_id == expert), None)
        if sheet is None:
            return None
        name = self._names().get(expert, expert[:12])
        dialog = dialogs.ReturnDialog(self, self.review.standard, name, [code] if code else [])
        if not dialogs.run_dialog(dialog):
            return None
        if not questions.confirm_return(self, name, sheet.revision, dialog.codes, dialog.reason):
            return None
        codes, reason = tuple(sorted(dialog.codes)), dialog.reason
        review, state, actor, now = self.review, self.state, self.actor, self._now()
        saved: list[Path] = []

        def signed(notice: tuple[bytes, str]) -> None:  # the chair's signature, made on a worker
            data, digest = notice
            # named in the UI's language
            stem = QCoreApplication.translate("ChairDeciding", "{name}-v{n}-returned")
            stem = stem.format(name=name, n=sheet.revision)
            suggested = str(review.path.parent / f"{stem}.rvreturn")
            path = dialogs.choose_return_path(self, suggested)
            if path is None or self.state is None:
                return
            decision = ReturnDecision(expert, sheet.revision, codes, reason, digest, actor, now)
            # the notice is saved as the decision is recorded, never before (record_decisions)
            if self._decide(
                self.decisions.with_return(decision), "return", expert, reason, notice=(path, data)
            ):
                saved.append(path)

        task = Task(self, lambda _p: sign_return_notice(review, state, sheet, codes, reason), self._executor)
        task.on_success(signed).on_failure(partial(errors.report, self)).run()
        return saved[0] if saved and saved[0].exists() else None

    def _save_opinion(
        self, strengths: tuple, problems: tuple, recommendations: tuple, conclusion: str
    ) -> None:
        if self.state is None or self._refuse_if_locked():
            return
        opinion = Opinion(strengths, problems, recommendations, conclusion, self.actor, self._now())
        self._decide(self.decisions.with_opinion(opinion), "opinion")

    def _save_visit(self, dates: tuple, place: str) -> None:
        if self.state is not None and not self._refuse_if_locked():
            self._decide(self.decisions.with_visit(VisitInfo(dates, place)), "visit", "", place)
