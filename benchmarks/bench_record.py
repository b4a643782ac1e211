"""5. The review record: build a 40-page record, apply 8 PAdES signatures, validate all 8.

A panel of eight (seven experts, the chair last) over a generated standard whose leaf count makes
the record about 40 pages; every member's score of every indicator is in the record's tables. Each
run, in a fresh child: ``build_record_pdf`` timed; then the eight ``sign_record`` calls in roster
order (the chair closes); then ``validate_record`` of the signed file (all eight signatures against
the ministry root). The signers' keys are unlocked before the clock starts.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from benchmarks.harness import Row, child_main, fmt_s, interleaved, med, run_child
from benchmarks.world import CHAIR, RECORD_PANEL, standard_file, world

TYPICAL = 40  # a large real standard: the record of an ordinary review, for context
LEAVES = 1400  # a record of about 40 pages with eight members (about 35 indicators a page)


def record_input(ids, leaves: int):
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
    rng = random.Random("record-bench")
    sheets = []
    for key, *_ in RECORD_PANEL:
        scores = {}
        for leaf in standard.leaves():
            step = leaf.step or Decimal("0.5")
            raw = leaf.points * Decimal(str(round(rng.uniform(0.7, 0.97), 3)))
            scores[leaf.code] = (raw / step).to_integral_value(rounding=ROUND_FLOOR) * step
        sheets.append(ExpertScores(key, scores=scores, answers={i.code: True for i in standard.yes_no}))
    members = tuple(
        PanelMember(
            key,
            name,
            org,
            MemberRole.CHAIR if key == CHAIR else MemberRole.EXPERT,
            ids[key].fingerprint,
            title="教授",
        )
        for key, name, org, _ in RECORD_PANEL
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


def pages(pdf: bytes) -> int:
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(BytesIO(pdf)).root["/Pages"]["/Count"])


def record(leaves: str, suite: str = "nist") -> dict:
    """The record of ``leaves`` indicators built, signed by the panel and validated, in ``suite``'s world."""
    from reviewer.export.pades import find_field, sign_record
    from reviewer.export.pades_validate import validate_record
    from reviewer.export.record import build_record_pdf
    from reviewer.export.record_input import MemberRole

    w = world(suite=suite)
    ids = {key: w.identity(key) for key, *_ in RECORD_PANEL}
    data = record_input(ids, int(leaves))
    start = time.perf_counter()
    pdf = build_record_pdf(data)
    built = time.perf_counter()
    for key, *_ in RECORD_PANEL:
        field = find_field(pdf, ids[key])
        pdf = sign_record(pdf, field.name, ids[key], MemberRole.CHAIR if key == CHAIR else MemberRole.EXPERT)
    signed = time.perf_counter()
    statuses = validate_record(pdf, ids[CHAIR].trust_root())
    validated = time.perf_counter()
    assert len(statuses) == len(RECORD_PANEL) and all(s.valid for s in statuses), statuses
    return {
        "build": built - start,
        "sign": signed - built,
        "validate": validated - signed,
        "pages": pages(pdf),
        "size": len(pdf),
    }


def _rows(res: list[dict], label: str, targets: bool) -> list[Row]:
    build, sign, check = (med(res, k) for k in ("build", "sign", "validate"))
    n, peak = res[0]["pages"], max(r["peak_rss"] for r in res)
    both = build + sign
    return [
        Row(f"record{label}: build the PDF ({n} pages)", fmt_s(build), peak=peak),
        Row(f"record{label}: apply 8 signatures", fmt_s(sign)),
        Row(f"record{label}: build + 8 signatures", fmt_s(both), *(("≤ 3 s", both <= 3) if targets else ())),
        Row(f"record{label}: validate all 8", fmt_s(check), *(("≤ 0.5 s", check <= 0.5) if targets else ())),
    ]


def run(runs: int, log=print) -> list[Row]:
    world()  # the eighth member, once
    res = interleaved(runs, {
        "record": lambda: run_child("bench_record", "record", str(LEAVES)),
        "typical": lambda: run_child("bench_record", "record", str(TYPICAL)),
    })  # fmt: skip
    return _rows(res["record"], "", True) + _rows(res["typical"], f" (typical, {TYPICAL} indicators)", False)


if __name__ == "__main__":
    child_main({"record": record})
