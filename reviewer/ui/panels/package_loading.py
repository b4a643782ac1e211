"""Opening a sealed package as one panel member: the work the package panel runs in the background.

Qt-free on purpose (it runs on a worker thread and is testable without widgets): unlock the
identity, verify the package against the identity's pinned root, unwrap its content key, check
every entry chunk by chunk (reporting progress), and keep only what the panel shows. Nothing
decrypted is written to disk and no material's plaintext is kept: the materials are listed only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.packages import Entry, Manifest, RosterMember, open_package
from reviewer.standards.model import Standard
from reviewer.trust import Identity, PassphraseSource, cert_fingerprint, load_identity

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

    @property
    def materials(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.manifest.entries if e.kind == "material")

    @property
    def is_chair(self) -> bool:
        return self.member is not None and self.member.role == "chair"


def load_review(path: Path, identity_dir: Path, source: PassphraseSource, progress: Progress) -> OpenedReview:
    """Everything :class:`OpenedReview` holds; raises the core's typed errors on refusal."""
    identity = load_identity(identity_dir, source)
    with open_package(path, identity) as opened:
        entries = opened.manifest.entries
        total = sum(e.size for e in entries) or 1
        done = 0
        progress(0, SCALE, "")
        for entry in entries:
            for chunk in opened.iter_entry(entry.name):
                done += len(chunk)
                progress(done * SCALE // total, SCALE, entry.name)
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
        )
