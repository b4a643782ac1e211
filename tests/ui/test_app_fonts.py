"""The bundled WenQuanYi font is registered with Qt at start, as a fallback for Chinese only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase

from reviewer.ui import app as app_module
from reviewer.ui import fonts

REPO = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_application_registers_the_bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(app_module, "register_app_fonts", lambda: calls.append("fonts") or [])
    app_module.application()
    assert calls == ["fonts"]


def test_the_bundled_families_are_known_to_qt(qapp: object) -> None:
    families = fonts.register_app_fonts()
    assert fonts.FAMILY in families
    assert fonts.FAMILY in QFontDatabase.families()


# In a fresh interpreter whose fontconfig sees only DejaVu (no CJK font, like a bare Linux):
# which fonts draw "评审 ok", before and after the app's registration.
PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QFontDatabase, QTextLayout
app = QApplication([])

def runs(text):
    layout = QTextLayout(text, app.font()); layout.beginLayout(); layout.createLine(); layout.endLayout()
    return [[r.rawFont().familyName(), list(r.glyphIndexes())] for r in layout.glyphRuns()]

before = {"cjk": QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), "han": runs("评审"),
          "family": app.font().family()}
if sys.argv[1] == "register":
    from reviewer.ui.fonts import register_app_fonts
    register_app_fonts()
print(json.dumps({"before": before, "han": runs("评审"), "latin": runs("ok"), "family": app.font().family()}))
"""


def probe(tmp_path: Path, mode: str) -> dict[str, object]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{DEJAVU}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not DEJAVU.is_dir(), reason="needs fontconfig and DejaVu"
)
def test_on_a_system_without_cjk_fonts_chinese_is_drawn_with_the_bundled_font(tmp_path: Path) -> None:
    without = probe(tmp_path, "none")
    assert without["before"]["cjk"] == []  # type: ignore[index]
    assert any(0 in glyphs for _, glyphs in without["han"])  # type: ignore[union-attr]  # boxes
    registered = probe(tmp_path, "register")
    assert [family for family, _ in registered["han"]] == [fonts.FAMILY]  # type: ignore[union-attr]
    assert all(all(glyphs) for _, glyphs in registered["han"])  # type: ignore[union-attr]
    # only a fallback: the UI font and the font Latin text is drawn with are unchanged
    assert registered["family"] == registered["before"]["family"]  # type: ignore[index]
    assert registered["latin"] == without["latin"]
    assert fonts.FAMILY not in [family for family, _ in registered["latin"]]  # type: ignore[union-attr]
