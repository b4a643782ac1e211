"""Issue 18: what an outsider holding a package, a sheet or a result bundle reads without a key.

Nobody's name, organisation or the candidate appears in a package's bytes, nor anywhere in a sheet, a
return notice, a motion, a statement or a bundle — not even the signer's own: the signer's certificate
(subject = name and organisation) is sealed in the header under the file key (``reviewer.signature/2``),
``signature.json`` carries only the public key."""

from __future__ import annotations

import base64
import contextlib
import io
import json
import zipfile

from bundle_world import CHAIR, BundleWorld, bundle_world

from reviewer.scoring.sheet_types import MIMETYPE as SHEET_MIMETYPE
from tests.export.conftest import PANEL
from tests.scoring.sheet_fixtures import CANDIDATE

__all__ = ["bundle_world"]

NAMES = {key: (name, org) for key, name, org, _title, _role in PANEL}
CANDIDATE_TEXT = [CANDIDATE["name"], CANDIDATE["city"]]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def absent(data: bytes, texts: list[str]) -> None:
    for text in texts:
        assert text.encode("utf-8") not in data, text


def test_the_package_names_nobody_and_not_the_candidate(bundle_world: BundleWorld) -> None:
    data = bundle_world.package.read_bytes()
    everyone = [t for pair in NAMES.values() for t in pair]
    absent(data, everyone + CANDIDATE_TEXT + ["申请表"])
    for body in members(data).values():
        absent(body, everyone + CANDIDATE_TEXT)


def test_a_sheet_names_only_its_signer_and_only_in_its_certificate(bundle_world: BundleWorld) -> None:
    for key, data in bundle_world.sheets.items():
        others = [t for k, pair in NAMES.items() if k != key for t in pair if t not in NAMES[key]]
        absent(data, others + CANDIDATE_TEXT)
        parts = members(data)
        assert parts["mimetype"] == SHEET_MIMETYPE.encode()
        absent(parts["header.json"] + parts["payload"], list(NAMES[key]))
        header = json.loads(parts["header.json"])
        assert set(header["signer"]) == {"cert_sha256", "role"}


def test_the_bundle_names_neither_the_candidate_nor_the_chair_in_its_header(
    bundle_world: BundleWorld,
) -> None:
    data = bundle_world.bundle
    others = [t for k, pair in NAMES.items() if k != CHAIR for t in pair if t not in NAMES[CHAIR]]
    absent(data, others + CANDIDATE_TEXT)
    parts = members(data)
    absent(parts["header.json"], list(NAMES[CHAIR]))
    header = json.loads(parts["header.json"])
    assert "candidate" not in header and set(header["signer"]) == {"cert_sha256", "role"}


def test_a_return_notice_names_only_the_chair_and_only_in_its_certificate(bundle_world: BundleWorld) -> None:
    from reviewer.scoring.return_notice import build_return_notice, open_return_notice
    from reviewer.scoring.sheet import open_sheet

    w = bundle_world
    sheet = open_sheet(w.sheets["li-zhe"], w.ids[CHAIR], w.binding, w.root)
    data = build_return_notice(w.ids[CHAIR], w.binding, sheet, ["1.1"], "请核对该项得分。")
    others = [t for k, pair in NAMES.items() if k != CHAIR for t in pair if t not in NAMES[CHAIR]]
    absent(data, others + CANDIDATE_TEXT)
    header = json.loads(members(data)["header.json"])
    absent(members(data)["header.json"], list(NAMES[CHAIR]))
    assert header["signer"] == {"cert_sha256": w.ids[CHAIR].fingerprint, "role": "chair"}
    notice = open_return_notice(data, w.ids["li-zhe"], w.binding, sheet=sheet)
    assert notice.codes == ("1.1",)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _every_byte(data: bytes) -> list[tuple[str, bytes]]:
    """The file raw, every ZIP member as read (inflated), and every base64 string of a JSON member
    decoded (a certificate in base64 DER names its subject in UTF-8 once decoded)."""
    out = [("(raw)", data)]
    for name, body in members(data).items():
        out.append((name, body))
        try:
            doc = json.loads(body)
        except ValueError:
            continue
        for i, text in enumerate(_strings(doc)):
            with contextlib.suppress(ValueError):  # not base64
                out.append((f"{name} base64 #{i}", base64.b64decode(text, validate=True)))
    return out


def _nobody_in(what: str, data: bytes) -> None:
    everyone = [t for pair in NAMES.values() for t in pair]
    for member, body in _every_byte(data):
        for text in everyone + CANDIDATE_TEXT:
            assert text.encode("utf-8") not in body, f"{what}: {member} shows {text}"


def test_no_signed_file_names_anyone_not_even_its_signer(bundle_world: BundleWorld) -> None:
    """The attack: an outsider intercepts each kind of signed file and greps it for the panel."""
    from reviewer.scoring.return_notice import build_return_notice
    from reviewer.scoring.sheet import open_sheet

    w = bundle_world
    sheet = open_sheet(w.sheets["li-zhe"], w.ids[CHAIR], w.binding, w.root)
    notice = build_return_notice(w.ids[CHAIR], w.binding, sheet, ["1.1"], "请核对该项得分。")
    files = [
        *((f"sheet of {k}", d) for k, d in w.sheets.items()),
        ("return notice", notice),
        *((f"motion {i}", d) for i, d in enumerate(w.motions)),
        *((f"statement {i}", d) for i, d in enumerate(w.statements)),
        ("bundle", w.bundle),
    ]
    assert len(files) >= 5 and w.motions and w.statements
    for what, data in files:
        _nobody_in(what, data)
        block = json.loads(members(data)["signature.json"])
        assert set(block) == {"format", "algorithm", "signature", "public_key"}, what
        assert block["format"] == "reviewer.signature/2"
