"""Issue 14, findings 1–3: a dishonest member or chair adds an incremental update to the co-signed
record that pyHanko's default difference analysis lets through. Each attack is played through the
product's functions (``close_record`` = ``reviewer panel close``, ``cosign`` = ``reviewer record
cosign``, ``verify_file`` = ``reviewer verify``, ``open_bundle`` = ``ministry import``'s check) and
must be refused with a typed error naming the revision.

1. Stale record, new numbers: the members sign a record made from decisions D1; the chair reconciles
   again with D2, appends a revision that rewrites only the document information (/Keywords naming
   D2's hashes), signs and closes: the ministry would register D2's numbers under D1's signatures.
2. Shadow attack: the last member before the chair adds a new visible signature field over the
   conclusion, with an appearance that reads another conclusion, signs it, then signs his own field.
3. Updates after the chair's closing signature that touch only /Info or add an invisible field.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

import pytest
from bundle_world import CHAIR, BundleWorld, bundle_world, sign_in_order
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.content import RawContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from reviewer.cli import main
from reviewer.errors import Tampered
from reviewer.export.bundle import _package_files, build_bundle, open_bundle
from reviewer.export.bundle_checks import record_bindings, record_subject
from reviewer.export.bundle_format import KIND, MIMETYPE, BundleContent, content_json, header_json, sha256
from reviewer.export.closing import nobody_unsigned
from reviewer.export.pades import _IdentitySigner, asn1_cert, find_field, sign_record
from reviewer.export.pades_stamp import CJKFontFactory, stamp_params, stamp_style
from reviewer.export.panel_outputs import close_record, cosign
from reviewer.export.panel_record import panel_record_input
from reviewer.export.record import build_record_pdf
from reviewer.export.record_input import MemberRole
from reviewer.export.verify import verify_file
from reviewer.packages import envelope as fmt
from reviewer.packages import open_package
from reviewer.scoring.reconcile import reconcile
from reviewer.scoring.result import Reconciliation
from reviewer.scoring.sheet import open_sheet
from reviewer.trust import certs, clock
from reviewer.trust.credential import pem
from reviewer.trust.encoding import parse_json

__all__ = ["bundle_world"]

MEMBERS = ["li-zhe", "zhang-yue", "chen-shen", "zhao-xin", "zhou-miao"]  # the non-recused experts


def rogue_bundle(w: BundleWorld, *, record: bytes, decisions: bytes, reconciliation: bytes) -> bytes:
    """What a rogue tool makes: the real chair signs and encrypts a bundle, skipping every check."""
    with open_package(w.package, w.ids[CHAIR]) as opened:
        files = _package_files(opened)
    content = BundleContent(
        files, tuple(w.sheets.values()), decisions, reconciliation, record, w.motions, w.statements
    )
    if not content.closing:  # every member signed: closing.json states nobody
        content = replace(content, closing=nobody_unsigned(content.record))
    chair = w.ids[CHAIR]
    bundle_id = str(uuid.uuid4())
    header = header_json(
        bundle_id=bundle_id,
        package_id=w.binding.package_id,
        manifest_sha256=w.binding.manifest_sha256,
        candidate={"name": "示例软件园", "type": "park"},
        result_version=1,
        created=clock.iso(clock.utcnow()),
        chair={
            "name": chair.name,
            "org": certs.organization(chair.certificate),
            "cert_sha256": chair.fingerprint,
        },
        sheet_count=len(content.sheets),
        record_sha256=sha256(record),
    )
    return fmt.seal_envelope(mimetype=MIMETYPE, kind=KIND, artifact_id=bundle_id, header=header,
                             payload=content_json(header, content), signer=chair,
                             recipients=[fmt.recipient_of(w.authority.signing_cert, "ministry")])  # fmt: skip


def rewrite_info(pdf: bytes, **entries: str) -> bytes:
    """An incremental update that changes only the document information (/Info)."""
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    info_ref = writer.trailer.raw_get("/Info")
    info = info_ref.get_object()
    for key, value in entries.items():
        info[generic.NameObject(f"/{key}")] = generic.TextStringObject(value)
    writer.mark_update(info_ref)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def add_invisible_field(pdf: bytes, name: str = "Signature99") -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    fields.append_signature_field(writer, fields.SigFieldSpec(name))
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def shadow_signature(pdf: bytes, w: BundleWorld, key: str) -> bytes:
    """``key`` adds a new visible signature field named like a record field of his own (so it reads as
    "in his own field") over the conclusion, whose stamp reads another conclusion, and signs it."""
    ident = w.ids[key]
    name = f"sig99-expert-{ident.fingerprint[:16]}"
    page, box = conclusion_box(pdf)
    params = {"signer": "评审结论：不予通过", "role": "", "action": "", "time": ""}
    meta = signers.PdfSignatureMetadata(field_name=name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)  # fmt: skip
    spec = fields.SigFieldSpec(name, on_page=page, box=box)
    x1, y1, x2, y2 = box
    white = RawContent(
        f"1 1 1 rg 0 0 {x2 - x1} {y2 - y1} re f".encode(), box=BoxConstraints(x2 - x1, y2 - y1)
    )
    text = "评审结论：不予通过"
    style = replace(stamp_style(params), stamp_text=text, background=white, background_opacity=1, border_width=0,
                    text_box_style=TextBoxStyle(font=CJKFontFactory(text, 16), font_size=16))  # fmt: skip
    signer = signers.PdfSigner(meta, _IdentitySigner(ident), new_field_spec=spec, stamp_style=style)
    return signer.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), appearance_text_params=params).getvalue()


def conclusion_box(pdf: bytes) -> tuple[int, tuple[int, int, int, int]]:
    """The page (0-based) and a box over the line "评审结论：…" (found with poppler's pdftotext when
    available; otherwise the top of the first page)."""
    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
            fh.write(pdf)
            fh.flush()
            html = subprocess.run(["pdftotext", "-bbox", fh.name, "-"], capture_output=True, text=True).stdout
        for index, page in enumerate(html.split("<page ")[1:]):
            height = float(re.search(r'height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)', page
            ):
                if m.group(4).startswith("评审结论："):
                    x, top, bottom = float(m.group(1)), float(m.group(2)), float(m.group(3))
                    return index, (int(x) - 4, int(height - bottom) - 6, int(x) + 200, int(height - top) + 6)
    return 0, (60, 700, 300, 760)


def sign(pdf: bytes, w: BundleWorld, key: str) -> bytes:
    ident = w.ids[key]
    role = MemberRole.CHAIR if key == CHAIR else MemberRole.EXPERT
    return sign_record(pdf, find_field(pdf, ident).name, ident, role)


@dataclass(frozen=True)
class StaleRecord:
    d1_record: bytes  # made from D1, signed by the members (not yet the chair)
    d2_decisions: bytes
    d2_reconciliation: bytes
    d1_total: object
    d2_total: object


@pytest.fixture(scope="module")
def stale(bundle_world: BundleWorld) -> StaleRecord:
    return make_stale(bundle_world)


def make_stale(w: BundleWorld) -> StaleRecord:
    verified = [open_sheet(d, w.ids[CHAIR], w.binding, w.root) for d in w.sheets.values()]
    d1 = w.decisions.without_consensus("2.1")  # before the chair's consensus on 2.1
    rec1 = reconcile(w.binding.require_standard(), [s.to_expert_scores() for s in verified],
                     d1.to_engine_decisions())  # fmt: skip
    with open_package(w.package, w.ids[CHAIR]) as opened:
        record = panel_record_input(w.binding, opened.candidate(), verified, rec1, d1)
    members = sign_in_order(build_record_pdf(record), w.ids, MEMBERS)
    d2 = Reconciliation.from_dict(parse_json(w.reconciliation))
    return StaleRecord(members, w.decisions.to_json(), w.reconciliation, rec1.total, d2.total)


def d2_keywords(pdf: bytes, s: StaleRecord) -> str:
    old = str(PdfFileReader(BytesIO(pdf)).trailer_view["/Info"]["/Keywords"])
    bound = record_bindings(pdf)
    new = old.replace(bound["reconciliation-sha256"], hashlib.sha256(s.d2_reconciliation).hexdigest())
    return new.replace(bound["decisions-sha256"], hashlib.sha256(s.d2_decisions).hexdigest())


def assert_refused_naming_the_revision(exc: pytest.ExceptionInfo[Tampered], revision: int) -> None:
    text = str(exc.value.message)
    assert f"Revision {revision} of" in text or f"第 {revision} 版" in text, text
    assert getattr(exc.value, "revision", None) == revision


# --- 1. stale record, new numbers -------------------------------------------------------------------


def rogue_sign(pdf: bytes, w: BundleWorld, key: str, *, keywords: str | None = None) -> bytes:
    """A rogue tool signs ``key``'s own field without any of sign_record's checks; with
    ``keywords``, the signature's own revision also rewrites /Keywords."""
    ident = w.ids[key]
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    if keywords is not None:
        info_ref = writer.trailer.raw_get("/Info")
        info_ref.get_object()[generic.NameObject("/Keywords")] = generic.TextStringObject(keywords)
        writer.mark_update(info_ref)
    closing = key == CHAIR
    params = stamp_params(ident.name, "组长" if closing else "专家", clock.utcnow(), closing)
    meta = signers.PdfSignatureMetadata(field_name=find_field(pdf, ident).name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        docmdp_permissions=fields.MDPPerm.NO_CHANGES)  # fmt: skip
    signer = signers.PdfSigner(meta, _IdentitySigner(ident), stamp_style=stamp_style(params))
    return signer.sign_pdf(writer, existing_fields_only=True, appearance_text_params=params).getvalue()


