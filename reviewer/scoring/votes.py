"""The panel's votes: who votes, when a change is adopted, and the decisions checked against the
signed motions and statements they cite.

    voters = panel_voters(binding.roster, recused)                 # non-recused members, chair included
    adopted = adopted_codes(decisions, rules, voters, chair)       # changes that reached the approval rule
    require_adopted(decisions, rules, voters, chair, names)        # ChangeNotAdopted otherwise
    check_against_statements(decisions, motions, statements)       # VoteNotSigned for anything forged
    decisions = apply_statements(decisions, motion, statements)    # votes and dissents from statements

The chair's motion counts as the chair's approval of every change and of the opinion text in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.packages.manifest import RosterMember
from reviewer.scoring.decisions import CastVote, ConsensusDecision, DissentDecision, Opinion, PanelDecisions
from reviewer.scoring.motion import Change, Motion
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.statement import Statement
from reviewer.scoring.stats import canonical
from reviewer.standards.panel_rules import PanelRules


class ChangeNotAdopted(Refused):
    """A consensus change did not reach the approvals the panel rules require."""


class VoteNotSigned(Refused):
    """A vote, approval or dissent in the decisions is not what the cited signed statement says."""


class MotionMisstated(Refused):
    """A motion told the panel another computed aggregate than the sheets give: the members voted on
    a false premise."""


@dataclass(frozen=True)
class Tally:
    """The votes on one change or on the opinion, the chair (by the motion) counted as approving."""

    approve: tuple[str, ...]  # fingerprints, the chair first when counted
    object: tuple[str, ...]
    voters: int

    @property
    def approvals(self) -> int:
        return len(self.approve)


def panel_voters(roster: Iterable[RosterMember], recused: Iterable[str]) -> tuple[str, ...]:
    """Who votes: every member on the roster who is not recused, the chair included."""
    out = set(recused)
    return tuple(m.cert_sha256 for m in roster if m.cert_sha256 not in out)


def tally(votes: Sequence[CastVote], voters: Sequence[str], chair: str, *, moved: bool) -> Tally:
    """The chair approves by the motion (when ``moved``); members' votes count only if they vote."""
    eligible = set(voters)
    approve = [chair] if moved and chair in eligible else []
    approve += [v.expert for v in votes if v.vote == "approve" and v.expert in eligible and v.expert != chair]
    against = [v.expert for v in votes if v.vote == "object" and v.expert in eligible and v.expert != chair]
    return Tally(tuple(approve), tuple(against), len(eligible))


def change_tally(c: ConsensusDecision, voters: Sequence[str], chair: str) -> Tally:
    return tally(c.votes, voters, chair, moved=c.motion_sha256 is not None)


def opinion_tally(o: Opinion, voters: Sequence[str], chair: str) -> Tally:
    return tally(o.votes, voters, chair, moved=o.motion_sha256 is not None)


def adopted_codes(
    decisions: PanelDecisions, rules: PanelRules, voters: Sequence[str], chair: str
) -> tuple[str, ...]:
    """The consensus changes the panel adopted: approvals reach ``rules.change_approval``."""
    out = []
    for c in decisions.consensus:
        t = change_tally(c, voters, chair)
        if rules.change_approval.reached(t.approvals, t.voters):
            out.append(c.code)
    return tuple(out)


def require_adopted(
    decisions: PanelDecisions,
    rules: PanelRules,
    voters: Sequence[str],
    chair: str,
    names: Mapping[str, str],
) -> None:
    """Every consensus change reached the required approvals (ChangeNotAdopted naming the
    indicator, the votes and the rule otherwise)."""
    adopted = set(adopted_codes(decisions, rules, voters, chair))
    for c in decisions.consensus:
        if c.code in adopted:
            continue
        t = change_tally(c, voters, chair)

        def who(fps: Sequence[str]) -> str:
            return "、".join(names.get(fp, fp[:12]) for fp in fps) or "—"

        raise ChangeNotAdopted(
            T(
                "指标 {code} 的变更（{value} 分，依据：{ground}）未获专家组通过：同意 {a} 人（{yes}），"
                "反对 {o} 人（{no}），表决人数 {n}，需 {need} 人同意（{rule}；{source}）。"
                "请将变更提请专家组表决并导入成员的签名声明，或撤回该变更。",
                "The change of indicator {code} ({value}, ground: {ground}) was not adopted by the panel: "
                "{a} approved ({yes}), {o} objected ({no}) of {n} voters; {need} approvals are needed "
                "({rule}; {source}). Put the change to the panel and import the members' signed "
                "statements, or withdraw it.",
                code=c.code,
                value=canonical(c.value),
                ground=_ground(rules, c.ground),
                a=t.approvals,
                yes=who(t.approve),
                o=len(t.object),
                no=who(t.object),
                n=t.voters,
                need=rules.change_approval.needed(t.voters),
                rule=rules.change_approval.describe(),
                source=rules.changes_source.text(),
            )
        )


