"""The panel's votes in the result bundle: a change without the approvals, a forged vote or a dissent
not signed by its author is refused when the chair builds the bundle and when the ministry opens it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from bundle_world import CHAIR, DISSENT, DISSENTER, BundleWorld, bundle_world
from test_bundle import forge

from reviewer.errors import NotAnArtifact
from reviewer.export.bundle import build_bundle, open_bundle
from reviewer.export.bundle_format import ForeignContent
from reviewer.packages import open_package
from reviewer.scoring.decisions import Actor, DissentDecision
from reviewer.scoring.statement import open_statement
from reviewer.scoring.votes import ChangeNotAdopted, VoteNotSigned

__all__ = ["bundle_world"]


def _build(w: BundleWorld, decisions: bytes, **kw: object) -> bytes:
    args = {"motions": w.motions, "statements": w.statements, **kw}
    with open_package(w.package, w.ids[CHAIR]) as opened:
        return build_bundle(w.ids[CHAIR], opened, sheets=list(w.sheets.values()), decisions=decisions,
                            reconciliation=w.reconciliation, record_pdf=w.record_signed, **args)  # fmt: skip


def test_the_ministry_sees_the_votes_and_the_signed_dissent(bundle_world: BundleWorld) -> None:
    w = bundle_world
    opened = open_bundle(w.bundle, w.ministry, w.root)
    (change,) = opened.decisions.consensus
    assert (
        change.ground == "extreme"
        and len(change.votes) == 5
        and {v.vote for v in change.votes} == {"approve"}
    )
    (dissent,) = opened.decisions.dissents
    assert (
        dissent.expert == w.ids[DISSENTER].fingerprint == dissent.by.fingerprint and dissent.text == DISSENT
    )
    assert dissent.statement_sha256 in {s.digest for s in opened.statements}
    assert len(opened.motions) == 1 and len(opened.statements) == 5


def test_a_change_without_the_approvals_is_refused_at_build_and_import(bundle_world: BundleWorld) -> None:
    w = bundle_world
    c = w.decisions.consensus[0]
    # only two members answered (only their statements carried): the chair + 2 of 6 voters
    kept = {v.statement_sha256 for v in c.votes[:2]}
    carried = tuple(
        d for d in w.statements if open_statement(d, w.ids[CHAIR], w.binding, w.root).digest in kept
    )
    two = replace(
        w.decisions,
        consensus=(replace(c, votes=c.votes[:2]),),
        opinion=replace(
            o := w.decisions.opinion, votes=tuple(v for v in o.votes if v.statement_sha256 in kept)
        ),
        dissents=tuple(d for d in w.decisions.dissents if d.statement_sha256 in kept),
    )
    with pytest.raises(ChangeNotAdopted, match=r"2\.1.*3 approved.*of 6 voters; 4 approvals are needed"):
        _build(w, two.to_json(), statements=carried)
    with pytest.raises(ChangeNotAdopted, match=r"2\.1"):
        open_bundle(forge(w, decisions=two.to_json(), statements=carried), w.ministry, w.root)
    # with every statement carried, leaving the other votes out is itself refused
    with pytest.raises(VoteNotSigned, match="left out of the decisions"):
        open_bundle(forge(w, decisions=two.to_json()), w.ministry, w.root)


def test_votes_without_their_statements_are_refused(bundle_world: BundleWorld) -> None:
    w = bundle_world
    with pytest.raises(VoteNotSigned, match="not carried"):
        _build(w, w.decisions.to_json(), statements=w.statements[:-1])
    with pytest.raises(VoteNotSigned, match="not carried"):
        open_bundle(forge(w, statements=w.statements[:-1]), w.ministry, w.root)


def test_a_forged_dissent_is_refused_at_import(bundle_world: BundleWorld) -> None:
    w = bundle_world
    (dissent,) = w.decisions.dissents
    chair = Actor(w.ids[CHAIR].name, w.ids[CHAIR].fingerprint, "chair")
    typed = w.decisions.with_dissent(replace(dissent, text="组长代写：结论过宽。"))
    with pytest.raises(VoteNotSigned, match="differs from their signed statement"):
        open_bundle(forge(w, decisions=typed.to_json()), w.ministry, w.root)
    by_chair = w.decisions.with_dissent(replace(dissent, by=chair))
    with pytest.raises(Exception, match="chair cannot enter it for them"):
        open_bundle(forge(w, decisions=by_chair.to_json()), w.ministry, w.root)
    other = w.ids["li-zhe"]
    borrowed = w.decisions.with_dissent(
        DissentDecision(
            other.fingerprint,
            DISSENT,
            Actor(other.name, other.fingerprint, "expert"),
            dissent.at,
            dissent.statement_sha256,
        )
    )
    with pytest.raises(VoteNotSigned, match="signed by 周淼, not by them"):
        open_bundle(forge(w, decisions=borrowed.to_json()), w.ministry, w.root)


def test_a_motion_among_the_statements_is_refused(bundle_world: BundleWorld) -> None:
    w = bundle_world
    with pytest.raises(NotAnArtifact, match="not a member's statement"):
        open_bundle(forge(w, statements=(w.motions[0], *w.statements)), w.ministry, w.root)
    with pytest.raises(ForeignContent, match="Motion 1"):  # a motion of the chair of another package
        open_bundle(forge(w, motions=(other_motion(w),)), w.ministry, w.root)


def other_motion(w: BundleWorld) -> bytes:
    from reviewer.scoring.motion import build_motion
    from reviewer.scoring.sheet_binding import PackageBinding

    with open_package(w.other_package, w.ids[CHAIR]) as opened:
        return build_motion(w.ids[CHAIR], PackageBinding.of(opened), changes=[], opinion=w.decisions.opinion)


def test_the_record_is_not_built_for_a_change_without_the_approvals(bundle_world: BundleWorld) -> None:
    from reviewer.export.panel_record import panel_record_input
    from reviewer.scoring.reconcile import reconcile
    from reviewer.scoring.sheet import open_sheet

    w = bundle_world
    verified = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]
    c = w.decisions.consensus[0]
    proposal = replace(w.decisions, consensus=(replace(c, motion_sha256=None, votes=()),))
    rec = reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified],
                    proposal.to_engine_decisions())  # fmt: skip
    with open_package(w.package, w.ids[CHAIR]) as opened, pytest.raises(ChangeNotAdopted) as info:
        panel_record_input(w.binding, opened.candidate(), verified, rec, proposal)
    assert "0 approved (—)" in str(info.value) and "of 6 voters" in str(info.value)


def test_attack_a_bundle_carrying_other_rules_than_the_package_sealed_is_refused(
    bundle_world: BundleWorld,
) -> None:
    """The ministry recomputes with the sealed procedure.json only: a bundle carrying other rules
    (here: the other shipped set) is refused against the package's signed manifest."""
    from reviewer.export.bundle import _package_files
    from reviewer.standards.panel_rules import load_panel_rules
    from tests.permissive import permissive_rules

    w = bundle_world
    with open_package(w.package, w.ids[CHAIR]) as opened:
        files = dict(_package_files(opened))
    other = next(
        r.document for r in (load_panel_rules(), permissive_rules()) if r.document != files["procedure.json"]
    )
    files["procedure.json"] = other
    with pytest.raises(
        ForeignContent, match=r"procedure\.json differs from the one in the package's signed manifest"
    ):
        open_bundle(forge(w, package_files=files), w.ministry, w.root)


