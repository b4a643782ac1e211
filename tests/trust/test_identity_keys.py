"""Identities and authorities: passphrases (env, keyring, prompt, none), key files, enrolment."""

from __future__ import annotations

import contextlib
import io
import json
import stat
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from keyring.backend import KeyringBackend

from reviewer.cli import main
from reviewer.errors import KeyUnavailable, Refused, Tampered, WrongPassphrase
from reviewer.trust import (
    PassphraseSource,
    create_authority,
    create_identity,
    install_credential,
    load_identity,
)
from reviewer.trust.identity import REQUEST

PASS = "a-good-passphrase"


class MemoryKeyring(KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_keyring_keeps_a_random_passphrase(tmp_path, memory_keyring) -> None:
    info, _ = create_identity(tmp_path / "id", name="张伟", org="南京大学", source=PassphraseSource())
    assert info.keyring
    stored = memory_keyring.store[("reviewer", f"identity:{info.id}")]
    assert len(stored) >= 40  # random, not typed
    assert load_identity(info.path, PassphraseSource()).name == "张伟"  # no prompt, no env


@pytest.mark.parametrize("backend", ["keyring.backends.null.Keyring", "keyring.backends.fail.Keyring"])
def test_without_keyring_a_prompt_is_used(tmp_path, monkeypatch, backend) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", backend)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.core.load_env())  # the backend named by the environment
    assert type(keyring.get_keyring()).__module__ == backend.rsplit(".", 1)[0]
    try:
        _prompt_round_trip(tmp_path)
    finally:
        keyring.set_keyring(previous)


def _prompt_round_trip(tmp_path: Path) -> None:
    answers = iter([PASS, PASS, PASS])
    source = PassphraseSource(prompt=lambda _label: next(answers))
    info, _ = create_identity(tmp_path / "id", name="李娜", org="浙江大学", source=source)
    assert not info.keyring
    assert load_identity(info.path, source).name == "李娜"
    with pytest.raises(KeyUnavailable) as caught:  # no keyring, no prompt, no env
        load_identity(info.path, PassphraseSource(interactive=False))
    assert "--passphrase-env" in str(caught.value)


def test_cli_without_keyring_or_terminal_exits_19(tmp_path) -> None:
    code, _, err = cli("identity", "new", tmp_path / "id", "--name", "王芳", "--org", "某单位")
    assert code == 19 and "--passphrase-env" in err
    assert not (tmp_path / "id" / "signing.key.pem").exists()


def test_key_files_are_private_and_never_plaintext(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("P", PASS)
    assert (
        cli("authority", "init", tmp_path / "auth", "--name", "工业和信息化部", "--passphrase-env", "P")[0]
        == 0
    )
    assert (
        cli("identity", "new", tmp_path / "id", "--name", "张伟", "--org", "X", "--passphrase-env", "P")[0]
        == 0
    )
    keys = sorted([*tmp_path.rglob("*.key.pem")])
    assert len(keys) == 5
    for key in keys:
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert key.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
        with pytest.raises(TypeError):  # encrypted: unusable without the passphrase
            serialization.load_pem_private_key(key.read_bytes(), password=None)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"BEGIN PRIVATE KEY" not in data and b"BEGIN EC PRIVATE KEY" not in data, path


def test_wrong_passphrase_exit_code(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("P", PASS)
    cli("identity", "new", tmp_path / "id", "--name", "张伟", "--org", "X", "--passphrase-env", "P")
    with pytest.raises(WrongPassphrase):
        load_identity(tmp_path / "id", PassphraseSource(explicit="wrong-passphrase"))
    monkeypatch.setenv("P", "wrong-passphrase")
    code, _, _ = cli("authority", "init", tmp_path / "auth", "--name", "M", "--passphrase-env", "P")
    assert code == 0
    monkeypatch.setenv("P", "another-wrong-one")
    code, _, err = cli(
        "authority",
        "enroll",
        tmp_path / "auth",
        tmp_path / "id" / REQUEST,
        "--out",
        tmp_path / "c.rvcred",
        "--passphrase-env",
        "P",
    )
    assert code == 15 and "wrong" in err and not (tmp_path / "c.rvcred").exists()


def test_enrolment_install_and_certificate_profile(tmp_path, monkeypatch) -> None:
    src = PassphraseSource(explicit=PASS)
    authority = create_authority(tmp_path / "auth", name="工业和信息化部", source=src)
    info, _ = create_identity(tmp_path / "id", name="张伟", org="南京大学", source=src)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), src)
    cert = cred.certificate
    assert cred.name == "张伟" and cred.org == "南京大学"
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.digital_signature and ku.content_commitment and not ku.key_cert_sign
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    root_ski = authority.root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == root_ski.digest
    cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    root_bc = authority.root.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert root_bc.ca
    cred_path = cred.save(tmp_path / "zhang.rvcred")
    code, out, _ = cli("identity", "install", info.path, cred_path)
    assert code == 0
    assert authority.root_fingerprint.upper()[:2] + ":" in out.replace(" ", "")
    identity = load_identity(info.path, src)
    assert identity.fingerprint == cred.fingerprint and identity.trust_root() == authority.root
    # A credential for somebody else is refused.
    other, _ = create_identity(tmp_path / "other", name="李娜", org="X", source=src)
    with pytest.raises(Refused):
        install_credential(other.path, cred_path)


def test_tampered_enrolment_request(tmp_path) -> None:
    src = PassphraseSource(explicit=PASS)
    authority = create_authority(tmp_path / "auth", name="M", source=src)
    info, _ = create_identity(tmp_path / "id", name="张伟", org="南京大学", source=src)
    doc = json.loads((info.path / REQUEST).read_text("utf-8"))
    doc["name"] = "冒名者"
    with pytest.raises(Tampered):
        authority.enroll(json.dumps(doc, ensure_ascii=False).encode("utf-8"), src)
