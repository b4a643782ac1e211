"""packaging/bundle_libs.py: the compiled modules the frozen app takes as their Python sources.

Loaded from its file, as tests/packaging/test_platform_options.py loads its module.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "bundle_libs", Path(__file__).resolve().parents[2] / "packaging" / "bundle_libs.py"
)
assert _spec is not None and _spec.loader is not None
bundle_libs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_libs)

EXT = ".cpython-311-x86_64-linux-gnu.so"


def test_a_compiled_module_is_replaced_by_its_source_and_nothing_else_moves() -> None:
    binaries = [
        ("fontTools/varLib/iup" + EXT, "/site/fontTools/varLib/iup" + EXT, "EXTENSION"),
        ("lxml/etree" + EXT, "/site/lxml/etree" + EXT, "EXTENSION"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    pure = [("fontTools.varLib.merger", "/site/fontTools/varLib/merger.py", "PYMODULE")]
    new_binaries, new_pure = bundle_libs.as_pure_python(binaries, pure)
    assert [e[0] for e in new_binaries] == ["lxml/etree" + EXT, "libpython3.11.so.1.0"]
    source = Path(importlib.import_module("fontTools.varLib").__file__).parent / "iup.py"
    assert new_pure == [*pure, ("fontTools.varLib.iup", str(source), "PYMODULE")]
    assert source.is_file()


def test_every_listed_module_has_its_source_installed_and_its_shim_imports() -> None:
    for module in bundle_libs.PURE_PYTHON_MODULES:
        parent, _, leaf = module.rpartition(".")
        folder = Path(importlib.import_module(parent).__file__).parent
        assert (folder / f"{leaf}.py").is_file(), module
    for shim in bundle_libs.PURE_PYTHON_SHIMS:
        importlib.import_module(shim)


def test_a_build_where_none_is_compiled_any_more_stops() -> None:
    with pytest.raises(SystemExit, match="PURE_PYTHON_MODULES"):
        bundle_libs.as_pure_python([("lxml/etree" + EXT, "/x", "EXTENSION")], [])


def test_a_link_to_a_dropped_library_goes_with_it_and_other_links_stay() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/nowhere/libqvnc.so", "BINARY"),
        ("libqvnc.so", "PySide6/Qt/plugins/platforms/libqvnc.so", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/nowhere/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    datas = [("PySide6/Qt/translations/qtbase_de.qm", "/nowhere/qtbase_de.qm", "DATA")]
    kept_binaries, kept_datas = bundle_libs.trim(binaries, datas)
    assert kept_binaries == [binaries[2], binaries[3]]
    assert kept_datas == []
