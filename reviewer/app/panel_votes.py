"""The panel's votes on the chair's proposals, Qt-free (each function one unit of work, run on a
worker through :class:`~reviewer.ui.tasks.Task`, testable without widgets).

    changes, opinion = proposals(state, reconciliation)             # what a motion would put
    motion = put_to_panel(review, state, reconciliation, folder)    # signed, verified, kept
    held = load_votes(review, state, folder)                        # at opening: the motion and statements
    imported = import_statements(review, state, held.motion, offered, folder)
    data = sign_statement(member, state, motion, votes=…, opinion=…, dissent=…)

The chair's motion (``.rvmotion``) and the members' statements (``.rvstatement``) are kept, as signed
and encrypted (to the members, the chair and the ministry), in the chair's folder of the package
(``<data>/chair/<package id>/motions/`` and ``statements/``), named by their digest; each is verified
again when the package is opened. The decisions that follow (the motion cited, the votes, the members'
own dissents) are the core's (:mod:`reviewer.scoring.votes`) and are logged by the caller like every
other decision (:func:`reviewer.app.chair_work.record_decisions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import Refused, ReviewerError
from reviewer.files import write_atomic
from reviewer.i18n import T, Text
from reviewer.scoring import motion as motions
from reviewer.scoring import statement as statements
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.motion import Change, Motion, MotionOpinion
from reviewer.scoring.panel import PanelState
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.statement import Statement, Vote
from reviewer.scoring.votes import Tally, apply_statements, change_tally, latest_answers, opinion_tally
from reviewer.standards.panel_rules import Approval

if TYPE_CHECKING:
    from reviewer.app.opening import OpenedReview
    from reviewer.trust.identity import Identity

MOTIONS = "motions"
STATEMENTS = "statements"
MOTION_SUFFIX = ".rvmotion"
STATEMENT_SUFFIX = ".rvstatement"


@dataclass(frozen=True)
class HeldVotes:
    """The motion the decisions cite (else the newest held) and the statements answering it."""

    motion: Motion | None
    statements: tuple[Statement, ...]  # oldest first


@dataclass(frozen=True)
class StatementOutcome:
    """One offered statement file: accepted (with the statement) or refused with the reason."""

    source: str
    statement: Statement | None
    reason: Text | str = ""

    @property
    def accepted(self) -> bool:
        return self.statement is not None


@dataclass(frozen=True)
class Imported:
    outcomes: tuple[StatementOutcome, ...]
    held: HeldVotes
    decisions: PanelDecisions  # the votes and the members' dissents filled in (to be logged)


def proposals(
    state: PanelState, reconciliation: Reconciliation
) -> tuple[tuple[Change, ...], MotionOpinion | None]:
    """What a motion puts to the panel now: every consensus change not yet adopted (with the
    computed aggregate it replaces) and the draft opinion unless its text is already approved."""
    adopted = set(state.adopted())
    changes = []
    for c in state.decisions.consensus:
        if c.code in adopted:
            continue
        aggregate = reconciliation.indicator(c.code).aggregate
        if aggregate is None:
            raise Refused(
                T(
                    "指标 {code} 尚无计算汇总分（无专家评分），不能提请变更。",
                    "Indicator {code} has no computed aggregate (no expert scored it); no change can be proposed.",
                    code=c.code,
                )
            )
        changes.append(Change(c.code, c.value, aggregate, c.ground, c.rationale))
    opinion = state.decisions.opinion
    draft = None
    if opinion is not None:
        t = opinion_tally(opinion, state.voters(), state.chair)
        if not state.rules.opinion_approval.reached(t.approvals, t.voters):
            draft = MotionOpinion.of(opinion)
    return tuple(changes), draft


def put_to_panel(
    review: OpenedReview, state: PanelState, reconciliation: Reconciliation, folder: Path
) -> Motion:
    """The chair's motion of the current proposals and draft opinion: signed by the chair, verified
    as a member's app will verify it, and kept in ``folder``/motions. The caller records the
    decisions it cites (:func:`reviewer.scoring.votes.with_motion`)."""
    changes, draft = proposals(state, reconciliation)
    data = motions.build_motion(
        review.identity, state.binding, changes=changes, opinion=draft, rules=state.rules
    )
    motion = motions.open_motion(
        data, review.identity, state.binding, review.identity.trust_root(), rules=state.rules
    )
    write_atomic(folder / MOTIONS / f"{motion.digest}{MOTION_SUFFIX}", data)
    return motion


def save_motion_copy(motion: Motion, target: Path) -> Path:
    """The motion file, as signed, where the chair chooses (for members voting on their own laptops)."""
    return write_atomic(target, motion.data)


def _cited(decisions: PanelDecisions) -> set[str]:
    out = {c.motion_sha256 for c in decisions.consensus if c.motion_sha256}
    if decisions.opinion is not None and decisions.opinion.motion_sha256:
        out.add(decisions.opinion.motion_sha256)
    return out


def load_votes(review: OpenedReview, state: PanelState, folder: Path) -> HeldVotes:
    """The motions and statements kept in ``folder``, each verified again (one that no longer
    verifies is left out): the motion the decisions cite, else the newest, with its statements."""
    root = review.identity.trust_root()
    held: list[Motion] = []
    for path in sorted((folder / MOTIONS).glob(f"*{MOTION_SUFFIX}")):
        try:
            held.append(
                motions.open_motion(
                    path.read_bytes(), review.identity, state.binding, root, rules=state.rules
                )
            )
        except ReviewerError:
            continue
    if not held:
        return HeldVotes(None, ())
    cited = _cited(state.decisions)
    motion = max(held, key=lambda m: (m.digest in cited, m.created, m.digest))
    answers: list[Statement] = []
    for path in sorted((folder / STATEMENTS).glob(f"*{STATEMENT_SUFFIX}")):
        try:
            s = statements.open_statement(
                path.read_bytes(), review.identity, state.binding, root, motion=motion
            )
        except ReviewerError:
            continue
        answers.append(s)
    return HeldVotes(motion, tuple(sorted(answers, key=lambda s: (s.created, s.digest))))


def read_statement_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(Path(p).name, Path(p).read_bytes()) for p in paths]


def _not_voting(state: PanelState, s: Statement) -> Refused | None:
    if s.kind != "vote":
        return Refused(
            T("这不是表决意见（是拒绝签字声明）。", "This is not a vote (it is a refusal to sign).")
        )
    if s.member.fingerprint not in state.voters():
        return Refused(
            T(
                "{name}已回避，不参加表决。",
                "{name} recused and does not vote.",
                name=s.member.name,
            )
        )
    return None


def import_statements(
    review: OpenedReview,
    state: PanelState,
    motion: Motion | None,
    offered: Sequence[tuple[str, bytes]],
    folder: Path,
    held: Sequence[Statement] = (),
) -> Imported:
    """Verify each offered statement against ``motion`` (signed by a voting member of this panel,
    answering this motion, every change voted on); keep the accepted ones in ``folder``/statements;
    the decisions with every member's newest votes and dissent (the caller logs them)."""
    if motion is None:
        raise Refused(
            T(
                "尚未提请专家组表决：请先在本页提交专家组表决，再导入成员的表决意见。",
                "Nothing has been put to the panel yet: put the proposals to the panel first, then import "
                "the members' votes.",
            )
        )
    root = review.identity.trust_root()
    kept = {s.digest: s for s in held}
    outcomes = []
    for source, data in offered:
        try:
            s = statements.open_statement(data, review.identity, state.binding, root, motion=motion)
        except ReviewerError as exc:
            outcomes.append(StatementOutcome(source, None, exc.message))
            continue
        problem = _not_voting(state, s)
        if problem is not None:
            outcomes.append(StatementOutcome(source, None, problem.message))
            continue
        write_atomic(folder / STATEMENTS / f"{s.digest}{STATEMENT_SUFFIX}", data)
        kept[s.digest] = s
        outcomes.append(StatementOutcome(source, s))
    answers = tuple(sorted(kept.values(), key=lambda s: (s.created, s.digest)))
    decisions = apply_statements(state.decisions, motion, answers)
    return Imported(tuple(outcomes), HeldVotes(motion, answers), decisions)


