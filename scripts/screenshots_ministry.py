"""Render the ministry desk's screenshots, offscreen: ``python scripts/screenshots_ministry.py`` →
``docs/screenshots/ministry-{experts,registry,calibration,publicity,register,database}-zh.png`` and, from
the demo year's registry, ``ministry-year-{publicity,progress,data,cohort}-zh.png``
(``--1024``: see scripts/screenshots.py).

``--out DIR [--lang zh_CN|en]``: the shipped guide's screenshots instead (``make`` them for both
languages into ``reviewer/resources/guides/<lang>/images``): ``ministry-*.png`` at 1024×700, every one
from the demo (``reviewer demo``'s authority, its result file and its lived-in registry), in that
language's UI — see :func:`guide_shots`.

Builds the demo authority (six members and a sealed package) in a throw-away folder, revokes one
member's credential with a reason, seeds a registry database with the multi-year history the
registry tests use (tests/ministry/seed.py) and two later annual reviews with each expert's deviations
(so the calibration report has rows), opens the desk in Chinese and grabs the experts page and
the registry page with 南京市's history (★★★, ★, ★★, ★, ★ → exit) selected, its 专家评分校准 tab,
and the dialogs for closing 整改软件园's publicity, registering a candidate and the database.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
from screenshots import SMALL, save, screen  # noqa: E402

OUT, SIZE = screen((1600, 900))
T = TypeVar("T")


def main() -> int:
    from screenshots import guide_args

    asked = guide_args(sys.argv[1:], "ministry")
    if asked is not None:
        return guide_main(*asked)
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont, QGuiApplication

    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
    from reviewer.ministry.desk import credential_of, enrolled_experts
    from reviewer.ministry.registry import Registry
    from reviewer.trust import open_authority
    from reviewer.ui.app import application, create_main_window
    from reviewer.ui.panels.ministry.database_dialog import DatabaseDialog
    from reviewer.ui.panels.ministry.registry_actions import PublicityDialog, RegisterDialog
    from reviewer.ui.tasks import ImmediateExecutor
    from tests.ministry.seed import RECT_PARK, seed

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        authority = open_authority(demo.authority)
        leaving = enrolled_experts(authority)[-1]
        authority.revoke(credential_of(authority, leaving), "笔记本电脑遗失，已重新签发", source())
        db = Path(data) / "registry.sqlite3"
        with Registry.open(db) as reg:
            seed(reg)
            with_deviations(reg)
        window = create_main_window(
            data_dir=data,
            lang="zh_CN",
            executor=ImmediateExecutor(),
            authority_dir=demo.authority,
            db=str(db),
            passphrase=DEMO_PASSPHRASE,
        )
        window.resize(*SIZE)
        window.show()
        desk = window.ministry_panel
        if desk is None:
            print("the ministry desk did not open", file=sys.stderr)
            return 1
        desk.experts.select(leaving.name)
        shots = []

        def grab(name: str) -> bool:
            for _ in range(5):
                QGuiApplication.processEvents()
            target = OUT / name
            shots.append(target)
            return window.grab().save(str(target))

        ok = grab("ministry-experts-zh.png")
        desk.tabs.setCurrentWidget(desk.registry)
        desk.registry.select("南京市")
        ok = grab("ministry-registry-zh.png") and ok
        desk.registry.tabs.setCurrentWidget(desk.registry.calibration)
        ok = grab("ministry-calibration-zh.png") and ok
        if not SMALL:
            for name, dialog in (
                (
                    "ministry-publicity-zh.png",
                    publicity_dialog(PublicityDialog(RECT_PARK.name, 2024, window)),
                ),
                ("ministry-register-zh.png", RegisterDialog(window)),
                ("ministry-database-zh.png", DatabaseDialog(str(db), window)),
            ):
                dialog.show()
                ok = save(dialog, OUT / name) and ok
                dialog.reject()
        window.close()
        desk.close_desk()
        ok = year_shots(demo, data, shots) and ok
    if not ok:
        print("could not write the screenshots", file=sys.stderr)
        return 1
    for target in shots:
        print(f"wrote {target.relative_to(REPO)}")
    return 0


def year_shots(demo: object, data: str, shots: list[Path], lang: str = "zh_CN", out: Path = OUT) -> bool:
    """The desk on the demo year's registry (``reviewer demo``'s ``authority/registry.sqlite3``): the
    registry with 示例市·雁湖 under 公示 (5 working days across National Day), 示例·沧浪软件园 with its
    overdue progress report, the 数据报送 tab with 示例市·青川's figures, and the 年度评估 tab with the
    published 2025 city evaluation."""
    from PySide6.QtGui import QGuiApplication

    from reviewer.demo.ministry_year import EVALUATED_YEAR, build_ministry_year
    from reviewer.demo.package import DEMO_PASSPHRASE
    from reviewer.ui.app import create_main_window
    from reviewer.ui.tasks import ImmediateExecutor

    year = build_ministry_year(demo.folder, demo.authority)  # type: ignore[attr-defined]
    window = create_main_window(
        data_dir=data,
        lang=lang,
        executor=ImmediateExecutor(),
        authority_dir=demo.authority,  # type: ignore[attr-defined]
        db=str(year.registry),
        passphrase=DEMO_PASSPHRASE,
    )
    window.resize(*SIZE)
    window.show()
    desk = window.ministry_panel
    if desk is None:
        print("the ministry desk did not open on the demo year", file=sys.stderr)
        return False
    suffix = "zh" if lang == "zh_CN" else "en"

    def grab(name: str) -> bool:
        for _ in range(5):
            QGuiApplication.processEvents()
        target = out / f"{name}-{suffix}.png"
        shots.append(target)
        return window.grab().save(str(target))

    desk.tabs.setCurrentWidget(desk.registry)
    desk.registry.select("示例市·雁湖")
    ok = grab("ministry-year-publicity")
    desk.registry.select("示例·沧浪软件园")
    ok = grab("ministry-year-progress") and ok
    desk.tabs.setCurrentWidget(desk.data)
    desk.data.year.setValue(EVALUATED_YEAR)
    desk.data.show_trend("示例市·青川")
    ok = grab("ministry-year-data") and ok
    desk.tabs.setCurrentWidget(desk.cohort)
    desk.cohort.year.setValue(EVALUATED_YEAR)
    desk.cohort.type.setCurrentIndex(0)
    desk.cohort.refresh()
    ok = grab("ministry-year-cohort") and ok
    window.close()
    desk.close_desk()
    return ok


GUIDE_SIZE = (1024, 700)


def guide_main(out: Path, lang: str) -> int:
    """The guide's screenshots of ``lang`` into ``out`` (``--guide [--lang zh_CN|en] [--out DIR]``)."""
    from screenshots import compile_translations

    compile_translations()
    from PySide6.QtGui import QFont

    from reviewer.ui.app import application

    app = application()
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    ok = guide_shots(lang, out, shots)
    for target in shots:
        print(f"wrote {target}")
    if not ok:
        print("could not write the guide's screenshots", file=sys.stderr)
        return 1
    return 0


