"""Ministry mode through its pages: enrol two experts from requests, revoke one with a reason, compose
a panel (a warning for an expert already on a panel for the same candidate), seal a package, import
result bundles (per-file outcomes, twice changes nothing), and the registry showing the conclusion."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt

from reviewer.ministry.desk import enrolled_experts
from reviewer.packages import inspect_package
from reviewer.standards.panel_rules import default_panel_rules_path
from reviewer.trust import create_identity, load_credential, open_authority
from reviewer.trust.identity import REQUEST
from reviewer.ui.panels.ministry import MinistryPanel, asks
from reviewer.ui.panels.ministry.database_dialog import DatabaseChoice
from reviewer.ui.tasks import ImmediateExecutor
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.export.conftest import PASSPHRASE, source
from tests.permissive import PERMISSIVE_RULES
from tests.scoring.sheet_fixtures import CANDIDATE, STANDARD

T = TypeVar("T")

NEWCOMERS = (("sun-li", "孙立", "东海信息技术研究院"), ("he-jing", "何静", "北方软件评测中心"))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


@pytest.fixture(scope="module")
def requests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("requests")
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        for key, name, org in NEWCOMERS:
            info, _ = create_identity(base / key, name=name, org=org, source=source())
            out[key] = info.path / REQUEST
    return out


def on_worker(fn: Callable[[], T]) -> T:
    """A check's own read of the store, off the GUI thread (as the app reads it)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def open_panel(parent, authdir: Path, db: str, passphrase: str | None = None) -> MinistryPanel:
    """The desk opened as the window opens it: on a worker, then built on what it opened."""
    executor = ImmediateExecutor()
    opened: list = []
    MinistryPanel.open(parent, authdir, db, executor).on_success(opened.append).run()
    return MinistryPanel.on(opened[0], executor, passphrase)


@pytest.fixture
def panel(qtbot, world: BundleWorld, tmp_path: Path, make_window) -> MinistryPanel:
    window = make_window(lang="en")  # English translators installed, whatever an earlier test left
    authdir = tmp_path / "authority"
    shutil.copytree(world.authority.path, authdir)  # the shared world stays untouched
    shutil.copy(PERMISSIVE_RULES, authdir / "panel-rules.json")  # panels of 2-3 here: the size rules warn
    p = open_panel(window, authdir, f"sqlite:///{tmp_path / 'registry.sqlite3'}", PASSPHRASE)
    qtbot.addWidget(p)
    yield p
    p.close_desk()


def names_and_status(panel: MinistryPanel) -> dict[str, str]:
    m = panel.experts.model
    return {m.row_value(i).name: m.index(i, m.STATUS).data() for i in range(m.rowCount())}


