"""An attached file is kept once per owner, sealed under the owner's key (revision 0006).

Before, ``evidence_files`` held one row per SHA-256 shared by every identity, sealed under the key of
whoever attached it first: a second expert attaching the same file got ``StoreLocked``, or (both
unlocked) a reference to bytes they alone could never read again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.app.opening import load_review
from reviewer.models import Store
from reviewer.models.db import make_engine
from reviewer.models.evidence_files import EvidenceLocked
from reviewer.models.migrate import HEAD, current_revision, downgrade, upgrade
from reviewer.models.workbench import Workbench
from reviewer.scoring.workbench_types import Conflict
from tests.ui.test_at_rest import source

pytestmark = pytest.mark.real_store_keys

PHOTO = b"%PDF-1.4 the same photo, taken by the panel together"
REMOVED = b"%PDF-1.4 attached, then removed: undo may still bring it back"
SHA = hashlib.sha256(PHOTO).hexdigest()


def _review(bench: Workbench, opened):
    review = bench.open_review(
        opened.manifest.package_id,
        opened.identity.fingerprint,
        package_path=opened.path,
        standard=opened.standard,
    )
    return review, opened.standard.leaves()[0].code


def _attach(store: Store, opened, data: bytes = PHOTO):
    bench = Workbench(store)
    review, code = _review(bench, opened)
    if bench.snapshot(review).declaration.conflict is Conflict.UNDECLARED:
        bench.declare(review, Conflict.NONE)
        bench.accept_pledge(review)

    return bench, review, bench.add_evidence(review, code, file_name="photo.pdf", data=data)


def _alone_reads(data_dir: Path, opened, data: bytes = PHOTO) -> bytes:
    with Store.open(data_dir) as store:
        store.unlock(opened.identity)
        bench = Workbench(store)
        review, _ = _review(bench, opened)
        ref = next(e for e in bench.snapshot(review).evidence if e.sha256 == hashlib.sha256(data).hexdigest())
        assert bench.evidence_file(ref.sha256, opened.identity.fingerprint) == data
        return bench.evidence_file(ref.sha256)


def _rows(data_dir: Path) -> list[tuple[str, str]]:
    engine = make_engine(data_dir / "reviewer.sqlite3")
    try:
        with engine.connect() as conn:
            return [
                tuple(r) for r in conn.execute(text("SELECT owner, sha256 FROM evidence_files ORDER BY 1, 2"))
            ]
    finally:
        engine.dispose()


@pytest.fixture
def panel(demo_world):
    chair = load_review(demo_world.package, demo_world.chair, source(), lambda *a: None)
    expert = load_review(demo_world.package, demo_world.expert, source(), lambda *a: None)
    return chair, expert


def test_a_second_expert_attaches_a_file_the_first_attached_while_alone(panel, data_dir: Path) -> None:
    chair, expert = panel
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)
        _attach(store, chair)
    with Store.open(data_dir) as store:
        store.unlock(expert.identity)  # the chair is not unlocked: the shared row could not be opened
        _attach(store, expert)
    assert _alone_reads(data_dir, chair) == PHOTO
    assert _alone_reads(data_dir, expert) == PHOTO
    owners = {chair.identity.fingerprint, expert.identity.fingerprint}
    assert _rows(data_dir) == sorted((o, SHA) for o in owners)


def test_both_unlocked_each_keeps_a_copy_it_alone_can_read(panel, data_dir: Path) -> None:
    chair, expert = panel
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)
        store.unlock(expert.identity)
        _attach(store, chair)
        _attach(store, expert)  # before: pointed at the chair's copy, sealed under the chair's key
    assert _alone_reads(data_dir, expert) == PHOTO
    assert _alone_reads(data_dir, chair) == PHOTO


def test_an_upgrade_from_0005_keeps_every_blob_and_each_owner_reads_its_own(panel, data_dir: Path) -> None:
    chair, expert = panel
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)
        store.unlock(expert.identity)
        _attach(store, chair)
        _attach(store, expert)
        bench, review, ref = _attach(store, expert, REMOVED)
        bench.remove_evidence(review, ref.id)  # unreferenced now; undo would bring it back
        removed_id = ref.id
    engine = make_engine(data_dir / "reviewer.sqlite3")
    downgrade(engine, "0005")  # one shared row per sha256 again, as revision 0005 kept them
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT sha256 FROM evidence_files ORDER BY 1")).scalars().all()
        seq = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'evidence_refs'")).scalar()
    assert kept == sorted([SHA, hashlib.sha256(REMOVED).hexdigest()])
    upgrade(engine)
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'evidence_refs'")).scalar() == seq
        )
    engine.dispose()
    fps = sorted([chair.identity.fingerprint, expert.identity.fingerprint])
    assert _rows(data_dir) == sorted(
        [(fp, SHA) for fp in fps] + [(expert.identity.fingerprint, hashlib.sha256(REMOVED).hexdigest())]
    )
    # the copy made for the second owner is still sealed under the first owner's key
    first, second = (chair, expert) if fps[0] == chair.identity.fingerprint else (expert, chair)
    assert _alone_reads(data_dir, first) == PHOTO
    with pytest.raises(EvidenceLocked):
        _alone_reads(data_dir, second)
    with Store.open(data_dir) as store:  # both unlocked once in one session: re-sealed for its owner
        store.unlock(first.identity)
        store.unlock(second.identity)
    assert _alone_reads(data_dir, second) == PHOTO
    assert _alone_reads(data_dir, first) == PHOTO
    with Store.open(data_dir) as store:  # the removed file's undo still finds its bytes
        store.unlock(expert.identity)
        bench = Workbench(store)
        review, _ = _review(bench, expert)
        bench.undo(review)
        assert [e.id for e in bench.snapshot(review).evidence if e.id == removed_id] == [removed_id]
        assert (
            bench.evidence_file(hashlib.sha256(REMOVED).hexdigest(), expert.identity.fingerprint) == REMOVED
        )
        # a new reference never takes the id of the removed one back
        _, _, new = _attach(store, expert, b"another file")
        assert new.id > removed_id


def test_reattaching_reseals_the_owners_copy(panel, data_dir: Path) -> None:
    chair, expert = panel
    with Store.open(data_dir) as store:
        store.unlock(chair.identity)
        store.unlock(expert.identity)
        _attach(store, chair)
        _attach(store, expert)
    engine = make_engine(data_dir / "reviewer.sqlite3")
    downgrade(engine, "0005")
    upgrade(engine)
    engine.dispose()
    fps = sorted([chair.identity.fingerprint, expert.identity.fingerprint])
    second = expert if fps[1] == expert.identity.fingerprint else chair
    with Store.open(data_dir) as store:
        store.unlock(second.identity)
        _attach(store, second)  # the owner has the file: its copy is sealed again under its own key
    assert _alone_reads(data_dir, second) == PHOTO
