"""Issue 7, item 6: the whole journey as one test, on SQLite and on PostgreSQL.

The files are made once (``conftest.journey``: authority → six identities enrolled → sealed package →
five sheets and a recusal → reconcile → co-sign → close, then two annual rounds; the numbers are
worked out by hand in ``journey.py``). Each database then runs the ministry's side through the
command line: import, the registry and its rules, the publicity decision, the annual results that
warn and then exit the city, and a batch of files the ministry must refuse.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from reviewer.ministry import lifecycle
from reviewer.ministry.lifecycle import today_beijing
from tests.e2e.journey import CHAIR, CITY, DIVERGENT, MEMBERS, PASS_ENV, RECUSED, Journey, cli, ok

pytestmark = pytest.mark.slow


def registry(db: str, *args: str) -> dict[str, list[dict[str, Any]]]:
    return json.loads(ok("ministry", "registry", "--db", db, "--format", "json", *args))["tables"]


def ministry_import(j: Journey, db: str, *files: Path) -> tuple[int, list[dict[str, Any]]]:
    code, out, err = cli("ministry", "import", j.authority, *files, "--db", db, "--passphrase-env", PASS_ENV,
                         "--format", "json")  # fmt: skip
    assert code in (0, 18), err
    return code, json.loads(out)["files"]


def test_every_file_of_year_one_verifies(journey: Journey) -> None:
    j, rnd = journey, journey.year1
    assert rnd.out is not None and rnd.bundle is not None
    sheet = rnd.sheets[DIVERGENT]
    code, out, err = cli(
        "verify", rnd.package, sheet, rnd.out / "record.pdf", "--identity", j.identity(CHAIR)
    )
    assert code == 12, out + err  # the sheet's signer is sealed for its recipients
    assert out.count("Result: VALID.") == 2 and "intact: yes; trusted: not checked" in out
    code, out, err = cli("verify", sheet, "--authority", j.authority, "--passphrase-env", PASS_ENV)
    assert code == 0, out + err  # the ministry, a recipient, reads who signed and checks the chain
    assert out.count("Result: VALID.") == 1
    code, out, err = cli("verify", rnd.bundle, "--authority", j.authority, "--passphrase-env", PASS_ENV)
    assert code == 0, out + err
    assert "Result: VALID." in out and "NOT VALID" not in out
    # the chair's summary as printed by `panel reconcile`: the hand-computed numbers
    log = j.log["reconcile"]
    assert "6 sheet(s), 5 scoring expert(s), 1 recused (周敏); quorum 5: met." in log
    assert "Total: 90.33" in log and "1: 22.83 / 25 (minimum 15, met)" in log
    assert "Conclusion: Pass" in log
    assert "1.1 赵刚: 3 (mean 8.2)" in log and "Indicators whose spread is too wide: 1.1" in log
    rec = json.loads((rnd.out / "reconciliation.json").read_bytes())
    ind = {i["code"]: i for i in rec["indicators"]}
    assert ind["1.1"]["aggregate"] == "9.33" and ind["1.1"]["divergent_experts"] == [
        j.fingerprints[DIVERGENT]
    ]
    assert ind["6.3"]["aggregate"] == "2.5"  # 3 points: 2, 2.5, 2.5, 2.5, 3 → 2.5
    assert (rec["total"], rec["conclusion"]["result"]) == ("90.33", "pass")


def test_whole_journey(journey: Journey, db_url: str) -> None:
    j, db = journey, db_url
    assert j.year1.bundle is not None
    code, files = ministry_import(j, db, j.year1.bundle)
    assert code == 0 and [(f["outcome"], f["candidate"], f["version"]) for f in files] == [
        ("imported", CITY, 1)
    ]
    tables = registry(db)
    assert [(p["name"], p["total"], p["outcome"]) for p in tables["publicity"]] == [
        (CITY, "90.33", "under publicity")
    ]
    assert [(c["name"], c["type"], c["province"], c["status"]) for c in tables["candidates"]] == [
        (CITY, "city", "示范省", "under publicity")
    ]
    history = registry(db, "--candidate", CITY)
    (review,) = history["reviews"]
    assert (review["year"], review["kind"], review["result"], review["total"]) == (
        2026,
        "creation review",
        "Pass",
        "90.33",
    )
    assert review["chair"] == MEMBERS[CHAIR][0]

    # the publicity cannot be decided before its end; opened from the day of the pass (today, Beijing:
    # never earlier) for 7 days, it ends without objection 8 days on (the registry's clock moved): the
    # city holds the title
    code, _out, err = cli("ministry", "publicity", "decide", CITY, "--year", "2026", "--confirm", "--db", db)
    assert code == 18 and "it can be decided only after that day" in err
    today = today_beijing()
    first, last = today, today + timedelta(days=6)
    ok("ministry", "publicity", "open", CITY, "--start", str(first), "--end", str(last), "--db", db)
    with pytest.MonkeyPatch.context() as mp:
        later = lifecycle.utcnow() + timedelta(days=8)
        mp.setattr(lifecycle, "utcnow", lambda: later)
        assert "awarded" in ok(
            "ministry", "publicity", "decide", CITY, "--year", "2026", "--confirm", "--db", db
        )

    # 2027: one star → warned, rectification notice
    code, files = ministry_import(j, db, j.annual[2027].bundle)  # type: ignore[arg-type]
    assert code == 0 and files[0]["status"] == "warned"
    y2 = registry(db, "--year", "2027")
    assert [(s["name"], s["stars"], s["status"]) for s in y2["stars"]] == [(CITY, 1, "warned")]
    assert [(n["year"], n["name"], n["kind"]) for n in y2["notices"]] == [
        (2027, CITY, "rectification notice")
    ]
    assert [c["status"] for c in y2["candidates"]] == ["warned"]

    # 2028: one star again (G1 failed by majority despite 91 points) → exit announced
    code, files = ministry_import(j, db, j.annual[2028].bundle)  # type: ignore[arg-type]
    assert code == 0 and files[0]["status"] == "exited"
    y3 = registry(db, "--year", "2028")
    assert [(s["name"], s["stars"], s["status"]) for s in y3["stars"]] == [(CITY, 1, "exited")]
    assert [(n["year"], n["kind"]) for n in y3["notices"]] == [(2028, "exit announcement")]
    history = registry(db, "--candidate", CITY)
    assert [(r["year"], r["result"], r["total"]) for r in history["reviews"]] == [
        (2026, "Pass", "90.33"),
        (2027, "One star", "50.00"),
        (2028, "One star", "91.00"),
    ]
    assert [(s["year"], s["stars"]) for s in history["stars"]] == [(2027, 1), (2028, 1)]
    assert [t["status"] for t in history["history"]][-3:] == ["awarded", "warned", "exited"]

    # calibration over every current review: 赵刚 stricter than the panel, 张华 more lenient
    cal = json.loads(ok("ministry", "calibration", "--db", db, "--format", "json"))["tables"]
    mean = {row["name"]: float(row["mean_deviation"]) for row in cal["calibration"]}
    assert mean[MEMBERS[DIVERGENT][0]] < 0 < mean[MEMBERS["zhang-hua"][0]]
    assert MEMBERS[RECUSED][0] not in mean


def test_a_batch_imports_the_good_and_refuses_the_bad(journey: Journey, bad_files: dict[str, Path],
                                                      db_url: str) -> None:  # fmt: skip
    j, db, f = journey, db_url, bad_files
    assert j.year1.bundle is not None
    v1 = j.year1.bundle
    assert ministry_import(j, db, v1)[0] == 0
    batch = [
        f["mismatch"],
        v1,
        f["replay"],
        f["v2"],
        f["outsider"],
        v1,
        f["older"],
        f["rogue"],
        f["foreign"],
        f["v2"],
    ]
    code, files = ministry_import(j, db, *batch)
    assert code == 18
    name = {str(path): key for key, path in {**f, "v1": v1}.items()}
    assert [(name[o["path"]], o["outcome"]) for o in files] == [
        ("mismatch", "refused"),
        ("v1", "duplicate"),
        ("replay", "refused"),
        ("v2", "superseded"),
        ("outsider", "refused"),
        ("v1", "duplicate"),  # the very file imported before: nothing changes
        ("older", "refused"),
        ("rogue", "refused"),
        ("foreign", "refused"),
        ("v2", "duplicate"),
    ]
    why = {name[o["path"]]: o["message"] for o in files if o["outcome"] == "refused"}
    assert "(pass / 95) differs from the one recomputed" in why["mismatch"]
    assert "not newer" in why["replay"] and "not newer" in why["older"]
    assert "not on this package's roster" in why["outsider"]
    assert "not in this authority's ledger" in why["rogue"]
    # another ministry's world: encrypted to another key, so its sealed signer cannot even be read here
    assert "not a recipient of this file" in why["foreign"]

    def state() -> tuple[Any, ...]:
        h = registry(db, "--candidate", CITY)
        return tuple(json.dumps(h[k], sort_keys=True) for k in sorted(h)), json.dumps(
            registry(db), sort_keys=True
        )

    before = state()
    reviews = registry(db, "--candidate", CITY)["reviews"]
    assert [(r["version"], r["current"], r["year"]) for r in reviews] == [(1, False, 2026), (2, True, 2026)]
    # the same batch again changes nothing
    code, again = ministry_import(j, db, *batch)
    assert code == 18
    assert [(name[o["path"]], o["outcome"]) for o in again] == [
        (key, "duplicate" if outcome == "superseded" else outcome)
        for key, outcome in ((name[o["path"]], o["outcome"]) for o in files)
    ]
    assert state() == before
