"""``reviewer panel reconcile`` over the demo package: five scoring sheets and a recusal, a returned
and corrected sheet, a tampered copy and an outdated version; numbers checked by hand.

Hand computation (trimmed mean from 5, two places; docs/reconciliation.md). Scoring experts:
王堃 (chair), 李喆, 张玥, 陈燊, 赵鑫 (version 2); 周淼 recused. 赵鑫's 3.2 was returned and corrected
from 2 to 3.5: 3.2 scores 5.5, 5, 6, 5, 3.5 → drop 3.5 and 6 → (5 + 5 + 5.5) / 3 = 5.1666… → 5.17;
mean 5.0, 30 % = 1.5, |3.5 − 5| = 1.5 is not above it: no longer divergent. 2.1 scores 4.5, 5, 4.5,
4, 1.5 → (4 + 4.5 + 4.5) / 3 = 4.33; mean 3.9, |1.5 − 3.9| = 2.4 > 1.17: 赵鑫 divergent (explained
in the decisions); spread 3.5 > 3: spread divergent. The consensus 3.2 = 4.5 replaces 5.17:
level 1 "3" = 6.33 + 4.5 = 10.83, total 77.84 − 0.67 = 77.17 < 80 → rule 2: 整改后通过.
"""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
from reviewer.demo.sheets import write_demo_sheet
from reviewer.packages import open_package
from reviewer.scoring.return_notice import build_return_notice, open_return_notice, revise_sheet
from reviewer.scoring.sheet import open_sheet, read_sheet_bytes
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import ScoreAnswer
from reviewer.trust import load_identity

pytestmark = pytest.mark.slow
ENV = "RV_PANEL_TEST_PASS"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        root = tmp_path_factory.mktemp("panel-cli")
        demo = build_demo(root / "demo")
        ids = {k: load_identity(demo.identities[k], source()) for k in ("wang-kun", "li-zhe", "zhao-xin")}
        with open_package(demo.package, ids["wang-kun"]) as opened:
            binding = PackageBinding.of(opened)
        extra = root / "extra"
        li = write_demo_sheet(binding, "li-zhe", ids["li-zhe"], extra)
        chair = write_demo_sheet(binding, "wang-kun", ids["wang-kun"], extra)
        sheets = {p.stem: p for p in demo.sheets}
        # the chair returns 赵鑫's 3.2; he corrects it to 3.5 (version 2)
        v1 = open_sheet(
            read_sheet_bytes(sheets["zhao-xin"]), ids["wang-kun"], binding, ids["wang-kun"].trust_root()
        )
        notice = build_return_notice(ids["wang-kun"], binding, v1, ["3.2"], "请核实名品证据")
        opened_notice = open_return_notice(notice, ids["zhao-xin"], binding, sheet=v1)
        v1_own = open_sheet(
            read_sheet_bytes(sheets["zhao-xin"]), ids["zhao-xin"], binding, ids["zhao-xin"].trust_root()
        )
        v2 = revise_sheet(
            binding,
            ids["zhao-xin"],
            v1_own,
            opened_notice,
            scores={
                "3.2": ScoreAnswer(Decimal("3.5"), "核实后：园区企业自有产品有两项获省级奖励，评为中。", ())
            },
        )
        (extra / "zhao-xin-v2.rvsheet").write_bytes(v2)
        tampered = bytearray(read_sheet_bytes(sheets["zhang-yue"]))
        tampered[len(tampered) // 2] ^= 0x01
        (extra / "tampered.rvsheet").write_bytes(bytes(tampered))
        return {
            "demo": demo,
            "binding": binding,
            "fp": {m.name: m.cert_sha256 for m in binding.roster},
            "li": li,
            "chair": chair,
            "sheets": sheets,
            "v2": extra / "zhao-xin-v2.rvsheet",
            "tampered": extra / "tampered.rvsheet",
            "notice_digest": opened_notice.digest,
        }


@pytest.fixture(autouse=True)
def _pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, DEMO_PASSPHRASE)


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--lang", "en", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def reconcile_args(world: dict, out: Path, *sheets: Path, identity: str = "wang-kun") -> list[str | Path]:
    demo = world["demo"]
    return [
        "panel", "reconcile", demo.package, "--identity", demo.identities[identity],
        "--passphrase-env", ENV, "--out", out, "--sheets", *sheets,
    ]  # fmt: skip