def _ground(rules: PanelRules, code: str) -> object:
    g = rules.ground(code)
    return code if g is None else g.text()


def _forged(zh: str, en: str, **args: object) -> VoteNotSigned:
    return VoteNotSigned(T(zh, en, **args))


def _statement_of(
    statements: Mapping[str, Statement], digest: str, expert: str, names: Mapping[str, str], what: str
) -> Statement:
    s = statements.get(digest)
    name = names.get(expert, expert[:12])
    if s is None:
        raise _forged(
            "{name}的{what}引用的签名声明（{d}）未随附，不予接受。",
            "The signed statement ({d}) cited for {what} of {name} is not carried; it is refused.",
            name=name,
            what=what,
            d=digest[:16],
        )
    if s.member.fingerprint != expert:
        raise _forged(
            "{name}的{what}引用的声明是{other}签署的，不是本人签署的，不予接受。",
            "The statement cited for {what} of {name} was signed by {other}, not by them; it is refused.",
            name=name,
            what=what,
            other=s.member.name,
        )
    if s.kind != "vote":
        raise _forged(
            "{name}的{what}引用的不是表决声明。",
            "The statement cited for {what} of {name} is not a vote.",
            name=name,
            what=what,
        )
    return s


def check_against_statements(
    decisions: PanelDecisions,
    motions: Mapping[str, Motion],
    statements: Mapping[str, Statement],
    names: Mapping[str, str],
) -> None:
    """Every vote, opinion approval and dissent is what the cited statement, signed by that member
    answering that motion, says; every motion cited is carried and proposes what the decision holds."""
    for c in decisions.consensus:
        if c.motion_sha256 is None:
            continue
        motion = motions.get(c.motion_sha256)
        change = None if motion is None else motion.change(c.code)
        if change is None or (change.value, change.ground, change.rationale) != (
            c.value,
            c.ground,
            c.rationale,
        ):
            raise _forged(
                "指标 {code} 的变更（分值、依据或理由）与所引用的表决提请不符（或提请未随附），不予接受。",
                "The change of indicator {code} (its value, ground or rationale) differs from the motion it "
                "cites (or the motion is not carried); it is refused.",
                code=c.code,
            )
        for v in c.votes:
            s = _statement_of(statements, v.statement_sha256, v.expert, names, f"对指标 {c.code} 的表决")
            answer = s.vote_on(c.code)
            if s.motion_sha256 != c.motion_sha256 or answer is None or answer.vote != v.vote:
                raise _forged(
                    "{name}对指标 {code} 的表决与其签名声明不符，不予接受。",
                    "The vote of {name} on indicator {code} differs from their signed statement; it is refused.",
                    name=s.member.name,
                    code=c.code,
                )
    o = decisions.opinion
    if o is not None and o.motion_sha256 is not None:
        motion = motions.get(o.motion_sha256)
        if motion is None or motion.opinion is None or not o.same_text(motion.opinion):
            raise _forged(
                "专家组意见与所引用的表决提请中的草稿不符（或提请未随附），不予接受。",
                "The panel opinion differs from the draft in the motion it cites (or the motion is not "
                "carried); it is refused.",
            )
        for v in o.votes:
            s = _statement_of(statements, v.statement_sha256, v.expert, names, "对专家组意见的表决")
            if s.motion_sha256 != o.motion_sha256 or s.opinion != v.vote:
                raise _forged(
                    "{name}对专家组意见的表决与其签名声明不符，不予接受。",
                    "The vote of {name} on the panel opinion differs from their signed statement; it is refused.",
                    name=s.member.name,
                )
    for d in decisions.dissents:
        s = _statement_of(statements, d.statement_sha256, d.expert, names, "保留意见")
        if s.dissent != d.text or d.by.fingerprint != d.expert:
            raise _forged(
                "{name}的保留意见与其签名声明不符（保留意见只能由本人签署），不予接受。",
                "The dissent of {name} differs from their signed statement (a dissent is signed by its "
                "author only); it is refused.",
                name=s.member.name,
            )
    _check_complete(decisions, motions, statements, names)


