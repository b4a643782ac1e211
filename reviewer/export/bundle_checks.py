"""The inner checks of a result bundle, shared by the chair (before signing) and the ministry (on opening).

Each takes plain bytes and the pinned root and raises the typed error that applies: the package's
own files verify under the root and are the package the header names; every sheet verifies and is
bound to that package; the reconciliation recomputes to the same canonical bytes; the record PDF
carries a valid signature of every non-recused member and the chair's, last.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader

from reviewer.errors import Refused
from reviewer.export.bundle_format import (
    PACKAGE_ENTRIES,
    ForeignContent,
    RecordIncomplete,
    ResultMismatch,
)
from reviewer.export.pades import read_pdf, record_fields
from reviewer.export.pades_revisions import signed_info
from reviewer.export.pades_validate import WHOLE_DOCUMENT, SignatureStatus, require_valid, validate_opened
from reviewer.export.panel_record import record_document_id
from reviewer.export.record import RECORD_FORMAT, parse_bindings
from reviewer.export.record_input import DECISIONS_KEY, RECONCILIATION_KEY, MemberRole
from reviewer.i18n import T
from reviewer.packages import envelope
from reviewer.packages.manifest import Manifest, parse_header, parse_manifest
from reviewer.packages.reader import PackageView, require_manifest_suite
from reviewer.packages.signature import parse_signature
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.inputs import Decisions
from reviewer.scoring.motion import Motion, open_motion
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_collection import SheetCollection
from reviewer.scoring.sheet_types import CLOCK_SKEW, VerifiedSheet
from reviewer.scoring.statement import Statement, open_statement
from reviewer.scoring.votes import check_against_statements, panel_voters, require_adopted
from reviewer.standards import Standard, load_bytes
from reviewer.standards.panel_rules import panel_rules_from_bytes
from reviewer.trust import certs, clock
from reviewer.trust.encoding import parse_json
from reviewer.trust.revocation import RevocationList

if TYPE_CHECKING:
    from reviewer.export.closing import Closing


def _foreign(zh: str, en: str, **args: object) -> ForeignContent:
    return ForeignContent(T(zh, en, **args))


def check_package_files(
    files: dict[str, bytes], root: x509.Certificate, manifest_sha256: str, package_id: str
) -> tuple[PackageBinding, dict[str, Any], Manifest]:
    """The package as the ministry signed it: signature under ``root``, the CRL, the confidential header
    (``package-header.json``, the roster and the candidate) whose SHA-256 the signed manifest gives, and
    the plaintext standard and candidate that header names. Returns the binding (with the standard),
    the candidate and the whole manifest."""
    body = files["manifest.json"]
    if hashlib.sha256(body).hexdigest() != manifest_sha256:
        raise _foreign(
            "结果包所附的包清单不是结果包声明的评审包（{id}）的清单。",
            "The package manifest in the bundle is not that of the package the bundle names ({id}).",
            id=package_id,
        )
    signature = parse_signature(files["signature.json"])
    require_manifest_suite(body, root)  # SuiteMismatch: a package of the other suite than the root's
    signature.verify(body, root)
    public = parse_manifest(body)
    if public.package_id != package_id:
        raise _foreign("包编号不一致。", "The package ids differ.")
    created = clock.parse_iso(public.created)
    certs.check_validity(root, created)
    certs.check_validity(signature.signer, created)
    crl = files["revocations.crl"]
    if hashlib.sha256(crl).hexdigest() != public.revocations["sha256"]:
        raise _foreign(
            "结果包中的吊销列表不是评审包的吊销列表。", "The bundle's revocation list is not the package's."
        )
    revocations = RevocationList.load(crl, root)
    revocations.check(signature.signer, created)
    if hashlib.sha256(files["package-header.json"]).hexdigest() != public.header.sha256:
        raise _foreign(
            "结果包中的评审包机密头（package-header.json）与评审包签名清单中的不一致。",
            "The bundle's package header (package-header.json) differs from the one in the package's "
            "signed manifest.",
        )
    manifest = parse_header(files["package-header.json"], public)
    for name in PACKAGE_ENTRIES:
        try:
            entry = manifest.entry(name)
        except KeyError as exc:
            raise _foreign("评审包缺少 {name}。", "The package lacks {name}.", name=name) from exc
        if hashlib.sha256(files[name]).hexdigest() != entry.sha256:
            raise _foreign(
                "结果包中的 {name} 与评审包签名清单中的不一致。",
                "The bundle's {name} differs from the one in the package's signed manifest.",
                name=name,
            )
    standard = _standard(files["standard.json"])
    if (standard.id, standard.version) != (manifest.standard["id"], manifest.standard["version"]):
        raise _foreign("评审标准与包清单不符。", "The standard differs from the package manifest.")
    view = PackageView(Path("(bundle)"), public, body, signature, crl, trusted=True, revocations=revocations)
    candidate = parse_json(files["candidate.json"])
    rules = panel_rules_from_bytes(files["procedure.json"], "procedure.json")
    return PackageBinding.of_view(view, manifest, standard, rules), candidate, manifest


@lru_cache(maxsize=8)
def _standard(data: bytes) -> Standard:
    """The standard these exact bytes hold (a frozen value): a batch of bundles mostly carries a few
    standards, each checked against its schema and rules once. An invalid one raises every time."""
    return load_bytes(data, "standard.json")


def check_sheets(
    sheets: Sequence[bytes],
    reader: envelope.Reader,
    binding: PackageBinding,
    root: x509.Certificate,
    signed_at: datetime,
) -> tuple[VerifiedSheet, ...]:
    """Open every sheet for ``reader`` bound to ``binding``; apply the chair's import rules; the
    newest sheet of each expert, by expert id. Sheets must be older than the bundle."""
    collection = SheetCollection(binding.package_id)
    for index, data in enumerate(sheets, start=1):
        try:
            sheet = open_sheet(data, reader, binding, root, now=signed_at)
        except Refused as exc:
            raise _foreign(
                "结果包中的第 {n} 份评分表不予接受：{why}",
                "Sheet {n} of the bundle is refused: {why}",
                n=index,
                why=exc.message,
            ) from exc
        collection, outcome = collection.add(sheet, f"#{index}")
        if not outcome.accepted:
            raise _foreign(
                "结果包中的第 {n} 份评分表不予接受：{why}",
                "Sheet {n} of the bundle is refused: {why}",
                n=index,
                why=outcome.reason,
            )
    return collection.sheets()


def check_votes(
    decisions: PanelDecisions,
    binding: PackageBinding,
    sheets: Sequence[VerifiedSheet],
    motions: Sequence[bytes],
    statements: Sequence[bytes],
    reader: envelope.Reader,
    root: x509.Certificate,
    signed_at: datetime,
) -> tuple[tuple[Motion, ...], tuple[Statement, ...]]:
    """The panel's votes: every carried motion (signed by the chair) and statement (signed by a
    member) opens bound to this package; the decisions' votes, opinion approvals and dissents are
    what those statements say (:class:`VoteNotSigned`); every consensus change reached the approvals
    the package's rules require among the voters (:class:`ChangeNotAdopted`)."""
    opened_motions: dict[str, Motion] = {}
    for index, data in enumerate(motions, start=1):
        try:
            m = open_motion(data, reader, binding, root, now=signed_at)
        except Refused as exc:
            raise _foreign(
                "结果包中的第 {n} 份表决提请不予接受：{why}",
                "Motion {n} of the bundle is refused: {why}",
                n=index,
                why=exc.message,
            ) from exc
        opened_motions[m.digest] = m
    opened: dict[str, Statement] = {}
    for index, data in enumerate(statements, start=1):
        try:
            st = open_statement(data, reader, binding, root, now=signed_at)
        except Refused as exc:
            raise _foreign(
                "结果包中的第 {n} 份成员声明不予接受：{why}",
                "Statement {n} of the bundle is refused: {why}",
                n=index,
                why=exc.message,
            ) from exc
        if clock.parse_iso(st.created) > signed_at + CLOCK_SKEW:
            raise _foreign("成员声明晚于结果包签署。", "A member's statement was signed after the bundle.")
        opened[st.digest] = st
    names = {m.cert_sha256: m.name for m in binding.roster}
    check_against_statements(decisions, opened_motions, opened, names)
    voters = panel_voters(binding.roster, [s.expert_id for s in sheets if s.recused])
    require_adopted(decisions, binding.procedure, voters, binding.chair.cert_sha256, names)
    return tuple(opened_motions.values()), tuple(opened.values())


