"""The frozen folder's shared libraries: what to leave out, and the check that the rest resolves.

Used by ``reviewer.spec`` (at build time) and ``scripts/check-dist.py`` (after it), both inside
the build environment, where PyInstaller is installed. PyInstaller reads each binary's imports
(ELF ``NEEDED``, PE imports, Mach-O load commands) with ``bindepend.get_imports`` and knows which
libraries must come from the host (``dylib.include_library`` is false for libc, libGL and the like).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

# Qt plugins a laptop app never loads: embedded-Linux and VNC platforms, the virtual keyboard, and
# the GTK 3 platform theme, which alone pulls in GTK, GDK, cairo, pango and ATK (~20 MB) while the
# xdg-desktop-portal theme serves the same purpose. xcb, wayland and offscreen stay (offscreen is
# what `reviewer doctor` and support use on a machine with no display).
DROPPED_PLUGINS = (
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqminimal.",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "egldeviceintegrations/",
    "platforminputcontexts/libqtvirtualkeyboard",
    "platformthemes/libqgtk3",
    # Touch screens and input devices of embedded Linux; TLS and network-reachability back ends
    # (the app never opens a network connection through Qt).
    "generic/",
    "tls/",
    "networkinformation/",
)
# Qt's own translations: only the app's two languages.
KEPT_QT_TRANSLATIONS = ("_zh_CN.qm", "_en.qm")

# Modules that ship both as a Cython-compiled extension and as the Python source it was compiled
# from (the same module: the libraries run the source when the extension is absent). The frozen app
# takes the source: ~7 MB less, for code that is not where the app spends its time (fontTools' curve
# maths, read while a signature stamp's font is scaled). SQLAlchemy's compiled result rows and cache
# keys stay: the store and the registry run through them.
PURE_PYTHON_MODULES = (
    "fontTools.misc.bezierTools",
    "fontTools.varLib.iup",
)
# What the sources above import in place of Cython (`import cython` fails in the frozen app).
PURE_PYTHON_SHIMS = ("fontTools.misc.cython",)


def _dest(entry: tuple) -> str:
    return str(entry[0]).replace("\\", "/")


def kept(entry: tuple) -> bool:
    """Whether one TOC entry (dest, source, typecode) stays in the frozen folder."""
    dest = _dest(entry)
    if any(part in dest for part in DROPPED_PLUGINS):
        return False
    if "/Qt/translations/" in f"/{dest}" and dest.endswith(".qm"):
        return dest.endswith(KEPT_QT_TRANSLATIONS)
    return True


def _is_plain_library(dest: str) -> bool:
    """A library that is only there because something else needs it (not a Python extension,
    a Qt plugin or the Python runtime, which are loaded by name at run time)."""
    name = dest.rsplit("/", 1)[-1]
    if "/plugins/" in f"/{dest}" or name.startswith("libpython"):
        return False
    if ".cpython-" in name or ".abi3." in name or name.endswith((".pyd", ".exe")):
        return False
    return name.startswith("lib") and (".so" in name or name.endswith(".dylib"))


def needed(path: str | os.PathLike[str]) -> list[str]:
    """The names of the shared libraries the binary at ``path`` links against."""
    from PyInstaller.depend.bindepend import get_imports

    return [Path(name).name for name, _resolved in get_imports(str(path))]


def unreachable(binaries: Iterable[tuple]) -> set[str]:
    """The destinations of plain libraries that no kept binary needs any more (after the dropped
    plugins are gone), directly or through other libraries. Linux only: elsewhere, nothing."""
    import sys

    if not sys.platform.startswith("linux"):
        return set()
    entries = [e for e in binaries if Path(str(e[1])).is_file()]
    by_name: dict[str, list[str]] = {}
    for e in entries:
        by_name.setdefault(_dest(e).rsplit("/", 1)[-1], []).append(_dest(e))
    deps = {_dest(e): needed(e[1]) for e in entries}
    reached = {_dest(e) for e in entries if not _is_plain_library(_dest(e))}
    todo = list(reached)
    while todo:
        for name in deps.get(todo.pop(), ()):
            for dest in by_name.get(name, ()):
                if dest not in reached:
                    reached.add(dest)
                    todo.append(dest)
    return {_dest(e) for e in entries if _is_plain_library(_dest(e)) and _dest(e) not in reached}


def trim(binaries: list[tuple], datas: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The TOCs without the dropped plugins, Qt translations and the libraries only they needed,
    and without the symbolic links to any of those (PyInstaller links e.g. ``libQt6Quick.so.6`` at
    the top of ``_internal`` to its copy under ``PySide6/Qt/lib``: left alone, a dangling link)."""
    before = {_dest(e) for e in (*binaries, *datas)}
    binaries = [e for e in binaries if kept(e)]
    datas = [e for e in datas if kept(e)]
    orphans = unreachable(binaries)
    binaries = [e for e in binaries if _dest(e) not in orphans]
    dropped = before - {_dest(e) for e in (*binaries, *datas)}
    return _without_links_into(binaries, dropped), _without_links_into(datas, dropped)


def _without_links_into(toc: list[tuple], dropped: set[str]) -> list[tuple]:
    def target(entry: tuple) -> str:
        return posixpath.normpath(
            posixpath.join(posixpath.dirname(_dest(entry)), str(entry[1]).replace("\\", "/"))
        )

    return [e for e in toc if not (len(e) > 2 and e[2] == "SYMLINK" and target(e) in dropped)]


def _extension_dest(module: str, dest: str) -> bool:
    stem = module.replace(".", "/") + "."
    name = dest.rsplit("/", 1)[-1]
    return dest.startswith(stem) and (".cpython-" in name or ".abi3." in name or name.endswith(".pyd"))


def as_pure_python(binaries: list[tuple], pure: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The TOCs with each of :data:`PURE_PYTHON_MODULES` as its Python source (a ``PYMODULE`` entry
    for the PYZ) instead of its compiled extension. A module whose source is not installed beside
    the extension keeps the extension; the build fails if none is found at all (a library changed
    its layout: this list needs a look)."""
    import importlib.util

    swapped = []
    for module in PURE_PYTHON_MODULES:
        if not any(_extension_dest(module, _dest(e)) for e in binaries):
            continue
        parent, _, leaf = module.rpartition(".")
        spec = importlib.util.find_spec(parent)
        locations = list(spec.submodule_search_locations or ()) if spec else []
        source = next((Path(d) / f"{leaf}.py" for d in locations if (Path(d) / f"{leaf}.py").is_file()), None)
        if source is None:
            continue
        binaries = [e for e in binaries if not _extension_dest(module, _dest(e))]
        pure = [e for e in pure if e[0] != module] + [(module, str(source), "PYMODULE")]
        swapped.append(module)
    if not swapped:
        raise SystemExit(
            "bundle_libs: no module of PURE_PYTHON_MODULES found as an extension; check the list"
        )
    return binaries, pure


def is_binary(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError:
        return False
    return magic in (b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe") or magic[:2] == b"MZ"


def unresolved(folder: Path) -> list[tuple[str, str]]:
    """Every (binary, library) in the built ``folder`` where the library is neither in the folder
    nor one PyInstaller expects from the host: what would fail to load on a user's machine."""
    from PyInstaller.depend.dylib import include_library

    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    present = {p.name for p in folder.rglob("*")}
    missing = []
    for path in files:
        if not is_binary(path):
            continue
        for name in needed(path):
            if name not in present and include_library(name):
                missing.append((str(path.relative_to(folder)), name))
    return missing
