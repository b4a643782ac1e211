"""Per-kind checks of ``reviewer verify``: packages, sheets and return notices, bundles, records."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import NotAnArtifact, ReviewerError, Untrusted
from reviewer.export.verify_report import ArtifactKind, Report, SignatureLine
from reviewer.export.verify_report import failed as _failed
from reviewer.export.verify_report import no_anchor as _no_anchor
from reviewer.i18n import T, Text, beijing
from reviewer.standards.summary import CANDIDATE
from reviewer.trust import certs, clock
from reviewer.trust.keys import cert_fingerprint

if TYPE_CHECKING:
    from cryptography import x509

    from reviewer.packages import envelope as fmt
    from reviewer.packages.reader import PackageView

# --- packages --------------------------------------------------------------------------------


def _package_claims(view: PackageView) -> tuple[Text, ...]:
    """What anyone may read of a package: the panel, the candidate and the standard are encrypted."""
    from reviewer.packages.manifest import confidential_note

    m = view.manifest
    return (
        T("包编号：{v}", "Package id: {v}", v=m.package_id),
        T("签发：{a}；有效期至：{b}", "Issued: {a}; expires: {b}", a=m.created, b=m.expires),
        T(
            "可打开者：{n} 个（专家组成员与工业和信息化部）",
            "Recipients: {n} (the panel members and the ministry)",
            n=len(m.recipients),
        ),
        confidential_note(),
    )


def package(path: Path, root: x509.Certificate | None, now: datetime | None) -> Report:
    from reviewer.packages.reader import inspect_package, verify_package

    try:
        view = inspect_package(path)
    except ReviewerError as exc:
        return Report(str(path), ArtifactKind.PACKAGE, error=exc)
    line = partial(
        SignatureLine,
        signer=certs.common_name(view.signature.signer),
        fingerprint=view.signer_fingerprint,
        role=T("工业和信息化部（包签名证书）", "the ministry (package-signing certificate)"),
        over=T("包清单（manifest.json），其中含每个文件的哈希", "the manifest, with the hash of every file"),
        when=view.manifest.created,
    )
    if root is None:
        sig = line(intact=None, trusted=None)
        return Report(str(path), ArtifactKind.PACKAGE, _package_claims(view), (sig,), error=_no_anchor())
    try:
        checked = verify_package(path, root, now=now).contents_checked
    except ReviewerError as exc:
        sig = _failed(line, exc)
        return Report(str(path), ArtifactKind.PACKAGE, _package_claims(view), (sig,), error=exc)
    sig = line(intact=True, trusted=True)
    assert checked is not None
    note = contents_note(checked.entries, checked.encrypted_bytes)
    return Report(str(path), ArtifactKind.PACKAGE, _package_claims(view), (sig,), (note,))


def contents_note(entries: int, size: int) -> Text:
    """What a package verification checked beyond the signature: the whole file."""
    return T(
        "已核验整个文件：签名清单，以及全部 {n} 个加密文件（{size} 字节）的哈希与大小均与清单一致"
        "（无需密钥；解密后的内容在打开评审包时再次核验）。",
        "Checked the whole file: the signed manifest, and every encrypted file ({n}, {size} bytes) "
        "against the hash and size it gives (no key needed; the decrypted content is checked again "
        "when the package is opened).",
        n=entries,
        size=size,
    )


# --- sheets and return notices ---------------------------------------------------------------


def sealed_signer() -> Untrusted:
    """Exit 12 for a file whose signature is intact but whose signer this run cannot name."""
    return Untrusted(
        T(
            "文件完好（头部签名与签名块中的公钥相符），但未核验签署人是否可信：签署人证书已加密，"
            "仅收件人可读。工业和信息化部可用 --authority 部里目录 重新运行以完整核验。",
            "The file is intact (its header's signature matches the public key in its signature block), "
            "but whether the signer is trusted was NOT checked: the signer's certificate is encrypted and "
            "readable only by the recipients. The ministry can run again with --authority DIR to check "
            "it fully.",
        )
    )


def _sealed_note(key_fingerprint: str) -> Text:
    return T(
        "签署密钥指纹：{fp}。签署人是谁仅收件人可读（证书已加密）。",
        "Signing key fingerprint: {fp}. Who signed is readable only by the recipients (the certificate "
        "is encrypted).",
        fp=key_fingerprint,
    )


def _who_sealed() -> str:
    return str(T("（签署人仅收件人可知）", "(signer known only to the recipients)"))


def envelope(
    path: Path,
    data: bytes,
    kind: ArtifactKind,
    root: x509.Certificate | None,
    ministry: fmt.Reader | None = None,
) -> Report:
    """Without a key (``ministry`` None) only the signature over the header with the key in
    ``signature.json`` is checked: intact, signer not named, exit 12 (:func:`sealed_signer`). With the
    ministry's key (a recipient of every envelope) the sealed certificate is opened and chained."""
    from reviewer.packages import envelope as fmt
    from reviewer.scoring import motion, return_notice, sheet_types, statement

    sheet = kind is ArtifactKind.SHEET
    mimetype, fmt_name, context, id_field = {
        ArtifactKind.SHEET: (sheet_types.MIMETYPE, sheet_types.FORMAT, "sheet", "sheet_id"),
        ArtifactKind.RETURN_NOTICE: (return_notice.MIMETYPE, return_notice.FORMAT, "return", "notice_id"),
        ArtifactKind.MOTION: (motion.MIMETYPE, motion.FORMAT, motion.KIND, "motion_id"),
        ArtifactKind.STATEMENT: (statement.MIMETYPE, statement.FORMAT, statement.KIND, "statement_id"),
    }[kind]
    try:
        env = fmt.read_envelope(data, mimetype, fmt_name, kind.label)
        h = env.header
        signer, package = h["signer"], h["package"]
        created = str(h["created"])
        if sheet:
            what = (
                T("评分表（回避）", "a recusal sheet")
                if h.get("kind") == "recusal"
                else T("评分表", "a score sheet")
            )
            claims = [
                T("种类：{w}，第 {n} 版", "Kind: {w}, version {n}", w=what, n=h["revision"]["number"]),
                T("评审包：{id}", "Package: {id}", id=package["id"]),
            ]
            if h["revision"]["previous_sha256"]:
                claims.append(T("更正第 {n} 版", "Corrects version {n}", n=h["revision"]["number"] - 1))
        elif kind is ArtifactKind.MOTION:
            claims = [
                T("评审包：{id}", "Package: {id}", id=package["id"]),
                T(
                    "组长提请专家组表决的变更与专家组意见草稿",
                    "The chair's proposed changes and draft opinion",
                ),
            ]
        elif kind is ArtifactKind.STATEMENT:
            claims = [
                T("评审包：{id}", "Package: {id}", id=package["id"]),
                T(
                    "专家组成员签署的声明（表决或拒签）",
                    "A panel member's signed statement (votes or refusal)",
                ),
            ]
        else:
            claims = [
                T("评审包：{id}", "Package: {id}", id=package["id"]),
                T(
                    "退回 {who} 的第 {n} 版评分表",
                    "Returns version {n} of the sheet of {who}",
                    who=h["sheet"]["expert_cert_sha256"][:16],
                    n=h["sheet"]["revision"],
                ),
            ]
        claims.append(T("签署时间：{t}", "Signed at: {t}", t=created))
        digest = env.digest
        signed_at = clock.parse_iso(created)
        artifact_id = str(h[id_field])
    except (KeyError, TypeError, ValueError) as exc:
        return Report(str(path), kind, error=fmt._damaged(f"header: {exc}"))
    except ReviewerError as exc:
        return Report(str(path), kind, error=exc)
    role = T("组长", "chair") if signer.get("role") == "chair" else T("专家", "expert")
    line = partial(
        SignatureLine,
        signer=_who_sealed(),
        fingerprint=env.key_fingerprint,
        role=role,
        over=T("文件头（含加密内容的哈希）", "the header (with the hash of the encrypted content)"),
        when=created,
    )
    claims.append(T("文件摘要：{d}", "Digest: {d}", d=digest))
    notes: tuple[Text, ...] = (
        T(
            "内容已加密，仅收件人（专家组全体成员、工业和信息化部）可读；签署人是否为该评审包的组长，需结合评审包核验。",
            "The content is encrypted for its recipients only (every panel member, the ministry); whether "
            "the signer is the package's chair is checked with the package.",
        )
        if kind is ArtifactKind.MOTION
        else T(
            "内容已加密，仅收件人（专家本人、组长、工业和信息化部）可读；是否属于该评审包的专家组，需结合评审包核验。",
            "The content is encrypted for its recipients only (the expert, the chair, the ministry); whether "
            "the signer is on the package's roster is checked with the package.",
        ),
    )
    notes = (*notes, _sealed_note(env.key_fingerprint))
    if root is None:
        sig = line(intact=True, trusted=None)
        return Report(str(path), kind, tuple(claims), (sig,), notes, _no_anchor())
    try:
        env.require_suite(root, kind.label)  # SuiteMismatch: the other suite than the root's
    except ReviewerError as exc:
        return Report(str(path), kind, tuple(claims), (_failed(line, exc),), notes, exc)
    if ministry is None:
        sig = line(intact=True, trusted=None)
        return Report(str(path), kind, tuple(claims), (sig,), notes, sealed_signer())
    try:
        opened = env.open(ministry, context, artifact_id)  # the sealed certificate: the header's signer
        line = partial(line, signer=certs.common_name(opened.signer), fingerprint=opened.signer_fingerprint)
        opened.verify(root, signed_at, None)
    except ReviewerError as exc:
        sig = _failed(line, exc)
        return Report(str(path), kind, tuple(claims), (sig,), notes, exc)
    return Report(str(path), kind, tuple(claims), (line(intact=True, trusted=True),), notes)