def recompute(
    standard: Standard,
    sheets: Sequence[VerifiedSheet],
    decisions: Decisions,
    claimed: bytes,
    figures: Mapping[str, Decimal] | None = None,
) -> Reconciliation:
    """Rerun the engine on the sheets and decisions (and the package's figures, for the objective
    indicators); the claimed canonical JSON must be identical."""
    computed = reconcile(standard, [s.to_expert_scores() for s in sheets], decisions, figures)
    if computed.to_json() != claimed:
        try:
            was = Reconciliation.from_dict(parse_json(claimed))
            what = f"{was.result} / {was.total}"
        except Exception:  # the claim is not even a reconciliation: say so plainly
            what = "?"
        raise ResultMismatch(
            T(
                "结果包声明的对账结果（{claimed}）与按评分表和组长决定重新计算的结果（{computed}）不一致，不予接受。",
                "The reconciliation the bundle claims ({claimed}) differs from the one recomputed from the "
                "sheets and the chair's decisions ({computed}); it is refused.",
                claimed=what,
                computed=f"{computed.result} / {computed.total}",
            )
        )
    return computed


def check_record_binding(pdf: bytes | PdfFileReader, reconciliation: bytes, decisions: bytes) -> None:
    """The record was made from exactly this reconciliation and these decisions: the SHA-256 it
    carries (document information, printed in its conclusion section) are theirs. An older signed
    record cannot be paired with a newer reconciliation (:class:`ResultMismatch`)."""
    bound = record_bindings(pdf)
    for key, data, what in (
        (RECONCILIATION_KEY, reconciliation, T("对账结果", "reconciliation")),
        (DECISIONS_KEY, decisions, T("组长决定", "chair's decisions")),
    ):
        if bound.get(key) != hashlib.sha256(data).hexdigest():
            raise ResultMismatch(
                T(
                    "评审意见表不是依据本结果包中的{what}生成的（其记载的 SHA-256 为 {had}）：请重新生成评审意见表，"
                    "由全体成员重新签署。",
                    "The record was not made from the {what} in this bundle (it names SHA-256 {had}): produce "
                    "the record again and have every member sign it again.",
                    what=what,
                    had=(bound.get(key) or "—")[:16],
                )
            )


