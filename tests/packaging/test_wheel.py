"""The wheel works on its own: built from the checkout, installed into a clean virtual environment
outside it, then the commands a new user runs first — with nothing of the checkout importable.

Slow (a venv with PySide6 from pip's cache: ~20 s), and it needs pip to reach the package index or
its cache, like `make test`'s own set-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from reviewer import __version__

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

# Everything the app reads at run time (reviewer.paths.resource) must be in the wheel: every rules file,
# schema and sample standard in the checkout (a new one is checked without touching this list).
SHIPPED = [
    "reviewer/resources/fonts/wqy-microhei.ttc",
    "reviewer/resources/fonts/wqy-microhei.COPYRIGHT",
    *sorted(
        p.relative_to(REPO).as_posix()
        for folder in ("rules", "schema", "standards")
        for p in (REPO / "reviewer" / "resources" / folder).glob("*.json")
    ),
    "reviewer/resources/translations/reviewer_zh_CN.qm",
    "reviewer/resources/translations/reviewer_en.qm",
    "reviewer/models/migrations/env.py",
    "reviewer/models/migrations/script.py.mako",
    "reviewer/ministry/migrations/env.py",
    "reviewer/ministry/migrations/script.py.mako",
]
SAMPLE_STANDARDS = len(list((REPO / "reviewer" / "resources" / "standards").glob("*.json")))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob(f"reviewer-{__version__}-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv (no system site-packages) with the wheel and its dependencies: its bin folder."""
    env_dir = tmp_path_factory.mktemp("clean-venv")
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
    )
    return bin_dir


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``reviewer ARGS`` from the clean venv, in a folder outside the checkout, English messages."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REVIEWER_DATA_DIR")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run(
        [str(bin_dir / "reviewer"), "--lang", "en", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_wheel_carries_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in SHIPPED if name not in names] == []
    # The user guides and their screenshots, whichever are in the checkout (reviewer.guides).
    guides = REPO / "reviewer" / "resources" / "guides"
    written = [p.relative_to(REPO).as_posix() for p in guides.glob("*/*.md")]
    written += [p.relative_to(REPO).as_posix() for p in guides.glob("*/images/*.png")]
    assert [name for name in written if name not in names] == []
    assert not any(name.endswith(".ts") for name in names)  # sources stay in the checkout
    versions = [n for n in names if n.startswith("reviewer/models/migrations/versions/0")]
    assert len(versions) >= 6


def test_the_installed_wheel_runs_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import reviewer, reviewer.paths as p; print(reviewer.__file__); print(p.RESOURCES)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert all(Path(line).is_relative_to(installed.parent) for line in where), where  # not the checkout

    helped = run(installed, tmp_path, "--help")
    assert helped.returncode == 0 and "exit codes" in helped.stdout

    demo = run(installed, tmp_path, "--data-dir", str(tmp_path / "data"), "demo", "--no-gui")
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "data" / "demo" / "示例软件园-创建评审.rvpkg").is_file()

    checked = run(installed, tmp_path, "standard", "check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.count("is valid") == SAMPLE_STANDARDS == 5

    doctor = run(installed, tmp_path, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "✘" not in doctor.stdout
