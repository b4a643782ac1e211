"""The panel's votes from the chair's window, Qt-free (each function one unit of work, run on a
worker through :class:`~reviewer.ui.tasks.Task`, testable without widgets).

    changes, opinion = proposals(state, reconciliation)              # what a motion would put
    state = put_to_panel(review, state, reconciliation, chair_store)  # signed, verified, kept
    held = held_votes(state)                                          # the motion and its answers
    state, outcomes = take_statements(state, offered, chair_store)    # verified, kept, applied
    data = sign_statement(member, state, motion, votes=…, opinion=…, dissent=…)

The chair's motions and the members' statements are kept as signed (and encrypted) in the chair
store (:meth:`reviewer.models.chair.ChairStore.record_vote`; restored and verified again when the
package is opened: :func:`reviewer.app.chair_work.restore_votes`). The decisions that follow (the
motion cited, the votes, the members' own dissents) are the core's
(:meth:`reviewer.scoring.panel.PanelState.with_votes`) and are logged by the caller like every other
decision (:func:`reviewer.app.chair_work.record_decisions`). The command line's use cases are in
:mod:`reviewer.app.chair_work`; these are the window's (a motion of the proposals not yet adopted,
no file written until the chair saves one, a recused member's statement refused).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.app.chair_work import read_vote_file
from reviewer.errors import Refused, ReviewerError
from reviewer.files import write_atomic
from reviewer.i18n import T
from reviewer.models.chair import ChairStore
from reviewer.scoring import motion as motions
from reviewer.scoring import statement as statements
from reviewer.scoring.decisions import PanelDecisions
from reviewer.scoring.motion import Change, Motion, MotionOpinion
from reviewer.scoring.panel import PanelState, VoteOutcome
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.statement import Statement, Vote
from reviewer.scoring.votes import Tally, change_tally, opinion_tally
from reviewer.standards.panel_rules import Approval

if TYPE_CHECKING:
    from reviewer.app.opening import OpenedReview
    from reviewer.trust.identity import Identity


@dataclass(frozen=True)
class HeldVotes:
    """The motion the decisions cite (else the newest held) and the statements answering it."""

    motion: Motion | None
    statements: tuple[Statement, ...]  # in the order they arrived


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
    review: OpenedReview, state: PanelState, reconciliation: Reconciliation, chair_store: ChairStore | None
) -> PanelState:
    """The chair's motion of the current proposals and draft opinion: signed by the chair, verified
    as a member's app will verify it, kept in the chair store; the state holding it, its decisions
    citing it (the caller logs them)."""
    changes, draft = proposals(state, reconciliation)
    data = motions.build_motion(
        review.identity, state.binding, changes=changes, opinion=draft, rules=state.rules
    )
    motion = motions.open_motion(
        data, review.identity, state.binding, review.identity.trust_root(), rules=state.rules
    )
    if chair_store is not None:
        chair = state.chair
        chair_store.record_vote(state.binding.package_id, "motion", motion.digest, chair, data, chair=chair)
    return state.with_votes([motion])


def save_motion_copy(motion: Motion, target: Path) -> Path:
    """The motion file, as signed, where the chair chooses (for members voting on their own laptops)."""
    return write_atomic(target, motion.data)


def _cited(decisions: PanelDecisions) -> set[str]:
    out = {c.motion_sha256 for c in decisions.consensus if c.motion_sha256}
    if decisions.opinion is not None and decisions.opinion.motion_sha256:
        out.add(decisions.opinion.motion_sha256)
    return out


def held_votes(state: PanelState) -> HeldVotes:
    """The motion the members answer now (the newest held, preferring one the decisions cite) and
    the statements answering it, in the order they arrived."""
    if not state.motions:
        return HeldVotes(None, ())
    cited = _cited(state.decisions)
    motion = max(state.motions, key=lambda m: (m.created, m.digest in cited, m.digest))
    answers = [s for s in state.statements if s.kind == "vote" and s.motion_sha256 == motion.digest]
    return HeldVotes(motion, tuple(answers))


def read_statement_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    return [(Path(p).name, read_vote_file(Path(p))) for p in paths]


def take_statements(
    state: PanelState, offered: Sequence[tuple[str, bytes]], chair_store: ChairStore | None
) -> tuple[PanelState, tuple[VoteOutcome, ...]]:
    """Verify each offered statement as the chair (signed by a member of this panel, answering a
    motion held, every change voted on); a member who recused is refused (they do not vote); keep
    the accepted ones in the chair store; the state with the votes and the members' own dissents
    applied (the caller logs its decisions)."""
    if not state.motions:
        raise Refused(
            T(
                "尚未提请专家组表决：请先提交专家组表决，再导入成员的表决意见。",
                "Nothing has been put to the panel yet: put the proposals to the panel first, then import "
                "the members' votes.",
            )
        )
    voters = set(state.voters())
    kept: list[tuple[str, bytes]] = []
    refused: dict[int, VoteOutcome] = {}
    for n, (source, data) in enumerate(offered):
        try:
            s = statements.open_statement(data, state.identity, state.binding, state.identity.trust_root())
        except ReviewerError:  # the core's import below says why
            kept.append((source, data))
            continue
        if s.kind != "vote" or s.member.fingerprint not in voters:
            why = (
                T("{name}已回避，不参加表决。", "{name} recused and does not vote.", name=s.member.name)
                if s.kind == "vote"
                else T("这不是表决意见（是拒绝签字声明）。", "This is not a vote (it is a refusal to sign).")
            )
            refused[n] = VoteOutcome(source, False, why, s.member.fingerprint, s.member.name, s.digest)
            continue
        kept.append((source, data))
    after, outcomes = state.import_votes((), kept)
    if chair_store is not None:
        package_id, chair = state.binding.package_id, state.chair
        by_digest = {s.digest: s for s in after.statements}
        for o in outcomes:
            held = by_digest.get(o.digest or "")
            if o.accepted and held is not None:
                chair_store.record_vote(
                    package_id,
                    "statement",
                    held.digest,
                    held.member.fingerprint,
                    held.data,
                    o.source,
                    chair=chair,
                )
    ordered, it = [], iter(outcomes)
    for n in range(len(offered)):
        ordered.append(refused[n] if n in refused else next(it))
    return after, tuple(ordered)


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
    status = _status(c.motion_sha256 is not None, t, state.rules.change_approval)
    if status.status == ADOPTED and code in state.stale():
        # voted on an aggregate the sheets no longer give: to be put to the panel again
        return replace(status, status=PENDING)
    return status


def opinion_status(state: PanelState) -> VoteStatus | None:
    """The status of the opinion text (None: no opinion saved)."""
    o = state.decisions.opinion
    if o is None:
        return None
    t = opinion_tally(o, state.voters(), state.chair)
    return _status(o.motion_sha256 is not None, t, state.rules.opinion_approval)


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
    chair's laptop); the chair then takes it like any other (:func:`take_statements`)."""
    return statements.build_statement(
        member, state.binding, motion=motion, votes=votes, opinion=opinion, dissent=dissent
    )