def check_record(
    pdf: bytes,
    root: x509.Certificate,
    binding: PackageBinding,
    sheets: Sequence[VerifiedSheet],
    signed_at: datetime,
    *,
    reconciliation: bytes,
    decisions: bytes,
    closing: Closing | None = None,
) -> tuple[SignatureStatus, ...]:
    """Every signature valid under ``root`` at ``signed_at``; exactly the non-recused members and
    the chair signed, each in their own field, except the members ``closing`` (already checked,
    :func:`reviewer.export.closing.check_closing`) states did not sign; the chair's signature covers
    the whole file; the record names the SHA-256 of ``reconciliation`` and ``decisions`` (canonical
    JSON)."""
    unsigned = {u.expert for u in closing.unsigned} if closing is not None else set()
    reader = read_pdf(pdf)  # one parse for the signatures and the claims
    statuses = validate_opened(reader, root, at=signed_at)
    require_valid(statuses)  # a changed byte is "tampered" before any claim in the file is read
    document = record_subject(reader)
    expected_subject = f"{RECORD_FORMAT} {record_document_id(binding.package_id)}"
    if document != expected_subject:
        raise _foreign(
            "评审意见表（{doc}）不是本评审包的意见表。",
            "The record ({doc}) is not the record of this package.",
            doc=document or "?",
        )
    check_record_binding(reader, reconciliation, decisions)
    stated = {fp[:16] for fp in unsigned}
    fields = [f for f in record_fields(pdf) if not (f.info and f.info.fingerprint_prefix in stated)]
    try:
        require_valid(statuses, complete=fields)
    except Refused as exc:
        raise RecordIncomplete(exc.message) from exc
    recused = {s.expert_id for s in sheets if s.recused}
    expected = {m.cert_sha256: m for m in binding.roster if m.cert_sha256 not in recused}
    signed = {s.signer_fingerprint for s in statuses}
    missing = [m.name for fp, m in expected.items() if fp not in signed and fp not in unsigned]
    if missing:
        raise RecordIncomplete(
            T(
                "评审意见表缺少以下成员的签名：{who}。请让他们签署后由组长最后签署，再生成结果包。",
                "The record lacks the signature of: {who}. Have them sign, then the chair last, and "
                "build the bundle again.",
                who="、".join(missing),
            )
        )
    extra = sorted(signed - set(expected))
    if extra:
        raise RecordIncomplete(
            T(
                "评审意见表中有不属于本专家组（或已回避）的签名（证书 {fp}）。",
                "The record carries a signature of someone not on this panel, or recused (certificate {fp}).",
                fp=extra[0][:16],
            )
        )
    chair = binding.chair.cert_sha256
    closers = [s for s in statuses if s.signer_fingerprint == chair]
    if len(closers) != 1 or closers[0].role is not MemberRole.CHAIR or closers[0].coverage != WHOLE_DOCUMENT:
        raise RecordIncomplete(
            T(
                "评审意见表须由组长最后签署，组长签名须覆盖整个文件。",
                "The chair must sign the record last, and the chair's signature must cover the whole file.",
            )
        )
    for s in statuses:
        # revocation at the time each member signed (pyHanko ran with no revocation data)
        if binding.revocations is not None:
            binding.revocations.check(expected[s.signer_fingerprint].certificate, s.signed_at or signed_at)
        if s.signed_at is not None and s.signed_at > signed_at + CLOCK_SKEW:
            raise RecordIncomplete(
                T(
                    "{name} 在评审意见表上的签名时间晚于结果包的签署时间。",
                    "{name} signed the record after the bundle was signed.",
                    name=s.signer_name,
                )
            )
    return tuple(statuses)


def _info(pdf: bytes | PdfFileReader, key: str) -> str | None:
    """``key`` of the document information as every member signed it: from the first signature's
    revision, which every later signature covers; never from a later revision (of a signed record,
    any later change of /Info is refused anyway, ``pades_revisions``)."""
    try:
        reader = pdf if isinstance(pdf, PdfFileReader) else PdfFileReader(BytesIO(pdf))
        info = signed_info(reader)
        return None if info is None else str(info.get(key, "")) or None
    except Exception:  # a damaged file is reported by the signature validation
        return None


def record_subject(pdf: bytes | PdfFileReader) -> str | None:
    """The record's ``/Subject`` (``reviewer.record/1 <document id>``) as signed, or None."""
    return _info(pdf, "/Subject")


def record_bindings(pdf: bytes | PdfFileReader) -> dict[str, str]:
    """The SHA-256 the record names (``reconciliation-sha256``, ``decisions-sha256``), from /Keywords
    as every member signed it."""
    return parse_bindings(_info(pdf, "/Keywords") or "")