def _check_complete(
    decisions: PanelDecisions,
    motions: Mapping[str, Motion],
    statements: Mapping[str, Statement],
    names: Mapping[str, str],
) -> None:
    """What the carried statements say is all in the decisions: each member's **newest** answer to a
    motion is the one cited (an older vote of the same member is superseded), no carried vote is left
    out, and each member's dissent is the one of their newest answer to the latest motion they
    answered (as :func:`apply_statements` replays them), none hidden, none withdrawn kept."""

    def name(fp: str) -> str:
        return names.get(fp, fp[:12])

    def same(
        votes: Sequence[CastVote], answers: Mapping[str, Statement], code: str | None, what: str
    ) -> None:
        cited = {v.expert: v for v in votes}
        for fp, s in answers.items():
            answered = s.opinion if code is None else getattr(s.vote_on(code), "vote", None)
            if answered is None:
                continue
            v = cited.get(fp)
            if v is None:
                raise _forged(
                    "{name}对{what}的签名表决随附于结果包，却未记入决定，不予接受。请重新导入全部成员声明。",
                    "The signed vote of {name} on {what} is carried but left out of the decisions; it is "
                    "refused. Import all the members' statements again.",
                    name=name(fp),
                    what=what,
                )
            if v.statement_sha256 != s.digest:
                raise _forged(
                    "{name}对{what}的表决引用了其较早的声明，而其较新的声明（{d}）随附于结果包：以成员最新的"
                    "声明为准，不予接受。请重新导入全部成员声明。",
                    "The vote of {name} on {what} cites an earlier statement of theirs while a newer one ({d}) "
                    "is carried: a member's newest statement counts; it is refused. Import all the members' "
                    "statements again.",
                    name=name(fp),
                    what=what,
                    d=s.digest[:16],
                )

    held = tuple(statements.values())
    for c in decisions.consensus:
        if c.motion_sha256 is not None and c.motion_sha256 in motions:
            answers = latest_answers(motions[c.motion_sha256], held)
            same(c.votes, answers, c.code, f"指标 {c.code}")
    o = decisions.opinion
    if o is not None and o.motion_sha256 is not None and o.motion_sha256 in motions:
        same(o.votes, latest_answers(motions[o.motion_sha256], held), None, "专家组意见")
    newest: dict[str, Statement] = {}
    for m in sorted(motions.values(), key=lambda m: (m.created, m.digest)):
        newest.update(latest_answers(m, held))
    recorded = {d.expert: d for d in decisions.dissents}
    for fp, s in newest.items():
        d = recorded.get(fp)
        if (s.dissent is None) != (d is None) or (d is not None and d.statement_sha256 != s.digest):
            raise _forged(
                "{name}最新的签名声明中的保留意见（{state}）与决定不符：保留意见以成员最新的声明为准，"
                "组长不能删去或保留已撤回的保留意见。请重新导入全部成员声明。",
                "The dissent of {name} differs from their newest signed statement ({state}): a member's "
                "newest statement decides their dissent; the chair can neither drop it nor keep a "
                "withdrawn one. Import all the members' statements again.",
                name=name(fp),
                state=T("有保留意见", "it holds one")
                if s.dissent is not None
                else T("无保留意见", "it holds none"),
            )


def check_aggregates(
    decisions: PanelDecisions, motions: Iterable[Motion], reconciliation: Reconciliation
) -> None:
    """Each change put to the panel told the members the computed aggregate the sheets give
    (``reconciliation``, recomputed): :class:`MotionMisstated` naming the indicator otherwise."""
    by_digest = {m.digest: m for m in motions}
    for c in decisions.consensus:
        motion = by_digest.get(c.motion_sha256 or "")
        change = None if motion is None else motion.change(c.code)
        if change is None:
            continue
        computed = reconciliation.indicator(c.code).aggregate
        if computed is None or change.aggregate != computed:
            raise MotionMisstated(
                T(
                    "表决提请称指标 {code} 的计算值为 {said}，而评分表计算所得为 {real}：成员是在不实的前提下"
                    "表决的，不予接受。请按当前计算值重新提请专家组表决。",
                    "The motion told the panel the computed aggregate of indicator {code} was {said}; the "
                    "sheets give {real}: the members voted on a false premise; it is refused. Put the change "
                    "to the panel again with the current aggregate.",
                    code=c.code,
                    said=canonical(change.aggregate),
                    real="—" if computed is None else canonical(computed),
                )
            )


