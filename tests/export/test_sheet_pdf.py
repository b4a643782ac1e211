"""The printable PDF of an expert's own signed sheet: Chinese text, every score, embedded fonts only."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.export.sheet_pdf import sheet_pdf, write_sheet_pdf
from reviewer.i18n import beijing
from reviewer.scoring.return_notice import build_return_notice, revise_sheet
from reviewer.scoring.sheet import build_recusal, build_sheet, open_sheet
from reviewer.scoring.sheet_model import FileRef, MaterialRef, ScoreAnswer
from tests.scoring.sheet_fixtures import build_world, full_answers

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_world(tmp_path_factory.mktemp("sheet-pdf-world"))


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def _squash(text: str) -> str:
    return "".join(text.split())


def _open(w, data):
    return open_sheet(data, w.ids["li"], w.binding, w.root_cert)


def test_the_pdf_shows_every_score_comment_evidence_and_the_digest(world, tmp_path) -> None:
    w = world
    answers = full_answers(w.standard)
    first = w.standard.leaves()[0].code
    scores = dict(answers.scores)
    scores[first] = ScoreAnswer(
        scores[first].score,
        "材料翔实，现场核实无误",
        (MaterialRef("materials/申请表.pdf", 3), FileRef("现场照片.jpg", "ab" * 32)),
    )
    answers = type(answers)(answers.declarations, scores, answers.yes_no, answers.eligibility)
    sheet = _open(w, build_sheet(w.binding, w.ids["li"], answers))
    out = write_sheet_pdf(tmp_path / "li.pdf", sheet, w.standard, candidate="示例软件园")
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = _text(pdf, tmp_path)
    flat = _squash(text)
    assert "专家评分表" in flat and "示例软件园" in flat and "李娜" in flat and "第1版" in flat
    assert "无利益冲突" in flat and "已接受保密承诺" in flat
    # times in Beijing time with the zone said, never the file's UTC text
    signed = _squash(str(beijing(sheet.header.created).render("zh_CN")))
    assert "签署时间" + signed in flat and "（北京时间）" in flat
    assert "UTC" not in flat and sheet.header.created.replace("T", "") not in flat
    for leaf in w.standard.leaves():
        assert _squash(leaf.title.zh)[:6] in flat
    assert "材料翔实，现场核实无误" in flat and "申请表.pdf第3页" in flat and "现场照片.jpg" in flat
    total = sum((Decimal(a.score) for a in sheet.answers.scores.values()), Decimal(0))
    assert format(total.normalize(), "f") in flat
    assert sheet.digest in flat
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts  # every font embedded
    assert "Helvetica" not in fonts


def test_a_recusal_and_a_correction_are_printed_as_such(world, tmp_path) -> None:
    w = world
    recusal = _open(
        w, build_recusal(w.binding, w.ids["li"], "曾任该园区顾问", pledge_at="2026-06-15T01:00:00Z")
    )
    flat = _squash(_text(sheet_pdf(recusal, w.standard), tmp_path))
    assert "专家回避声明表" in flat and "曾任该园区顾问" in flat and "合计" not in flat
    v1 = _open(w, build_sheet(w.binding, w.ids["li"], full_answers(w.standard)))
    code = w.standard.leaves()[1].code
    notice = build_return_notice(w.ids["zhang"], w.binding, v1, [code], "请核实得分")
    from reviewer.scoring.return_notice import open_return_notice

    opened = open_return_notice(notice, w.ids["li"], w.binding, sheet=v1)
    v2 = _open(
        w, revise_sheet(w.binding, w.ids["li"], v1, opened, scores={code: ScoreAnswer(Decimal(0), "更正")})
    )
    flat = _squash(_text(sheet_pdf(v2, w.standard), tmp_path))
    assert "第2版" in flat and "请核实得分" in flat and f"更正了：{code}" in flat
