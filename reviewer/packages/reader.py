"""Verifying and opening a review package: the panel member's side.

Trust comes only from the root the caller pins (an identity's ``trust-root.crt.pem`` or
``--trust``); certificates inside the package are checked against it, never used as anchors.
Decrypted material lives only in memory: :meth:`OpenedPackage.read` returns bytes, and
:meth:`OpenedPackage.iter_entry` yields authenticated chunks for large entries.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509

from reviewer.errors import Expired, HostileArchive, Tampered
from reviewer.i18n import T, beijing
from reviewer.packages import stream
from reviewer.packages.container import SafeZip, check_header
from reviewer.packages.limits import FIXED_MEMBERS, MAX_CRL, MAX_MANIFEST, MAX_SIGNATURE
from reviewer.packages.manifest import (
    HEADER_PATH,
    MIMETYPE,
    PROCEDURE,
    Entry,
    Manifest,
    PublicManifest,
    parse_header,
    parse_manifest,
)
from reviewer.packages.signature import SignatureBlock, parse_signature
from reviewer.trust import certs, clock, suites
from reviewer.trust.encoding import parse_json
from reviewer.trust.identity import Identity
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.recipients import find_wrapped
from reviewer.trust.revocation import RevocationList

if TYPE_CHECKING:
    from reviewer.standards import Standard
    from reviewer.standards.panel_rules import PanelRules

CLOCK_SKEW = timedelta(days=1)
# progress(done, total, entry name) in bytes, after each chunk read
ByteProgress = Callable[[int, int, str], None]


def _not_a_package(path: Path) -> Any:
    return T(
        "{path} 不是评审包（.rvpkg）。请打开工业和信息化部发来的评审包文件。",
        "{path} is not a review package (.rvpkg). Open the package file the ministry sent you.",
        path=str(path),
    )


@dataclass(frozen=True)
class ContentsChecked:
    """Every encrypted entry's bytes matched the signed manifest (SHA-256 and size of the ciphertext)."""

    entries: int
    encrypted_bytes: int


@dataclass(frozen=True)
class PackageView:
    """What a package says about itself to anyone (its public manifest: no roster, no candidate, no
    entry names); ``trusted`` only when checked against a pinned root."""

    path: Path
    manifest: PublicManifest
    manifest_bytes: bytes
    signature: SignatureBlock
    revocations_der: bytes
    trusted: bool = False
    revocations: RevocationList | None = None
    contents_checked: ContentsChecked | None = None  # None: only the signed manifest was checked

    @property
    def signer_fingerprint(self) -> str:
        return cert_fingerprint(self.signature.signer)

    @property
    def claimed_root_fingerprint(self) -> str | None:
        root = self.signature.claimed_root
        return cert_fingerprint(root) if root is not None else None


def _require_fixed(zf: SafeZip) -> None:
    for name in FIXED_MEMBERS:
        if name not in zf.members:
            raise Tampered(
                T(
                    "评审包缺少“{name}”：文件不完整或被改动过。",
                    "The package lacks “{name}”: it is incomplete or was altered.",
                    name=name,
                )
            )


def _read_view(zf: SafeZip) -> PackageView:
    _require_fixed(zf)
    body = zf.read("manifest.json", MAX_MANIFEST)
    signature = parse_signature(zf.read("signature.json", MAX_SIGNATURE))
    crl = zf.read("revocations.crl", MAX_CRL)
    return PackageView(zf.path, parse_manifest(body), body, signature, crl)


def check_package_header(path: str | Path) -> None:
    """Refuse at once a file that is not a review package at all (its first bytes only: no key, no
    passphrase needed); the whole package is checked when it is opened."""
    check_header(Path(path), MIMETYPE, _not_a_package(Path(path)))


def inspect_package(path: str | Path) -> PackageView:
    """Read what the package claims, without a trust anchor (``trusted`` is False)."""
    path = Path(path)
    with SafeZip(path, MIMETYPE, _not_a_package(path)) as zf:
        return _read_view(zf)


