"""The chair's store: the sheets imported for a package and the log of the chair's decisions.

    chair = ChairStore(store)
    chair.record_sheet(package_id, sheet, source="li.rvsheet",     # after SheetCollection accepted it
                       chair=actor.fingerprint)                    # sealed under the chair's key
    stored = chair.sheets(package_id)                              # → StoredSheet, bytes as signed
    chair.record_decisions(package_id, decisions, action="consensus", subject="2.1",
                           by=actor, why="…")                      # appends one log row
    decisions = chair.decisions(package_id)                        # the newest state, or None
    history = chair.log(package_id)                                # every change, oldest first
    chair.log_reopened(package_id, by=actor, discarded=("李喆（专家）",), reason="…",
                       sha256=old_record_sha256, kept_at="record-set-aside-….pdf")
    chair.log_result(package_id, by=actor, path=target, sha256=digest, version=1)
    chair.last_result(package_id)                                  # → RecordEvent or None
    chair.record_refusal(package_id, expert=fp, digest=d, data=statement_bytes, chair=chair_fp)
    chair.record_not_signed(package_id, fp, by=actor)             # deemed to agree (the rules)
    chair.withdraw_not_signed(package_id, fp, by=actor)
    chair.refusals(package_id); chair.not_signed(package_id)       # what closing states

Each method is one unit of work and returns frozen dataclasses. Sheets are stored as signed bytes
and must be verified again when loaded (:func:`reviewer.scoring.panel.collect`): the database is
not trusted to vouch for a signature. The decisions log is append-only: nothing updates or deletes
a row; the current decisions are those of the newest row. The record log (``chair_record_log``) is
append-only too: each reopening of the signed record before closing, and each result file produced.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.models.orm import (
    ChairClosingFactRow,
    ChairDecisionRow,
    ChairRecordLogRow,
    ChairSheetRow,
    ChairVoteRow,
    utcnow,
)
from reviewer.models.orm.chair import ACTIONS
from reviewer.models.store import Store
from reviewer.scoring.decisions import Actor, PanelDecisions
from reviewer.scoring.decisions_io import parse_decisions
from reviewer.scoring.sheet_types import VerifiedSheet
from reviewer.trust import clock


@dataclass(frozen=True)
class StoredSheet:
    package_id: str
    expert_fingerprint: str
    revision: int
    digest: str
    recused: bool
    source: str
    data: bytes
    imported_at: datetime
    superseded: bool


@dataclass(frozen=True)
class DecisionLogEntry:
    id: int
    package_id: str
    action: str
    subject: str
    by: Actor
    at: str  # ISO 8601 UTC
    why: str
    decisions: PanelDecisions  # as they stood after this change


REOPENED, RESULT = "reopened", "result"
REFUSAL, NOT_SIGNED, WITHDRAWN = "refusal", "not-signed", "withdrawn"


@dataclass(frozen=True)
class ClosingFact:
    """A member's refusal to sign as received (``data``: the statement, to verify again when used),
    or the chair's record that a member did not sign (``not-signed``) or its withdrawal."""

    id: int
    package_id: str
    kind: str  # REFUSAL, NOT_SIGNED or WITHDRAWN
    expert: str  # the member's certificate SHA-256
    at: datetime  # UTC: when the chair received or recorded it
    by: str  # the chair's certificate SHA-256
    digest: str | None = None
    data: bytes | None = None


def _fact(row: ChairClosingFactRow) -> ClosingFact:
    data = None if row.data is None else bytes(row.data)
    return ClosingFact(
        row.id, row.package_id, row.kind, row.expert_fingerprint, row.at, row.by_fingerprint, row.digest, data
    )


@dataclass(frozen=True)
class RecordEvent:
    """One line of the record log: the signed record reopened before closing, or a result file made.

    ``reopened``: ``discarded`` names the signatures discarded, ``reason`` is the chair's,
    ``sha256`` the record file set aside and ``path`` where it was kept. ``result``: ``path``,
    ``sha256`` and ``version`` of the result file."""

    id: int
    package_id: str
    kind: str  # REOPENED or RESULT
    at: datetime  # UTC
    by: Actor
    path: str | None
    sha256: str | None
    version: int | None
    discarded: tuple[str, ...] = ()
    reason: str = ""


