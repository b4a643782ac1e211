"""The review record PDF: content, fonts, page furniture, signature fields, reproducibility, input checks."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from reviewer.errors import InvalidInput
from reviewer.export.pades import record_fields
from reviewer.export.record import build_record_pdf, parse_field_name, title_of
from reviewer.export.record_input import Candidate, MemberRole, Visit
from reviewer.standards.model import CandidateType, ReviewKind
from tests.export.conftest import DOCUMENT_ID, sample_record

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def record_pdf(record_input) -> bytes:
    return build_record_pdf(record_input)


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "record.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8").split("\f")[:-1]


def squash(text: str) -> str:
    return "".join(text.split())


def test_same_input_gives_the_same_bytes(record_input, record_pdf):
    assert build_record_pdf(record_input) == record_pdf


@needs_poppler
def test_every_font_is_embedded(record_pdf, tmp_path):
    path = tmp_path / "record.pdf"
    path.write_bytes(record_pdf)
    lines = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    fonts = lines[2:]
    assert fonts, "the record lists no font"
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} is not embedded"
        assert "WenQuanYi" in name


@needs_poppler
def test_text_comes_back_in_chinese(record_input, record_pdf, tmp_path):
    assert record_input.reconciliation.result == "pass"  # the sample passes: the label below is 通过
    text = squash("".join(_pages(record_pdf, tmp_path)))
    for expected in (
        "中国软件名园创建评审",
        "专家组评审意见表",
        "示例软件园",
        "江苏省南京市",
        "评审结论：通过",
        "符合规则 1（通过）",
        "SAMPLE-PARK-CREATION",
        "王堃",
        "钱犇",
        "陈燊",
        "2026年6月15日至17日",
        "保留意见",
        "统计口径仍需进一步核实",  # 周淼's dissent
        "专家组协商一致取 5.5 分",  # the consensus rationale
        "剔除后未达基准值",  # 陈燊's explanation of the divergent 1.1 score
        "专家组成员签字",
    ):
        assert squash(expected) in text, expected
    total = format(record_input.reconciliation.total, "f")
    assert f"总分{total}分" in text


@needs_poppler
def test_every_page_has_its_number_and_the_document_id(record_pdf, tmp_path):
    pages = _pages(record_pdf, tmp_path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in squash(page)
        assert str(DOCUMENT_ID) in page


@needs_poppler
def test_indicator_table_shows_each_experts_score_and_the_marks(record_input, record_pdf, tmp_path):
    text = "".join(_pages(record_pdf, tmp_path))
    rec = record_input.reconciliation
    row = next(
        line for line in text.splitlines() if line.strip().startswith("1.1 ") and "软件业务收入" in line
    )
    scores = [
        format(rec.indicator("1.1").score_of(e), ".1f") for e in [m.expert_id for m in record_input.members]
    ]
    assert "2.0*" in row  # 陈燊's divergent score is marked
    for score in scores:
        assert score in row
    assert format(rec.indicator("1.1").aggregate, "f") in row
    consensus = next(
        line for line in text.splitlines() if line.strip().startswith("2.1 ") and "研发投入强度" in line
    )
    assert "5.5◆" in consensus


def test_one_empty_field_per_member_on_the_last_page_chair_last(record_input, record_pdf):
    fields = record_fields(record_pdf)
    signers = record_input.signers()
    assert [f.info.order for f in fields] == list(range(1, 8))
    assert [f.label for f in fields] == [f"{m.name}（{m.role.zh}）" for m in signers]
    assert [f.info.fingerprint_prefix for f in fields] == [m.cert_fingerprint[:16] for m in signers]
    assert [f.info.role for f in fields] == [MemberRole.EXPERT] * 6 + [MemberRole.CHAIR]
    assert not any(f.signed for f in fields)

    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(BytesIO(record_pdf))
    last = reader.root["/Pages"]["/Kids"][-1].get_object()
    on_last = {str(a.get_object()["/T"]) for a in last["/Annots"]}
    assert on_last == {f.name for f in fields}
    boxes = [tuple(float(v) for v in a.get_object()["/Rect"]) for a in last["/Annots"]]
    for i, a in enumerate(boxes):  # no two boxes overlap, all inside the page
        assert 0 < a[0] < a[2] < 595 and 0 < a[1] < a[3] < 842
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_a_recused_member_is_listed_but_has_no_field(panel):
    fingerprints = {k: i.fingerprint for k, i in panel.identities.items()}
    record = sample_record(fingerprints, recused=frozenset({"zhou-miao"}), dissent=False)
    fields = record_fields(build_record_pdf(record))
    assert len(fields) == 6
    assert all(f.info.fingerprint_prefix != fingerprints["zhou-miao"][:16] for f in fields)
    assert [m.expert_id for m in record.scoring_members()] == [
        k for k in ("li-zhe", "zhang-yue", "chen-shen", "zhao-xin", "qian-ben", "wang-kun")
    ]


def test_field_names_round_trip():
    info = parse_field_name("sig07-chair-0123456789abcdef")
    assert (info.order, info.role, info.fingerprint_prefix) == (7, MemberRole.CHAIR, "0123456789abcdef")
    assert parse_field_name("Signature1") is None
    assert parse_field_name("sig01-judge-0123456789abcdef") is None


def test_titles_by_kind_and_candidate_type():
    def title(kind, ctype):
        return title_of(SimpleNamespace(kind=kind, candidate=SimpleNamespace(type=ctype)))

    assert title(ReviewKind.CREATION, CandidateType.PARK) == ("中国软件名园创建评审", "专家组评审意见表")
    assert title(ReviewKind.CREATION, CandidateType.CITY) == ("中国软件名城创建评审", "专家组评审意见表")
    assert title(ReviewKind.ANNUAL, CandidateType.CITY) == ("中国软件名城年度评估", "专家组评估意见表")
    assert title(ReviewKind.APPLICATION, CandidateType.PARK)[0] == "中国软件名园申请审查"


def test_visit_dates_and_place_text():
    assert Visit((date(2026, 6, 15),), "x").text == "2026年6月15日"
    assert Visit((date(2026, 6, 30), date(2026, 7, 1)), "x").text == "2026年6月30日至7月1日"
    assert Visit((date(2026, 12, 31), date(2027, 1, 1)), "x").text == "2026年12月31日至2027年1月1日"
    assert Candidate("x", CandidateType.CITY, "北京市", "北京市").place == "北京市"
    assert Candidate("x", CandidateType.PARK, "江苏省", "南京市").place == "江苏省南京市"


@pytest.mark.parametrize(
    "change",
    [
        "two_chairs",
        "recused_chair",
        "stranger_sheet",
        "recusal_mismatch",
        "bad_fingerprint",
        "dissent_by_stranger",
        "no_visit_dates",
    ],
)
def test_inconsistent_inputs_are_refused(record_input, change):
    members = list(record_input.members)
    kwargs = {}
    if change == "two_chairs":
        members[0] = dataclasses.replace(members[0], role=MemberRole.CHAIR)
    elif change == "recused_chair":
        members[-1] = dataclasses.replace(members[-1], recused=True, recusal_reason="x")
    elif change == "stranger_sheet":
        members = members[1:]
    elif change == "recusal_mismatch":
        members[0] = dataclasses.replace(members[0], recused=True, recusal_reason="x")
    elif change == "bad_fingerprint":
        members[0] = dataclasses.replace(members[0], cert_fingerprint="ABC")
    elif change == "dissent_by_stranger":
        kwargs["dissents"] = (dataclasses.replace(record_input.dissents[0], expert_id="nobody"),)
    elif change == "no_visit_dates":
        kwargs["visit"] = Visit((), "x")
    with pytest.raises(InvalidInput):
        dataclasses.replace(record_input, members=tuple(members), **kwargs)
