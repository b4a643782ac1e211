"""The demo's refusal to sign: one member refuses to sign the review record, with written reasons.

The rules let a member refuse to sign the record when they give their reasons in writing
(评标委员会和评标方法暂行规定 §43; docs/panel-procedure.md). A refusal is bound to one record (its
document id and the reconciliation and decisions it was made from), so it is made once the chair
has produced the record:

    path = write_demo_refusal(demo, record_pdf)   # <demo>/statements/<member>-refusal.rvstatement

The chair then imports it (or ``reviewer panel close --statements``) and closes the record stating
the refusal on the signature page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reviewer.demo.package import Demo, source
from reviewer.export.closing import refusal_for
from reviewer.packages import open_package
from reviewer.trust import load_identity
from reviewer.trust.files import write_atomic
from reviewer.trust.identity import Identity

DEMO_REFUSER = "chen-shen"
DEMO_REFUSAL_REASON = (
    "本人对第 2 部分指标的协商分值持不同意见：其依据的园区收入数据尚待核实，本人意见未获采纳，"
    "故不在评审意见表上签字。（示例材料，内容为虚构）"
)
STATEMENTS_DIR = "statements"


def demo_refusal(member: Identity, package: Path, record_pdf: bytes, *, now: datetime | None = None) -> bytes:
    """``member``'s signed refusal to sign ``record_pdf``, with the demo's reasons."""
    with open_package(package, member) as opened:
        return refusal_for(record_pdf, member, opened, reason=DEMO_REFUSAL_REASON, now=now)


def write_demo_refusal(demo: Demo, record_pdf: bytes) -> Path:
    """The demo refuser's refusal of ``record_pdf``, written into the demo folder's ``statements``."""
    member = load_identity(demo.identities[DEMO_REFUSER], source())
    data = demo_refusal(member, demo.package, record_pdf)
    folder = demo.folder / STATEMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return write_atomic(folder / f"{DEMO_REFUSER}-refusal.rvstatement", data)
