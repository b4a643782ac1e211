"""Finalising a review from the workbench: what is missing, sign, verify, lock; return notices.

The GUI's finalise step and its return-notice action are thin faces over these functions (they run
them in the background)::

    answers = answers_of(standard, state)              # the workbench's state as sheet answers
    still = missing(standard, state)                   # every problem, each naming its code
    done = finalise(bench, review, binding, identity, out, archive=SheetArchive.default())
    notice = accept_return_notice(bench, review, binding, identity, data, archive=...)

A signed sheet is written to the path the expert chooses (temporary file + rename, never over an
existing file), reopened and verified as its readers will, and only then is the review locked. A
copy is kept in the :class:`SheetArchive` (the data folder): a chair's return notice names the
signed sheet by its digest, and version n+1 is built from that exact sheet.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import Refused
from reviewer.i18n import T, Text
from reviewer.models.workbench import Workbench
from reviewer.paths import data_dir
from reviewer.scoring import progress
from reviewer.scoring.progress import MissingKind
from reviewer.scoring.return_notice import ReturnNotice, open_return_notice, revise_sheet
from reviewer.scoring.sheet import VerifiedSheet, build_recusal, build_sheet, open_sheet, write_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    Evidence,
    FigureCheck,
    FileRef,
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    SheetInvalid,
    YesNoAnswer,
    check_answers,
)
from reviewer.scoring.sheet_types import SHEET_SUFFIX
from reviewer.scoring.workbench_types import (
    Conflict,
    EligibilityState,
    EvidenceKind,
    Review,
    ReviewState,
    ReviewStatus,
    SignedFile,
)
from reviewer.standards.model import Standard
from reviewer.trust import clock
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity

if TYPE_CHECKING:
    from reviewer.scoring.entry import ScoreEntryError

RETURN_SUFFIX = ".rvreturn"


@dataclass(frozen=True)
class Missing:
    """One thing a sheet still lacks: ``code`` is an indicator or item code, or ``conflict``/``pledge``."""

    code: str
    message: Text


@dataclass(frozen=True)
class Finalised:
    """A sheet signed, written, reopened and verified, and the review locked after it."""

    path: Path
    sheet: VerifiedSheet

    @property
    def version(self) -> int:
        return self.sheet.revision

    @property
    def digest(self) -> str:
        return self.sheet.digest

    @property
    def file_sha256(self) -> str:
        return hashlib.sha256(self.sheet.data).hexdigest()


# --- the workbench's state as a sheet ----------------------------------------------------------


def declarations_of(state: ReviewState) -> Declarations:
    d = state.declaration
    return Declarations(
        conflict_declared=d.conflict is Conflict.DECLARED,
        conflict_reason=d.reason or "",
        pledge_accepted=d.pledge_accepted,
        pledge_at=clock.iso(d.pledge_at) if d.pledge_at is not None else None,
    )


def _evidence(state: ReviewState, code: str) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for ref in state.evidence_for(code):
        if ref.kind is EvidenceKind.FILE and ref.file_name and ref.sha256:
            out.append(FileRef(ref.file_name, ref.sha256))
        elif ref.kind is EvidenceKind.MATERIAL and ref.material:
            out.append(MaterialRef(ref.material, ref.page or 1))
    return tuple(dict.fromkeys(out))


def answers_of(standard: Standard, state: ReviewState) -> SheetAnswers:
    """Everything the expert entered, as sheet answers (not yet checked: see :func:`missing`)."""
    scores = {
        leaf.code: ScoreAnswer(
            state.scores[leaf.code], state.comments.get(leaf.code, ""), _evidence(state, leaf.code)
        )
        for leaf in standard.leaves()
        if leaf.code in state.scores and leaf.objective is None
    }
    yes_no = {code: YesNoAnswer(a.answer, a.comment or "") for code, a in state.yes_no.items()}
    eligibility = {
        code: EligibilityAnswer(a.state is EligibilityState.CONFIRMED, a.comment or "")
        for code, a in state.eligibility.items()
    }
    figures = {
        code: FigureCheck(a.state is EligibilityState.CONFIRMED, a.comment or "", _evidence(state, code))
        for code, a in state.figures.items()
    }
    return SheetAnswers(declarations_of(state), scores, yes_no, eligibility, figures)


def missing(standard: Standard, state: ReviewState, materials: set[str] | None = None) -> list[Missing]:
    """What must still be done before the sheet can be signed (empty: ready): the workbench's list
    (:func:`reviewer.scoring.progress.missing`; declarations are named ``conflict`` and ``pledge``),
    the pledge for a recusal too (a locked review has both declarations), and then every remaining
    rule of :func:`~.sheet_model.check_answers` (evidence naming a material the package lacks)."""
    d = state.declaration
    out: list[Missing] = []
    for item in progress.missing(standard, state):
        code = {MissingKind.DECLARATION: "conflict", MissingKind.PLEDGE: "pledge"}.get(item.kind, item.code)
        out.append(Missing(code, item.message))
    if d.conflict is Conflict.DECLARED and not d.pledge_accepted:
        out.append(
            Missing("pledge", T("尚未接受保密承诺。", "The confidentiality pledge has not been accepted."))
        )
    if out or d.conflict is not Conflict.NONE:
        return out
    try:
        check_answers(standard, answers_of(standard, state), materials)
    except SheetInvalid as exc:
        return [Missing(p.code, p.message) for p in exc.problems]
    return []


# --- keeping the signed sheets -----------------------------------------------------------------

_SHEET_NAME = re.compile(rf"sheet-v([1-9][0-9]*){re.escape(SHEET_SUFFIX)}")


class SheetArchive:
    """The expert's own signed sheets and accepted return notices, kept in the data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> SheetArchive:
        return cls(data_dir() / "sheets")

    def _dir(self, review: Review) -> Path:
        return self._dir_of(review.package_id, review.member_fingerprint)

    def _dir_of(self, package_id: str, fingerprint: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in package_id)
        return self.folder / safe / fingerprint[:16]

    def folder_of(self, package_id: str, fingerprint: str) -> Path:
        """The folder kept for the member ``fingerprint`` on ``package_id`` (sheets, notices, statements)."""
        return self._dir_of(package_id, fingerprint)

    def sheet_path(self, review: Review, version: int) -> Path:
        return self._dir(review) / f"sheet-v{version}{SHEET_SUFFIX}"

    def notice_path(self, review: Review, version: int) -> Path:
        """The return notice that opened ``version``."""
        return self._dir(review) / f"return-v{version}{RETURN_SUFFIX}"

    def keep_sheet(self, review: Review, version: int, data: bytes) -> Path:
        return write_atomic(self.sheet_path(review, version), data)

    def keep_notice(self, review: Review, version: int, data: bytes) -> Path:
        return write_atomic(self.notice_path(review, version), data)

    def _read(self, path: Path, what: Text) -> bytes:
        try:
            return path.read_bytes()
        except OSError as exc:
            raise Refused(
                T(
                    "找不到本机保存的{what}（{path}），无法继续。",
                    "The {what} kept on this computer ({path}) is missing; this cannot continue.",
                    what=what,
                    path=str(path),
                )
            ) from exc

    def sheet(self, review: Review, version: int) -> bytes:
        return self._read(self.sheet_path(review, version), T("已签署的评分表", "signed sheet"))

    def notice(self, review: Review, version: int) -> bytes:
        return self._read(self.notice_path(review, version), T("退回通知", "return notice"))

    def newest_sheet(self, package_id: str, fingerprint: str) -> tuple[int, bytes] | None:
        """The newest signed sheet kept for the member ``fingerprint`` on ``package_id``:
        ``(version, bytes)``, or None when none is kept (the chair counts their own from here)."""
        folder = self._dir_of(package_id, fingerprint)
        versions = [
            int(m.group(1))
            for p in (folder.glob(f"sheet-v*{SHEET_SUFFIX}") if folder.is_dir() else ())
            if (m := _SHEET_NAME.fullmatch(p.name)) and p.is_file()
        ]
        if not versions:
            return None
        newest = max(versions)
        return newest, self._read(
            folder / f"sheet-v{newest}{SHEET_SUFFIX}", T("已签署的评分表", "signed sheet")
        )


