"""The workbench's slots, the audit log and the undo/redo stacks, inside one open session.

A *slot* is one thing the expert can change, named by ``(entity, key)``: ``("score", "1.1")``,
``("comment", "1.1")``, ``("yes_no", "V1")``, ``("eligibility", "E1")``, ``("figure", "1.1")`` (an
objective leaf's figure confirmed or flagged, kept in the eligibility table under ``figure:<code>``),
``("evidence", "<id>")``,
``("scratchpad", "")``, ``("site_note", "<id>")``, ``("declaration", "conflict")``,
``("declaration", "pledge")``. Its value is plain JSON (``None`` when empty). Every change reads the
old value, writes the new one and appends an audit row with both, all in the caller's transaction.
Undo writes an entry's old value back, redo its new value; every audit row moves the undo and redo
stacks (``reviewer.models.undo_stacks``) in the same transaction.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from reviewer.models import undo_stacks
from reviewer.models.orm import (
    AuditRow,
    EligibilityAnswerRow,
    EvidenceRefRow,
    ReviewRow,
    ScoreRow,
    ScratchpadRow,
    SiteNoteRow,
    YesNoAnswerRow,
    utcnow,
)
from reviewer.scoring.workbench_types import Conflict, ReviewStatus

PRIVATE = frozenset({"scratchpad", "site_note"})  # the expert's own notes: never locked
CODED = frozenset({"score", "comment", "yes_no", "eligibility", "figure", "evidence"})  # part of the sheet
FIGURE_PREFIX = "figure:"  # an objective leaf's check, in the eligibility table (no clash: E1 vs 1.1)


def dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat()


def from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# --- reading and writing one slot ------------------------------------------------------------


def read(session: Session, review: ReviewRow, entity: str, key: str) -> Any:
    rid = review.id
    if entity in ("score", "comment"):
        row = session.get(ScoreRow, (rid, key))
        return None if row is None else (row.value if entity == "score" else row.comment)
    if entity == "yes_no":
        yn = session.get(YesNoAnswerRow, (rid, key))
        return None if yn is None else {"answer": yn.answer, "comment": yn.comment}
    if entity == "eligibility":
        el = session.get(EligibilityAnswerRow, (rid, key))
        return None if el is None else {"state": el.state, "comment": el.comment}
    if entity == "figure":
        fc = session.get(EligibilityAnswerRow, (rid, FIGURE_PREFIX + key))
        return None if fc is None else {"state": fc.state, "comment": fc.comment}
    if entity == "evidence":
        ev = session.get(EvidenceRefRow, int(key))
        return None if ev is None or ev.review_id != rid else evidence_value(ev)
    if entity == "scratchpad":
        pad = session.get(ScratchpadRow, rid)
        return "" if pad is None else pad.text
    if entity == "site_note":
        note = session.get(SiteNoteRow, int(key))
        if note is None or note.review_id != rid:
            return None
        return {"activity": note.activity, "codes": json.loads(note.codes), "text": note.text,
                "noted_at": iso(note.noted_at)}  # fmt: skip
    if entity == "declaration" and key == "conflict":
        return {"conflict": review.conflict, "reason": review.conflict_reason}
    if entity == "declaration" and key == "pledge":
        return {"accepted": review.pledge_accepted, "at": iso(review.pledge_at)}
    raise ValueError(f"unknown slot {entity}/{key}")


def evidence_value(ev: EvidenceRefRow) -> dict[str, Any]:
    return {
        "code": ev.code,
        "kind": ev.kind,
        "material": ev.material,
        "page": ev.page,
        "file_name": ev.file_name,
        "sha256": ev.sha256,
        "size": ev.size,
        "note": ev.note,
        "added_at": iso(ev.added_at),
    }


def write(session: Session, review: ReviewRow, entity: str, key: str, value: Any) -> None:
    rid, now = review.id, utcnow()
    if entity in ("score", "comment"):
        row = session.get(ScoreRow, (rid, key))
        if row is None:
            row = ScoreRow(review_id=rid, code=key, value=None, comment=None)
            session.add(row)
        if entity == "score":
            row.value = value
        else:
            row.comment = value
        row.updated_at = now
        if row.value is None and row.comment is None:
            session.delete(row)
    elif entity == "yes_no":
        _upsert(session, YesNoAnswerRow, (rid, key), value, review_id=rid, code=key, updated_at=now)
    elif entity == "eligibility":
        _upsert(session, EligibilityAnswerRow, (rid, key), value, review_id=rid, code=key, updated_at=now)
    elif entity == "figure":
        code = FIGURE_PREFIX + key
        _upsert(session, EligibilityAnswerRow, (rid, code), value, review_id=rid, code=code, updated_at=now)
    elif entity == "evidence":
        fields = None if value is None else {**value, "added_at": from_iso(value["added_at"])}
        _upsert(session, EvidenceRefRow, int(key), fields, id=int(key), review_id=rid)
    elif entity == "scratchpad":
        _upsert(session, ScratchpadRow, rid, {"text": value or ""}, review_id=rid, updated_at=now)
    elif entity == "site_note":
        fields = None
        if value is not None:
            fields = {**value, "codes": json.dumps(value["codes"]), "noted_at": from_iso(value["noted_at"])}
        _upsert(session, SiteNoteRow, int(key), fields, id=int(key), review_id=rid)
    elif entity == "declaration" and key == "conflict":
        review.conflict = value["conflict"]
        review.conflict_reason = value["reason"]
        if review.status != ReviewStatus.FINALISED:
            declared = value["conflict"] == Conflict.DECLARED
            review.status = ReviewStatus.RECUSED if declared else ReviewStatus.OPEN
    elif entity == "declaration" and key == "pledge":
        review.pledge_accepted = value["accepted"]
        review.pledge_at = from_iso(value["at"])
    else:
        raise ValueError(f"unknown slot {entity}/{key}")
    review.updated_at = now
    session.flush()


def _upsert(session: Session, model: Any, pk: Any, fields: dict[str, Any] | None, **ids: Any) -> None:
    row = session.get(model, pk)
    if fields is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = model(**ids)
        session.add(row)
    for name, value in {**ids, **fields}.items():
        setattr(row, name, value)


def code_of(entity: str, key: str, *values: Any) -> str | None:
    """The indicator or item a slot belongs to (for the lock rules); ``None`` for the rest."""
    if entity in ("score", "comment", "yes_no", "eligibility", "figure"):
        return key
    if entity == "evidence":
        return next(v["code"] for v in values if v is not None)
    return None


# --- the audit log ---------------------------------------------------------------------------


def record(
    session: Session,
    review: ReviewRow,
    entity: str,
    key: str,
    old: Any,
    new: Any,
    action: str = "set",
    target_id: int | None = None,
) -> AuditRow:
    row = AuditRow(
        review_id=review.id,
        at=utcnow(),
        entity=entity,
        key=key,
        old_value=dumps(old),
        new_value=dumps(new),
        action=action,
        target_id=target_id,
    )
    session.add(row)
    session.flush()
    undo_stacks.step(session, row)  # the stacks change in the same transaction as the log
    return row


def change(session: Session, review: ReviewRow, entity: str, key: str, new: Any) -> AuditRow | None:
    """Write ``new`` into the slot and audit it; nothing at all when the value is unchanged."""
    old = read(session, review, entity, key)
    if old == new:
        return None
    write(session, review, entity, key, new)
    return record(session, review, entity, key, old, new)
