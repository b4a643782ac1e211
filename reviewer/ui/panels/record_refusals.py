"""The record page's steps for members who do not sign (a mixin of
:class:`~reviewer.ui.panels.chair_record.RecordPage`).

**Refuse to sign…** beside **Co-sign as a member…**: the member chooses their identity folder, writes
their reasons, reads what refusing means and confirms, then their key is unlocked (keyring, else
their passphrase, as for co-signing) and their signed refusal is kept in the chair's store
(:func:`reviewer.app.panel_signing.refuse_here`). The box of members who have not signed
(:mod:`~reviewer.ui.panels.record_unsigned`) records a member as not signed (deemed to agree) after
a confirmation, withdraws that record, and imports refusals made elsewhere. Every step runs on the
write lane and returns the facts the closing would state now (:class:`ClosingState`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reviewer.app import chair_record as steps_of
from reviewer.app.panel_signing import ClosingState, closing_state, refuse_here
from reviewer.trust import PassphraseSource
from reviewer.ui.dialogs import cosign as dialogs
from reviewer.ui.dialogs import errors, motion_files
from reviewer.ui.dialogs.passphrase import keyring_source, retry_unlock
from reviewer.ui.panels import record_unsigned as asks
from reviewer.ui.tasks import Progress, Task

if TYPE_CHECKING:
    from reviewer.app.opening import OpenedReview
    from reviewer.export.panel_outputs import Signer
    from reviewer.models.chair import ChairStore
    from reviewer.scoring.decisions import Actor
    from reviewer.scoring.panel import PanelState
    from reviewer.scoring.sheet_binding import PackageBinding
    from reviewer.ui.tasks import Executor


class ClosingFactsSteps(QWidget):
    """Refusals and not-signed records on the record page (see the module)."""

    review: OpenedReview
    pdf: bytes | None
    signers: list[Signer]
    state: PanelState | None
    facts: ClosingState
    _chair_store: ChairStore | None
    _executor: Executor | None

    if TYPE_CHECKING:  # the record page's own (declared for the type checker only)

        def _run(
            self,
            fn: Callable[[Progress], object],
            done: Callable[..., None],
            failed: Callable[[BaseException], None] | None = None,
            *,
            writes: bool = False,
        ) -> Task:
            raise NotImplementedError

        def _refresh(self) -> None:
            raise NotImplementedError

        @property
        def idle(self) -> bool:
            raise NotImplementedError

        @property
        def actor(self) -> Actor:
            raise NotImplementedError

    def _binding(self) -> PackageBinding | None:
        return None if self.state is None else self.state.binding

    def unsigned_members(self) -> list[tuple[str, str]]:
        """(certificate SHA-256, name) of each member whose field is empty."""
        binding = self._binding()
        if binding is None:
            return []
        full = {m.cert_sha256[:16]: (m.cert_sha256, m.name) for m in binding.roster}
        out = []
        for s in self.signers:
            info = s.field.info
            if info is not None and info.role.value == "expert" and not s.field.signed:
                out.append(full.get(info.fingerprint_prefix, (info.fingerprint_prefix, s.field.label)))
        return out

    def covered(self) -> bool:
        """Every member's field is signed, refused, or recorded as not signed."""
        stated = self.facts.by_prefix()
        return all(fp[:16] in stated for fp, _ in self.unsigned_members())

    def confirm_close_stating(self) -> bool:
        """The chair closes with members who did not sign: the confirmation names who refused and
        who is recorded as not signed."""
        stated = self.facts.by_prefix()
        unsigned = self.unsigned_members()
        named = {
            k: "、".join(n for fp, n in unsigned if stated.get(fp[:16]) == k) for k in set(stated.values())
        }
        return asks.confirm_close_stating(self, named.get("refused", ""), named.get("not-signed", ""))

    def _load_facts(self) -> Task | None:
        """The facts the closing would state now (worker: the store, each refusal verified again)."""
        binding, pdf, store, chair = self._binding(), self.pdf, self._chair_store, self.review.identity
        if binding is None or pdf is None or store is None:
            self._facts_shown(ClosingState())
            return None
        task = Task(self, lambda _p: closing_state(pdf, chair, binding, store), self._executor)
        return task.on_success(self._facts_shown).on_failure(partial(errors.report, self)).run()

    def _facts_shown(self, facts: ClosingState) -> None:
        self.facts = facts
        self._refresh()

    # --- a member refuses, on this laptop --------------------------------------------------------
    def refuse(self) -> Task | None:
        if not self.idle or self.pdf is None or self._chair_store is None:
            return None
        folder = dialogs.choose_member_folder(self, str(self.review.path.parent))
        if folder is None:
            return None
        # the questions name the member (their identity file, read on a worker)
        task = Task(self, lambda _p: _who(folder), self._executor)
        return task.on_success(partial(self._refusing, folder)).on_failure(partial(errors.report, self)).run()

    def _refusing(self, folder: Path, who: str) -> None:
        reason = asks.ask_refusal_reason(self, who)
        if reason is None or not asks.confirm_refusal(self, who, reason):
            return
        self._refuse(folder, reason, who, keyring_source())

    def _refuse(self, folder: Path, reason: str, who: str, source: PassphraseSource) -> Task:
        pdf, binding, store, chair = self.pdf, self._binding(), self._chair_store, self.review.identity
        package, step = self.review.path, QCoreApplication.translate("RecordPage", "Signing the refusal…")
        assert pdf is not None and binding is not None and store is not None

        def work(progress: Progress) -> ClosingState:
            progress(0, 1, step)
            refuse_here(
                pdf, folder, source, package=package, chair=chair, binding=binding, chair_store=store,
                reason=reason,
            )  # fmt: skip
            return closing_state(pdf, chair, binding, store)

        return self._run(
            work, self._facts_shown, partial(self._refuse_failed, folder, reason, who), writes=True
        )

    def _refuse_failed(self, folder: Path, reason: str, who: str, exc: BaseException) -> None:
        if not retry_unlock(
            self,
            exc,
            lambda: dialogs.ask_member_passphrase(self, who),
            lambda source: self._refuse(folder, reason, who, source),
        ):
            errors.report(self, exc)

    # --- the chair records a member as not signed, or withdraws it -------------------------------
    def record_not_signed(self, fingerprint: str, name: str) -> Task | None:
        if not self.idle or self.pdf is None or self._chair_store is None:
            return None
        if not asks.confirm_not_signed(self, name):
            return None
        return self._store_step(
            partial(steps_of.record_not_signed, fingerprint, pdf=self.pdf),
            QCoreApplication.translate("RecordPage", "Recording the member as not signed…"),
        )

    def withdraw_not_signed(self, fingerprint: str, name: str) -> Task | None:
        if not self.idle or self.pdf is None or self._chair_store is None:
            return None
        return self._store_step(
            partial(steps_of.withdraw_not_signed, fingerprint),
            QCoreApplication.translate("RecordPage", "Withdrawing the record…"),
        )

    def _store_step(self, step: Callable[..., object], text: str) -> Task:
        pdf, binding, store, chair = self.pdf, self._binding(), self._chair_store, self.review.identity
        assert pdf is not None and binding is not None and store is not None
        by = self.actor

        def work(progress: Progress) -> ClosingState:
            progress(0, 1, text)
            step(package_id=binding.package_id, by=by, chair_store=store)
            return closing_state(pdf, chair, binding, store)

        return self._run(work, self._facts_shown, writes=True)

    # --- refusals made elsewhere (reviewer record refuse) -----------------------------------------
    def import_refusals(self) -> Task | None:
        if not self.idle or self.pdf is None or self._chair_store is None:
            return None
        paths = motion_files.choose_statements(self, str(self.review.path.parent))
        if not paths:
            return None
        pdf, binding, store, chair = self.pdf, self._binding(), self._chair_store, self.review.identity
        assert binding is not None
        step = QCoreApplication.translate("RecordPage", "Checking the refusals…")

        def work(progress: Progress) -> ClosingState:
            progress(0, 1, step)
            steps_of.import_refusals(paths, pdf=pdf, chair=chair, binding=binding, chair_store=store)
            return closing_state(pdf, chair, binding, store)

        return self._run(work, self._facts_shown, writes=True)


def _who(folder: Path) -> str:
    from reviewer.trust import read_info

    try:
        return read_info(folder).name
    except Exception:
        return str(folder)