# --- signing ------------------------------------------------------------------------------------


def _reopen(
    data: bytes, identity: Identity, binding: PackageBinding, previous: VerifiedSheet | None = None
) -> VerifiedSheet:
    """Verify the bytes just written exactly as the chair will (signature, chain, binding, content)."""
    return open_sheet(data, identity, binding, identity.trust_root(), previous=previous)


def _seal(
    review: Review,
    state: ReviewState,
    binding: PackageBinding,
    identity: Identity,
    archive: SheetArchive,
    now: datetime | None,
) -> tuple[bytes, VerifiedSheet | None]:
    """The signed bytes of the review's current version, and the version it corrects (if any)."""
    previous: VerifiedSheet | None = None
    if state.declaration.conflict is Conflict.DECLARED:
        data = build_recusal(
            binding,
            identity,
            state.declaration.reason or "",
            pledge_at=declarations_of(state).pledge_at,
            now=now,
        )
    elif state.version == 1:
        data = build_sheet(binding, identity, answers_of(review.standard, state), now=now)
    else:
        previous = _reopen(archive.sheet(review, state.version - 1), identity, binding)
        notice = open_return_notice(archive.notice(review, state.version), identity, binding, sheet=previous)
        answers = answers_of(review.standard, state)
        named = set(notice.codes)
        data = revise_sheet(
            binding,
            identity,
            previous,
            notice,
            scores={c: a for c, a in answers.scores.items() if c in named},
            yes_no={c: a for c, a in answers.yes_no.items() if c in named},
            figures={c: a for c, a in answers.figures.items() if c in named},
            now=now,
        )
    return data, previous


