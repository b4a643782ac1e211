"""Render the ministry desk's screenshots, offscreen: ``python scripts/screenshots_ministry.py`` →
``docs/screenshots/ministry-{experts,registry,calibration,publicity,register,database}-zh.png`` and, from
the demo year's registry, ``ministry-year-{publicity,progress,data,cohort}-zh.png``
(``--1024``: see scripts/screenshots.py).

Builds the demo authority (six members and a sealed package) in a throw-away folder, revokes one
member's credential with a reason, seeds a registry database with the multi-year history the
registry tests use (tests/ministry/seed.py) and two later annual reviews with each expert's deviations
(so the calibration report has rows), opens the desk in Chinese and grabs the experts page and
the registry page with 南京市's history (★★★, ★, ★★, ★, ★ → exit) selected, its 专家评分校准 tab,
and the dialogs for closing 整改软件园's publicity, registering a candidate and the database.
"""

from __future__ import annotations

import os
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