# --- result bundles ----------------------------------------------------------------------------


def bundle(
    path: Path, data: bytes, root: x509.Certificate | None, ministry: fmt.Reader | None, now: datetime | None
) -> Report:
    from reviewer.export import bundle_format
    from reviewer.export.bundle import open_bundle, verify_bundle
    from reviewer.packages import envelope as fmt

    kind = ArtifactKind.BUNDLE
    try:
        env = fmt.read_envelope(
            data, bundle_format.MIMETYPE, bundle_format.FORMAT, bundle_format.not_a_bundle()
        )
        header = bundle_format.parse_header(env)
    except ReviewerError as exc:
        return Report(str(path), kind, error=exc)
    claims = [
        T("评审包：{id}", "Package: {id}", id=header.package_id),
        T("结果版本：{v}", "Result version: {v}", v=header.result_version),
        T(
            "评分表 {n} 份；评审意见表 SHA-256 {h}",
            "{n} score sheets; record SHA-256 {h}",
            n=header.sheet_count,
            h=header.record_sha256[:16],
        ),
        T("签署时间：{t}", "Signed at: {t}", t=beijing(header.created)),
    ]
    line = partial(
        SignatureLine,
        signer=_who_sealed(),
        fingerprint=header.key_fingerprint,
        role=T("组长", "chair"),
        over=T("文件头（含加密内容的哈希）", "the header (with the hash of the encrypted content)"),
        when=header.created,
    )
    sealed = _sealed_note(header.key_fingerprint)
    if root is None:
        sig = line(intact=True, trusted=None)
        return Report(str(path), kind, tuple(claims), (sig,), (sealed,), error=_no_anchor())
    try:
        env.require_suite(root, kind.label)  # SuiteMismatch: the other suite than the root's
        verify_bundle(data, root, now=now)
    except ReviewerError as exc:
        sig = _failed(line, exc)
        return Report(str(path), kind, tuple(claims), (sig,), error=exc)
    if ministry is None:
        note = T(
            "内容及签署人仅工业和信息化部可解密：已核验文件完好；组长证书、评分表、对账结果和评审意见表的核验需部里的密钥（--authority）。",
            "Only the ministry can decrypt the content and the signer: the file was checked intact; the "
            "chair's certificate, the sheets, the reconciliation and the record need the ministry's key "
            "(--authority).",
        )
        sig = line(intact=True, trusted=None)
        return Report(str(path), kind, tuple(claims), (sig,), (sealed, note), sealed_signer())
    try:
        opened = open_bundle(data, ministry, root, now=now)
    except ReviewerError as exc:
        sig = _failed(line, exc)
        return Report(str(path), kind, tuple(claims), (sig,), error=exc)
    sig = line(
        signer=opened.header.chair_name,
        fingerprint=opened.header.chair_fingerprint,
        intact=True,
        trusted=True,
    )
    rec = opened.reconciliation
    label = rec.conclusion.label
    claims += [
        T(
            "候选对象：{n}（{t}）",
            "Candidate: {n} ({t})",
            n=opened.candidate_name,
            t=CANDIDATE.get(opened.candidate_type, opened.candidate_type),
        ),
        T("结论：{c}；总分 {t}", "Conclusion: {c}; total {t}", c=label.zh if label else "—", t=rec.total),
        T("已按评分表和组长决定重新计算，结果一致。", "Recomputed from the sheets and decisions: identical."),
    ]
    names = {m.cert_sha256: m.name for m in opened.binding.roster}
    for u in opened.closing.unsigned if opened.closing else ():
        name = names.get(u.expert, u.expert[:16])
        claims.append(
            T(
                "{name}拒绝签字，书面理由（已核验其签名的拒签声明 {d}）：{r}",
                "{name} refused to sign, with written reasons (their signed refusal {d}, verified): {r}",
                name=name,
                d=(u.statement_sha256 or "")[:16],
                r=u.reason or "",
            )
            if u.reason is not None
            else T(
                "{name}未签字，亦未书面说明理由（组长已记录，依规视为同意）。",
                "{name} did not sign and gave no written reasons (recorded by the chair; deemed to agree).",
                name=name,
            )
        )
    lines = [sig] + [
        SignatureLine(
            s.signer_name,
            s.signer_fingerprint,
            T("组长", "chair") if s.role and s.role.value == "chair" else T("专家", "expert"),
            T("评审意见表", "the review record"),
            s.intact and s.changes_allowed,
            s.trusted,
            s.signed_at.isoformat() if s.signed_at else "",
        )
        for s in opened.record_signatures
    ]
    return Report(str(path), kind, tuple(claims), tuple(lines))


