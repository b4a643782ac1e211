"""Property tests on every parser: whatever the input, the only way out is a result or a typed error.

Arbitrary bytes, arbitrary JSON, and valid documents damaged at a random place are fed to the
standard loader, the package manifest, the decisions file, the scores file (CSV and JSON), the
sheet (the signed envelope and its decrypted content) and the result bundle (envelope and content).
Any exception other than a :class:`~reviewer.errors.ReviewerError` is a crash a hostile file could
cause. ``REVIEWER_FUZZ_EXAMPLES`` raises the number of examples per property (default 100).
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.errors import ReviewerError
from reviewer.export import bundle as bundle_mod
from reviewer.export.bundle import open_bundle
from reviewer.export.bundle_format import KIND, parse_content
from reviewer.packages import envelope as fmt
from reviewer.packages.manifest import parse_header, parse_manifest
from reviewer.scoring import sheet as sheet_mod
from reviewer.scoring.decisions_io import parse_decisions
from reviewer.scoring.scores_file import parse_csv, read_scores_file
from reviewer.scoring.sheet import open_sheet
from reviewer.scoring.sheet_model import Declarations, answers_from_json
from reviewer.scoring.sheet_types import FORMAT as SHEET_FORMAT
from reviewer.scoring.sheet_types import MIMETYPE as SHEET_MIMETYPE
from reviewer.standards import load_standard
from reviewer.standards.load import load_bytes
from tests.conftest import STANDARDS
from tests.export.bundle_world import CHAIR, BundleWorld, build_bundle_world
from tests.fuzz.strategies import FUZZ, byte_mutations, dumps, json_values, mutated

pytestmark = pytest.mark.slow  # fuzzing: hundreds of examples per parser

STANDARD_BYTES = (STANDARDS / "sample-park-creation.json").read_bytes()
STANDARD = load_standard(STANDARDS / "sample-park-creation.json")
TRICKY = ["abc", "NaN", "sNaN", "-Infinity", "1e999999", "", " 1", "1_0", "0x10", "６"]
DECLARED = Declarations(False, "", True, "2026-06-15T01:00:00Z")
# What the sheet and bundle readers catch around their content parsers (and turn into Tampered).
CONTENT_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def typed_or_result(call, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    try:
        call(*args, **kwargs)
    except ReviewerError as exc:
        assert str(exc.message)  # a message a person can read
        assert exc.exit_code != 0


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> BundleWorld:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        return build_bundle_world(tmp_path_factory.mktemp("bundle-world"))


# --- standard ---------------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=400) | byte_mutations(STANDARD_BYTES))
def test_standard_bytes(data: bytes) -> None:
    typed_or_result(load_bytes, data)


@FUZZ
@given(mutated(json.loads(STANDARD_BYTES)))
def test_standard_json(doc) -> None:  # type: ignore[no-untyped-def]
    typed_or_result(load_bytes, dumps(doc))


# --- package manifest ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manifest_doc(world: BundleWorld):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(io.BytesIO(world.package.read_bytes())) as zf:
        return json.loads(zf.read("manifest.json"))


@FUZZ
@given(data=st.data())
def test_manifest(manifest_doc, data) -> None:  # type: ignore[no-untyped-def]
    raw = data.draw(st.binary(max_size=300) | st.builds(dumps, mutated(manifest_doc)))
    typed_or_result(parse_manifest, raw)


@pytest.fixture(scope="module")
def package_header(world: BundleWorld):  # type: ignore[no-untyped-def]
    """The signed public manifest and the decrypted confidential header (as the chair reads them)."""
    from reviewer.packages import open_package

    with open_package(world.package, world.ids[CHAIR]) as opened:
        return opened.view.manifest, json.loads(opened.manifest.header_bytes())


@FUZZ
@given(data=st.data())
def test_package_header(package_header, data) -> None:  # type: ignore[no-untyped-def]
    public, doc = package_header
    raw = data.draw(st.binary(max_size=300) | st.builds(dumps, mutated(doc)))
    typed_or_result(parse_header, raw, public)


# --- decisions ------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_decisions(world: BundleWorld, data) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(world.decisions.to_json())
    raw = data.draw(
        st.binary(max_size=300)
        | st.builds(dumps, mutated(doc))
        | st.builds(dumps, json_values)
        | byte_mutations(world.decisions.to_json())
    )
    typed_or_result(parse_decisions, raw)


# --- scores file ------------------------------------------------------------------------------------

codes = st.sampled_from([leaf.code for leaf in STANDARD.leaves()] + ["V1", "E1", "9.9", "", "code"])
cells = st.text(max_size=20) | st.sampled_from(
    ["6.5", "yes", "no", "ok", "flag", "1e9", "-0", "file:x", *TRICKY]
)
rows = st.lists(st.tuples(codes, cells, cells, cells), max_size=12)


def as_csv(table: list[tuple[str, str, str, str]]) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", "score", "comment", "evidence"])
    writer.writerows(table)
    return out.getvalue()


@FUZZ
@given(st.text(max_size=400) | st.builds(as_csv, rows))
def test_scores_csv(text: str) -> None:
    typed_or_result(parse_csv, text, STANDARD, Path("/nonexistent"), DECLARED)


@FUZZ
@given(data=st.data())
def test_scores_file_json_and_bytes(tmp_path: Path, data) -> None:  # type: ignore[no-untyped-def]
    form = {
        "declarations": {"conflict": "none", "pledge": True},
        "scores": [{"code": "1.1", "score": "6.5", "comment": "c", "evidence": []}],
        "yes_no": [{"code": "V1", "answer": "yes"}],
        "eligibility": [{"code": "E1", "status": "ok"}],
    }
    suffix = data.draw(st.sampled_from([".json", ".csv"]))
    raw = data.draw(st.binary(max_size=300) | st.builds(dumps, mutated(form)) | st.builds(dumps, json_values))
    path = tmp_path / f"scores{suffix}"
    path.write_bytes(raw)
    typed_or_result(read_scores_file, path, STANDARD, DECLARED, "2026-06-15T01:00:00Z")


# --- sheets ------------------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_sheet_file(world: BundleWorld, data) -> None:  # type: ignore[no-untyped-def]
    raw = data.draw(st.binary(max_size=300) | byte_mutations(world.sheets["li-zhe"]))
    typed_or_result(open_sheet, raw, world.ids[CHAIR], world.binding, world.root)


@pytest.fixture(scope="module")
def sheet_content(world: BundleWorld):  # type: ignore[no-untyped-def]
    env = fmt.read_envelope(world.sheets["li-zhe"], SHEET_MIMETYPE, SHEET_FORMAT, sheet_mod._not_a_sheet())
    opened = env.open(world.ids[CHAIR], "sheet", str(env.header["sheet_id"]))
    sheet_mod._header_claims(opened)
    return json.loads(opened.payload)


@FUZZ
@given(data=st.data())
def test_sheet_content(sheet_content, data) -> None:  # type: ignore[no-untyped-def]
    """A member signs what they like: the decrypted content must fail only in the ways the reader catches."""
    answers_from_json(sheet_content)  # the original parses
    doc = data.draw(mutated(sheet_content))
    try:
        answers = answers_from_json(doc)
    except CONTENT_ERRORS:
        return
    for a in answers.scores.values():
        assert isinstance(a.score, Decimal) and a.score.is_finite()


# --- result bundles ---------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_bundle_file(world: BundleWorld, data) -> None:  # type: ignore[no-untyped-def]
    raw = data.draw(st.binary(max_size=300) | byte_mutations(world.bundle))
    typed_or_result(open_bundle, raw, world.ministry, world.root)


@pytest.fixture(scope="module")
def bundle_content(world: BundleWorld):  # type: ignore[no-untyped-def]
    env, header = bundle_mod._read(world.bundle)
    return env, header, json.loads(env.open(world.ministry, KIND, header.bundle_id).payload)


@FUZZ
@given(data=st.data())
def test_bundle_content(bundle_content, data) -> None:  # type: ignore[no-untyped-def]
    env, header, doc = bundle_content
    mutant = data.draw(mutated(doc))
    plain = json.dumps(mutant, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    typed_or_result(parse_content, plain, header, env.header)


TRICKY_NUMBERS = TRICKY


@FUZZ
@given(data=st.data())
def test_sheet_content_scores(sheet_content, data) -> None:  # type: ignore[no-untyped-def]
    """The score strings a forger would try (``Decimal("abc")`` raises an ArithmeticError, which the
    reader did not catch: a member could sign a sheet that crashed the chair's app)."""
    doc = json.loads(json.dumps(sheet_content))
    i = data.draw(st.integers(0, len(doc["scores"]) - 1))
    doc["scores"][i]["score"] = data.draw(st.sampled_from(TRICKY_NUMBERS) | st.text(max_size=8) | json_values)
    try:
        answers = answers_from_json(doc)
    except CONTENT_ERRORS:
        return
    assert all(a.score.is_finite() for a in answers.scores.values())
