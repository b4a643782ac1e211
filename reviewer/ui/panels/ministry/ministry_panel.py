"""Ministry mode: the ministry's whole job on one desk.

Tabs: the enrolled experts (enrol, revoke), composing a panel, sealing its package, importing the
result bundles that come back, and the registry. The panel only composes the pages; they share a
:class:`~reviewer.ui.panels.ministry.desk_state.MinistryDesk` (authority, keys once unlocked, registry).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from reviewer.app import ministry_desk as ops
from reviewer.trust import pretty_fingerprint
from reviewer.ui import labels
from reviewer.ui.panels.ministry.cohort_page import CohortPage
from reviewer.ui.panels.ministry.data_page import DataPage
from reviewer.ui.panels.ministry.desk_state import MinistryDesk
from reviewer.ui.panels.ministry.experts_page import ExpertsPage
from reviewer.ui.panels.ministry.import_page import ImportPage
from reviewer.ui.panels.ministry.panel_composer import PanelComposer
from reviewer.ui.panels.ministry.registry_page import RegistryPage
from reviewer.ui.panels.ministry.seal_page import SealPage
from reviewer.ui.tasks import Executor, Task


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
        self.data = DataPage(desk)
        self.cohort = CohortPage(desk)
        self.tabs = QTabWidget(objectName="ministryTabs")
        pages = (self.experts, self.composer, self.seal, self.imports, self.registry, self.data, self.cohort)
        for page in pages:
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        desk.unlocked.connect(self.retranslate)
        self.retranslate()

    @staticmethod
    def open(
        parent: QObject,
        authority_dir: str | Path,
        db: str | None = None,
        executor: Executor | None = None,
    ) -> Task[ops.OpenedDesk]:
        """Open the authority in ``authority_dir`` and the registry ``db`` (default: inside it) on a
        worker; build the desk on what it opened with :meth:`on` (``.on_success``), then ``.run()``."""
        return Task(parent, lambda _p: ops.open_desk(authority_dir, db), executor)

    @classmethod
    def on(
        cls, opened: ops.OpenedDesk, executor: Executor | None = None, passphrase: str | None = None
    ) -> MinistryPanel:
        """The desk on an opened authority and registry."""
        return cls(MinistryDesk(opened.authority, opened.registry, executor, passphrase, opened.label))

    def retranslate(self) -> None:
        self.tabs.setAccessibleName(self.tr("Ministry desk"))
        names = (
            self.tr("Experts"),
            self.tr("Panel"),
            self.tr("Seal"),
            self.tr("Import"),
            self.tr("Registry"),
            self.tr("Data returns"),
            self.tr("Annual evaluation"),
        )
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        a = self.desk.authority
        state = self.tr("unlocked") if self.desk.keys is not None else self.tr("locked until needed")
        self.header.setText(
            self.tr("Ministry desk — {name} (root {fp}, {suite}, keys {state}) · registry: {db}").format(
                name=a.name,
                fp=pretty_fingerprint(a.root_fingerprint)[:11],
                suite=labels.suite_name(a.suite),
                state=state,
                db=self.desk.label,
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def close_desk(self) -> None:
        self.desk.close()