# --- record PDFs -------------------------------------------------------------------------------


def record(path: Path, data: bytes, root: x509.Certificate | None) -> Report:
    from reviewer.export.bundle_checks import record_subject
    from reviewer.export.pades import record_fields
    from reviewer.export.pades_validate import record_error, validate_record

    kind = ArtifactKind.RECORD
    subject = record_subject(data) or ""
    try:
        fields = record_fields(data)
        statuses = validate_record(data, root) if root is not None else []
    except ReviewerError as exc:
        return Report(str(path), kind, error=exc)
    if not fields and not subject.startswith("reviewer.record/"):
        return Report(
            str(path),
            kind,
            error=NotAnArtifact(
                T(
                    "这是 PDF，但不是 reviewer 的评审意见表，也没有签名。",
                    "A PDF, but not a reviewer record and not signed.",
                )
            ),
        )
    claims = [T("文档：{s}", "Document: {s}", s=subject or "—")]
    claims += [
        T(
            "签名栏 {f}：{s}",
            "Field {f}: {s}",
            f=f.label or f.name,
            s=T("已签署", "signed") if f.signed else T("未签署", "not signed"),
        )
        for f in fields
    ]
    if root is None:
        return Report(str(path), kind, tuple(claims), error=_no_anchor())
    lines = tuple(
        SignatureLine(
            s.signer_name,
            s.signer_fingerprint,
            T("组长", "chair") if s.role and s.role.value == "chair" else T("专家", "expert"),
            T("评审意见表（签署时的全部内容）", "the record (everything up to this signature)"),
            s.intact and s.changes_allowed and s.in_own_field,
            s.trusted,
            s.signed_at.isoformat() if s.signed_at else "",
        )
        for s in statuses
    )
    # a changed byte, a signature in another's field, or a revision that is not one signature in its
    # own pre-made field (docs/record-format.md, Revisions), before trust
    error: ReviewerError | None = record_error(statuses)
    if error is None and any(not line.trusted for line in lines):
        error = Untrusted(
            T(
                "有签名不是由您信任的根证书签发的证书所签。",
                "A signature is by a certificate not issued under the root you trust.",
            )
        )
    elif error is None and not lines:
        error = Untrusted(T("评审意见表尚无任何签名。", "The record carries no signature yet."))
    notes = (T("信任根：{fp}", "Trust anchor: {fp}", fp=cert_fingerprint(root)[:16]),)
    return Report(str(path), kind, tuple(claims), lines, notes, error)
