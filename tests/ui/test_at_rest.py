"""Issue 14, finding 8: a stolen laptop reveals the review. The attack: fill a review and the chair's
store on a laptop, then read every byte of the data folder without the passphrase.

Qt-free apart from the demo world's fixture (a real identity, a real package)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.app.opening import load_review, open_member_review
from reviewer.demo.package import DEMO_PASSPHRASE
from reviewer.errors import WrongPassphrase
from reviewer.models import Store
from reviewer.models import sealed as sealed_module
from reviewer.models import unlock as unlock_module
from reviewer.models.chair import ChairStore
from reviewer.models.db import make_engine
from reviewer.models.migrate import upgrade
from reviewer.models.sealed import StoreLocked
from reviewer.models.workbench import Workbench
from reviewer.scoring.decisions import Actor, ConsensusDecision, PanelDecisions
from reviewer.scoring.workbench_types import Conflict, Role
from reviewer.standards.model import EvidenceMethod
from reviewer.trust import PassphraseSource, load_identity

pytestmark = pytest.mark.real_store_keys

COMMENT = "亮点突出但资金台账缺失 SECRET-COMMENT-7f3a"
SCRATCH = "私人草稿：怀疑数据造假 SECRET-SCRATCH-91c2"
NOTE = "现场核查：机房空置 SECRET-NOTE-44d0"
EVIDENCE = b"%PDF-1.4 photo of the empty server room SECRET-EVIDENCE-5b7e"
WHY = "合议理由 SECRET-WHY-0a9d"
SHEET = b'{"scores": {"1.1": "4.25"}, "expert": "SECRET-SHEET-e1f8"}'
REASON = "退回理由 SECRET-REASON-c3b4"
SCORE = "3.5"  # the score typed ("3.5" as text: how the old store kept it)
SECRETS = [s.encode() for s in (COMMENT, SCRATCH, NOTE, WHY, REASON)] + [
    EVIDENCE,
    b"SECRET-SHEET-e1f8",
    b"SECRET-",
    f'"{SCORE}"'.encode(),  # the score as the audit log's JSON keeps it (the bare "3.5" is 3 bytes: noise)
    COMMENT.split()[0].encode("utf-8"),
]


def source(passphrase: str = DEMO_PASSPHRASE) -> PassphraseSource:
    return PassphraseSource(explicit=passphrase, use_keyring=False, interactive=False)


def fill(store: Store, opened, evidence: Path) -> Workbench:
    """A chair's laptop after a day of work: their own review and the chair's store, through the core."""
    bench = Workbench(store)
    review = bench.open_review(
        opened.manifest.package_id,
        opened.identity.fingerprint,
        package_path=opened.path,
        standard=opened.standard,
        role=Role.CHAIR,
    )
    bench.declare(review, Conflict.NONE)
    bench.accept_pledge(review)
    leaf = opened.standard.leaves()[0]
    bench.set_score(review, leaf.code, Decimal(SCORE) if leaf.points >= Decimal(SCORE) else leaf.points)
    bench.set_comment(review, leaf.code, COMMENT)
    bench.set_scratchpad(review, SCRATCH)
    bench.add_site_note(review, EvidenceMethod.SITE_INSPECTION, NOTE, (leaf.code,))
    evidence.write_bytes(EVIDENCE)
    bench.attach_file(review, leaf.code, evidence, note=NOTE)
    chair = ChairStore(store, now=lambda: datetime(2026, 6, 17, 8, tzinfo=UTC))
    actor = Actor(opened.identity.name, opened.identity.fingerprint, "chair")
    decisions = PanelDecisions(opened.manifest.package_id).with_consensus(
        ConsensusDecision(leaf.code, Decimal("4.5"), WHY, actor, "2026-06-17T08:00:00Z", "extreme")
    )
    chair.record_decisions(
        opened.manifest.package_id, decisions, action="consensus", subject=leaf.code, by=actor, why=WHY
    )
    chair.log_reopened(
        opened.manifest.package_id,
        by=actor,
        discarded=("李喆（专家）",),
        reason=REASON,
        sha256="a" * 64,
        kept_at="x",
    )
    return bench


def fill_chair_sheet(store: Store, package_id: str, chair: str) -> None:
    from tests.models.test_chair_store import fake_sheet

    sheet = fake_sheet("a", 1, "1" * 64)
    ChairStore(store).record_sheet(package_id, replace(sheet, data=SHEET), "a1.rvsheet", chair=chair)


def every_byte(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def found(folder: Path) -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(folder)), s.decode(errors="replace"))
        for p, data in every_byte(folder).items()
        for s in SECRETS
        if s in data
    ]


def test_a_stolen_data_folder_reveals_nothing(demo_world, data_dir: Path, tmp_path: Path) -> None:
    opened = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    store = Store.open(data_dir)
    assert open_member_review(store, opened) is not None  # the GUI's path: unlocks the store
    fill(store, opened, tmp_path / "photo.pdf")
    fill_chair_sheet(store, opened.manifest.package_id, opened.identity.fingerprint)
    # the laptop is stolen while the app runs: the WAL and SHM are there
    assert (data_dir / "reviewer.sqlite3-wal").exists()
    assert found(data_dir) == []
    store.close()
    assert found(data_dir) == []
    if os.name == "posix":
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        for p in data_dir.glob("reviewer.sqlite3*"):
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_without_the_passphrase_the_work_cannot_be_read(demo_world, data_dir: Path, tmp_path: Path) -> None:
    opened = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    with Store.open(data_dir) as store:
        store.unlock(opened.identity)
        bench = fill(store, opened, tmp_path / "photo.pdf")
        review = bench.open_review(
            opened.manifest.package_id,
            opened.identity.fingerprint,
            package_path=opened.path,
            standard=opened.standard,
        )
    with pytest.raises(WrongPassphrase):
        load_identity(demo_world.chair, source("not the passphrase"))
    with Store.open(data_dir) as store:  # opened, not unlocked: the library works, the review does not
        with pytest.raises(StoreLocked):
            Workbench(store).snapshot(review)
        with pytest.raises(StoreLocked):
            ChairStore(store).decisions(opened.manifest.package_id)
        other = load_review(demo_world.package, demo_world.expert, source(), lambda *a: None)
        store.unlock(other.identity)  # another identity on the same laptop: its own key, not the chair's
        with pytest.raises(StoreLocked):
            Workbench(store).snapshot(review)
    with Store.open(data_dir) as store:
        store.unlock(opened.identity)
        state = Workbench(store).snapshot(review)
        assert COMMENT in state.comments.values() and state.scratchpad == SCRATCH


@contextmanager
def legacy_store(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A store as the code before sealing wrote it: every value in the clear.

    The schema is today's (the rows are written through today's ORM, whose ``evidence_files`` has
    the owner column of revision 0006); the migrations from 0004 on are tested on their own
    (tests/models/test_store_migrations.py, test_at_rest_evidence.py)."""
    engine = make_engine(folder / "reviewer.sqlite3")
    upgrade(engine)
    engine.dispose()
    with monkeypatch.context() as mp:
        for cls in (sealed_module.SealedText, sealed_module.SealedBytes):
            mp.setattr(cls, "process_bind_param", lambda self, value, dialect: value)
        mp.setattr(sealed_module.SealedBool, "process_bind_param", lambda self, value, dialect: value)
        mp.setattr("reviewer.models.migrate.upgrade", lambda engine, target="head": None)
        yield


