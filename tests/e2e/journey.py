"""The whole journey, built once through the command line users run (``reviewer.cli.main``).

Year 1 (2026), creation review of 示范市 (sample city creation standard, quorum 5, trimmed mean from
5): the ministry creates its authority; a chair and five experts create identities, are enrolled and
install their credentials; the ministry seals the package with two small generated materials; four
experts and the chair score from CSV files (赵刚 divergent on 1.1), 周敏 recuses; the chair
reconciles with the decisions file, every scoring member co-signs the record, the chair closes it
into the result bundle (and, later, a corrected version 2 and a re-issued version 1).

The journey is built in either algorithm suite (``build(base, suite)``): ``nist`` (the default, the
commands exactly as users run them without ``--suite``) or ``sm`` (``authority init --suite sm`` and
``identity new --suite sm`` for every member; every later command is the same).

Years 2 and 3 (2027, 2028), annual evaluations (sample city annual standard, quorum 3, mean): the
chair and two experts, reusing their identities; each year its own sealed package.

Hand computation, year 1 (every leaf of points P; comments everywhere):
王立 (chair) and 李明 score P − 0.5, 张华 P, 陈静 P − 1, 赵刚 P − 0.5 except 1.1 (10 points) = 3.
Every leaf but 1.1: sorted P − 1, P − 0.5, P − 0.5, P − 0.5, P → trimmed mean P − 0.5; over those
18 leaves (90 points) 90 − 9 = 81. Leaf 1.1: 3, 9, 9.5, 9.5, 10 → (9 + 9.5 + 9.5) / 3 = 9.333… → 9.33;
mean 41 / 5 = 8.2, 30 % = 2.46, |3 − 8.2| = 5.2 > 2.46: 赵刚 divergent (explained in the decisions);
spread 10 − 3 = 7 > 0.5 × 10: spread divergent. Level 1 "1" = 9.33 + 5.5 + 3.5 + 4.5 = 22.83
(≥ 60 % of 25). Total 81 + 9.33 = 90.33 ≥ 80, minimums met → 通过 (pass).

Year 2 (2027): every member scores P/2 (李明 + 0.5, 张华 − 0.5, the chair exactly P/2): the mean
is P/2, total 50.00 < 70 → rule 3: one star (★). Gates all yes.
Year 3 (2028): everyone P − 1, total 100 − 9 = 91.00 ≥ 85, but G1 (industry not shrinking) is
answered "no" by two of three: the majority-no gate fails rules 1 and 2 → one star again.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from reviewer.cli import main
from reviewer.packages import inspect_package
from reviewer.trust.credential import load_credential
from tests.permissive import PERMISSIVE_RULES

PASS_ENV = "RV_E2E_PASS"
PASSPHRASE = "e2e-passphrase-not-secret"
REPO = Path(__file__).resolve().parents[2]
STANDARDS = REPO / "reviewer" / "resources" / "standards"
CITY = "示范市"
CANDIDATE = {"name": CITY, "type": "city", "province": "示范省", "city": CITY}

CHAIR = "wang-li"
MEMBERS = {  # slug: (name, organisation, role)
    CHAIR: ("王立", "示范大学", "chair"),
    "li-ming": ("李明", "软件研究院", "expert"),
    "zhang-hua": ("张华", "信息技术研究所", "expert"),
    "chen-jing": ("陈静", "工程技术大学", "expert"),
    "zhao-gang": ("赵刚", "产业发展中心", "expert"),
    "zhou-min": ("周敏", "标准化研究院", "expert"),
}
RECUSED = "zhou-min"
DIVERGENT = "zhao-gang"
ANNUAL_PANEL = (CHAIR, "li-ming", "zhang-hua")
ANNUAL_OUTSIDER = "chen-jing"  # on the year-1 panel, not on the annual ones


def cli(*argv: str | Path) -> tuple[int, str, str]:
    """``reviewer ARGS`` in-process, English messages; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str | Path) -> str:
    code, out, err = cli(*argv)
    assert code == 0, f"reviewer {' '.join(map(str, argv))} → {code}\n{out}\n{err}"
    return out


def leaves(standard: Path) -> list[tuple[str, Decimal]]:
    doc = json.loads(standard.read_text("utf-8"))
    found: list[tuple[str, Decimal]] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            if n.get("children"):
                walk(n["children"])
            else:
                found.append((n["code"], Decimal(str(n["points"]))))

    walk(doc["criteria"])
    return found


def scores_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    lines = ["code,score,comment,evidence"] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@dataclass
class Round:
    """One sealed package and everything the panel made of it."""

    package: Path
    package_id: str
    sheets: dict[str, Path] = field(default_factory=dict)
    out: Path | None = None  # the `panel reconcile --out` folder
    bundle: Path | None = None


@dataclass
class Journey:
    base: Path
    authority: Path
    identities: dict[str, Path]
    credentials: dict[str, Path]
    fingerprints: dict[str, str]
    year1: Round
    annual: dict[int, Round]
    log: dict[str, str] = field(default_factory=dict)  # the output of the commands tests look at
    suite: str = "nist"  # "nist" | "sm": the authority's (and so every member's) algorithm suite

    def identity(self, slug: str) -> Path:
        return self.identities[slug]