def test_enrol_two_experts_then_revoke_one_with_a_reason(
    panel: MinistryPanel, requests: dict[str, Path], tmp_path: Path, monkeypatch, shown_errors
) -> None:
    page = panel.experts
    assert page.model.rowCount() == 7
    categories = {"sun-li": "expert", "he-jing": "representative"}
    for key in requests:
        monkeypatch.setattr(asks, "open_file", lambda *a, key=key, **k: requests[key])
        monkeypatch.setattr(asks, "category", lambda *a, key=key, **k: categories[key])
        monkeypatch.setattr(asks, "save_file", lambda *a, key=key, **k: tmp_path / f"{key}.rvcred")
        page.enrol_button.click()
    assert shown_errors == []
    status = names_and_status(panel)
    assert status["孙立"] == status["何静"] == "active"
    m = page.model
    category = {m.row_value(i).name: m.index(i, m.CATEGORY).data() for i in range(m.rowCount())}
    assert (category["孙立"], category["何静"], category["王堃"]) == ("Expert", "Representative", "Expert")
    enrolled = {e["name"]: e for e in panel.desk.authority.ledger() if e.get("event") == "enrolled"}
    assert enrolled["何静"]["category"] == "representative"
    cred = load_credential(tmp_path / "sun-li.rvcred")
    assert (cred.name, cred.org) == ("孙立", "东海信息技术研究院")
    assert cred.root_fingerprint == panel.desk.authority.root_fingerprint
    assert panel.desk.keys is not None  # unlocked once, kept
    assert page.count.text() == "9 experts enrolled, 9 active, 0 revoked"

    page.select("何静")
    assert page.revoke_button.isEnabled()
    answers = iter(["   ", "笔记本电脑遗失"])
    monkeypatch.setattr(asks, "reason", lambda *a, **k: next(answers))
    page.revoke_button.click()
    assert shown_errors == ["A revocation needs a reason."]
    status = names_and_status(panel)
    assert status["何静"].startswith("revoked ") and status["何静"].endswith(": 笔记本电脑遗失")
    assert status["孙立"] == "active"
    revoked = next(x for x in enrolled_experts(open_authority(panel.desk.authority.path)) if x.name == "何静")
    assert (revoked.status, revoked.reason) == ("revoked", "笔记本电脑遗失")
    assert panel.desk.authority.revocations().revoked_at(int(revoked.serial, 16)) is not None
    assert not page.revoke_button.isEnabled()  # already revoked

    # revoked experts are listed on the panel page but cannot be chosen
    choice = panel.composer.model
    row = next(i for i in range(choice.rowCount()) if choice.row_value(i).name == "何静")
    assert choice.flags(choice.index(row, choice.MEMBER)) == Qt.ItemFlag.NoItemFlags
    assert not choice.setData(
        choice.index(row, choice.MEMBER), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert choice.chosen() == []


def fingerprint(panel: MinistryPanel, name: str) -> str:
    return next(x.fingerprint for x in enrolled_experts(panel.desk.authority) if x.name == name)


def test_composing_warns_about_an_expert_already_on_a_panel_for_the_candidate(panel: MinistryPanel) -> None:
    composer = panel.composer
    composer.set_candidate(dict(CANDIDATE))
    composer.model.choose(fingerprint(panel, "王堃"), chair=True)
    composer.model.choose(fingerprint(panel, "李喆"))
    assert composer.summary.text() == "2 experts chosen; chair: 王堃"
    # both sat on the two sealed panels for 示例软件园: one warning per earlier panel and person
    assert {c.name for c in composer.conflicts} == {"王堃", "李喆"}
    assert len(composer.conflicts) == 4 and {c.kind for c in composer.conflicts} == {"candidate"}
    assert "李喆 is already on a panel for “示例软件园”" in composer.warnings.text()
    # another candidate in the same city: still warned, for the city
    composer.name.setText("江北软件园")
    assert {c.kind for c in composer.conflicts} == {
        "city"
    } and "same city (南京市)" in composer.warnings.text()
    composer.city.setText("苏州市")
    assert composer.conflicts == [] and composer.warnings.text() == ""
    experts, chair = composer.panel()  # a warning never blocks
    assert sorted(x.name for x in experts) == ["李喆", "王堃"] and chair == fingerprint(panel, "王堃")


def test_seal_a_package_through_the_page(
    panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors, confirmations
) -> None:
    composer, page = panel.composer, panel.seal
    composer.set_candidate({**CANDIDATE, "founded": "2015-06-01"})
    composer.model.choose(fingerprint(panel, "李喆"))
    composer.model.choose(fingerprint(panel, "张玥"))
    out = tmp_path / "out" / "示例软件园-2026.rvpkg"
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: out)

    page.seal_button.click()  # no standard yet
    assert shown_errors[-1] == page.result.text() == "Choose the standard first."
    page.standard.setText(str(STANDARD))
    page.seal_button.click()  # no chair
    assert page.result.text() == "The panel must have exactly one chair."
    assert not out.exists()

    composer.model.choose(fingerprint(panel, "王堃"), chair=True)
    material = tmp_path / "自评报告.pdf"
    material.write_bytes(b"%PDF-1.7 self assessment\n" * 100)
    page.add_material(material)
    with monkeypatch.context() as m:  # the wrong type of candidate for this standard is refused, with why
        m.setattr(composer.kind, "currentData", lambda: "city")
        page.seal_button.click()
    assert "does not match the standard" in page.result.text() and not out.exists()

    page.seal_button.click()
    assert out.exists(), page.result.text()
    assert set(confirmations.titles) == {"Seal despite the panel rules' warnings"}  # three members: warned
    assert "[min-size] The panel has 3 members, fewer than the 5 required" in confirmations.asked[-1].text
    assert page.result.text().endswith("1 panel rule warning(s) recorded in the authority's ledger.")
    view = inspect_package(out)
    m = view.manifest
    assert page.result.text().startswith(f"Sealed {out}: package {m.package_id}")
    assert "王堃".encode() not in out.read_bytes()  # the roster is in the encrypted header
    sealed = [e for e in panel.desk.authority.ledger() if e.get("event") == "sealed"]
    assert sealed[-1]["package_id"] == m.package_id
    roster = [(r["name"], r["role"]) for r in sealed[-1]["roster"]]  # the ministry's own record of it
    assert roster == [("王堃", "chair"), ("李喆", "expert"), ("张玥", "expert")]
    assert sealed[-1]["candidate"]["founded"] == "2015-06-01"
    assert [w["rule"] for w in sealed[-1]["composition_warnings"]] == ["min-size"]
    # the new panel is now in the ledger: composing again for the same candidate warns about it too
    composer._update()
    assert m.package_id in {c.package_id for c in composer.conflicts}


