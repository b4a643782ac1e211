"""The floor of benchmark 2: a bare PySide6 window shown, in a child that imports PySide6 and nothing
of the app or of the benchmarks' fixtures (``python -m benchmarks.bare_window``; prints
``ready WALLCLOCK PEAK_RSS`` once the event loop has turned).

It lives apart from :mod:`benchmarks.bench_startup`, whose imports (the fixtures, hence
``reviewer.trust`` and cryptography) would otherwise be counted in the floor and flatter the ratio.
"""

from __future__ import annotations

import sys
import time

from benchmarks.rss import peak_rss


def bare() -> float:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    done: list[float] = []
    QTimer.singleShot(0, lambda: (done.append(time.time()), app.quit()))
    app.exec()
    return done[0]


if __name__ == "__main__":
    ready = bare()
    print(f"ready {ready:.6f} {peak_rss()}", flush=True)
