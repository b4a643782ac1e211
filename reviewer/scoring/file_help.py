"""The formats of the files the command line reads, as ``--help`` shows them: a module of text only,
so that ``reviewer --help`` need not import their readers (:mod:`reviewer.scoring.scores_file`,
:mod:`reviewer.scoring.decisions_io`)."""

# The scores file of ``reviewer sheet fill`` (reviewer.scoring.scores_file reads it).
SCORES_FILE = """\
CSV (UTF-8, a BOM is fine; header row ``code,score,comment[,evidence]``), one row per code:

* a scored indicator: ``1.1,6.5,comment,EVIDENCE``
* a yes/no item: ``V1,yes,`` or ``V1,no,why`` (是/否 are accepted too)
* an eligibility condition: ``E1,ok,`` or ``E2,flag,why`` (confirmed/flagged are accepted too)
* an objective indicator (its points computed from the package's figure): ``1.1,ok,`` to confirm
  the figure or ``1.1,flag,why,EVIDENCE`` to flag it (a flag needs a comment and evidence)

EVIDENCE is a ``;``-separated list of ``MATERIAL#PAGE`` (a material as the package lists it, e.g.
``materials/自评报告.pdf#12``) or ``file:PATH`` (a site-visit file, relative to the scores file:
its name and SHA-256 are recorded, the file itself stays on the laptop) or ``file:NAME@SHA256``.

JSON::

    {"declarations": {"conflict": "none", "pledge": true},
     "scores": [{"code": "1.1", "score": "6.5", "comment": "…",
                 "evidence": [{"material": "materials/自评报告.pdf", "page": 12},
                              {"file": "gate.jpg", "sha256": "<64 hex>"}]}],
     "yes_no": [{"code": "V1", "answer": "yes", "comment": ""}],
     "eligibility": [{"code": "E1", "status": "confirmed", "comment": ""}],
     "figures": [{"code": "2.1", "status": "flagged", "comment": "…",
                  "evidence": [{"material": "materials/统计公报.pdf", "page": 4}]}]}

Numbers may be written as strings or JSON numbers (read exactly, as decimals).
"""

# The decisions file of ``reviewer panel reconcile`` (reviewer.scoring.decisions_io reads it).
DECISIONS_FILE = """\
The decisions file (UTF-8 JSON, format "reviewer.decisions/2"; full spec: docs/decisions-format.md).
Only "format" and "package_id" are required; every list may be left out. Each decision says WHO
("by": {"name", "fingerprint" (64 hex, the member's certificate SHA-256), "role": "chair"|"expert"})
and WHEN ("at": "2026-06-17T08:00:00Z", UTC); on the command line both may be left out and are then
filled in with the chair running the command and the current time. Decimals are strings.

  {"format": "reviewer.decisions/2",
   "package_id": "<the package's id>",
   "consensus": [{"code": "3.2", "value": "4.5", "ground": "extreme",
                  "rationale": "专家组合议：名品获奖证明以园区企业自有产品为准"}],
   "explanations": [{"expert": "<fingerprint>", "code": "2.1",
                     "text": "按可核实的园区内研发投入计算"}],
   "returns": [{"expert": "<fingerprint>", "revision": 1, "codes": ["1.1"],
                "reason": "…", "notice_sha256": "<digest of the .rvreturn>"}],
   "opinion": {"strengths": ["…"], "problems": ["…"], "recommendations": ["…"],
               "conclusion": "专家组同意……"},
   "visit": {"dates": ["2026-06-16", "2026-06-17"], "place": "江苏省南京市"}}

consensus: a change after aggregation, replacing the computed aggregate of a leaf indicator; it names
its ground (summing-error, out-of-range, objective-inconsistent or extreme: MOF Order No. 87 art. 64)
and a rationale, is put to the panel (`reviewer panel motion`) and counts once the members' signed
statements (`reviewer statement sign`, then `panel reconcile --motions --statements`) bring the
approvals the rules require. The votes ("motion_sha256", "votes") and the dissents (each member's own,
from their signed statement) are filled in from the statements, never typed. explanations: an
expert's written explanation of a divergent score. returns: sheets returned for correction.
opinion: the panel's opinion (Chinese text), put to the panel with the changes. visit: for the
record. A bad field is reported with its path, e.g. consensus[0].ground (exit code 3)."""