def latest_answers(motion: Motion, statements: Iterable[Statement]) -> dict[str, Statement]:
    """Each member's newest vote statement answering ``motion``."""
    out: dict[str, Statement] = {}
    for s in statements:
        if s.kind != "vote" or s.motion_sha256 != motion.digest:
            continue
        held = out.get(s.member.fingerprint)
        if held is None or (s.created, s.digest) > (held.created, held.digest):
            out[s.member.fingerprint] = s
    return out


def with_motion(decisions: PanelDecisions, motion: Motion) -> PanelDecisions:
    """Mark the consensus changes and the opinion the motion put to the panel (votes start empty)."""
    consensus = []
    for c in decisions.consensus:
        change = motion.change(c.code)
        moved = change is not None and change.value == c.value and change.ground == c.ground
        if moved and c.motion_sha256 != motion.digest:
            c = replace(c, motion_sha256=motion.digest, votes=())
        consensus.append(c)
    opinion = decisions.opinion
    if (
        opinion is not None
        and motion.opinion is not None
        and opinion.same_text(motion.opinion)
        and opinion.motion_sha256 != motion.digest
    ):
        opinion = replace(opinion, motion_sha256=motion.digest, votes=())
    return replace(decisions, consensus=tuple(consensus), opinion=opinion)


def apply_statements(
    decisions: PanelDecisions, motion: Motion, statements: Iterable[Statement]
) -> PanelDecisions:
    """The votes and dissents of the members' statements answering ``motion`` (each member's newest)
    filled into the decisions the motion put to the panel (votes already recorded from earlier
    statements stay unless the member answered again); a member's dissent is their own text."""
    decisions = with_motion(decisions, motion)
    answers = latest_answers(motion, statements)
    consensus = []
    for c in decisions.consensus:
        if c.motion_sha256 == motion.digest:
            votes = {v.expert: v for v in c.votes}
            for fp, s in answers.items():
                v = s.vote_on(c.code)
                if v is not None:
                    votes[fp] = CastVote(fp, v.vote, s.digest)
            c = replace(c, votes=tuple(votes.values()))
        consensus.append(c)
    opinion = decisions.opinion
    if opinion is not None and opinion.motion_sha256 == motion.digest:
        held = {v.expert: v for v in opinion.votes}
        for fp, s in answers.items():
            if s.opinion is not None:
                held[fp] = CastVote(fp, s.opinion, s.digest)
        opinion = replace(opinion, votes=tuple(held.values()))
    result = replace(decisions, consensus=tuple(consensus), opinion=opinion)
    for fp, s in answers.items():
        if s.dissent is None:
            result = result.without_dissent(fp)
        else:
            result = result.with_dissent(DissentDecision(fp, s.dissent, s.member, s.created, s.digest))
    return result


def motion_changes(decisions: PanelDecisions, reconciliation: Reconciliation) -> list[Change]:
    """The consensus changes of ``decisions`` as a motion proposes them: each with the computed
    aggregate it replaces (from ``reconciliation``), its ground and rationale."""
    out = []
    for c in decisions.consensus:
        aggregate = reconciliation.indicator(c.code).aggregate
        if aggregate is None:
            raise Refused(
                T(
                    "指标 {code} 尚无计算值（没有评分），不能提请变更。",
                    "Indicator {code} has no computed aggregate yet (no scores); no change can be proposed.",
                    code=c.code,
                )
            )
        out.append(Change(c.code, c.value, aggregate, c.ground, c.rationale))
    return out


def chair_dissent_refused() -> VoteNotSigned:
    """What the chair is told when trying to enter a member's dissent (issue 18: no longer allowed)."""
    return _forged(
        "保留意见须由成员本人撰写并签名（成员声明）；组长导入其声明后自动记入，不能代为填写。",
        "A dissent is written and signed by the member (their statement); it is recorded when the chair "
        "imports it, and cannot be entered for them.",
    )
