"""The demo package with signed sheets from its panel, for the chair's GUI tests and screenshot.

Built once per session through the public APIs (demo, packages, scoring.sheet, return_notice):
the chair's and four experts' score sheets (陈燊's is divergent on 1.1), 张玥's version 2 after a
return notice, 周淼's recusal, and a tampered copy of 赵昕's sheet.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from reviewer.demo.package import build_demo, source
from reviewer.packages import open_package
from reviewer.scoring.return_notice import build_return_notice, open_return_notice, revise_sheet
from reviewer.scoring.sheet import build_recusal, build_sheet, open_sheet
from reviewer.scoring.sheet_binding import PackageBinding
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    YesNoAnswer,
)
from reviewer.standards.model import Standard
from reviewer.trust import load_identity
from reviewer.trust.encoding import canonical_json, parse_json

PLEDGE_AT = "2026-06-15T01:00:00Z"
# Each member's share of the points on every indicator (rounded down to the step).
SHARES = {
    "wang-kun": Decimal("0.8"),
    "li-zhe": Decimal("0.9"),
    "zhang-yue": Decimal("0.75"),
    "chen-shen": Decimal("0.8"),
    "zhao-xin": Decimal("0.9"),
}
DIVERGENT = ("chen-shen", "1.1", Decimal("1"))  # far below the panel on 软件业务收入 (8 points)
CORRECTED = ("zhang-yue", "2.1", Decimal("5.5"))  # version 2 corrects 研发投入强度


@dataclass(frozen=True)
class ChairWorld:
    package: Path
    chair: Path  # 王堃's identity folder
    expert: Path  # 李喆's identity folder (not the chair)
    sheets: dict[str, Path]  # file stem → sheet file
    binding: PackageBinding
    names: dict[str, str]  # demo key → fingerprint
    identities: dict[str, Path] = field(default_factory=dict)  # demo key → identity folder
    authority: Path | None = None  # the demo ministry's authority folder


def answers(standard: Standard, key: str, material: str) -> SheetAnswers:
    scores = {}
    for leaf in standard.leaves():
        step = leaf.step or Decimal(1)
        value = (leaf.points * SHARES[key] / step).to_integral_value(rounding="ROUND_FLOOR") * step
        scores[leaf.code] = ScoreAnswer(value, f"{key}：{leaf.title.zh}的评分依据。", ())
    if key == DIVERGENT[0]:
        scores[DIVERGENT[1]] = ScoreAnswer(DIVERGENT[2], "申报收入与统计口径不一致，按核实数计。", ())
    first = standard.leaves()[0].code
    scores[first] = ScoreAnswer(scores[first].score, scores[first].comment, (MaterialRef(material, 2),))
    return SheetAnswers(
        Declarations(pledge_accepted=True, pledge_at=PLEDGE_AT),
        scores,
        {item.code: YesNoAnswer(True) for item in standard.yes_no},
        {item.code: EligibilityAnswer(True) for item in standard.eligibility},
    )


def tamper(data: bytes) -> bytes:
    """The same sheet with its signed header changed after signing (still a well-formed sheet file)."""

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "header.json":
                header = parse_json(body)
                header["key_check"] = "0" * 64  # well-formed, no longer what was signed
                body = canonical_json(header)
            dst.writestr(info, body)
    return out.getvalue()


def build_chair_world(root: Path) -> ChairWorld:
    demo = build_demo(root / "demo")
    out = root / "sheets"
    out.mkdir()
    ids = {key: load_identity(folder, source()) for key, folder in demo.identities.items()}
    with open_package(demo.package, ids[demo.chair]) as opened:
        binding = PackageBinding.of(opened)
    standard = binding.require_standard()
    material = sorted(binding.materials or ())[0]
    sheets: dict[str, Path] = {}

    def save(stem: str, data: bytes) -> None:
        sheets[stem] = out / f"{stem}.rvsheet"
        sheets[stem].write_bytes(data)

    for key in SHARES:
        save(key, build_sheet(binding, ids[key], answers(standard, key, material)))
    save(
        "zhou-miao-recusal",
        build_recusal(binding, ids["zhou-miao"], "本人所在单位位于江苏省。", pledge_at=PLEDGE_AT),
    )
    chair = ids[demo.chair]
    key, code, value = CORRECTED
    v1 = open_sheet(sheets[key].read_bytes(), chair, binding, chair.trust_root())
    notice_data = build_return_notice(chair, binding, v1, [code], "请核实研发投入强度。")
    notice = open_return_notice(notice_data, ids[key], binding, sheet=v1)
    old = v1.answers.scores[code]
    v2 = revise_sheet(binding, ids[key], v1, notice, scores={code: ScoreAnswer(value, old.comment, ())})
    sheets[f"{key}-v1"] = sheets.pop(key).rename(out / f"{key}-v1.rvsheet")
    save(f"{key}-v2", v2)
    save("zhao-xin-tampered", tamper(sheets["zhao-xin"].read_bytes()))
    return ChairWorld(
        demo.package,
        demo.identities[demo.chair],
        demo.identities["li-zhe"],
        sheets,
        binding,
        {k: i.fingerprint for k, i in ids.items()},
        dict(demo.identities),
        demo.authority,
    )


_WORLD: ChairWorld | None = None


def session_world(tmp_path_factory: pytest.TempPathFactory) -> ChairWorld:
    """The world, built once per test session (key generation and sealing are the slow parts)."""
    global _WORLD
    if _WORLD is None:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
            _WORLD = build_chair_world(tmp_path_factory.mktemp("chair-world"))
    return _WORLD


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard with an input method would deliver it
    (QTest.keyClicks only types Latin-1). A read-only or disabled editor takes nothing."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