def test_an_old_plaintext_store_is_sealed_in_place_losing_nothing(
    demo_world, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    with legacy_store(data_dir, monkeypatch), Store.open(data_dir) as store:
        bench = fill(store, opened, tmp_path / "photo.pdf")
        fill_chair_sheet(store, opened.manifest.package_id, opened.identity.fingerprint)
        review = bench.open_review(
            opened.manifest.package_id,
            opened.identity.fingerprint,
            package_path=opened.path,
            standard=opened.standard,
        )
        before = (
            bench.snapshot(review),
            bench.history(review),
            ChairStore(store).decisions(opened.manifest.package_id),
        )
        chair_before = (
            ChairStore(store).sheets(opened.manifest.package_id),
            ChairStore(store).log(opened.manifest.package_id),
            ChairStore(store).record_log(opened.manifest.package_id),
        )
    assert found(data_dir)  # the attack succeeds on the old store
    with Store.open(data_dir) as store:
        store.unlock(opened.identity)
        bench = Workbench(store)
        chair = ChairStore(store)
        package_id = opened.manifest.package_id
        assert (bench.snapshot(review), bench.history(review), chair.decisions(package_id)) == before
        assert (chair.sheets(package_id), chair.log(package_id), chair.record_log(package_id)) == chair_before
        assert bench.evidence_file(hashlib.sha256(EVIDENCE).hexdigest()) == EVIDENCE
    assert found(data_dir) == []


def test_a_crash_mid_upgrade_leaves_the_old_store_whole(
    demo_world, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    with legacy_store(data_dir, monkeypatch), Store.open(data_dir) as store:
        bench = fill(store, opened, tmp_path / "photo.pdf")
        review = bench.open_review(
            opened.manifest.package_id,
            opened.identity.fingerprint,
            package_path=opened.path,
            standard=opened.standard,
        )
        before = bench.snapshot(review)
    real = unlock_module.seal_in_place

    def dies_half_way(conn, keys, owner):
        real(conn, keys, owner)  # every value sealed in the transaction ...
        raise KeyboardInterrupt  # ... and the process stops before the commit

    monkeypatch.setattr(unlock_module, "seal_in_place", dies_half_way)
    with Store.open(data_dir) as store, pytest.raises(KeyboardInterrupt):
        store.unlock(opened.identity)
    with Store.open(data_dir) as store:  # the old store, whole and readable as before
        assert Workbench(store).snapshot(review) == before
        assert not store.keys.unlocked
    monkeypatch.setattr(unlock_module, "seal_in_place", real)
    with Store.open(data_dir) as store:
        store.unlock(opened.identity)
        assert Workbench(store).snapshot(review) == before
    assert found(data_dir) == []


def test_a_review_keeps_its_owners_key_after_another_identity_unlocks(demo_world, data_dir: Path) -> None:
    chair = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    expert = load_review(demo_world.package, demo_world.expert, source(), lambda *a: None)
    with Store.open(data_dir) as store:
        member = open_member_review(store, chair)
        assert member is not None
        assert open_member_review(store, expert) is not None  # the expert unlocks the same store after
        member.bench.set_scratchpad(member.review, SCRATCH)  # the chair's workspace saves afterwards
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)  # the chair alone reads it back
        assert Workbench(store).snapshot(member.review).scratchpad == SCRATCH


def test_the_chairs_sheets_keep_the_chairs_key_after_a_member_unlocks(demo_world, data_dir: Path) -> None:
    """Review finding: the chair unlocks, a member opens their own package on the same laptop, then the
    chair imports a sheet. It must be sealed under the chair's key: the next day the chair alone reads it."""
    chair = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    expert = load_review(demo_world.package, demo_world.expert, source(), lambda *a: None)
    package_id = chair.manifest.package_id
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)
        store.unlock(expert.identity)  # the member unlocked last: their key is the active one
        fill_chair_sheet(store, package_id, chair.identity.fingerprint)
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)  # the chair alone
        assert [s.data for s in ChairStore(store).sheets(package_id)] == [SHEET]


