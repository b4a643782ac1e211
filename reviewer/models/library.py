"""The local library of standards: import a standard file once, list, load it back.

A standard is identified by the SHA-256 of its exact bytes, so importing the same file again (from
anywhere) gives back the record already there, and what is loaded later is byte for byte what was
imported and validated.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from reviewer.errors import InvalidInput, ReviewerError, UsageError
from reviewer.i18n import T
from reviewer.models.orm import StandardRow
from reviewer.models.store import Store
from reviewer.standards import Standard, load_bytes
from reviewer.standards.model import Bilingual, CandidateType, ReviewKind


@dataclass(frozen=True)
class StandardRecord:
    """A standard in the library, as a list shows it (the standard itself: :meth:`StandardLibrary.load`)."""

    sha256: str
    standard_id: str
    version: str
    kind: ReviewKind
    candidate_type: CandidateType
    title: Bilingual
    imported_at: datetime


class StandardNotFound(UsageError):
    """No standard with that hash in the local library."""


class LibraryCorrupted(ReviewerError):
    """A stored standard no longer matches the hash it was imported under."""


def _record(row: StandardRow) -> StandardRecord:
    return StandardRecord(
        sha256=row.sha256,
        standard_id=row.standard_id,
        version=row.version,
        kind=ReviewKind(row.kind),
        candidate_type=CandidateType(row.candidate_type),
        title=Bilingual(row.title_zh, row.title_en),
        imported_at=row.imported_at,
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class StandardLibrary:
    """Repository over the ``standards`` table. Each method is one unit of work."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def import_file(self, path: str | os.PathLike[str]) -> StandardRecord:
        """Validate the standard in ``path`` and add it, unless the same bytes are already there."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                T(
                    "无法读取评审标准文件 {path}：{err}",
                    "Cannot read the standard file {path}: {err}",
                    path=str(path),
                    err=exc.strerror or str(exc),
                )
            ) from exc
        return self.import_bytes(data, source=str(path))

    def import_bytes(self, data: bytes, source: str = "<standard>") -> StandardRecord:
        standard = load_bytes(data, source)  # raises StandardInvalid with every problem found
        digest = sha256_hex(data)
        try:
            with self._store.session() as session:
                row = session.scalar(select(StandardRow).where(StandardRow.sha256 == digest))
                if row is None:
                    row = StandardRow(
                        standard_id=standard.id,
                        version=standard.version,
                        sha256=digest,
                        kind=standard.kind.value,
                        candidate_type=standard.candidate_type.value,
                        title_zh=standard.title.zh,
                        title_en=standard.title.en,
                        body=data.decode("utf-8"),  # load_bytes accepted it, so it is UTF-8 (BOM kept)
                    )
                    session.add(row)
                    session.flush()
                return _record(row)
        except IntegrityError:
            # A server database: imported concurrently between our look-up and insert. (On SQLite the
            # unit of work holds the write lock from its start, so this cannot happen there.)
            again = self.find(digest)
            if again is None:
                raise
            return again

    def find(self, sha256: str) -> StandardRecord | None:
        with self._store.reading() as session:
            row = session.scalar(select(StandardRow).where(StandardRow.sha256 == sha256.lower()))
            return None if row is None else _record(row)

    def record(self, sha256: str) -> StandardRecord:
        found = self.find(sha256)
        if found is None:
            raise self._not_found(sha256)
        return found

    def records(self) -> list[StandardRecord]:
        """Every standard in the library, by id, then version, then import time."""
        with self._store.reading() as session:
            rows = session.scalars(
                select(StandardRow).order_by(
                    StandardRow.standard_id, StandardRow.version, StandardRow.imported_at, StandardRow.id
                )
            )
            return [_record(row) for row in rows]

    def load(self, sha256: str) -> Standard:
        """The standard imported under ``sha256``, re-validated from the stored bytes."""
        sha256 = sha256.lower()
        with self._store.reading() as session:
            body = session.scalar(select(StandardRow.body).where(StandardRow.sha256 == sha256))
        if body is None:
            raise self._not_found(sha256)
        data = body.encode("utf-8")
        if sha256_hex(data) != sha256:
            raise LibraryCorrupted(
                T(
                    "本地库中的评审标准 {sha} 已损坏（内容与其哈希不符）。请重新导入该标准文件。",
                    "The standard {sha} in the local library is damaged (its content no longer matches "
                    "its hash). Import the standard file again.",
                    sha=sha256[:12],
                )
            )
        return load_bytes(data, f"library:{sha256[:12]}")

    def file_bytes(self, sha256: str) -> bytes:
        """The exact bytes of the imported file (to export it or seal it into a package)."""
        with self._store.reading() as session:
            body = session.scalar(select(StandardRow.body).where(StandardRow.sha256 == sha256.lower()))
        if body is None:
            raise self._not_found(sha256)
        return body.encode("utf-8")

    @staticmethod
    def _not_found(sha256: str) -> StandardNotFound:
        return StandardNotFound(
            T(
                "本地库中没有哈希为 {sha} 的评审标准。请先导入该标准。",
                "No standard with hash {sha} in the local library. Import it first.",
                sha=sha256,
            )
        )
