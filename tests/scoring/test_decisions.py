"""The panel's decisions (reviewer.decisions/2): canonical form, strict reading with field paths,
checks against the package, the engine's view."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.scoring.decisions import (
    FORMAT,
    Actor,
    ConsensusDecision,
    DissentDecision,
    ExplanationDecision,
    Opinion,
    PanelDecisions,
    ReturnDecision,
    VisitInfo,
)
from reviewer.scoring.decisions_io import DecisionsInvalid, check_decisions, parse_decisions
from reviewer.scoring.inputs import ConsensusScore, Explanation
from reviewer.standards import load_standard

STANDARD = (
    Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
)
CHAIR = Actor("王堃", "c" * 64, "chair")
EXPERT = Actor("赵鑫", "e" * 64, "expert")
AT = "2026-06-17T08:00:00Z"


def sample() -> PanelDecisions:
    return (
        PanelDecisions("pkg-1")
        .with_consensus(
            ConsensusDecision("3.2", Decimal("4.5"), "合议：以园区企业自有产品为准", CHAIR, AT, "extreme")
        )
        .with_explanation(ExplanationDecision(EXPERT.fingerprint, "2.1", "按可核实的研发投入计算", CHAIR, AT))
        .with_return(ReturnDecision(EXPERT.fingerprint, 1, ("3.2",), "请核实名品证据", "a" * 64, CHAIR, AT))
        .with_opinion(
            Opinion(("产业集聚明显",), ("研发投入偏低",), ("加强研发",), "同意整改后通过", CHAIR, AT)
        )
        .with_dissent(DissentDecision(EXPERT.fingerprint, "对 2.1 的评分保留意见", EXPERT, AT, "d" * 64))
        .with_visit(VisitInfo(("2026-06-16", "2026-06-15"), "江苏省南京市"))
    )


def test_canonical_json_round_trips_and_is_stable() -> None:
    d = sample()
    data = d.to_json()
    doc = json.loads(data)
    assert doc["format"] == FORMAT == "reviewer.decisions/2"
    assert doc["consensus"] == [
        {
            "code": "3.2",
            "value": "4.5",
            "rationale": "合议：以园区企业自有产品为准",
            "by": {"name": "王堃", "fingerprint": "c" * 64, "role": "chair"},
            "at": AT,
            "ground": "extreme",
            "motion_sha256": None,
            "votes": [],
        }
    ]
    assert doc["dissents"][0]["statement_sha256"] == "d" * 64
    assert doc["visit"] == {"dates": ["2026-06-15", "2026-06-16"], "place": "江苏省南京市"}
    again = parse_decisions(data)
    assert again == d and again.to_json() == data
    assert (
        b"\\u" not in data
        and data == json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    )


def test_engine_view_carries_who_and_when() -> None:
    engine = sample().to_engine_decisions()
    assert engine.consensus["3.2"] == ConsensusScore(
        Decimal("4.5"), "合议：以园区企业自有产品为准", "c" * 64, AT
    )
    assert engine.explanations == (Explanation("e" * 64, "2.1", "按可核实的研发投入计算"),)


def test_changes_replace_per_key_and_returns_only_accumulate() -> None:
    d = sample()
    d2 = d.with_consensus(ConsensusDecision("3.2", Decimal("5"), "再议", CHAIR, AT, "extreme"))
    assert len(d2.consensus) == 1 and d2.consensus_for("3.2").value == Decimal("5")
    assert d2.without_consensus("3.2").consensus == ()
    d3 = d.with_return(ReturnDecision(EXPERT.fingerprint, 2, ("1.1",), "again", "b" * 64, CHAIR, AT))
    assert len(d3.returns) == 2
    assert d.without_dissent(EXPERT.fingerprint).dissents == ()
    assert d.without_explanation(EXPERT.fingerprint, "2.1").explanations == ()
    assert PanelDecisions("p").empty and not d.empty


def _doc(**extra: object) -> bytes:
    return json.dumps({"format": FORMAT, "package_id": "pkg-1", **extra}, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        (b"{not json", ""),
        (json.dumps({"format": "reviewer.decisions/3", "package_id": "p"}).encode(), "format"),
        (json.dumps({"format": "reviewer.decisions/1", "package_id": "p"}).encode(), "format"),
        (_doc(consensus=[{"code": "3.2", "value": "4.5", "rationale": "r"}]), "consensus[0].ground"),
        (
            _doc(consensus=[{"code": "3.2", "value": "4.5", "rationale": "r", "ground": " "}]),
            "consensus[0].ground",
        ),
        (json.dumps({"format": FORMAT}).encode(), "package_id"),
        (_doc(extra=1), "extra"),
        (
            _doc(
                consensus=[{"code": "3.2", "value": "4.5", "ground": "extreme", "rationale": "r", "by": None}]
            ),
            "consensus[0].by",
        ),
        (
            _doc(consensus=[{"code": "3.2", "value": "4.5", "ground": "extreme", "rationale": " "}]),
            "consensus[0].rationale",
        ),
        (
            _doc(consensus=[{"code": "3.2", "value": 4.5, "ground": "extreme", "rationale": "r"}]),
            "consensus[0].value",
        ),
        (
            _doc(consensus=[{"code": "3.2", "value": "NaN", "ground": "extreme", "rationale": "r"}]),
            "consensus[0].value",
        ),
        (
            _doc(
                consensus=[
                    {"code": "3.2", "value": "4", "rationale": "r", "ground": "extreme", "at": "yesterday"}
                ]
            ),
            "consensus[0].at",
        ),
        (
            _doc(
                consensus=[
                    {"code": "1.1", "value": "4", "ground": "extreme", "rationale": "r"},
                    {"code": "1.1", "value": "5", "ground": "extreme", "rationale": "s"},
                ]
            ),
            "consensus[1]",
        ),
        (_doc(explanations=[{"expert": "E" * 64, "code": "2.1", "text": "t"}]), "explanations[0].expert"),
        (
            _doc(
                returns=[
                    {
                        "expert": "e" * 64,
                        "revision": 0,
                        "codes": ["1.1"],
                        "reason": "r",
                        "notice_sha256": "a" * 64,
                    }
                ]
            ),
            "returns[0].revision",
        ),
        (
            _doc(
                returns=[
                    {"expert": "e" * 64, "revision": 1, "codes": [], "reason": "r", "notice_sha256": "a" * 64}
                ]
            ),
            "returns[0].codes",
        ),
        (
            _doc(opinion={"strengths": [], "problems": [], "recommendations": [""], "conclusion": "c"}),
            "opinion.recommendations[0]",
        ),
        (
            _doc(
                dissents=[
                    {"expert": "e" * 64, "text": "a", "statement_sha256": "d" * 64},
                    {"expert": "e" * 64, "text": "b", "statement_sha256": "d" * 64},
                ]
            ),
            "dissents[1]",
        ),
        (_doc(visit={"dates": ["2026-02-30"], "place": "南京"}), "visit.dates[0]"),
        (_doc(visit={"dates": [], "place": "南京"}), "visit.dates"),
        (
            _doc(
                consensus=[
                    {
                        "code": "3.2",
                        "value": "4",
                        "rationale": "r",
                        "ground": "extreme",
                        "by": {"name": "x", "fingerprint": "c" * 64, "role": "boss"},
                    }
                ]
            ),
            "consensus[0].by.role",
        ),
    ],
)
def test_bad_fields_are_named_by_their_path(doc: bytes, path: str) -> None:
    with pytest.raises(DecisionsInvalid) as info:
        parse_decisions(doc, default_by=CHAIR, default_at=AT)
    assert info.value.path == path
    assert info.value.exit_code == 3
    assert (path or "/") in str(info.value)


def test_who_and_when_are_required_unless_defaults_are_given() -> None:
    draft = _doc(consensus=[{"code": "3.2", "value": "4.5", "rationale": "r", "ground": "extreme"}])
    with pytest.raises(DecisionsInvalid) as info:
        parse_decisions(draft)
    assert info.value.path == "consensus[0].by"
    filled = parse_decisions(draft, default_by=CHAIR, default_at=AT)
    assert filled.consensus[0].by == CHAIR and filled.consensus[0].at == AT


def test_checks_against_standard_and_roster() -> None:
    standard = load_standard(STANDARD)
    roster = {CHAIR.fingerprint: "chair", EXPERT.fingerprint: "expert"}
    check_decisions(sample(), standard, roster, "pkg-1")
    cases = [
        (PanelDecisions("other"), "package_id"),
        (
            PanelDecisions("pkg-1").with_consensus(
                ConsensusDecision("3", Decimal(1), "r", CHAIR, AT, "extreme")
            ),
            "consensus[0].code",
        ),
        (
            PanelDecisions("pkg-1").with_consensus(
                ConsensusDecision("3.2", Decimal(1), "r", EXPERT, AT, "extreme")
            ),
            "consensus[0].by",
        ),
        (
            PanelDecisions("pkg-1").with_consensus(
                ConsensusDecision("3.2", Decimal(1), "r", Actor("x", "f" * 64), AT, "extreme")
            ),
            "consensus[0].by.fingerprint",
        ),
        (
            PanelDecisions("pkg-1").with_explanation(ExplanationDecision("f" * 64, "2.1", "t", CHAIR, AT)),
            "explanations[0].expert",
        ),
        (
            PanelDecisions("pkg-1").with_return(
                ReturnDecision(EXPERT.fingerprint, 1, ("9.9",), "r", "a" * 64, CHAIR, AT)
            ),
            "returns[0].codes",
        ),
        (
            PanelDecisions("pkg-1").with_dissent(
                DissentDecision(EXPERT.fingerprint, "t", Actor("赵鑫", "e" * 64, "chair"), AT, "d" * 64)
            ),
            "dissents[0].by.role",
        ),
        (
            PanelDecisions("pkg-1").with_dissent(
                DissentDecision(EXPERT.fingerprint, "t", CHAIR, AT, "d" * 64)
            ),
            "dissents[0].by",
        ),
        (
            PanelDecisions("pkg-1").with_consensus(ConsensusDecision("3.2", Decimal(1), "r", CHAIR, AT)),
            "consensus[0].ground",
        ),
    ]
    for decisions, path in cases:
        with pytest.raises(DecisionsInvalid) as info:
            check_decisions(decisions, standard, roster, "pkg-1")
        assert info.value.path == path


# --- property: any valid decisions survive the canonical form unchanged ----------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=12
)
_fp = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)
_at = st.datetimes(
    min_value=__import__("datetime").datetime(2020, 1, 1),
    max_value=__import__("datetime").datetime(2035, 1, 1),
).map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))
_actor = st.builds(Actor, _text, _fp, st.sampled_from(["chair", "expert"]))
_value = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
_code = st.sampled_from(["1.1", "1.2", "2.1", "3.2", "V1"])
_decisions = st.builds(
    PanelDecisions,
    st.just("pkg"),
    consensus=st.lists(
        st.builds(ConsensusDecision, _code, _value, _text, _actor, _at, _text),
        unique_by=lambda c: c.code,
        max_size=3,
    ).map(tuple),
    explanations=st.lists(
        st.builds(ExplanationDecision, _fp, _code, _text, _actor, _at),
        unique_by=lambda e: (e.expert, e.code),
        max_size=3,
    ).map(tuple),
    returns=st.lists(
        st.builds(
            ReturnDecision,
            _fp,
            st.integers(1, 5),
            st.lists(_code, min_size=1, unique=True).map(lambda c: tuple(sorted(c))),
            _text,
            _fp,
            _actor,
            _at,
        ),
        max_size=2,
    ).map(tuple),
    opinion=st.none()
    | st.builds(
        Opinion,
        st.lists(_text, max_size=2).map(tuple),
        st.lists(_text, max_size=2).map(tuple),
        st.lists(_text, max_size=2).map(tuple),
        _text,
        _actor,
        _at,
    ),
    dissents=st.lists(
        st.builds(DissentDecision, _fp, _text, _actor, _at, _fp), unique_by=lambda d: d.expert, max_size=2
    ).map(tuple),
    visit=st.none()
    | st.builds(
        VisitInfo,
        st.lists(
            st.dates(min_value=__import__("datetime").date(2020, 1, 1)).map(str),
            min_size=1,
            max_size=3,
            unique=True,
        ).map(lambda d: tuple(sorted(d))),
        _text,
    ),
)


@settings(max_examples=150, deadline=None)
@given(_decisions)
def test_property_round_trip(decisions: PanelDecisions) -> None:
    data = decisions.to_json()
    again = parse_decisions(data)
    assert again == decisions
    assert again.to_json() == data
