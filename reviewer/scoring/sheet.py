"""Score sheets (``.rvsheet``): build, sign and encrypt on the expert's side; verify and open on the
chair's and the ministry's. Format: ``docs/sheet-format.md``; envelope: :mod:`reviewer.packages.envelope`.

    data = build_sheet(opened, identity, answers)  # the chair's certificate comes from the roster
    write_sheet(path, data)
    sheet = open_sheet(data, chair_identity, PackageBinding.of(opened), root)
    sheet.to_expert_scores()          # → reconcile()

Trust comes only from the pinned root the caller passes; the certificates a sheet carries are
checked against it, never used as anchors.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from reviewer.errors import InvalidInput, Refused
from reviewer.i18n import T, beijing
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import SUITES
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_build import (
    bind,
    build_recusal,
    build_sheet,
    chair_certificate_for,
    seal_sheet,
    write_sheet,
)
from reviewer.scoring.sheet_model import (
    HEX64,
    SheetAnswers,
    SheetInvalid,
    answers_from_json,
    check_answers,
    check_declarations,
)
from reviewer.scoring.sheet_types import (
    CLOCK_SKEW,
    CONTENT_FORMAT,
    FORMAT,
    KINDS,
    MIMETYPE,
    SHEET_SUFFIX,
    Correction,
    SheetHeader,
    VerifiedSheet,
)
from reviewer.trust import certs, clock
from reviewer.trust.encoding import canonical_json, parse_json

__all__ = [
    "SHEET_SUFFIX",
    "Correction",
    "PackageBinding",
    "SheetHeader",
    "VerifiedSheet",
    "bind",
    "build_recusal",
    "build_sheet",
    "chair_certificate_for",
    "open_sheet",
    "open_sheet_file",
    "read_sheet_bytes",
    "seal_sheet",
    "verify_sheet",
    "write_sheet",
]


def _not_a_sheet() -> Any:
    return T(
        "该文件不是评分表（.rvsheet）。请选择专家签署的评分表文件。",
        "This file is not a score sheet (.rvsheet). Choose a score sheet file signed by an expert.",
    )


# --- verifying and opening ------------------------------------------------------------------


def _header_claims(env: fmt.Opened) -> SheetHeader:
    """The header's claims; ``env`` was opened by a recipient, so the sealed certificate is the one the
    header names and its key signed (the envelope checked both)."""
    h = env.header
    try:
        package, signer, rev = h["package"], h["signer"], h["revision"]
        header = SheetHeader(
            digest=env.digest,
            sheet_id=str(h["sheet_id"]),
            kind=str(h["kind"]),
            package_id=str(package["id"]),
            manifest_sha256=str(package["manifest_sha256"]),
            signer_name=certs.common_name(env.signer),  # the header names nobody: the certificate does
            signer_org=certs.organization(env.signer),
            signer_fingerprint=str(signer["cert_sha256"]),
            role=str(signer["role"]),
            revision=rev["number"],
            previous_sha256=rev["previous_sha256"],
            created=str(h["created"]),
            signer=env.signer,
        )
        ok = (
            h.get("suite") in SUITES
            and set(signer) == {"cert_sha256", "role"}
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
    data: bytes,
    reader: fmt.Reader,
    binding: PackageBinding,
    root: x509.Certificate,
    *,
    now: datetime | None = None,
) -> SheetHeader:
    """Structure, signature, the signer's sealed certificate (decrypted for ``reader``, a recipient)
    and its chain to ``root`` at the signing time, revocation then, binding to this package, signer on
    its roster. Without a key only :func:`~reviewer.packages.envelope.read_envelope` can be checked.

    Raises NotAnArtifact, Tampered, HostileArchive, NotOnPanel, Untrusted, Expired, Revoked, Refused.
    """
    env = _open(data, reader, root)
    header = _header_claims(env)
    return _verify(env, header, binding, root, now)


def _open(data: bytes, reader: fmt.Reader, root: x509.Certificate) -> fmt.Opened:
    env = fmt.read_envelope(data, MIMETYPE, FORMAT, _not_a_sheet())
    env.require_suite(root, T("该评分表", "The score sheet"))
    try:
        sheet_id = str(env.header["sheet_id"])
    except (KeyError, TypeError) as exc:
        raise fmt._damaged(f"header: {exc}") from exc
    return env.open(reader, "sheet", sheet_id)


def _verify(
    env: fmt.Opened,
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
                t=beijing(header.created),
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
    the chair, or :class:`~reviewer.packages.envelope.MinistryReader`), check the content against the header
    and the standard, and — when ``previous`` is given — that this version only corrects it.

    ``binding=None`` (a sheet looked at without its package, ``sheet show`` without ``--package``)
    checks the signature and chain only; the result says so with ``bound=False``.
    """
    env = _open(data, reader, root)
    header = _header_claims(env)
    if binding is None:
        env.verify(root, clock.parse_iso(header.created), None)
    else:
        header = _verify(env, header, binding, root, now)
    plain = env.payload
    try:
        doc = parse_json(plain)
        if canonical_json(doc) != plain or doc.get("format") != CONTENT_FORMAT or doc.get("version") != 1:
            raise ValueError("content format")
        same = (
            doc["sheet_id"] == header.sheet_id
            and doc["kind"] == header.kind
            and doc["package"]["id"] == header.package_id
            and doc["package"]["manifest_sha256"] == header.manifest_sha256
            and doc["expert"]
            == {**env.header["signer"], "name": header.signer_name, "org": header.signer_org}
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
            if problems or answers.scores or answers.yes_no or answers.figures:
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
