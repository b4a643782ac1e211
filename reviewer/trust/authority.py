"""The ministry's authority: root CA, package-signing key, ledger, issued credentials, revocations.

Folder layout (private keys PKCS#8 encrypted under one passphrase, mode 0600)::

    authority.json           name, id, created, where the passphrase lives
    root.crt.pem / root.key.pem            root CA (ECDSA P-256, CA:TRUE, pathlen 0)
    signing.crt.pem / signing.key.pem      package-signing key, certified by the root
    encryption.key.pem                     the ministry's X25519 key (certified in signing.crt.pem)
    ledger.jsonl             one JSON object per line: enrolled, sealed, revoked (issue 7 reads it)
    issued/<serial>.rvcred   every credential issued
    revocations.json         the revoked serials with reason and time (CRL number)
    revocations.crl          the current CRL (DER), signed by the root
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import InvalidInput, Refused, UsageError
from reviewer.i18n import T
from reviewer.trust import certs, clock
from reviewer.trust.credential import Credential, load_pem_cert, pem
from reviewer.trust.encoding import b64, parse_json, unb64
from reviewer.trust.enrolment import parse_request
from reviewer.trust.files import append_line, write_atomic
from reviewer.trust.keys import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    cert_fingerprint,
    load_private_key,
    new_encryption_key,
    new_signing_key,
    save_private_key,
    stretch,
)
from reviewer.trust.passphrase import PassphraseSource
from reviewer.trust.revocation import RevocationList, RevokedEntry, build_crl

AUTHORITY_FORMAT = "reviewer.authority/1"


@dataclass(frozen=True)
class AuthorityKeys:
    root: ec.EllipticCurvePrivateKey
    signing: ec.EllipticCurvePrivateKey
    encryption: x25519.X25519PrivateKey


@dataclass(frozen=True)
class Authority:
    path: Path
    id: str
    name: str
    keyring: bool
    root: x509.Certificate
    signing_cert: x509.Certificate
    salt: bytes

    @property
    def account(self) -> str:
        return f"authority:{self.id}"

    @property
    def label(self) -> str:
        return str(T("部级签发机构“{name}”", "the authority “{name}”", name=self.name))

    @property
    def root_fingerprint(self) -> str:
        return cert_fingerprint(self.root)

    def unlock(self, source: PassphraseSource) -> AuthorityKeys:
        passphrase = stretch(source.for_existing_key(self.account, self.label), self.salt)
        keys = [
            load_private_key(self.path / f, passphrase, label=self.label)
            for f in ("root.key.pem", "signing.key.pem", "encryption.key.pem")
        ]
        root, signing, encryption = keys
        assert isinstance(root, ec.EllipticCurvePrivateKey) and isinstance(
            signing, ec.EllipticCurvePrivateKey
        )
        assert isinstance(encryption, x25519.X25519PrivateKey)
        return AuthorityKeys(root, signing, encryption)

    # --- ledger -------------------------------------------------------------------------------
    def record(self, event: str, **fields: Any) -> None:
        entry = {"event": event, "time": clock.iso(clock.utcnow()), **fields}
        append_line(self.path / "ledger.jsonl", json.dumps(entry, ensure_ascii=False, sort_keys=True))

    def ledger(self) -> Iterator[dict[str, Any]]:
        path = self.path / "ledger.jsonl"
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)

    # --- credentials --------------------------------------------------------------------------
    def enroll(
        self,
        request: bytes,
        source: PassphraseSource,
        *,
        source_name: str = "request",
        now: datetime | None = None,
    ) -> Credential:
        """Check the request's proof of possession and issue a member credential."""
        req = parse_request(request, source_name)
        now = now or clock.utcnow()
        keys = self.unlock(source)
        cert = certs.issue(
            self.root,
            keys.root,
            common_name=req.name,
            org=req.org,
            public_key=req.signing_key,
            encryption_key=req.encryption_key,
            package_signer=False,
            now=now,
        )
        cred = Credential(cert, self.root)
        cred.save(self.path / "issued" / f"{cert.serial_number:x}.rvcred")
        self.record(
            "enrolled",
            serial=f"{cert.serial_number:x}",
            name=req.name,
            org=req.org,
            identity=req.identity,
            cert_sha256=cred.fingerprint,
            not_after=clock.iso(cert.not_valid_after_utc),
        )
        return cred

    def revocations(self) -> RevocationList:
        return RevocationList.load((self.path / "revocations.crl").read_bytes(), self.root)

    def revoke(
        self, cred: Credential, reason: str, source: PassphraseSource, *, now: datetime | None = None
    ) -> RevocationList:
        if cert_fingerprint(cred.root) != self.root_fingerprint:
            raise Refused(T("该凭证不是本机构签发的。", "This credential was not issued by this authority."))
        if not reason.strip():
            raise UsageError(
                T("请用 --reason 说明吊销原因。", "Give the reason for revocation with --reason.")
            )
        now = now or clock.utcnow()
        state = self._revocation_state()
        serial = f"{cred.serial:x}"
        if any(e["serial"] == serial for e in state["revoked"]):
            raise Refused(T("该凭证已被吊销。", "This credential is already revoked."))
        keys = self.unlock(source)
        state["revoked"].append(
            {
                "serial": serial,
                "revoked_at": clock.iso(now),
                "reason": reason.strip(),
                "name": cred.name,
                "cert_sha256": cred.fingerprint,
            }
        )
        state["number"] += 1
        self._write_crl(keys.root, state, now)
        self.record(
            "revoked", serial=serial, name=cred.name, reason=reason.strip(), cert_sha256=cred.fingerprint
        )
        return self.revocations()

    def _revocation_state(self) -> dict[str, Any]:
        return json.loads((self.path / "revocations.json").read_text("utf-8"))

    def _write_crl(self, root_key: ec.EllipticCurvePrivateKey, state: dict[str, Any], now: datetime) -> None:
        entries = [
            RevokedEntry(int(e["serial"], 16), clock.parse_iso(e["revoked_at"])) for e in state["revoked"]
        ]
        der = build_crl(self.root, root_key, entries, number=state["number"], now=now)
        write_atomic(
            self.path / "revocations.json",
            (json.dumps(state, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        )
        write_atomic(self.path / "revocations.crl", der)


def create_authority(
    folder: str | Path, *, name: str, source: PassphraseSource, now: datetime | None = None
) -> Authority:
    folder = Path(folder)
    if (folder / "authority.json").exists():
        raise Refused(
            T(
                "{path} 中已有签发机构，不会覆盖。",
                "{path} already holds an authority; it is not overwritten.",
                path=str(folder),
            )
        )
    if not name.strip():
        raise UsageError(T("请用 --name 给出机构名称。", "Give the authority's name with --name."))
    now = now or clock.utcnow()
    ident = str(uuid.uuid4())
    root_key, signing_key, enc_key = new_signing_key(), new_signing_key(), new_encryption_key()
    label = str(T("部级签发机构“{name}”", "the authority “{name}”", name=name))
    passphrase, in_keyring = source.for_new_key(f"authority:{ident}", label)
    salt = os.urandom(16)
    password = stretch(passphrase, salt)
    folder.mkdir(parents=True, exist_ok=True)
    root = certs.make_root(root_key, name.strip(), now)
    signing = certs.issue(
        root,
        root_key,
        common_name=f"{name.strip()} Package Signing",
        org=name.strip(),
        public_key=signing_key.public_key(),
        encryption_key=enc_key.public_key(),
        package_signer=True,
        now=now,
    )
    for fname, key in (
        ("root.key.pem", root_key),
        ("signing.key.pem", signing_key),
        ("encryption.key.pem", enc_key),
    ):
        save_private_key(folder / fname, key, password)
    write_atomic(folder / "root.crt.pem", pem(root).encode("ascii"))
    write_atomic(folder / "signing.crt.pem", pem(signing).encode("ascii"))
    (folder / "issued").mkdir(exist_ok=True)
    doc = {
        "format": AUTHORITY_FORMAT,
        "id": ident,
        "name": name.strip(),
        "created": clock.iso(now),
        "passphrase": "keyring" if in_keyring else "user",
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64(salt)},
    }
    write_atomic(
        folder / "authority.json", (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    )
    authority = open_authority(folder)
    authority._write_crl(root_key, {"number": 1, "revoked": []}, now)
    authority.record("created", name=name.strip(), root_sha256=authority.root_fingerprint)
    return authority


def open_authority(folder: str | Path) -> Authority:
    folder = Path(folder)
    try:
        doc = parse_json((folder / "authority.json").read_bytes())
        if doc.get("format") != AUTHORITY_FORMAT:
            raise ValueError("format")
        root = load_pem_cert((folder / "root.crt.pem").read_bytes(), "root.crt.pem")
        signing = load_pem_cert((folder / "signing.crt.pem").read_bytes(), "signing.crt.pem")
        salt = unb64(doc["kdf"]["salt"])
        return Authority(folder, doc["id"], doc["name"], doc["passphrase"] == "keyring", root, signing, salt)
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise InvalidInput(
            T(
                "{path} 不是签发机构文件夹。请先运行 reviewer authority init。",
                "{path} is not an authority folder. Run `reviewer authority init` first.",
                path=str(folder),
            ),
            detail=str(exc),
        ) from exc
