"""Check a built one-folder app: every bundled library resolves, and the folder's size.

    python packaging/check_dist.py dist/reviewer [--max-mib 250]

Run in the build environment (PyInstaller reads the binaries' imports). Exit 1 with one line per
problem: a library that some bundled binary needs and that is neither in the folder nor one the host
provides (libc, libGL...; PyInstaller's own list), or a folder larger than the limit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_libs


def folder_bytes(folder: Path) -> int:
    """The bytes of every file, symbolic links counted as links (as the .tar.gz and installers hold them)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max-mib", type=float, default=250)
    args = parser.parse_args()
    problems = [
        f"{binary}: needs {lib}, which is not in the folder"
        for binary, lib in bundle_libs.unresolved(args.folder)
    ]
    size = folder_bytes(args.folder)
    mib = size / 2**20
    files = sum(1 for p in args.folder.rglob("*") if p.is_file())
    print(f"{args.folder}: {mib:.1f} MiB ({size / 1e6:.1f} MB) in {files} files; limit {args.max_mib:g} MiB")
    if mib > args.max_mib:
        problems.append(f"the folder is {mib:.1f} MiB, over the limit of {args.max_mib:g} MiB")
    for line in problems:
        print(f"FAIL {line}")
    if not problems:
        print("ok   every bundled library resolves")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
