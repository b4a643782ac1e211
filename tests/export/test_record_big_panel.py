"""Issue 21: a record of any panel size builds, its signature grid flowing over as many pages as it
needs; every member's pre-made, locked field lies on the page where its box is drawn, inside the
page, overlapping no other; 25 members co-sign in roster order, the chair last, and it validates."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta
from io import BytesIO

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm

from reviewer.export.pades import find_field, record_fields, sign_record
from reviewer.export.pades_validate import validate_record
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import MemberRole
from reviewer.trust import create_authority
from reviewer.trust.clock import utcnow
from tests.export.conftest import _enrol, big_panel, sample_record, source
from tests.export.test_record_pdf import _pages, squash

pytestmark = pytest.mark.slow  # a 25-member panel: 25 keys and 26 signatures


def fake_fingerprints(roster) -> dict[str, str]:
    return {p[0]: hashlib.sha256(p[0].encode()).hexdigest() for p in roster}


def field_pages(pdf: bytes) -> list[tuple[int, str, tuple[float, ...], tuple[float, ...]]]:
    """(page index, field name, rect, page's media box) of every widget, page by page."""
    reader = PdfFileReader(BytesIO(pdf))
    out = []
    for index, page in enumerate(reader.root["/Pages"]["/Kids"]):
        page = page.get_object()
        media = tuple(float(v) for v in page["/MediaBox"])
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if "/P" in annot:
                assert annot.raw_get("/P").idnum == page.container_ref.idnum  # drawn where it is placed
            out.append((index, str(annot["/T"]), tuple(float(v) for v in annot["/Rect"]), media))
    return out


def check_fields(pdf: bytes, record) -> None:
    signers = record.signers()
    fields = record_fields(pdf)
    assert [f.info.order for f in fields] == list(range(1, len(signers) + 1))
    assert [f.label for f in fields] == [f"{m.name}（{m.role.zh}）" for m in signers]
    assert [f.info.role for f in fields] == [MemberRole.EXPERT] * (len(signers) - 1) + [MemberRole.CHAIR]
    placed = field_pages(pdf)
    assert sorted(name for _, name, _, _ in placed) == sorted(f.name for f in fields)
    # roster order reads page by page, top to bottom, left to right
    reading = sorted(placed, key=lambda p: (p[0], -round(p[2][3]), p[2][0]))
    assert [name for _, name, _, _ in reading] == [f.name for f in fields]
    for i, (page, _, a, media) in enumerate(placed):
        assert media[0] < a[0] < a[2] < media[2] and media[1] < a[1] < a[3] < media[3]
        assert a[1] > 20 * 72 / 25.4 and a[3] < media[3] - 16 * 72 / 25.4  # clear of header and footer
        for other_page, _, b, _ in placed[i + 1 :]:
            if other_page == page:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    # the locks: each member's signature leaves only the other members' fields open; the chair's, nothing
    reader = PdfFileReader(BytesIO(pdf))
    for f in fields:
        lock = reader.root["/AcroForm"]["/Fields"]
        field = next(x.get_object() for x in lock if str(x.get_object()["/T"]) == f.name)
        spec = field["/Lock"]
        if f.info.role is MemberRole.CHAIR:
            assert spec["/Action"] == "/All" and int(spec["/P"]) == MDPPerm.NO_CHANGES.value
        else:
            assert spec["/Action"] == "/Exclude" and "/P" not in spec
            assert sorted(str(n) for n in spec["/Fields"]) == sorted(
                g.name for g in fields if g.name != f.name
            )


@pytest.mark.parametrize("n", [5, 12, 13, 25, 40])
def test_a_record_of_any_panel_size_is_built(n, tmp_path):
    roster = big_panel(n)
    record = sample_record(fake_fingerprints(roster), roster=roster)
    assert len(record.signers()) == n
    pdf = build_record_pdf(record)
    check_fields(pdf, record)
    if shutil.which("pdftotext") is None:
        return
    pages = [squash(p) for p in _pages(pdf, tmp_path)]
    on = {name: page for page, name, _, _ in field_pages(pdf)}
    signing_pages = sorted(set(on.values()))
    assert "专家组成员签字" in pages[signing_pages[0]]
    for page in signing_pages[1:]:  # a continuation page says so
        assert pages[page].count("专家组成员签字（续）") == 1
    for order, (f, m) in enumerate(zip(record_fields(pdf), record.signers(), strict=True), start=1):
        assert f"{order}.{m.name}（{m.role.zh}）" in pages[on[f.name]]  # the caption is on the field's page


def test_a_recused_member_in_a_big_panel_has_no_field():
    roster = big_panel(14)
    record = sample_record(fake_fingerprints(roster), roster=roster, recused=frozenset({"m03"}))
    pdf = build_record_pdf(record)
    assert len(record.signers()) == 13
    check_fields(pdf, record)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """25 members enrolled by one authority, and their record."""
    base = tmp_path_factory.mktemp("big-panel")
    authority = create_authority(base / "authority", name="工业和信息化部（测试）", source=source())
    roster = big_panel(25)
    identities = {key: _enrol(authority, base / "ids" / key, name, org) for key, name, org, _, _ in roster}
    record = sample_record({k: i.fingerprint for k, i in identities.items()}, roster=roster)
    return record, identities


def test_25_members_cosign_in_roster_order_the_chair_last_and_it_validates(big):
    record, identities = big
    pdf = build_record_pdf(record)
    check_fields(pdf, record)
    start = utcnow()
    for i, member in enumerate(record.signers()):
        identity = identities[member.expert_id]
        field = find_field(pdf, identity)
        pdf = sign_record(pdf, field.name, identity, member.role, start + timedelta(seconds=i))
    root = next(iter(identities.values())).trust_root()
    statuses = validate_record(pdf, root)
    signers = record.signers()
    assert len(statuses) == 25
    assert [s.signer_fingerprint for s in statuses] == [m.cert_fingerprint for m in signers]
    assert [s.role for s in statuses] == [MemberRole.EXPERT] * 24 + [MemberRole.CHAIR]
    for s in statuses:
        assert s.intact and s.trusted and s.in_own_field and s.changes_allowed, s
    assert all(f.signed for f in record_fields(pdf))