def finalise(
    bench: Workbench,
    review: Review,
    binding: PackageBinding,
    identity: Identity,
    out: str | Path,
    *,
    archive: SheetArchive,
    now: datetime | None = None,
) -> Finalised:
    """Sign the review's current version (a score sheet, version n+1 after a return, or a recusal),
    write it to ``out``, verify it by reopening it, keep a copy, then lock the review."""
    state = bench.snapshot(review)
    if state.status is ReviewStatus.FINALISED:
        raise Refused(
            T(
                "第 {n} 版评分表已签署并锁定。",
                "Version {n} of the sheet is already signed and locked.",
                n=state.version,
            )
        )
    problems = missing(review.standard, state, set(binding.materials or ()) or None)
    if problems:
        raise SheetInvalid([_as_error(p) for p in problems])
    data, previous = _seal(review, state, binding, identity, archive, now)
    path = write_sheet(out, data)
    sheet = _reopen(path.read_bytes(), identity, binding, previous)
    archive.keep_sheet(review, state.version, sheet.data)
    signed = SignedFile(str(path), hashlib.sha256(sheet.data).hexdigest(), sheet.digest)
    bench.lock(review, state.version, signed)
    return Finalised(path, sheet)


def preview_pdf(
    bench: Workbench,
    review: Review,
    binding: PackageBinding,
    identity: Identity,
    *,
    archive: SheetArchive,
    candidate: str | None = None,
) -> bytes:
    """The sheet :func:`finalise` would sign now, as its printable PDF will show it, marked as a
    preview without a signature: built and verified in memory only (nothing written, nothing locked).
    Raises what finalising would (:class:`SheetInvalid` while something is missing)."""
    from reviewer.export.sheet_pdf import sheet_pdf

    state = bench.snapshot(review)
    problems = missing(review.standard, state, set(binding.materials or ()) or None)
    if problems:
        raise SheetInvalid([_as_error(p) for p in problems])
    data, previous = _seal(review, state, binding, identity, archive, None)
    sheet = _reopen(data, identity, binding, previous)
    return sheet_pdf(sheet, review.standard, candidate=candidate, preview=True)


def _as_error(problem: Missing) -> ScoreEntryError:  # a ScoreEntryError, so SheetInvalid names each code
    from reviewer.scoring.entry import ScoreEntryError

    return ScoreEntryError(problem.message, code=problem.code)


def accept_return_notice(
    bench: Workbench,
    review: Review,
    binding: PackageBinding,
    identity: Identity,
    data: bytes,
    *,
    archive: SheetArchive,
) -> ReturnNotice:
    """Check the chair's notice against the sheet signed last, then unlock only the codes it names
    (version n+1, with its reason); the notice is kept for signing that version."""
    state = bench.snapshot(review)
    if state.status is not ReviewStatus.FINALISED:
        raise Refused(
            T(
                "当前评分表尚未签署定稿，不需要退回通知。",
                "The current sheet has not been signed yet; a return notice does not apply.",
            )
        )
    previous = _reopen(archive.sheet(review, state.version), identity, binding)
    notice = open_return_notice(data, identity, binding, sheet=previous)
    version = bench.unlock(review, notice.codes, notice.reason)
    archive.keep_notice(review, version, data)
    return notice
