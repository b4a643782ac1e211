"""The expert's answer to the chair's motion (专家组表决), from the expert's own window (worker thread).

    shown = read_motion(opened, path)                      # verified; another package's motion refused
    signed = sign_statement(opened, shown, votes=[...], opinion="approve", dissent="…",
                            out=path, archive=SheetArchive.default())

:func:`read_motion` verifies the ``.rvmotion`` (:func:`reviewer.scoring.motion.open_motion`: the
package's chair signed it, for this package) and returns it with what the expert reads beside each
change: the indicator's title and the ground's label in the panel's rules. :func:`sign_statement`
builds the member's signed ``vote`` statement (:func:`reviewer.scoring.statement.build_statement`),
writes it where the expert chose (temporary name + rename), reopens and verifies it as the chair
will, and keeps a copy beside the expert's signed sheets (:class:`~reviewer.app.finalise.SheetArchive`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewer.app.finalise import SheetArchive
from reviewer.app.opening import OpenedReview
from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.packages import open_package
from reviewer.scoring.motion import Change, Motion, open_motion, rules_of
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.statement import Statement, Vote, build_statement, open_statement
from reviewer.standards.model import Bilingual
from reviewer.standards.panel_rules import PanelRules
from reviewer.trust.files import write_atomic

STATEMENT_SUFFIX = ".rvstatement"
MOTION_SUFFIX = ".rvmotion"
MAX_MOTION_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ShownChange:
    """A proposed change with what the expert reads beside it."""

    change: Change
    title: Bilingual | None  # the indicator's title in the standard
    ground: Bilingual | None  # the ground's label in the panel's rules


@dataclass(frozen=True)
class ShownMotion:
    """A verified motion of the expert's package, ready to be read and answered."""

    path: Path
    motion: Motion
    binding: PackageBinding
    changes: tuple[ShownChange, ...]


def _binding_and_rules(opened: OpenedReview) -> tuple[PackageBinding, PanelRules]:
    with open_package(opened.path, opened.identity) as pkg:
        return PackageBinding.of(pkg), rules_of(pkg)


def read_motion(opened: OpenedReview, path: Path) -> ShownMotion:
    """The chair's motion at ``path``, verified for the expert's package (Refused with the reason)."""
    try:
        size = path.stat().st_size
        if size > MAX_MOTION_BYTES:
            raise Refused(T("该文件过大，不是表决提请。", "This file is too large to be a motion."))
        data = path.read_bytes()
    except OSError as exc:
        raise Refused(
            T("无法读取 {path}：{why}", "Cannot read {path}: {why}", path=str(path), why=exc.strerror or exc)
        ) from exc
    binding, rules = _binding_and_rules(opened)
    motion = open_motion(data, opened.identity, binding, opened.identity.trust_root(), rules=rules)
    standard = opened.standard
    shown = []
    for c in motion.changes:
        title = standard.criterion(c.code).title if standard.has_criterion(c.code) else None
        ground = rules.ground(c.ground)
        shown.append(ShownChange(c, title, None if ground is None else Bilingual(ground.zh, ground.en)))
    return ShownMotion(path, motion, binding, tuple(shown))


def statement_path(archive: SheetArchive, opened: OpenedReview, motion: Motion) -> Path:
    """Where the copy of the expert's statement on ``motion`` is kept (beside the signed sheets)."""
    folder = archive.folder_of(motion.package_id, opened.identity.fingerprint)
    return folder / f"statement-{motion.motion_id}{STATEMENT_SUFFIX}"


def kept_statements(opened: OpenedReview, archive: SheetArchive) -> list[Statement]:
    """The expert's statements kept on this computer for the package, verified, oldest first (what
    the page shows after a restart); a file that no longer verifies is left out."""
    from reviewer.errors import ReviewerError

    folder = archive.folder_of(opened.manifest.package_id, opened.identity.fingerprint)
    paths = sorted(folder.glob(f"statement-*{STATEMENT_SUFFIX}")) if folder.is_dir() else []
    if not paths:
        return []
    binding, _ = _binding_and_rules(opened)
    out = []
    for path in paths:
        try:
            out.append(
                open_statement(path.read_bytes(), opened.identity, binding, opened.identity.trust_root())
            )
        except (OSError, ReviewerError):
            continue
    return sorted(out, key=lambda s: s.created)


def sign_statement(
    opened: OpenedReview,
    shown: ShownMotion,
    *,
    votes: Sequence[Vote],
    opinion: str | None,
    dissent: str | None,
    out: Path,
    archive: SheetArchive,
    now: datetime | None = None,
) -> Statement:
    """Sign the expert's answer to ``shown``, write it to ``out``, verify it by reopening it as the
    chair will, and keep a copy (Refused, naming what is wrong, when a vote is missing or an
    objection has no reason)."""
    identity = opened.identity
    data = build_statement(
        identity, shown.binding, motion=shown.motion, votes=votes, opinion=opinion, dissent=dissent, now=now
    )
    path = write_atomic(out, data)
    statement = open_statement(
        path.read_bytes(), identity, shown.binding, identity.trust_root(), motion=shown.motion
    )
    write_atomic(statement_path(archive, opened, shown.motion), statement.data)
    return statement
