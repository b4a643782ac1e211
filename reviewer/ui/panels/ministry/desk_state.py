"""What the ministry desk's pages share: the authority, its keys once unlocked, the registry.

The authority is unlocked once: the passphrase comes from the one given (``reviewer gui
--authority DIR`` with ``--passphrase-env``), else the OS keyring, else a dialog (asked again after a
mistyped one). The source that worked is kept for the rest of the session (enrolment and revocation
unlock the root key again inside the core), the keys for sealing and import.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reviewer.app import ministry_desk as ops
from reviewer.trust import PassphraseSource
from reviewer.ui.dialogs import errors
from reviewer.ui.dialogs.passphrase import keyring_source, retry_unlock, typed_source
from reviewer.ui.panels.ministry import asks
from reviewer.ui.tasks import Executor, Task

if TYPE_CHECKING:
    from reviewer.ministry.registry import Registry
    from reviewer.trust.authority import Authority, AuthorityKeys


class MinistryDesk(QObject):
    experts_changed = Signal()
    registry_changed = Signal()
    unlocked = Signal()

    def __init__(
        self,
        authority: Authority,
        registry: Registry,
        executor: Executor | None = None,
        passphrase: str | None = None,
        label: str = "",
    ) -> None:
        super().__init__()
        self.authority = authority
        self.registry = registry
        self.label = label  # the registry database as a person reads it
        self.executor = executor
        self.keys: AuthorityKeys | None = None
        self.source: PassphraseSource | None = None
        self._given = passphrase

    def _first_source(self) -> PassphraseSource:
        if self._given is not None:
            return typed_source(self._given)
        return keyring_source()

    def with_keys(self, parent: QWidget, then: Callable[[AuthorityKeys, PassphraseSource], None]) -> None:
        """Call ``then(keys, source)`` once the authority is unlocked (at once when it already is)."""
        if self.keys is not None and self.source is not None:
            then(self.keys, self.source)
            return
        self._unlock(parent, self._first_source(), then, may_ask=self._given is None)

    def _unlock(self, parent: QWidget, source: PassphraseSource, then, *, may_ask: bool) -> None:
        Task(parent, lambda _p: self.authority.unlock(source), self.executor).on_success(
            partial(self._unlocked, source, then)
        ).on_failure(partial(self._unlock_failed, parent, then, may_ask)).run()

    def _unlocked(self, source: PassphraseSource, then, keys: AuthorityKeys) -> None:
        self.keys, self.source = keys, source
        self.unlocked.emit()
        then(keys, source)

    def _unlock_failed(self, parent: QWidget, then, may_ask: bool, exc: BaseException) -> None:
        if may_ask and retry_unlock(
            parent,
            exc,
            lambda: asks.passphrase(parent, self.authority.name),
            lambda source: self._unlock(parent, source, then, may_ask=True),
        ):
            return
        errors.report(parent, exc)

    def close(self) -> None:
        """Close the registry (on a worker: disposing of its connections is I/O)."""
        registry = self.registry
        Task(self, lambda _p: ops.close_desk(registry), self.executor).run()
