"""The workbench's read side: a review's whole state and its audit log, as frozen values."""

from __future__ import annotations

import json
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.models.orm import (
    AuditRow,
    EligibilityAnswerRow,
    EvidenceRefRow,
    ReturnedCodeRow,
    ReviewRow,
    ScoreRow,
    ScratchpadRow,
    SheetVersionRow,
    SiteNoteRow,
    YesNoAnswerRow,
)
from reviewer.models.undo_stacks import top
from reviewer.models.workbench_slots import FIGURE_PREFIX, loads
from reviewer.scoring.workbench_types import (
    AuditEntry,
    Conflict,
    Declaration,
    EligibilityAnswer,
    EligibilityState,
    EvidenceKind,
    EvidenceRef,
    Position,
    ReviewState,
    ReviewStatus,
    Role,
    SheetVersion,
    SignedFile,
    SiteNote,
    YesNoAnswer,
)
from reviewer.standards.model import EvidenceMethod


def evidence_ref(row: EvidenceRefRow) -> EvidenceRef:
    return EvidenceRef(
        id=row.id,
        code=row.code,
        kind=EvidenceKind(row.kind),
        material=row.material,
        page=row.page,
        file_name=row.file_name,
        sha256=row.sha256,
        size=row.size,
        note=row.note,
        added_at=row.added_at,
    )


def site_note(row: SiteNoteRow) -> SiteNote:
    return SiteNote(
        id=row.id,
        activity=EvidenceMethod(row.activity),
        codes=tuple(json.loads(row.codes)),
        text=row.text,
        noted_at=row.noted_at,
    )


def sheet_versions(session: Session, review_id: int) -> tuple[SheetVersion, ...]:
    versions = session.scalars(
        select(SheetVersionRow)
        .where(SheetVersionRow.review_id == review_id)
        .order_by(SheetVersionRow.version)
    ).all()
    out = []
    for v in versions:
        codes = session.scalars(
            select(ReturnedCodeRow.code)
            .where(ReturnedCodeRow.sheet_version_id == v.id)
            .order_by(ReturnedCodeRow.code)
        ).all()
        signed = (
            SignedFile(v.file_path, v.file_sha256 or "", v.digest or "") if v.file_path is not None else None
        )
        out.append(SheetVersion(v.version, v.reason, tuple(codes), v.started_at, v.finalised_at, signed))
    return tuple(out)


def _by_review(session: Session, model: type[Any], review_id: int, *order: Any) -> list[Any]:
    return list(session.scalars(select(model).where(model.review_id == review_id).order_by(*order)))


def state(session: Session, row: ReviewRow) -> ReviewState:
    rid = row.id
    scores = _by_review(session, ScoreRow, rid, ScoreRow.code)
    yes_no = _by_review(session, YesNoAnswerRow, rid, YesNoAnswerRow.code)
    eligibility = _by_review(session, EligibilityAnswerRow, rid, EligibilityAnswerRow.code)
    evidence = _by_review(session, EvidenceRefRow, rid, EvidenceRefRow.id)
    notes = _by_review(session, SiteNoteRow, rid, SiteNoteRow.noted_at, SiteNoteRow.id)
    pad = session.get(ScratchpadRow, rid)
    undo, redo = top(session, rid, "undo"), top(session, rid, "redo")  # indexed: never the log
    return ReviewState(
        review_id=rid,
        package_id=row.package_id,
        member_fingerprint=row.member_fingerprint,
        package_path=row.package_path,
        standard_id=row.standard_id,
        standard_version=row.standard_version,
        role=Role(row.role),
        opened_at=row.opened_at,
        updated_at=row.updated_at,
        status=ReviewStatus(row.status),
        version=row.version,
        versions=sheet_versions(session, rid),
        position=Position(row.position_code, row.position_tab),
        declaration=Declaration(
            Conflict(row.conflict), row.conflict_reason, row.pledge_accepted, row.pledge_at
        ),
        scores=MappingProxyType({s.code: Decimal(s.value) for s in scores if s.value is not None}),
        comments=MappingProxyType({s.code: s.comment for s in scores if s.comment is not None}),
        yes_no=MappingProxyType({a.code: YesNoAnswer(a.answer, a.comment) for a in yes_no}),
        eligibility=MappingProxyType(
            {
                a.code: EligibilityAnswer(EligibilityState(a.state), a.comment)
                for a in eligibility
                if not a.code.startswith(FIGURE_PREFIX)
            }
        ),
        figures=MappingProxyType(
            {
                a.code.removeprefix(FIGURE_PREFIX): EligibilityAnswer(EligibilityState(a.state), a.comment)
                for a in eligibility
                if a.code.startswith(FIGURE_PREFIX)
            }
        ),
        evidence=tuple(evidence_ref(e) for e in evidence),
        scratchpad="" if pad is None else pad.text,
        site_notes=tuple(site_note(n) for n in notes),
        can_undo=undo is not None,
        can_redo=redo is not None,
        undo_next=None if undo is None else _entry(session, undo),
        redo_next=None if redo is None else _entry(session, redo),
    )


def _entry(session: Session, entry_id: int) -> AuditEntry:
    return audit_entry(session.get_one(AuditRow, entry_id))


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        entity=row.entity,
        key=row.key,
        old=loads(row.old_value),
        new=loads(row.new_value),
        action=row.action,
        target_id=row.target_id,
    )


def history(session: Session, review_id: int) -> tuple[AuditEntry, ...]:
    rows = session.scalars(select(AuditRow).where(AuditRow.review_id == review_id).order_by(AuditRow.id))
    return tuple(audit_entry(r) for r in rows)
