"""Sealing a review package: the ministry's side. See ``docs/package-format.md``.

Everything is streamed: each input file is read, hashed, encrypted and written chunk by chunk
into a temporary file beside the output, which is renamed into place only when
complete (:func:`reviewer.files.atomic_writer`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.errors import InvalidInput, Refused, Revoked, UsageError
from reviewer.files import atomic_writer
from reviewer.i18n import T
from reviewer.packages import limits, stream
from reviewer.packages.container import ContainerWriter
from reviewer.packages.figures import check_figures, figures_json
from reviewer.packages.manifest import (
    HEADER_PATH,
    MIMETYPE,
    PROCEDURE,
    Entry,
    HeaderRef,
    Manifest,
    RosterMember,
)
from reviewer.packages.signature import signature_document
from reviewer.packages.sources import Source, json_source, material_sources
from reviewer.trust import certs, clock, suites
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.credential import Credential
from reviewer.trust.keys import cert_fingerprint
from reviewer.trust.names import CANDIDATE_FIELD, NAME_FIELD, check_name
from reviewer.trust.recipients import Recipient, wrap_for_all

if TYPE_CHECKING:
    from reviewer.standards.panel_rules import PanelRules

DEFAULT_VALIDITY = timedelta(days=90)


@dataclass(frozen=True)
class PanelMember:
    credential: Credential
    role: str


CANDIDATE_NAMES = ("name", "type", "province", "city", "parent_city")


def check_panel(authority: Authority, members: list[PanelMember], now: datetime) -> None:
    """Exactly one chair; each credential issued by this authority, valid and not revoked now."""
    if [m.role for m in members].count("chair") != 1:
        raise InvalidInput(
            T("专家组必须有且只有一名组长（chair）。", "The panel must have exactly one chair.")
        )
    if any(m.role not in ("chair", "expert") for m in members):
        raise InvalidInput(T("成员角色只能是 chair 或 expert。", "A member's role must be chair or expert."))
    for m in members:  # before anything else: a panel never mixes suites
        if m.credential.suite is not authority.suite:
            raise suites.mismatch(
                T("成员“{name}”的凭证", "The credential of “{name}”", name=m.credential.name),
                m.credential.suite,
                authority.suite,
            )
    seen: set[str] = set()
    revocations = authority.revocations()
    pending = authority.pending_revocations()
    for m in members:
        if m.credential.fingerprint in seen:
            raise InvalidInput(
                T("成员“{name}”重复。", "The member “{name}” appears twice.", name=m.credential.name)
            )
        seen.add(m.credential.fingerprint)
        check_name(m.credential.name, NAME_FIELD)  # a credential issued before names were checked
        if m.credential.serial in pending:
            raise Revoked(
                T(
                    "“{name}”的吊销尚未完成（吊销列表未写入），不能加入新的专家组。请再次运行 "
                    "reviewer authority revoke 完成吊销。",
                    "The revocation of “{name}” was interrupted before the revocation list was written; "
                    "they cannot be put on a new panel. Run `reviewer authority revoke` again to "
                    "complete it.",
                    name=m.credential.name,
                )
            )
        if revocations.revoked_at(m.credential.serial) is not None:
            raise Revoked(
                T(
                    "“{name}”的凭证已被吊销，不能加入新的专家组。请为其签发新凭证或另选专家。",
                    "The credential of “{name}” is revoked; they cannot be put on a new panel. Issue a new "
                    "credential or choose another expert.",
                    name=m.credential.name,
                )
            )
        m.credential.verify(authority.root, now, revocations)


def seal(
    authority: Authority,
    keys: AuthorityKeys,
    *,
    standard_path: Path,
    candidate: dict[str, Any],
    panel: list[PanelMember],
    materials: list[Path],
    out: Path,
    expires: datetime | None = None,
    schedule: Any = None,
    prior_results: Any = None,
    chunk_size: int = stream.DEFAULT_CHUNK,
    now: datetime | None = None,
    panel_rules: PanelRules | None = None,
    figures: Mapping[str, Decimal] | None = None,
) -> Manifest:
    """Seal the package under ``panel_rules`` (default: :func:`~reviewer.packages.composition.rules_for`
    the authority): they refuse a panel that breaks a ``refuse`` rule, ``warn`` rules are recorded in the
    ledger, and the same rules are sealed into the package (``procedure.json``) for the panel and the
    ministry's recomputation.

    ``figures`` (``reviewer.packages.figures``): the candidate's (and the national) figures, sealed in
    the confidential header; a standard with objective indicators or numeric gates is refused
    (:class:`~reviewer.packages.figures.MissingFigures`) unless every figure they use is given."""
    now = now or clock.utcnow()
    expires = expires or now + DEFAULT_VALIDITY
    if expires <= now:
        raise UsageError(T("有效期必须晚于现在。", "The expiry must be in the future."))
    if expires > authority.signing_cert.not_valid_after_utc:
        raise UsageError(
            T("有效期超出了签名证书的有效期。", "The expiry is after the signing certificate's.")
        )
    from reviewer.standards import load_standard  # jsonschema: only when sealing

    standard = load_standard(standard_path)
    if candidate.get("type") != standard.candidate_type.value:
        raise InvalidInput(
            T(
                "候选对象类型“{c}”与评审标准的对象类型“{s}”不符。",
                "The candidate type “{c}” does not match the standard's “{s}”.",
                c=str(candidate.get("type")),
                s=standard.candidate_type.value,
            )
        )
    check_figures(standard, figures)
    for key in CANDIDATE_NAMES:  # the name and place are printed and reported everywhere
        if isinstance(candidate.get(key), str):
            check_name(candidate[key], CANDIDATE_FIELD.format(key=key))
    check_panel(authority, panel, now)
    from reviewer.packages.composition import check_composition, rules_for, seats_of, warning_records

    rules = panel_rules or rules_for(authority.path)
    warnings = check_composition(rules, seats_of(authority, panel))
    sources = [
        Source("standard.json", "standard", "application/json", data=standard_path.read_bytes()),
        json_source(
            "candidate.json",
            "candidate",
            {
                "profile": candidate,
                "eligibility": [
                    {"code": i.code, "text": {"zh": i.text.zh, "en": i.text.en}, "result": None}
                    for i in standard.eligibility
                ],
            },
        ),
    ]
    sources.append(Source(PROCEDURE, "procedure", "application/json", data=rules.document))
    if schedule is not None:
        sources.append(json_source("schedule.json", "schedule", schedule))
    if prior_results is not None:
        sources.append(json_source("prior-results.json", "prior-results", prior_results))
    sources += material_sources(materials)

    suite = authority.suite  # the manifest's suite, and every stream key's
    package_id = str(uuid.uuid4())
    file_key = secrets.token_bytes(32)
    recipients = [
        Recipient(m.credential.fingerprint, m.credential.encryption_key, m.credential.name) for m in panel
    ]
    recipients.append(
        Recipient(
            cert_fingerprint(authority.signing_cert),
            certs.encryption_key_of(authority.signing_cert),
            "ministry",
        )
    )
    crl = authority.revocations()
    draft = Manifest(
        package_id=package_id,
        kind=standard.kind.value,
        created=clock.iso(now),
        expires=clock.iso(expires),
        issuer={
            "name": authority.name,
            "root_sha256": authority.root_fingerprint,
            "signer_sha256": cert_fingerprint(authority.signing_cert),
        },
        candidate={
            k: str(v) for k, v in candidate.items() if isinstance(v, str | int) and not isinstance(v, bool)
        },
        standard={"id": standard.id, "version": standard.version, "title": standard.title.zh},
        roster=tuple(
            RosterMember(
                m.credential.name,
                m.credential.org,
                m.role,
                m.credential.fingerprint,
                f"{m.credential.serial:x}",
                m.credential.certificate,
            )
            for m in panel
        ),
        recipients=(),
        revocations={"number": crl.number, "sha256": hashlib.sha256(crl.der).hexdigest()},
        chunk_size=chunk_size,
        entries=(),
        suite=suite.id,
        figures=None if figures is None else figures_json(figures),
    )
    draft = replace(draft, recipients=tuple(wrap_for_all(file_key, recipients, draft.context)))
    _check_limits(draft, sources, crl.der)

    recorded = None
    try:
        with atomic_writer(out) as fh:
            writer = ContainerWriter(fh, MIMETYPE)
            entries = [
                _write_entry(writer, src, i, file_key, chunk_size, suite) for i, src in enumerate(sources, 1)
            ]
            manifest = replace(draft, entries=tuple(entries))
            plain_header = manifest.header_bytes()
            limits.check_manifest_size(
                len(plain_header)
            )  # as checked above, unless a material grew meanwhile
            manifest = replace(
                manifest, header=_write_header(writer, plain_header, file_key, chunk_size, suite)
            )
            body = manifest.to_bytes()
            limits.check_manifest_size(len(body))  # as checked above, unless a material grew meanwhile
            writer.add_bytes("revocations.crl", crl.der)
            writer.add_bytes("manifest.json", body)
            writer.add_bytes("signature.json", signature_document(keys.signing, body, authority))
            writer.close()
            if out.exists():
                raise Refused(
                    T(
                        "{path} 已存在，不会覆盖。",
                        "{path} exists already; it is not overwritten.",
                        path=str(out),
                    )
                )
            # The ledger first, then the rename (as the block ends): a package under its final name
            # is always in the ledger (a bundle for it can be imported). A failed append leaves no
            # package; a failed fsync or rename takes the record back; only a crash between the two
            # leaves a "sealed" record for a package nobody received, which is harmless.
            recorded = authority.record(
                "sealed",
                package_id=package_id,
                file=out.name,
                kind=manifest.kind,
                candidate=manifest.candidate,
                standard=manifest.standard,
                roster=[m.summary() for m in manifest.roster],
                created=manifest.created,
                expires=manifest.expires,
                manifest_sha256=hashlib.sha256(body).hexdigest(),
                **({"composition_warnings": warning_records(warnings)} if warnings else {}),
            )
    except BaseException:
        if recorded is not None:
            authority.retract(recorded)
        raise
    return manifest


def _check_limits(draft: Manifest, sources: list[Source], crl: bytes) -> None:
    """Refuse, before anything is written, what a reader would refuse (:mod:`limits`). The sizes of
    the confidential header and the manifest are exact: placeholders of the same length stand for
    the hashes and nonces not yet drawn."""
    limits.check_materials([s.name for s in sources if s.kind == "material"])
    limits.check_crl_size(len(crl))
    chunk, blank = draft.chunk_size, "0" * 64
    placeholders = []
    for i, src in enumerate(sources, 1):
        size = src.size()
        encrypted = stream.ciphertext_size(size, chunk)
        placeholders.append(
            Entry(
                src.name,
                f"payload/{i:06d}",
                src.kind,
                src.media_type,
                size,
                blank,
                bytes(16),
                encrypted,
                blank,
            )
        )
    full = replace(draft, entries=tuple(placeholders))
    header = full.header_bytes()
    limits.check_manifest_size(len(header))
    size = len(header)
    encrypted = stream.ciphertext_size(size, chunk)
    limits.check_manifest_size(
        len(replace(full, header=HeaderRef(HEADER_PATH, bytes(16), size, blank, encrypted, blank)).to_bytes())
    )


def _write_header(
    writer: ContainerWriter, plain: bytes, file_key: bytes, chunk_size: int, suite: suites.Suite
) -> HeaderRef:
    """The confidential header, encrypted under the file key like an entry (its own random nonce)."""
    nonce = secrets.token_bytes(16)
    key = stream.derive_key(file_key, nonce, suite=suite)
    sealed = b"".join(stream.encrypt(key, [plain], chunk_size))
    writer.add_bytes(HEADER_PATH, sealed)
    return HeaderRef(
        HEADER_PATH,
        nonce,
        len(plain),
        hashlib.sha256(plain).hexdigest(),
        len(sealed),
        hashlib.sha256(sealed).hexdigest(),
    )


def _write_entry(
    writer: ContainerWriter, src: Source, index: int, file_key: bytes, chunk_size: int, suite: suites.Suite
) -> Entry:
    nonce = secrets.token_bytes(16)
    key = stream.derive_key(file_key, nonce, suite=suite)
    size = src.size()
    plain_hash, cipher_hash = hashlib.sha256(), hashlib.sha256()
    counted = 0

    def plain() -> Iterator[bytes]:
        nonlocal counted
        for block in src.blocks(chunk_size):
            plain_hash.update(block)
            counted += len(block)
            yield block

    def sealed() -> Iterator[bytes]:
        for chunk in stream.encrypt(key, plain(), chunk_size):
            cipher_hash.update(chunk)
            yield chunk

    path = f"payload/{index:06d}"
    encrypted_size = stream.ciphertext_size(size, chunk_size)
    try:
        writer.add_stream(path, encrypted_size, sealed())
    except ValueError:
        counted = -1
    if counted != size:
        raise UsageError(
            T("材料 {name} 在封装过程中被改动。", "The material {name} changed while sealing.", name=src.name)
        )
    return Entry(
        src.name,
        path,
        src.kind,
        src.media_type,
        size,
        plain_hash.hexdigest(),
        nonce,
        encrypted_size,
        cipher_hash.hexdigest(),
    )
