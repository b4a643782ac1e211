"""What the workbench gives back: frozen values (a review handle, its full state, audit entries) and
the typed errors of its rules. Plain domain values, so they live below the store
(:mod:`reviewer.models.workbench`), which returns them; no ORM object and no session ever leaves
:mod:`reviewer.models`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from reviewer.errors import Refused, UsageError
from reviewer.i18n import Text
from reviewer.standards.model import EvidenceMethod, Standard


class ReviewStatus(StrEnum):
    OPEN = "open"
    RECUSED = "recused"  # conflict declared: no scoring, a recusal sheet instead
    FINALISED = "finalised"  # the current version is signed and locked


class Conflict(StrEnum):
    UNDECLARED = "undeclared"
    NONE = "none"
    DECLARED = "declared"


class Role(StrEnum):
    MEMBER = "member"
    CHAIR = "chair"


class EligibilityState(StrEnum):
    CONFIRMED = "confirmed"
    FLAGGED = "flagged"


class EvidenceKind(StrEnum):
    MATERIAL = "material"  # a material of the package, and a page
    FILE = "file"  # a file the expert attached (photo, note), kept in the store by its SHA-256


@dataclass(frozen=True)
class Review:
    """A handle on one review, returned by :meth:`Workbench.open_review` and passed to every method."""

    id: int
    package_id: str
    member_fingerprint: str
    standard: Standard = field(repr=False, compare=False)
    role: Role = Role.MEMBER


@dataclass(frozen=True)
class Position:
    """Where the expert was: the selected indicator (or item) code and the active tab."""

    code: str | None = None
    tab: str | None = None


@dataclass(frozen=True)
class Declaration:
    conflict: Conflict = Conflict.UNDECLARED
    reason: str | None = None
    pledge_accepted: bool = False
    pledge_at: datetime | None = None

    @property
    def complete(self) -> bool:
        return self.conflict is not Conflict.UNDECLARED and self.pledge_accepted


@dataclass(frozen=True)
class YesNoAnswer:
    answer: bool
    comment: str | None = None


@dataclass(frozen=True)
class EligibilityAnswer:
    state: EligibilityState
    comment: str | None = None


@dataclass(frozen=True)
class EvidenceRef:
    id: int
    code: str
    kind: EvidenceKind
    material: str | None
    page: int | None
    file_name: str | None
    sha256: str | None
    size: int | None
    note: str | None
    added_at: datetime


@dataclass(frozen=True)
class SiteNote:
    id: int
    activity: EvidenceMethod
    codes: tuple[str, ...]
    text: str
    noted_at: datetime


@dataclass(frozen=True)
class SignedFile:
    """The signed sheet of a finalised version: where the expert saved it, the file's SHA-256, and
    the signed header digest by which the chair and return notices name it."""

    path: str
    file_sha256: str
    digest: str


@dataclass(frozen=True)
class SheetVersion:
    version: int
    reason: str | None  # the chair's reason for a correction; None for version 1
    returned_codes: tuple[str, ...]  # what the return notice unlocked; empty for version 1
    started_at: datetime
    finalised_at: datetime | None
    signed: SignedFile | None = None  # the file signed for this version (None: not signed, or before 0004)


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log; ``old``/``new`` are the values (``None``: nothing there)."""

    id: int
    at: datetime
    entity: str
    key: str
    old: Any
    new: Any
    action: str  # set, undo, redo, lock, unlock
    target_id: int | None


@dataclass(frozen=True)
class ReviewState:
    """Everything about one review at one moment, read in one consistent snapshot."""

    review_id: int
    package_id: str
    member_fingerprint: str
    package_path: str
    standard_id: str
    standard_version: str
    role: Role
    opened_at: datetime
    updated_at: datetime
    status: ReviewStatus
    version: int
    versions: tuple[SheetVersion, ...]
    position: Position
    declaration: Declaration
    scores: Mapping[str, Decimal]
    comments: Mapping[str, str]
    yes_no: Mapping[str, YesNoAnswer]
    eligibility: Mapping[str, EligibilityAnswer]
    evidence: tuple[EvidenceRef, ...]
    scratchpad: str
    site_notes: tuple[SiteNote, ...]
    can_undo: bool
    can_redo: bool
    undo_next: AuditEntry | None = None  # the change undo would revert (its ``set`` entry)
    redo_next: AuditEntry | None = None  # the change redo would re-apply
    # objective leaves: the figure confirmed or flagged (a flag's comment), by leaf code
    figures: Mapping[str, EligibilityAnswer] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def editable_codes(self) -> frozenset[str] | None:
        """After a return notice, the only codes that may change; ``None`` when not restricted."""
        if self.status is ReviewStatus.FINALISED:
            return frozenset()
        current = self.versions[-1] if self.versions else None
        if current is None or current.version == 1:
            return None
        return frozenset(current.returned_codes)

    def evidence_for(self, code: str) -> tuple[EvidenceRef, ...]:
        return tuple(ref for ref in self.evidence if ref.code == code)


# --- errors ----------------------------------------------------------------------------------


class ReviewNotFound(UsageError):
    """No review with that id in the store."""


class ReviewMismatch(Refused):
    """A package reopened with another standard than the one its review was started with."""


class ReviewLocked(Refused):
    """The sheet is finalised (or, for declarations, already past its first version)."""


class ReviewRecused(Refused):
    """A conflict of interest was declared: scoring and answers are disabled."""


class DeclarationsFirst(Refused):
    """Conflict of interest and the confidentiality pledge must be declared before scoring."""


class NotReturned(Refused):
    """After a return notice only the indicators it names may change; this one was not named."""

    def __init__(self, message: Text, *, code: str) -> None:
        super().__init__(message)
        self.code = code


class WrongVersion(Refused):
    """Locking a version other than the one being worked on."""


class NotFinalised(Refused):
    """A return notice for a review that is not finalised."""


class ReasonRequired(UsageError):
    """A declared conflict or a return notice without a reason."""


class NothingToUndo(UsageError):
    """The undo stack is empty (nothing changed since opening, or since the last lock or return)."""


class NothingToRedo(UsageError):
    """The redo stack is empty (nothing undone, or a new change came after the undo)."""


class EvidenceNotFound(UsageError):
    """No evidence reference (or stored file) with that id or hash for this review."""
