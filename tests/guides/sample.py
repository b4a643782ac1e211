"""A small guides tree for tests: every doc in both languages, front matter, section ids, a table
and one image each (a real PNG), written into a temporary folder the tests put in place of the
shipped guides (``monkeypatch.setattr(source, "guides_root", lambda: root)``)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from reviewer.guides.source import DOCS, LANGS

# The sections each sample doc has, in order (the real guides' REQUIRED ids among them).
SECTIONS = {
    "expert": (
        "first-start",
        "open-package",
        "declarations",
        "scoring",
        "evidence",
        "site-visit",
        "finalise",
        "returns",
    ),
    "chair": ("import", "matrix", "decisions", "record", "cosign", "closing"),
    "ministry": ("enrolment", "panels", "sealing", "import", "registry", "publicity", "reports", "year"),
}
TITLES = {
    "zh_CN": {
        "expert": "专家使用指南",
        "chair": "组长使用指南",
        "ministry": "部级工作台使用指南",
        "quick-expert": "专家速查卡",
        "quick-chair": "组长速查卡",
        "quick-ministry": "部级速查卡",
        "troubleshooting": "常见问题",
    },
    "en": {
        "expert": "Expert guide",
        "chair": "Chair guide",
        "ministry": "Ministry desk guide",
        "quick-expert": "Expert quick reference",
        "quick-chair": "Chair quick reference",
        "quick-ministry": "Ministry quick reference",
        "troubleshooting": "Troubleshooting",
    },
}


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (30, 90, 200)) -> bytes:
    """A plain-coloured RGB PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def guide_text(doc: str, lang: str) -> str:
    zh = lang == "zh_CN"
    lines = [
        "---",
        f"title: {TITLES[lang][doc]}",
        "updated: 2026-12-05",
        "---",
        "",
        f"# {TITLES[lang][doc]}",
        "",
    ]
    for number, anchor in enumerate(SECTIONS.get(doc, ("keys", "order", "refused")), start=1):
        heading = f"第{number}节 {anchor}" if zh else f"Section {number}: {anchor}"
        lines += [f"{{#{anchor}}}", f"## {heading}", ""]
        lines += ["1. 点击「打开」。" if zh else "1. Click Open.", ""]
        lines += [f"   ![{anchor}](images/{doc}-shot.png)", ""]
        # Enough text that a section's heading can be scrolled to the top of the viewer.
        lines += [("正文。" if zh else "Body text. ") * 40 + "\n" for _ in range(6)]
    lines += [
        "| 键 | 作用 |" if zh else "| Key | Does |",
        "|---|---|",
        "| `F1` | 帮助 |" if zh else "| `F1` | Help |",
        "",
    ]
    lines += ["[回到开头](#" + SECTIONS.get(doc, ("keys",))[0] + ")", ""]
    lines += [
        "[专家指南：声明](expert.md#declarations)"
        if zh
        else "[Expert guide: declarations](expert.md#declarations)",
        "",
    ]
    return "\n".join(lines)


def write_guides(root: Path, docs: tuple[str, ...] = DOCS, langs: tuple[str, ...] = LANGS) -> Path:
    """Every doc of ``docs`` in every language of ``langs`` under ``root``; returns ``root``."""
    for lang in langs:
        folder = root / lang
        (folder / "images").mkdir(parents=True, exist_ok=True)
        for doc in docs:
            (folder / f"{doc}.md").write_text(guide_text(doc, lang), encoding="utf-8")
            (folder / "images" / f"{doc}-shot.png").write_bytes(png())
    return root
