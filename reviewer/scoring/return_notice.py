"""Return notices (``.rvreturn``): the chair sends a sheet back for correction of named indicators.

The chair signs a notice naming one sheet (by its digest), the indicators (or yes/no items) to
correct and the reason; it is encrypted to that expert, the chair and the ministry. The expert's
side accepts it only when it is signed by the chair on this package's roster and names the
expert's own sheet; :func:`revise_sheet` then produces version n+1 in which only the named
indicators may differ, recording the reason and the notice's digest. :func:`check_successor` is
the same rule seen from the reader's side (n+1 checked against n).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import SUITES
from reviewer.packages.reader import OpenedPackage
from reviewer.scoring.sheet import Correction, VerifiedSheet, bind, seal_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    HEX64,
    FigureCheck,
    ScoreAnswer,
    SheetAnswers,
    YesNoAnswer,
    check_answers,
)
from reviewer.trust import clock, suites
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.identity import Identity

MIMETYPE = "application/vnd.reviewer.return+zip"
FORMAT = "reviewer.return-notice"
CONTENT_FORMAT = "reviewer.return-notice-content"


@dataclass(frozen=True)
class ReturnNotice:
    digest: str
    notice_id: str
    package_id: str
    sheet_sha256: str
    expert_fingerprint: str
    revision: int  # the version being returned
    codes: tuple[str, ...]
    reason: str
    created: str
    chair: x509.Certificate
    data: bytes


def _refused(zh: str, en: str, **args: object) -> Refused:
    return Refused(T(zh, en, **args))


def build_return_notice(
    chair: Identity,
    package: PackageBinding | OpenedPackage,
    sheet: VerifiedSheet,
    codes: Iterable[str],
    reason: str,
    *,
    now: datetime | None = None,
) -> bytes:
    """Signed by the chair; ``codes`` are leaf indicators or yes/no items of the standard."""
    binding = bind(package)
    standard = binding.require_standard()
    if chair.fingerprint != binding.chair.cert_sha256:
        raise _refused(
            "只有本专家组组长可以退回评分表。", "Only this panel's chair can return a sheet for correction."
        )
    if sheet.header.package_id != binding.package_id:
        raise _refused("该评分表不属于本评审包。", "This sheet does not belong to this package.")
    if sheet.recused:
        raise _refused("回避表没有可更正的评分。", "A recusal sheet has no scores to correct.")
    wanted = sorted(set(codes))
    allowed = {leaf.code for leaf in standard.leaves()} | {i.code for i in standard.yes_no}
    unknown = [c for c in wanted if c not in allowed]
    if not wanted or unknown:
        raise _refused(
            "退回通知须列出评审标准中的评分指标或是/否项（无效：{codes}）。",
            "A return notice must name scored indicators or yes/no items of the standard (invalid: {codes}).",
            codes=", ".join(unknown) or "—",
        )
    if not reason.strip():
        raise _refused("请说明退回更正的理由。", "Give the reason for the correction.")
    notice_id = str(uuid.uuid4())
    signer = {"cert_sha256": chair.fingerprint, "role": "chair"}  # public: no name
    header = {
        "format": FORMAT,
        "version": 1,
        "suite": suites.of_root(chair.trust_root()).id,
        "notice_id": notice_id,
        "package": {"id": binding.package_id, "manifest_sha256": binding.manifest_sha256},
        "signer": signer,
        "sheet": {
            "sha256": sheet.digest,
            "sheet_id": sheet.header.sheet_id,
            "expert_cert_sha256": sheet.expert_id,
            "revision": sheet.revision,
        },
        "created": clock.iso(now or clock.utcnow()),
    }
    content = {
        "format": CONTENT_FORMAT,
        "version": 1,
        "notice_id": notice_id,
        "sheet_sha256": sheet.digest,
        "codes": wanted,
        "reason": reason.strip(),
    }
    recipients = [
        fmt.recipient_of(sheet.header.signer, sheet.header.signer_name),
        fmt.recipient_of(chair.certificate, "chair"),
        fmt.recipient_of(binding.ministry, "ministry"),
    ]
    return fmt.seal_envelope(
        mimetype=MIMETYPE,
        kind="return",
        artifact_id=notice_id,
        header=header,
        payload=canonical_json(content),
        signer=chair,
        recipients=recipients,
    )


def open_return_notice(
    data: bytes,
    identity: Identity,
    package: PackageBinding | OpenedPackage,
    *,
    sheet: VerifiedSheet | None = None,
    now: datetime | None = None,
) -> ReturnNotice:
    """The expert's side: signed by this package's chair (chain to the identity's pinned root, not
    revoked then), bound to the package, naming this expert's sheet (``sheet``'s digest if given)."""
    binding = bind(package)
    env = fmt.read_envelope(
        data,
        MIMETYPE,
        FORMAT,
        T("该文件不是退回更正通知（.rvreturn）。", "This file is not a return notice (.rvreturn)."),
    )
    env.require_suite(identity.trust_root(), T("该退回更正通知", "The return notice"))
    h = env.header
    try:
        target, pkg = h["sheet"], h["package"]
        created = clock.parse_iso(str(h["created"]))
        notice_id = str(h["notice_id"])
        ok = (
            h.get("suite") in SUITES
            and HEX64.match(str(target["sha256"]))
            and isinstance(target["revision"], int)
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise fmt._damaged(f"header: {exc}") from exc
    signer = h.get("signer")
    if (
        not ok
        or not isinstance(signer, dict)
        or set(signer) != {"cert_sha256", "role"}
        or signer["role"] != "chair"
    ):
        raise fmt._damaged("header fields")
    if pkg.get("id") != binding.package_id or pkg.get("manifest_sha256") != binding.manifest_sha256:
        raise _refused("该退回通知属于另一个评审包。", "This return notice belongs to another package.")
    if target["expert_cert_sha256"] != identity.fingerprint:
        raise _refused(
            "该退回通知针对的是其他专家的评分表。", "This return notice is for another expert's sheet."
        )
    if sheet is not None and target["sha256"] != sheet.digest:
        raise _refused(
            "该退回通知针对的是您评分表的另一版本（第 {n} 版）。",
            "This return notice names another version of your sheet (version {n}).",
            n=target["revision"],
        )
    opened = env.open(identity, "return", notice_id)  # the sealed certificate is the header's signer
    opened.verify(identity.trust_root(), created, binding.revocations)
    if opened.signer_fingerprint != binding.chair.cert_sha256:
        raise _refused(
            "该退回通知不是由本专家组组长“{name}”签署的，不予接受。",
            "This return notice was not signed by this panel's chair “{name}”; it is refused.",
            name=binding.chair.name,
        )
    plain = opened.payload
    try:
        doc = parse_json(plain)
        if doc.get("format") != CONTENT_FORMAT or doc["notice_id"] != notice_id:
            raise ValueError("content format")
        if doc["sheet_sha256"] != target["sha256"] or not isinstance(doc["reason"], str):
            raise ValueError("content disagrees with header")
        codes = tuple(str(c) for c in doc["codes"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise fmt._damaged(f"content: {exc}") from exc
    return ReturnNotice(
        env.digest,
        notice_id,
        binding.package_id,
        target["sha256"],
        target["expert_cert_sha256"],
        target["revision"],
        codes,
        doc["reason"],
        clock.iso(created),
        opened.signer,
        data,
    )


def revise_sheet(
    package: PackageBinding | OpenedPackage,
    identity: Identity,
    previous: VerifiedSheet,
    notice: ReturnNotice,
    *,
    scores: Mapping[str, ScoreAnswer] | None = None,
    yes_no: Mapping[str, YesNoAnswer] | None = None,
    now: datetime | None = None,
    figures: Mapping[str, FigureCheck] | None = None,
) -> bytes:
    """Version n+1 of ``previous``: only the indicators ``notice`` names may change (an objective
    leaf's figure check among them)."""
    binding = bind(package)
    if notice.sheet_sha256 != previous.digest or previous.expert_id != identity.fingerprint:
        raise _refused("该退回通知不是针对这份评分表的。", "The return notice does not name this sheet.")
    changes = {**(scores or {}), **(yes_no or {}), **(figures or {})}
    outside = sorted(set(changes) - set(notice.codes))
    if outside:
        raise _refused(
            "只能更正退回通知列出的指标（{named}）；{codes} 未被列出，已锁定。",
            "Only the indicators the return notice names ({named}) can be corrected; {codes} is locked.",
            named=", ".join(notice.codes),
            codes=", ".join(outside),
        )
    old = previous.answers
    answers = SheetAnswers(
        old.declarations,
        {**old.scores, **(scores or {})},
        {**old.yes_no, **(yes_no or {})},
        old.eligibility,
        {**old.figures, **(figures or {})},
    )
    checked = check_answers(binding.require_standard(), answers, binding.materials)
    return seal_sheet(
        binding,
        identity,
        kind="score",
        answers=checked,
        role=previous.header.role,
        chair_certificate=notice.chair,
        revision=previous.revision + 1,
        previous_sha256=previous.digest,
        correction=Correction(notice.reason, notice.digest, notice.codes),
        now=now,
    )


def changed_codes(a: SheetAnswers, b: SheetAnswers) -> set[str]:
    codes = set(a.scores) | set(b.scores) | set(a.yes_no) | set(b.yes_no) | set(a.figures) | set(b.figures)
    return {
        c
        for c in codes
        if a.scores.get(c) != b.scores.get(c)
        or a.yes_no.get(c) != b.yes_no.get(c)
        or a.figures.get(c) != b.figures.get(c)
    }


def check_successor(previous: VerifiedSheet, current: VerifiedSheet) -> None:
    """``current`` is version n+1 of ``previous`` and differs only in the codes its correction names."""
    p, c = previous.header, current.header
    follows = (
        p.package_id == c.package_id
        and p.signer_fingerprint == c.signer_fingerprint
        and c.revision == p.revision + 1
        and c.previous_sha256 == p.digest
        and p.kind == c.kind
    )
    if not follows or current.correction is None:
        raise _refused(
            "第 {n} 版评分表不是对所持第 {m} 版的更正。",
            "Version {n} of the sheet is not a correction of the version {m} held.",
            n=c.revision,
            m=p.revision,
        )
    a, b = previous.answers, current.answers
    outside = sorted(changed_codes(a, b) - set(current.correction.codes))
    if outside or a.declarations != b.declarations or a.eligibility != b.eligibility:
        raise _refused(
            "第 {n} 版评分表改动了退回通知未列出的内容（{codes}），不予接受。",
            "Version {n} of the sheet changes what the return notice did not name ({codes}); it is refused.",
            n=c.revision,
            codes=", ".join(outside) or "declarations/eligibility",
        )
