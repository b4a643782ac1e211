"""Reopening's file work (Qt-free, on a worker): the signed record is set aside and the reopening
logged, or neither happens; the record is kept sealed throughout, and a copy saved in the clear is
the record's exact bytes."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reviewer.app.chair_work import (
    save_record_copy,
    seal_left_in_clear,
    set_aside_name,
    set_aside_record,
    take_back_cosigned,
)
from reviewer.errors import Refused
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from reviewer.models.sealed import StoreKeys
from reviewer.models.sealed_files import SealedFiles
from reviewer.scoring.decisions import Actor

CHAIR = Actor("王堃", "c" * 64, "chair")
SIGNED = b"%PDF-1.7 a record with one signature"


def load_identity_root():
    """A trust root for the strict record rule (any certificate: the bytes offered are no PDF)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "root")])
    when = datetime(2026, 1, 1, tzinfo=UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(when)
        .not_valid_after(when.replace(year=2027))
        .sign(key, hashes.SHA256())
    )


def chair_files() -> SealedFiles:
    keys = StoreKeys()
    keys.add(CHAIR.fingerprint, bytes(range(32)))
    return SealedFiles(keys, CHAIR.fingerprint)


FILES = chair_files()


def reopen(folder: Path, chair_store, digest: str | None = None) -> Path:
    record = folder / "record.pdf.rvsealed"
    digest = digest or hashlib.sha256(FILES.read(record)).hexdigest()
    kept = folder / set_aside_name(digest, datetime(2026, 6, 17, 8, tzinfo=UTC))
    return set_aside_record(
        FILES,
        record,
        kept,
        digest,
        chair_store,
        package_id="pkg",
        by=CHAIR,
        discarded=("李喆（专家）",),
        reason="改",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    FILES.write(tmp_path / "record.pdf.rvsealed", SIGNED)
    return tmp_path


def on_file(folder: Path) -> bytes:
    return FILES.read(folder / "record.pdf.rvsealed")


def test_the_signed_record_is_kept_aside_and_the_reopening_logged(folder: Path, data_dir: Path) -> None:
    with Store.open() as store:
        kept = reopen(folder, ChairStore(store))
        (event,) = ChairStore(store).record_log("pkg")
    digest = hashlib.sha256(SIGNED).hexdigest()
    assert kept.name == f"record-set-aside-20260617T080000Z-{digest[:12]}.pdf.rvsealed"
    assert FILES.read(kept) == SIGNED and SIGNED not in kept.read_bytes()
    assert not (folder / "record.pdf.rvsealed").exists()
    assert (event.kind, event.sha256, event.path, event.discarded) == (
        "reopened",
        digest,
        str(kept),
        ("李喆（专家）",),
    )


def test_a_log_that_fails_puts_the_record_back(folder: Path, data_dir: Path) -> None:
    class Broken:
        def log_reopened(self, *args, **kwargs):
            raise OSError("disk full")

    with pytest.raises(OSError):
        reopen(folder, Broken())
    assert on_file(folder) == SIGNED and len(list(folder.iterdir())) == 1


def test_another_file_or_no_store_reopens_nothing(folder: Path, data_dir: Path) -> None:
    with Store.open() as store:
        with pytest.raises(Refused, match="not the one shown"):
            reopen(folder, ChairStore(store), digest="0" * 64)
        with pytest.raises(Refused, match="cannot be logged"):
            reopen(folder, None)
        assert ChairStore(store).record_log("pkg") == []
    assert on_file(folder) == SIGNED and len(list(folder.iterdir())) == 1


def test_a_record_left_in_the_clear_is_sealed_in_place_losing_nothing(tmp_path: Path) -> None:
    (tmp_path / "record.pdf").write_bytes(SIGNED)
    aside = tmp_path / "record-set-aside-20260617T080000Z-0123456789ab.pdf"
    aside.write_bytes(SIGNED + b" set aside")
    assert [p.name for p in seal_left_in_clear(FILES, tmp_path)] == [
        "record.pdf.rvsealed",
        aside.name + ".rvsealed",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [aside.name + ".rvsealed", "record.pdf.rvsealed"]
    assert (
        on_file(tmp_path) == SIGNED
        and FILES.read(tmp_path / (aside.name + ".rvsealed")) == SIGNED + b" set aside"
    )
    assert not any(b"a record" in p.read_bytes() for p in tmp_path.iterdir())
    assert seal_left_in_clear(FILES, tmp_path) == []  # nothing left to seal


def test_a_crash_between_sealing_and_removing_the_plaintext_is_finished_later(tmp_path: Path) -> None:
    (tmp_path / "record.pdf").write_bytes(SIGNED)
    FILES.write(tmp_path / "record.pdf.rvsealed", SIGNED)  # sealed, the plaintext not yet removed
    seal_left_in_clear(FILES, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["record.pdf.rvsealed"] and on_file(tmp_path) == SIGNED
    (tmp_path / "record.pdf").write_bytes(b"%PDF another file")  # not the sealed one: both are kept
    seal_left_in_clear(FILES, tmp_path)
    assert (tmp_path / "record.pdf").read_bytes() == b"%PDF another file" and on_file(tmp_path) == SIGNED
    # bytes that merely extend the record are no co-signature: refused under the strict record rule
    # (tests/ui/test_chair_frozen.py takes in one that is), nothing changed, nothing lost
    (tmp_path / "record.pdf").write_bytes(SIGNED + b" co-signed elsewhere")
    with pytest.raises(Refused, match="was not taken in"):
        take_back_cosigned(FILES, tmp_path, load_identity_root())
    seal_left_in_clear(FILES, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.pdf", "record.pdf.rvsealed"]
    assert on_file(tmp_path) == SIGNED
    assert (tmp_path / "record.pdf").read_bytes() == SIGNED + b" co-signed elsewhere"


def test_a_sealed_record_needs_the_chairs_key_and_its_own_name(folder: Path) -> None:
    from reviewer.errors import Tampered
    from reviewer.models.sealed import StoreLocked

    sealed = folder / "record.pdf.rvsealed"
    if os.name == "posix":
        assert sealed.stat().st_mode & 0o777 == 0o600
    with pytest.raises(StoreLocked):  # another identity's key (a member on the chair's laptop)
        other = StoreKeys()
        other.add("m" * 64, bytes(32))
        SealedFiles(other, CHAIR.fingerprint).write(sealed, SIGNED)
    with pytest.raises(StoreLocked):
        SealedFiles(StoreKeys(), CHAIR.fingerprint).read(sealed)
    renamed = folder / "record-set-aside-x.pdf.rvsealed"
    renamed.write_bytes(sealed.read_bytes())
    with pytest.raises(Tampered, match="altered or renamed"):
        FILES.read(renamed)
    flipped = bytearray(sealed.read_bytes())
    flipped[-1] ^= 1
    renamed.write_bytes(bytes(flipped))
    with pytest.raises(Tampered, match="altered or renamed"):
        FILES.read(renamed)


def test_a_copy_is_the_records_exact_bytes_and_only_the_record_shown(folder: Path, tmp_path: Path) -> None:
    copy = save_record_copy(FILES, folder / "record.pdf.rvsealed", SIGNED, tmp_path / "out" / "copy.pdf")
    assert copy.read_bytes() == SIGNED
    with pytest.raises(Refused, match="not the one shown"):
        save_record_copy(FILES, folder / "record.pdf.rvsealed", b"another", tmp_path / "other.pdf")
    assert not (tmp_path / "other.pdf").exists()