def stale_closed(stale: StaleRecord, w: BundleWorld, how: str) -> tuple[bytes, int]:
    """The record the members signed for D1, closed by the chair with D2's hashes in /Keywords; and
    the revision (counted from 1) that changed /Info."""
    keywords = d2_keywords(stale.d1_record, stale)
    if how == "own revision":
        rebound = rewrite_info(stale.d1_record, Keywords=keywords)
        with pytest.raises(Tampered):  # the product's signing refuses; a rogue tool does not
            sign(rebound, w, CHAIR)
        return rogue_sign(rebound, w, CHAIR), rebound.count(b"%%EOF")
    closed = rogue_sign(stale.d1_record, w, CHAIR, keywords=keywords)
    return closed, closed.count(b"%%EOF")


@pytest.mark.parametrize("how", ["own revision", "chair's revision"])
def test_1_a_stale_record_with_rewritten_keywords_is_refused_everywhere(
    bundle_world: BundleWorld, stale: StaleRecord, how: str, tmp_path: Path
) -> None:
    w = bundle_world
    assert stale.d1_total != stale.d2_total
    closed, revision = stale_closed(stale, w, how)
    # panel close (the chair has signed: the record is checked and used as it is)
    with pytest.raises(Tampered) as exc:
        close_record(closed, w.ids[CHAIR])
    assert_refused_naming_the_revision(exc, revision)
    with open_package(w.package, w.ids[CHAIR]) as opened, pytest.raises(Tampered):
        build_bundle(w.ids[CHAIR], opened, sheets=list(w.sheets.values()), decisions=stale.d2_decisions,
                     reconciliation=stale.d2_reconciliation, motions=w.motions, statements=w.statements, record_pdf=closed)  # fmt: skip
    # reviewer verify
    path = tmp_path / "record.pdf"
    path.write_bytes(closed)
    report = verify_file(path, w.root)
    assert isinstance(report.error, Tampered), report
    assert getattr(report.error, "revision", None) == revision
    # ministry import (a rogue tool made the bundle)
    bundle = rogue_bundle(
        w, record=closed, decisions=stale.d2_decisions, reconciliation=stale.d2_reconciliation
    )
    with pytest.raises(Tampered) as exc:
        open_bundle(bundle, w.ministry, w.root)
    assert_refused_naming_the_revision(exc, revision)


