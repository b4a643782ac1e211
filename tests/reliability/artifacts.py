"""The five signed artifacts, their strict readers, and the ways the tamper tests damage them.

Shared by :mod:`tests.reliability.test_tamper_matrix` and the fuzz tests. The artifacts come from
the result-bundle world (:mod:`tests.export.bundle_world`: a ministry, seven enrolled members, two
sealed packages, every sheet, the co-signed record and the chair's bundle), built once per session
and shared with the ministry import tests.
"""

from __future__ import annotations

import io
import os
import random
import re
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import ReviewerError
from reviewer.export.bundle import open_bundle
from reviewer.export.bundle_checks import check_record
from reviewer.packages import open_package
from reviewer.packages.container import FILE_ATTR, FIXED_DATE
from reviewer.scoring.return_notice import build_return_notice, open_return_notice
from reviewer.scoring.sheet import open_sheet
from reviewer.trust import clock
from tests.export.bundle_world import CHAIR, BundleWorld

EXPERT = "li-zhe"
# How many single-byte flips per artifact: a few hundred in all by default; the long run
# (REVIEWER_TAMPER_FLIPS=1000) makes it thousands.
FLIPS = int(os.environ.get("REVIEWER_TAMPER_FLIPS", "60"))
SEED = int(os.environ.get("REVIEWER_TAMPER_SEED", "20261128"))


@dataclass(frozen=True)
class Artifact:
    name: str
    data: bytes
    open: Callable[[bytes], object]  # the strict reader; raises a ReviewerError when refused
    is_zip: bool = True


def return_notice_bytes(w: BundleWorld, key: str = EXPERT) -> bytes:
    """The chair returns indicator 1.1 of ``key``'s sheet for correction."""
    sheet = open_sheet(w.sheets[key], w.ids[CHAIR], w.binding, w.root)
    return build_return_notice(w.ids[CHAIR], w.binding, sheet, ["1.1"], "1.1 请复核统计口径")


def artifacts(w: BundleWorld, tmp: Path) -> dict[str, Artifact]:
    """Each artifact with the reader its receiver uses (the chair for sheets, the expert for the
    return notice, the ministry for the bundle and for the record inside it)."""
    expert_sheet = open_sheet(w.sheets[EXPERT], w.ids[EXPERT], w.binding, w.root)
    counter = iter(range(10**9))

    def open_pkg(data: bytes) -> object:
        path = tmp / f"pkg-{next(counter)}.rvpkg"
        path.write_bytes(data)
        try:
            with open_package(path, w.ids[CHAIR]) as opened:
                return opened.verify_all()
        finally:
            path.unlink()

    sheets = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]

    def open_record(pdf: bytes) -> object:  # the ministry's check of the record inside a bundle
        return check_record(pdf, w.root, w.binding, sheets, clock.utcnow(), reconciliation=w.reconciliation,
                            decisions=w.decisions.to_json())  # fmt: skip

    return {
        "package": Artifact("package", w.package.read_bytes(), open_pkg),
        "sheet": Artifact(
            "sheet", w.sheets[EXPERT], lambda d: open_sheet(d, w.ids[CHAIR], w.binding, w.root)
        ),
        "return notice": Artifact(
            "return notice",
            return_notice_bytes(w),
            lambda d: open_return_notice(d, w.ids[EXPERT], w.binding, sheet=expert_sheet),
        ),
        "bundle": Artifact("bundle", w.bundle, lambda d: open_bundle(d, w.ministry, w.root)),
        "record PDF": Artifact("record PDF", w.record_signed, open_record, is_zip=False),
    }


def refusal(artifact: Artifact, data: bytes) -> ReviewerError:
    """The typed error the reader raised for ``data``; fails if it accepted it or crashed otherwise."""
    try:
        artifact.open(data)
    except ReviewerError as exc:
        return exc
    raise AssertionError(f"{artifact.name}: the altered file was accepted")


def flipped(data: bytes, offset: int, mask: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= mask
    return bytes(out)


def flip_offsets(size: int, count: int, rng: random.Random) -> list[int]:
    """``count`` distinct offsets: the first and last 64 bytes (headers, the end record, %%EOF)
    always, the rest at random."""
    edges = {*range(min(64, size)), *range(max(0, size - 64), size)}
    rest = sorted(set(range(size)) - edges)
    extra = max(0, count - len(edges))
    return sorted(edges if count >= len(edges) else rng.sample(sorted(edges), count)) + sorted(
        rng.sample(rest, min(extra, len(rest)))
    )


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def rebuild_zip(items: list[tuple[str, bytes]]) -> bytes:
    """A ZIP laid out as the writer does (stored, fixed headers), with the members in this order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3
            info.external_attr = FILE_ATTR
            info.compress_type = zipfile.ZIP_STORED
            zf.writestr(info, data)
    return out.getvalue()


def swap_member(data: bytes, donor: bytes, name: str) -> bytes:
    """``data`` with its member ``name`` taken from ``donor`` (another valid artifact)."""
    theirs = dict(zip_members(donor))
    return rebuild_zip([(n, theirs[name] if n == name else d) for n, d in zip_members(data)])


def signature_padding(pdf: bytes) -> set[int]:
    """Offsets of the zero padding after the CMS value inside each signature's /Contents <…>.

    PDF signatures sign everything *except* their own /Contents hex string (the gap in /ByteRange);
    the CMS value is followed by zeros up to the reserved size. A byte changed there changes no
    signed byte and no signature value (a zero turned into a space is skipped as whitespace in a hex
    string), so a reader may rightly accept it. Every other offset must be refused.
    """
    out: set[int] = set()
    for match in re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf):
        start, length, after = int(match[1]), int(match[2]), int(match[3])
        end = after - 1  # the '>' closing the hex string
        if pdf[start + length : start + length + 1] != b"<" or pdf[end : end + 1] != b">":
            continue
        i = end - 1
        while pdf[i : i + 1] == b"0":
            out.add(i)
            i -= 1
    return out


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table of a SQLite database: what "no partial state" is checked against."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
