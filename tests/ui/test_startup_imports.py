"""Start-up cost: an expert opening the app does not import the chair's export stack (pyHanko).

benchmarks/bench_startup.py measured ~0.5 s of the app's start in importing pyHanko through the
chair panel; it is imported when a chair opens a package (docs/performance.md).
"""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_app_starts_without_importing_pyhanko() -> None:
    code = (
        "import sys, reviewer.ui.app; print(sorted(m for m in sys.modules if m.split('.')[0] == 'pyhanko'))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
