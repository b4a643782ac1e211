# ruff: noqa: F811  (pytest fixtures imported from test_sm_record and used as arguments)
"""The second review of the SM record: attacks on the record PDF by a dishonest member or chair,
written before looking for the defence (the fixtures are test_sm_record's real SM panel)."""

from __future__ import annotations

import pytest

from reviewer.errors import ReviewerError, Tampered
from reviewer.export.pades_sm2 import add_sm2_attribute, covered_bytes, read_sm2_attribute
from reviewer.export.pades_validate import require_valid, validate_record
from tests.export.test_sm_record import (  # noqa: F401  (module fixtures)
    CHAIR,
    LAST_MEMBER,
    ROSTER,
    closed,
    der,
    field_of,
    members_signed,
    record_input,
    sm2_attributes,
    sm_panel,
    with_unsigned_attributes,
)


def test_the_pdf_root_as_anchor_does_not_validate_a_record_stripped_of_its_sm2_signatures(
    members_signed, sm_panel
):
    """Held (downgrade): the last member's SM2 attribute stripped (nothing covers it yet), the record
    checked against the PDF root (the identity folder pins it beside the SM2 root; pdfsig trusts it)
    rather than the SM2 root. The PAdES signatures are intact and trusted, but no signer is in their
    own field (fields name the member's SM2 certificate, the PDF certificate is another): refused."""
    pdf = with_unsigned_attributes(members_signed, field_of(members_signed, sm_panel.ids[LAST_MEMBER]), [])
    statuses = validate_record(pdf, sm_panel.authority.pdf_root)
    assert all(s.intact and s.trusted for s in statuses)
    assert not any(s.in_own_field for s in statuses)
    with pytest.raises(Tampered):
        require_valid(statuses)


def test_a_member_cannot_lend_an_sm2_signature_to_another_members_field(members_signed, sm_panel):
    """Held: the last member (not yet covered by anyone) re-signs the covered bytes of their own
    field with an SM2 attribute carrying a *different* valid member's certificate and that member's
    signature over the same bytes (obtained by asking them to sign "a test"): ARC.5 of the PDF
    certificate names the field's member, so the attribute is refused."""
    name = field_of(members_signed, sm_panel.ids[LAST_MEMBER])
    bare = with_unsigned_attributes(members_signed, name, [])
    accomplice = sm_panel.ids[ROSTER[0][0]]
    signature = accomplice.sign(covered_bytes(bare, name))
    lent = add_sm2_attribute(bare, name, certificate=der(accomplice.certificate), signature=signature)
    statuses = validate_record(lent, sm_panel.root)
    index = [k for k, *_ in ROSTER].index(LAST_MEMBER)
    assert not statuses[index].intact and "not the member" in statuses[index].problem
    with pytest.raises(Tampered):
        require_valid(statuses)


def test_the_chair_cannot_replace_an_earlier_members_sm2_attribute_before_closing(members_signed, sm_panel):
    """Held: before closing, the chair swaps the last member's SM2 attribute for a fresh one of the
    chair's making (the member's own certificate, the chair's SM2 signature over those bytes), then
    closes: the chair's PAdES signature covers the swap, but the member's SM2 check fails."""
    from reviewer.export.panel_outputs import close_record

    name = field_of(members_signed, sm_panel.ids[LAST_MEMBER])
    chair = sm_panel.ids[CHAIR]
    member = sm_panel.ids[LAST_MEMBER]
    bare = with_unsigned_attributes(members_signed, name, [])
    forged = add_sm2_attribute(
        bare, name, certificate=der(member.certificate), signature=chair.sign(covered_bytes(bare, name))
    )
    assert read_sm2_attribute(forged, name) is not None
    with pytest.raises(ReviewerError):  # the chair's own app refuses to close a damaged record
        close_record(forged, chair)
    statuses = validate_record(forged, sm_panel.root)
    assert not all(s.intact for s in statuses)


def test_the_chairs_real_sm2_attribute_doubled_is_refused_not_picked(closed, sm_panel):
    """Held: the SM2 attribute duplicated (two ARC.7 attributes, one the chair's real one) is
    refused as malformed rather than the first or last one being picked."""
    name = field_of(closed, sm_panel.ids[CHAIR])
    mine = sm2_attributes(closed, name)
    doubled = with_unsigned_attributes(closed, name, mine + mine)
    statuses = validate_record(doubled, sm_panel.root)
    assert not statuses[-1].intact and "more than one" in statuses[-1].problem
