"""专家组表决 (Panel vote): the expert answers the chair's motion from their own window.

The expert opens the chair's ``.rvmotion`` (verified on a worker by
:func:`reviewer.app.member_vote.read_motion`; a motion of another package, or not signed by this
panel's chair, is refused with its reason), reads each proposed change (the indicator and its
title, the computed aggregate → the proposed value, the ground, the rationale) and the draft
opinion, approves or objects to each (an objection needs a reason), may write their own
reservation (保留意见), and signs: the file dialog, then a confirmation that shows everything that
will be signed, then :func:`~reviewer.app.member_vote.sign_statement` on a worker (written through a
temporary name, reopened and verified, a copy kept beside the signed sheets). The outcome is shown
under the page's heading, the page scrolled up to it and the keyboard on it (the form above the sign
button is taller than a 1280×800 window).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.app.finalise import SheetArchive
from reviewer.app.member_vote import (
    STATEMENT_SUFFIX,
    ShownMotion,
    kept_statements,
    read_motion,
    sign_statement,
)
from reviewer.app.opening import OpenedReview
from reviewer.scoring.statement import Statement, Vote
from reviewer.ui import labels, palette
from reviewer.ui.dialogs import errors, motion_files
from reviewer.ui.panels.motion_votes import APPROVE, OBJECT, ChangeVote, VoteChoice
from reviewer.ui.scrolled import reveal, scroll_vertically
from reviewer.ui.tasks import Executor, Task
from reviewer.ui.text_boxes import leave_with_tab

OK_STYLE = f"QLabel {{ color: {palette.DONE}; font-weight: bold; }}"


class MotionPage(QWidget):
    """Open the chair's motion, vote, write a reservation, preview, sign and save the statement."""

    signed = Signal(object)  # the Statement, verified

    def __init__(
        self,
        opened: OpenedReview,
        *,
        archive: SheetArchive | None = None,
        executor: Executor | None = None,
        recused: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        """``recused``: whether the expert declared a conflict (a recused member does not vote)."""
        super().__init__(parent)
        self.setObjectName("motionPage")
        self._recused = recused
        self.opened = opened
        self.archive = archive or SheetArchive.default()
        self._executor = executor
        self.shown: ShownMotion | None = None
        self.statement: Statement | None = None
        self.statement_path: Path | None = None
        self.running: Task | None = None
        self.rows: list[ChangeVote] = []
        self.kept: list[Statement] = []  # the statements signed before, kept on this computer

        self.heading = QLabel(objectName="motionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.intro = QLabel(objectName="motionIntro", wordWrap=True)
        self.open_button = QPushButton(objectName="openMotion")
        self.open_button.clicked.connect(self.open_motion)
        self.motion_info = QLabel(objectName="motionInfo", wordWrap=True)
        self.motion_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.changes_box = QGroupBox(objectName="motionChanges")
        self.changes_layout = QVBoxLayout(self.changes_box)
        self.opinion_box = QGroupBox(objectName="motionOpinion")
        self.opinion_text = QLabel(objectName="motionOpinionText", wordWrap=True)
        self.opinion_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.opinion_choice = VoteChoice("opinionVoteChoice")
        self.opinion_choice.currentIndexChanged.connect(lambda _i: self._update())
        self.opinion_label = QLabel()
        self.opinion_label.setBuddy(self.opinion_choice)
        opinion_form = QFormLayout()
        opinion_form.addRow(self.opinion_label, self.opinion_choice)
        ol = QVBoxLayout(self.opinion_box)
        ol.addWidget(self.opinion_text)
        ol.addLayout(opinion_form)
        self.dissent_box = QGroupBox(objectName="motionDissent")
        self.dissent_note = QLabel(objectName="motionDissentNote", wordWrap=True)
        self.dissent = leave_with_tab(QPlainTextEdit(objectName="dissentEdit"))
        self.dissent.setMaximumHeight(110)
        dl = QVBoxLayout(self.dissent_box)
        dl.addWidget(self.dissent_note)
        dl.addWidget(self.dissent)

        self.todo = QLabel(objectName="motionTodo", wordWrap=True)
        self.sign_button = QPushButton(objectName="signStatement")
        self.sign_button.clicked.connect(self.sign)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        # the outcome (the statement signed, or those signed before) at the top, under the heading:
        # in view without scrolling, however long the motion; Tab reaches it and its text can be copied
        self.result = QLabel(objectName="statementResult", wordWrap=True)
        self.result.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.result.hide()

        layout = QVBoxLayout(scroll_vertically(self, "motionPageContent"))
        layout.addWidget(self.heading)
        layout.addWidget(self.result)
        layout.addWidget(self.intro)
        layout.addWidget(self.motion_info)
        layout.addWidget(self.changes_box)
        layout.addWidget(self.opinion_box)
        layout.addWidget(self.dissent_box)
        layout.addWidget(self.todo)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()
        self._load_kept()

    # --- opening the motion -------------------------------------------------------------------
    def open_motion(self) -> Task | None:
        if not self.open_button.isEnabled():
            return None
        path = motion_files.choose_motion(self, str(self.opened.path.parent))
        if path is None:
            return None
        return self.open_path(path)

    def open_path(self, path: Path) -> Task:
        opened = self.opened
        return self._run(lambda _p: read_motion(opened, path), self.show_motion)

    def show_motion(self, shown: ShownMotion) -> None:
        self.shown, self.statement, self.statement_path = shown, None, None
        for row in self.rows:
            self.changes_layout.removeWidget(row)
            row.deleteLater()
        self.rows = [ChangeVote(c) for c in shown.changes]
        for row in self.rows:
            row.changed.connect(self._update)
            self.changes_layout.addWidget(row)
        self.opinion_choice.setCurrentIndex(0)
        self.dissent.clear()
        self.result.clear()
        self.retranslate()
        if self.rows:
            self.rows[0].choice.setFocus()
        elif shown.motion.opinion is not None:
            self.opinion_choice.setFocus()

    # --- what is signed -----------------------------------------------------------------------
    def votes(self) -> list[Vote]:
        return [v for row in self.rows if (v := row.vote()) is not None]

    def missing(self) -> list[str]:
        if self._recused():
            return [self.tr("You declared a conflict of interest and recused yourself: you do not vote.")]
        if self.shown is None:
            return [self.tr("Open the chair's motion first.")]
        out = [m for row in self.rows if (m := row.missing()) is not None]
        if self.shown.motion.opinion is not None and self.opinion_choice.vote() is None:
            out.append(self.tr("The draft opinion: approve or object."))
        return out

    def vote_word(self, vote: str | None) -> str:
        return {APPROVE: self.tr("Approve"), OBJECT: self.tr("Object")}.get(vote or "", "—")

    def preview_text(self) -> str:
        """Everything the statement will carry, in words (shown in the confirmation before signing)."""
        assert self.shown is not None
        lines = [
            self.tr("Your statement on the motion the chair {chair} made on {time}:").format(
                chair=self.shown.motion.chair.name, time=labels.beijing_time(self.shown.motion.created)
            )
        ]
        for row in self.rows:
            vote = row.vote()
            line = f"• {row.heading()}：{self.vote_word(vote.vote if vote else None)}"
            if vote is not None and vote.reason:
                line += self.tr(" (reason: {reason})").format(reason=vote.reason)
            lines.append(line)
        if self.shown.motion.opinion is not None:
            lines.append(
                self.tr("• Draft opinion: {vote}").format(vote=self.vote_word(self.opinion_choice.vote()))
            )
        dissent = self.dissent.toPlainText().strip()
        lines.append(
            self.tr("Your reservation: {text}").format(text=dissent)
            if dissent
            else self.tr("No reservation.")
        )
        return "\n".join(lines)

    def sign(self) -> Task | None:
        if not self.sign_button.isEnabled() or self.shown is None:
            return None
        name = self.tr("{name}-statement").format(name=self.opened.identity.name) + STATEMENT_SUFFIX
        path = motion_files.choose_statement_path(self, str(Path.home() / name))
        if path is None:
            return None
        if path.suffix.lower() != STATEMENT_SUFFIX:
            path = path.with_name(path.name + STATEMENT_SUFFIX)
        what = self.tr(
            "{preview}\n\nThis statement will be signed with your key and saved to:\n{path}\n\n"
            "Give the file to the chair. Once signed it cannot be changed; a new statement replaces it."
        ).format(preview=self.preview_text(), path=path)
        if not errors.confirm(self, self.tr("Sign your statement"), what, self.tr("Sign the statement")):
            return None
        opened, shown, archive = self.opened, self.shown, self.archive
        votes, opinion = self.votes(), self.opinion_choice.vote()
        dissent = self.dissent.toPlainText().strip() or None

        def work(_progress: object) -> tuple[Path, Statement]:
            statement = sign_statement(
                opened, shown, votes=votes, opinion=opinion, dissent=dissent, out=path, archive=archive
            )
            return path, statement

        return self._run(work, self._signed)

    def _signed(self, result: tuple[Path, Statement]) -> None:
        self.statement_path, self.statement = result
        self.kept.append(self.statement)
        self.signed.emit(self.statement)
        self._show_result()
        reveal(self.result)  # the page may be scrolled down to the sign button: up to the outcome
        self.result.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard (and a screen reader) on it

    def _load_kept(self) -> Task:
        opened, archive = self.opened, self.archive
        task = Task(self, lambda _p: kept_statements(opened, archive), self._executor)
        return task.on_success(self._kept_shown).on_failure(self._failed).run()

    def _kept_shown(self, kept: list[Statement]) -> None:
        self.kept = kept
        self._show_result()

    # --- background work ------------------------------------------------------------------------
    def _run(self, work: Callable[..., Any], done: Callable[[Any], None]) -> Task:
        self.running = Task(self, work, self._executor).on_success(done).on_failure(self._failed)
        self.running.finished.connect(self._finished)
        self._update()
        return self.running.run()

    def _finished(self) -> None:
        self.running = None
        self._update()

    def _failed(self, exc: BaseException) -> None:
        errors.report(self, exc)

    # --- showing ------------------------------------------------------------------------------
    def _update(self) -> None:
        idle = self.running is None
        recused = self._recused()
        self.open_button.setEnabled(idle and not recused)
        missing = self.missing()
        self.sign_button.setEnabled(idle and self.shown is not None and not missing)
        has = self.shown is not None
        self.changes_box.setVisible(has and bool(self.rows))
        self.opinion_box.setVisible(has and self.shown is not None and self.shown.motion.opinion is not None)
        self.dissent_box.setVisible(has)
        self.todo.setText("\n".join(missing) if has or recused else "")
        self.todo.setVisible((has or recused) and bool(missing))

    def _show_result(self) -> None:
        if self.statement is None or self.statement_path is None:
            self.result.setStyleSheet("")
            last = self.kept[-1] if self.kept else None
            self.result.setVisible(last is not None)
            self.result.setText(
                ""
                if last is None
                else self.tr(
                    "You have signed {n} statement(s) on this package; the last on {time} (SHA-256 {digest})."
                ).format(
                    n=len(self.kept), time=labels.beijing_time(last.created), digest=last.digest[:16] + "…"
                )
            )
            return
        self.result.setStyleSheet(OK_STYLE)
        self.result.show()
        self.result.setText(
            self.tr(
                "Statement signed and verified, saved to {path} (SHA-256 {digest}). Give it to the chair."
            ).format(path=self.statement_path, digest=self.statement.digest[:16] + "…")
        )

    def _opinion_text(self) -> str:
        assert self.shown is not None and self.shown.motion.opinion is not None
        o = self.shown.motion.opinion
        parts = [
            (self.tr("Strengths:"), o.strengths),
            (self.tr("Problems:"), o.problems),
            (self.tr("Recommendations:"), o.recommendations),
        ]
        lines = []
        for title, items in parts:
            if items:
                lines.append(title)
                lines.extend(f"  {i}. {t}" for i, t in enumerate(items, 1))
        lines.append(self.tr("Conclusion: {text}").format(text=o.conclusion))
        return "\n".join(lines)

    def show_state(self, _state: object) -> None:
        """The review changed (a declaration may recuse the expert): what may be done now."""
        self._update()

    def focus_work(self) -> None:
        """The keyboard to the first thing to do: the first vote, else opening a motion."""
        target = self.rows[0].choice if self.rows else self.open_button
        target.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Panel vote"))
        self.intro.setText(
            self.tr(
                "The chair puts the proposed changes of scores and the draft panel opinion to the panel "
                "as a motion (.rvmotion). Open it, approve or object to each item (an objection needs "
                "a reason), write your own reservation if you have one, then sign your statement and "
                "give the file to the chair."
            )
        )
        self.open_button.setText(self.tr("&Open the chair's motion…"))
        self.sign_button.setText(self.tr("Preview and &sign the statement…"))
        self.changes_box.setTitle(self.tr("Proposed changes"))
        self.opinion_box.setTitle(self.tr("Draft panel opinion"))
        self.opinion_label.setText(self.tr("Your vote on the &draft opinion:"))
        self.opinion_choice.retranslate()
        self.opinion_choice.setAccessibleName(self.tr("Your vote on the draft opinion"))
        self.dissent_box.setTitle(self.tr("Your reservation (optional)"))
        self.dissent_note.setText(
            self.tr(
                "A reservation you write here is signed by you and printed in the record under your name."
            )
        )
        self.dissent.setAccessibleName(self.tr("Your reservation"))
        self.result.setAccessibleName(self.tr("Your signed statement"))
        for row in self.rows:
            row.retranslate()
        if self.shown is None:
            self.motion_info.setText(self.tr("No motion opened yet."))
        else:
            m = self.shown.motion
            self.motion_info.setText(
                self.tr(
                    "Motion made by the chair {chair} on {time}: {n} proposed change(s); verified."
                ).format(chair=m.chair.name, time=labels.beijing_time(m.created), n=len(m.changes))
            )
            if m.opinion is not None:
                self.opinion_text.setText(self._opinion_text())
        self._show_result()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