def test_reconcile_the_demo_with_decisions(world: dict, tmp_path: Path) -> None:
    fp = world["fp"]
    decisions = {
        "format": "reviewer.decisions/2",
        "package_id": world["binding"].package_id,
        "consensus": [{"code": "3.2", "value": "4.5", "ground": "extreme",
                       "rationale": "专家组合议：名品以园区企业自有产品为准"}],
        "explanations": [{"expert": fp["赵鑫"], "code": "2.1", "text": "按可核实的园区内研发投入计算，占收入约 4%。"}],
        "returns": [
            {
                "expert": fp["赵鑫"], "revision": 1, "codes": ["3.2"], "reason": "请核实名品证据",
                "notice_sha256": world["notice_digest"],
            }
        ],
        "visit": {"dates": ["2026-06-16", "2026-06-17"], "place": "江苏省南京市"},
    }  # fmt: skip
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(decisions, ensure_ascii=False), "utf-8")
    s = world["sheets"]
    out = tmp_path / "out"
    args = reconcile_args(
        world, out, s["zhang-yue"], s["chen-shen"], world["v2"], s["zhao-xin"], s["zhou-miao"],
        world["li"], world["chair"], world["tampered"], s["zhang-yue"],
    )  # fmt: skip
    code, stdout, stderr = cli(*args, "--decisions", path)
    assert code == 0, stderr
    proposed = {i["code"]: i for i in json.loads((out / "reconciliation.json").read_bytes())["indicators"]}
    assert (
        proposed["3.2"]["value"] == "5.17" and proposed["3.2"]["consensus"] is None
    )  # not put to the panel yet
    # the chair puts it to the panel; each scoring member answers with a signed statement
    demo = world["demo"]
    motion = tmp_path / "vote.rvmotion"
    code, _, stderr = cli("panel", "motion", demo.package, "--identity", demo.identities["wang-kun"],
                             "--reconciliation", out, "--out", motion, "--passphrase-env", ENV)  # fmt: skip
    assert code == 0, stderr
    statements = []
    for key, vote in (("li-zhe", "3.2=approve"), ("zhang-yue", "3.2=approve"), ("chen-shen", "3.2=approve"),
                      ("zhao-xin", "3.2=object:名品证据应按省级奖励计分")):  # fmt: skip
        statements.append(tmp_path / f"{key}.rvstatement")
        extra = ("--dissent", "对 2.1 研发投入强度的计分口径保留意见。") if key == "zhao-xin" else ()
        code, _, stderr = cli("statement", "sign", demo.package, "--identity", demo.identities[key],
                              "--motion", motion, "--vote", vote, *extra, "--out", statements[-1],
                              "--passphrase-env", ENV)  # fmt: skip
        assert code == 0, stderr
    # a member cannot vote twice on one change, nor leave out the reason of an objection
    code, _, stderr = cli("statement", "sign", demo.package, "--identity", demo.identities["li-zhe"],
                          "--motion", motion, "--vote", "3.2=object", "--out", tmp_path / "x.rvstatement",
                          "--passphrase-env", ENV)  # fmt: skip
    assert code == 18 and "reason for objecting" in stderr
    # the chair cannot sign a statement (the motion is the chair's approval)
    code, _, stderr = cli("statement", "sign", demo.package, "--identity", demo.identities["wang-kun"],
                          "--motion", motion, "--vote", "3.2=approve", "--out", tmp_path / "c.rvstatement",
                          "--passphrase-env", ENV)  # fmt: skip
    assert code == 18 and "chair does not sign statements" in stderr
    code, stdout, stderr = cli(*args, "--decisions", out / "decisions.json", "--motions", motion,
                               "--statements", *statements)  # fmt: skip
    assert code == 0, stderr
    lines = [line for line in stdout.splitlines() if "rvstatement" not in line and "rvmotion" not in line]
    assert lines[0].startswith("✓") and "zhang-yue" in lines[0]
    outdated = next(line for line in lines if "/zhao-xin.rvsheet:" in line)
    assert outdated.startswith("✗") and "Outdated: version 2" in outdated
    tampered = next(line for line in lines if "tampered.rvsheet" in line)
    assert tampered.startswith("✗")
    duplicate = [line for line in lines if "zhang-yue.rvsheet" in line][1]
    assert duplicate.startswith("✗") and "Duplicate" in duplicate
    assert sum(1 for line in lines if line.startswith("✓")) == 6

    rec = json.loads((out / "reconciliation.json").read_bytes())
    assert rec["format"] == "reviewer.reconciliation/1"
    assert rec["scoring_experts"] == 5 and rec["quorum_met"] is True
    assert [e["recused"] for e in rec["experts"] if e["expert_id"] == fp["周淼"]] == [True]
    assert {e["expert_id"]: e["version"] for e in rec["experts"]}[fp["赵鑫"]] == 2
    ind = {i["code"]: i for i in rec["indicators"]}
    assert ind["3.2"]["aggregate"] == "5.17" and ind["3.2"]["value"] == "4.5"
    assert ind["3.2"]["consensus"]["by"] == fp["王堃"] and ind["3.2"]["divergent_experts"] == []
    assert ind["2.1"]["aggregate"] == "4.33" and ind["2.1"]["divergent_experts"] == [fp["赵鑫"]]
    assert ind["2.1"]["spread_divergent"] is True
    assert rec["divergences"] == [
        {
            "expert_id": fp["赵鑫"],
            "code": "2.1",
            "score": "1.5",
            "explanation": "按可核实的园区内研发投入计算，占收入约 4%。",
        }
    ]
    nodes = {n["code"]: n for n in rec["nodes"]}
    assert nodes["3"]["value"] == "10.83" and nodes["1"]["value"] == "20.67"
    assert rec["total"] == "77.17"
    assert rec["conclusion"]["result"] == "pass_after_rectification"
    assert rec["conclusion"]["rule_index"] == 1
    assert (out / "reconciliation.json").read_bytes() == json.dumps(
        rec, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode()

    applied = json.loads((out / "decisions.json").read_bytes())
    assert applied["consensus"][0]["by"]["fingerprint"] == fp["王堃"]  # filled in: the chair ran it
    votes = {v["expert"]: v["vote"] for v in applied["consensus"][0]["votes"]}
    assert votes == {
        fp["李喆"]: "approve",
        fp["张玥"]: "approve",
        fp["陈燊"]: "approve",
        fp["赵鑫"]: "object",
    }
    assert applied["dissents"][0]["by"] == {"name": "赵鑫", "fingerprint": fp["赵鑫"], "role": "expert"}
    assert applied["dissents"][0]["text"] == "对 2.1 研发投入强度的计分口径保留意见。"
    summary = (out / "summary.txt").read_text("utf-8")
    assert "Total: 77.17" in summary and "Conclusion: Pass after rectification" in summary
    assert "3.2: computed 5.17 → consensus 4.5" in summary
    assert "Divergent scores: 1, of which 0 without an explanation" in summary
    assert "| 3.2 | 7 | 5 | 3.5 | 6 | 2.5 | 5.17 | 4.5 * |" in (out / "summary.md").read_text("utf-8")


def test_only_the_demo_sheets_give_no_conclusion(world: dict, tmp_path: Path) -> None:
    code, stdout, _ = cli(*reconcile_args(world, tmp_path / "o", *world["demo"].sheets))
    assert code == 0
    rec = json.loads((tmp_path / "o" / "reconciliation.json").read_bytes())
    assert rec["scoring_experts"] == 3 and rec["quorum_met"] is False and rec["conclusion"]["result"] is None
    assert "quorum 5: NOT met" in stdout


@pytest.mark.parametrize(
    ("decisions", "path"),
    [
        (
            {"consensus": [{"code": "3.2", "value": "4.5", "ground": "extreme", "rationale": " "}]},
            "consensus[0].rationale",
        ),
        (
            {"consensus": [{"code": "9.9", "value": "1", "ground": "extreme", "rationale": "r"}]},
            "consensus[0].code",
        ),
        ({"consensus": [{"code": "3.2", "value": "4.5", "rationale": "r"}]}, "consensus[0].ground"),
        (
            {"consensus": [{"code": "3.2", "value": "4.5", "ground": "whim", "rationale": "r"}]},
            "consensus[0].ground",
        ),
        (
            {"dissents": [{"expert": "e" * 64, "text": "组长代写", "statement_sha256": "a" * 64}]},
            "dissents[0].expert",
        ),
        ({"package_id": "another"}, "package_id"),
    ],
)
def test_invalid_decisions_stop_with_the_field(
    world: dict, tmp_path: Path, decisions: dict, path: str
) -> None:
    doc = {"format": "reviewer.decisions/2", "package_id": world["binding"].package_id, **decisions}
    file = tmp_path / "d.json"
    file.write_text(json.dumps(doc), "utf-8")
    code, _, stderr = cli(*reconcile_args(world, tmp_path / "o", world["li"]), "--decisions", file)
    assert code == 3 and path in stderr
    assert not (tmp_path / "o").exists()


def test_consensus_out_of_range_is_refused_by_the_engine(world: dict, tmp_path: Path) -> None:
    doc = {
        "format": "reviewer.decisions/2",
        "package_id": world["binding"].package_id,
        "consensus": [{"code": "3.2", "value": "7.5", "ground": "out-of-range", "rationale": "r"}],
    }
    file = tmp_path / "d.json"
    file.write_text(json.dumps(doc), "utf-8")
    code, _, stderr = cli(*reconcile_args(world, tmp_path / "o", world["li"]), "--decisions", file)
    assert code == 3 and "3.2" in stderr


def test_nothing_usable_and_not_the_chair(world: dict, tmp_path: Path) -> None:
    code, stdout, stderr = cli(*reconcile_args(world, tmp_path / "o", world["tampered"]))
    assert code == 18 and "No usable score sheet" in stderr and stdout.startswith("✗")
    code, _, stderr = cli(*reconcile_args(world, tmp_path / "o", world["li"], identity="li-zhe"))
    assert code == 18 and "Only this panel's chair" in stderr


def test_sheet_return_from_the_command_line(world: dict, tmp_path: Path) -> None:
    demo = world["demo"]
    out = tmp_path / "n.rvreturn"
    code, stdout, stderr = cli(
        "sheet", "return", world["sheets"]["chen-shen"], "--identity", demo.identities["wang-kun"],
        "--package", demo.package, "--codes", "2.1, 1.1", "--reason", "请补充依据", "--out", out,
        "--passphrase-env", ENV,
    )  # fmt: skip
    assert code == 0, stderr
    assert "1.1, 2.1" in stdout
    chen = load_identity(demo.identities["chen-shen"], source())
    notice = open_return_notice(out.read_bytes(), chen, world["binding"])
    assert notice.codes == ("1.1", "2.1") and notice.reason == "请补充依据"
    code, _, stderr = cli(
        "sheet", "return", world["sheets"]["chen-shen"], "--identity", demo.identities["li-zhe"],
        "--package", demo.package, "--codes", "2.1", "--reason", "x", "--out", tmp_path / "m.rvreturn",
        "--passphrase-env", ENV,
    )  # fmt: skip
    assert code != 0
