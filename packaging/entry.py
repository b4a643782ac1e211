"""The frozen app's one entry script: ``reviewer`` (the command line) or ``reviewer-gui [FILE]``
(the desktop app), chosen by the name the program was started as.

On Linux ``reviewer-gui`` is a symbolic link to ``reviewer`` (one executable, one copy of the
modules); on Windows and macOS it is a second executable built from this same script (windowed,
no console), which the name tells apart.
"""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    multiprocessing.freeze_support()  # first: a spawned worker of the ministry import runs here and exits
    from reviewer.cli import gui_main, main

    sys.exit(gui_main() if Path(sys.argv[0]).stem.lower().endswith("-gui") else main())