@pytest.fixture
def strict_panel(qtbot, world: BundleWorld, tmp_path: Path, make_window) -> MinistryPanel:
    """The desk with the shipped panel rules, but for a ministry's own file that warns above five members."""
    window = make_window(lang="en")
    authdir = tmp_path / "authority"
    shutil.copytree(world.authority.path, authdir)
    doc = json.loads(default_panel_rules_path().read_text("utf-8"))
    for rule in doc["composition"]:
        if rule["rule"] == "max-size":
            rule["value"] = 5  # the shipped 9 needs ten enrolled experts to show a warning
    (authdir / "panel-rules.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    p = open_panel(window, authdir, f"sqlite:///{tmp_path / 'registry.sqlite3'}", PASSPHRASE)
    qtbot.addWidget(p)
    yield p
    p.close_desk()


def test_the_seal_page_shows_the_panel_rules_as_the_panel_is_composed(
    qtbot, strict_panel: MinistryPanel, tmp_path: Path, monkeypatch, shown_errors, confirmations
) -> None:
    panel = strict_panel
    composer, page = panel.composer, panel.seal
    composer.set_candidate(dict(CANDIDATE))
    page.standard.setText(str(STANDARD))
    out = tmp_path / "p.rvpkg"
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: out)
    for name in ("王堃", "李喆", "张玥"):
        composer.model.choose(fingerprint(panel, name), chair=name == "王堃")
    # three: refused by the minimum, the reason in view on both pages, sealing disabled
    assert not page.seal_button.isEnabled()
    text = page.composition.text()
    assert "Cannot be sealed: [min-size] The panel has 3 members, fewer than the 5 required" in text
    assert "(rule: Tendering and Bidding Law art. 37; MOF Order No. 87 art. 47)" in text
    assert composer.refusals.text() == text and composer.refusals.isVisibleTo(composer)
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    assert not out.exists() and confirmations.asked == []
    composer.model.choose(fingerprint(panel, "陈燊"))  # four: still too few, and even
    assert (
        not page.seal_button.isEnabled() and "[odd-size] The panel has 4 members" in page.composition.text()
    )
    composer.model.choose(fingerprint(panel, "赵鑫"))  # five: sealing possible, nothing said
    assert page.seal_button.isEnabled() and page.composition.text() == "" and composer.findings == []
    composer.model.choose(fingerprint(panel, "周淼"))  # six: even (refused), and above five (a warning)
    assert not page.seal_button.isEnabled()
    assert page.composition.text().splitlines() == [
        "Cannot be sealed: [odd-size] The panel has 6 members; it must have an odd number "
        "(rule: Tendering and Bidding Law art. 37; MOF Order No. 87 art. 47)",
        "Warning: [max-size] The panel has 6 members, more than the 5 allowed "
        "(rule: Practice in evaluating S&T achievements (5 to 9 experts))",
    ]
    composer.model.choose(fingerprint(panel, "钱犇"))  # seven: above this ministry's five, a warning
    assert page.seal_button.isEnabled()
    assert page.composition.text().startswith("Warning: [max-size] The panel has 7 members, more than the 5")

    confirmations.answers.append(False)  # the person reads the warning and cancels: nothing sealed
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    assert confirmations.titles == ["Seal despite the panel rules' warnings"] and not out.exists()
    assert "[max-size] The panel has 7 members" in confirmations.asked[0].text
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)  # confirmed: sealed, the warning kept
    assert out.exists(), page.result.text()
    assert "1 panel rule warning(s) recorded in the authority's ledger." in page.result.text()
    [entry] = [
        e for e in panel.desk.authority.ledger() if e.get("event") == "sealed" and e["file"] == out.name
    ]
    [warning] = entry["composition_warnings"]
    assert (warning["rule"], warning["action"]) == ("max-size", "warn")
    assert warning["message"]["zh"].startswith("专家组共 7 人，多于规定的 5 人")
    assert shown_errors == []


