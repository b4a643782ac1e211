"""The screenshots of the shipped expert's guide, offscreen, in one language:
``python scripts/screenshots_expert.py --guide [--lang zh_CN|en] [--out DIR]``.

Writes ``expert-*.png`` (1024×700 windows; dialogs at their own size) into
``reviewer/resources/guides/<lang>/images/`` (or ``DIR``): the first-run wizard, the start page,
the opened package, the declarations, a material, the scoring page, the vetoes and eligibility, evidence, the site visit, the
preview, the signed sheet, the panel vote and the keyboard shortcuts. The demo is built in a
throw-away data folder and opened as its first expert, as ``reviewer demo`` does; the script
answers the save dialogs. Each PNG is reduced to a 256-colour palette (Pillow) to stay small.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

REPO = Path(__file__).resolve().parent.parent
for extra in (REPO, REPO / "scripts"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

SIZE = (1024, 700)
COMMENT = {
    "zh_CN": "经核查申报材料与现场考察，情况属实。",
    "en": "Checked against the materials and on site: as declared.",
}
NOTE = {
    "zh_CN": "实地考察孵化器：在孵企业 46 家，与申报材料一致。",
    "en": "Incubator visited: 46 firms in residence, as the materials state.",
}


def settle(rounds: int = 10) -> None:
    from PySide6.QtGui import QGuiApplication

    for _ in range(rounds):  # the PDF views render on a thread after the layout settles
        QGuiApplication.processEvents()
        time.sleep(0.03)


def save(widget: object, target: Path) -> bool:
    """Grab ``widget``, write it as a palette PNG; say so (or that it failed)."""
    from PIL import Image

    settle()
    ok = bool(widget.grab().save(str(target)))  # type: ignore[attr-defined]
    if ok:
        with Image.open(target) as img:
            small = img.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(target, optimize=True)
    print(f"wrote {target}" if ok else f"could not write {target}", file=sys.stdout if ok else sys.stderr)
    return ok


def first_run(out: Path, lang: str, data: Path) -> bool:
    """The first-run wizard's page where a new identity is created, filled in."""
    from reviewer.ui.dialogs.first_run import FirstRunWizard
    from reviewer.ui.language import Language
    from reviewer.ui.settings import Settings
    from reviewer.ui.tasks import ImmediateExecutor

    language = Language(None)
    language.apply(lang)  # the wizard comes before any main window (which installs its own)
    wizard = FirstRunWizard(Settings(data), executor=ImmediateExecutor())
    wizard.resize(760, 520)
    wizard.show()
    wizard.next()
    page = wizard.new_identity
    page.name.setText("李喆")
    page.org.setText("示例大学计算机学院" if lang == "zh_CN" else "Example University, School of Computing")
    page.passphrase.setText("example-passphrase")
    page.repeat.setText("example-passphrase")
    ok = save(wizard, out / "expert-first-start.png")
    ok = credential(wizard, out, data) and ok
    wizard.close()
    language.remove()
    return ok


def credential(wizard: object, out: Path, data: Path) -> bool:
    """The wizard's last page once the credential the demo ministry issued is installed."""
    from reviewer.demo.package import build_demo, source
    from reviewer.trust import open_authority
    from reviewer.trust.identity import REQUEST
    from reviewer.ui.dialogs import sheet_files

    page = wizard.new_identity  # type: ignore[attr-defined]
    page.folder.setText(str(data / "identity"))
    page.make.click()  # the key is made at once (ImmediateExecutor)
    if page.created is None:
        print("the identity was not created", file=sys.stderr)
        return False
    wizard.next()  # type: ignore[attr-defined]
    wizard.next()  # type: ignore[attr-defined]
    demo = build_demo(data / "demo")
    issued = open_authority(demo.authority).enroll(
        (page.created / REQUEST).read_bytes(), source(), source_name="guide"
    )
    cred = data / "李喆.rvcred"
    issued.save(cred)
    sheet_files.choose_credential = lambda parent, start="": cred  # the script answers the dialog
    wizard.credential.install.click()  # type: ignore[attr-defined]
    if wizard.credential.root_fingerprint is None:  # type: ignore[attr-defined]
        print("the credential was not installed", file=sys.stderr)
        return False
    return save(wizard, out / "expert-credential.png")


