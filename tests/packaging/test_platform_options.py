"""packaging/platform_options.py: the macOS Info.plist and the Windows version resource the spec uses.

Loaded from its file: a ``packaging`` package at the repository root would shadow PyPI's
``packaging`` (which pytest itself imports), so neither folder has an ``__init__.py``.
"""

from __future__ import annotations

import ast
import importlib.util
import plistlib
import sys
from pathlib import Path

import pytest

from reviewer import __version__

PATH = Path(__file__).resolve().parents[2] / "packaging" / "platform_options.py"


@pytest.fixture(scope="module")
def options():
    spec = importlib.util.spec_from_file_location("platform_options", PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_imports_no_pyinstaller(options) -> None:
    assert "PyInstaller" not in sys.modules


@pytest.mark.parametrize(
    ("given", "parts", "expected"),
    [("0.1.0", 3, (0, 1, 0)), ("1.2", 3, (1, 2, 0)), ("1.2rc1", 3, (1, 2, 0)), ("2.0.1", 4, (2, 0, 1, 0))],
)
def test_numeric_version(options, given: str, parts: int, expected: tuple[int, ...]) -> None:
    assert options.numeric_version(given, parts) == expected


def test_numeric_version_refuses_no_number(options) -> None:
    with pytest.raises(ValueError):
        options.numeric_version("dev")


def test_the_info_plist_is_a_valid_plist_naming_both_document_types(options) -> None:
    plist = options.macos_info_plist(__version__)
    data = plistlib.dumps(plist)  # raises on anything a plist cannot hold (None, tuples of sets...)
    back = plistlib.loads(data)
    assert back == plist
    assert back["CFBundleShortVersionString"] == back["CFBundleVersion"] == "0.1.0" == __version__
    assert back["LSMinimumSystemVersion"] == "13.0"
    assert back["CFBundleDevelopmentRegion"] == "zh_CN"
    assert back["CFBundleLocalizations"] == ["zh_CN", "en"]
    assert back["NSHighResolutionCapable"] is True
    documents = {tuple(d["CFBundleTypeExtensions"]): d for d in back["CFBundleDocumentTypes"]}
    assert set(documents) == {("rvpkg",)}  # a score sheet has no double-click action yet
    exported = {d["UTTypeIdentifier"]: d for d in back["UTExportedTypeDeclarations"]}
    for (ext,), doc in documents.items():
        (uti,) = doc["LSItemContentTypes"]
        assert exported[uti]["UTTypeTagSpecification"]["public.filename-extension"] == [ext]
        assert uti.startswith(back["CFBundleIdentifier"].rsplit(".", 1)[0] + ".")
        assert doc["CFBundleTypeRole"] == "Viewer"
    assert "评审包" in documents[("rvpkg",)]["CFBundleTypeName"]


def test_the_windows_version_file_is_one_python_expression(options, tmp_path: Path) -> None:
    written = options.write_windows_version_file("0.1.0", tmp_path / "build", "reviewer-gui.exe")
    text = Path(written).read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s the file's text
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"  # type: ignore[attr-defined]
    assert "filevers=(0, 1, 0, 0)" in text and "prodvers=(0, 1, 0, 0)" in text
    assert "StringStruct('OriginalFilename', 'reviewer-gui.exe')" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert "'080404B0'" in text and "[0x0804, 1200]" in text  # Simplified Chinese, Unicode
