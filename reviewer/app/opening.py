"""Opening a sealed package as one panel member: the work the package panel runs in the background.

Qt-free on purpose (it runs on a worker thread and is testable without widgets): unlock the
identity, verify the package against the identity's pinned root, unwrap its content key, check
every entry chunk by chunk (reporting progress), and keep only what the panel shows. Nothing
decrypted is written to disk and no material's plaintext is kept: the materials are listed only.

:func:`open_for_member` adds the member's own review from the local store (created on first
opening, resumed after), read on the same worker thread. The store is opened once per data folder
by :class:`LocalStore`, which another worker may start early: SQLAlchemy, and Alembic on a store
that must be migrated, are then imported while the passphrase is stretched (scrypt releases the
GIL), not after it (docs/performance.md, app start).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import ReviewerError
from reviewer.packages import Entry, Manifest, RosterMember, open_package
from reviewer.packages.figures import FigureLabel, figure_labels
from reviewer.standards.model import Standard
from reviewer.trust import Identity, PassphraseSource, cert_fingerprint, load_identity

if TYPE_CHECKING:  # the store stack is imported on the worker, when a package is opened
    from reviewer.models.store import Store
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Review, ReviewState

# progress(done, total, text): done/total in per mille, so a many-gigabyte package fits an int.
Progress = Callable[..., None]
SCALE = 1000


@dataclass(frozen=True)
class OpenedReview:
    """A verified package, opened by ``identity``: what a person needs to trust it and start."""

    path: Path
    manifest: Manifest
    signer_fingerprint: str
    pinned_root_fingerprint: str  # the identity's trust anchor the signature was checked against
    identity: Identity
    member: RosterMember | None  # this identity's row in the roster (None: a recipient such as the ministry)
    standard: Standard
    checked_bytes: int
    figure_labels: Mapping[str, FigureLabel] = field(
        default_factory=dict
    )  # names and units, when it has figures

    @property
    def materials(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.manifest.entries if e.kind == "material")

    @property
    def is_chair(self) -> bool:
        return self.member is not None and self.member.role == "chair"


def read_material(package: Path, identity: Identity, name: str, progress: Progress) -> bytes:
    """One material's plaintext, in memory only, after every check against the signed manifest
    (``progress`` in bytes); the materials viewer runs it each time a material is shown."""
    with open_package(package, identity) as opened:
        return opened.read(name, progress)


def load_review(path: Path, identity_dir: Path, source: PassphraseSource, progress: Progress) -> OpenedReview:
    """Everything :class:`OpenedReview` holds; raises the core's typed errors on refusal."""
    identity = load_identity(identity_dir, source)
    with open_package(path, identity) as opened:
        done = opened.verify_all(lambda n, total, name: progress(n * SCALE // total, SCALE, name))
        standard = opened.standard()
        member = next((m for m in opened.manifest.roster if m.cert_sha256 == identity.fingerprint), None)
        return OpenedReview(
            path=Path(path),
            manifest=opened.manifest,
            signer_fingerprint=opened.view.signer_fingerprint,
            pinned_root_fingerprint=cert_fingerprint(identity.trust_root()),
            identity=identity,
            member=member,
            standard=standard,
            checked_bytes=done,
            figure_labels=figure_labels() if opened.manifest.figures else {},
        )


class LocalStore:
    """The local store in ``folder``, opened and migrated by whichever thread asks first.

    Thread-safe: a second caller waits for the first to finish. A failed opening is not kept, so
    the next :meth:`get` tries again and raises again (the error reaches the person once, through
    the one error path of the caller that reports it).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._store: Store | None = None

    @property
    def opened(self) -> Store | None:
        """The store if it is open already (never waits, never opens)."""
        return self._store

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                from reviewer.models.store import Store

                self._store = Store.open(self.folder)
            return self._store


@dataclass(frozen=True)
class MemberReview:
    """This member's own review of the package in the local store, as it was just read."""

    bench: Workbench
    review: Review
    state: ReviewState


@dataclass(frozen=True)
class Opening:
    """What opening a package for a person gives the panel, all of it read on the worker thread.

    ``member_review`` is ``None`` for a recipient who is not on the panel (and when the store could
    not be used); ``store_error`` says why the store could not be used: the package is still shown.
    """

    opened: OpenedReview
    store: Store | None
    member_review: MemberReview | None
    store_error: ReviewerError | None = None


def open_member_review(store: Store, opened: OpenedReview) -> MemberReview | None:
    """Open (first time) or resume this member's review of ``opened``; ``None`` for a non-member.

    The store is unlocked with the member's identity first (``Store.unlock``: the store key is
    unwrapped with the identity's X25519 key, made the first time, and older work sealed): call it on
    the worker that unlocked the identity."""
    if opened.member is None:
        return None
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Role

    store.unlock(opened.identity)  # the member's work is sealed under a store key only they unlock
    bench = Workbench(store)
    review = bench.open_review(
        opened.manifest.package_id,
        opened.identity.fingerprint,
        package_path=opened.path,
        standard=opened.standard,
        role=Role.CHAIR if opened.is_chair else Role.MEMBER,
    )
    return MemberReview(bench, review, bench.snapshot(review))


def check_is_package(path: Path) -> None:
    """Refuse a file that is not a review package at all (a PDF renamed .rvpkg) from its first bytes,
    before anyone is asked for an identity or a passphrase. A file that cannot be read is left to the
    opening, which says why."""
    from contextlib import suppress

    from reviewer.packages.reader import check_package_header

    with suppress(OSError):
        check_package_header(path)


def open_for_member(
    path: Path, identity_dir: Path, source: PassphraseSource, progress: Progress, store: LocalStore
) -> Opening:
    """:func:`load_review`, then the member's review from ``store``; refusals of the package raise."""
    opened = load_review(path, identity_dir, source, progress)
    local: Store | None = None
    try:
        local = store.get()
        return Opening(opened, local, open_member_review(local, opened))
    except ReviewerError as exc:
        return Opening(opened, local, None, store_error=exc)
