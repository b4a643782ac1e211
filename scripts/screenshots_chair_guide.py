"""The chair's guide's screenshots (``python scripts/screenshots_chair.py --guide [--lang L] [--out DIR]``).

One chair's session, 1024×700, in the UI language ``L`` (zh_CN by default), written to
``reviewer/resources/guides/<L>/images/chair-*.png`` (or ``DIR``): the package opened as the chair
王堃 (``chair-open``), the sheets imported with a tampered file and an older version refused
(``chair-import``), the matrix (``chair-matrix``), a divergent score selected (``chair-divergence``),
the return and consensus dialogs (``chair-return``, ``chair-consensus``), the proposal in the
matrix (``chair-proposal``), the opinion
(``chair-opinion``), the panel's vote with the members' statements (``chair-votes``), the record
produced (``chair-record``), two co-signatures (``chair-cosign``), a refusal and a member recorded as
not signed (``chair-unsigned``), then the record closed and the result file written
(``chair-result``). The world is the GUI tests' (``tests/ui/chair_fixtures.py``); the script answers
the dialogs itself. Each PNG is reduced to a palette so that it stays small.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))

SIZE = (1024, 700)
SHEETS = ("wang-kun", "li-zhe", "zhang-yue-v2", "chen-shen", "zhao-xin", "zhou-miao-recusal")
REFUSED = ("zhao-xin-tampered", "zhang-yue-v1")  # a tampered file; an older version after the newer

TEXTS = {
    "zh_CN": {
        "strengths": "园区软件产业集聚度高，龙头企业带动作用明显。",
        "problems": "研发投入强度仍偏低。",
        "recommendations": "加强软件人才培养。",
        "conclusion": "专家组同意示例软件园通过评审。",
        "place": "江苏省南京市 示例软件园管理委员会",
        "rationale": "专家组复核研发投入统计口径后一致认定赵鑫评分畸高。",
        "return": "请核实研发投入强度的统计口径。",
        "objection": "口径一致，不应下调。",
        "dissent": "本人保留原评分。",
        "refusal": "本人认为指标 2.1 的变更依据不足，不同意评审结论。",
        "flag": "全国增速应为 10.9%",
    },
    "en": {
        "strengths": "A strong cluster of software firms, led by a few large ones.",
        "problems": "R&D spending is still low.",
        "recommendations": "Train more software engineers.",
        "conclusion": "The panel recommends that the park pass the review.",
        "place": "Nanjing, Jiangsu — the park's administration",
        "rationale": "Having checked how R&D spending is counted, the panel agrees 赵鑫's score is too high.",
        "return": "Please check how R&D spending is counted.",
        "objection": "The figures are counted the same way; no reduction.",
        "dissent": "I keep my original score.",
        "refusal": "The grounds for changing 2.1 are not sufficient; I do not agree with the conclusion.",
        "flag": "The national growth rate is 10.9%",
    },
}


def settle(rounds: int = 5) -> None:
    from PySide6.QtGui import QGuiApplication

    for _ in range(rounds):
        QGuiApplication.processEvents()
        if rounds > 5:
            time.sleep(0.05)


def shoot(widget: object, target: Path, rounds: int = 5) -> None:
    """Grab ``widget`` into ``target``; raise when it cannot be written (made small by :func:`shrink`)."""
    settle(rounds)
    if not widget.grab().save(str(target)):  # type: ignore[attr-defined]
        raise SystemExit(f"could not write {target}")


def shrink(out: Path) -> None:
    """Each shot as a palette PNG (a fraction of the size), once the windows are closed."""
    from PIL import Image

    for target in sorted(out.glob("chair-*.png")):
        with Image.open(target) as image:
            small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(target, optimize=True)
        print(f"wrote {target} ({target.stat().st_size // 1024} KB)")


def guide(out: Path, lang: str) -> int:
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont

    from reviewer.ui.app import application

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        os.environ["REVIEWER_DATA_DIR"] = data
        session(Path(data), out, lang)
        figures(Path(data) / "figures", out, lang)
    shrink(out)
    return 0


def session(data: Path, out: Path, lang: str) -> None:
    from reviewer.demo.package import DEMO_PASSPHRASE
    from reviewer.ui.app import create_main_window
    from reviewer.ui.dialogs import cosign, errors
    from reviewer.ui.panels import chair_decisions, chair_votes, record_unsigned
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.ui.chair_fixtures import build_chair_world

    text = TEXTS[lang]
    world = build_chair_world(data / "world")
    window = create_main_window(
        data_dir=str(data / "chair-data"),
        open_file=world.package,
        lang=lang,
        executor=ImmediateExecutor(),
        identity_dir=world.chair,
        passphrase=DEMO_PASSPHRASE,
    )
    window.resize(*SIZE)
    window.show()
    panel, chair = window.package_panel, window.package_panel.chair
    if chair is None:
        raise SystemExit("the chair's tab is missing")
    # the script answers every question the chair or a member would
    errors.confirm = lambda *args, **kwargs: True
    for name in ("confirm_close_stating", "confirm_refusal", "confirm_not_signed"):
        setattr(record_unsigned, name, lambda *args, **kwargs: True)
    record_unsigned.ask_refusal_reason = lambda parent, who: text["refusal"]
    cosign.ask_member_passphrase = lambda parent, who: DEMO_PASSPHRASE
    chair_votes.choose_motion_path = lambda parent, suggested: None

    # 1. the package opened as the chair: the chair's tab, nobody's sheet held yet
    panel.tabs.setCurrentWidget(chair)
    chair.tabs.setCurrentIndex(0)
    shoot(window, out / "chair-open.png")

    # 2. the sheets imported; a tampered file and an older version refused
    chair.import_files([world.sheets[s] for s in SHEETS])
    chair.import_files([world.sheets[s] for s in REFUSED])
    shoot(window, out / "chair-import.png")

    # 3. the matrix, sorted by spread; 4. 陈燊's divergent score on 1.1 selected
    chair.tabs.setCurrentWidget(chair.matrix)
    chair.matrix.sort_by_spread()
    shoot(window, out / "chair-matrix.png")
    chen = world.names["chen-shen"]  # far below the panel on 1.1
    chair.matrix.select("1.1", chen)
    shoot(window, out / "chair-divergence.png")

    # the return dialog as the chair fills it (not sent: the shot only)
    def grab_return(dialog) -> bool:
        dialog.reason_edit.setPlainText(text["return"])
        dialog.resize(dialog.sizeHint())
        dialog.show()
        shoot(dialog, out / "chair-return.png")
        dialog.hide()
        return False

    chair_decisions.run_dialog = grab_return
    chair.return_sheet(chen, "1.1")

    # 5. the consensus proposal on 2.1: the ground of §64 and the rationale
    def fill_consensus(dialog) -> bool:
        dialog.value_edit.setText("4.5")
        dialog.ground_box.setCurrentIndex(dialog.ground_box.findData("extreme"))
        dialog.rationale_edit.setPlainText(text["rationale"])
        dialog.resize(dialog.sizeHint())
        dialog.show()
        shoot(dialog, out / "chair-consensus.png")
        dialog.accept()
        return dialog.value is not None

    chair_decisions.run_dialog = fill_consensus
    if not chair.set_consensus("2.1"):
        raise SystemExit("the consensus was not proposed")
    chair.matrix.select("2.1")  # the proposal marked beside the value taken
    shoot(window, out / "chair-proposal.png")

    # the opinion
    o = chair.opinion
    o.strengths.setPlainText(text["strengths"])
    o.problems.setPlainText(text["problems"])
    o.recommendations.setPlainText(text["recommendations"])
    o.conclusion.setPlainText(text["conclusion"])
    o.save_button.click()
    chair.tabs.setCurrentWidget(o)
    shoot(window, out / "chair-opinion.png")

    # 6. put to the panel; three members approve, 赵鑫 objects with his dissent
    vote(chair, world, text)
    chair.tabs.setCurrentWidget(chair.votes)
    shoot(window, out / "chair-votes.png")

    # 8. the visit and the record
    page = chair.record
    page.visit.set_values(date(2026, 6, 15), date(2026, 6, 16), text["place"])
    page.visit.save_button.click()
    page.produce()
    chair.tabs.setCurrentWidget(page)
    shoot(window, out / "chair-record.png", 40)

    # 9. co-signing in turn
    for key in ("li-zhe", "zhang-yue"):
        cosign.choose_member_folder = lambda parent, start="", key=key: world.identities[key]
        page.cosign()
    if page.signed_count != 2:
        raise SystemExit(f"{page.signed_count} co-signatures, not 2")
    shoot(window, out / "chair-cosign.png", 40)

    # 10. 陈燊 refuses with reasons, 欧阳翀 is recorded as not signed, 赵鑫 co-signs
    cosign.choose_member_folder = lambda parent, start="": world.identities["chen-shen"]
    page.refuse()
    ouyang = next(m.cert_sha256 for m in world.binding.roster if m.name == "欧阳翀")
    page.record_not_signed(ouyang, "欧阳翀")
    cosign.choose_member_folder = lambda parent, start="": world.identities["zhao-xin"]
    page.cosign()
    shoot(window, out / "chair-unsigned.png", 40)

    # 11. the chair closes; the result file
    page.close_record()
    if not page.chair_signed:
        raise SystemExit("the record was not closed")
    cosign.choose_result_path = lambda parent, suggested: data / "result.rvresult"
    page.produce_result()
    if page.result_path is None:
        raise SystemExit("no result file")
    # at 700 px the file's path and SHA-256 are below the fold: scrolled to, as the chair would
    from PySide6.QtWidgets import QScrollArea

    area = next(a for a in page.findChildren(QScrollArea) if a.widget().objectName() == "recordPageContent")
    settle()
    area.ensureWidgetVisible(page.results.shown)
    shoot(window, out / "chair-result.png", 40)
    window.close()


def figures(data: Path, out: Path, lang: str) -> None:
    """数据核实: the sample city standard's objective indicators, 李娜 flagging the figure of 2.1; the
    chair 张伟 selects that row of the matrix (``chair-figures``). The world of
    ``tests/scoring/test_objective_panel.py``."""
    from dataclasses import replace

    from reviewer.packages import seal
    from reviewer.packages.seal import PanelMember
    from reviewer.scoring.sheet_build import build_sheet
    from reviewer.scoring.sheet_model import FigureCheck, MaterialRef
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.permissive import permissive_rules
    from tests.scoring.sheet_fixtures import MATERIAL, PASSPHRASE, build_world
    from tests.scoring.test_objective_panel import CITY, CITY_DATA, FIGURES, _answers

    w = build_world(data / "world")
    materials = data / "materials"
    materials.mkdir(parents=True)
    (materials / "申请表.pdf").write_bytes(b"%PDF-1.7 test material\n" * 50)
    package = data / "示例市-年度评价.rvpkg"
    members = [("zhang", "chair"), ("li", "expert"), ("wang", "expert"), ("zhou", "expert")]
    seal(
        w.authority,
        w.keys,
        standard_path=CITY_DATA,
        candidate=CITY,
        panel=[PanelMember(w.ids[k].installed(), r) for k, r in members],
        materials=[materials],
        out=package,
        panel_rules=permissive_rules(),
        figures=FIGURES,
    )
    window = create_main_window(
        data_dir=str(data / "chair-data"),
        open_file=package,
        lang=lang,
        executor=ImmediateExecutor(),
        identity_dir=w.folders["zhang"],
        passphrase=PASSPHRASE,
    )
    chair = window.package_panel.chair
    if chair is None:
        raise SystemExit("the chair's tab is missing (objective city)")
    flag = FigureCheck(False, TEXTS[lang]["flag"], (MaterialRef(MATERIAL, 2),))
    flagged = replace(_answers(), figures={**_answers().figures, "2.1": flag})
    files = []
    for key in ("li", "wang", "zhou"):
        sheet = data / f"{key}.rvsheet"
        sheet.write_bytes(
            build_sheet(chair.state.binding, w.ids[key], flagged if key == "li" else _answers())
        )
        files.append(sheet)
    chair.import_files(files)
    window.resize(*SIZE)
    window.show()
    window.package_panel.tabs.setCurrentWidget(chair)
    chair.tabs.setCurrentWidget(chair.matrix)
    chair.matrix.select("2.1")
    shoot(window, out / "chair-figures.png")
    window.close()


def vote(chair, world, text: dict[str, str]) -> None:
    """The chair's motion; the members' statements signed with their keys (as 成员表决… does)."""
    from reviewer.app.panel_votes import sign_statement
    from reviewer.demo.package import source
    from reviewer.scoring.statement import Vote
    from reviewer.trust import load_identity

    chair.put_to_panel()
    motion = chair.held_votes.motion
    if motion is None:
        raise SystemExit("the motion was not made")
    answers = (
        ("li-zhe", "approve", None, None),
        ("zhang-yue", "approve", None, None),
        ("chen-shen", "approve", None, None),
        ("zhao-xin", "object", text["objection"], text["dissent"]),
    )
    signed = []
    for key, choice, reason, dissent in answers:
        member = load_identity(world.identities[key], source())
        data = sign_statement(
            member,
            chair.state,
            motion,
            votes=[Vote("2.1", choice, reason)],
            opinion="approve",
            dissent=dissent,
        )
        signed.append((f"{key}.rvstatement", data))
    chair._import(lambda: signed)