def _verify(
    zf: SafeZip,
    root: x509.Certificate,
    now: datetime,
    extra_crl: RevocationList | None,
    contents: bool = False,
) -> PackageView:
    _require_fixed(zf)
    body = zf.read("manifest.json", MAX_MANIFEST)
    signature = parse_signature(zf.read("signature.json", MAX_SIGNATURE))
    require_manifest_suite(body, root)
    signature.verify(body, root)
    manifest = parse_manifest(body)
    created = clock.parse_iso(manifest.created)
    certs.check_validity(root, created)
    certs.check_validity(signature.signer, created)
    crl_der = zf.read("revocations.crl", MAX_CRL)
    if hashlib.sha256(crl_der).hexdigest() != manifest.revocations["sha256"]:
        raise Tampered(T("评审包中的吊销列表被替换过。", "The package's revocation list was replaced."))
    revocations = RevocationList.newest(RevocationList.load(crl_der, root), extra_crl)
    assert revocations is not None
    revocations.check(signature.signer, created)
    _check_members(zf, manifest)
    if created > now + CLOCK_SKEW:
        raise Expired(
            T(
                "评审包的签发时间 {t} 晚于当前时间：请检查电脑的日期和时间。",
                "The package was issued at {t}, after the current time: check this computer's date and time.",
                t=beijing(manifest.created),
            )
        )
    if now > clock.parse_iso(manifest.expires):
        raise Expired(
            T(
                "评审包已于 {t} 过期。请向工业和信息化部索取新的评审包。",
                "The package expired on {t}. Ask the ministry for a new package.",
                t=beijing(manifest.expires),
            )
        )
    checked = check_contents(zf, manifest) if contents else None
    return PackageView(zf.path, manifest, body, signature, crl_der, trusted=True, revocations=revocations,
                       contents_checked=checked)  # fmt: skip


def require_manifest_suite(body: bytes, root: x509.Certificate) -> None:
    """Before anything is trusted: a package of the other suite than the pinned root's is refused
    (SuiteMismatch). A manifest whose suite cannot be read is left to the signature and the parser."""
    try:
        claimed = parse_json(body).get("suite")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return
    if claimed in suites.SUITE_IDS:
        suites.require(claimed, root, what=T("该评审包", "The package"))


def stream_suite(manifest: PublicManifest) -> suites.Suite:
    """The suite the package's streams are encrypted in (its manifest's, checked at parse time)."""
    return suites.by_id(manifest.suite)


CONTENT_READ = 1024 * 1024  # bytes per read while hashing the ciphertext: memory stays bounded


def check_contents(zf: SafeZip, manifest: PublicManifest) -> ContentsChecked:
    """Every encrypted member (the confidential header and each entry), streamed, against its signed
    ``encrypted_sha256`` and ``encrypted_size``.

    Needs no key: it is the ciphertext that is hashed, at disk speed, :data:`CONTENT_READ` bytes at a
    time. A flipped byte anywhere in the payload is *tampered*, naming the member."""
    total = 0
    members = manifest.members()
    for e in members:
        digest = hashlib.sha256()
        try:
            with zf.open_authenticated(e.path) as raw:
                left = zf.size(e.path)
                while left:
                    block = raw.read(min(CONTENT_READ, left))
                    digest.update(block)
                    left -= len(block)
        except (EOFError, OSError) as exc:
            raise _entry_tampered(e.path, str(exc)) from exc
        if digest.hexdigest() != e.encrypted_sha256:
            raise _entry_tampered(e.path, f"{e.path}: ciphertext hash differs from the signed manifest")
        total += e.encrypted_size
    return ContentsChecked(len(members), total)


