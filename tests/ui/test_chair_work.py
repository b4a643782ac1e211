"""Reopening's file work (Qt-free, on a worker): the signed record is set aside and the reopening
logged, or neither happens."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reviewer.errors import Refused
from reviewer.models import Store
from reviewer.models.chair import ChairStore
from reviewer.scoring.decisions import Actor
from reviewer.ui.panels.chair_work import set_aside_name, set_aside_record

CHAIR = Actor("王堃", "c" * 64, "chair")
SIGNED = b"%PDF-1.7 a record with one signature"


def reopen(folder: Path, chair_store, digest: str | None = None) -> Path:
    record = folder / "record.pdf"
    digest = digest or hashlib.sha256(record.read_bytes()).hexdigest()
    kept = folder / set_aside_name(digest, datetime(2026, 6, 17, 8, tzinfo=UTC))
    return set_aside_record(
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
    (tmp_path / "record.pdf").write_bytes(SIGNED)
    return tmp_path


def test_the_signed_record_is_kept_aside_and_the_reopening_logged(folder: Path, data_dir: Path) -> None:
    with Store.open() as store:
        kept = reopen(folder, ChairStore(store))
        (event,) = ChairStore(store).record_log("pkg")
    digest = hashlib.sha256(SIGNED).hexdigest()
    assert kept.name == f"record-set-aside-20260617T080000Z-{digest[:12]}.pdf"
    assert kept.read_bytes() == SIGNED and not (folder / "record.pdf").exists()
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
    assert (folder / "record.pdf").read_bytes() == SIGNED and len(list(folder.iterdir())) == 1


def test_another_file_or_no_store_reopens_nothing(folder: Path, data_dir: Path) -> None:
    with Store.open() as store:
        with pytest.raises(Refused, match="not the one shown"):
            reopen(folder, ChairStore(store), digest="0" * 64)
        with pytest.raises(Refused, match="cannot be logged"):
            reopen(folder, None)
        assert ChairStore(store).record_log("pkg") == []
    assert (folder / "record.pdf").read_bytes() == SIGNED and len(list(folder.iterdir())) == 1