def newest_answers(held: HeldVotes) -> dict[str, Statement]:
    """Each member's newest statement answering the held motion."""
    return {} if held.motion is None else latest_answers(held.motion, held.statements)


def sign_statement(
    member: Identity,
    state: PanelState,
    motion: Motion,
    *,
    votes: Sequence[Vote],
    opinion: str | None,
    dissent: str | None,
) -> bytes:
    """A member's statement answering ``motion``, signed with their own key (unlocked by them on the
    chair's laptop); the chair then imports it like any other (:func:`import_statements`)."""
    return statements.build_statement(
        member, state.binding, motion=motion, votes=votes, opinion=opinion, dissent=dissent
    )


UNMOVED, PENDING, ADOPTED, REJECTED = "unmoved", "pending", "adopted", "rejected"


@dataclass(frozen=True)
class VoteStatus:
    """Where a proposal stands: not yet put to the panel, pending (votes still awaited), adopted
    (approvals reached the rule: the chair by the motion and the members approving) or rejected
    (every voter answered without reaching it)."""

    status: str  # unmoved | pending | adopted | rejected
    approve: tuple[str, ...]  # fingerprints, the chair first when moved
    object: tuple[str, ...]
    voters: int
    needed: int


def _status(moved: bool, t: Tally, approval: Approval) -> VoteStatus:
    needed = approval.needed(t.voters)
    if approval.reached(t.approvals, t.voters):
        status = ADOPTED
    elif not moved:
        status = UNMOVED
    elif t.approvals + len(t.object) >= t.voters or t.voters - len(t.object) < needed:
        status = REJECTED  # the approvals can no longer reach the rule
    else:
        status = PENDING
    return VoteStatus(status, t.approve, t.object, t.voters, needed)


def change_status(state: PanelState, code: str) -> VoteStatus | None:
    """The status of the consensus change proposed on ``code`` (None: no change proposed)."""
    c = state.decisions.consensus_for(code)
    if c is None:
        return None
    t = change_tally(c, state.voters(), state.chair)
    return _status(c.motion_sha256 is not None, t, state.rules.change_approval)


def opinion_status(state: PanelState) -> VoteStatus | None:
    """The status of the opinion text (None: no opinion saved)."""
    o = state.decisions.opinion
    if o is None:
        return None
    t = opinion_tally(o, state.voters(), state.chair)
    return _status(o.motion_sha256 is not None, t, state.rules.opinion_approval)
