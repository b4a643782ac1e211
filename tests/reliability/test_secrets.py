"""Keys and secrets: no passphrase or private key material in any log line or output.

Already covered in ``tests/trust/test_identity_keys.py``: no keyring backend → a passphrase prompt
(``test_without_keyring_a_prompt_is_used``), no keyring and no terminal → exit 19
(``test_cli_without_keyring_or_terminal_exits_19``), key files 0600 and never plaintext
(``test_key_files_are_private_and_never_plaintext``), a wrong passphrase → exit 15
(``test_wrong_passphrase_exit_code``). Here: a whole round through the command line with ``-v``
(debug logging) — authority, identities (one with a passphrase from the environment, one with a
random passphrase in the keyring), enrolment, sealing, opening, a wrong passphrase — with every log
record, stdout and stderr captured; none may carry a passphrase, a stretched passphrase or any
private key in any encoding.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import logging
import stat
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives import serialization

from reviewer.cli import main
from reviewer.trust import PassphraseSource, load_identity, open_authority
from reviewer.trust.keys import stretch
from tests.conftest import STANDARDS
from tests.permissive import PERMISSIVE_RULES
from tests.trust.test_identity_keys import MemoryKeyring

PASS_ENV = "RV_SECRET_TEST_PASSPHRASE"
PASSPHRASE = "correct-horse-battery-staple-42"
WRONG = "wrong-guess-passphrase-77"


def encodings(secret: bytes) -> set[str]:
    """The ways a secret could show up in text."""
    forms = {secret.hex(), secret.hex().upper(), base64.b64encode(secret).decode()}
    if len(secret) >= 8:  # a base64 body without padding, as PEM lines carry it
        forms.add(base64.b64encode(secret).decode().rstrip("=")[:40])
    return {f for f in forms if len(f) >= 16}


def key_secrets(key) -> set[str]:  # type: ignore[no-untyped-def]
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())  # fmt: skip
    out = encodings(der)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()  # fmt: skip
    out |= {line for line in pem.splitlines() if len(line) >= 40 and "PRIVATE" not in line}
    if hasattr(key, "private_numbers"):
        value = key.private_numbers().private_value
        out |= {str(value), f"{value:x}", f"{value:064x}"}
    else:
        out |= encodings(key.private_bytes_raw())
    return out


class Captured:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def run(self, *argv: str | Path) -> int:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--lang", "en", "-v", *map(str, argv)])
        self.texts += [out.getvalue(), err.getvalue()]
        return code


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_no_secret_in_any_log_line(tmp_path: Path, monkeypatch, caplog, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    caplog.set_level(logging.DEBUG)
    c = Captured()
    auth, chair, expert = tmp_path / "ministry", tmp_path / "id-chair", tmp_path / "id-expert"
    assert c.run("authority", "init", auth, "--name", "工业和信息化部", "--passphrase-env", PASS_ENV) == 0
    assert (
        c.run("identity", "new", chair, "--name", "王堃", "--org", "京华研究院", "--passphrase-env", PASS_ENV)
        == 0
    )
    assert c.run("identity", "new", expert, "--name", "李喆", "--org", "江汉理工大学") == 0  # keyring
    for who in (chair, expert):
        cred = tmp_path / f"{who.name}.rvcred"
        assert c.run("authority", "enroll", auth, who / "enrolment-request.json", "--out", cred,
                     "--passphrase-env", PASS_ENV) == 0  # fmt: skip
        assert c.run("identity", "install", who, cred) == 0
    panel = tmp_path / "panel.json"
    panel.write_text(json.dumps({"members": [{"credential": "id-chair.rvcred", "role": "chair"},
                                             {"credential": "id-expert.rvcred", "role": "expert"}]}))  # fmt: skip
    candidate = tmp_path / "candidate.json"
    candidate.write_text(
        json.dumps({"name": "示例软件园", "type": "park", "province": "江苏省", "city": "南京市"})
    )
    materials = tmp_path / "materials"
    materials.mkdir()
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 secret test\n" * 20)
    pkg = tmp_path / "p.rvpkg"
    assert c.run("package", "seal", auth, "--standard", STANDARDS / "sample-park-creation.json",
                 "--candidate", candidate, "--materials", materials, "--panel", panel, "--out", pkg,
                 "--passphrase-env", PASS_ENV, "--panel-rules", PERMISSIVE_RULES) == 0  # fmt: skip
    assert c.run("package", "open", pkg, "--identity", chair, "--passphrase-env", PASS_ENV) == 0
    assert c.run("package", "open", pkg, "--identity", expert) == 0  # the keyring's passphrase
    monkeypatch.setenv(PASS_ENV, WRONG)
    assert c.run("package", "open", pkg, "--identity", chair, "--passphrase-env", PASS_ENV) == 15

    # Every secret there is, in every form it could take.
    (kept,) = memory_keyring.store.values()  # the expert's random passphrase
    assert len(kept) >= 32
    secrets = {PASSPHRASE, WRONG, kept}
    for folder, phrase in ((chair, PASSPHRASE), (expert, kept)):
        ident = load_identity(folder, PassphraseSource(explicit=phrase, use_keyring=False, interactive=False))
        secrets |= key_secrets(ident.signing_key())
        secrets |= key_secrets(ident._encryption_key)  # the X25519 key (no public accessor)
        secrets.add(stretch(phrase, ident.info.salt))
    authority = open_authority(auth)
    keys = authority.unlock(PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False))
    for key in (keys.root, keys.signing, keys.encryption):
        secrets |= key_secrets(key)
    secrets.add(stretch(PASSPHRASE, authority.salt))

    records = [r for r in caplog.records]
    assert any(r.levelno == logging.DEBUG for r in records), "debug logging was not on"
    lines = [r.getMessage() for r in records] + [r.exc_text or "" for r in records] + c.texts
    lines += [str(r.args) for r in records]
    text = "\n".join(lines)
    leaked = sorted(s for s in secrets if s in text)
    assert leaked == [], f"secrets in the logs: {[s[:6] + '…' for s in leaked]}"

    # Key files: owner-only, encrypted.
    key_files = [p for p in tmp_path.rglob("*.pem") if "key" in p.name]
    assert len(key_files) >= 7  # authority root, signing, encryption; two per identity
    for path in key_files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert b"ENCRYPTED PRIVATE KEY" in path.read_bytes(), path
