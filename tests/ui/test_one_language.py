"""The Chinese UI shows no English and the English UI no Chinese, on every page a person reaches
as an expert, as the chair and at the ministry's desk, at start and after switching language while
the window is open (zh → en → zh). Offenders are reported with the widget's objectName and text."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.app.ministry_lifecycle import LifecycleView
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.ministry.rules import load_rules
from reviewer.ministry.working_calendar import load_calendar
from reviewer.standards.panel_rules import load_panel_rules
from reviewer.ui.dialogs import cosign, member_vote, passphrase
from reviewer.ui.dialogs.first_run import FirstRunWizard
from reviewer.ui.dialogs.guide_viewer import GuideViewer
from reviewer.ui.dialogs.sheet_preview import SheetPreview
from reviewer.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from reviewer.ui.language import LANGUAGES
from reviewer.ui.panels import chair_import, record_unsigned
from reviewer.ui.panels.chair_decisions import ConsensusDialog, ExplanationDialog, ReturnDialog
from reviewer.ui.panels.ministry import asks, lifecycle_actions
from reviewer.ui.panels.ministry.database_dialog import DatabaseDialog
from reviewer.ui.panels.ministry.registry_actions import PublicityDialog, RegisterDialog
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.language_walk import Shown, english_words, has_chinese, shown_texts

pytestmark = pytest.mark.slow


def left_in_english(window, extra_cells: bool = True) -> list[str]:
    return [
        f"{s}  ← {english_words(s.text)}"
        for s in shown_texts(window, cells=extra_cells)
        if english_words(s.text)
    ]


def left_in_chinese(window, data: set[str]) -> list[str]:
    """Chinese UI text in the English UI. ``data`` are Chinese values from the package (names of
    people, organisations, the candidate, material files): shown as they are in every language."""

    data = data | set(LANGUAGES.values())  # each language's name in its own language, to find it

    def without_data(s: Shown) -> str:
        text = s.text
        for value in sorted(data, key=len, reverse=True):
            text = text.replace(value, "")
        return text

    return [str(s) for s in shown_texts(window, cells=True) if has_chinese(without_data(s))]


def switch(window, lang: str) -> None:
    window.language_actions[lang].trigger()


def package_data(window) -> set[str]:
    """The package's own values, shown as they are in every language: people, organisations, the
    issuer, the candidate, the materials' file names."""
    review = window.package_panel.review
    manifest = review.manifest
    values = {m.name for m in manifest.roster} | {m.org for m in manifest.roster}
    values |= {v for v in (*manifest.issuer.values(), *manifest.candidate.values()) if isinstance(v, str)}
    values |= {e.name for e in manifest.entries}
    values |= {Path(e.name).stem for e in manifest.entries}
    values |= {str(review.path), review.path.name}
    return {v for v in values if v and has_chinese(v)}


def check_both_ways(window, data: set[str]) -> None:
    """In Chinese, then switched to English, then back to Chinese: one language each time."""
    offenders: dict[str, list[str]] = {}
    offenders["zh_CN at start"] = left_in_english(window)
    switch(window, "en")
    offenders["en after switching"] = left_in_chinese(window, data)
    switch(window, "zh_CN")
    offenders["zh_CN after switching back"] = left_in_english(window)
    wrong = {when: found for when, found in offenders.items() if found}
    assert not wrong, "\n".join(f"{when}:\n  " + "\n  ".join(found) for when, found in wrong.items())


def test_the_expert_sees_one_language(make_window, demo_world, qtbot) -> None:
    window = make_window(
        open_file=demo_world.package, identity_dir=demo_world.expert, passphrase=DEMO_PASSPHRASE, lang="zh_CN"
    )
    qtbot.waitUntil(lambda: window.package_panel.workspace is not None, timeout=30000)
    check_both_ways(window, package_data(window))


def test_the_chair_sees_one_language(make_window, chair_world, qtbot, monkeypatch) -> None:
    """With sheets imported: the matrix, its cells and the import outcomes are shown too."""
    window = make_window(
        open_file=chair_world.package,
        identity_dir=chair_world.chair,
        passphrase=DEMO_PASSPHRASE,
        lang="zh_CN",
    )
    chair = window.package_panel.chair
    assert chair is not None
    sheets = list(chair_world.sheets.values())
    monkeypatch.setattr(chair_import, "choose_sheet_files", lambda parent, start="": sheets)
    qtbot.mouseClick(chair.imports.files_button, Qt.MouseButton.LeftButton)
    assert chair.reconciliation is not None
    check_both_ways(window, package_data(window) | {p.name for p in sheets})


def test_the_ministry_desk_speaks_one_language(make_window, demo_world, tmp_path) -> None:
    authority = tmp_path / "authority"
    shutil.copytree(demo_world.package.parent / "authority", authority)
    window = make_window(authority_dir=authority, passphrase=DEMO_PASSPHRASE, lang="zh_CN")
    desk = window.ministry_panel
    assert desk is not None
    experts = desk.experts.model
    people = {
        v for i in range(experts.rowCount()) for v in (experts.row_value(i).name, experts.row_value(i).org)
    }
    name = json.loads((authority / "authority.json").read_text("utf-8"))["name"]
    check_both_ways(window, people | {name})


def test_the_start_page_speaks_one_language(make_window) -> None:
    check_both_ways(make_window(lang="zh_CN"), set())


