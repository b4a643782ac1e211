"""The expert's workbench: every change to a review committed at once, audited, undoable.

    bench = Workbench(store)
    review = bench.open_review(package_id, fingerprint, package_path=path, standard=standard)
    bench.declare(review, Conflict.NONE); bench.accept_pledge(review)
    bench.set_score(review, "1.1", "6.5")          # checked against the standard, then committed
    bench.undo(review); bench.redo(review)
    state = bench.snapshot(review)                 # everything, as one frozen ReviewState

Each method is one unit of work (``BEGIN IMMEDIATE`` … ``COMMIT``, fsynced: WAL with
``synchronous=FULL``): when it returns, the change and its audit entry are on disk together; when it
raises, nothing was written. Where the expert was (:meth:`set_position`) is kept too but is not
audited and not undoable: it is a cursor, not a change to the review.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.models import evidence_files, undo_stacks
from reviewer.models import workbench_read as readside
from reviewer.models import workbench_rules as rules
from reviewer.models import workbench_slots as slots
from reviewer.models.orm import (
    AuditRow,
    EvidenceRefRow,
    ReturnedCodeRow,
    ReviewRow,
    SheetVersionRow,
    SiteNoteRow,
    utcnow,
)
from reviewer.models.store import Store
from reviewer.scoring import entry
from reviewer.scoring.workbench_types import (
    AuditEntry,
    Conflict,
    EligibilityState,
    EvidenceNotFound,
    EvidenceRef,
    NotFinalised,
    NothingToRedo,
    NothingToUndo,
    ReasonRequired,
    Review,
    ReviewMismatch,
    ReviewRecused,
    ReviewState,
    ReviewStatus,
    Role,
    SignedFile,
    SiteNote,
    WrongVersion,
)
from reviewer.standards.model import EvidenceMethod, Standard


def _text(value: str | None) -> str | None:
    """Blank text is no text."""
    return value if value is not None and value.strip() else None


class Workbench:
    """Repository over the workbench tables. Safe to share; it holds no session."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- opening -----------------------------------------------------------------------------

    def open_review(
        self,
        package_id: str,
        member_fingerprint: str,
        *,
        package_path: str | os.PathLike[str],
        standard: Standard,
        role: Role = Role.MEMBER,
    ) -> Review:
        """The review of this package by this member, created on first opening, resumed after."""
        with self._store.session(owner=member_fingerprint) as s:
            row = s.scalar(
                select(ReviewRow).where(
                    ReviewRow.package_id == package_id, ReviewRow.member_fingerprint == member_fingerprint
                )
            )
            if row is None:
                row = ReviewRow(
                    package_id=package_id,
                    member_fingerprint=member_fingerprint,
                    package_path=os.fspath(package_path),
                    standard_id=standard.id,
                    standard_version=standard.version,
                    role=Role(role).value,
                    conflict=Conflict.UNDECLARED.value,
                    pledge_accepted=False,
                    status=ReviewStatus.OPEN.value,
                    version=1,
                )
                s.add(row)
                s.flush()
                s.add(SheetVersionRow(review_id=row.id, version=1, reason=None))
            elif (row.standard_id, row.standard_version) != (standard.id, standard.version):
                raise ReviewMismatch(
                    T(
                        "该评审包的评审已按标准 {old} 开始，现在打开的标准是 {new}，无法继续。",
                        "This package's review was started with the standard {old}; it now comes with "
                        "{new}, so the review cannot continue.",
                        old=f"{row.standard_id} {row.standard_version}",
                        new=f"{standard.id} {standard.version}",
                    )
                )
            else:
                row.package_path = os.fspath(package_path)  # the file may have moved
            return Review(row.id, package_id, member_fingerprint, standard, Role(row.role))

    def snapshot(self, review: Review) -> ReviewState:
        with self._store.reading() as s:
            return readside.state(s, rules.review_row(s, review))

    def history(self, review: Review) -> tuple[AuditEntry, ...]:
        """The audit log of this review, oldest first."""
        with self._store.reading() as s:
            rules.review_row(s, review)
            return readside.history(s, review.id)

    # --- declarations and position -----------------------------------------------------------

    def declare(self, review: Review, conflict: Conflict, reason: str | None = None) -> None:
        """No conflict of interest, or one declared with a reason (then the review is recused)."""
        conflict = Conflict(conflict)
        if conflict is Conflict.UNDECLARED:
            raise ValueError("declare NONE or DECLARED")
        reason = _text(reason)
        if conflict is Conflict.DECLARED and reason is None:
            raise ReasonRequired(
                T("声明利益冲突时必须说明理由。", "Say why when you declare a conflict of interest.")
            )
        new = {"conflict": conflict.value, "reason": reason if conflict is Conflict.DECLARED else None}
        self._change(review, "declaration", "conflict", new)

    def accept_pledge(self, review: Review) -> None:
        """The confidentiality pledge, accepted now (accepting again keeps the first time)."""
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            if row.pledge_accepted:
                return
            rules.guard(s, row, "declaration", None)
            slots.change(s, row, "declaration", "pledge", {"accepted": True, "at": slots.iso(utcnow())})

    def set_position(self, review: Review, code: str | None, tab: str | None = None) -> None:
        """Remember the selected indicator and the active tab, so reopening resumes there."""
        if code is not None and not entry.known_code(review.standard, code):
            entry.leaf(review.standard, code)  # raises UnknownIndicator naming the code
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            row.position_code, row.position_tab = code, tab

    # --- the sheet ---------------------------------------------------------------------------

    def set_score(self, review: Review, code: str, value: object) -> Decimal | None:
        """Check ``value`` against the standard (range, step) and store it; ``None`` clears the score.

        A comment the standard requires is not demanded here (the expert types the score first);
        :func:`reviewer.scoring.entry.check_comment` is applied when the sheet is finalised.
        """
        entry.check_not_objective(review.standard, code)
        if value is None:
            entry.leaf(review.standard, code)
        checked = None if value is None else entry.check_score(review.standard, code, value)
        self._change(review, "score", code, None if checked is None else str(checked))
        return checked

    def set_comment(self, review: Review, code: str, comment: str | None) -> None:
        entry.leaf(review.standard, code)
        self._change(review, "comment", code, _text(comment))

    def answer_yes_no(
        self, review: Review, code: str, answer: bool | None, comment: str | None = None
    ) -> None:
        """Answer a yes/no item (a veto or a gate); ``None`` withdraws the answer."""
        entry.check_yes_no_code(review.standard, code)
        new = None if answer is None else {"answer": bool(answer), "comment": _text(comment)}
        self._change(review, "yes_no", code, new)

    def answer_eligibility(
        self, review: Review, code: str, state: EligibilityState | None, comment: str | None = None
    ) -> None:
        """Confirm an eligibility condition, or flag it with a comment; ``None`` withdraws the answer."""
        entry.check_eligibility_code(review.standard, code)
        if state is not None and EligibilityState(state) is EligibilityState.FLAGGED:
            entry.check_flag_comment(code, comment)
        new = None if state is None else {"state": EligibilityState(state).value, "comment": _text(comment)}
        self._change(review, "eligibility", code, new)

    def check_figure(
        self, review: Review, code: str, state: EligibilityState | None, comment: str | None = None
    ) -> None:
        """An objective leaf's figure: confirmed (确认数据), or flagged (数据存疑) with a comment; ``None``
        withdraws the answer. A flag's evidence is added like any indicator's (:meth:`add_evidence`);
        finalising requires it."""
        entry.check_objective_code(review.standard, code)
        if state is not None and EligibilityState(state) is EligibilityState.FLAGGED:
            entry.check_flag_comment(code, comment)
        new = None if state is None else {"state": EligibilityState(state).value, "comment": _text(comment)}
        self._change(review, "figure", code, new)

    def add_evidence(
        self,
        review: Review,
        code: str,
        *,
        material: str | None = None,
        page: int | None = None,
        file_name: str | None = None,
        data: bytes | None = None,
        note: str | None = None,
    ) -> EvidenceRef:
        """Evidence for an indicator or item: a package material (and page), or an attached file.

        An attached file's bytes go into the store (``evidence_files``, one copy per owner and
        SHA-256, sealed under the owner's key) in the same transaction as the reference, so a
        reference never points at a missing file.
        """
        rules.check_evidence_code(review.standard, code)
        if (material is None) == (data is None) or (data is not None and not file_name):
            raise ValueError("give either a material (and page) or a file name and its bytes")
        if page is not None and page < 1:
            raise ValueError("pages are numbered from 1")
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            rules.guard(s, row, "evidence", code)
            digest = size = None
            if data is not None:
                digest, size = hashlib.sha256(data).hexdigest(), len(data)
                evidence_files.keep(s, self._store.keys, review.member_fingerprint, digest, data)
            ref = EvidenceRefRow(
                review_id=row.id,
                code=code,
                kind="file" if data is not None else "material",
                material=material,
                page=page,
                file_name=file_name,
                sha256=digest,
                size=size,
                note=_text(note),
                added_at=utcnow(),
            )
            s.add(ref)
            s.flush()
            row.updated_at = utcnow()
            slots.record(s, row, "evidence", str(ref.id), None, slots.evidence_value(ref))
            return readside.evidence_ref(ref)

    def attach_file(
        self, review: Review, code: str, path: str | os.PathLike[str], note: str | None = None
    ) -> EvidenceRef:
        """Attach a site-visit file (photo, note) from disk as evidence for ``code``."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(
                T(
                    "无法读取要附加的文件 {path}：{err}",
                    "Cannot read the file to attach, {path}: {err}",
                    path=str(path),
                    err=exc.strerror or str(exc),
                )
            ) from exc
        return self.add_evidence(review, code, file_name=path.name, data=data, note=note)

    def remove_evidence(self, review: Review, evidence_id: int) -> None:
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            old = slots.read(s, row, "evidence", str(evidence_id))
            if old is None:
                raise EvidenceNotFound(
                    T("找不到证据 {id}。", "No evidence {id} in this review.", id=evidence_id)
                )
            rules.guard(s, row, "evidence", old["code"])
            slots.write(s, row, "evidence", str(evidence_id), None)
            slots.record(s, row, "evidence", str(evidence_id), old, None)

    def evidence_file(self, sha256: str, owner: str | None = None) -> bytes:
        """The bytes of an attached file, checked against their hash (see :func:`.evidence_files.read`)."""
        return evidence_files.read(self._store, sha256, owner)

    # --- private notes -----------------------------------------------------------------------

    def set_scratchpad(self, review: Review, text: str) -> None:
        self._change(review, "scratchpad", "", text or "")

    def add_site_note(
        self, review: Review, activity: EvidenceMethod, text: str, codes: Iterable[str] = ()
    ) -> SiteNote:
        """A time-stamped note for a site-visit activity, linked to the indicators it informs."""
        activity = EvidenceMethod(activity)
        linked = tuple(dict.fromkeys(codes))
        for code in linked:
            if not entry.known_code(review.standard, code):
                entry.leaf(review.standard, code)  # raises UnknownIndicator naming the code
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            note = SiteNoteRow(
                review_id=row.id,
                activity=activity.value,
                codes=json.dumps(list(linked)),
                text=text,
                noted_at=utcnow(),
            )
            s.add(note)
            s.flush()
            row.updated_at = note.noted_at
            slots.record(
                s, row, "site_note", str(note.id), None, slots.read(s, row, "site_note", str(note.id))
            )
            return readside.site_note(note)

    # --- undo and redo -----------------------------------------------------------------------

    def undo(self, review: Review) -> AuditEntry:
        """Revert the last change (recorded in the log as an ``undo``); returns that log entry."""
        return self._step(review, undo=True)

    def redo(self, review: Review) -> AuditEntry:
        """Re-apply the last undone change, unless a new change came since."""
        return self._step(review, undo=False)

    def _step(self, review: Review, *, undo: bool) -> AuditEntry:
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            top = undo_stacks.top(s, row.id, "undo" if undo else "redo")
            if top is None:
                if undo:
                    raise NothingToUndo(T("没有可撤销的修改。", "There is nothing to undo."))
                raise NothingToRedo(T("没有可重做的修改。", "There is nothing to redo."))
            target = s.get_one(AuditRow, top)
            value = slots.loads(target.old_value if undo else target.new_value)
            current = slots.read(s, row, target.entity, target.key)
            rules.guard(s, row, target.entity, slots.code_of(target.entity, target.key, current, value))
            slots.write(s, row, target.entity, target.key, value)
            done = slots.record(
                s, row, target.entity, target.key, current, value, "undo" if undo else "redo", target.id
            )
            return readside.audit_entry(done)

    # --- finalising and returns --------------------------------------------------------------

    def lock(self, review: Review, version: int, signed: SignedFile | None = None) -> None:
        """Lock the sheet after version ``version`` was finalised and signed: nothing changes after.

        ``signed``: the file that was signed, kept with the version in the same transaction, so
        every page can show it (where, its SHA-256) after a restart."""
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            if row.status == ReviewStatus.FINALISED:
                raise rules.locked()
            if version != row.version:
                raise WrongVersion(
                    T(
                        "当前评分表是第 {cur} 版，不能锁定第 {v} 版。",
                        "The sheet being worked on is version {cur}; version {v} cannot be locked.",
                        cur=row.version,
                        v=version,
                    )
                )
            rules.require_declarations(row)
            old = {"status": row.status, "version": row.version}
            row.status = ReviewStatus.FINALISED.value
            row.updated_at = utcnow()
            version_row = rules.version_row(s, row)
            version_row.finalised_at = row.updated_at
            if signed is not None:
                version_row.file_path = signed.path
                version_row.file_sha256 = signed.file_sha256
                version_row.digest = signed.digest
            slots.record(
                s, row, "sheet", str(version), old, {"status": row.status, "version": version}, "lock"
            )

    def unlock(self, review: Review, codes: Iterable[str], reason: str) -> int:
        """Apply a chair's return notice: only ``codes`` become editable, in version n+1 (returned)."""
        reason_text = _text(reason)
        if reason_text is None:
            raise ReasonRequired(T("退回修改必须说明理由。", "A return for correction needs a reason."))
        unlocked = rules.returned_codes(review.standard, codes)
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            if row.status != ReviewStatus.FINALISED:
                raise NotFinalised(
                    T(
                        "评分表尚未定稿签名，不能退回修改。",
                        "The sheet has not been finalised and signed, so it cannot be returned.",
                    )
                )
            if row.conflict == Conflict.DECLARED:
                raise ReviewRecused(
                    T("回避声明不能退回修改评分。", "A recusal cannot be returned for scoring corrections.")
                )
            old = {"status": row.status, "version": row.version}
            row.version += 1
            row.status = ReviewStatus.OPEN.value
            row.updated_at = utcnow()
            version = SheetVersionRow(review_id=row.id, version=row.version, reason=reason_text)
            s.add(version)
            s.flush()
            s.add_all(ReturnedCodeRow(sheet_version_id=version.id, code=c) for c in unlocked)
            new = {
                "status": row.status,
                "version": row.version,
                "codes": list(unlocked),
                "reason": reason_text,
            }
            slots.record(s, row, "sheet", str(row.version), old, new, "unlock")
            return row.version

    # --- rules -------------------------------------------------------------------------------

    def _change(self, review: Review, entity: str, key: str, new: object) -> None:
        with self._store.session(owner=review.member_fingerprint) as s:
            row = rules.review_row(s, review)
            rules.guard(s, row, entity, slots.code_of(entity, key, new, slots.read(s, row, entity, key)))
            slots.change(s, row, entity, key, new)
