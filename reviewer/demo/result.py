"""The demo's worked example of the whole panel procedure, ending in a result file for the ministry.

From the demo package and its ``votes/`` (the chair's draft decisions with the §64 change of 2.1,
the motion, the members' statements with 赵鑫's own dissent) the chair 王堃 reconciles the five
scoring sheets and 周淼's recusal; the record is produced; 李喆, 张玥, 赵鑫 and 欧阳翀 co-sign it;
陈燊 refuses to sign with his written reasons (:mod:`reviewer.demo.refusal`); the chair closes the
record stating the refusal on the signature page and writes the result bundle. Every step is the core
the command line uses (``panel reconcile``, ``record cosign``, ``record refuse``, ``panel close``):
:class:`~reviewer.scoring.panel.PanelState`, :mod:`reviewer.export.panel_outputs`,
:func:`~reviewer.export.closing.refusal_for`, :func:`~reviewer.export.bundle.build_bundle`.

    result = build_demo_result(demo)      # <demo>/result/, written once, reused as it is

``result/`` holds ``record.pdf`` (closed by the chair), ``reconciliation.json``, ``decisions.json``,
``closing.json``, ``chen-shen-refusal.rvstatement`` and ``result.rvresult`` (encrypted to the demo
ministry only: ``reviewer ministry import <demo>/authority ...``). The files are made in a
temporary folder renamed to ``result`` at the end, so the folder is whole or absent.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from reviewer.demo.package import Demo, source
from reviewer.demo.refusal import DEMO_REFUSER, demo_refusal
from reviewer.demo.sheets import demo_sheet_bytes
from reviewer.demo.votes import DECISIONS, MOTION, VOTES_DIR
from reviewer.errors import Refused
from reviewer.export.bundle import write_bundle
from reviewer.export.closing import CLOSING
from reviewer.export.panel_outputs import RECORD, close_stating, cosign, record_for, result_bundle
from reviewer.i18n import T
from reviewer.packages import open_package
from reviewer.scoring.decisions import Actor
from reviewer.scoring.decisions_io import parse_decisions
from reviewer.scoring.panel import PanelState
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.statement import open_statement
from reviewer.trust import clock, load_identity
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity

log = logging.getLogger(__name__)

RESULT_DIR = "result"
RESULT_BUNDLE = "result.rvresult"
RECONCILIATION = "reconciliation.json"
REFUSAL = f"{DEMO_REFUSER}-refusal.rvstatement"
FILES = (RECORD, RECONCILIATION, DECISIONS, CLOSING, REFUSAL, RESULT_BUNDLE)
OWN_SHEETS = ("li-zhe", "wang-kun", "ouyang-chong")  # they score in the app: signed here, in memory
COSIGNERS = ("li-zhe", "zhang-yue", "zhao-xin", "ouyang-chong")  # every non-recused member but 陈燊


@dataclass(frozen=True)
class DemoResult:
    folder: Path  # <demo>/result
    reused: bool

    @property
    def record(self) -> Path:
        return self.folder / RECORD

    @property
    def closing(self) -> Path:
        return self.folder / CLOSING

    @property
    def refusal(self) -> Path:
        return self.folder / REFUSAL

    @property
    def bundle(self) -> Path:
        return self.folder / RESULT_BUNDLE


def build_demo_result(demo: Demo) -> DemoResult:
    """``<demo>/result``: the worked example, made once (an existing complete folder is reused)."""
    folder = demo.folder / RESULT_DIR
    if all((folder / name).is_file() for name in FILES):
        return DemoResult(folder, True)
    partial = demo.folder / f".{RESULT_DIR}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    _work(demo, partial)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    log.info("the demo's worked example written to %s", folder)
    return DemoResult(folder, False)


def _identities(demo: Demo) -> dict[str, Identity]:
    return {key: load_identity(path, source()) for key, path in demo.identities.items()}


def _require(accepted: bool, what: str, why: object) -> None:
    if not accepted:  # the demo's own files: a refusal here is a bug in the demo
        raise Refused(T("演示数据有误：{w}（{y}）", "The demo data is wrong: {w} ({y})", w=what, y=str(why)))


def _work(demo: Demo, out: Path) -> None:
    ids = _identities(demo)
    chair = ids[demo.chair]
    now = clock.utcnow()
    with open_package(demo.package, chair) as opened:
        binding = PackageBinding.of(opened)
    # --- panel reconcile: the sheets, the draft decisions, the motion and the statements --------------
    by = Actor(binding.chair.name, binding.chair.cert_sha256, "chair")
    votes = demo.folder / VOTES_DIR
    decisions = parse_decisions((votes / DECISIONS).read_bytes(), default_by=by, default_at=clock.iso(now))
    state = PanelState.start(binding, chair, decisions)
    offered = [(str(p), p.read_bytes()) for p in demo.sheets]
    offered += [(f"{key}.rvsheet", demo_sheet_bytes(binding, key, ids[key])) for key in OWN_SHEETS]
    state, sheet_outcomes = state.import_sheets(offered, now=now)
    for s in sheet_outcomes:
        _require(s.accepted, s.source, s.reason)
    statements = sorted(votes.glob("*.rvstatement"))
    state, vote_outcomes = state.import_votes(
        [(str(votes / MOTION), (votes / MOTION).read_bytes())], [(str(p), p.read_bytes()) for p in statements]
    )
    for v in vote_outcomes:
        _require(v.accepted, v.source, v.reason)
    state.require_adopted()
    rec = state.reconcile()
    pdf = record_for(demo.package, chair, binding, state.sheets(), rec, state.decisions)
    # --- record cosign, record refuse ------------------------------------------------------------------
    for key in COSIGNERS:
        pdf, _field = cosign(pdf, ids[key], members_only=True)
    refusal = demo_refusal(ids[DEMO_REFUSER], demo.package, pdf)
    write_atomic(out / REFUSAL, refusal)
    # --- panel close: the chair signs last, stating the refusal; the result bundle -------------------
    refused = open_statement(refusal, chair, binding, chair.trust_root())
    closed = close_stating(pdf, chair, binding, refusals=[refused])
    data = result_bundle(
        chair,
        demo.package,
        sheets=[s.data for s in sorted(state.sheets(), key=lambda s: s.digest)],
        decisions=state.decisions.to_json(),
        reconciliation=rec.to_json(),
        record_pdf=closed.pdf,
        motions=[m.data for m in state.motions],
        statements=[*(s.data for s in state.statements), refusal],
        closing=closed.closing,
    )
    write_atomic(out / RECONCILIATION, rec.to_json())
    write_atomic(out / DECISIONS, state.decisions.to_json())
    write_atomic(out / CLOSING, closed.closing)
    write_atomic(out / RECORD, closed.pdf)
    write_bundle(out / RESULT_BUNDLE, data)
