"""The registry's decisions from the desk, driven by clicks and keys: closing a publicity (公示) by
confirming it or recording an objection (after a confirmation), registering an existing candidate,
the calibration report shown and exported, and the database dialog (SQLite file or a PostgreSQL
server, its password into the keyring and never into the URL)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reviewer.app import ministry_desk as ops
from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.ministry import lifecycle
from reviewer.ministry.lifecycle import today_beijing
from reviewer.ui.dialogs import errors
from reviewer.ui.panels.ministry import MinistryPanel, asks
from reviewer.ui.panels.ministry.database_dialog import DatabaseDialog
from reviewer.ui.panels.ministry.registry_actions import PublicityDialog, RegisterDialog
from tests.export.bundle_world import BundleWorld
from tests.ui import test_ministry_desk as desk_tests
from tests.ui.chair_fixtures import type_text

NAME = "示例软件园"
world, panel, on_worker = desk_tests.world, desk_tests.panel, desk_tests.on_worker  # the desk's fixtures


def import_the_bundle(panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "good.rvresult").write_bytes(world.bundle)
    monkeypatch.setattr(asks, "open_folder", lambda *a, **k: folder)
    panel.imports.add_folder_button.click()
    panel.imports.import_button.click()
    assert panel.registry.select(NAME)


def publicity_ended(panel: MinistryPanel, monkeypatch) -> None:
    """The 公示 opened from the day of the pass (today, Beijing) for 7 days; the registry's clock then
    moves 8 days on: it has ended and can be decided (a 公示 cannot start before the pass)."""
    today = today_beijing()
    reg = panel.desk.registry
    on_worker(lambda: reg.open_publicity(NAME, start=today, end=today + timedelta(days=6)))
    later = lifecycle.utcnow() + timedelta(days=8)
    monkeypatch.setattr(lifecycle, "utcnow", lambda: later)


def close_publicity(qtbot, monkeypatch, *, objection: str | None) -> list[str]:
    """Answer the publicity dialog by keys and clicks; record what the confirmation said."""

    def answer(parent, name: str, year: int):
        dialog = PublicityDialog(name, year, parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        assert not dialog.ok_button.isEnabled()  # nothing chosen yet
        if objection is None:
            qtbot.keyClick(dialog.confirm_choice, Qt.Key.Key_Space)
        else:
            qtbot.keyClick(dialog.objection_choice, Qt.Key.Key_Space)
            assert not dialog.ok_button.isEnabled()  # an objection needs its reason
            dialog.reason.setFocus()
            type_text(dialog.reason, objection)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.value()

    asked: list[str] = []
    monkeypatch.setattr(asks, "publicity", answer)
    monkeypatch.setattr(errors, "confirm", lambda parent, title, what, action: asked.append(what) or True)
    return asked


def test_confirming_the_publicity_awards_the_title(
    qtbot,
    panel: MinistryPanel,
    world: BundleWorld,
    tmp_path: Path,
    monkeypatch,
    shown_errors,
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    page = panel.registry
    assert page.publicity_button.isEnabled()
    asked = close_publicity(qtbot, monkeypatch, objection=None)
    qtbot.mouseClick(page.publicity_button, Qt.MouseButton.LeftButton)  # before its end: refused
    assert len(shown_errors) == 1 and "it can be decided only after that day" in shown_errors[0]
    assert on_worker(lambda: panel.desk.registry.candidate(NAME)).status == "publicity"
    shown_errors.clear()
    asked.clear()
    publicity_ended(panel, monkeypatch)
    qtbot.mouseClick(page.publicity_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "cannot be undone" in asked[0] and "awarded" in asked[0]
    assert on_worker(lambda: panel.desk.registry.candidate(NAME)).status == "awarded"
    assert page.model.index(0, page.model.STATUS).data() == "awarded"  # the page read it again
    assert not page.publicity_button.isEnabled()  # nothing under publicity any more
    assert shown_errors == []


def test_an_objection_keeps_the_candidate_creating_with_its_reason(
    qtbot,
    panel: MinistryPanel,
    world: BundleWorld,
    tmp_path: Path,
    monkeypatch,
    shown_errors,
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    publicity_ended(panel, monkeypatch)
    page = panel.registry
    close_publicity(qtbot, monkeypatch, objection="材料不实")
    qtbot.mouseClick(page.publicity_button, Qt.MouseButton.LeftButton)
    history = on_worker(lambda: panel.desk.registry.history(NAME))
    assert history.candidate.status == "creating"
    assert on_worker(lambda: ops.pending_publicity(panel.desk.registry)) == {}
    assert "材料不实" in repr(history)
    assert shown_errors == []


def test_a_declined_confirmation_changes_nothing(
    qtbot,
    panel: MinistryPanel,
    world: BundleWorld,
    tmp_path: Path,
    monkeypatch,
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    close_publicity(qtbot, monkeypatch, objection=None)
    monkeypatch.setattr(errors, "confirm", lambda *a: False)
    qtbot.mouseClick(panel.registry.publicity_button, Qt.MouseButton.LeftButton)
    assert NAME in on_worker(lambda: ops.pending_publicity(panel.desk.registry))
    assert panel.registry.publicity_button.isEnabled()


def test_register_an_existing_candidate_from_the_dialog(
    qtbot,
    panel: MinistryPanel,
    monkeypatch,
    shown_errors,
) -> None:
    def answer(parent):
        dialog = RegisterDialog(parent)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        assert not dialog.ok_button.isEnabled()  # a name is needed
        type_text(dialog.name, "东江软件名城")
        type_text(dialog.province, "广东")
        type_text(dialog.city, "东江")
        dialog.year.setFocus()
        dialog.year.selectAll()
        qtbot.keyClicks(dialog.year, "2019")
        dialog.status.setFocus()
        qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # creating → awarded
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.value()

    monkeypatch.setattr(asks, "new_candidate", answer)
    qtbot.mouseClick(panel.registry.register_button, Qt.MouseButton.LeftButton)
    c = on_worker(lambda: panel.desk.registry.candidate("东江软件名城"))
    assert (c.info.type, c.info.province, c.info.city, c.status) == ("city", "广东", "东江", "awarded")
    assert panel.registry.model.rowCount() == 1
    assert panel.registry.decision.text() == "“东江软件名城” is now: awarded"
    assert shown_errors == []


def test_calibration_is_shown_and_exported(
    qtbot,
    panel: MinistryPanel,
    world: BundleWorld,
    tmp_path: Path,
    monkeypatch,
    shown_errors,
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    page = panel.registry
    assert page.tabs.tabText(2) == "Expert calibration"
    model = page.calibration.models["calibration"]
    expected = on_worker(lambda: panel.desk.registry.calibration())
    assert model.rowCount() == len(expected) > 0
    cols = [c.key for c in model.table.columns]
    assert cols[0] == "name"  # experts by name; the certificate fingerprint cut short, whole in the tooltip
    fp = cols.index("expert_id")
    shown = {model.index(i, fp).data(Qt.ItemDataRole.ToolTipRole): (
                model.index(i, 0).data(), model.index(i, fp).data(), model.index(i, cols.index("mean_deviation")).data())
             for i in range(model.rowCount())}  # fmt: skip
    assert shown == {
        c.expert_id: (c.expert_name, c.expert_id[:16] + "…", str(c.mean_deviation)) for c in expected
    }
    # the title once, with the count
    assert page.calibration.title.text() == f"Expert calibration  ({len(expected)})"
    labels = [w.text() for w in page.calibration.findChildren(QLabel) if w.isVisibleTo(page.calibration)]
    assert labels.count(page.calibration.title.text()) == 1
    assert not any(t.startswith("Expert calibration") for t in labels if t != page.calibration.title.text())
    out = tmp_path / "cal.csv"
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: out)
    qtbot.mouseClick(page.export_calibration_button, Qt.MouseButton.LeftButton)
    text = out.read_text("utf-8-sig")
    assert "mean deviation" in text and expected[0].expert_id in text
    assert shown_errors == []


def test_the_database_dialog_sqlite_file_and_postgres_fields(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = DatabaseDialog(str(tmp_path / "registry.sqlite3"))
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = tmp_path / "elsewhere.sqlite3"
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: chosen)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.value().db == str(chosen) and dialog.value().password is None

    qtbot.keyClick(dialog.server_choice, Qt.Key.Key_Space)
    assert not dialog.path.isEnabled() and dialog.host.isEnabled()
    for edit, text in ((dialog.host, "db.example.cn"), (dialog.database, "registry"), (dialog.user, "desk")):
        edit.selectAll()
        qtbot.keyClicks(edit, text)
    dialog.port.selectAll()
    qtbot.keyClicks(dialog.port, "6543")
    qtbot.keyClicks(dialog.password, "s3cret!")
    value = dialog.value()
    assert value.db == "postgresql+psycopg://desk@db.example.cn:6543/registry"
    assert "s3cret" not in value.db and value.password == "s3cret!"
    dialog.user.clear()
    assert not dialog.ok_button.isEnabled()


def test_a_server_password_goes_to_the_keyring_not_the_url(make_window, monkeypatch, shown_errors) -> None:
    kept: dict[str, str] = {}
    opened: list[object] = []

    def open_desk(folder, db, password=None):
        opened.append((db, password))
        raise UsageError(T("停", "stop here"))

    monkeypatch.setattr("reviewer.trust.passphrase.keyring_store", lambda a, s: kept.setdefault(a, s) == s)
    monkeypatch.setattr(ops, "open_desk", open_desk)
    window = make_window(lang="en")
    db = "postgresql+psycopg://desk@db.example.cn:6543/registry"
    window.open_ministry(Path("/nowhere"), db, db_password="s3cret!")
    assert kept == {"registry-db:desk@db.example.cn:6543/registry": "s3cret!"}
    assert opened == [(db, "s3cret!")] and shown_errors == ["stop here"]
    url = on_worker(lambda: ops.with_password(db, "s3cret!"))
    assert url.password == "s3cret!" and "s3cret" not in str(url)


@pytest.mark.parametrize("typed", ["", "other"])
def test_the_keyring_password_is_used_when_none_is_typed(monkeypatch, typed: str) -> None:
    monkeypatch.setattr("reviewer.trust.passphrase.keyring_get", lambda account: "from-keyring")
    url = ops.with_password("postgresql+psycopg://desk@h:5432/r", typed or None)
    assert url.password == (typed or "from-keyring")


def test_a_review_in_the_history_opens_with_each_experts_scores(
    qtbot, panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    import_the_bundle(panel, world, tmp_path, monkeypatch)
    page = panel.registry
    reviews = page.history.views["reviews"]
    reviews.setFocus()
    reviews.setCurrentIndex(reviews.model().index(0, 0))
    qtbot.keyClick(reviews, Qt.Key.Key_Return)
    dialog = page.review_dialog
    assert dialog is not None and dialog.isVisible()
    facts = {row[0]: row[1] for row in dialog.view.report.tables[0].rows}
    stored = on_worker(lambda: panel.desk.registry.history(NAME)).reviews[0]
    assert facts["result bundle SHA-256"] == stored.bundle_sha256
    assert "results/<SHA-256>.rvresult" in facts["record and sheets"]  # where the bundle is kept, said
    sheets = dialog.view.models["sheets"]
    _, scores = on_worker(lambda: panel.desk.registry.review_scores(stored.package_id, stored.bundle_version))
    experts = {e.expert_name for e in scores}
    headers = [sheets.headerData(i, Qt.Orientation.Horizontal) for i in range(sheets.columnCount())]
    assert headers[:2] == ["indicator", "panel aggregate"] and set(headers[2:]) == experts
    assert sheets.rowCount() == len({e.code for e in scores}) > 0
    first = scores[0]
    row = next(i for i in range(sheets.rowCount()) if sheets.index(i, 0).data() == first.code)
    col = headers.index(first.expert_name)
    assert sheets.index(row, col).data() == str(first.score)
    assert sheets.index(row, 1).data() == str(first.aggregate)
    dialog.close()
    assert shown_errors == []