def _check_members(zf: SafeZip, manifest: PublicManifest) -> None:
    expected = set(FIXED_MEMBERS) | {e.path for e in manifest.members()}
    extra = sorted(set(zf.members) - expected)
    if extra:
        raise HostileArchive(
            T(
                "评审包中有清单未列出的条目（{names}）。该文件可能是恶意构造的，请勿打开，并通知工业和信息化部。",
                "The package has members its manifest does not list ({names}). The file may be crafted to "
                "attack; do not open it, and tell the ministry.",
                names=", ".join(extra[:5]),
            )
        )
    # as the sealer writes: the encrypted entries (payload/000001 …), the confidential header (known only
    # once they are hashed), then the CRL, the manifest, its signature
    canonical = ["mimetype", *sorted(e.path for e in manifest.entries), HEADER_PATH, "revocations.crl",
                 "manifest.json", "signature.json"]  # fmt: skip
    if set(zf.members) == set(canonical) and zf.physical_order() != canonical:
        raise Tampered(  # same signed content, another layout: one package is one byte sequence
            T(
                "评审包的条目顺序不是规范顺序：文件被改动过。",
                "The package's members are not in their canonical order: the file was altered.",
            ),
            detail=f"order {zf.physical_order()}",
        )
    for e in manifest.members():
        if e.path not in zf.members or zf.size(e.path) != e.encrypted_size:
            raise Tampered(
                T(
                    "评审包的内容“{name}”缺失或大小不符：文件被改动过。",
                    "The package content “{name}” is missing or has the wrong size: the file was altered.",
                    name=e.path,
                )
            )


def verify_package(
    path: str | Path,
    root: x509.Certificate,
    *,
    now: datetime | None = None,
    revocations: RevocationList | None = None,
    contents: bool = True,
) -> PackageView:
    """Signature, chain to ``root``, revocation and validity, and (``contents``, the default) every
    encrypted entry against the signed manifest; raises the typed error that applies.

    ``contents=False`` checks the signed manifest only (what a reader that decrypts and checks each
    entry anyway needs before it starts); the view's ``contents_checked`` is then None."""
    path = Path(path)
    with SafeZip(path, MIMETYPE, _not_a_package(path)) as zf:
        return _verify(zf, root, now or clock.utcnow(), revocations, contents)


class OpenedPackage:
    """A verified package whose content key this identity unwrapped. Close it when done."""

    def __init__(self, zf: SafeZip, view: PackageView, file_key: bytes, manifest: Manifest) -> None:
        self._zip = zf
        self.view = view  # the public part (what anyone sees); ``manifest`` adds the confidential header
        self.manifest = manifest
        self._file_key = file_key

    def entries(self, kind: str | None = None) -> list[Entry]:
        return [e for e in self.manifest.entries if kind is None or e.kind == kind]

    def materials(self) -> list[Entry]:
        return self.entries("material")

    def iter_entry(self, name: str) -> Iterator[bytes]:
        """Authenticated plaintext chunks. Each chunk passed its AES-GCM tag; the final check
        against the signed manifest (ciphertext hash and size) runs when the last chunk has been
        read, so a consumer treats the data as provisional until the iterator ends without error.
        """
        entry = self._entry(name)
        key = stream.derive_key(self._file_key, entry.nonce, suite=suites.by_id(self.manifest.suite))
        digest, size = hashlib.sha256(), 0
        with self._zip.open_authenticated(entry.path) as raw:  # hashed and decrypted below
            source = _HashingReader(raw, digest)
            try:
                for chunk in stream.decrypt(key, source, self.manifest.chunk_size):
                    size += len(chunk)
                    yield chunk
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise _entry_tampered(entry.name, str(exc)) from exc
        if digest.hexdigest() != entry.encrypted_sha256 or size != entry.size:
            raise _entry_tampered(entry.name, "hash or size differs from the manifest")

    def read(self, name: str, progress: ByteProgress | None = None) -> bytes:
        """The whole plaintext of an entry, in memory, after every check (incl. its SHA-256);
        ``progress(done, total, name)`` in bytes after each chunk."""
        entry = self._entry(name)
        total, done, parts = max(entry.size, 1), 0, []
        if progress is not None:
            progress(0, total, name)
        for chunk in self.iter_entry(name):
            parts.append(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total, name)
        data = b"".join(parts)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise _entry_tampered(entry.name, "plaintext hash differs")
        return data

    open_material = read

    def standard(self) -> Standard:
        from reviewer.standards import load_bytes  # jsonschema: not needed to verify a package

        return load_bytes(self.read("standard.json"), "standard.json")

    def candidate(self) -> dict[str, Any]:
        return parse_json(self.read("candidate.json"))

    def has_procedure(self) -> bool:
        return any(e.name == PROCEDURE for e in self.manifest.entries)

    def procedure(self) -> PanelRules:
        """The panel rules the package was sealed under (``procedure.json``); a package sealed
        before the rules were sealed in follows the rules shipped with this release."""
        from reviewer.standards.panel_rules import load_panel_rules, panel_rules_from_bytes

        if not self.has_procedure():
            return load_panel_rules()
        return panel_rules_from_bytes(self.read(PROCEDURE), PROCEDURE)

    def verify_all(self, progress: ByteProgress | None = None) -> int:
        """Decrypt and check every entry (discarding the plaintext); returns the bytes checked.
        ``progress(done, total, name)`` in bytes of the whole package, after each chunk."""
        total = sum(e.size for e in self.manifest.entries) or 1
        done = 0
        if progress is not None:
            progress(0, total, "")
        for e in self.manifest.entries:
            for chunk in self.iter_entry(e.name):
                done += len(chunk)
                if progress is not None:
                    progress(done, total, e.name)
        return done

    def _entry(self, name: str) -> Entry:
        try:
            return self.manifest.entry(name)
        except KeyError:
            raise KeyError(f"no entry {name!r} in package {self.manifest.package_id}") from None

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _HashingReader:
    def __init__(self, raw: Any, digest: Any) -> None:
        self._raw, self._digest = raw, digest

    def read(self, n: int) -> bytes:
        data = self._raw.read(n)
        self._digest.update(data)
        return data