def test_1_the_chair_cannot_close_over_a_rewritten_info(
    bundle_world: BundleWorld, stale: StaleRecord
) -> None:
    rebound = rewrite_info(stale.d1_record, Keywords=d2_keywords(stale.d1_record, stale))
    with pytest.raises(Tampered) as exc:
        close_record(rebound, bundle_world.ids[CHAIR])
    assert_refused_naming_the_revision(exc, rebound.count(b"%%EOF"))


def test_1_the_bindings_are_read_from_the_revision_every_member_signed(
    bundle_world: BundleWorld, stale: StaleRecord
) -> None:
    """Even read on its own, the binding is the one the members signed, not the later /Info's."""
    rebound = rewrite_info(stale.d1_record, Keywords=d2_keywords(stale.d1_record, stale))
    assert record_bindings(rebound) == record_bindings(stale.d1_record)


def test_1_nobody_signs_a_record_changed_before_the_first_signature(
    bundle_world: BundleWorld, stale: StaleRecord
) -> None:
    """The chair rewrites /Keywords of the unsigned record (the page still shows D1): the first
    member's signature is refused, by the rogue-free core too (sign_record, not only cosign)."""
    w = bundle_world
    unsigned = rewrite_info(w.record_unsigned, Keywords="reconciliation-sha256:" + "0" * 64)
    first = MEMBERS[0]
    with pytest.raises(Tampered) as exc:
        sign(unsigned, w, first)
    assert_refused_naming_the_revision(exc, 3)
    assert "after the record was made" in str(exc.value.message)
    with pytest.raises(Tampered):
        cosign(unsigned, w.ids[first])