def test_import_bundles_then_the_registry_shows_the_conclusion(
    panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "good.rvresult").write_bytes(world.bundle)
    (folder / "garbage.rvresult").write_bytes(b"PK\x03\x04 not a bundle")
    monkeypatch.setattr(asks, "open_folder", lambda *a, **k: folder)
    page = panel.imports
    page.add_folder_button.click()
    assert [Path(p).name for p in page.paths()] == ["garbage.rvresult", "good.rvresult"]
    page.import_button.click()
    m = page.model
    rows = {
        m.index(i, m.FILE).data(): (m.index(i, m.OUTCOME).data(), m.index(i, m.DETAIL).data())
        for i in range(2)
    }
    assert rows["good.rvresult"][0] == "imported"
    assert rows["good.rvresult"][1].endswith("version 1 → under publicity")  # a passed creation review
    assert rows["garbage.rvresult"][0] == "refused" and "not a result bundle" in rows["garbage.rvresult"][1]
    assert page.summary.text() == "1 imported, 0 already there, 1 refused"

    page.import_button.click()  # the same batch again changes nothing
    assert page.model.index(1, m.OUTCOME).data() == "duplicate"
    assert page.summary.text() == "0 imported, 1 already there, 1 refused"
    assert len(on_worker(lambda: panel.desk.registry.history("示例软件园")).reviews) == 1

    registry = panel.registry  # refreshed on import
    names = [registry.model.row_value(i).info.name for i in range(registry.model.rowCount())]
    assert names == ["示例软件园"]
    assert registry.model.index(0, registry.model.STATUS).data() == "under publicity"
    assert registry.select("示例软件园")
    reviews = registry.history.models["reviews"]
    cols = [c.key for c in reviews.table.columns]
    row = {k: reviews.index(0, i).data() for i, k in enumerate(cols)}
    assert (row["kind"], row["result"], row["total"], row["vetoed"], row["chair"]) == (
        "creation review",
        "Pass",
        "80.66",
        "no",
        world.ids[CHAIR].name,
    )
    publicity = registry.year_report.models["publicity"]
    assert publicity.rowCount() == 1 and publicity.index(0, 0).data() == "示例软件园"
    assert shown_errors == []


def test_the_main_window_opens_the_ministry_desk(
    make_window, world: BundleWorld, tmp_path: Path, monkeypatch
) -> None:
    authdir = tmp_path / "authority"
    shutil.copytree(world.authority.path, authdir)
    window = make_window(lang="en", authority_dir=authdir, passphrase=PASSPHRASE)
    desk = window.ministry_panel
    assert window.pages.currentWidget() is desk
    assert window.windowTitle().startswith(world.authority.name)
    assert Path(desk.desk.registry.engine.url.database) == authdir / "registry.sqlite3"
    assert desk.experts.model.rowCount() == 7
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(asks, "open_folder", lambda *a, **k: authdir)
    monkeypatch.setattr(asks, "database", lambda parent, default: DatabaseChoice(str(other)))
    window.ministry_action.trigger()
    assert (
        window.ministry_panel is not desk
        and Path(window.ministry_panel.desk.registry.engine.url.database) == other
    )
    assert json.loads((authdir / "authority.json").read_text("utf-8"))["name"] == world.authority.name


