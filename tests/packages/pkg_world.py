"""One ministry, its members and packages, built once per session through the CLI.

Key generation and sealing 50 MB are the slow parts, so every package test shares this world and
works on copies of its packages.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.cli import main
from tests.permissive import PERMISSIVE_RULES

PASS_ENV = "RV_TEST_PASSPHRASE"
PASSPHRASE = "test-passphrase-0123"
STANDARD = (
    Path(__file__).resolve().parents[2] / "reviewer" / "resources" / "standards" / "sample-park-creation.json"
)
BIG = 50 * 1024 * 1024


def cli(*argv: str | Path) -> tuple[int, str, str]:
    """Run ``reviewer`` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def must(*argv: str | Path) -> str:
    code, out, err = cli(*argv)
    assert code == 0, f"reviewer {argv} → {code}\n{out}\n{err}"
    return out


@dataclass(frozen=True)
class World:
    root: Path
    authority: Path
    identities: dict[str, Path]
    credentials: dict[str, Path]
    candidate: Path
    panel: Path
    materials: Path
    big_package: Path  # 50 MB of materials, panel zhang (chair), li, wang
    small_package: Path  # a few KB, same panel
    foreign_package: Path  # sealed by another authority


def enrol(root: Path, authority: Path, key: str, name: str, org: str) -> tuple[Path, Path]:
    ident, cred = root / "id" / key, root / f"{key}.rvcred"
    must("identity", "new", ident, "--name", name, "--org", org, "--passphrase-env", PASS_ENV)
    must(
        "authority",
        "enroll",
        authority,
        ident / "enrolment-request.json",
        "--out",
        cred,
        "--passphrase-env",
        PASS_ENV,
    )
    must("identity", "install", ident, cred)
    return ident, cred


def write_panel(path: Path, members: list[tuple[str, str]]) -> Path:
    doc = {
        "members": [{"credential": f"{key}.rvcred", "role": role} for key, role in members],
        "schedule": [{"date": "2026-06-15", "item": "site visit"}],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def seal(
    world_root: Path, authority: Path, panel: Path, materials: list[Path], out: Path, *extra: str
) -> tuple[int, str, str]:
    return cli(
        "package",
        "seal",
        authority,
        "--standard",
        STANDARD,
        "--candidate",
        world_root / "candidate.json",
        "--materials",
        *materials,
        "--panel",
        panel,
        "--out",
        out,
        "--passphrase-env",
        PASS_ENV,
        "--panel-rules",  # panels of 1-3 members: the size rules only warn here
        PERMISSIVE_RULES,
        *extra,
    )


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("world")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(PASS_ENV, PASSPHRASE)
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        mp.setenv("REVIEWER_LANG", "en")
        authority = root / "ministry"
        must("authority", "init", authority, "--name", "工业和信息化部", "--passphrase-env", PASS_ENV)
        people = {
            "zhang": ("张伟", "南京大学"),
            "li": ("李娜", "中国软件评测中心"),
            "wang": ("王芳", "浙江大学"),
            "zhao": ("赵敏", "局外单位"),
            "sun": ("孙磊", "丢失电脑的单位"),
        }
        identities, credentials = {}, {}
        for key, (name, org) in people.items():
            identities[key], credentials[key] = enrol(root, authority, key, name, org)
        (root / "candidate.json").write_text(
            json.dumps(
                {
                    "name": "示例软件园",
                    "type": "park",
                    "province": "江苏省",
                    "city": "南京市",
                    "founded": "2015-06-01",
                    "prior_results": {"2025": "整改后通过"},
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        panel = write_panel(root / "panel.json", [("zhang", "chair"), ("li", "expert"), ("wang", "expert")])
        materials = root / "materials"
        materials.mkdir()
        with open(materials / "自评报告.pdf", "wb") as fh:
            for _ in range(BIG // (1024 * 1024) - 1):
                fh.write(os.urandom(1024 * 1024))
        (materials / "申请表.pdf").write_bytes(os.urandom(1024 * 1024 - 7))
        (materials / "说明.txt").write_text("示例材料\n", encoding="utf-8")
        small = root / "small"
        small.mkdir()
        (small / "申请表.pdf").write_bytes(b"%PDF-1.7 small test material\n" * 100)
        big_package, small_package = root / "big.rvpkg", root / "small.rvpkg"
        assert seal(root, authority, panel, [materials], big_package)[0] == 0
        assert seal(root, authority, panel, [small], small_package)[0] == 0
        # Another authority, with its own member, seals a package of its own.
        other = root / "other-ministry"
        must("authority", "init", other, "--name", "冒名机构", "--passphrase-env", PASS_ENV)
        enrol(root, other, "mallory", "马洛", "冒名单位")
        foreign_panel = write_panel(root / "foreign-panel.json", [("mallory", "chair")])
        foreign = root / "foreign.rvpkg"
        assert seal(root, other, foreign_panel, [small], foreign)[0] == 0
    return World(
        root,
        authority,
        identities,
        credentials,
        root / "candidate.json",
        panel,
        materials,
        big_package,
        small_package,
        foreign,
    )


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
