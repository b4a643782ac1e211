"""Every UI string is translated, placeholders survive translation, and the .ts files are current."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reviewer.paths import resource

TS_FILES = sorted(resource("translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*\}|%\d|%n")
UI = Path(__file__).resolve().parents[2] / "reviewer" / "ui"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_both_languages_have_a_ts_file() -> None:
    assert {p.name for p in TS_FILES} >= {"reviewer_zh_CN.ts", "reviewer_en.ts"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    untranslated = [
        f"{ctx}: {src!r}"
        for ctx, src, tr in messages(ts)
        if tr is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not (tr.text or "").strip()
    ]
    assert not untranslated, untranslated


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_placeholders_match(ts: Path) -> None:
    wrong = [
        f"{ctx}: {src!r} -> {tr.text!r}"
        for ctx, src, tr in messages(ts)
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text or ""))
    ]
    assert not wrong, wrong


def test_chinese_is_really_chinese() -> None:
    zh = resource("translations", "reviewer_zh_CN.ts")
    cjk = re.compile(r"[\u4e00-\u9fff]")
    latin_only = [
        src for _, src, tr in messages(zh) if not cjk.search(tr.text or "") and re.search(r"[a-z]{3}", src)
    ]
    assert not latin_only, latin_only


def test_chinese_addresses_the_person_as_nin() -> None:
    """The UI says 您 throughout (a signing confirmation said 「你的密钥」, found on a walk)."""
    ts = resource("translations") / "reviewer_zh_CN.ts"
    informal = [src for _ctx, src, tr in messages(ts) if tr is not None and "你" in (tr.text or "")]
    assert informal == []


def test_menu_mnemonics_survive_translation() -> None:
    """``&File`` must become ``文件(&F)``: the same Alt key in both languages."""
    zh = resource("translations", "reviewer_zh_CN.ts")
    mnemonic = re.compile(r"&(\w)")
    lost = [
        (src, tr.text)
        for _, src, tr in messages(zh)
        if (m := mnemonic.search(src)) and f"(&{m.group(1).upper()})" not in (tr.text or "")
    ]
    assert not lost, lost


def test_ts_files_list_every_string_in_the_code(tmp_path: Path) -> None:
    """Run lupdate on reviewer/ui: no source string may be missing from the committed .ts."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), "-silent", "-extensions", "py", "-locations", "none", str(UI), "-ts", str(fresh)],
        check=True,
    )
    in_code = {(ctx, src) for ctx, src, _ in messages(fresh)}
    for ts in TS_FILES:
        committed = {(ctx, src) for ctx, src, _ in messages(ts)}
        missing = in_code - committed
        assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)}"


def _calls_hiding_their_text() -> list[str]:
    """``tr(x)`` / ``translate(ctx, x)`` with ``x`` not a literal: lupdate never sees ``x``, so it
    is missing from the .ts files and shown untranslated (the way "Save the signed sheet" stayed
    English in the Chinese UI behind a ``_tr(text)`` helper)."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("tr", "translate") or not node.args:
                continue
            texts = node.args[:2] if name == "translate" else node.args[:1]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                found.append(f"{path.relative_to(UI.parent)}:{node.lineno}: {ast.unparse(node)}")
    return found


# The doctor asks a QTranslator whether a known text is translated: a lookup, not a text to show.
# The shortcuts' table marks each text where it is written (QT_TRANSLATE_NOOP, which lupdate reads)
# and translates it where it is shown.
LOOKUPS = {
    "ui/doctor_checks.py": "translator.translate(context, source)",
    "ui/shortcuts.py": "QCoreApplication.translate('Shortcuts', text)",
}


def test_every_translated_text_is_a_literal_lupdate_can_see() -> None:
    hidden = [
        call
        for call in _calls_hiding_their_text()
        if not any(call.startswith(f"{path}:") and call.endswith(text) for path, text in LOOKUPS.items())
    ]
    assert not hidden, hidden
