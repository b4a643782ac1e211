"""The ministry's authority: root CA, package-signing key, ledger, issued credentials, revocations.

Folder layout (private keys PKCS#8 encrypted under one passphrase, mode 0600)::

    authority.json           name, id, created, where the passphrase lives
    root.crt.pem / root.key.pem            root CA (ECDSA P-256, CA:TRUE, pathlen 0)
    signing.crt.pem / signing.key.pem      package-signing key, certified by the root
    encryption.key.pem                     the ministry's X25519 key (certified in signing.crt.pem)
    ledger.jsonl             one JSON object per line: enrolled (with the member's category),
                             sealed (with any composition warnings), revoked (issue 7 reads it)
    panel-rules.json         optional: the ministry's own panel rules (else the shipped file)
    issued/<serial>.rvcred   every credential issued
    revocations.json         the revocation state, changed in one atomic step: the revoked serials
                             with reason and time, the CRL number and the signed CRL (base64)
    revocations.crl          a copy of that CRL (DER), signed by the root

The SM suite's keys, roots and issuing (SM2 root, PDF root, member and PDF certificates) live in
``reviewer.trust.sm_authority``; this module dispatches to it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, x25519

from reviewer.errors import InvalidInput, NotAnArtifact, Refused, Untrusted, UsageError
from reviewer.i18n import T
from reviewer.trust import certs, clock, sm, suites
from reviewer.trust.credential import Credential, load_pem_cert, pem
from reviewer.trust.encoding import b64, parse_json, unb64
from reviewer.trust.enrolment import EnrolmentRequest, parse_request
from reviewer.trust.files import Appended, append_line, read_lines, retract_line, write_atomic
from reviewer.trust.keys import (
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    cert_fingerprint,
    load_private_key,
    new_encryption_key,
    new_signing_key,
    new_sm2_key,
    save_private_key,
    stretch,
)
from reviewer.trust.passphrase import PassphraseSource
from reviewer.trust.revocation import RevocationList, RevokedEntry, build_crl

AUTHORITY_FORMAT = "reviewer.authority/1"
# a member's category, recorded at enrolment: 专家, 采购人或主管部门代表 (see reviewer.packages.composition)
MEMBER_CATEGORIES = ("expert", "representative")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuthorityKeys:
    root: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey  # SM2 in the SM suite
    signing: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey  # SM2 in the SM suite
    encryption: x25519.X25519PrivateKey | sm.Sm2PrivateKey  # SM2 in the SM suite
    pdf_root: ec.EllipticCurvePrivateKey | None = None  # the SM suite's PDF root


@dataclass(frozen=True)
class Authority:
    path: Path
    id: str
    name: str
    keyring: bool
    root: x509.Certificate
    signing_cert: x509.Certificate
    salt: bytes
    suite: suites.Suite = suites.NIST
    pdf_root: x509.Certificate | None = None  # the SM suite only

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
        if self.suite is suites.SM:
            from reviewer.trust import sm_authority  # the SM suite only

            pdf_root = load_private_key(self.path / sm_authority.PDF_ROOT_KEY, passphrase, label=self.label)
            return AuthorityKeys(root, signing, encryption, sm_authority.checked_pdf_root_key(keys, pdf_root))
        assert isinstance(root, ec.EllipticCurvePrivateKey) and isinstance(
            signing, ec.EllipticCurvePrivateKey
        )
        assert isinstance(encryption, x25519.X25519PrivateKey)
        return AuthorityKeys(root, signing, encryption)

    # --- ledger -------------------------------------------------------------------------------
    def record(self, event: str, **fields: Any) -> Appended:
        """Append one record: whole or not at all (a torn tail is cut off first; DiskFull if full)."""
        entry = {"event": event, "time": clock.iso(clock.utcnow()), **fields}
        return append_line(self.path / "ledger.jsonl", json.dumps(entry, ensure_ascii=False, sort_keys=True))

    def retract(self, appended: Appended) -> bool:
        """Take back the record just appended when the step it records failed (see ``seal``)."""
        return retract_line(self.path / "ledger.jsonl", appended)

    def ledger(self) -> Iterator[dict[str, Any]]:
        """The ledger's complete records, oldest first; an unfinished last line is skipped."""
        path = self.path / "ledger.jsonl"
        for number, line in read_lines(path):
            yield _ledger_record(path, number, line)

    # --- credentials --------------------------------------------------------------------------
    def enroll(
        self,
        request: bytes,
        source: PassphraseSource,
        *,
        source_name: str = "request",
        now: datetime | None = None,
        category: str = "expert",
    ) -> Credential:
        """Check the request's proof of possession and issue a member credential. ``category`` (专家
        ``expert`` or 采购人或主管部门代表 ``representative``) is recorded with the enrolment."""
        if category not in MEMBER_CATEGORIES:
            raise UsageError(
                T(
                    "成员类别只能是 expert（专家）或 representative（采购人或主管部门代表）。",
                    "A member's category is expert or representative.",
                )
            )
        req = parse_request(request, source_name)
        if req.suite is not self.suite:
            raise suites.mismatch(T("该申请文件", "The enrolment request"), req.suite, self.suite)
        now = now or clock.utcnow()
        keys = self.unlock(source)
        issue = self._issue_sm if self.suite is suites.SM else self._issue_nist
        cred = issue(req, keys, now)
        cert = cred.certificate
        issued = cred.save(self.path / "issued" / f"{cert.serial_number:x}.rvcred")
        try:
            self.record(
                "enrolled",
                serial=f"{cert.serial_number:x}",
                name=req.name,
                org=req.org,
                identity=req.identity,
                cert_sha256=cred.fingerprint,
                not_after=clock.iso(cert.not_valid_after_utc),
                category=category,
            )
        except BaseException:  # not in the ledger: not issued (the credential is handed out only now)
            issued.unlink(missing_ok=True)
            raise
        return cred

    def _issue_nist(self, req: EnrolmentRequest, keys: AuthorityKeys, now: datetime) -> Credential:
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
        return Credential(cert, self.root)

    def _issue_sm(self, req: EnrolmentRequest, keys: AuthorityKeys, now: datetime) -> Credential:
        from reviewer.trust import sm_authority  # the SM suite only

        assert self.pdf_root is not None and keys.pdf_root is not None
        return sm_authority.issue_member(self.root, keys.root, self.pdf_root, keys.pdf_root, req, now)

    # --- revocation -----------------------------------------------------------------------------
    # revocations.json is the revocation state and changes in one atomic step (a whole new file
    # renamed into place): the revoked serials with reason and time, the CRL number, and the signed
    # CRL itself. revocations.crl is a copy of that CRL, written after it, and the ledger's
    # "revoked" record comes last; a re-run of ``revoke`` writes whichever of the two is missing.

    def revocations(self) -> RevocationList:
        """The newest signed CRL: the one inside revocations.json, or revocations.crl (older folders)."""
        lists = [self._crl_of_state(self._revocation_state()), self._crl_file()]
        newest = RevocationList.newest(*lists)
        if newest is None:
            raise InvalidInput(
                T(
                    "签发机构文件夹 {path} 中没有吊销列表。",
                    "The authority folder {path} holds no revocation list.",
                    path=str(self.path),
                )
            )
        return newest

    def pending_revocations(self) -> set[int]:
        """Serials revocations.json lists that the signed CRL does not: a revocation interrupted by a
        crash in an older version. They are refused on new panels until ``revoke`` is run again."""
        crl = self.revocations()
        listed = {int(e["serial"], 16) for e in self._revocation_state()["revoked"]}
        return {serial for serial in listed if crl.revoked_at(serial) is None}

    def revoke(
        self, cred: Credential, reason: str, source: PassphraseSource, *, now: datetime | None = None
    ) -> RevocationList:
        """Revoke ``cred``; or finish a revocation a crash interrupted (the CRL, its copy, the ledger)."""
        if cert_fingerprint(cred.root) != self.root_fingerprint:
            raise Refused(T("该凭证不是本机构签发的。", "This credential was not issued by this authority."))
        if not reason.strip():
            raise UsageError(
                T("请用 --reason 说明吊销原因。", "Give the reason for revocation with --reason.")
            )
        now = now or clock.utcnow()
        serial = f"{cred.serial:x}"
        state = self._revocation_state()
        crl = self.revocations()
        listed = any(e["serial"] == serial for e in state["revoked"])
        file_current = (file := self._crl_file()) is not None and file.der == crl.der
        logged = any(e.get("event") == "revoked" and e.get("serial") == serial for e in self.ledger())
        if listed and crl.revoked_at(cred.serial) is not None and file_current and logged:
            raise Refused(T("该凭证已被吊销。", "This credential is already revoked."))
        if not listed or crl.revoked_at(cred.serial) is None:
            keys = self.unlock(source)
            if not listed:
                state["revoked"].append(
                    {
                        "serial": serial,
                        "revoked_at": clock.iso(now),
                        "reason": reason.strip(),
                        "name": cred.name,
                        "cert_sha256": cred.fingerprint,
                    }
                )
            state["number"] = max(int(state["number"]), crl.number) + 1
            self._write_crl(keys.root, state, now)
        else:  # the state holds the revocation; only its copy and/or the ledger record are missing
            write_atomic(self.path / "revocations.crl", crl.der)
        if not logged:
            entry = next(e for e in self._revocation_state()["revoked"] if e["serial"] == serial)
            self.record("revoked", serial=serial, name=cred.name, reason=entry["reason"],
                        cert_sha256=cred.fingerprint)  # fmt: skip
        return self.revocations()

    def _revocation_state(self) -> dict[str, Any]:
        path = self.path / "revocations.json"
        try:
            state = parse_json(path.read_bytes())
            if not isinstance(state, dict) or not isinstance(state.get("revoked"), list):
                raise ValueError("revoked")
            int(state["number"])
            return state
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InvalidInput(
                T(
                    "签发机构的吊销状态 {path} 无法读取。请从备份恢复。",
                    "The authority's revocation state {path} cannot be read. Restore it from a backup.",
                    path=str(path),
                ),
                detail=str(exc),
            ) from exc

    def _crl_of_state(self, state: dict[str, Any]) -> RevocationList | None:
        return RevocationList.load(unb64(state["crl"]), self.root) if "crl" in state else None

    def _crl_file(self) -> RevocationList | None:
        path = self.path / "revocations.crl"
        return RevocationList.load(path.read_bytes(), self.root) if path.exists() else None

    def _write_crl(
        self, root_key: ec.EllipticCurvePrivateKey | sm.Sm2PrivateKey, state: dict[str, Any], now: datetime
    ) -> None:
        entries = [
            RevokedEntry(int(e["serial"], 16), clock.parse_iso(e["revoked_at"])) for e in state["revoked"]
        ]
        if self.suite is suites.SM:
            from reviewer.trust import sm_x509

            der = sm_x509.build_sm_crl(self.root, root_key, entries, number=state["number"], now=now)
        else:
            der = build_crl(self.root, root_key, entries, number=state["number"], now=now)
        state = {**state, "crl": b64(der)}
        write_atomic(  # the one step in which the revocation takes effect
            self.path / "revocations.json",
            (json.dumps(state, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        )
        write_atomic(self.path / "revocations.crl", der)


def _ledger_record(path: Path, number: int, line: str) -> dict[str, Any]:
    """One ledger line as a record. A line written by an older version after a torn append holds the
    torn prefix and then one whole record: the record is kept (the prefix never counted)."""
    try:
        value = json.loads(line)
    except ValueError:
        value = None
        for at in range(1, len(line)):
            if line[at] == "{":
                with contextlib.suppress(ValueError):
                    value = json.loads(line[at:])
                    if isinstance(value, dict) and "event" in value:
                        log.warning("%s line %d: skipped %d bytes of an unfinished record", path, number, at)
                        break
                value = None
    if not isinstance(value, dict) or not isinstance(value.get("event"), str):
        raise InvalidInput(
            T(
                "签发机构的台账 {path} 第 {n} 行已损坏。请从备份恢复该文件，或删除这一行后重试。",
                "Line {n} of the authority's ledger {path} is damaged. Restore the file from a backup, "
                "or remove that line, and try again.",
                path=str(path),
                n=number,
            ),
            detail=line[:200],
        )
    return value


def create_authority(
    folder: str | Path,
    *,
    name: str,
    source: PassphraseSource,
    now: datetime | None = None,
    suite: suites.Suite = suites.NIST,
) -> Authority:
    """A new authority in ``folder``, in ``suite`` (chosen once: every identity, credential and
    artifact of its panels uses it)."""
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
    sm_suite = suite is suites.SM
    if sm_suite:
        root_key, signing_key, enc_key = new_sm2_key(), new_sm2_key(), new_sm2_key()
    else:
        root_key, signing_key, enc_key = new_signing_key(), new_signing_key(), new_encryption_key()
    label = str(T("部级签发机构“{name}”", "the authority “{name}”", name=name))
    passphrase, in_keyring = source.for_new_key(f"authority:{ident}", label)
    salt = os.urandom(16)
    password = stretch(passphrase, salt)
    folder.mkdir(parents=True, exist_ok=True)
    secrets: list[tuple[str, Any]] = [
        ("root.key.pem", root_key),
        ("signing.key.pem", signing_key),
        ("encryption.key.pem", enc_key),
    ]
    if sm_suite:
        from reviewer.trust import sm_authority  # the SM suite only

        hierarchy = sm_authority.make_hierarchy(name.strip(), root_key, signing_key, enc_key, now)
        root, signing = hierarchy.root, hierarchy.signing
        secrets.append((sm_authority.PDF_ROOT_KEY, hierarchy.pdf_root_key))
    else:
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
    for fname, key in secrets:
        save_private_key(folder / fname, key, password)
    write_atomic(folder / "root.crt.pem", pem(root).encode("ascii"))
    write_atomic(folder / "signing.crt.pem", pem(signing).encode("ascii"))
    if sm_suite:
        write_atomic(folder / sm_authority.PDF_ROOT_CERT, pem(hierarchy.pdf_root).encode("ascii"))
    (folder / "issued").mkdir(exist_ok=True)
    doc = {
        "format": AUTHORITY_FORMAT,
        **({"suite": suites.SM_ID} if sm_suite else {}),  # absent = NIST: its file is unchanged
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
        suite = suites.by_id(doc["suite"]) if "suite" in doc else suites.NIST
        if suites.of_root(root) is not suite:
            raise ValueError(f"root.crt.pem is not a root of {suite.id}")
        pdf_root = None
        if suite is suites.SM:
            from reviewer.trust import sm_authority  # the SM suite only

            pdf_root = sm_authority.load_pdf_root(folder, root)
        return Authority(
            folder,
            doc["id"],
            doc["name"],
            doc["passphrase"] == "keyring",
            root,
            signing,
            salt,
            suite,
            pdf_root,
        )
    except (OSError, ValueError, KeyError, AttributeError, Untrusted, NotAnArtifact) as exc:
        raise InvalidInput(
            T(
                "{path} 不是签发机构文件夹。请先运行 reviewer authority init。",
                "{path} is not an authority folder. Run `reviewer authority init` first.",
                path=str(folder),
            ),
            detail=str(exc),
        ) from exc