# --- 2. shadow attack through a new signature field ---------------------------------------------------


def test_2_a_shadow_signature_field_over_the_conclusion_is_refused_everywhere(
    bundle_world: BundleWorld, tmp_path: Path
) -> None:
    w = bundle_world
    *before, last = MEMBERS
    pdf = sign_in_order(w.record_unsigned, w.ids, before)
    shadowed = shadow_signature(pdf, w, last)
    revision = shadowed.count(b"%%EOF")
    # the member's own signature on top: the product refuses to co-sign a record so changed
    with pytest.raises(Tampered) as exc:
        cosign(shadowed, w.ids[last])
    assert_refused_naming_the_revision(exc, revision)
    both = rogue_sign(shadowed, w, last)  # a rogue tool signs anyway
    with pytest.raises(Tampered) as exc:
        close_record(both, w.ids[CHAIR])
    assert_refused_naming_the_revision(exc, revision)
    closed = rogue_sign(both, w, CHAIR)
    path = tmp_path / "record.pdf"
    path.write_bytes(closed)
    report = verify_file(path, w.root)
    assert isinstance(report.error, Tampered), report
    with pytest.raises(Tampered) as exc:
        open_bundle(rogue_bundle(w, record=closed, decisions=w.decisions.to_json(),
                                 reconciliation=w.reconciliation), w.ministry, w.root)  # fmt: skip
    assert_refused_naming_the_revision(exc, revision)
    # Any PDF reader that honours the members' FieldMDP locks sees it too: pyHanko's default
    # difference analysis finds the new field locked by every earlier member's signature.
    reader = PdfFileReader(BytesIO(closed))
    earlier = [s for s in reader.embedded_signatures if s.field_name.startswith(("sig01", "sig02"))]
    for sig in earlier:
        assert not validate_pdf_signature(sig, ValidationContext(trust_roots=[asn1_cert(w.root)])).docmdp_ok


# --- 3. updates after the chair's closing signature --------------------------------------------------


@pytest.mark.parametrize("update", ["info", "invisible field"])
def test_3_an_update_after_the_chair_is_refused_by_verify(
    bundle_world: BundleWorld, update: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = bundle_world
    original = record_subject(w.record_signed)
    forged_subject = f"reviewer.record/1 {uuid.uuid4()}"
    later = (
        rewrite_info(w.record_signed, Subject=forged_subject)
        if update == "info"
        else add_invisible_field(w.record_signed)
    )
    revision = later.count(b"%%EOF")
    path = tmp_path / "record.pdf"
    path.write_bytes(later)
    root = tmp_path / "root.pem"
    root.write_text(pem(w.root), encoding="ascii")
    code = main(["--lang", "en", "verify", "--trust", str(root), str(path)])
    out = capsys.readouterr().out
    assert code == Tampered.exit_code, out
    assert f"Revision {revision} of" in out
    assert "Result: VALID" not in out
    assert forged_subject not in out  # the claims come from the signed revision
    assert f"Document: {original}" in out
    report = verify_file(path, w.root)
    assert isinstance(report.error, Tampered)
    with pytest.raises(Tampered) as exc:
        close_record(later, w.ids[CHAIR])
    assert_refused_naming_the_revision(exc, revision)
    with pytest.raises(Tampered) as exc:
        open_bundle(rogue_bundle(w, record=later, decisions=w.decisions.to_json(),
                                 reconciliation=w.reconciliation), w.ministry, w.root)  # fmt: skip
    assert_refused_naming_the_revision(exc, revision)


def test_honest_records_still_pass(bundle_world: BundleWorld, tmp_path: Path) -> None:
    w = bundle_world
    path = tmp_path / "record.pdf"
    path.write_bytes(w.record_signed)
    assert verify_file(path, w.root).error is None
    assert close_record(w.record_signed, w.ids[CHAIR]) == (w.record_signed, False)
    assert open_bundle(w.bundle, w.ministry, w.root).record_pdf == w.record_signed
