"""Smoke-test a frozen build (``make dist``): the app as a user gets it, nothing from the checkout.

    python3 scripts/smoke_dist.py dist/reviewer

Copies the folder somewhere else, makes the copy read-only and, when run as root, runs every
command as an unprivileged user (``reviewer-smoke``, created if missing) with its own empty home:
the frozen app must never need to write beside itself or need privileges. Then, with the frozen
executables only:

1. ``reviewer --version``, ``--help``, ``reviewer-gui --version``;
2. ``reviewer doctor`` (resources, fonts, QtPdf, migrations, the SM algorithms — SM2 through the
   bundled tongsuopy, SM3 and SM4-GCM —, workers, the demo package, the desktop window opening it
   offscreen...);
3. ``reviewer demo --no-gui``, ``reviewer standard check``, ``reviewer docs --pdf`` (the expert
   guide in Chinese), and ``reviewer-gui`` opening the demo package offscreen as an expert
   (``--exit-when-ready``: exits once the package is open);
4. the README's journey: an authority, a chair and four experts enrolled, a sealed creation package,
   five signed score sheets, the reconciliation, the co-signed record, the closed result, ``verify``
   of each artifact, the ministry import (with worker processes) and the registry as XLSX.

Standard library only: it runs under any Python 3.8+, with the app's own Python inside the build.
Exit 0 when every step passed; each step prints one line.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMOKE_USER = "reviewer-smoke"
PASS_ENV = "RV_SMOKE_PASS"
PASSPHRASE = "smoke-passphrase-not-secret"
DEMO_PASSPHRASE = "demo-passphrase-not-secret"  # published in every demo folder's README.md
STEP_TIMEOUT = 300


class Smoke:
    def __init__(self, app: Path, work: Path, runas: list[str]) -> None:
        self.app, self.work, self.runas = app, work, runas
        self.cli = app / ("reviewer.exe" if os.name == "nt" else "reviewer")
        self.gui = app / ("reviewer-gui.exe" if os.name == "nt" else "reviewer-gui")
        home = work / "home"
        home.mkdir(mode=0o777)
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            PASS_ENV: PASSPHRASE,
        }
        self.failed = 0

    def run(self, what: str, exe: Path, *args: object, expect: int = 0) -> str:
        start = time.monotonic()
        proc = subprocess.run(
            [*self.runas, str(exe), "--lang", "en", *map(str, args)],
            env=self.env,
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
        )
        took = time.monotonic() - start
        if proc.returncode != expect:
            self.failed += 1
            print(f"FAIL {what} (exit {proc.returncode}, expected {expect}, {took:.1f} s)")
            print(f"     $ {exe.name} {' '.join(map(str, args))}")
            print("     " + (proc.stdout + proc.stderr).strip().replace("\n", "\n     "))
            raise SystemExit(1)
        print(f"ok   {what} ({took:.1f} s)")
        return proc.stdout

    def folder(self, *parts: str) -> Path:
        path = self.work.joinpath(*parts)
        path.mkdir(mode=0o777, parents=True, exist_ok=True)
        path.chmod(0o777)
        return path


def leaves(standard: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(nodes: list[dict]) -> None:
        for node in nodes:
            if node.get("children"):
                walk(node["children"])
            else:
                out.append((node["code"], str(node["points"])))

    walk(json.loads(standard.read_text("utf-8"))["criteria"])
    return out


def less_half(points: str) -> str:
    """Half a point under full marks: every indicator passes, the city passes (total 100 − 0.5 × leaves)."""
    return f"{float(points) - 0.5:g}"


def journey(s: Smoke) -> None:
    """The README's journey: the creation review of a city (quorum 5: the chair and four experts)."""
    people = {"chair": ("王立", "示范大学", "chair"), "li": ("李明", "软件研究院", "expert"),
              "zhang": ("张华", "信息技术研究所", "expert"), "chen": ("陈静", "工程技术大学", "expert"),
              "zhao": ("赵刚", "产业发展中心", "expert")}  # fmt: skip
    auth, ids, creds = s.work / "authority", s.folder("identities"), s.folder("credentials")
    s.run("authority init", s.cli, "authority", "init", auth, "--name", "工业和信息化部（冒烟测试）",
          "--passphrase-env", PASS_ENV)  # fmt: skip
    for slug, (name, org, _role) in people.items():
        s.run(f"identity new {slug}", s.cli, "identity", "new", ids / slug, "--name", name, "--org", org,
              "--passphrase-env", PASS_ENV)  # fmt: skip
        s.run(f"authority enroll {slug}", s.cli, "authority", "enroll", auth,
              ids / slug / "enrolment-request.json", "--out", creds / f"{slug}.rvcred",
              "--passphrase-env", PASS_ENV)  # fmt: skip
        s.run(f"identity install {slug}", s.cli, "identity", "install", ids / slug, creds / f"{slug}.rvcred")

    rnd = s.folder("2026")
    materials = s.folder("2026", "materials")
    (materials / "产业数据.csv").write_text("year,revenue\n2025,1200\n2026,1350\n", "utf-8")
    panel = {"members": [{"credential": str(creds / f"{slug}.rvcred"), "role": role}
                         for slug, (_n, _o, role) in people.items()]}  # fmt: skip
    (rnd / "panel.json").write_text(json.dumps(panel, ensure_ascii=False), "utf-8")
    candidate = {"name": "示范市", "type": "city", "province": "示范省", "city": "示范市", "year": 2026}
    (rnd / "candidate.json").write_text(json.dumps(candidate, ensure_ascii=False), "utf-8")
    standard = s.app / "_internal" / "reviewer" / "resources" / "standards" / "sample-city-creation.json"
    package = rnd / "2026.rvpkg"
    s.run("package seal", s.cli, "package", "seal", auth, "--standard", standard, "--candidate",
          rnd / "candidate.json", "--materials", materials / "产业数据.csv", "--panel", rnd / "panel.json",
          "--out", package, "--passphrase-env", PASS_ENV)  # fmt: skip
    shown = s.run("package verify", s.cli, "package", "verify", package, "--identity", ids / "li")
    package_id = next(
        line.split(":", 1)[1].strip() for line in shown.splitlines() if line.startswith("Package id:")
    )
    s.run("package open", s.cli, "package", "open", package, "--identity", ids / "zhang",
          "--passphrase-env", PASS_ENV)  # fmt: skip

    sheets = []
    for slug in people:
        scores = rnd / f"{slug}.csv"
        with scores.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["code", "score", "comment", "evidence"])
            for code, points in leaves(standard):
                writer.writerow([code, less_half(points), f"示范市{code}：材料与实地考察一致", ""])
            for row in (("V1", "yes"), ("E1", "ok"), ("E2", "ok"), ("E3", "ok"), ("E4", "ok")):
                writer.writerow([*row, "", ""])
        sheet = rnd / f"{slug}.rvsheet"
        s.run(f"sheet fill {slug}", s.cli, "sheet", "fill", package, "--identity", ids / slug, "--scores",
              scores, "--out", sheet, "--accept-pledge", "--passphrase-env", PASS_ENV)  # fmt: skip
        sheets.append(sheet)

    decisions = {
        "format": "reviewer.decisions/2",
        "package_id": package_id,
        "explanations": [],
        "opinion": {
            "strengths": ["软件产业规模持续扩大。"],
            "problems": ["龙头企业数量偏少。"],
            "recommendations": ["加强名品培育。"],
            "conclusion": "专家组对示范市创建材料进行了审查和实地考察。",
        },
        "visit": {"dates": ["2026-06-16"], "place": "示范省示范市"},
    }
    (rnd / "decisions.json").write_text(json.dumps(decisions, ensure_ascii=False), "utf-8")
    out = rnd / "result"
    s.run("panel reconcile", s.cli, "panel", "reconcile", package, "--identity", ids / "chair", "--sheets",
          *sheets, "--decisions", rnd / "decisions.json", "--out", out, "--passphrase-env", PASS_ENV)  # fmt: skip
    # the draft opinion put to the panel (a signed motion); each expert answers with a signed statement
    motion = rnd / "opinion.rvmotion"
    s.run("panel motion", s.cli, "panel", "motion", package, "--identity", ids / "chair", "--reconciliation",
          out, "--out", motion, "--passphrase-env", PASS_ENV)  # fmt: skip
    statements = []
    for slug in [p for p in people if p != "chair"]:
        statement = rnd / f"{slug}.rvstatement"
        s.run(f"statement sign {slug}", s.cli, "statement", "sign", package, "--identity", ids / slug,
              "--motion", motion, "--opinion", "approve", "--out", statement,
              "--passphrase-env", PASS_ENV)  # fmt: skip
        statements.append(statement)
    s.run("panel reconcile (votes)", s.cli, "panel", "reconcile", package, "--identity", ids / "chair",
          "--sheets", *sheets, "--decisions", out / "decisions.json", "--motions", motion, "--statements",
          *statements, "--out", out, "--passphrase-env", PASS_ENV)  # fmt: skip
    for slug in [p for p in people if p != "chair"]:
        s.run(f"record cosign {slug}", s.cli, "record", "cosign", out / "record.pdf", "--identity", ids / slug,
              "--passphrase-env", PASS_ENV)  # fmt: skip
    bundle = rnd / "result-v1.rvresult"
    s.run("panel close", s.cli, "panel", "close", package, "--identity", ids / "chair", "--reconciliation", out,
          "--out", bundle, "--passphrase-env", PASS_ENV)  # fmt: skip
    s.run("verify package, record", s.cli, "verify", package, out / "record.pdf", "--identity", ids / "li")
    s.run("verify sheet, statement, bundle (the ministry)", s.cli, "verify", sheets[0], statements[0], bundle,
          "--authority", auth, "--passphrase-env", PASS_ENV)  # fmt: skip

    db = rnd / "registry.sqlite3"
    report = s.run("ministry import (2 workers)", s.cli, "ministry", "import", auth, "--db", db, bundle,
                   "--workers", "2", "--format", "json", "--passphrase-env", PASS_ENV)  # fmt: skip
    outcomes = [f.get("outcome") for f in json.loads(report)["files"]]
    if outcomes != ["imported"]:
        s.failed += 1
        print(f"FAIL ministry import: outcomes {outcomes}, expected ['imported']")
    xlsx = rnd / "stars.xlsx"
    s.run("ministry registry (xlsx)", s.cli, "ministry", "registry", "--db", db, "--year", "2026", "--format",
          "xlsx", "--out", xlsx)  # fmt: skip
    if not xlsx.is_file() or xlsx.read_bytes()[:2] != b"PK":
        s.failed += 1
        print("FAIL ministry registry: no XLSX written")


