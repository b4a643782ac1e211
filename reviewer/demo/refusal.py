"""The demo's refusal to sign: one member refuses to sign the review record, with written reasons.

The rules let a member refuse to sign the record when they give their reasons in writing
(评标委员会和评标方法暂行规定 §43; docs/panel-procedure.md). A refusal is bound to one record (its
document id and the reconciliation and decisions it was made from), so it is made once the chair
has produced the record:

    data = demo_refusal(member, package, record_pdf)   # 陈燊's signed refusal (.rvstatement)

The demo's worked example (:mod:`reviewer.demo.result`) makes it after the other members co-signed,
writes it to ``<demo>/result/chen-shen-refusal.rvstatement``, and the chair closes the record stating
the refusal on the signature page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reviewer.export.closing import refusal_for
from reviewer.packages import open_package
from reviewer.trust.identity import Identity

DEMO_REFUSER = "chen-shen"
DEMO_REFUSAL_REASON = (
    "本人在表决中同意了对指标 2.1 的变更和专家组意见，但园区报送的软件业务收入数据尚待第三方审计核实；"
    "核实结果出具前，本人不在评审意见表上签字。（示例材料，内容为虚构）"
)


def demo_refusal(member: Identity, package: Path, record_pdf: bytes, *, now: datetime | None = None) -> bytes:
    """``member``'s signed refusal to sign ``record_pdf``, with the demo's reasons."""
    with open_package(package, member) as opened:
        return refusal_for(record_pdf, member, opened, reason=DEMO_REFUSAL_REASON, now=now)
