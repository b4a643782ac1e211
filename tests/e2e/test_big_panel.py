"""A 25-member panel from end to end through the command line (issue 21): enrolled, sealed, 25
signed sheets, the record co-signed by all 24 experts and closed by the chair, imported by the ministry.

Before the record's signature grid could flow across pages, ``panel reconcile`` failed here with
reportlab's LayoutError (13 signers or more).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from reviewer.export.pades_validate import validate_record
from reviewer.export.record_input import MemberRole
from reviewer.trust.credential import load_pem_cert
from reviewer.trust.identity import ROOT
from tests.e2e import journey
from tests.e2e.journey import CHAIR, PASS_ENV, STANDARDS, cli, leaves, ok, scores_csv

pytestmark = pytest.mark.slow
SIZE = 25


def test_a_25_member_panel_signs_closes_and_is_imported(monkeypatch, tmp_path) -> None:
    known = tuple(m for m in journey.MEMBERS if m != journey.RECUSED)  # the chair and four experts
    extra = {f"member-{i:02d}": (f"专家{i:02d}", f"第{i}研究院", "expert") for i in range(SIZE - len(known))}
    for slug, member in extra.items():
        monkeypatch.setitem(journey.MEMBERS, slug, member)
    members = (*known, *extra)
    assert len(members) == SIZE and CHAIR in members

    auth, ids, creds, _ = journey.enrol_everyone(tmp_path, members)
    rnd = journey.seal(auth, tmp_path / "2026", "sample-city-creation.json", members, 2026, creds)
    for slug in members:
        rows = [(code, f"{(points - Decimal('0.5')).normalize():f}", f"{code}：与材料一致", "")
                for code, points in leaves(STANDARDS / "sample-city-creation.json")]  # fmt: skip
        rows += [("V1", "yes", "", "")] + [(e, "ok", "", "") for e in ("E1", "E2", "E3", "E4")]
        journey.fill(ids, rnd, slug, scores_csv(tmp_path / "2026" / f"{slug}.csv", rows))
    journey.close(ids, rnd, members, journey.decisions(rnd, 2026, []), tmp_path / "2026")
    assert rnd.bundle is not None and rnd.out is not None

    root = load_pem_cert((ids[CHAIR] / ROOT).read_bytes(), "root")  # the chair's pinned root
    statuses = validate_record((rnd.out / "record.pdf").read_bytes(), root)
    assert len(statuses) == SIZE and statuses[-1].role == MemberRole.CHAIR
    assert all(s.intact and s.trusted and s.in_own_field for s in statuses)
    ok("verify", rnd.out / "record.pdf", "--identity", ids[CHAIR])  # and the command line agrees

    db = f"sqlite:///{tmp_path / 'registry.sqlite3'}"
    code, out, err = cli("ministry", "import", auth, rnd.bundle, "--db", db, "--passphrase-env", PASS_ENV,
                         "--format", "json")  # fmt: skip
    assert code == 0, err
    assert [f["outcome"] for f in json.loads(out)["files"]] == ["imported"]
