"""Score sheets (``.rvsheet``): build, sign and encrypt on the expert's side; verify and open on the
chair's and the ministry's. Format: ``docs/sheet-format.md``; envelope: :mod:`.sheet_format`.

    data = build_sheet(opened, identity, answers, chair_certificate=chair_cert)
    write_sheet(path, data)
    sheet = open_sheet(data, chair_identity, PackageBinding.of(opened), root)
    sheet.to_expert_scores()          # → reconcile()

Trust comes only from the pinned root the caller passes; the certificates a sheet carries are
checked against it, never used as anchors.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509

from reviewer.errors import InvalidInput, NotOnPanel, Refused
from reviewer.i18n import T
from reviewer.packages.manifest import SUITE, RosterMember
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring import sheet_format as fmt
from reviewer.scoring.inputs import ExpertScores
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    HEX64,
    Declarations,
    SheetAnswers,
    SheetInvalid,
    answers_from_json,
    answers_to_json,
    check_answers,
    check_declarations,
)
from reviewer.trust import certs, clock
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.identity import Identity
from reviewer.trust.keys import cert_fingerprint

MIMETYPE = "application/vnd.reviewer.sheet+zip"
FORMAT = "reviewer.sheet"
CONTENT_FORMAT = "reviewer.sheet-content"
KINDS = ("score", "recusal")
CLOCK_SKEW = timedelta(days=1)
SHEET_SUFFIX = ".rvsheet"


def _not_a_sheet() -> Any:
    return T(
        "该文件不是评分表（.rvsheet）。请选择专家签署的评分表文件。",
        "This file is not a score sheet (.rvsheet). Choose a score sheet file signed by an expert.",
    )


@dataclass(frozen=True)
class Correction:
    """Why version n+1 exists: the chair's return notice (its digest), the reason and the codes it named."""

    reason: str
    return_notice_sha256: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class SheetHeader:
    """The signed, public claims of a sheet, after its signature, chain and binding were checked."""

    digest: str  # SHA-256 of header.json: how other files name this sheet
    sheet_id: str
    kind: str
    package_id: str
    manifest_sha256: str
    signer_name: str
    signer_org: str
    signer_fingerprint: str
    role: str
    revision: int
    previous_sha256: str | None
    created: str
    signer: x509.Certificate

    @property
    def recused(self) -> bool:
        return self.kind == "recusal"


@dataclass(frozen=True)
class VerifiedSheet:
    """A sheet whose signature, chain, revocation, binding and roster membership were verified, and
    whose content this reader decrypted and checked against the standard."""

    header: SheetHeader
    answers: SheetAnswers
    correction: Correction | None
    data: bytes  # the file exactly as signed (the result bundle carries these bytes)
    bound: bool = True  # False: opened without its package (no roster, binding or revocation check)

    @property
    def digest(self) -> str:
        return self.header.digest

    @property
    def expert_id(self) -> str:
        """The signer's certificate fingerprint: how the engine and the chair name an expert."""
        return self.header.signer_fingerprint

    @property
    def revision(self) -> int:
        return self.header.revision

    @property
    def recused(self) -> bool:
        return self.header.recused

    @property
    def declarations(self) -> Declarations:
        return self.answers.declarations

    def to_expert_scores(self) -> ExpertScores:
        if self.recused:
            return ExpertScores(self.expert_id, recused=True, version=self.revision)
        return ExpertScores(
            self.expert_id,
            scores={code: s.score for code, s in self.answers.scores.items()},  # type: ignore[misc]
            answers={code: y.answer for code, y in self.answers.yes_no.items()},
            version=self.revision,
        )


# --- building -------------------------------------------------------------------------------


def _roster_member(binding: PackageBinding, identity: Identity) -> RosterMember:
    member = binding.member(identity.fingerprint)
    if member is None:
        raise NotOnPanel(
            T(
                "您（{name}）不在本评审包的专家组名单中，不能为其签署评分表。",
                "You ({name}) are not on this package's roster and cannot sign a sheet for it.",
                name=identity.name,
            )
        )
    return member