def test_sealing_never_falls_back_to_another_identitys_key() -> None:
    keys = sealed_module.StoreKeys()
    keys.add("chair", b"c" * 32)
    with pytest.raises(StoreLocked):  # the owner named has not unlocked: not the active key instead
        keys.seal(b"x", "scores.comment", "member")
    keys.seal(b"x", "scores.comment")  # no owner, one key held: that key
    keys.add("member", b"m" * 32)
    with pytest.raises(StoreLocked):  # no owner and two keys held: whose work is this? refuse
        keys.seal(b"x", "scores.comment")
    chair_sealed = keys.seal(b"x", "scores.comment", "chair")
    assert chair_sealed[4:12] == sealed_module.key_id(b"c" * 32)


# --- the chair's record on the chair's laptop (the rest of finding 8) --------------------------------


def inflated(data: bytes) -> Iterator[bytes]:
    """``data`` itself and every Flate stream in it, decompressed (a PDF's content streams)."""
    yield data
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            yield zlib.decompressobj().decompress(data[match.end() :], 1 << 24)
        except zlib.error:
            continue


def record_markers(pdf: bytes) -> list[bytes]:
    """What a thief finds in a record PDF in the clear: the SHA-256 its /Keywords names, its /ID."""
    from reviewer.export.bundle_checks import record_bindings

    bindings = list(record_bindings(pdf).values())
    assert len(bindings) == 2
    ids = re.findall(rb"/ID\s*\[\s*<([0-9A-Fa-f]{16,})>", pdf)
    assert ids
    return [b.encode() for b in bindings] + [bytes.fromhex(ids[-1].decode()).hex().encode(), ids[-1]]


def found_in_folder(folder: Path, markers: list[bytes]) -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(folder)), m.decode())
        for p, data in every_byte(folder).items()
        for m in markers
        if any(m in chunk for chunk in inflated(data))
    ]