def start_page(out: Path, lang: str, data: Path, package: Path) -> bool:
    from reviewer.ui.app import create_main_window
    from reviewer.ui.settings import Settings
    from reviewer.ui.tasks import ImmediateExecutor

    settings = Settings(data)
    settings.add_recent_package(package)
    settings.sync()
    window = create_main_window(data_dir=data, lang=lang, executor=ImmediateExecutor())
    window.resize(*SIZE)
    window.show()
    ok = save(window, out / "expert-start.png")
    window.shortcuts_action.trigger()
    from PySide6.QtWidgets import QDialog

    dialog = window.findChild(QDialog, "shortcutsDialog")
    ok = dialog is not None and save(dialog, out / "expert-shortcuts.png") and ok
    if dialog is not None:
        dialog.close()
    window.close()
    return ok


def review(out: Path, lang: str, data: Path) -> bool:
    """The demo package as its first expert: every step of the review, to the vote."""
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo
    from reviewer.scoring.workbench_types import Conflict, EligibilityState
    from reviewer.standards.model import EvidenceMethod
    from reviewer.ui.app import create_main_window
    from reviewer.ui.dialogs import errors, sheet_files
    from reviewer.ui.panels.details_split import DetailsSplit
    from reviewer.ui.panels.site_visit_panel import SiteVisitPanel
    from reviewer.ui.tasks import ImmediateExecutor

    demo = build_demo(data / "demo")
    expert = next(k for k in demo.identities if k != demo.chair)
    window = create_main_window(
        data_dir=data,
        open_file=demo.package,
        lang=lang,
        executor=ImmediateExecutor(),
        identity_dir=demo.identities[expert],
        passphrase=DEMO_PASSPHRASE,
    )
    window.resize(*SIZE)
    window.show()
    panel = window.package_panel
    ws = panel.workspace
    if ws is None:
        print("the demo package did not open as a review", file=sys.stderr)
        return False
    ok = save(window, out / "expert-package.png")

    panel.tabs.setCurrentWidget(ws)
    ws.show_page("declarations")
    ok = save(window, out / "expert-declarations.png") and ok

    bench, rv, standard = ws.bench, ws.review, ws.standard
    bench.declare(rv, Conflict.NONE)
    bench.accept_pledge(rv)
    ws.refresh()

    materials = ws.scoring.editor.evidence_box.material
    first = materials.itemData(0) or materials.itemText(0)
    ws.show_page("materials")
    viewer = ws.materials_viewer
    if viewer is not None and first:
        viewer.open_material(first, 2)
        settle(40)
    ok = save(window, out / "expert-materials.png") and ok

    leaves = list(standard.leaves())
    for i, leaf in enumerate(leaves[:6]):
        step = leaf.step or Decimal(1)
        share = Decimal("0.78") + Decimal(i % 5) / 50
        ws.set_score(leaf.code, (leaf.points * share / step).to_integral_value() * step)
    ws.write(lambda b, r: b.set_comment(r, leaves[0].code, COMMENT[lang]))
    if first:
        ws.write(lambda b, r: b.add_evidence(r, leaves[0].code, material=first, page=2))
    ws.refresh()
    ws.show_page("scoring")
    ws.scoring.setSizes([SIZE[0] * 7 // 16, SIZE[0] * 9 // 16])
    ws.scoring.select_code(leaves[6].code)
    ok = save(window, out / "expert-scoring.png") and ok
    ws.scoring.select_code(leaves[0].code)
    split = window.findChild(DetailsSplit)
    if split is not None:  # the evidence under the score and comment, the rubric shorter
        split.setSizes([150, split.height() - 150])
        settle()
        bar = split.scroller.verticalScrollBar()
        bar.setValue(bar.maximum())
    ok = save(window, out / "expert-evidence.png") and ok

    ws.write(lambda b, r: b.add_site_note(r, EvidenceMethod.SITE_INSPECTION, NOTE[lang], [leaves[0].code]))
    ws.refresh()
    ws.show_page("site_visit")
    site = window.findChild(SiteVisitPanel)
    if site is not None:
        site.select_activity(EvidenceMethod.SITE_INSPECTION)
    ok = save(window, out / "expert-site-visit.png") and ok

    for i, leaf in enumerate(leaves):
        step = leaf.step or Decimal(1)
        share = Decimal("0.78") + Decimal(i % 5) / 50
        bench.set_score(rv, leaf.code, (leaf.points * share / step).to_integral_value() * step)
        bench.set_comment(rv, leaf.code, COMMENT[lang])
    for item in standard.yes_no:
        bench.answer_yes_no(rv, item.code, True)
    for cond in standard.eligibility:
        bench.answer_eligibility(rv, cond.code, EligibilityState.CONFIRMED)
    ws.refresh()
    ws.show_page("checks")
    ok = save(window, out / "expert-checks.png") and ok
    sheet = data / "李喆-评分表-第1版.rvsheet"
    sheet_files.choose_sheet_path = lambda parent, suggested: sheet  # the script answers the dialog
    errors.confirm = lambda parent, title, text, action: True  # ... and confirms the signing
    ws.show_page("finalise")
    fin = ws.finalise_page
    fin.preview_button.click()
    preview = fin.preview_dialog
    if preview is None or preview.page_count == 0:
        print("the preview did not open", file=sys.stderr)
        return False
    preview.resize(*SIZE)
    settle(40)
    ok = save(preview, out / "expert-preview.png") and ok
    preview.reject()
    fin.sign_button.click()
    settle()
    if fin.result is None:
        print("the sheet was not signed", file=sys.stderr)
        return False
    ok = save(window, out / "expert-finalise.png") and ok

    motion = data / "demo" / "votes" / "motion.rvmotion"
    ws.show_page("motion")
    vote = ws.motion_page
    vote.open_path(motion)
    if vote.shown is None:
        print("the demo motion did not open", file=sys.stderr)
        return False
    for row in vote.rows:
        row.choice.setCurrentIndex(1)
    vote.opinion_choice.setCurrentIndex(1)
    ok = save(window, out / "expert-motion.png") and ok
    ws.close_writer()
    window.close()
    return ok


# A fictional city's sealed figures for the sample annual-data standard (objective indicators).
FIGURES = {
    "software_revenue": "1234.56",
    "software_employees": "12.34",
    "software_enterprises": "1600",
    "software_revenue_growth": "13.5",
    "national:software_revenue_growth": "11.2",
    "rd_share": "9.6",
    "listed_enterprises": "12",
    "enterprises_in_parks_share": "56.3",
}


def figures(out: Path, lang: str, data: Path) -> bool:
    """An objective indicator (issue 19): the demo panel's package of a city's annual data, sealed
    with the demo authority, opened as the first expert, 1.1 selected, its figure to confirm or flag."""
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
    from reviewer.packages.seal import PanelMember, seal
    from reviewer.paths import resource
    from reviewer.scoring.workbench_types import Conflict
    from reviewer.trust import load_credential, open_authority
    from reviewer.trust.identity import CREDENTIAL
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    demo = build_demo(data / "demo")
    package = data / "示例市-年度数据评审.rvpkg"
    authority = open_authority(demo.authority)
    seal(
        authority,
        authority.unlock(source()),
        standard_path=resource("standards", "sample-city-annual-data.json"),
        candidate={"name": "示例市", "type": "city", "province": "江苏省"},
        panel=[
            PanelMember(load_credential(folder / CREDENTIAL), "chair" if key == demo.chair else "expert")
            for key, folder in demo.identities.items()
        ],
        materials=list((demo.folder / "materials").iterdir()),
        out=package,
        figures={k: Decimal(v) for k, v in FIGURES.items()},
    )
    expert = next(k for k in demo.identities if k != demo.chair)
    window = create_main_window(
        data_dir=data,
        open_file=package,
        lang=lang,
        executor=ImmediateExecutor(),
        identity_dir=demo.identities[expert],
        passphrase=DEMO_PASSPHRASE,
        start_on_review=True,
    )
    ws = window.package_panel.workspace
    if ws is None:
        print("the annual-data package did not open as a review", file=sys.stderr)
        return False
    ws.bench.declare(ws.review, Conflict.NONE)
    ws.bench.accept_pledge(ws.review)
    ws.refresh()
    window.resize(*SIZE)
    window.show()
    ws.show_page("scoring")
    ws.scoring.select_code("1.1")
    ok = save(window, out / "expert-figures.png")
    ws.close_writer()
    window.close()
    return ok


def main(argv: list[str]) -> int:
    from screenshots import guide_args

    asked = guide_args(argv or ["--guide"], "expert")
    assert asked is not None
    out, lang = asked
    out.mkdir(parents=True, exist_ok=True)

    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont

    from reviewer.demo.package import build_demo
    from reviewer.ui.app import application

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        os.environ["REVIEWER_DATA_DIR"] = str(data / "review")  # the sheet archive goes there too
        ok = first_run(out, lang, data / "first")
        demo = build_demo(data / "start" / "demo")
        ok = start_page(out, lang, data / "start", demo.package) and ok
        ok = review(out, lang, data / "review") and ok
        ok = figures(out, lang, data / "figures") and ok
    return 0 if ok else 1
