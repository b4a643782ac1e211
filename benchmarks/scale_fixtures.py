"""Fixtures of benchmark 8 (scale curves): packages of many materials, records of large panels,
registries of many years. Made once into ``benchmarks/.cache/scale`` (the PostgreSQL registries once
per run, in a schema of their own) and reused."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import random
import uuid
from datetime import UTC, date, datetime
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from benchmarks.world import CACHE, ROOT, SAMPLE_STANDARD, bench_rules, source, standard_file, world

FOLDER = CACHE / "scale"
MEMBER = "li-zhe"
BULK = ROOT / "tests" / "ministry" / "bulk.py"  # the registry tests' bulk builder, reused as is


# --- 1. packages of many materials --------------------------------------------------------------
def package(total_mb: int, files: int) -> Path:
    return FOLDER / f"open-{total_mb}mb-{files}.rvpkg"


def seal_package(total_mb: int, files: int) -> None:
    """Seal ``total_mb`` MB of random bytes split evenly into ``files`` materials."""
    from reviewer.packages import PanelMember, seal
    from reviewer.trust import load_credential
    from reviewer.trust.identity import CREDENTIAL

    w = world()
    materials = FOLDER / f"materials-{total_mb}-{files}"
    materials.mkdir(parents=True, exist_ok=True)
    total = total_mb * 2**20
    for i in range(files):
        size = total // files + (1 if i < total % files else 0)
        (materials / f"材料-{i:05d}.pdf").write_bytes(os.urandom(size))
    authority = w.authority()
    member = PanelMember(load_credential(w.identity_dir(MEMBER) / CREDENTIAL), "chair")
    tmp = package(total_mb, files).with_suffix(".tmp")
    seal(
        authority,
        authority.unlock(source()),
        standard_path=SAMPLE_STANDARD,
        candidate={"name": "基准软件园", "type": "park"},
        panel=[member],
        materials=[materials],
        out=tmp,
        panel_rules=bench_rules(),
    )
    for f in materials.iterdir():
        f.unlink()
    materials.rmdir()
    os.replace(tmp, package(total_mb, files))


# --- 2. records of large panels -----------------------------------------------------------------
_SURNAMES = "李张陈赵周钱王刘杨黄吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
_GIVEN = ("明远", "晓峰", "婧", "思源", "建华", "一鸣", "雨桐", "子涵", "振宇", "欣怡", "浩然", "丽君")
_ORGS = ("东海大学 信息科学与工程学院", "北方软件评测中心", "长江计算技术研究所", "岭南会计师事务所")


def record_input(signers: int, leaves: int):
    """A creation review's record: ``signers`` members (the chair last) scoring ``leaves`` indicators.
    The fingerprints are made up (64 lower-case hex digits): building the PDF does not sign."""
    from reviewer.export.record_input import (
        Candidate,
        MemberRole,
        PanelMember,
        PanelOpinion,
        RecordInput,
        Visit,
    )
    from reviewer.scoring.inputs import ExpertScores
    from reviewer.scoring.reconcile import reconcile
    from reviewer.standards import load_standard
    from reviewer.standards.model import CandidateType, ReviewKind

    standard = load_standard(standard_file(leaves))
    rng = random.Random(f"scale-{signers}-{leaves}")
    keys = [f"m{i:02d}" for i in range(signers)]
    sheets = []
    for key in keys:
        scores = {}
        for leaf in standard.leaves():
            step = leaf.step or Decimal("0.5")
            raw = leaf.points * Decimal(str(round(rng.uniform(0.7, 0.97), 3)))
            scores[leaf.code] = (raw / step).to_integral_value(rounding=ROUND_FLOOR) * step
        sheets.append(ExpertScores(key, scores=scores, answers={i.code: True for i in standard.yes_no}))
    members = tuple(
        PanelMember(
            key,
            _SURNAMES[i % len(_SURNAMES)] + _GIVEN[i % len(_GIVEN)],
            _ORGS[i % len(_ORGS)],
            MemberRole.CHAIR if i == signers - 1 else MemberRole.EXPERT,
            hashlib.sha256(key.encode()).hexdigest(),
            title="教授",
        )
        for i, key in enumerate(keys)
    )
    return RecordInput(
        document_id=uuid.UUID("8e1f4c2a-0b3d-4e5f-8a9b-1c2d3e4f5a6b"),
        kind=ReviewKind.CREATION,
        candidate=Candidate("基准软件园", CandidateType.PARK, "江苏省", "南京市"),
        standard=standard,
        visit=Visit((date(2026, 6, 15), date(2026, 6, 16)), "江苏省南京市 基准软件园管理委员会"),
        members=members,
        reconciliation=reconcile(standard, sheets),
        opinion=PanelOpinion(
            strengths=("园区软件产业集聚度高，主导领域特色鲜明。",),
            problems=("研发投入强度仍低于标杆水平。",),
            recommendations=("加强软件人才培养。",),
            conclusion="专家组同意通过评审。",
        ),
        dissents=(),
    )


# --- 4. registries of many years ----------------------------------------------------------------
def sqlite_registry(years: int, candidates: int) -> tuple[Path, str]:
    path = FOLDER / f"registry-{years}x{candidates}.sqlite3"
    return path, f"sqlite:///{path}"


def _bulk():
    spec = importlib.util.spec_from_file_location("reviewer_bench_bulk", BULK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_registry(db: str, years: int, candidates: int) -> int:
    """A current registry (created and migrated) filled in bulk: ``years`` × ``candidates`` reviews,
    five experts × 20 indicators of deviations each (tests/ministry/bulk.py)."""
    from sqlalchemy import text

    from reviewer.ministry.registry import Registry

    with Registry.open(db) as reg:
        rows = _bulk().build(reg.engine, years=years, candidates=candidates)
        if reg.engine.dialect.name == "postgresql":  # bulk gave the ids: move the sequences past them
            with reg.engine.begin() as conn:
                for table in ("candidates", "reviews"):
                    conn.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
                    )
        return rows


def candidate_name(c: int) -> str:
    return f"候选{c:04d}"  # as bulk.py names them


def one_more_result(reg, years: int, candidates: int):
    """An annual result of the year after the bulk ones, for the next candidate without one (each run
    records a new one; a candidate has one rating a year), with 5 × 20 deviations as bulk's."""
    from sqlalchemy import func, select

    from reviewer.ministry.orm import ReviewRow
    from reviewer.ministry.types import CandidateInfo, Deviation, ReviewResult

    year = 2000 + years
    with reg._read() as s:
        done = s.scalar(select(func.count()).select_from(ReviewRow).where(ReviewRow.year == year))
    c = done % candidates
    info = CandidateInfo(candidate_name(c), "city" if c % 5 == 0 else "park", f"省{c % 31}", f"市{c % 97}")
    experts = [(f"e{i:03d}", f"专家{i:03d}") for i in range(5)]
    deviations = tuple(
        Deviation(e, name, f"A{code}", Decimal(code % 10), Decimal("5.25"))
        for code in range(20)
        for e, name in experts
    )
    return ReviewResult(
        candidate=info,
        package_id=f"pkg-{year}-{c:04d}",
        kind="annual",
        year=year,
        standard_id="bulk",
        standard_version="1.0",
        result="2",
        vetoed=False,
        total=Decimal("80.5"),
        bundle_sha256=uuid.uuid4().hex * 2,
        bundle_version=1,
        chair=experts[0][1],
        experts=tuple(name for _, name in experts),
        at=datetime(year, 6, 1, tzinfo=UTC),
        deviations=deviations,
    )
