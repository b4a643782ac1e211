"""The demo panel: a chair and six experts with realistic names the shipped font can draw."""

from __future__ import annotations

from reviewer.demo import DEMO_CHAIR, DEMO_MEMBERS, DEMO_PANEL, PanelRole
from reviewer.demo.people import expert
from reviewer.export.fonts import missing_glyphs


def test_panel_shape() -> None:
    assert len(DEMO_MEMBERS) == 6
    assert DEMO_PANEL[0] is DEMO_CHAIR and DEMO_CHAIR.is_chair
    assert [p.role for p in DEMO_PANEL].count(PanelRole.CHAIR) == 1
    assert len({p.key for p in DEMO_PANEL}) == len({p.email for p in DEMO_PANEL}) == 7
    assert all(p.email.endswith("@example.org") for p in DEMO_PANEL)


def test_names_include_rare_characters_and_render() -> None:
    names = "".join(p.name.zh for p in DEMO_PANEL)
    assert DEMO_CHAIR.name.zh == "王堃"
    assert set("堃喆玥燊淼翀") <= set(names)
    everything = "".join(p.name.zh + p.organisation.zh + p.title.zh + p.field.zh for p in DEMO_PANEL)
    assert missing_glyphs(everything) == []


def test_bilingual_and_diverse_organisations() -> None:
    for person in DEMO_PANEL:
        assert person.name.en and person.organisation.en and person.title.en and person.field.en
    orgs = " ".join(p.organisation.zh for p in DEMO_PANEL)
    assert "大学" in orgs and "研究" in orgs and "协会" in orgs


def test_one_expert_from_the_candidate_province_for_the_recusal_demo() -> None:
    assert [p.key for p in DEMO_PANEL if p.province == "江苏省"] == ["zhou-miao"]
    assert expert("zhou-miao").name.zh == "周淼"


def test_the_panel_keeps_the_shipped_composition_rules() -> None:
    from collections import Counter

    from reviewer.standards.panel_rules import Seat, load_panel_rules

    seats = [Seat(p.name.zh, p.organisation.zh) for p in DEMO_PANEL]
    assert load_panel_rules().check_composition(seats) == []
    assert max(Counter(p.organisation.zh for p in DEMO_PANEL).values()) <= 2
