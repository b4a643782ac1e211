"""The architecture the style guide asks for, checked: a Qt-free core under a thin Qt layer."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter import api
from importlinter.contracts.layers import LayersContract

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "reviewer"


def core_modules() -> set[str]:
    found = set()
    for child in PACKAGE.iterdir():
        if child.name.startswith(("_", ".")) or child.name == "ui":
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            found.add(f"reviewer.{child.name}")
        elif child.suffix == ".py":
            found.add(f"reviewer.{child.stem}")
    return found


def test_the_qt_free_contract_covers_every_core_module() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    assert contract["type"] == "forbidden"
    assert "PySide6" in contract["forbidden_modules"]
    missing = core_modules() - set(contract["source_modules"])
    assert not missing, f"add these to the Qt-free contract in pyproject.toml: {sorted(missing)}"


def test_the_core_imports_without_qt() -> None:
    """Import every core module in a fresh interpreter and check PySide6 never got loaded."""
    modules = sorted(core_modules() | {"reviewer.cli"})
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import reviewer.cli; reviewer.cli.build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def layers_options() -> tuple[dict, dict]:
    """The session options and the ``layers`` contract, as ``lint-imports`` reads them."""
    config = api.read_configuration(str(REPO / "pyproject.toml"))
    (options,) = [c for c in config["contracts_options"] if c["type"] == "layers"]
    return config["session_options"], options


def test_the_layers_contract_places_every_top_level_package() -> None:
    _session, options = layers_options()
    assert options["containers"] == ["reviewer"]
    assert options["exhaustive"] == "True"  # lint-imports fails on a package without a layer
    declared = {name.strip() for layer in options["layers"] for name in re.split(r"[|:]", layer)}
    top = {m.removeprefix("reviewer.") for m in core_modules()} | {"ui", "__main__"}
    assert top - declared == set(), "give these a layer in pyproject.toml"
    assert declared - top == set(), "these layers name no package: remove them from pyproject.toml"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("reviewer", include_external_packages=True, cache_dir=None)


def layers_kept(graph: grimp.ImportGraph) -> bool:
    session, options = layers_options()
    contract = LayersContract(name=options["name"], session_options=session, contract_options=options)
    return contract.check(copy.deepcopy(graph), verbose=False).kept


def test_the_code_keeps_the_layers(graph: grimp.ImportGraph) -> None:
    assert layers_kept(graph)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("reviewer.scoring.progress", "reviewer.models.workbench"),  # the store from the domain
        ("reviewer.packages.container", "reviewer.scoring.sheet"),  # a cycle packages <-> scoring
        ("reviewer.packages.reader", "reviewer.demo.people"),  # the demo from the core
        ("reviewer.models.store", "reviewer.export.record"),  # between independent siblings
        ("reviewer.app.finalise", "reviewer.ui.tasks"),  # a use case reaching into a face
        ("reviewer.i18n", "reviewer.errors"),  # at the bottom
    ],
)
def test_an_upward_import_breaks_the_layers(graph: grimp.ImportGraph, importer: str, imported: str) -> None:
    cyclic = copy.deepcopy(graph)
    cyclic.add_import(importer=importer, imported=imported)
    assert not layers_kept(cyclic)


def test_a_package_without_a_layer_breaks_the_layers(graph: grimp.ImportGraph) -> None:
    extra = copy.deepcopy(graph)
    extra.add_module("reviewer.newcomer")
    assert not layers_kept(extra)