def test_a_stolen_laptop_reveals_nothing_of_the_chairs_record(
    qtbot, make_window, chair_world, data_dir: Path, tmp_path: Path, monkeypatch, confirmations
) -> None:
    """The chair produced the record and a member co-signed it on the chair's laptop: the record's
    /Keywords hashes and document /ID (its content streams inflated too) are nowhere in the data folder
    — the same scan finds them in the record in the clear. Saving a copy writes the exact bytes, every
    signature valid; a reopening's set-aside copy is sealed too."""
    from reviewer.export.pades_validate import validate_record
    from reviewer.ui.dialogs import cosign as cosign_dialogs
    from tests.ui.test_chair_frozen import click, cosign_as, prepared

    monkeypatch.setattr(cosign_dialogs, "notify", lambda parent, text: None)
    _window, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    cosign_as(qtbot, page, chair_world, "li-zhe", monkeypatch)  # a member co-signs on the chair's laptop
    assert page.signed_count == 1
    pdf = page.pdf
    assert pdf is not None and page.path.name == "record.pdf.rvsealed"
    markers = record_markers(pdf)
    (tmp_path / "in-the-clear.pdf").write_bytes(pdf)
    assert found_in_folder(tmp_path, markers)  # the scan finds the record when it is in the clear
    (tmp_path / "in-the-clear.pdf").unlink()
    assert found_in_folder(data_dir, markers) == []
    if os.name == "posix":
        assert stat.S_IMODE(page.path.stat().st_mode) == 0o600

    # the one way out in the clear: Save a copy of the record…, where the chair chooses
    monkeypatch.setattr(
        cosign_dialogs, "choose_record_copy_path", lambda parent, suggested: tmp_path / "copy"
    )
    assert page.copy_button.isEnabled()
    click(qtbot, page.copy_button)
    copy = tmp_path / "copy.pdf"
    assert copy.read_bytes() == page.files.read(page.path) == pdf
    statuses = validate_record(copy.read_bytes(), page.review.identity.trust_root())
    assert len(statuses) == 1 and all(s.valid for s in statuses)
    assert found_in_folder(data_dir, markers) == []

    # reopened: the signed record is set aside, sealed
    monkeypatch.setattr(cosign_dialogs, "ask_reopen_reason", lambda parent, names: "措辞需修改。")
    click(qtbot, page.reopen_button)
    assert page.pdf is None and page.reopened_to is not None
    assert page.reopened_to.name.endswith(".pdf.rvsealed") and page.files.read(page.reopened_to) == pdf
    assert [p.name for p in page.folder.iterdir()] == [page.reopened_to.name]
    assert found_in_folder(data_dir, markers) == []


def test_a_record_left_in_the_clear_is_sealed_at_opening_losing_nothing(
    qtbot, make_window, chair_world, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """A chair folder written before the record was kept sealed: ``record.pdf`` and a set-aside copy in
    the clear. Opening the package seals both in place, byte for byte (the signatures intact), and
    removes the plaintext; the scan then finds nothing."""
    from reviewer.export.pades_validate import validate_record
    from reviewer.ui.dialogs import cosign as cosign_dialogs
    from tests.ui.test_chair_frozen import cosign_as, open_chair, prepared

    monkeypatch.setattr(cosign_dialogs, "notify", lambda parent, text: None)
    window, chair = prepared(qtbot, make_window, chair_world)
    page = chair.record
    cosign_as(qtbot, page, chair_world, "li-zhe", monkeypatch)
    pdf, folder = page.pdf, page.folder
    assert pdf is not None
    window.close()
    # as the code before this change left it
    page.path.unlink()
    (folder / "record.pdf").write_bytes(pdf)
    aside = folder / "record-set-aside-20260617T080000Z-0123456789ab.pdf"
    aside.write_bytes(pdf)
    markers = record_markers(pdf)
    assert found_in_folder(data_dir, markers)  # the attack succeeds on the old folder

    _window, chair = open_chair(make_window, chair_world)
    page = chair.record
    assert page.pdf == pdf and page.signed_count == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [aside.name + ".rvsealed", "record.pdf.rvsealed"]
    )
    assert page.files.read(page.path) == pdf and page.files.read(folder / (aside.name + ".rvsealed")) == pdf
    statuses = validate_record(page.files.read(page.path), page.review.identity.trust_root())
    assert len(statuses) == 1 and all(s.valid for s in statuses)
    assert found_in_folder(data_dir, markers) == []
