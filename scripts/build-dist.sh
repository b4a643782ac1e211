#!/usr/bin/env bash
# `make dist`: the Linux one-folder app and its .tar.gz, built from the wheel, then smoke-tested.
#
#   1. the wheel (dist/reviewer-VERSION-py3-none-any.whl), translations compiled first by make;
#   2. a clean build environment (build/dist-venv): the wheel with its dependencies and PyInstaller,
#      never the editable checkout, so the frozen app holds exactly what a user's install would;
#   3. PyInstaller (packaging/reviewer.spec) → dist/reviewer/;
#   4. checks: every bundled library resolves inside the folder or is one the host provides, and the
#      folder's size (the limit of docs/install.md);
#   5. dist/reviewer-VERSION-linux-ARCH.tar.gz;
#   6. scripts/smoke_dist.py: a read-only copy, an unprivileged user, doctor and the README's journey.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
BUILD_VENV=build/dist-venv
SIZE_LIMIT_MIB=250

version="$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)"
arch="$(uname -m)"

echo "== wheel"
rm -rf dist/reviewer dist/*.whl
.venv/bin/python -m pip wheel -q --no-deps -w dist . >/dev/null
wheel="$(ls dist/reviewer-"$version"-py3-none-any.whl)"

echo "== build environment ($BUILD_VENV)"
if [ ! -x "$BUILD_VENV/bin/python" ]; then
    "$PYTHON" -m venv "$BUILD_VENV"
    "$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
fi
"$BUILD_VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
"$BUILD_VENV/bin/python" -m pip install -q "${wheel}[dist]"

echo "== PyInstaller"
"$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/reviewer.spec 2>&1 |
    grep -v -E 'Hidden import "(psycopg_binary\._uuid|pycparser\.(lextab|yacctab)|pysqlite2|MySQLdb)" not found|required via ctypes not found' || true
test -x dist/reviewer/reviewer

echo "== checks"
"$BUILD_VENV/bin/python" packaging/check_dist.py dist/reviewer --max-mib "$SIZE_LIMIT_MIB"

echo "== archive"
tarball="dist/reviewer-$version-linux-$arch.tar.gz"
tar -C dist -czf "$tarball" reviewer
echo "$tarball: $(du -h "$tarball" | cut -f1)"

echo "== smoke test"
"$PYTHON" scripts/smoke_dist.py dist/reviewer
