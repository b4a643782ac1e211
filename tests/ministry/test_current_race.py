"""Issue 14 §5: one current result per package, enforced by the database, on SQLite and PostgreSQL.

Two desks import versions 2 and 3 of one package's result at the same moment. Under READ COMMITTED
(PostgreSQL) both used to read "version 1 is the newest", both marked it not current and both
inserted their own row as current. Now the candidate row is locked (SELECT … FOR UPDATE) where the
decision is made, a partial unique index allows one current row per package, and a transaction that
loses the race is retried: the newest version ends current whatever the order, the older one is
refused with a typed error.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from reviewer.errors import Refused, ReviewerError
from reviewer.ministry import database
from reviewer.ministry import engine as rules_engine
from reviewer.ministry.registry import DUPLICATE, SUPERSEDED, Registry
from reviewer.ministry.types import ReviewResult

from .seed import NANJING, SAMPLE_PARK, at, result


def _current(db_url: str, package_id: str) -> list[int]:
    with Registry.open(db_url) as reg:
        return sorted(r.bundle_version for r in reg.history(NANJING.name).reviews if r.package_id == package_id
                      and r.current)  # fmt: skip


def _race(
    db_url: str,
    results: list[ReviewResult],
    monkeypatch: pytest.MonkeyPatch,
    hold: tuple[object, str] | None = None,
    delays: tuple[float, ...] = (),
) -> list[object]:
    """Each result recorded by its own desk (own engine, own thread); both transactions are held at
    the point where the decision has been read (``hold``: an object and the name of a function the
    registry calls there), until both got there or 2 s passed — a desk that waits on a row lock never
    gets there, which is the point. ``delays``: seconds each desk then waits, to fix who goes first."""
    barrier = threading.Barrier(len(results))
    owner, name = hold or (Registry, "_check_one_rating")
    original: Callable = getattr(owner, name)

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=2)
        desk = int(threading.current_thread().name.removeprefix("desk-"))
        time.sleep(delays[desk] if desk < len(delays) else 0)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    desks = [Registry.open(db_url) for _ in results]
    outcomes: list[object] = [None] * len(results)

    def run(i: int) -> None:
        try:
            outcomes[i] = desks[i].record(results[i])
        except Exception as exc:  # a typed error is a legitimate outcome; an untyped one fails below
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,), name=f"desk-{i}") for i in range(len(results))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for d in desks:
        d.close()
    return outcomes


def test_two_desks_import_two_versions_at_once_and_one_stays_current(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Registry.open(db_url) as reg:
        reg.register(NANJING, year=2019, status="awarded", at=at(2019, 1))
        reg.record(result(NANJING, "annual", 2021, "3", package_id="pkg-race", version=1))
    v2 = result(NANJING, "annual", 2021, "2", package_id="pkg-race", version=2)
    v3 = result(NANJING, "annual", 2021, "1", package_id="pkg-race", version=3)
    outcomes = _race(db_url, [v2, v3], monkeypatch)
    assert all(isinstance(o, ReviewerError) or getattr(o, "outcome", None) == SUPERSEDED for o in outcomes), (
        outcomes
    )
    assert _current(db_url, "pkg-race") == [3]
    if isinstance(outcomes[1], ReviewerError):  # version 3 can only lose by a typed refusal...
        pytest.fail(f"the newest version was refused: {outcomes[1]}")
    if isinstance(outcomes[0], ReviewerError):  # ...version 2 by "not newer" (3 was first)
        assert isinstance(outcomes[0], Refused) and outcomes[0].exit_code == 18
    # the registry is consistent: the rules see one result for 2021 (★), and re-importing changes nothing
    with Registry.open(db_url) as reg:
        assert reg.candidate(NANJING.name).status == "warned"
        assert reg.record(v3).outcome == DUPLICATE
    assert _current(db_url, "pkg-race") == [3]


def test_the_first_results_of_a_new_candidate_raced_by_two_desks(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No row to lock yet: the unique constraints decide, and the loser retries."""
    with Registry.open(db_url) as reg:
        reg.register(NANJING, year=2019, status="awarded", at=at(2019, 1))
    v1 = result(NANJING, "annual", 2022, "3", package_id="pkg-new", version=1)
    v2 = result(NANJING, "annual", 2022, "2", package_id="pkg-new", version=2)
    outcomes = _race(db_url, [v1, v2], monkeypatch)
    assert not any(isinstance(o, Exception) and not isinstance(o, ReviewerError) for o in outcomes), outcomes
    assert _current(db_url, "pkg-new") == [2]