def chair_certificate_for(
    binding: PackageBinding, identity: Identity, supplied: x509.Certificate | None
) -> x509.Certificate:
    """The chair's certificate, checked: the signer's own when they chair, else ``supplied``, which
    must be the certificate the roster names (its fingerprint) and chain to the pinned root."""
    chair = binding.chair
    if identity.fingerprint == chair.cert_sha256:
        return identity.certificate
    if supplied is None:
        raise Refused(
            T(
                "评审包中没有组长“{name}”的证书，无法为组长加密。请用 --chair-credential 给出组长的凭证文件"
                "（.rvcred，公开信息，可向组长或工业和信息化部索取）。",
                "The package does not carry the certificate of the chair “{name}”, so the sheet cannot be "
                "encrypted to them. Give the chair's credential file (.rvcred, public) with "
                "--chair-credential; the chair or the ministry can send it.",
                name=chair.name,
            )
        )
    if cert_fingerprint(supplied) != chair.cert_sha256:
        raise Refused(
            T(
                "给出的证书不是本专家组组长“{name}”的证书（指纹不符）。",
                "The certificate given is not that of this panel's chair “{name}” (the fingerprint differs).",
                name=chair.name,
            )
        )
    certs.verify_chain(supplied, identity.trust_root(), purpose=certs.EKU_MEMBER)
    return supplied


def seal_sheet(
    binding: PackageBinding,
    identity: Identity,
    *,
    kind: str,
    answers: SheetAnswers,
    role: str,
    chair_certificate: x509.Certificate,
    revision: int = 1,
    previous_sha256: str | None = None,
    correction: Correction | None = None,
    now: datetime | None = None,
) -> bytes:
    """Sign and encrypt already-checked ``answers`` (no roster check: :func:`build_sheet` does that)."""
    created = clock.iso(now or clock.utcnow())
    sheet_id = str(uuid.uuid4())
    signer = {
        "name": certs.common_name(identity.certificate),
        "org": certs.organization(identity.certificate),
        "cert_sha256": identity.fingerprint,
        "role": role,
    }
    package = {"id": binding.package_id, "manifest_sha256": binding.manifest_sha256}
    content = {
        "format": CONTENT_FORMAT,
        "version": 1,
        "sheet_id": sheet_id,
        "kind": kind,
        "package": {**package, "standard": dict(binding.standard_ref)},
        "expert": signer,
        "revision": {
            "number": revision,
            "previous_sha256": previous_sha256,
            "correction": None
            if correction is None
            else {
                "reason": correction.reason,
                "return_notice_sha256": correction.return_notice_sha256,
                "codes": list(correction.codes),
            },
        },
        "created": created,
        **answers_to_json(answers),
    }
    header = {
        "format": FORMAT,
        "version": 1,
        "suite": SUITE,
        "sheet_id": sheet_id,
        "kind": kind,
        "package": package,
        "signer": signer,
        "revision": {"number": revision, "previous_sha256": previous_sha256},
        "created": created,
    }
    recipients = [
        fmt.recipient_of(identity.certificate, identity.name),
        fmt.recipient_of(chair_certificate, "chair"),
        fmt.recipient_of(binding.ministry, "ministry"),
    ]
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind="sheet",
        artifact_id=sheet_id,
        header=header,
        payload=canonical_json(content),
        signer=identity,
        recipients=recipients,
    )


def bind(package: PackageBinding | OpenedPackage) -> PackageBinding:
    return package if isinstance(package, PackageBinding) else PackageBinding.of(package)


def _check_signer_now(binding: PackageBinding, identity: Identity, now: datetime | None) -> RosterMember:
    member = _roster_member(binding, identity)
    at = now or clock.utcnow()
    identity.installed().verify(identity.trust_root(), at, binding.revocations)
    return member


def build_sheet(
    package: PackageBinding | OpenedPackage,
    identity: Identity,
    answers: SheetAnswers,
    *,
    chair_certificate: x509.Certificate | None = None,
    now: datetime | None = None,
) -> bytes:
    """A finished score sheet: every rule of :func:`check_answers` holds (else :class:`SheetInvalid`)."""
    binding = bind(package)
    member = _check_signer_now(binding, identity, now)
    standard = binding.require_standard()
    checked = check_answers(standard, answers, binding.materials)
    chair = chair_certificate_for(binding, identity, chair_certificate)
    return seal_sheet(
        binding, identity, kind="score", answers=checked, role=member.role, chair_certificate=chair, now=now
    )


