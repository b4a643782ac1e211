"""Hostile inputs to every parser that reads what a person hands in: each is refused with a clear,
typed error — never a crash, a hang or a signed file nobody can read back.

Hostile *archives* (path traversal, absolute and drive names, backslashes, symlinks, duplicate
names, decompression bombs, oversized members, hidden bytes between members, comments and trailing
junk) are covered in ``tests/packages/test_tamper.py`` (``test_unsafe_names``,
``test_symlink_entry``, ``test_duplicate_names``, ``test_decompression_bomb``,
``test_oversized_manifest``, ``test_hidden_data_between_members``, ``test_comment_and_trailing_junk``);
the same SafeZip reads sheets, return notices and bundles. Here: the JSON and text inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.errors import InvalidInput, NotAnArtifact, ReviewerError
from reviewer.packages.manifest import parse_manifest
from reviewer.scoring.decisions_io import DecisionsInvalid, parse_decisions
from reviewer.scoring.scores_file import read_scores_file
from reviewer.scoring.sheet_model import (
    MAX_TEXT,
    Declarations,
    ScoreAnswer,
    SheetAnswers,
    SheetInvalid,
    check_answers,
)
from reviewer.standards import load_standard
from reviewer.standards.load import StandardInvalid, load_bytes
from tests.conftest import STANDARDS

STANDARD = load_standard(STANDARDS / "sample-park-creation.json")
DECLARED = Declarations(False, "", True, "2026-06-15T01:00:00Z")
NOW = "2026-06-15T01:00:00Z"
DEEP = b"[" * 200_000 + b"]" * 200_000  # far deeper than the interpreter's stack
DEEP_OBJECT = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


@pytest.mark.parametrize("data", [DEEP, DEEP_OBJECT], ids=["array", "object"])
def test_deeply_nested_json_is_refused_everywhere(data: bytes, tmp_path: Path) -> None:
    with pytest.raises(StandardInvalid, match=r"invalid JSON|not valid JSON"):
        load_bytes(data)
    with pytest.raises(NotAnArtifact):  # RecursionError escaped here before
        parse_manifest(data)
    with pytest.raises(DecisionsInvalid, match="not valid JSON"):  # and here
        parse_decisions(data)
    scores = tmp_path / "scores.json"
    scores.write_bytes(data)
    with pytest.raises(InvalidInput, match="not valid JSON"):  # and here
        read_scores_file(scores, STANDARD, DECLARED, NOW)


def test_huge_inputs_are_refused_before_parsing(tmp_path: Path) -> None:
    big = b'{"x": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    with pytest.raises(StandardInvalid, match="too large"):
        load_bytes(big)
    with pytest.raises(DecisionsInvalid, match="too large"):
        parse_decisions(big)
    scores = tmp_path / "scores.csv"
    scores.write_bytes(b"code,score,comment\n" + b"1.1,6.5," + b"x" * (5 * 1024 * 1024) + b"\n")
    with pytest.raises(InvalidInput, match="too large"):
        read_scores_file(scores, STANDARD, DECLARED, NOW)


@pytest.mark.parametrize("bad", [b"\xff\xfe", b'{"a": "\xc3\x28"}', b'{"a": "\xed\xa0\x80"}'])
def test_invalid_utf8_is_refused(bad: bytes, tmp_path: Path) -> None:
    with pytest.raises(StandardInvalid, match="not UTF-8"):
        load_bytes(bad)
    with pytest.raises(NotAnArtifact):
        parse_manifest(bad)
    with pytest.raises(DecisionsInvalid):
        parse_decisions(bad)
    for suffix in (".csv", ".json"):
        path = tmp_path / f"scores{suffix}"
        path.write_bytes(b"code,score,comment\n1.1,6.5," + bad + b"\n" if suffix == ".csv" else bad)
        with pytest.raises(InvalidInput, match="not UTF-8"):
            read_scores_file(path, STANDARD, DECLARED, NOW)


def test_an_enormous_csv_cell_is_a_clear_error(tmp_path: Path) -> None:
    """Beyond the csv module's 128 KiB field limit the reader raised csv.Error (a crash)."""
    path = tmp_path / "scores.csv"
    path.write_text("code,score,comment\n1.1,6.5," + "很" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="CSV scores file is malformed"):
        read_scores_file(path, STANDARD, DECLARED, NOW)


def full(comment: str, code: str = "1.1") -> SheetAnswers:
    from tests.scoring.sheet_fixtures import full_answers

    answers = full_answers(STANDARD)
    scores = dict(answers.scores)
    scores[code] = ScoreAnswer(scores[code].score, comment, scores[code].evidence)
    return SheetAnswers(answers.declarations, scores, answers.yes_no, answers.eligibility)


def test_an_enormous_comment_cannot_be_signed(tmp_path: Path) -> None:
    """Readers refuse a text longer than MAX_TEXT in a signed sheet; the builder used not to check,
    so a long comment (from a scores file or the workspace) gave a signed sheet nobody could open."""
    assert check_answers(STANDARD, full("说明" * (MAX_TEXT // 2)))  # exactly at the limit: fine
    with pytest.raises(SheetInvalid) as caught:
        check_answers(STANDARD, full("长" * (MAX_TEXT + 1)))
    assert any("too long" in str(p) and "20000" in str(p) for p in caught.value.problems)
    path = tmp_path / "scores.csv"
    path.write_text("code,score,comment\n1.1,6.5," + "x" * 100_000 + "\n", encoding="utf-8")
    answers = read_scores_file(path, STANDARD, DECLARED, NOW)  # read, then refused when built
    with pytest.raises(SheetInvalid):
        check_answers(STANDARD, SheetAnswers(DECLARED, answers.scores, {}, {}))


def test_every_refusal_is_a_reviewer_error_with_a_message(tmp_path: Path) -> None:
    for data in (DEEP, b"\xff", b"", b"null", b"[]", b'{"format": 1}'):
        for parse in (load_bytes, parse_manifest, parse_decisions):
            with pytest.raises(ReviewerError) as caught:
                parse(data)
            assert str(caught.value.message)


def test_an_unknown_zip_version_is_refused(tmp_path: Path) -> None:
    """zipfile raises NotImplementedError for a "version needed to extract" it does not know; SafeZip
    let it escape (found by the atheris harness, tests/fuzz/atheris_safezip.py)."""
    import io

    from reviewer.errors import Tampered
    from reviewer.i18n import T
    from reviewer.packages.container import ContainerWriter, SafeZip

    out = io.BytesIO()
    writer = ContainerWriter(out, "application/x-test")
    writer.add_bytes("a", b"x")
    writer.close()
    data = bytearray(out.getvalue())
    central = data.rindex(b"PK\x01\x02")
    data[central + 6] = 91  # version needed to extract: 9.1
    path = tmp_path / "v91.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(Tampered):
        SafeZip(path, "application/x-test", T("不是", "not ours"))
