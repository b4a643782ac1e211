"""The review record of a panel, assembled from what the chair holds: the package (roster,
candidate, standard), the newest sheet of each member (recusals), the reconciliation and the
chair's decisions (opinion, dissents, visit).

    record = panel_record_input(binding, candidate, sheets, reconciliation, decisions)
    pdf = build_record_pdf(record)      # unsigned, one field per non-recused member, the chair's last

The record's document id is derived from the package id (UUID 5), so every record of one package
carries the same id and a reader can tell which package a record belongs to.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.export.record_input import (
    Candidate,
    Dissent,
    MemberRole,
    PanelMember,
    PanelOpinion,
    PanelVote,
    RecordInput,
    Visit,
)
from reviewer.i18n import T, Text
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_types import VerifiedSheet
from reviewer.scoring.votes import change_tally, opinion_tally, panel_voters, require_adopted
from reviewer.standards.model import CandidateType

RECORD_NAMESPACE = uuid.UUID("6f1b1e52-2f5e-4c1e-9a57-3c0f0d2b7a10")


def record_document_id(package_id: str) -> uuid.UUID:
    """The record's document id for a package: UUID 5 of the package id in reviewer's namespace."""
    return uuid.uuid5(RECORD_NAMESPACE, package_id)


def _missing(message: Text) -> InvalidInput:
    return InvalidInput(message)


def panel_record_input(
    binding: PackageBinding,
    candidate: Mapping[str, Any],
    sheets: Sequence[VerifiedSheet],
    reconciliation: Reconciliation,
    decisions: PanelDecisions,
) -> RecordInput:
    """Everything the record shows; raises InvalidInput when the chair has not yet written the
    panel's opinion or the visit's dates and place (``reviewer panel`` decisions file), and
    ChangeNotAdopted when a consensus change lacks the approvals the package's rules require."""
    standard = binding.require_standard()
    if decisions.opinion is None:
        raise _missing(
            T(
                "尚未填写专家组意见（opinion）：请在组长决定文件中写明主要成效、存在问题、建议和结论意见。",
                "The panel's opinion is missing: write strengths, problems, recommendations and the "
                "conclusion wording in the decisions file (opinion).",
            ).in_app(
                T(
                    "尚未填写专家组意见：请在“专家组意见”中写明主要成效与特色、存在的问题、意见和建议及评审结论意见，并保存。",
                    "The panel's opinion is missing: write its strengths, problems, recommendations and "
                    "conclusion wording under “Panel opinion”, then save it.",
                )
            )
        )
    if decisions.visit is None or not decisions.visit.dates:
        raise _missing(
            T(
                "尚未填写实地考察的日期和地点（visit）。",
                "The site visit's dates and place are missing from the decisions file (visit).",
            ).in_app(
                T(
                    "尚未填写实地考察的日期和地点：请在“实地考察”中填写并保存。",
                    "The site visit's dates and place are missing: enter them under “Site visit” and save them.",
                )
            )
        )
    recusals = {s.expert_id: s.declarations.conflict_reason for s in sheets if s.recused}
    rules, chair = binding.procedure, binding.chair.cert_sha256
    voters = panel_voters(binding.roster, recusals)
    require_adopted(decisions, rules, voters, chair, {m.cert_sha256: m.name for m in binding.roster})
    changes = []
    for c in decisions.consensus:
        t = change_tally(c, voters, chair)
        ground = rules.ground(c.ground)
        changes.append(
            PanelVote(c.code, c.ground if ground is None else ground.zh, t.approve, t.object, t.voters)
        )
    opinion_vote = None
    if decisions.opinion is not None and decisions.opinion.motion_sha256 is not None:
        t = opinion_tally(decisions.opinion, voters, chair)
        opinion_vote = PanelVote("", "", t.approve, t.object, t.voters)
    # The roster's order, experts first and the chair last, as the record lists them.
    ordered = sorted(binding.roster, key=lambda m: m.role == "chair")
    members = tuple(
        PanelMember(
            expert_id=m.cert_sha256,
            name=m.name,
            org=m.org,
            role=MemberRole(m.role),
            cert_fingerprint=m.cert_sha256,
            recused=m.cert_sha256 in recusals,
            recusal_reason=recusals.get(m.cert_sha256, ""),
        )
        for m in ordered
    )
    o = decisions.opinion
    profile = candidate.get("profile", candidate)  # the package's candidate.json holds a profile
    return RecordInput(
        document_id=record_document_id(binding.package_id),
        kind=standard.kind,
        candidate=Candidate(
            str(profile.get("name", "")),
            CandidateType(str(profile.get("type", standard.candidate_type.value))),
            str(profile.get("province", "")),
            str(profile.get("city", "")),
        ),
        standard=standard,
        visit=Visit(decisions.visit.days, decisions.visit.place),
        members=members,
        reconciliation=reconciliation,
        opinion=PanelOpinion(o.strengths, o.problems, o.recommendations, o.conclusion),
        dissents=tuple(Dissent(d.expert, d.text, d.statement_sha256) for d in decisions.dissents),
        changes=tuple(changes),
        opinion_vote=opinion_vote,
        decisions_sha256=hashlib.sha256(decisions.to_json()).hexdigest(),
    )
