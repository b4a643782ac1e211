"""The local library of standards: import once, list, load back exactly what was imported."""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from reviewer.errors import InvalidInput
from reviewer.models import LibraryCorrupted, StandardLibrary, StandardNotFound, StandardRecord, Store
from reviewer.models.orm import StandardRow
from reviewer.standards import StandardInvalid, load_standard
from reviewer.standards.model import CandidateType, ReviewKind

STANDARDS = Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards"


def rows(store: Store) -> int:
    with store.reading() as s:
        return s.scalar(select(func.count()).select_from(StandardRow))


def test_import_records_what_the_file_says(store: Store, park_standard_path: Path):
    before = datetime.now(UTC)
    record = StandardLibrary(store).import_file(park_standard_path)
    assert record.sha256 == hashlib.sha256(park_standard_path.read_bytes()).hexdigest()
    assert (record.standard_id, record.version) == ("SAMPLE-PARK-CREATION", "2026.1")
    assert (record.kind, record.candidate_type) == (ReviewKind.CREATION, CandidateType.PARK)
    assert record.title.zh == "【样例】中国软件名园创建评审指标体系"
    assert record.title.en.startswith("[SAMPLE] China Software Famous Park")
    assert record.imported_at.tzinfo is UTC
    assert before - timedelta(seconds=1) <= record.imported_at <= datetime.now(UTC)


def test_the_record_is_a_frozen_dataclass_not_an_orm_object(store: Store, park_standard_path: Path):
    record = StandardLibrary(store).import_file(park_standard_path)
    assert type(record) is StandardRecord
    with pytest.raises(AttributeError):
        record.version = "x"  # type: ignore[misc]


def test_importing_the_same_bytes_twice_gives_the_same_record(
    store: Store, park_standard_path: Path, tmp_path: Path
):
    library = StandardLibrary(store)
    first = library.import_file(park_standard_path)
    copy = tmp_path / "renamed.json"
    shutil.copyfile(park_standard_path, copy)
    assert library.import_file(park_standard_path) == first
    assert library.import_file(copy) == first  # same bytes from elsewhere: still the same standard
    assert rows(store) == 1
    assert library.records() == [first]


def test_a_changed_file_is_a_different_standard(store: Store, park_standard_path: Path, tmp_path: Path):
    library = StandardLibrary(store)
    first = library.import_file(park_standard_path)
    edited = tmp_path / "edited.json"
    edited.write_bytes(park_standard_path.read_bytes() + b"\n")  # same content, different bytes
    second = library.import_file(edited)
    assert second.sha256 != first.sha256
    assert (second.standard_id, second.version) == (first.standard_id, first.version)
    assert len(library.records()) == 2


def test_load_gives_back_the_equal_standard(store: Store):
    library = StandardLibrary(store)
    for path in sorted(STANDARDS.glob("*.json")):
        record = library.import_file(path)
        assert library.load(record.sha256) == load_standard(path)
        assert library.load(record.sha256.upper()) == load_standard(path)
        assert library.file_bytes(record.sha256) == path.read_bytes()


def test_records_are_listed_by_id_then_version(store: Store):
    library = StandardLibrary(store)
    for name in ("sample-park-creation.json", "sample-city-annual.json", "sample-city-creation.json"):
        library.import_file(STANDARDS / name)
    assert [r.standard_id for r in library.records()] == sorted(r.standard_id for r in library.records())
    assert len(library.records()) == 3


def test_a_bom_is_kept_byte_for_byte(store: Store, park_standard_path: Path, tmp_path: Path):
    with_bom = tmp_path / "bom.json"
    data = b"\xef\xbb\xbf" + park_standard_path.read_bytes()
    with_bom.write_bytes(data)
    library = StandardLibrary(store)
    record = library.import_file(with_bom)
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert library.file_bytes(record.sha256) == data
    assert library.load(record.sha256) == load_standard(park_standard_path)


def test_an_invalid_standard_is_refused_and_nothing_is_written(store: Store, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reviewer.standard/1", "id": "X"}', encoding="utf-8")
    with pytest.raises(StandardInvalid):
        StandardLibrary(store).import_file(bad)
    assert rows(store) == 0


def test_a_missing_file_is_an_input_error(store: Store, tmp_path: Path):
    with pytest.raises(InvalidInput, match="Cannot read the standard file"):
        StandardLibrary(store).import_file(tmp_path / "nope.json")


def test_unknown_hash(store: Store):
    library = StandardLibrary(store)
    assert library.find("0" * 64) is None
    with pytest.raises(StandardNotFound, match="Import it first"):
        library.load("0" * 64)
    with pytest.raises(StandardNotFound):
        library.record("0" * 64)


def test_a_damaged_row_is_detected_on_load(store: Store, park_standard_path: Path):
    library = StandardLibrary(store)
    record = library.import_file(park_standard_path)
    with store.session() as s:
        body = s.scalar(select(StandardRow.body))
        s.execute(update(StandardRow).values(body=body.replace("2026.1", "2026.2")))
    with pytest.raises(LibraryCorrupted, match="damaged"):
        library.load(record.sha256)


def test_the_library_survives_reopening(data_dir: Path, park_standard_path: Path):
    with Store.open() as store:
        record = StandardLibrary(store).import_file(park_standard_path)
    with Store.open() as store:
        assert StandardLibrary(store).records() == [record]
