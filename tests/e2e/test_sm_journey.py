"""Issue 20, done-when 1: what the SM suite's journey (``conftest.sm_journey``: the same commands as
the NIST journey, with ``authority init --suite sm`` and ``identity new --suite sm``) must show on top
of ``test_whole_journey``'s assertions, which it passes too.

Every package names ``RV1-SM2-SM3-SM4``; every signature of every closed record carries the member's
SM2 signature (``ARC.7``, docs/record-format.md) over exactly the bytes its PAdES signature covers;
the ministry import refuses a record whose SM2 signature was changed (so the import that accepted the
genuine ones verified them); outside implementations agree: from the closed record and the pinned
SM2 root only, OpenSSL 3 verifies a member's SM2 signature and certificate, and poppler's ``pdfsig``
finds every PAdES signature valid.

The record is parsed here with pyHanko and asn1crypto's generic types, not with
``reviewer.export.pades_sm2``: the test reads the file as an outsider would.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from typing import ClassVar

import pytest
from asn1crypto import core
from cryptography import x509
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko_certvalidator import ValidationContext

from reviewer.packages import inspect_package
from reviewer.trust.certs import ARC
from reviewer.trust.identity import ROOT
from reviewer.trust.suites import SM_ID
from tests.e2e import forgery
from tests.e2e.journey import CHAIR, MEMBERS, PASS_ENV, RECUSED, Journey, Round, cli

pytestmark = pytest.mark.slow
SM2_ATTRIBUTE = ARC + ".7"
PDF_ROOT = "trust-root-pdf.crt.pem"  # the PDF root an SM identity pins beside its SM2 root
DISTID = "distid:1234567812345678"  # the SM2 signer id (GM/T 0009's default)


class _OctetStrings(core.SequenceOf):  # type: ignore[misc]  # asn1crypto is untyped
    """``SEQUENCE { certSHA256, signature, certificate }``: three OCTET STRINGs."""

    _child_spec: ClassVar = core.OctetString


def rounds(j: Journey) -> list[Round]:
    return [j.year1, *j.annual.values()]


def closed_record(rnd: Round) -> bytes:
    assert rnd.out is not None
    return (rnd.out / "record.pdf").read_bytes()


def signatures(pdf: bytes) -> list[EmbeddedPdfSignature]:
    return list(PdfFileReader(BytesIO(pdf)).embedded_signatures)


def sm2_attribute(sig: EmbeddedPdfSignature) -> tuple[bytes, bytes, bytes]:
    """(certSHA256, SM2 signature DER, SM2 certificate DER) of the one ``ARC.7`` unsigned attribute."""
    unsigned = sig.signer_info["unsigned_attrs"]
    attributes = [] if isinstance(unsigned, core.Void) else list(unsigned)
    found = [a for a in attributes if a["type"].dotted == SM2_ATTRIBUTE]
    assert len(found) == 1, f"{sig.field_name}: {len(found)} SM2 attribute(s)"
    (value,) = found[0]["values"]
    cert_sha256, signature, certificate = _OctetStrings.load(value.dump()).native
    return cert_sha256, signature, certificate


def covered(pdf: bytes, sig: EmbeddedPdfSignature) -> bytes:
    """The bytes the PAdES signature covers: its two /ByteRange segments."""
    a, b, c, d = (int(x) for x in sig.sig_object["/ByteRange"])
    return pdf[a : a + b] + pdf[c : c + d]


def field_of(pdf: bytes, fingerprint: str) -> EmbeddedPdfSignature:
    """The signature in the field made for the member with ``fingerprint`` (its name ends with the
    first 16 hex digits, docs/record-format.md)."""
    (sig,) = [s for s in signatures(pdf) if s.field_name.endswith(fingerprint[:16])]
    return sig


def test_every_file_of_the_sm_journey_names_the_sm_suite(sm_journey: Journey) -> None:
    j = sm_journey
    assert json.loads((j.authority / "authority.json").read_bytes())["suite"] == SM_ID
    for slug, folder in j.identities.items():
        assert json.loads((folder / "identity.json").read_bytes())["suite"] == SM_ID, slug
    for rnd in rounds(j):
        assert inspect_package(rnd.package).manifest.suite == SM_ID
        root = x509.load_pem_x509_certificate((j.identity(CHAIR) / ROOT).read_bytes())
        assert root.signature_algorithm_oid.dotted_string == "1.2.156.10197.1.501"  # SM3withSM2


def test_every_signature_of_every_closed_record_carries_the_members_sm2_signature(
    sm_journey: Journey,
) -> None:
    j = sm_journey
    signers = {
        2026: [s for s in MEMBERS if s not in (CHAIR, RECUSED)] + [CHAIR],
        2027: ["li-ming", "zhang-hua", CHAIR],
        2028: ["li-ming", "zhang-hua", CHAIR],
    }
    for year, rnd in zip((2026, 2027, 2028), rounds(j), strict=True):
        pdf = closed_record(rnd)
        sigs = signatures(pdf)
        assert len(sigs) == len(signers[year]), year
        for slug in signers[year]:
            sig = field_of(pdf, j.fingerprints[slug])
            cert_sha256, signature, certificate = sm2_attribute(sig)
            # the certificate it carries is the member's (the roster's fingerprint), its hash says so
            assert hashlib.sha256(certificate).hexdigest() == cert_sha256.hex() == j.fingerprints[slug]
            sm2_cert = x509.load_der_x509_certificate(certificate)
            assert sm2_cert.signature_algorithm_oid.dotted_string == "1.2.156.10197.1.501"
            assert MEMBERS[slug][0] in sm2_cert.subject.rfc4514_string()
            # the PAdES signer is the member's ECDSA PDF certificate, which names that SM2 certificate
            pdf_cert = sig.signer_cert
            assert pdf_cert.public_key.algorithm == "ec"
            link = [e for e in pdf_cert["tbs_certificate"]["extensions"] if e["extn_id"].dotted == ARC + ".5"]
            assert core.OctetString.load(link[0]["extn_value"].native).native == cert_sha256
            assert 70 <= len(signature) <= 72 and signature[:1] == b"\x30"


def test_the_ministry_import_refuses_a_record_whose_sm2_signature_was_changed(
    sm_journey: Journey, tmp_path: Path
) -> None:
    """The chair's SM2 signature altered in the closed record (the last signature: no later one covers
    its /Contents, and its PAdES signature stays valid — the attribute is unsigned), then the bundle
    made by a rogue tool with the chair's key: refused — the import checks every SM2 signature, not
    only the PAdES ones."""
    j, rnd = sm_journey, sm_journey.year1
    pdf = closed_record(rnd)
    _, signature, _ = sm2_attribute(field_of(pdf, j.fingerprints[CHAIR]))
    digits = signature.hex().upper().encode()
    assert pdf.count(digits) == 1
    changed = digits[:-2] + f"{signature[-1] ^ 0x01:02X}".encode()  # the last byte of s
    record = pdf.replace(digits, changed)
    # for pyHanko alone (as for every PDF reader) the altered record's PAdES signatures are still valid
    roots = ValidationContext(trust_roots=[load_cert_from_pemder(str(j.identity(CHAIR) / PDF_ROOT))])
    for sig in signatures(record):
        status = validate_pdf_signature(sig, roots)
        assert status.intact and status.valid and status.trusted, sig.field_name
    forged = tmp_path / "forged.rvresult"
    forged.write_bytes(forgery.forge(j, rnd, record=record))
    db = f"sqlite:///{tmp_path / 'registry.sqlite3'}"
    code, out, err = cli("ministry", "import", j.authority, forged, "--db", db, "--passphrase-env", PASS_ENV,
                         "--format", "json")  # fmt: skip
    assert code == 18, err
    (outcome,) = json.loads(out)["files"]
    assert outcome["outcome"] == "refused"
    field = field_of(pdf, j.fingerprints[CHAIR]).field_name
    assert outcome["message"] == (
        f"The record was changed after 王立 signed it (field “{field}”). Do not use this file; ask the chair "
        "for the original."
    )
    # the same tool's bundle with the genuine record is imported: the refusal is the SM2 signature's
    genuine = tmp_path / "genuine.rvresult"
    genuine.write_bytes(forgery.forge(j, rnd))
    code, out, err = cli("ministry", "import", j.authority, genuine, "--db", db, "--passphrase-env", PASS_ENV,
                         "--format", "json")  # fmt: skip
    assert code == 0, out
    assert [f["outcome"] for f in json.loads(out)["files"]] == ["imported"]


# --- outside implementations ------------------------------------------------------------------------


def openssl() -> str:
    found = shutil.which("openssl")
    if found is None or not subprocess.run(
        [found, "version"], capture_output=True, text=True
    ).stdout.startswith("OpenSSL 3"):
        pytest.skip("the cross-check needs the OpenSSL 3 command line (SM2 with a signer id)")
    return found


def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True)


def test_openssl_verifies_a_members_sm2_signature_and_certificate_from_the_closed_record(
    sm_journey: Journey, tmp_path: Path
) -> None:
    """From the closed year-1 record and the pinned SM2 root only: 陈静's SM2 signature, her SM2
    certificate (from the attribute) and the covered bytes, verified by OpenSSL 3."""
    tool, j = openssl(), sm_journey
    pdf = closed_record(j.year1)
    sig = field_of(pdf, j.fingerprints["chen-jing"])
    _, signature, certificate = sm2_attribute(sig)
    files = {
        "covered.bin": covered(pdf, sig),
        "sig.der": signature,
        "member.der": certificate,
        "root.pem": (j.identity("chen-jing") / ROOT).read_bytes(),  # the pinned SM2 root
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    t = tmp_path
    assert (
        run(tool, "x509", "-inform", "DER", "-in", t / "member.der", "-out", t / "member.pem").returncode == 0
    )
    pub = run(tool, "x509", "-in", t / "member.pem", "-pubkey", "-noout")
    assert pub.returncode == 0, pub.stderr
    (t / "pub.pem").write_text(pub.stdout, "ascii")

    def pkeyutl(message: str) -> subprocess.CompletedProcess[str]:
        return run(tool, "pkeyutl", "-verify", "-pubin", "-inkey", t / "pub.pem", "-rawin", "-in", t / message,
                   "-sigfile", t / "sig.der", "-digest", "sm3", "-pkeyopt", DISTID)  # fmt: skip

    verified = pkeyutl("covered.bin")
    assert verified.returncode == 0 and "Signature Verified Successfully" in verified.stdout, verified
    chain = run(tool, "verify", "-vfyopt", DISTID, "-CAfile", t / "root.pem", t / "member.pem")
    assert chain.returncode == 0 and chain.stdout.strip() == f"{t / 'member.pem'}: OK", chain
    # the same checks fail on one changed byte, and against another member's certificate's key
    changed = bytearray(files["covered.bin"])
    changed[len(changed) // 2] ^= 0x01
    (t / "changed.bin").write_bytes(bytes(changed))
    assert pkeyutl("changed.bin").returncode != 0
    _, _, other = sm2_attribute(field_of(pdf, j.fingerprints["li-ming"]))
    (t / "other.der").write_bytes(other)
    run(tool, "x509", "-inform", "DER", "-in", t / "other.der", "-out", t / "other.pem")
    (t / "pub.pem").write_text(run(tool, "x509", "-in", t / "other.pem", "-pubkey", "-noout").stdout, "ascii")
    assert pkeyutl("covered.bin").returncode != 0


def test_pdfsig_finds_every_signature_of_the_sm_record_valid(sm_journey: Journey, tmp_path: Path) -> None:
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("pdfsig and certutil (poppler-utils, libnss3-tools) are not installed")
    j = sm_journey
    db = tmp_path / "nss"
    db.mkdir()
    run("certutil", "-N", "-d", f"sql:{db}", "--empty-password")
    added = run("certutil", "-A", "-d", f"sql:{db}", "-n", "pdf-root", "-t", "CT,C,C", "-i",
                j.identity(CHAIR) / PDF_ROOT)  # fmt: skip
    assert added.returncode == 0, added.stderr
    for rnd in rounds(j):
        assert rnd.out is not None
        result = run("pdfsig", "-nssdir", f"sql:{db}", rnd.out / "record.pdf")
        out = result.stdout
        n = len(re.findall(r"^Signature #\d+:", out, re.M))
        assert n == len(signatures(closed_record(rnd))) >= 3, out
        assert out.count("Signature Validation: Signature is Valid.") == n, out
        assert out.count("Certificate Validation: Certificate is Trusted.") == n, out
