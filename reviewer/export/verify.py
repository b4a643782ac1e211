"""``reviewer verify``'s core: tell any reviewer file by its content, check its signatures against a
pinned root, and report who signed what, whether each signature is intact and trusted, and what the
file claims. Qt-free; the CLI prints a :class:`Report`, the GUI may show one.

Kinds (by content, never by extension): a review package, a score sheet, a return notice, a motion,
a member's statement, a result bundle (the strict ZIP's first member ``mimetype``) and the review record (a PDF). Trust comes only
from the ``root`` the caller passes; certificates a file carries are never anchors.
"""

from __future__ import annotations

import struct
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.export import verify_kinds as kinds
from reviewer.export.verify_report import ArtifactKind, Report, SignatureLine, overall_exit_code
from reviewer.i18n import T

if TYPE_CHECKING:
    from cryptography import x509

    from reviewer.packages import envelope as fmt

__all__ = ["ArtifactKind", "Report", "SignatureLine", "detect", "overall_exit_code", "verify_file"]

MAX_READ = 64 * 1024 * 1024  # sheets, notices, bundles and records are far smaller
_LOCAL = struct.Struct("<4sHHHHHIIIHH")


def _by_mimetype(mimetype: str) -> ArtifactKind | None:
    """The kind a ZIP's ``mimetype`` names. Each format's module is imported only when the ones
    before it did not match: telling a package pays for no other format's imports (pyHanko,
    reportlab... behind the bundle's), a sheet for the package's and its own."""
    from reviewer.packages.manifest import MIMETYPE as PACKAGE_MIMETYPE

    if mimetype == PACKAGE_MIMETYPE:
        return ArtifactKind.PACKAGE
    from reviewer.scoring import sheet_types

    if mimetype == sheet_types.MIMETYPE:
        return ArtifactKind.SHEET
    from reviewer.scoring import return_notice

    if mimetype == return_notice.MIMETYPE:
        return ArtifactKind.RETURN_NOTICE
    from reviewer.export import bundle_format

    if mimetype == bundle_format.MIMETYPE:
        return ArtifactKind.BUNDLE
    from reviewer.scoring import motion, statement

    if mimetype == motion.MIMETYPE:
        return ArtifactKind.MOTION
    if mimetype == statement.MIMETYPE:
        return ArtifactKind.STATEMENT
    return None


def detect(head: bytes) -> ArtifactKind | None:
    """The kind from a file's first bytes (at least 256), or None for anything else."""
    if head.startswith(b"%PDF-"):
        return ArtifactKind.RECORD
    if len(head) < _LOCAL.size or not head.startswith(b"PK\x03\x04"):
        return None
    _sig, _ver, _flags, method, _t, _d, _crc, csize, _usize, nlen, xlen = _LOCAL.unpack_from(head)
    start = _LOCAL.size + nlen + xlen
    if method != 0 or head[_LOCAL.size : _LOCAL.size + nlen] != b"mimetype" or csize > 128:
        return None
    return _by_mimetype(head[start : start + csize].decode("ascii", "replace"))


def verify_file(
    path: str | Path,
    root: x509.Certificate | None,
    *,
    ministry: fmt.Reader | None = None,
    now: datetime | None = None,
) -> Report:
    """Detect and verify one file. Never raises a :class:`ReviewerError`: it is in the report."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
    except OSError as exc:
        return Report(
            str(path),
            None,
            error=InvalidInput(T("无法读取 {p}。", "Cannot read {p}.", p=str(path)), detail=str(exc)),
        )
    kind = detect(head)
    if kind is None:
        return Report(
            str(path),
            None,
            error=NotAnArtifact(
                T(
                    "不是 reviewer 文件（评审包、评分表、退回通知、结果包或评审意见表）。",
                    "Not a reviewer file (package, score sheet, return notice, result bundle or review record).",
                )
            ),
        )
    if kind is ArtifactKind.PACKAGE:
        return kinds.package(path, root, now)
    with open(path, "rb") as fh:
        data = fh.read(MAX_READ)
    if kind is ArtifactKind.RECORD:
        try:
            return kinds.record(path, data, root)
        except RecursionError:  # pyHanko's parser recurses: a PDF nested thousands of levels deep
            return Report(
                str(path),
                kind,
                error=NotAnArtifact(
                    T(
                        "这不是有效的评审意见表：PDF 结构嵌套过深，无法读取。",
                        "This is not a valid review record: the PDF is nested too deeply to be read.",
                    )
                ),
            )
    if kind is ArtifactKind.BUNDLE:
        return kinds.bundle(path, data, root, ministry, now)
    return kinds.envelope(path, data, kind, root)