def test_the_database_itself_refuses_a_second_current_row(db_url: str) -> None:
    with Registry.open(db_url) as reg:
        reg.register(NANJING, year=2019, status="awarded", at=at(2019, 1))
        reg.record(result(NANJING, "annual", 2021, "3", package_id="pkg-db", version=1))
    engine = create_engine(db_url)
    try:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO reviews (candidate_id, package_id, kind, year, standard_id, standard_version, "
                    "vetoed, bundle_sha256, bundle_version, chair, experts, reviewed_at, imported_at, current) "
                    "SELECT candidate_id, package_id, kind, year, standard_id, standard_version, vetoed, "
                    "'forged', 2, chair, experts, reviewed_at, imported_at, current FROM reviews "
                    "WHERE package_id = 'pkg-db'"
                )
            )
    finally:
        engine.dispose()


def test_the_migration_repairs_two_current_rows(db_url: str) -> None:
    """A registry at revision 0001 that the race already damaged: the upgrade keeps the newest version
    current, rebuilds what the rules made of the candidate, and from then on enforces the rule."""
    with Registry.open(db_url) as reg:
        reg.register(NANJING, year=2019, status="awarded", at=at(2019, 1))
        for v, stars in ((1, "3"), (2, "2")):
            reg.record(result(NANJING, "annual", 2021, stars, package_id="pkg-old", version=v))
    engine = database.open_engine(db_url, migrate=False)
    database.downgrade(engine, "0001")
    with engine.begin() as conn:  # the second desk's version 3, current beside version 2
        conn.execute(
            text(
                "INSERT INTO reviews (candidate_id, package_id, kind, year, standard_id, standard_version, "
                "result, vetoed, total, bundle_sha256, bundle_version, chair, experts, reviewed_at, "
                "imported_at, current) SELECT candidate_id, package_id, kind, year, standard_id, "
                "standard_version, '1', vetoed, total, 'raced-v3', 3, chair, experts, reviewed_at, "
                "imported_at, current FROM reviews WHERE package_id = 'pkg-old' AND bundle_version = 2"
            )
        )
    engine.dispose()
    with Registry.open(db_url) as reg:
        assert database.current_revision(reg.engine) == database.head_revision()
        reviews = [r for r in reg.history(NANJING.name).reviews if r.package_id == "pkg-old"]
        assert sorted((r.bundle_version, r.current) for r in reviews) == [(1, False), (2, False), (3, True)]
        assert reg.candidate(NANJING.name).status == "warned"  # ★ in 2021 (version 3): rebuilt
        assert reg.history(NANJING.name).stars == ((2021, 1),)


def test_a_new_candidates_first_results_raced_by_two_desks(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to lock at all: both desks create the candidate; the loser's transaction fails on the
    unique name, is retried, and then supersedes (or is refused as older)."""
    v1 = result(SAMPLE_PARK, "creation", 2022, "pass", package_id="pkg-park", version=1)
    v2 = result(SAMPLE_PARK, "creation", 2022, "fail", package_id="pkg-park", version=2)
    # version 1 creates the candidate first; version 2's transaction then fails on the unique name
    outcomes = _race(db_url, [v1, v2], monkeypatch, hold=(rules_engine, "admissible"), delays=(0, 0.5))
    assert not any(isinstance(o, Exception) and not isinstance(o, ReviewerError) for o in outcomes), outcomes
    assert not isinstance(outcomes[1], ReviewerError), outcomes
    with Registry.open(db_url) as reg:
        reviews = reg.history(SAMPLE_PARK.name).reviews
        assert sorted(r.bundle_version for r in reviews if r.current) == [2]
