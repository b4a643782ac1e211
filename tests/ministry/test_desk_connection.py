"""The desk's registry connection without Qt: the URL built from the dialog's fields (no password in
it), the keyring account its password is kept under, the password put back only when connecting; and
a file that is not a package refused from its first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.app import ministry_desk as ops
from reviewer.app.opening import check_is_package
from reviewer.errors import NotAnArtifact
from reviewer.packages.reader import check_package_header


def test_a_server_url_is_built_from_fields_without_a_password() -> None:
    url = ops.database_url(host="db.example.cn", port=6543, database="登记册", user="desk@部")
    assert url == "postgresql+psycopg://desk%40%E9%83%A8@db.example.cn:6543/%E7%99%BB%E8%AE%B0%E5%86%8C"
    assert (
        ops.database_url(host="::1", port=5432, database="r", user="u")
        == "postgresql+psycopg://u@[::1]:5432/r"
    )
    assert ops.database_url(sqlite=Path("/data/registry.sqlite3")) == "/data/registry.sqlite3"


def test_the_password_is_kept_under_an_account_without_it(monkeypatch) -> None:
    kept: dict[str, str] = {}
    monkeypatch.setattr("reviewer.trust.passphrase.keyring_store", lambda a, s: kept.setdefault(a, s) == s)
    assert ops.keep_password("postgresql+psycopg://desk@h:5432/r", "pw")
    assert kept == {"registry-db:desk@h:5432/r": "pw"}
    monkeypatch.setattr("reviewer.trust.passphrase.keyring_get", lambda a: kept.get(a))
    url = ops.with_password("postgresql+psycopg://desk@h:5432/r")
    assert url.password == "pw" and "pw" not in url.render_as_string(hide_password=True)
    assert ops.with_password("/data/registry.sqlite3").password is None  # a file has none


def test_no_password_anywhere_leaves_the_url_as_it_is(monkeypatch) -> None:
    monkeypatch.setattr("reviewer.trust.passphrase.keyring_get", lambda a: None)
    assert ops.with_password("postgresql+psycopg://desk@h:5432/r").password is None


def test_a_pdf_named_rvpkg_is_not_a_package(tmp_path: Path) -> None:
    fake = tmp_path / "x.rvpkg"
    fake.write_bytes(b"%PDF-1.7\n" + b"0" * 200)
    with pytest.raises(NotAnArtifact, match="not a review package"):
        check_package_header(fake)
    with pytest.raises(NotAnArtifact):
        check_is_package(fake)
    check_is_package(tmp_path / "missing.rvpkg")  # left to the opening, which says why
