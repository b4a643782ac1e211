"""The panel's vote from the chair's window (专家组表决): put the proposals and the draft opinion to
the panel (a motion signed by the chair, kept, offered to be saved for members voting on their own
laptops), import the members' statements, and let a member vote on the chair's laptop with their own
key. The work is :mod:`reviewer.app.panel_votes` on workers; every resulting decision goes through
:meth:`ChairPanel._decide` (checked, logged, refused while a signature fixes the record).

:class:`ChairVoting` is the part of :class:`~reviewer.ui.panels.chair_panel.ChairPanel` that does this.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reviewer.app import panel_votes as work
from reviewer.app.opening import OpenedReview
from reviewer.app.panel_votes import ADOPTED, PENDING, REJECTED, HeldVotes, VoteStatus
from reviewer.models.chair import ChairStore
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.panel import PanelState, VoteOutcome
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.statement import Statement, Vote
from reviewer.trust.identity import read_info
from reviewer.ui import labels
from reviewer.ui.dialogs import errors
from reviewer.ui.dialogs import member_vote as vote_dialogs
from reviewer.ui.dialogs.passphrase import PassphraseSource, keyring_source, retry_unlock
from reviewer.ui.models.matrix_model import Proposal
from reviewer.ui.panels import chair_votes as votes_ui
from reviewer.ui.panels.chair_votes import (
    ProposalRow,
    StatementFileRow,
    StatementRow,
    VotesPage,
)
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reviewer.ui.panels.chair_matrix import MatrixPage

    _Widget = QWidget
else:
    _Widget = object


class ChairVoting(_Widget):
    """The vote handlers of the chair panel (a mix-in: the panel provides what is declared here)."""

    review: OpenedReview
    state: PanelState | None
    reconciliation: Reconciliation | None
    votes: VotesPage
    matrix: MatrixPage
    _chair_store: ChairStore | None
    _executor: Executor | None
    if TYPE_CHECKING:

        @property
        def decisions(self) -> PanelDecisions: ...

    _decide: Callable[..., bool]
    _refuse_if_locked: Callable[[], bool]
    _names: Callable[[], dict[str, str]]
    _recompute: Callable[[], None]
    _show_cell: Callable[[str, str], None]

    # --- what the pages show ------------------------------------------------------------------
    def _state_now(self) -> PanelState | None:
        """The state with the decisions taken (the newest one too, while it is being logged)."""
        return None if self.state is None else replace(self.state, decisions=self.decisions)

    @property
    def held_votes(self) -> HeldVotes:
        """The motion the members answer now and the statements answering it."""
        state = self._state_now()
        return HeldVotes(None, ()) if state is None else work.held_votes(state)

    def _take_votes(self, after: PanelState, subject: str, why: str) -> None:
        """Hold the motions and statements of ``after`` and log its decisions (the votes applied)."""
        if self.state is None:
            return
        self.state = replace(self.state, motions=after.motions, statements=after.statements)
        if after.decisions != self.decisions:
            # logged as a replacement of the decisions (the store's action for votes applied)
            self._decide(after.decisions, "replace", subject, why)
        else:  # the same decisions: the pages (the record's inputs too) take the statements held
            self._recompute()

    def _status_text(self, status: VoteStatus) -> str:
        return {
            ADOPTED: QCoreApplication.translate("ChairVoting", "Adopted"),
            REJECTED: QCoreApplication.translate("ChairVoting", "Not adopted"),
            PENDING: QCoreApplication.translate("ChairVoting", "Pending vote"),
        }.get(
            status.status,
            QCoreApplication.translate("ChairVoting", "Pending vote (not yet put to the panel)"),
        )

    def _tally_text(self, status: VoteStatus) -> str:
        names = self._names()
        text = QCoreApplication.translate("ChairVoting", "Approve {a} / voters {n}, {k} needed").format(
            a=len(status.approve), n=status.voters, k=status.needed
        )
        if status.object:
            against = [n for fp, n in names.items() if fp in status.object]  # roster order
            text += QCoreApplication.translate("ChairVoting", "; objecting: {names}").format(
                names="、".join(against)
            )
        return text

    def _ground_text(self, code: str) -> str:
        assert self.state is not None
        g = self.state.rules.ground(code)
        return code if g is None else str(g.text())

    def _show_votes(self) -> None:
        """The proposals with their status on the vote page and in the matrix; the motion and the
        statements held; the opinion's approvals on the opinion page."""
        state = self._state_now()
        if state is None:
            return
        rows, marks = [], {}
        standard = self.review.standard
        for c in state.decisions.consensus:
            status = work.change_status(state, c.code)
            assert status is not None
            aggregate = (
                labels.number(self.reconciliation.indicator(c.code).aggregate) if self.reconciliation else "—"
            )
            rows.append(
                ProposalRow(
                    f"{c.code} {standard.criterion(c.code).title.text()}",
                    aggregate,
                    labels.number(c.value),
                    self._ground_text(c.ground),
                    self._status_text(status),
                    self._tally_text(status) if status.status != "unmoved" else "—",
                    status.status == ADOPTED,
                )
            )
            marks[c.code] = Proposal(
                c.value,
                self._status_text(status),
                QCoreApplication.translate(
                    "ChairVoting", "Proposed {value} on the ground: {ground}. {tally}. Rationale: {why}"
                ).format(
                    value=labels.number(c.value),
                    ground=self._ground_text(c.ground),
                    tally=self._tally_text(status),
                    why=c.rationale,
                ),
                status.status == ADOPTED,
            )
        opinion = work.opinion_status(state)
        if opinion is not None:
            rows.append(
                ProposalRow(
                    QCoreApplication.translate("ChairVoting", "Panel opinion (text)"),
                    "",
                    "",
                    "",
                    self._status_text(opinion),
                    self._tally_text(opinion) if opinion.status != "unmoved" else "—",
                    opinion.status == ADOPTED,
                )
            )
        rules = state.rules
        voters = len(state.voters())
        rule = QCoreApplication.translate(
            "ChairVoting",
            "A change is adopted when {rule} of the {n} voting members approve it ({k} needed; the chair "
            "approves by the motion). Until then the computed aggregate is the value taken.",
        ).format(rule=str(rules.change_approval.describe()), n=voters, k=rules.change_approval.needed(voters))
        self.votes.show_proposals(rows, rule)
        self.matrix.model.set_proposals(marks)
        self._show_cell(self.matrix.expert, self.matrix.code)  # the selected indicator's proposal too
        m = self.held_votes.motion
        self.votes.show_motion(
            None if m is None else (m.digest, m.created, len(m.changes), m.opinion is not None)
        )
        self.votes.show_held([self._statement_row(s) for s in self.held_votes.statements])

    def _statement_row(self, s: Statement) -> StatementRow:
        approve = sum(v.vote == "approve" for v in s.votes)
        text = QCoreApplication.translate("ChairVoting", "Approve {a}, object {o}").format(
            a=approve, o=len(s.votes) - approve
        )
        if s.opinion is not None:
            text += QCoreApplication.translate("ChairVoting", "; opinion: {vote}").format(
                vote=QCoreApplication.translate("ChairVoting", "approve")
                if s.opinion == "approve"
                else QCoreApplication.translate("ChairVoting", "object")
            )
        if s.dissent:
            text += QCoreApplication.translate("ChairVoting", "; with a dissent")
        return StatementRow(s.member.name, (s.motion_sha256 or "")[:12], text, s.created)

    # --- put to the panel ---------------------------------------------------------------------
    def put_to_panel(self) -> Task | None:
        """Confirm what goes in, then sign the motion on a worker, record the decisions it cites and
        offer to save the motion file."""
        state, rec = self._state_now(), self.reconciliation
        if state is None or rec is None or self._refuse_if_locked():
            return None
        changes, draft = work.proposals(state, rec)
        if not changes and draft is None:
            return None
        lines = [
            QCoreApplication.translate("ChairVoting", "{code}: {aggregate} → {value} ({ground})").format(
                code=c.code,
                aggregate=labels.number(c.aggregate),
                value=labels.number(c.value),
                ground=self._ground_text(c.ground),
            )
            for c in changes
        ]
        if draft is not None:
            lines.append(
                QCoreApplication.translate(
                    "ChairVoting", "The draft panel opinion (conclusion: {text})"
                ).format(text=draft.conclusion)
            )
        if not errors.confirm(
            self,
            QCoreApplication.translate("ChairVoting", "Put to the panel"),
            QCoreApplication.translate(
                "ChairVoting",
                "A motion signed with your key puts to the panel:\n{items}\n\nEach member approves or objects "
                "in a signed statement; your motion counts as your approval. A change counts only once "
                "adopted. The motion is kept here and you can save it for members voting on their own "
                "laptops.",
            ).format(items="\n".join(f"• {line}" for line in lines)),
            QCoreApplication.translate("ChairVoting", "Put to the panel"),
        ):
            return None
        review, store = self.review, self._chair_store
        task = Task(
            self, lambda _p: work.put_to_panel(review, state, rec, store), self._executor, writes=True
        )
        return task.on_success(self._moved).on_failure(partial(errors.report, self)).run()

    def _moved(self, after: PanelState) -> None:
        motion = work.held_votes(after).motion
        self._take_votes(after, f"motion {motion.digest if motion else ''}", "put to the panel")
        self._show_votes()
        self.save_motion()

    def save_motion(self) -> Task | None:
        """Save the motion file where the chair chooses (for members voting on their own laptops)."""
        motion = self.held_votes.motion
        if motion is None:
            return None
        # named in the UI's language
        stem = QCoreApplication.translate("ChairVoting", "motion-{id}").format(id=motion.digest[:8])
        suggested = str(self.review.path.parent / f"{stem}.rvmotion")
        path = votes_ui.choose_motion_path(self, suggested)
        if path is None:
            return None
        task = Task(self, lambda _p: work.save_motion_copy(motion, path), self._executor)
        return task.on_failure(partial(errors.report, self)).run()

    # --- statements ---------------------------------------------------------------------------
    def import_statements(self, paths: Sequence[Path]) -> Task | None:
        """Verify and keep the members' statement files in the background; refusals listed with their reason."""
        return self._import(lambda: work.read_statement_files(paths))

    def _import(
        self,
        offered: Callable[[], list[tuple[str, bytes]]],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Task | None:
        state = self._state_now()
        if state is None or not state.motions or self._refuse_if_locked():
            return None
        store = self._chair_store

        def run(_p: Callable[..., None]) -> tuple[PanelState, tuple[VoteOutcome, ...]]:
            return work.take_statements(state, offered(), store)

        self.votes.set_busy(True)

        def done(result: tuple[PanelState, tuple[VoteOutcome, ...]]) -> None:
            self.votes.set_busy(False)
            self._statements_imported(*result)

        def failed(exc: BaseException) -> None:
            self.votes.set_busy(False)
            (on_failure or partial(errors.report, self))(exc)

        return Task(self, run, self._executor, writes=True).on_success(done).on_failure(failed).run()

    def _statements_imported(self, after: PanelState, outcomes: tuple[VoteOutcome, ...]) -> None:
        self.votes.add_outcomes(
            [StatementFileRow(o.source, o.accepted, o.member_name or "", o.reason) for o in outcomes]
        )
        if any(o.accepted for o in outcomes):
            motion = work.held_votes(after).motion
            self._take_votes(
                after, f"votes {motion.digest if motion else ''}", "the members' signed statements"
            )
        self._show_votes()

    # --- a member votes on this laptop --------------------------------------------------------
    def member_vote(self) -> Task | None:
        """The member chooses their identity folder, votes in the dialog, then unlocks their key."""
        if self.state is None or self.held_votes.motion is None or self._refuse_if_locked():
            return None
        folder = vote_dialogs.choose_voter_folder(self, str(self.review.path.parent))
        if folder is None:
            return None
        task = Task(self, lambda _p: read_info(folder).name, self._executor)
        return task.on_success(partial(self._vote_as, folder)).on_failure(partial(errors.report, self)).run()

    def _vote_as(self, folder: Path, who: str) -> None:
        state, motion = self._state_now(), self.held_votes.motion
        if state is None or motion is None:
            return
        voting = {fp: n for fp, n in self._names().items() if fp in state.voters() and fp != state.chair}
        if who not in voting.values():
            errors.show_error(
                self,
                QCoreApplication.translate("ChairVoting", "Member votes"),
                QCoreApplication.translate(
                    "ChairVoting",
                    "{who} is not a voting member of this panel (the chair approves by the motion; a "
                    "member who recused does not vote).",
                ).format(who=who),
            )
            return
        standard = self.review.standard
        shown = [
            vote_dialogs.ChangeShown(
                c.code,
                standard.criterion(c.code).title.text(),
                labels.number(c.aggregate),
                labels.number(c.value),
                self._ground_text(c.ground),
                c.rationale,
            )
            for c in motion.changes
        ]
        opinion = None
        if motion.opinion is not None:
            o = motion.opinion
            opinion = "\n".join(
                [
                    QCoreApplication.translate("ChairVoting", "Strengths: {items}").format(
                        items="；".join(o.strengths) or "—"
                    ),
                    QCoreApplication.translate("ChairVoting", "Problems: {items}").format(
                        items="；".join(o.problems) or "—"
                    ),
                    QCoreApplication.translate("ChairVoting", "Recommendations: {items}").format(
                        items="；".join(o.recommendations) or "—"
                    ),
                    QCoreApplication.translate("ChairVoting", "Conclusion: {text}").format(text=o.conclusion),
                ]
            )
        dialog = vote_dialogs.MemberVoteDialog(self, who, shown, opinion)
        if not vote_dialogs.run_vote_dialog(dialog):
            return
        answer = (dialog.votes, dialog.opinion, dialog.dissent_text)
        self._sign_vote(folder, who, answer, keyring_source())

    def _sign_vote(
        self,
        folder: Path,
        who: str,
        answer: tuple[list[Vote], str | None, str | None],
        source: PassphraseSource,
    ) -> Task | None:
        state, motion = self._state_now(), self.held_votes.motion
        if state is None or motion is None:
            return None
        votes, opinion, dissent = answer

        def offered() -> list[tuple[str, bytes]]:
            from reviewer.trust import load_identity

            member = load_identity(folder, source)
            data = work.sign_statement(member, state, motion, votes=votes, opinion=opinion, dissent=dissent)
            return [("", data)]  # no file: the page names it "signed here", in its language

        return self._import(offered, partial(self._sign_failed, folder, who, answer))

    def _sign_failed(self, folder: Path, who: str, answer: tuple, exc: BaseException) -> None:
        if retry_unlock(
            self,
            exc,
            lambda: vote_dialogs.ask_voter_passphrase(self, who),
            lambda source: self._sign_vote(folder, who, answer, source),
        ):
            return
        errors.report(self, exc)