def build_recusal(
    package: PackageBinding | OpenedPackage,
    identity: Identity,
    reason: str,
    *,
    chair_certificate: x509.Certificate | None = None,
    pledge_at: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """A recusal sheet (回避): the declared conflict and its reason, no scores, signed the same way."""
    binding = bind(package)
    member = _check_signer_now(binding, identity, now)
    declarations = Declarations(True, reason.strip(), pledge_at is not None, pledge_at)
    problems = check_declarations(declarations, recusal=True)
    if problems:
        raise SheetInvalid(problems)
    chair = chair_certificate_for(binding, identity, chair_certificate)
    return seal_sheet(
        binding,
        identity,
        kind="recusal",
        answers=SheetAnswers(declarations),
        role=member.role,
        chair_certificate=chair,
        now=now,
    )


def write_sheet(path: str | Path, data: bytes) -> Path:
    """Write whole or not at all (temporary file + rename); a finalised sheet is never overwritten."""
    from reviewer.trust.files import write_atomic

    target = Path(path)
    if target.exists():
        raise Refused(
            T(
                "{path} 已存在，不会覆盖已签署的评分表。请换一个文件名。",
                "{path} exists already; a signed sheet is never overwritten. Choose another name.",
                path=str(target),
            )
        )
    return write_atomic(target, data)


# --- verifying and opening ------------------------------------------------------------------


def _header_claims(env: fmt.Envelope) -> SheetHeader:
    h = env.header
    try:
        package, signer, rev = h["package"], h["signer"], h["revision"]
        header = SheetHeader(
            digest=env.digest,
            sheet_id=str(h["sheet_id"]),
            kind=str(h["kind"]),
            package_id=str(package["id"]),
            manifest_sha256=str(package["manifest_sha256"]),
            signer_name=str(signer["name"]),
            signer_org=str(signer["org"]),
            signer_fingerprint=str(signer["cert_sha256"]),
            role=str(signer["role"]),
            revision=rev["number"],
            previous_sha256=rev["previous_sha256"],
            created=str(h["created"]),
            signer=env.signer,
        )
        ok = (
            h.get("suite") == SUITE
            and header.kind in KINDS
            and isinstance(header.revision, int)
            and not isinstance(header.revision, bool)
            and header.revision >= 1
            and (header.previous_sha256 is None) == (header.revision == 1)
            and (header.previous_sha256 is None or HEX64.match(str(header.previous_sha256)))
        )
        clock.parse_iso(header.created)
    except (KeyError, TypeError, ValueError) as exc:
        raise fmt._damaged(f"header: {exc}") from exc
    if not ok:
        raise fmt._damaged("header fields")
    if header.signer_fingerprint != env.signer_fingerprint:
        raise fmt._damaged("the header names another certificate than the one that signed")
    return header


def verify_sheet(
    data: bytes, binding: PackageBinding, root: x509.Certificate, *, now: datetime | None = None
) -> SheetHeader:
    """Everything that can be checked without decrypting: structure, signature and chain to ``root``
    at the signing time, revocation then, binding to this package, signer on its roster.

    Raises NotAnArtifact, Tampered, HostileArchive, Untrusted, Expired, Revoked, Refused.
    """
    env = fmt.read_envelope(data, MIMETYPE, FORMAT, _not_a_sheet())
    header = _header_claims(env)
    return _verify(env, header, binding, root, now)


def _verify(
    env: fmt.Envelope,
    header: SheetHeader,
    binding: PackageBinding,
    root: x509.Certificate,
    now: datetime | None,
) -> SheetHeader:
    signed_at = clock.parse_iso(header.created)
    env.verify(root, signed_at, binding.revocations)
    if header.package_id != binding.package_id or header.manifest_sha256 != binding.manifest_sha256:
        raise Refused(
            T(
                "该评分表属于另一个评审包（{other}），不属于本评审包（{this}）。请确认文件。",
                "This sheet belongs to another package ({other}), not to this one ({this}). Check the file.",
                other=header.package_id,
                this=binding.package_id,
            )
        )
    member = binding.member(header.signer_fingerprint)
    if member is None:
        raise Refused(
            T(
                "评分表的签署人“{name}”不在本评审包的专家组名单中，不予接受。",
                "The sheet's signer “{name}” is not on this package's roster; it is refused.",
                name=certs.common_name(env.signer),
            )
        )
    if member.role != header.role:
        raise Refused(
            T(
                "评分表声明的角色与专家组名单不符。",
                "The role the sheet claims differs from the roster.",
            )
        )
    if signed_at < binding.created - certs.BACKDATE or signed_at > (now or clock.utcnow()) + CLOCK_SKEW:
        raise Refused(
            T(
                "评分表的签署时间 {t} 不可能（早于评审包签发或晚于当前时间）。",
                "The sheet's signing time {t} is impossible (before the package was issued, or in the future).",
                t=header.created,
            )
        )
    return header


def open_sheet(
    data: bytes,
    reader: fmt.Reader,
    binding: PackageBinding | None,
    root: x509.Certificate,
    *,
    previous: VerifiedSheet | None = None,
    now: datetime | None = None,
) -> VerifiedSheet:
    """:func:`verify_sheet`, then decrypt for ``reader`` (an identity on the recipients: the expert,
    the chair, or :class:`~.sheet_format.MinistryReader`), check the content against the header
    and the standard, and — when ``previous`` is given — that this version only corrects it.

    ``binding=None`` (a sheet looked at without its package, ``sheet show`` without ``--package``)
    checks the signature and chain only; the result says so with ``bound=False``.
    """
    env = fmt.read_envelope(data, MIMETYPE, FORMAT, _not_a_sheet())
    header = _header_claims(env)
    if binding is None:
        env.verify(root, clock.parse_iso(header.created), None)
    else:
        header = _verify(env, header, binding, root, now)
    plain = env.decrypt(reader, "sheet", header.sheet_id)
    try:
        doc = parse_json(plain)
        if canonical_json(doc) != plain or doc.get("format") != CONTENT_FORMAT or doc.get("version") != 1:
            raise ValueError("content format")
        same = (
            doc["sheet_id"] == header.sheet_id
            and doc["kind"] == header.kind
            and doc["package"]["id"] == header.package_id
            and doc["package"]["manifest_sha256"] == header.manifest_sha256
            and doc["expert"] == env.header["signer"]
            and doc["created"] == header.created
            and doc["revision"]["number"] == header.revision
            and doc["revision"]["previous_sha256"] == header.previous_sha256
        )
        answers = answers_from_json(doc)
        corr = doc["revision"]["correction"]
        correction = (
            None
            if corr is None
            else Correction(str(corr["reason"]), str(corr["return_notice_sha256"]), tuple(corr["codes"]))
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"content: {exc}") from exc
    if not same or (correction is None) != (header.revision == 1):
        raise fmt._damaged("content disagrees with the signed header")
    if binding is None:
        return VerifiedSheet(header, answers, correction, data, bound=False)
    sheet = VerifiedSheet(header, _check_content(binding, header, answers), correction, data)
    if previous is not None:
        from reviewer.scoring.return_notice import check_successor

        check_successor(previous, sheet)
    return sheet


def _check_content(binding: PackageBinding, header: SheetHeader, answers: SheetAnswers) -> SheetAnswers:
    if binding.standard is None:
        return answers
    try:
        if header.recused:
            problems = check_declarations(answers.declarations, recusal=True)
            if problems or answers.scores or answers.yes_no:
                raise SheetInvalid(problems or [])
            return answers
        checked = check_answers(binding.standard, answers, binding.materials)
    except InvalidInput as exc:
        raise Refused(
            T(
                "“{name}”的评分表签名有效，但内容不符合评审标准：{why}",
                "The sheet of “{name}” is validly signed but its content does not satisfy the standard: {why}",
                name=header.signer_name,
                why=exc.message,
            )
        ) from exc
    if checked != answers:
        raise Refused(T("评分表中的分数不是规范形式。", "The sheet's scores are not in canonical form."))
    return checked


def open_sheet_file(
    path: str | Path, reader: fmt.Reader, binding: PackageBinding, root: x509.Certificate
) -> VerifiedSheet:
    return open_sheet(read_sheet_bytes(path), reader, binding, root)


def read_sheet_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(fmt.MAX_FILE + 1)
    except OSError as exc:
        raise InvalidInput(
            T("无法读取 {path}。", "Cannot read {path}.", path=str(path)), detail=str(exc)
        ) from exc
    return data
