"""Issue 14 (12): a standard with NaN, Infinity, 1e309 or a 1e-320 step, and a PDF nested 200,000
arrays deep given to ``verify``, end in a typed refusal naming the field or the file, never a traceback."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import InvalidInput, NotAnArtifact
from reviewer.standards import StandardInvalid, load_bytes

STANDARD = (
    Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
)
LEAF = "criteria[0].children[0]"


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def standard_with(field: str, literal: str, where: str = "leaf") -> bytes:
    doc = json.loads(STANDARD.read_text("utf-8"))
    doc = copy.deepcopy(doc)
    target = doc["criteria"][0]["children"][0] if where == "leaf" else doc["conclusion"]
    target[field] = "@@VALUE@@"
    return json.dumps(doc, ensure_ascii=False).replace('"@@VALUE@@"', literal).encode()


@pytest.mark.parametrize(
    ("field", "literal", "where", "path"),
    [
        ("points", "NaN", "leaf", f"{LEAF}.points"),
        ("points", "Infinity", "leaf", f"{LEAF}.points"),
        ("points", "1e309", "leaf", f"{LEAF}.points"),
        ("step", "1e-320", "leaf", f"{LEAF}.step"),
        ("step", "NaN", "leaf", f"{LEAF}.step"),
        ("minimum", "-Infinity", "leaf", f"{LEAF}.minimum"),
        ("points", "1" + "0" * 400, "leaf", f"{LEAF}.points"),
        ("level1_min_share", "1e-999999", "conclusion", "conclusion.level1_min_share"),
    ],
)
def test_non_finite_and_absurd_numbers_are_refused_by_field(
    field: str, literal: str, where: str, path: str, tmp_path: Path
) -> None:
    data = standard_with(field, literal, where)
    with pytest.raises(StandardInvalid) as info:
        load_bytes(data, "hostile.json")
    assert any(p.path == path for p in info.value.problems), [str(p) for p in info.value.problems]
    (tmp_path / "hostile.json").write_bytes(data)
    code, _, err = cli("standard", "check", tmp_path / "hostile.json")
    assert code == InvalidInput.exit_code and path in err


def deep_pdf(depth: int = 200_000) -> bytes:
    """A PDF whose catalogue and trailer hold arrays nested ``depth`` deep; the xref is correct."""
    head = b"%PDF-1.7\n"
    obj = b"1 0 obj\n<< /Type /Catalog /Deep " + b"[" * depth + b"]" * depth + b" >>\nendobj\n"
    xref = b"xref\n0 2\n0000000000 65535 f \n" + b"%010d 00000 n \n" % len(head)
    trailer = b"trailer\n<< /Size 2 /Root 1 0 R /Info " + b"[" * depth + b"]" * depth + b" >>\n"
    return head + obj + xref + trailer + b"startxref\n%d\n%%%%EOF\n" % (len(head) + len(obj))


def test_a_pdf_nested_200000_deep_is_not_a_valid_record(tmp_path: Path) -> None:
    path = tmp_path / "record.pdf"
    path.write_bytes(deep_pdf())
    code, out, err = cli("verify", path)
    assert code == NotAnArtifact.exit_code, out + err
    assert "not a valid" in (out + err) and "Traceback" not in err


def test_a_standard_nested_just_below_the_parsers_limit_is_refused_not_crashed() -> None:
    for depth in (900, 980, 995):
        data = b'{"format": "reviewer.standard/1", "x": ' + b"[" * depth + b"1" + b"]" * depth + b"}"
        with pytest.raises(InvalidInput):
            load_bytes(data, "deep.json")