def pdf_material(path: Path, title: str) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.drawString(72, 770, title)
    c.showPage()
    c.drawString(72, 770, "page 2")
    c.save()
    return path


def suite_args(suite: str) -> tuple[str, ...]:
    """``--suite sm`` for the SM suite; nothing for NIST (the default, the commands as they were)."""
    return () if suite == "nist" else ("--suite", suite)


def enrol_everyone(base: Path, members: tuple[str, ...] = tuple(MEMBERS), authority: str = "工业和信息化部",
                   suite: str = "nist") -> tuple[Path, dict[str, Path], dict[str, Path], dict[str, str]]:  # fmt: skip
    auth = base / "authority"
    ok("authority", "init", auth, "--name", authority, "--passphrase-env", PASS_ENV, *suite_args(suite))
    ids, creds, fps = {}, {}, {}
    (base / "credentials").mkdir()
    for slug in members:
        name, org, _ = MEMBERS[slug]
        ids[slug] = base / "identities" / slug
        ok("identity", "new", ids[slug], "--name", name, "--org", org, "--passphrase-env", PASS_ENV,
           *suite_args(suite))  # fmt: skip
        creds[slug] = base / "credentials" / f"{slug}.rvcred"
        ok("authority", "enroll", auth, ids[slug] / "enrolment-request.json", "--out", creds[slug],
           "--passphrase-env", PASS_ENV)  # fmt: skip
        ok("identity", "install", ids[slug], creds[slug])
        fps[slug] = load_credential(creds[slug]).fingerprint
    return auth, ids, creds, fps


def seal(auth: Path, folder: Path, standard: str, members: tuple[str, ...], year: int,
         credentials: dict[str, Path]) -> Round:  # fmt: skip
    folder.mkdir(parents=True)
    panel = {"members": [{"credential": str(credentials[s]), "role": MEMBERS[s][2]} for s in members]}
    (folder / "panel.json").write_text(json.dumps(panel, ensure_ascii=False), "utf-8")
    (folder / "candidate.json").write_text(
        json.dumps({**CANDIDATE, "year": year}, ensure_ascii=False), "utf-8"
    )
    materials = folder / "materials"
    materials.mkdir()
    report = pdf_material(materials / "自评报告.pdf", f"{CITY} {year} self-evaluation")
    data = materials / "产业数据.csv"
    data.write_text("year,revenue\n2025,1200\n2026,1350\n", "utf-8")
    package = folder / f"{year}.rvpkg"
    ok("package", "seal", auth, "--standard", STANDARDS / standard, "--candidate", folder / "candidate.json",
       "--materials", report, data, "--panel", folder / "panel.json", "--out", package,
       "--passphrase-env", PASS_ENV, "--panel-rules", PERMISSIVE_RULES)  # fmt: skip
    return Round(package, inspect_package(package).manifest.package_id)


def fill(journey_ids: dict[str, Path], rnd: Round, slug: str, scores: Path) -> Path:
    sheet = scores.with_suffix(".rvsheet")
    ok("sheet", "fill", rnd.package, "--identity", journey_ids[slug], "--scores", scores, "--out", sheet,
       "--accept-pledge", "--passphrase-env", PASS_ENV)  # fmt: skip
    rnd.sheets[slug] = sheet
    return sheet


def decisions(rnd: Round, year: int, explanations: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "format": "reviewer.decisions/2",
        "package_id": rnd.package_id,
        "explanations": explanations,
        "opinion": {
            "strengths": [f"{CITY}软件产业规模持续扩大。"],
            "problems": ["龙头企业数量偏少。"],
            "recommendations": ["加强名品培育。"],
            "conclusion": f"专家组对{CITY}{year}年度材料进行了审查和实地考察。",
        },
        "visit": {"dates": [f"{year}-06-16"], "place": f"示范省{CITY}"},
    }


def close(j_ids: dict[str, Path], rnd: Round, members: tuple[str, ...], decision_doc: dict[str, Any],
          folder: Path) -> str:  # fmt: skip
    """Reconcile as the chair, every scoring member co-signs, the chair closes: the bundle."""
    path = folder / "decisions.json"
    path.write_text(json.dumps(decision_doc, ensure_ascii=False), "utf-8")
    rnd.out = folder / "result"
    reconcile_out = ok("panel", "reconcile", rnd.package, "--identity", j_ids[CHAIR], "--sheets",
                       *rnd.sheets.values(), "--decisions", path, "--out", rnd.out,
                       "--passphrase-env", PASS_ENV)  # fmt: skip
    for slug in members:
        if slug not in (CHAIR, RECUSED):
            ok(
                "record",
                "cosign",
                rnd.out / "record.pdf",
                "--identity",
                j_ids[slug],
                "--passphrase-env",
                PASS_ENV,
            )
    rnd.bundle = folder / "result-v1.rvresult"
    ok("panel", "close", rnd.package, "--identity", j_ids[CHAIR], "--reconciliation", rnd.out,
       "--out", rnd.bundle, "--passphrase-env", PASS_ENV)  # fmt: skip
    return reconcile_out