def test_a_candidate_has_a_name_and_a_person_a_full_name(make_window, demo_world, tmp_path) -> None:
    """名称 for a city or park (the registry, the panel composer), 姓名 for a person."""
    authority = tmp_path / "authority"
    shutil.copytree(demo_world.package.parent / "authority", authority)
    desk = make_window(authority_dir=authority, passphrase=DEMO_PASSPHRASE, lang="zh_CN").ministry_panel
    horizontal = Qt.Orientation.Horizontal
    assert desk.registry.model.headerData(0, horizontal) == "名称"
    assert desk.composer.labels[0].text() == "名称"
    assert desk.experts.model.headerData(0, horizontal) == "姓名"
    assert desk.composer.model.headerData(2, horizontal) == "姓名"


def modal_texts(action, walk) -> list[str]:
    """Run ``action`` (it opens a modal Qt dialog and waits), ``walk`` the dialog, then cancel it."""
    found: list[list[str]] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, inspect)
            return
        found.append(walk(dialog))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    action()
    assert found, "no dialog was shown"
    return found[0]


def lifecycle_view() -> LifecycleView:
    """A park applying (its checklist in the app's language), with the shipped calendar."""
    rules = load_rules()
    checklist = rules.checklist("park")
    return LifecycleView("示例软件园", "park", "applicant", checklist.eligibility, checklist.documents, None,
                         5, "working_days", load_calendar(), date(2026, 9, 24))  # fmt: skip


def the_dialogs(window, standard, data_dir: Path) -> dict[str, QWidget]:
    """Every pop-up a person meets, built as its screen builds it (parented to the window)."""
    code = standard.leaves()[0].code
    wizard = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
    built: dict[str, QWidget] = {
        "consensus": ConsensusDialog(window, standard, code, None, None, load_panel_rules().grounds),
        "member vote": member_vote.MemberVoteDialog(
            window,
            "李哲",
            [
                member_vote.ChangeShown(
                    code,
                    standard.criterion(code).title.text(),
                    "6.33",
                    "5.00",
                    str(load_panel_rules().grounds[0].text()),
                    "示例软件园",
                )
            ],
            "示例软件园",
        ),
        "explanation": ExplanationDialog(window, "李哲", code, "3"),
        "return": ReturnDialog(window, standard, "李哲", [code]),
        "shortcuts": ShortcutsDialog(window),
        "user guide (its selector; the guide itself is the guides' text)": GuideViewer(window, "chair"),
        "sheet preview": SheetPreview(b"", window),
        "publicity": PublicityDialog("示例软件园", 2024, window),
        "paper check": lifecycle_actions.PaperCheckDialog(lifecycle_view(), window),
        "third-party report": lifecycle_actions.ThirdPartyDialog("示例软件园", window),
        "open the publicity": lifecycle_actions.OpenPublicityDialog(lifecycle_view(), window),
        "register": RegisterDialog(window),
        "database": DatabaseDialog("registry.sqlite3", window),
        "first-run wizard": wizard,
    }
    for page_id in wizard.pageIds():  # each page, not only the one shown first
        built[f"first-run page {page_id}"] = wizard.page(page_id)
    return built


MODALS = {
    "passphrase": lambda w: passphrase.ask_passphrase(w, "李哲"),
    "cosign passphrase": lambda w: cosign.ask_member_passphrase(w, "李哲"),
    "vote passphrase": lambda w: member_vote.ask_voter_passphrase(w, "李哲"),
    "reopen reason": lambda w: cosign.ask_reopen_reason(w, "李哲"),
    "ministry reason": lambda w: asks.reason(  # as the experts page asks why a credential is revoked
        w,
        QCoreApplication.translate("ExpertsPage", "Revoke the credential of {name}").format(name="李哲"),
        QCoreApplication.translate(
            "ExpertsPage",
            "Why is the credential of {name} ({org}) revoked? The reason is kept in the ledger.",
        ).format(name="李哲", org="工业和信息化部"),
    ),
    "ministry passphrase": lambda w: asks.passphrase(w, "工业和信息化部"),
    "refusal reasons": lambda w: record_unsigned.ask_refusal_reason(w, "李哲"),
    "about": lambda w: w.about_action.trigger(),
}


def test_the_dialogs_speak_one_language(qtbot, make_window, chair_world, data_dir: Path) -> None:
    """The chair's consensus, explanation and return dialogs, the passphrase prompts, the first-run
    wizard's pages, the shortcuts list, the guide viewer, the sheet preview and the ministry's dialogs: in Chinese,
    then built again after switching to English."""
    window = make_window(lang="zh_CN")
    standard = chair_world.binding.require_standard()
    # names, shown as they are in both languages; the rules file's own English label of a ground
    # keeps the Chinese term (畸高/畸低): the ministry's data, not the app's text
    data = {"李哲", "示例软件园", "工业和信息化部", "畸高/畸低"}
    offenders: dict[str, list[str]] = {}
    for lang in ("zh_CN", "en"):
        switch(window, lang)

        def walk(widget: QWidget, lang: str = lang) -> list[str]:
            return left_in_english(widget) if lang == "zh_CN" else left_in_chinese(widget, data)

        for what, dialog in the_dialogs(window, standard, data_dir).items():
            qtbot.addWidget(dialog)
            offenders[f"{lang}: {what}"] = walk(dialog)
        for what, ask in MODALS.items():
            offenders[f"{lang}: {what}"] = modal_texts(lambda ask=ask: ask(window), walk)
    wrong = {what: found for what, found in offenders.items() if found}
    assert not wrong, "\n".join(f"{what}:\n  " + "\n  ".join(found) for what, found in wrong.items())
