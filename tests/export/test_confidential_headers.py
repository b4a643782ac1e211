"""Issue 18: what an outsider holding a package, a sheet or a result bundle reads without a key.

Nobody's name, organisation or the candidate appears in a package's bytes, nor in the public header
of a sheet or a bundle. A signed file still carries its signer's own certificate (subject = the
signer's name and organisation: the signature is checkable without a key); nobody else's name."""

from __future__ import annotations

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
