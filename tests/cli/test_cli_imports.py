"""Each command imports only what it needs (issue 21): building the parser (``reviewer --help``) and
verifying a package or a score sheet load none of the heavy libraries (pyHanko and its aiohttp,
SQLAlchemy, Alembic, reportlab, openpyxl, Qt). Checked in a fresh interpreter each time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from bundle_world import BundleWorld, bundle_world

__all__ = ["bundle_world"]

REPO = Path(__file__).resolve().parents[2]
HEAVY = (
    "pyhanko",
    "pyhanko_certvalidator",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "openpyxl",
    "aiohttp",
    "PySide6",
)

# Runs ``reviewer ARGS`` in-process, then prints (last line) the heavy top-level packages loaded.
WRAPPER = f"""\
import json, sys
from reviewer.cli import main
code = main(sys.argv[1:])
print(json.dumps({{"code": code, "heavy": sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))}}))
"""


def run(code: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REVIEWER_LANG": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


def test_building_the_parser_imports_nothing_heavy() -> None:
    done = run(
        "import sys; from reviewer.cli import build_parser; build_parser(); "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_help_imports_no_crypto_and_no_reader() -> None:
    """``--help`` needs argument definitions only: no cryptography, no file format module."""
    done = run(
        "import sys\nfrom reviewer.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in ('cryptography', 'jsonschema')"
        " or m.startswith(('reviewer.export.', 'reviewer.packages.', 'reviewer.ministry.', 'reviewer.models'))))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "LOADED []"


def _verify(*args: str | Path) -> dict:
    done = run(WRAPPER, "verify", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_verifying_a_package_imports_nothing_heavy(bundle_world: BundleWorld) -> None:
    w = bundle_world
    result = _verify(w.package, "--identity", w.folders["li-zhe"])
    assert result == {"code": 0, "heavy": []}


def test_verifying_a_sheet_imports_nothing_heavy(bundle_world: BundleWorld, tmp_path: Path) -> None:
    w = bundle_world
    sheet = tmp_path / "li-zhe.rvsheet"
    sheet.write_bytes(w.sheets["li-zhe"])
    result = _verify(sheet, "--identity", w.folders["li-zhe"])
    assert result == {"code": 12, "heavy": []}  # intact; the signer is sealed for the recipients


def test_help_constants_match_the_core() -> None:
    """The CLI spells a few names itself so that ``--help`` needs no export module; they must agree."""
    from reviewer.cli import panel_close
    from reviewer.export import bundle_format, panel_outputs
    from reviewer.scoring import decisions_io, file_help

    assert panel_close.RECORD_NAME == panel_outputs.RECORD
    assert panel_close.BUNDLE_SUFFIX == bundle_format.BUNDLE_SUFFIX
    assert decisions_io.FILE_HELP is file_help.DECISIONS_FILE


@pytest.mark.parametrize("name", ["seal", "load_identity", "load_standard", "PassphraseSource"])
def test_lazy_package_exports_are_the_real_objects(name: str) -> None:
    import reviewer.packages
    import reviewer.standards
    import reviewer.trust

    for package in (reviewer.packages, reviewer.standards, reviewer.trust):
        if name in package.__all__:
            value = getattr(package, name)
            assert callable(value) and not isinstance(value, type(package))
