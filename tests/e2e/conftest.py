"""The journey is built once per session and suite through the command line (``journey`` is
parametrised: ``nist``, then ``sm``); each database gets its own registry.

``db_url`` is the ministry tests' fixture (SQLite, and PostgreSQL from ``REVIEWER_TEST_PG_URL`` in its
own schema; skipped locally without it, a failure under CI).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e import forgery
from tests.e2e.journey import (
    ANNUAL_OUTSIDER,
    PASS_ENV,
    PASSPHRASE,
    Journey,
    annual,
    annual_scores,
    build,
    foreign,
    reissue,
)
from tests.ministry.conftest import db_url  # noqa: F401  (the SQLite + PostgreSQL fixture)


@pytest.fixture(scope="session")
def _e2e_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        mp.setenv("REVIEWER_DATA_DIR", str(tmp_path_factory.mktemp("e2e-data")))
        mp.setenv(PASS_ENV, PASSPHRASE)
        yield


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)


SUITES = ("nist", "sm")
_BUILT: dict[str, Journey] = {}  # one journey per suite and session, whichever fixture asks first
_BAD: dict[str, dict[str, Path]] = {}


def built(suite: str, tmp_path_factory: pytest.TempPathFactory) -> Journey:
    if suite not in _BUILT:
        _BUILT[suite] = build(tmp_path_factory.mktemp(f"journey-{suite}"), suite)
    return _BUILT[suite]


@pytest.fixture(scope="session", params=SUITES)
def journey(
    _e2e_env: None, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Journey:
    """The whole journey in each suite: the NIST one exactly as users run it, the SM one with
    ``authority init --suite sm`` and ``identity new --suite sm``."""
    return built(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def nist_journey(_e2e_env: None, tmp_path_factory: pytest.TempPathFactory) -> Journey:
    """The NIST suite's journey alone (the same files as ``journey``'s ``nist`` run)."""
    return built("nist", tmp_path_factory)


@pytest.fixture(scope="session")
def sm_journey(_e2e_env: None, tmp_path_factory: pytest.TempPathFactory) -> Journey:
    """The SM suite's journey alone (the same files as ``journey``'s ``sm`` run)."""
    return built("sm", tmp_path_factory)


@pytest.fixture(scope="session")
def bad_files(journey: Journey, _e2e_env: None) -> dict[str, Path]:
    """Year 1's corrected version 2; what the ministry must refuse: version 1 issued again (a replay
    before version 2 arrives, an older version after it), a package sealed by a copy of the authority
    (not in its ledger), a sheet signed by a non-member, claimed numbers that differ from the recomputation."""
    if journey.suite in _BAD:  # built once per suite, as the journey (pytest may set a param up again)
        return _BAD[journey.suite]
    j, folder = journey, journey.base / "batch"
    folder.mkdir()
    files = {
        "v2": reissue(j.identities, j.year1, folder / "v2.rvresult", 2),
        "replay": reissue(j.identities, j.year1, folder / "replay.rvresult", 1),
        "older": reissue(j.identities, j.year1, folder / "older.rvresult", 1),
    }
    rogue = annual(j, 2029, authority=forgery.rogue_copy(j), folder=j.base / "rogue")
    assert rogue.bundle is not None
    files["rogue"] = rogue.bundle
    files["foreign"] = foreign(j)
    outsider = annual_scores(folder / "outsider.csv", ANNUAL_OUTSIDER, 2027)
    for name, data in (
        ("outsider", forgery.with_outsider_sheet(j, j.annual[2027], ANNUAL_OUTSIDER, outsider)),
        ("mismatch", forgery.claimed_numbers_changed(j, j.year1, "95")),
    ):
        files[name] = folder / f"{name}.rvresult"
        files[name].write_bytes(data)
    _BAD[journey.suite] = files
    return files
