"""The signed data return ``.rvdata`` (format ``reviewer.data-return/1``, docs/data-return-format.md).

A UTF-8 JSON object::

    {"format": "reviewer.data-return/1",
     "body": "<the canonical JSON text of the return>",
     "signature": {reviewer.signature/1 block over the UTF-8 bytes of body}}

The body (canonical JSON: sorted keys, no floats) carries the candidate, type, year, the figures as
decimal strings, the SHA-256 of the source XLSX, the version and the moment the desk recorded it. The
signature is the authority's package-signing key's (the same ``signature.json`` block a package
manifest carries, :mod:`reviewer.packages.signature`); a reader checks it against its pinned root only,
never a certificate carried in the file, and the certificate's validity at ``received_at``.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cryptography import x509

from reviewer.errors import InvalidInput, NotAnArtifact, ReviewerError, Tampered, Untrusted
from reviewer.export.verify_report import ArtifactKind, Report, SignatureLine
from reviewer.i18n import T, beijing
from reviewer.ministry.data_returns import DataReturn, decimal_text
from reviewer.packages.signature import parse_signature, signature_document
from reviewer.standards.figures import load_catalogue
from reviewer.trust import certs, clock, suites
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.encoding import canonical_json, parse_json
from reviewer.trust.keys import cert_fingerprint

DATA_RETURN_FORMAT = "reviewer.data-return/1"
SUFFIX = ".rvdata"


def body_of(ret: DataReturn) -> dict[str, Any]:
    catalogue = load_catalogue()
    return {
        "format": DATA_RETURN_FORMAT,
        "candidate": ret.candidate,
        "type": ret.type,
        "year": ret.year,
        "figures": {
            code: decimal_text(v, catalogue.get(code).decimal_places)
            for code, v in sorted(ret.figures.items())
        },
        "source_sha256": ret.source_sha256,
        "version": ret.version,
        "received_at": clock.iso(ret.received_at),
        "catalogue_version": catalogue.version,
    }


def sign_data_return(ret: DataReturn, authority: Authority, keys: AuthorityKeys) -> bytes:
    """The ``.rvdata`` bytes of ``ret``, signed with the authority's signing key, in its suite (an SM
    authority's body adds ``"suite"``; the NIST body is unchanged)."""
    sm_suite = {"suite": authority.suite.id} if authority.suite is suites.SM else {}
    body = canonical_json(body_of(ret) | sm_suite)
    doc = {
        "format": DATA_RETURN_FORMAT,
        "body": body.decode("utf-8"),
        "signature": json.loads(signature_document(keys.signing, body, authority)),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _not_data(detail: str) -> NotAnArtifact:
    return NotAnArtifact(
        T("该文件不是数据报送文件（.rvdata）。", "This file is not a data return (.rvdata)."), detail=detail
    )


def _damaged(detail: str) -> Tampered:
    return Tampered(
        T(
            "数据报送文件已损坏或被改动，无法核验。请勿使用，向工业和信息化部索取原件。",
            "The data return is damaged or was changed and cannot be checked. Do not use it; ask the "
            "ministry for the original.",
        ),
        detail=detail,
    )


def read_data_return(data: bytes, root: x509.Certificate) -> DataReturn:
    """The return in ``data``, after checking its signature against the pinned ``root``.

    Raises NotAnArtifact (not a data return), Tampered (changed after signing, or damaged),
    Untrusted (not signed under ``root``), Expired (the certificate was not valid when it was signed)."""
    try:
        doc = parse_json(data)
    except ValueError as exc:
        raise _not_data(str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != DATA_RETURN_FORMAT:
        raise _not_data("format")
    if not isinstance(doc.get("body"), str) or not isinstance(doc.get("signature"), dict):
        raise _damaged("body or signature missing")
    body = doc["body"].encode("utf-8")
    block = parse_signature(json.dumps(doc["signature"]).encode("utf-8"))
    block.verify_by_suite(
        body,
        root,
        what=T(
            "数据报送文件的签名无效：文件在工业和信息化部签名后被改动过。请勿使用，向工业和信息化部索取原件。",
            "The data return's signature is invalid: the file was changed after the ministry signed it. "
            "Do not use it; ask the ministry for the original.",
        ),
    )
    try:
        inner = parse_json(body)
        if inner["format"] != DATA_RETURN_FORMAT:
            raise ValueError("inner format")
        if inner.get("suite", suites.NIST_ID) != block.suite.id:
            raise ValueError("the body names another suite than its signature")
        received_at: datetime = clock.parse_iso(inner["received_at"])
        ret = DataReturn(
            candidate=str(inner["candidate"]),
            type=str(inner["type"]),
            year=int(inner["year"]),
            figures={str(k): Decimal(_text(v)) for k, v in inner["figures"].items()},
            source_sha256=str(inner["source_sha256"]),
            version=int(inner["version"]),
            received_at=received_at,
        )
    except (ValueError, KeyError, TypeError, AttributeError, InvalidOperation) as exc:
        raise _damaged(str(exc)) from exc
    certs.check_validity(block.signer, received_at)
    return ret


def verify_report(path: str | Path, root: x509.Certificate | None) -> Report:
    """``reviewer verify`` of a ``.rvdata``: what it claims, its one signature, valid or why not."""
    kind = ArtifactKind.DATA_RETURN
    try:
        data = Path(path).read_bytes()
    except OSError:
        return Report(
            str(path), kind, error=InvalidInput(T("无法读取 {p}。", "Cannot read {p}.", p=str(path)))
        )
    if root is None:
        return Report(
            str(path),
            kind,
            error=Untrusted(
                T(
                    "未给出信任根（--trust 或 --identity），无法核验签名。",
                    "No trust anchor was given (--trust or --identity): the signature cannot be checked.",
                )
            ),
        )
    try:
        ret = read_data_return(data, root)
    except ReviewerError as exc:
        return Report(str(path), kind, error=exc)
    claims = (
        T(
            "候选对象：{c}（{t}）；年度：{y}；第 {v} 版",
            "Candidate: {c} ({t}); year: {y}; version {v}",
            c=ret.candidate,
            t=ret.type,
            y=ret.year,
            v=ret.version,
        ),
        T("原始报送表 SHA-256：{h}", "Source workbook SHA-256: {h}", h=ret.source_sha256),
        *(T("{code} = {v}", "{code} = {v}", code=code, v=str(v)) for code, v in sorted(ret.figures.items())),
    )
    block = parse_signature(json.dumps(parse_json(data)["signature"]).encode("utf-8"))
    line = SignatureLine(
        signer=certs.common_name(block.signer),
        fingerprint=cert_fingerprint(block.signer),
        role=T("工业和信息化部（包签名证书）", "the ministry (package-signing certificate)"),
        over=T("数据报送内容", "the return's content"),
        intact=True,
        trusted=True,
        when=str(beijing(ret.received_at)),
    )
    return Report(str(path), kind, claims=claims, signatures=(line,))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("a figure is not a decimal string")
    return value
