"""Envelope v2 (issue 18): the signer's certificate is sealed under the file key; ``signature.json``
carries the public key only. Tampering with either side of that binding is refused."""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import zipfile

import pytest
from cryptography.hazmat.primitives import serialization
from sheet_fixtures import full_answers, sheet_world

from reviewer.errors import EarlierFormat, Tampered
from reviewer.packages import envelope as fmt
from reviewer.packages import stream
from reviewer.packages.container import ContainerWriter
from reviewer.scoring.sheet import build_sheet, open_sheet, verify_sheet
from reviewer.scoring.sheet_types import FORMAT, MIMETYPE
from reviewer.trust.encoding import b64, canonical_json, unb64
from reviewer.trust.keys import ec_public_der
from reviewer.trust.recipients import WrappedKey, find_wrapped

__all__ = ["sheet_world"]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _repack(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    writer = ContainerWriter(out, members["mimetype"].decode())
    for name, body in members.items():
        if name != "mimetype":
            writer.add_bytes(name, body)
    writer.close()
    return out.getvalue()


@pytest.fixture(scope="module")
def li_sheet(sheet_world) -> bytes:
    return build_sheet(sheet_world.binding, sheet_world.ids["li"], full_answers(sheet_world.standard))


def _file_key(identity, header: dict) -> bytes:
    wrapped = [
        WrappedKey(r["id"], unb64(r["ephemeral"]), unb64(r["wrapped_key"])) for r in header["recipients"]
    ]
    return identity.unwrap(
        find_wrapped(wrapped, identity.fingerprint), fmt.context_for("sheet", header["sheet_id"])
    )


def _reseal(data: bytes, knower, cert, *, name_it: bool, signer) -> bytes:
    """A member who knows the file key (``knower``, a recipient) seals ``cert`` in the header (and,
    with ``name_it``, names it in ``signer.cert_sha256``), then signs the header with ``signer``'s key
    and puts that key in signature.json — the best such a member can do."""
    members = _members(data)
    header = json.loads(members["header.json"])
    file_key = _file_key(knower, header)
    nonce = secrets.token_bytes(16)
    der = cert.public_bytes(serialization.Encoding.DER)
    sealed = b"".join(
        stream.encrypt(stream.derive_key(file_key, nonce, fmt.CERTIFICATE_INFO), [der], fmt.CHUNK)
    )
    header["signer_certificate"] = {"nonce": b64(nonce), "sealed": b64(sealed)}
    if name_it:
        header["signer"]["cert_sha256"] = hashlib.sha256(der).hexdigest()
    body = canonical_json(header)
    block = json.loads(members["signature.json"])
    block["signature"] = b64(signer.sign(body))
    block["public_key"] = b64(ec_public_der(signer.signing_key()))
    return _repack({**members, "header.json": body, "signature.json": canonical_json(block)})


def test_without_a_key_only_the_signing_key_is_known(sheet_world, li_sheet):
    w = sheet_world
    env = fmt.read_envelope(li_sheet, MIMETYPE, FORMAT, "not a sheet")
    li_key = ec_public_der(w.ids["li"].signing_key())
    assert env.public_key_der == li_key
    assert env.key_fingerprint == hashlib.sha256(li_key).hexdigest()
    assert not hasattr(env, "signer")  # the certificate is reached only through open()
    opened = env.open(w.ids["zhang"], "sheet", env.header["sheet_id"])
    assert opened.signer == w.ids["li"].certificate
    assert opened.signer_fingerprint == w.ids["li"].fingerprint == env.header["signer"]["cert_sha256"]


def test_another_members_certificate_resealed_by_a_member_is_refused(sheet_world, li_sheet):
    w = sheet_world
    chair, wang = w.ids["zhang"], w.ids["wang"]
    # the chair makes li's sheet claim wang: names wang, seals wang's certificate, signs with own key
    forged = _reseal(li_sheet, chair, wang.certificate, name_it=True, signer=chair)
    for reader in (chair, w.ids["li"]):
        with pytest.raises(Tampered) as info:
            open_sheet(forged, reader, w.binding, w.root_cert)
        assert "key is not the key that signed" in (info.value.detail or "")
    # the same, keeping li's key in signature.json: the header no longer verifies with it
    members = _members(forged)
    block = json.loads(members["signature.json"])
    block["public_key"] = b64(ec_public_der(w.ids["li"].signing_key()))
    with pytest.raises(Tampered):
        fmt.read_envelope(
            _repack({**members, "signature.json": canonical_json(block)}), MIMETYPE, FORMAT, "not a sheet"
        )
    # wang's certificate sealed while the header still names li: the sealed certificate is not li's
    quiet = _reseal(li_sheet, chair, wang.certificate, name_it=False, signer=chair)
    with pytest.raises(Tampered) as info:
        verify_sheet(quiet, chair, w.binding, w.root_cert)
    assert "not the one the header names" in (info.value.detail or "")


def test_a_signature_block_with_another_public_key_is_refused(sheet_world, li_sheet):
    w = sheet_world
    members = _members(li_sheet)
    block = json.loads(members["signature.json"])
    block["public_key"] = b64(ec_public_der(w.ids["wang"].signing_key()))
    with pytest.raises(Tampered):
        open_sheet(
            _repack({**members, "signature.json": canonical_json(block)}),
            w.ids["zhang"],
            w.binding,
            w.root_cert,
        )


def test_a_version_1_signature_block_is_an_earlier_format(sheet_world, li_sheet):
    w = sheet_world
    members = _members(li_sheet)
    v1 = {
        "format": "reviewer.signature/1",
        "algorithm": "ecdsa-p256-sha256",
        "signature": json.loads(members["signature.json"])["signature"],
        "certificates": [b64(w.ids["li"].certificate.public_bytes(serialization.Encoding.DER))],
    }
    with pytest.raises(EarlierFormat, match="earlier release"):
        open_sheet(
            _repack({**members, "signature.json": canonical_json(v1)}), w.ids["zhang"], w.binding, w.root_cert
        )


OUTSIDER_MUST_NOT_SEE = (
    "张伟", "南京大学", "李娜", "中国软件评测中心", "王芳", "浙江大学", "周淼", "江苏省软件行业协会",
    "示例软件园", "南京市", "江苏省", "本人持保留意见", "畸高",
)  # fmt: skip


def _decoded(value: object) -> list[bytes]:
    """Every string in a JSON value, as UTF-8 and, where it is base64, decoded."""
    import base64
    import binascii
    import contextlib

    if isinstance(value, dict):
        return [b for v in (*value.keys(), *value.values()) for b in _decoded(v)]
    if isinstance(value, list):
        return [b for v in value for b in _decoded(v)]
    if not isinstance(value, str):
        return []
    out = [value.encode()]
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        with contextlib.suppress(binascii.Error, ValueError):
            out.append(decode(value + "=" * (-len(value) % 4)))
    return out


def test_attack_an_outsider_reads_no_name_in_a_sheet_motion_or_statement(sheet_world, li_sheet):
    """Bytes, ZIP central directory, JSON members and their base64 values of a sheet, a motion and
    a statement (with a dissent) name no member, organisation or candidate."""
    from decimal import Decimal

    from reviewer.scoring.decisions import Actor, Opinion
    from reviewer.scoring.motion import Change, build_motion, open_motion
    from reviewer.scoring.statement import Vote, build_statement

    w = sheet_world
    chair = Actor("张伟", w.ids["zhang"].fingerprint, "chair")
    opinion = Opinion(
        ("示例软件园成效显著",), ("问题",), ("建议",), "同意通过", chair, "2026-06-17T08:00:00Z"
    )
    motion_bytes = build_motion(
        w.ids["zhang"], w.binding, changes=[Change("1.1", Decimal("4"), Decimal("7.5"), "extreme", "畸高")],
        opinion=opinion,
    )  # fmt: skip
    motion = open_motion(motion_bytes, w.ids["zhang"], w.binding, w.root_cert)
    statement_bytes = build_statement(
        w.ids["li"], w.binding, motion=motion, votes=[Vote("1.1", "object", "畸高理由不足")], opinion="object",
        dissent="本人持保留意见：南京市的材料不足。",
    )  # fmt: skip
    for data in (li_sheet, motion_bytes, statement_bytes):
        members = _members(data)
        pieces = [data, *members.values(), *(n.encode() for n in members)]
        for name, body in members.items():
            if name.endswith(".json"):
                pieces += _decoded(json.loads(body))
        for secret in OUTSIDER_MUST_NOT_SEE:
            assert not any(secret.encode() in p for p in pieces), secret
