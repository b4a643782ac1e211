"""Ministry mode: the ministry's whole job on one desk.

Tabs: the enrolled experts (enrol, revoke), composing a panel, sealing its package, importing the
result bundles that come back, and the registry. The panel only composes the pages; they share a
:class:`~reviewer.ui.panels.ministry.desk_state.MinistryDesk` (authority, keys once unlocked, registry).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from reviewer.ministry.registry import Registry
from reviewer.trust import open_authority, pretty_fingerprint
from reviewer.ui.panels.ministry.desk_state import MinistryDesk, default_db
from reviewer.ui.panels.ministry.experts_page import ExpertsPage
from reviewer.ui.panels.ministry.import_page import ImportPage
from reviewer.ui.panels.ministry.panel_composer import PanelComposer
from reviewer.ui.panels.ministry.registry_page import RegistryPage
from reviewer.ui.panels.ministry.seal_page import SealPage
from reviewer.ui.tasks import Executor


def registry_label(registry: Registry) -> str:
    """The registry database as a person reads it: a SQLite file's path, else the URL without password."""
    url = registry.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


class MinistryPanel(QWidget):
    def __init__(self, desk: MinistryDesk) -> None:
        super().__init__(objectName="ministryPanel")
        self.desk = desk
        desk.setParent(self)
        self.header = QLabel(wordWrap=True, objectName="ministryHeader")
        self.header.setContentsMargins(4, 4, 4, 6)
        self.experts = ExpertsPage(desk)
        self.composer = PanelComposer(desk)
        self.seal = SealPage(desk, self.composer)
        self.imports = ImportPage(desk)
        self.registry = RegistryPage(desk)
        self.tabs = QTabWidget(objectName="ministryTabs")
        for page in (self.experts, self.composer, self.seal, self.imports, self.registry):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        desk.unlocked.connect(self.retranslate)
        self.retranslate()

    @classmethod
    def open(
        cls,
        authority_dir: str | Path,
        db: str | None = None,
        executor: Executor | None = None,
        passphrase: str | None = None,
    ) -> MinistryPanel:
        """The desk on the authority in ``authority_dir`` and the registry ``db`` (default: inside it)."""
        authority = open_authority(authority_dir)
        registry = Registry.open(db or default_db(Path(authority_dir)))
        return cls(MinistryDesk(authority, registry, executor, passphrase))

    def retranslate(self) -> None:
        names = (
            self.tr("Experts"),
            self.tr("Panel"),
            self.tr("Seal"),
            self.tr("Import"),
            self.tr("Registry"),
        )
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        a = self.desk.authority
        state = self.tr("unlocked") if self.desk.keys is not None else self.tr("locked until needed")
        self.header.setText(
            self.tr("Ministry desk — {name} (root {fp}, keys {state}) · registry: {db}").format(
                name=a.name,
                fp=pretty_fingerprint(a.root_fingerprint)[:11],
                state=state,
                db=registry_label(self.desk.registry),
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def close_desk(self) -> None:
        self.desk.close()
