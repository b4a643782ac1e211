"""The memo of ``certs.verify_chain`` (issue 20, benchmark 11): successes only, keyed by the exact
bytes of the certificate and the root and the purpose, bounded; validity is still checked every time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import Expired, Untrusted
from reviewer.trust import certs, sm, sm_x509

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def empty_memo() -> Iterator[None]:
    certs._chain_memo.clear()
    yield
    certs._chain_memo.clear()


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[x509.Certificate]:
    """Every certificate the full chain check runs for."""
    calls: list[x509.Certificate] = []
    real = certs._verify_chain

    def counting(cert: x509.Certificate, root: x509.Certificate, purpose: x509.ObjectIdentifier) -> None:
        calls.append(cert)
        real(cert, root, purpose)

    monkeypatch.setattr(certs, "_verify_chain", counting)
    return calls


def _sm_world(package_signer: bool = False) -> tuple[x509.Certificate, x509.Certificate]:
    pdf_root = sm_x509.make_pdf_root(ec.generate_private_key(ec.SECP256R1()), "工业和信息化部", NOW)
    root_key = sm.new_sm2_key()
    root = sm_x509.make_sm_root(root_key, "工业和信息化部", NOW, pdf_root=pdf_root)
    cert = sm_x509.issue_sm(
        root,
        root_key,
        common_name="张三",
        org="某大学",
        public_key=sm.new_sm2_key().public_key(),
        encryption_key=sm.new_sm2_key().public_key(),
        package_signer=package_signer,
        now=NOW,
        pdf_key=ec.generate_private_key(ec.SECP256R1()).public_key(),
    )
    return root, cert


def _nist_world() -> tuple[x509.Certificate, x509.Certificate]:
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = certs.make_root(root_key, "工业和信息化部", NOW)
    cert = certs.issue(
        root,
        root_key,
        common_name="张三",
        org="某大学",
        public_key=ec.generate_private_key(ec.SECP256R1()).public_key(),
        encryption_key=x25519.X25519PrivateKey.generate().public_key(),
        package_signer=False,
        now=NOW,
    )
    return root, cert


def _renamed(cert: x509.Certificate) -> x509.Certificate:
    """``cert`` with another subject and its old signature (a forgery)."""
    parsed = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    tbs = parsed["tbs_certificate"]
    tbs["subject"] = a_x509.Name.build({"common_name": "李四", "organization_name": "某大学"})
    rebuilt = a_x509.Certificate(
        {
            "tbs_certificate": a_x509.TbsCertificate.load(tbs.dump(force=True)),
            "signature_algorithm": parsed["signature_algorithm"],
            "signature_value": parsed["signature_value"],
        }
    )
    return x509.load_der_x509_certificate(rebuilt.dump())


WORLDS = {"sm": _sm_world, "nist": _nist_world}


@pytest.mark.parametrize("suite", sorted(WORLDS))
def test_a_changed_certificate_after_a_cached_success_is_refused(suite: str) -> None:
    root, cert = WORLDS[suite]()
    certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)
    certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)  # from the memo
    forged = _renamed(cert)
    assert forged.serial_number == cert.serial_number and forged.issuer == cert.issuer
    assert forged.signature == cert.signature  # the same signature, the same serial: another cert
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        certs.verify_chain(forged, root, purpose=certs.EKU_MEMBER)


def test_a_cached_success_does_not_carry_to_another_root_or_purpose() -> None:
    root, cert = _sm_world()
    other_root, _ = _sm_world()
    assert other_root.subject == root.subject  # same name, other key
    certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)
    with pytest.raises(Untrusted, match="not issued by the ministry root"):
        certs.verify_chain(cert, other_root, purpose=certs.EKU_MEMBER)
    with pytest.raises(Untrusted, match="not valid for this purpose"):
        certs.verify_chain(cert, root, purpose=certs.EKU_PACKAGE_SIGNING)


def test_a_success_is_checked_once_and_a_failure_every_time(spy: list[x509.Certificate]) -> None:
    root, cert = _sm_world()
    other_root, _ = _sm_world()
    for _ in range(3):
        certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)
    assert spy == [cert]
    for _ in range(3):
        with pytest.raises(Untrusted):
            certs.verify_chain(cert, other_root, purpose=certs.EKU_MEMBER)
    assert len(spy) == 4  # the failure was checked in full each time, and never remembered
    assert len(certs._chain_memo) == 1


def test_validity_is_checked_every_time_after_a_cached_chain() -> None:
    root, cert = _sm_world()
    certs.verify_issued(cert, root, purpose=certs.EKU_MEMBER, at=NOW)
    with pytest.raises(Expired):
        certs.verify_issued(cert, root, purpose=certs.EKU_MEMBER, at=NOW + timedelta(days=365 * 4))
    with pytest.raises(Expired):
        certs.verify_issued(cert, root, purpose=certs.EKU_MEMBER, at=NOW - timedelta(days=1))


def test_the_memo_is_bounded_and_least_recently_used_goes_first() -> None:
    memo = certs._ChainMemo(3)
    keys = [(bytes([i]) * 32, b"r" * 32, "1.2.3") for i in range(5)]
    for key in keys[:3]:
        memo.add(key)
    assert keys[0] in memo  # used: now the most recent
    memo.add(keys[3])
    memo.add(keys[4])
    assert len(memo) == 3
    assert keys[0] in memo and keys[3] in memo and keys[4] in memo
    assert keys[1] not in memo and keys[2] not in memo
    assert certs.CHAIN_MEMO_SIZE == certs._chain_memo.size == 4096


def test_the_process_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch, spy: list[x509.Certificate]) -> None:
    monkeypatch.setattr(certs._chain_memo, "size", 2)
    worlds = [_nist_world() for _ in range(3)]
    for root, cert in worlds:
        certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)
    assert len(certs._chain_memo) == 2
    root, cert = worlds[0]  # evicted: checked again in full
    certs.verify_chain(cert, root, purpose=certs.EKU_MEMBER)
    assert spy[-1] is cert and len(spy) == 4


def test_the_memo_under_threads() -> None:
    memo = certs._ChainMemo(50)

    def work(n: int) -> None:
        for i in range(500):
            key = (n.to_bytes(2, "big") + i.to_bytes(30, "big"), b"r" * 32, "1.2.3")
            memo.add(key)
            assert key in memo or len(memo) == 50

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(memo) == 50