def guide_shots(lang: str, out: Path, shots: list[Path]) -> bool:
    """The ministry guide's tasks, in order, on the demo: the database dialog, the experts (one revoked),
    a panel being composed, the seal page, the demo's result imported, the registry with a candidate's
    history, the paper check of 示例市·白鹭, the overdue progress of 示例·沧浪软件园, 示例市·雁湖's 公示
    (opening dialog and decision), the year's report, the priority flags, 数据报送 and 年度评估."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from reviewer.app import ministry_lifecycle, ministry_progress
    from reviewer.demo.ministry_year import DEMO_YEAR, EVALUATED_YEAR, build_ministry_year
    from reviewer.demo.ministry_year.roster import by_key
    from reviewer.demo.package import DEMO_PASSPHRASE, build_demo, source
    from reviewer.demo.result import build_demo_result
    from reviewer.ministry.desk import credential_of, enrolled_experts
    from reviewer.ministry.progress import beijing_today
    from reviewer.trust import open_authority
    from reviewer.ui.app import create_main_window
    from reviewer.ui.panels.ministry.database_dialog import DatabaseDialog
    from reviewer.ui.panels.ministry.lifecycle_actions import OpenPublicityDialog, PaperCheckDialog
    from reviewer.ui.panels.ministry.progress_actions import FlagsDialog, RecordProgressDialog
    from reviewer.ui.panels.ministry.registry_actions import PublicityDialog
    from reviewer.ui.tasks import ImmediateExecutor

    with tempfile.TemporaryDirectory() as data:
        demo = build_demo(Path(data) / "demo")
        bundle = build_demo_result(demo).bundle
        authority = open_authority(demo.authority)
        leaving = enrolled_experts(authority)[-1]
        year = build_ministry_year(demo.folder, demo.authority)
        window = create_main_window(
            data_dir=data,
            lang=lang,
            executor=ImmediateExecutor(),
            authority_dir=demo.authority,
            db=str(year.registry),
            passphrase=DEMO_PASSPHRASE,
        )
        window.resize(*GUIDE_SIZE)
        window.show()
        desk = window.ministry_panel
        if desk is None:
            print("the ministry desk did not open on the demo", file=sys.stderr)
            return False

        def settle() -> None:
            for _ in range(5):
                QGuiApplication.processEvents()

        def grab(name: str, widget: object = window) -> bool:
            settle()
            target = out / f"ministry-{name}.png"
            shots.append(target)
            return bool(widget.grab().save(str(target))) and shrink(target)  # type: ignore[attr-defined]

        def dialog_shot(name: str, dialog: object) -> bool:
            dialog.show()  # type: ignore[attr-defined]
            done = grab(name, dialog)
            dialog.reject()  # type: ignore[attr-defined]
            return done

        ok = dialog_shot("database", DatabaseDialog(str(year.registry), window))
        desk.tabs.setCurrentWidget(desk.imports)  # the demo's result, before one of its members is revoked
        desk.imports.add_paths([bundle])
        desk.imports.run_import()
        ok = grab("import") and ok

        reason = "笔记本电脑遗失，已重新签发" if lang == "zh_CN" else "Laptop lost; credential reissued"
        authority.revoke(credential_of(authority, leaving), reason, source())
        desk.experts.refresh()
        desk.composer.refresh()
        desk.tabs.setCurrentWidget(desk.experts)
        desk.experts.select(leaving.name)
        ok = grab("experts") and ok

        composer = desk.composer
        applicant = by_key("qinwan-2").info  # 示例·琴台软件园, awaiting its application panel
        composer.name.setText(applicant.name)
        composer.kind.setCurrentIndex(composer.kind.findData(applicant.type))
        composer.province.setText(applicant.province)
        composer.city.setText(applicant.city)
        active = [x for x in enrolled_experts(authority) if x.active]
        for i, expert in enumerate(active[:5]):
            composer.model.choose(expert.fingerprint, chair=i == 0)
        desk.tabs.setCurrentWidget(composer)
        ok = grab("panel") and ok
        sixth = active[5]  # a sixth member: an even number, which the panel rules refuse
        composer.model.choose(sixth.fingerprint)
        ok = grab("panel-refused") and ok
        model = composer.model
        row = next(r for r in range(model.rowCount()) if model.row_value(r).fingerprint == sixth.fingerprint)
        model.setData(model.index(row, model.MEMBER), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

        seal = desk.seal
        standard = demo.folder / "sample-park-creation.json"  # where a user keeps it, not this checkout
        shutil.copyfile(REPO / "reviewer" / "resources" / "standards" / standard.name, standard)
        seal.standard.setText(str(standard))
        for material in sorted((demo.folder / "materials").glob("*"))[:4]:
            seal.add_material(material)
        desk.tabs.setCurrentWidget(seal)
        ok = grab("seal") and ok

        registry = desk.registry
        desk.tabs.setCurrentWidget(registry)
        registry.select("示例市·明湖")
        ok = grab("registry") and ok
        reg = registry.desk.registry  # the open Registry (the dialogs' views are read from it)
        ok = (
            dialog_shot(
                "paper-check", PaperCheckDialog(ministry_lifecycle.lifecycle_view(reg, "示例市·白鹭"), window)
            )
            and ok
        )
        registry.select("示例·沧浪软件园")
        ok = grab("progress") and ok
        ok = (
            dialog_shot(
                "progress-record",
                RecordProgressDialog(ministry_progress.progress_view(reg, "示例·沧浪软件园"), window),
            )
            and ok
        )
        registry.select("示例市·雁湖")
        ok = grab("publicity") and ok
        ok = (
            dialog_shot(
                "publicity-open",
                OpenPublicityDialog(ministry_lifecycle.lifecycle_view(reg, "示例市·雁湖"), window),
            )
            and ok
        )
        ok = dialog_shot("publicity-decide", PublicityDialog("示例市·雁湖", DEMO_YEAR, window)) and ok
        ok = (
            dialog_shot(
                "flags",
                FlagsDialog(ministry_progress.flags_view(reg, "示例市·青川"), beijing_today(), window),
            )
            and ok
        )
        registry.year_filter.setCurrentIndex(registry.year_filter.findData(EVALUATED_YEAR))
        registry.tabs.setCurrentWidget(registry.year_report)
        ok = grab("year-report") and ok
        registry.tabs.setCurrentWidget(registry.history)

        desk.tabs.setCurrentWidget(desk.data)
        desk.data.year.setValue(EVALUATED_YEAR)
        desk.data.show_trend("示例市·青川")
        ok = grab("data") and ok
        desk.tabs.setCurrentWidget(desk.cohort)
        desk.cohort.year.setValue(EVALUATED_YEAR)
        desk.cohort.type.setCurrentIndex(0)
        desk.cohort.refresh()
        ok = grab("cohort") and ok
        window.close()
        desk.close_desk()
    return ok


def shrink(png: Path) -> bool:
    """Store a screenshot with a 256-colour palette (no dithering: the UI's flat colours stay exact and
    the text sharp), a third of the size, so the shipped guides stay small (each well under 120 KB)."""
    from PIL import Image  # reportlab's dependency

    with Image.open(png) as image:
        palette = image.convert("RGB").quantize(256, Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(png, optimize=True)
    return True


def publicity_dialog(dialog: T) -> T:
    """The publicity dialog as a user fills it in: an objection upheld, with its reason."""
    dialog.objection_choice.setChecked(True)  # type: ignore[attr-defined]
    dialog.reason.setPlainText("公示期间收到实名异议，经核查部分申报数据不实。")  # type: ignore[attr-defined]
    return dialog


# expert id, name, how far above the panel's aggregate each of their scores is
LEANINGS = (
    ("li-zhe", "李喆", "0.5"),
    ("zhang-yue", "张玥", "0"),
    ("chen-shen", "陈燊", "-0.25"),
    ("zhao-xin", "赵鑫", "-1"),
)


def with_deviations(reg: object) -> None:
    """Two later annual reviews (江北软件园 2024, 示例软件园 2025) carrying each expert's deviations."""
    from decimal import Decimal

    from reviewer.ministry.types import Deviation
    from tests.ministry.seed import JIANGBEI, SAMPLE_PARK, result

    for info, year, stars in ((JIANGBEI, 2024, "2"), (SAMPLE_PARK, 2025, "3")):
        deviations = tuple(
            Deviation(expert, name, code, aggregate + Decimal(lean), aggregate)
            for code, aggregate in (("1.1", Decimal("6.5")), ("2.1", Decimal("4")), ("3.2", Decimal("5")))
            for expert, name, lean in LEANINGS
        )
        reg.record(result(info, "annual", year, stars, deviations=deviations))  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
