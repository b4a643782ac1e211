"""The second review of the SM suite: a member with a valid SM credential signs a sheet with the
ECDSA key the authority certified for PDFs only, written before looking for the defence."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sheet_fixtures import full_answers, sheet_world

from reviewer.errors import SuiteMismatch, Tampered
from reviewer.packages import envelope as fmt
from reviewer.packages.container import ContainerWriter
from reviewer.scoring.sheet import build_sheet, open_sheet, verify_sheet
from reviewer.scoring.sheet_types import MIMETYPE
from reviewer.trust.encoding import canonical_json
from reviewer.trust.keys import ec_public_der
from reviewer.trust.signatures import SIGNATURE_ALGORITHM
from tests.sm_world import sm_world

__all__ = ["sheet_world", "sm_world"]


@pytest.fixture(scope="module")
def sm_sheet(sm_world) -> bytes:
    return build_sheet(sm_world.binding, sm_world.ids["li"], full_answers(sm_world.standard))


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _rebuilt(header: bytes, signature: bytes, payload: bytes) -> bytes:
    out = io.BytesIO()
    writer = ContainerWriter(out, MIMETYPE)
    writer.add_bytes("header.json", header)
    writer.add_bytes("signature.json", signature)
    writer.add_bytes("payload", payload)
    writer.close()
    return out.getvalue()


def _ecdsa_block(identity, header: bytes) -> bytes:
    """signature.json claiming ECDSA, made with the member's own PDF key (certified by the PDF root)."""
    block = {
        "format": fmt.SIGNATURE_FORMAT,
        "algorithm": SIGNATURE_ALGORITHM,
        "signature": fmt.b64(identity.pdf_sign(header)),
        "public_key": fmt.b64(ec_public_der(identity.pdf_signing_key().public_key())),
    }
    return json.dumps(block).encode()


def test_an_sm_header_with_an_ecdsa_signature_by_the_members_pdf_key_is_refused(sm_world, sm_sheet):
    """Held: the header still says SM, signature.json says ECDSA by the member's PDF key (a key the
    authority certified, through the PDF root): the block's algorithm is not the header suite's."""
    w = sm_world
    parts = _parts(sm_sheet)
    forged = _rebuilt(parts["header.json"], _ecdsa_block(w.ids["li"], parts["header.json"]), parts["payload"])
    for reader in (w.ids["zhang"], w.ministry()):
        with pytest.raises(Tampered):
            open_sheet(forged, reader, w.binding, w.root_cert)


def test_an_sm_header_relabelled_nist_and_signed_by_the_members_pdf_key_is_refused(sm_world, sm_sheet):
    """Held (downgrade): the header relabelled NIST and signed ECDSA by the member's PDF key, so the
    envelope is self-consistent: an SM reader refuses the suite before unwrapping anything, and
    against the SM2 root the verification is SuiteMismatch."""
    w = sm_world
    parts = _parts(sm_sheet)
    header = json.loads(parts["header.json"])
    header.pop("suite")  # absent = NIST
    body = canonical_json(header)
    forged = _rebuilt(body, _ecdsa_block(w.ids["li"], body), parts["payload"])
    assert fmt.read_envelope(forged, MIMETYPE, header["format"], "x").suite.short == "nist"
    for reader in (w.ids["zhang"], w.ministry()):
        with pytest.raises(SuiteMismatch):
            open_sheet(forged, reader, w.binding, w.root_cert)
    with pytest.raises(SuiteMismatch):
        verify_sheet(forged, w.ids["zhang"], w.binding, w.root_cert)