def read_only_copy(src: Path, dest: Path) -> None:
    shutil.copytree(src, dest, symlinks=True)
    for path in [dest, *dest.rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def unprivileged() -> list[str]:
    """The prefix that runs a command as the smoke user, creating it if needed; [] when not root."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SMOKE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SMOKE_USER],
            check=True,
        )
    user = pwd.getpwnam(SMOKE_USER)
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    built = Path(sys.argv[1]).resolve()
    os.umask(0o000)  # what this driver writes, the smoke user may read and write
    work = Path(tempfile.mkdtemp(prefix="reviewer-smoke-"))
    work.chmod(0o777)
    try:
        app = work / "app"
        read_only_copy(built, app)
        s = Smoke(app, work, unprivileged())
        print(
            f"Smoke test of {built} (read-only copy, as {'user ' + SMOKE_USER if s.runas else 'this user'})"
        )
        s.run("reviewer --version", s.cli, "--version")
        s.run("reviewer --help", s.cli, "--help")
        s.run("reviewer-gui --version", s.gui, "--version")
        checks = json.loads(s.run("reviewer doctor", s.cli, "doctor", "--json"))["checks"]
        # The SM suite's libraries in the frozen folder: tongsuopy's SM2 signs and verifies and
        # decrypts, cryptography's SM3 and SM4-GCM give the standards' vectors (reviewer/doctor/checks.py).
        sm = [c for c in checks if c.get("key") == "sm_suite"]
        if [c["status"] for c in sm] != ["ok"]:
            s.failed += 1
            print(f"FAIL reviewer doctor: the SM algorithms check did not pass: {sm!r}")
        else:
            print(f"ok   reviewer doctor: {sm[0]['name']}: {sm[0]['detail']}")
        s.run("reviewer demo --no-gui", s.cli, "--data-dir", s.folder("data"), "demo", "--no-gui")
        s.run("reviewer standard check", s.cli, "standard", "check", "-q")
        # The shipped guides, their parser and the fonts are in the build: one guide on paper.
        s.run("reviewer docs --pdf", s.cli, "docs", "--pdf", s.folder("guides"), "--doc", "expert")
        demo = s.work / "data" / "demo"
        s.env["RV_DEMO_PASS"] = DEMO_PASSPHRASE
        ready = s.run("reviewer-gui opens the demo package (offscreen)", s.gui, "--data-dir", s.work / "data",
                      demo / "示例软件园-创建评审.rvpkg", "--identity", demo / "identities" / "li-zhe",
                      "--passphrase-env", "RV_DEMO_PASS", "--exit-when-ready")  # fmt: skip
        if not ready.startswith("ready "):
            s.failed += 1
            print(f"FAIL reviewer-gui: no 'ready' line: {ready!r}")
        journey(s)
        s.failed += len(list(app.rglob("__pycache__")))  # nothing may be written beside the app
        print("smoke test passed" if not s.failed else f"smoke test FAILED ({s.failed})")
        return 1 if s.failed else 0
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(work)], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
