"""``reviewer docs --pdf OUT_DIR``: the guides as PDFs named by their titles, exit codes for a
missing guide or image and for a wrong option value."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer import __version__
from reviewer.cli import main
from reviewer.cli.docs import DOC_NAMES, file_name
from reviewer.guides import source

GUIDE = """---
title: {title}
updated: 2026-11-30
---
{{#first-start}}
## {heading}

1. {step}
   ![](images/shot.png)
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from PIL import Image

    folder = tmp_path / "guides"
    for lang, title, heading, step in (
        ("zh_CN", "专家使用指南", "首次启动", "双击图标启动程序。"),
        ("en", "Expert guide", "First start", "Double-click the icon."),
    ):
        (folder / lang / "images").mkdir(parents=True)
        text = GUIDE.format(title=title, heading=heading, step=step)
        (folder / lang / "expert.md").write_text(text, encoding="utf-8")
        (folder / lang / "quick-expert.md").write_text(
            text.replace(title, f"{title}（速查）" if lang == "zh_CN" else f"{title}: quick reference"),
            encoding="utf-8",
        )
        Image.new("RGB", (1024, 700), (30, 60, 200)).save(folder / lang / "images" / "shot.png")
    monkeypatch.setattr(source, "guides_root", lambda: folder)
    return folder


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_one_guide_in_chinese_by_default(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pdf"
    assert main(["docs", "--pdf", str(out), "--doc", "expert"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["专家使用指南.pdf"]
    assert capsys.readouterr().out.strip() == str(out / "专家使用指南.pdf")
    if shutil.which("pdftotext"):
        text = text_of(out / "专家使用指南.pdf")
        assert "双击图标启动程序。" in text and f"reviewer {__version__}" in text


def test_all_guides_of_both_languages(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "DOCS", ("expert", "quick-expert"))  # the guides this folder has
    out = tmp_path / "pdf"
    assert main(["docs", "--pdf", str(out), "--lang", "all"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            "专家使用指南.pdf",
            "专家使用指南（速查）.pdf",
            "Expert guide.pdf",
            "Expert guide: quick reference.pdf".replace(":", "_"),
        ]
    )


def test_a_missing_guide_or_image_exits_3_naming_it(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["docs", "--pdf", str(tmp_path / "a"), "--doc", "chair"]) == 3
    assert "chair" in capsys.readouterr().err
    (root / "en" / "images" / "shot.png").unlink()
    assert main(["docs", "--pdf", str(tmp_path / "b"), "--doc", "expert", "--lang", "en"]) == 3
    assert "images/shot.png" in capsys.readouterr().err
    assert not (tmp_path / "b" / "Expert guide.pdf").exists()


@pytest.mark.parametrize("args", [["--doc", "nobody"], ["--lang", "fr"]])
def test_a_wrong_value_is_a_usage_error(
    root: Path, tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["docs", "--pdf", str(tmp_path), *args]) == 2
    assert args[1] in capsys.readouterr().err


def test_the_help_names_every_guide() -> None:
    assert DOC_NAMES.split(", ") == list(source.DOCS)


def test_file_names_are_safe_and_distinct() -> None:
    taken: set[str] = set()
    assert file_name("专家使用指南", taken, "expert-zh_CN") == "专家使用指南.pdf"
    assert file_name("A/B: 指南?", taken, "x") == "A_B_ 指南_.pdf"
    assert file_name("专家使用指南", taken, "expert-en") == "expert-en.pdf"  # the same title twice
    assert file_name(" .. ", taken, "quick-en") == "quick-en.pdf"


def test_every_guide_of_a_full_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make guides`: every doc in both languages, one PDF each, named by its title, all fonts embedded."""
    from tests.guides.sample import TITLES, write_guides

    folder = write_guides(tmp_path / "guides")
    monkeypatch.setattr(source, "guides_root", lambda: folder)
    out = tmp_path / "pdf"
    assert main(["docs", "--pdf", str(out), "--lang", "all", "--doc", "all"]) == 0
    titles = [TITLES[lang][doc] for lang in source.LANGS for doc in source.DOCS]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.pdf" for t in titles)
    if shutil.which("pdffonts"):
        for pdf in out.iterdir():
            listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
            rows = [line.split() for line in listed.splitlines()[2:] if line.strip()]
            assert rows and all(row[-5] == "yes" for row in rows), (pdf.name, listed)