def test_the_authority_is_unlocked_once_asking_again_after_a_wrong_passphrase(
    qtbot,
    world: BundleWorld,
    requests: dict[str, Path],
    tmp_path: Path,
    monkeypatch,
    shown_errors,
    make_window,
) -> None:
    window = make_window(lang="en")
    authdir = tmp_path / "authority"
    shutil.copytree(world.authority.path, authdir)
    p = open_panel(window, authdir, str(tmp_path / "r.sqlite3"))  # no keyring here
    qtbot.addWidget(p)
    typed = iter(["not-the-passphrase", PASSPHRASE])
    asked: list[str] = []
    monkeypatch.setattr(asks, "passphrase", lambda parent, who: asked.append(who) or next(typed))
    monkeypatch.setattr(asks, "open_file", lambda *a, **k: requests["sun-li"])
    monkeypatch.setattr(asks, "category", lambda *a, **k: "expert")
    monkeypatch.setattr(asks, "save_file", lambda *a, **k: None)  # keep only the authority's copy
    p.experts.enrol_button.click()
    assert asked == [world.authority.name] * 2
    assert len(shown_errors) == 1  # the wrong passphrase, said before asking again
    assert "孙立" in names_and_status(p) and p.desk.keys is not None
    assert "keys unlocked" in p.header.text()
    p.experts.enrol_button.click()  # unlocked once: not asked again
    assert len(asked) == 2
    p.close_desk()


def test_the_desk_imports_a_batch_with_worker_processes(
    panel: MinistryPanel, world: BundleWorld, tmp_path: Path, monkeypatch, shown_errors
) -> None:
    """A big batch is checked in worker processes started from the running Qt app (spawned, not
    forked, since the app has threads); outcomes are the serial ones, file for file."""
    from reviewer.app import ministry_desk

    asked: list[int] = []
    monkeypatch.setattr(ministry_desk, "default_workers", lambda n: asked.append(n) or 2)
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "a-garbage.rvresult").write_bytes(b"PK\x03\x04 not a bundle")
    (folder / "b-good.rvresult").write_bytes(world.bundle)
    (folder / "c-again.rvresult").write_bytes(world.bundle)
    monkeypatch.setattr(asks, "open_folder", lambda *a, **k: folder)
    page = panel.imports
    page.add_folder_button.click()
    page.import_button.click()
    m = page.model
    outcomes = [(m.index(i, m.FILE).data(), m.index(i, m.OUTCOME).data()) for i in range(m.rowCount())]
    assert asked == [3]
    assert outcomes == [
        ("a-garbage.rvresult", "refused"),
        ("b-good.rvresult", "imported"),
        ("c-again.rvresult", "duplicate"),
    ]
    assert page.summary.text() == "1 imported, 1 already there, 1 refused"
    assert len(on_worker(lambda: panel.desk.registry.history("示例软件园")).reviews) == 1
    assert shown_errors == []


def test_import_workers_are_spawned_beside_qt_threads() -> None:
    """Qt's pool threads are invisible to :mod:`threading`; a fork beside them could copy a held lock."""
    import threading

    from PySide6.QtCore import QThreadPool

    from reviewer.ministry import importer

    running, release = threading.Event(), threading.Event()
    pool = QThreadPool()
    before = importer._threads()
    pool.start(lambda: (running.set(), release.wait(10)))
    try:
        assert running.wait(10)
        assert importer._threads() == before + 1
        assert importer._pool_context().get_start_method() == "spawn"
    finally:
        release.set()
        pool.waitForDone()