def _event(row: ChairRecordLogRow) -> RecordEvent:
    detail = json.loads(row.detail) if row.detail else {}
    return RecordEvent(
        row.id,
        row.package_id,
        row.kind,
        row.at,
        Actor(row.by_name, row.by_fingerprint, "chair"),
        row.path,
        row.sha256,
        row.version,
        tuple(detail.get("discarded", ())),
        detail.get("reason", ""),
    )


def _check_sha256(value: str) -> None:
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError(f"not a SHA-256 in hex: {value!r}")


def _sheet(row: ChairSheetRow) -> StoredSheet:
    return StoredSheet(
        row.package_id,
        row.expert_fingerprint,
        row.revision,
        row.digest,
        row.recused,
        row.source,
        bytes(row.data),
        row.imported_at,
        row.superseded,
    )


def _entry(row: ChairDecisionRow) -> DecisionLogEntry:
    return DecisionLogEntry(
        row.id,
        row.package_id,
        row.action,
        row.subject,
        Actor(row.by_name, row.by_fingerprint, row.by_role),
        clock.iso(row.at),
        row.why,
        parse_decisions(bytes(row.decisions)),
    )


class ChairStore:
    """Repository over ``chair_sheets`` and ``chair_decisions``. ``now`` is injectable for tests."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = utcnow) -> None:
        self._store = store
        self._now = now

    # --- sheets ------------------------------------------------------------------------------

    def record_sheet(
        self, package_id: str, sheet: VerifiedSheet, source: str = "", *, chair: str
    ) -> StoredSheet:
        """Keep an accepted sheet; older versions of the same expert are marked superseded.
        Recording the same sheet again changes nothing and returns the stored one. ``chair``: the
        chair's fingerprint; the sheet is sealed under the chair's store key, whoever unlocked last."""
        with self._store.session(owner=chair) as session:
            found = session.scalar(
                select(ChairSheetRow).where(
                    ChairSheetRow.package_id == package_id, ChairSheetRow.digest == sheet.digest
                )
            )
            if found is not None:
                return _sheet(found)
            session.execute(
                update(ChairSheetRow)
                .where(
                    ChairSheetRow.package_id == package_id,
                    ChairSheetRow.expert_fingerprint == sheet.expert_id,
                    ChairSheetRow.revision < sheet.revision,
                )
                .values(superseded=True)
            )
            newer = session.scalar(
                select(ChairSheetRow.id).where(
                    ChairSheetRow.package_id == package_id,
                    ChairSheetRow.expert_fingerprint == sheet.expert_id,
                    ChairSheetRow.revision > sheet.revision,
                )
            )
            row = ChairSheetRow(
                package_id=package_id,
                expert_fingerprint=sheet.expert_id,
                revision=sheet.revision,
                digest=sheet.digest,
                recused=sheet.recused,
                source=source,
                data=sheet.data,
                imported_at=self._now(),
                superseded=newer is not None,
            )
            session.add(row)
            session.flush()
            return _sheet(row)

    def sheets(self, package_id: str, *, include_superseded: bool = True) -> list[StoredSheet]:
        """In import order (superseded versions first where they came first)."""
        with self._store.reading() as session:
            query = select(ChairSheetRow).where(ChairSheetRow.package_id == package_id)
            if not include_superseded:
                query = query.where(ChairSheetRow.superseded.is_(False))
            return [_sheet(r) for r in session.scalars(query.order_by(ChairSheetRow.id))]

    def sheet_bytes(self, package_id: str) -> list[tuple[str, bytes]]:
        """``(source, bytes)`` of every stored sheet in import order: the input of ``collect``."""
        return [(s.source, s.data) for s in self.sheets(package_id)]

    # --- motions and statements ---------------------------------------------------------------

    def record_vote(
        self,
        package_id: str,
        kind: str,
        digest: str,
        signer: str,
        data: bytes,
        source: str = "",
        *,
        chair: str,
    ) -> bool:
        """Keep a motion (``kind`` ``motion``) or a member's statement (``statement``) exactly as
        signed; False if it was held already. Sealed under the chair's store key."""
        _check_sha256(digest)
        with self._store.session(owner=chair) as session:
            found = session.scalar(
                select(ChairVoteRow.id).where(
                    ChairVoteRow.package_id == package_id, ChairVoteRow.digest == digest
                )
            )
            if found is not None:
                return False
            session.add(
                ChairVoteRow(
                    package_id=package_id,
                    kind=kind,
                    digest=digest,
                    member_fingerprint=signer,
                    source=source,
                    data=data,
                    imported_at=self._now(),
                )
            )
            return True

    def vote_bytes(self, package_id: str, kind: str) -> list[tuple[str, bytes]]:
        """``(source, bytes)`` of every stored motion or statement, in import order."""
        with self._store.reading() as session:
            rows = session.scalars(
                select(ChairVoteRow)
                .where(ChairVoteRow.package_id == package_id, ChairVoteRow.kind == kind)
                .order_by(ChairVoteRow.id)
            )
            return [(r.source, bytes(r.data)) for r in rows]

    # --- decisions ---------------------------------------------------------------------------

    def record_decisions(
        self,
        package_id: str,
        decisions: PanelDecisions,
        *,
        action: str,
        subject: str = "",
        by: Actor,
        why: str = "",
        at: datetime | None = None,
    ) -> DecisionLogEntry:
        """Append one change to the log: ``decisions`` is the whole state after it."""
        if action not in ACTIONS:
            raise ValueError(f"unknown decision action {action!r}")
        if decisions.package_id != package_id:
            raise InvalidInput(
                T(
                    "这些决定属于另一个评审包（{other}）。",
                    "These decisions belong to another package ({other}).",
                    other=decisions.package_id,
                )
            )
        with self._store.session(owner=by.fingerprint) as session:
            row = ChairDecisionRow(
                package_id=package_id,
                action=action,
                subject=subject,
                by_name=by.name,
                by_fingerprint=by.fingerprint,
                by_role=by.role,
                at=at or self._now(),
                why=why,
                decisions=decisions.to_json(),
            )
            session.add(row)
            session.flush()
            return _entry(row)

    def decisions(self, package_id: str) -> PanelDecisions | None:
        """The newest decisions for ``package_id`` (``None`` if the chair decided nothing yet)."""
        with self._store.reading() as session:
            data = session.scalar(
                select(ChairDecisionRow.decisions)
                .where(ChairDecisionRow.package_id == package_id)
                .order_by(ChairDecisionRow.id.desc())
                .limit(1)
            )
        return None if data is None else parse_decisions(bytes(data))

    def log(self, package_id: str) -> list[DecisionLogEntry]:
        """Every change, oldest first."""
        with self._store.reading() as session:
            rows = session.scalars(
                select(ChairDecisionRow)
                .where(ChairDecisionRow.package_id == package_id)
                .order_by(ChairDecisionRow.id)
            )
            return [_entry(row) for row in rows]

    # --- the record's life -------------------------------------------------------------------

    def log_reopened(
        self,
        package_id: str,
        *,
        by: Actor,
        discarded: Sequence[str],
        reason: str,
        sha256: str,
        kept_at: str,
    ) -> RecordEvent:
        """The signed record was reopened before closing: ``discarded`` names the signatures that no
        longer count, ``sha256`` is the record set aside, ``kept_at`` where its file was kept."""
        _check_sha256(sha256)
        if not discarded:
            raise ValueError("a reopening discards at least one signature")
        detail = json.dumps({"discarded": list(discarded), "reason": reason}, ensure_ascii=False)
        return self._append(package_id, REOPENED, by, kept_at, sha256, None, detail)

    def log_result(self, package_id: str, *, by: Actor, path: str, sha256: str, version: int) -> RecordEvent:
        """A result file was written: where, its SHA-256, and its result version."""
        _check_sha256(sha256)
        if version < 1:
            raise ValueError(f"a result version starts at 1, not {version}")
        return self._append(package_id, RESULT, by, path, sha256, version, "")

    def _append(
        self,
        package_id: str,
        kind: str,
        by: Actor,
        path: str | None,
        sha256: str | None,
        version: int | None,
        detail: str,
    ) -> RecordEvent:
        with self._store.session(owner=by.fingerprint) as session:
            row = ChairRecordLogRow(
                package_id=package_id,
                kind=kind,
                at=self._now(),
                by_name=by.name,
                by_fingerprint=by.fingerprint,
                path=path,
                sha256=sha256,
                version=version,
                detail=detail,
            )
            session.add(row)
            session.flush()
            return _event(row)

    def record_log(self, package_id: str, kind: str | None = None) -> list[RecordEvent]:
        """The record's life for ``package_id`` (only ``kind`` if given), oldest first."""
        with self._store.reading() as session:
            query = select(ChairRecordLogRow).where(ChairRecordLogRow.package_id == package_id)
            if kind is not None:
                query = query.where(ChairRecordLogRow.kind == kind)
            return [_event(r) for r in session.scalars(query.order_by(ChairRecordLogRow.id))]

    def last_result(self, package_id: str) -> RecordEvent | None:
        """The newest result file produced for ``package_id`` (None if none yet)."""
        results = self.record_log(package_id, RESULT)
        return results[-1] if results else None

    # --- closing with members who did not sign -----------------------------------------------

    def record_refusal(
        self, package_id: str, *, expert: str, digest: str, data: bytes, chair: str
    ) -> ClosingFact:
        """Keep a member's refusal to sign (verified by the caller) as received; the same refusal
        again changes nothing and returns the stored one."""
        _check_sha256(digest)
        with self._store.session(owner=chair) as session:
            found = session.scalar(
                select(ChairClosingFactRow).where(
                    ChairClosingFactRow.package_id == package_id, ChairClosingFactRow.digest == digest
                )
            )
            if found is not None:
                return _fact(found)
            return self._add_fact(session, package_id, REFUSAL, expert, chair, digest, data)

    def record_not_signed(self, package_id: str, expert: str, *, by: Actor) -> ClosingFact:
        """The chair records that ``expert`` neither signed nor gave written reasons."""
        with self._store.session(owner=by.fingerprint) as session:
            return self._add_fact(session, package_id, NOT_SIGNED, expert, by.fingerprint, None, None)

    def withdraw_not_signed(self, package_id: str, expert: str, *, by: Actor) -> ClosingFact:
        """The chair withdraws that record (the member signed or refused after all)."""
        with self._store.session(owner=by.fingerprint) as session:
            return self._add_fact(session, package_id, WITHDRAWN, expert, by.fingerprint, None, None)

    def _add_fact(
        self,
        session: Session,
        package_id: str,
        kind: str,
        expert: str,
        by: str,
        digest: str | None,
        data: bytes | None,
    ) -> ClosingFact:
        _check_sha256(expert)
        row = ChairClosingFactRow(
            package_id=package_id,
            kind=kind,
            expert_fingerprint=expert,
            at=self._now(),
            by_fingerprint=by,
            digest=digest,
            data=data,
        )
        session.add(row)
        session.flush()
        return _fact(row)

    def closing_facts(self, package_id: str) -> list[ClosingFact]:
        """Every refusal received and not-signed record made for ``package_id``, oldest first."""
        with self._store.reading() as session:
            query = select(ChairClosingFactRow).where(ChairClosingFactRow.package_id == package_id)
            return [_fact(r) for r in session.scalars(query.order_by(ChairClosingFactRow.id))]

    def refusals(self, package_id: str) -> list[ClosingFact]:
        """The refusals received, oldest first (verify each again before using it)."""
        return [f for f in self.closing_facts(package_id) if f.kind == REFUSAL]

    def not_signed(self, package_id: str) -> dict[str, datetime]:
        """The members the chair currently records as not signing, with when it was recorded."""
        marks: dict[str, datetime] = {}
        for f in self.closing_facts(package_id):
            if f.kind == NOT_SIGNED:
                marks[f.expert] = f.at
            elif f.kind == WITHDRAWN:
                marks.pop(f.expert, None)
        return marks