def _entry_tampered(name: str, detail: str) -> Tampered:
    return Tampered(
        T(
            "评审包内容“{name}”未通过校验：文件已损坏或被篡改。请勿使用，向工业和信息化部索取原件。",
            "The package content “{name}” failed its check: the file is damaged or was tampered with. Do "
            "not use it; ask the ministry for the original.",
            name=name,
        ),
        detail=detail,
    )


def open_package(
    path: str | Path,
    identity: Identity,
    *,
    now: datetime | None = None,
    revocations: RevocationList | None = None,
) -> OpenedPackage:
    """Verify against the identity's pinned root, then unwrap the content key for this identity."""
    path = Path(path)
    zf = SafeZip(path, MIMETYPE, _not_a_package(path))
    try:
        view = _verify(zf, identity.trust_root(), now or clock.utcnow(), revocations)
        wrapped = find_wrapped(view.manifest.recipients, identity.fingerprint)
        file_key = identity.unwrap(wrapped, view.manifest.context)
        return OpenedPackage(zf, view, file_key, read_header(zf, view.manifest, file_key))
    except BaseException:
        zf.close()
        raise


def read_header(zf: SafeZip, public: PublicManifest, file_key: bytes) -> Manifest:
    """Decrypt the confidential header with the file key, check it against the signed manifest (sizes
    and hashes of the ciphertext and the plaintext) and join both into the whole :class:`Manifest`."""
    ref = public.header  # at most MAX_MANIFEST bytes (parse_manifest): what keeps memory bounded
    digest, parts = hashlib.sha256(), []
    try:
        with zf.open_authenticated(ref.path) as raw:
            key = stream.derive_key(file_key, ref.nonce, suite=stream_suite(public))
            for chunk in stream.decrypt(key, _HashingReader(raw, digest), public.chunk_size):
                parts.append(chunk)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise _entry_tampered(ref.path, str(exc)) from exc
    data = b"".join(parts)
    if (
        digest.hexdigest() != ref.encrypted_sha256
        or len(data) != ref.size
        or hashlib.sha256(data).hexdigest() != ref.sha256
    ):
        raise _entry_tampered(ref.path, "confidential header: hash or size differs from the manifest")
    return parse_header(data, public)