def reissue(j_ids: dict[str, Path], rnd: Round, out: Path, version: int) -> Path:
    """The chair closes the same reconciliation again: a new bundle (new id) with ``version``."""
    assert rnd.out is not None
    ok("panel", "close", rnd.package, "--identity", j_ids[CHAIR], "--reconciliation", rnd.out,
       "--out", out, "--result-version", str(version), "--passphrase-env", PASS_ENV)  # fmt: skip
    return out


def year1(j: Journey) -> None:
    rnd, folder = j.year1, j.base / "2026"
    scores = folder / "scores"
    scores.mkdir()
    minus = {CHAIR: "0.5", "li-ming": "0.5", "zhang-hua": "0", "chen-jing": "1", DIVERGENT: "0.5"}
    evidence = "materials/自评报告.pdf#1"
    for slug, d in minus.items():
        rows = []
        for code, points in leaves(STANDARDS / "sample-city-creation.json"):
            score = Decimal(3) if (slug == DIVERGENT and code == "1.1") else points - Decimal(d)
            rows.append((code, f"{score.normalize():f}", f"{MEMBERS[slug][0]}对{code}的评分依据", evidence))
        rows += [("V1", "yes", "材料真实", "")] + [(f"E{i}", "ok", "", "") for i in range(1, 5)]
        fill(j.identities, rnd, slug, scores_csv(scores / f"{slug}.csv", rows))
    rnd.sheets[RECUSED] = scores / f"{RECUSED}.rvsheet"
    ok("sheet", "recuse", rnd.package, "--identity", j.identities[RECUSED], "--reason", "曾为该市软件园提供咨询",
       "--out", rnd.sheets[RECUSED], "--passphrase-env", PASS_ENV)  # fmt: skip
    explain = [{"expert": j.fingerprints[DIVERGENT], "code": "1.1", "text": "按统计口径仅计入核心软件收入。"}]
    j.log["reconcile"] = close(j.identities, rnd, tuple(MEMBERS), decisions(rnd, 2026, explain), folder)


def annual(j: Journey, year: int, authority: Path | None = None, folder: Path | None = None) -> Round:
    """One annual round: sealed by ``authority`` (default: the ministry's), scored, co-signed, closed."""
    folder = folder or j.base / str(year)
    rnd = seal(authority or j.authority, folder, "sample-city-annual.json", ANNUAL_PANEL, year, j.credentials)
    for slug in ANNUAL_PANEL:
        fill(j.identities, rnd, slug, annual_scores(folder / f"{slug}.csv", slug, year))
    close(j.identities, rnd, ANNUAL_PANEL, decisions(rnd, year, []), folder)
    return rnd


def annual_scores(path: Path, slug: str, year: int) -> Path:
    """2028: everyone P − 1 and two of three answer G1 "no"; other years: P/2 (李明 + 0.5, 张华 − 0.5)."""
    shift = {
        CHAIR: Decimal(0),
        "li-ming": Decimal("0.5"),
        "zhang-hua": Decimal("-0.5"),
        ANNUAL_OUTSIDER: Decimal(0),
    }
    rows = []
    for code, points in leaves(STANDARDS / "sample-city-annual.json"):
        score = points - 1 if year == 2028 else points / 2 + shift[slug]
        rows.append((code, f"{score.normalize():f}", f"{year}年度{code}", ""))
    g1 = "no" if (year == 2028 and slug != CHAIR) else "yes"
    rows += [("V1", "yes", "", ""), ("G1", g1, "软件业务收入较上年下降" if g1 == "no" else "", ""),
             ("G2", "yes", "", ""), ("E1", "ok", "", ""), ("E2", "ok", "", "")]  # fmt: skip
    return scores_csv(path, rows)


def build(base: Path, suite: str = "nist") -> Journey:
    auth, ids, creds, fps = enrol_everyone(base, suite=suite)
    first = seal(auth, base / "2026", "sample-city-creation.json", tuple(MEMBERS), 2026, creds)
    j = Journey(base, auth, ids, creds, fps, first, {}, suite=suite)
    year1(j)
    for year in (2027, 2028):
        j.annual[year] = annual(j, year)
    return j


def foreign(j: Journey) -> Path:
    """Another authority, its own members (the same people, enrolled there) and its own annual round
    for the city: a genuine bundle, but not from a package this authority issued."""
    base = j.base / "foreign"
    auth, ids, creds, fps = enrol_everyone(base, ANNUAL_PANEL, authority="另一签发机构", suite=j.suite)
    other = Journey(base, auth, ids, creds, fps, j.year1, {}, suite=j.suite)
    rnd = annual(other, 2029)
    assert rnd.bundle is not None
    return rnd.bundle