def test_attack_an_outsider_reads_no_name_in_the_bundle(bundle_world: BundleWorld) -> None:
    """The result bundle (with its motions, statements and dissent inside): its bytes, ZIP central
    directory, JSON members and their base64 values name no member, organisation or candidate."""
    import base64
    import binascii
    import contextlib
    import io
    import zipfile

    from tests.export.conftest import PANEL
    from tests.scoring.sheet_fixtures import CANDIDATE

    def decoded(value: object) -> list[bytes]:
        if isinstance(value, dict):
            return [b for v in (*value.keys(), *value.values()) for b in decoded(v)]
        if isinstance(value, list):
            return [b for v in value for b in decoded(v)]
        out = [value.encode()] if isinstance(value, str) else []
        for text in out[:1]:
            for decode in (base64.b64decode, base64.urlsafe_b64decode):
                with contextlib.suppress(binascii.Error, ValueError):
                    out.append(decode(text + b"=" * (-len(text) % 4)))
        return out

    w = bundle_world
    with zipfile.ZipFile(io.BytesIO(w.bundle)) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    secrets = [s for _key, name, org, _t, _r in PANEL for s in (name, org)]
    secrets += [CANDIDATE["name"], CANDIDATE["city"], DISSENT]
    assert "header.json" in members and len(secrets) == 2 * len(PANEL) + 3
    pieces = [w.bundle, *members.values(), *(n.encode() for n in members)]
    for name, body in members.items():
        if name.endswith(".json"):
            pieces += decoded(json.loads(body))
    for secret in secrets:
        assert not any(secret.encode() in p for p in pieces), secret


def test_attack_a_motion_misstating_the_computed_aggregate_is_refused(bundle_world: BundleWorld) -> None:
    """The chair tells the panel the computed aggregate was other than it is (to make a change look
    like a small one, or an extreme score like one): the members voted on a false premise."""
    from decimal import Decimal

    from bundle_world import RECUSED, decisions_for

    from reviewer.scoring.motion import Change, build_motion, open_motion
    from reviewer.scoring.statement import Vote, build_statement
    from reviewer.scoring.votes import MotionMisstated, apply_statements

    w = bundle_world
    draft = decisions_for(w.ids, w.binding.package_id)
    (c,) = draft.consensus
    data = build_motion(w.ids[CHAIR], w.binding, changes=[Change(c.code, c.value, Decimal("9.5"), c.ground,
                        c.rationale)], opinion=draft.opinion)  # fmt: skip
    motion = open_motion(data, w.ids[CHAIR], w.binding, w.root)
    raws, opened = [], []
    for key in (k for k in w.ids if k not in (CHAIR, RECUSED)):
        raw = build_statement(w.ids[key], w.binding, motion=motion, votes=[Vote(c.code, "approve")],
                              opinion="approve", dissent=DISSENT if key == DISSENTER else None)  # fmt: skip
        raws.append(raw)
        opened.append(open_statement(raw, w.ids[CHAIR], w.binding, w.root, motion=motion))
    decisions = apply_statements(draft, motion, opened)
    with pytest.raises(MotionMisstated, match=r"2\.1.*9\.5"):
        _build(w, decisions.to_json(), motions=(data,), statements=tuple(raws))
    with pytest.raises(MotionMisstated, match=r"2\.1.*9\.5"):
        open_bundle(forge(w, decisions=decisions.to_json(), motions=(data,), statements=tuple(raws)),
                    w.ministry, w.root)  # fmt: skip
