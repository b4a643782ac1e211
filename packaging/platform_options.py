"""Per-platform metadata for the frozen app, for ``packaging/reviewer.spec`` to import.

Pure Python (no PyInstaller import), so it is unit-tested on any machine
(tests/packaging/test_platform_options.py):

* :func:`macos_info_plist` — the ``info_plist=`` of ``BUNDLE(...)``: identifier, version, minimum
  macOS, languages and the document type .rvpkg (the review package) with its exported UTI, so the
  Finder offers the app for them and sends it a file-open event (handled in
  ``reviewer/ui/file_open_events.py``);
* :func:`windows_version_info` / :func:`write_windows_version_file` — the version resource of
  ``reviewer.exe`` / ``reviewer-gui.exe`` (``EXE(version=...)`` takes the file's path).

In the spec (it is run with ``packaging/`` not on ``sys.path``)::

    sys.path.insert(0, SPECPATH)
    from platform_options import BUNDLE_ID, macos_info_plist, write_windows_version_file
"""

from __future__ import annotations

import re
from pathlib import Path

APP_NAME = "reviewer"
DISPLAY_NAME_ZH = "名城名园评审"  # the About box's "关于名城名园评审"
DISPLAY_NAME_EN = "Reviewer"
DESCRIPTION = "中国软件名城名园专家评审（离线）"
BUNDLE_ID = "org.reviewer.app"  # neutral: no ministry domain is ours to use
MACOS_MINIMUM = "13.0"  # Qt 6.11 supports macOS 13 or later (doc.qt.io/qt-6.11/macos.html)
COPYRIGHT = "© reviewer contributors"

# (extension, exported UTI, Chinese name, English name); the UTIs are ours, under BUNDLE_ID's domain.
# Only the package: a double-clicked score sheet has nowhere to go yet (the chair imports sheets
# from the app), so .rvsheet is not associated (nor in the Windows installer).
DOCUMENT_TYPES: tuple[tuple[str, str, str, str], ...] = (
    ("rvpkg", "org.reviewer.rvpkg", "评审包", "Review package"),
)


def numeric_version(version: str, parts: int = 3) -> tuple[int, ...]:
    """``"0.1.0"`` -> ``(0, 1, 0)``: the leading numbers, padded with zeros (``"1.2rc1"`` -> (1, 2, 0)).

    Apple's CFBundleVersion / CFBundleShortVersionString and Windows' FILEVERSION take numbers only.
    """
    head = re.match(r"\d+(?:\.\d+)*", version.strip())
    if head is None:
        raise ValueError(f"no version number in {version!r}")
    numbers = [int(n) for n in head.group(0).split(".")][:parts]
    return tuple(numbers + [0] * (parts - len(numbers)))


def macos_info_plist(version: str) -> dict[str, object]:
    """The Info.plist entries PyInstaller's BUNDLE merges over its defaults (``info_plist=``)."""
    short = ".".join(str(n) for n in numeric_version(version))
    return {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": DISPLAY_NAME_ZH,
        "CFBundleShortVersionString": short,
        "CFBundleVersion": short,
        "CFBundleDevelopmentRegion": "zh_CN",
        "CFBundleLocalizations": ["zh_CN", "en"],
        "CFBundleAllowMixedLocalizations": True,
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": COPYRIGHT,
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": f"{zh} ({en})",
                "CFBundleTypeRole": "Viewer",  # the app reads them; it never writes a file it opened
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [uti],
                "CFBundleTypeExtensions": [ext],  # for systems that match by extension only
            }
            for ext, uti, zh, en in DOCUMENT_TYPES
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": uti,
                "UTTypeDescription": f"{zh} ({en})",
                "UTTypeConformsTo": ["public.data", "public.content"],
                "UTTypeTagSpecification": {"public.filename-extension": [ext]},
            }
            for ext, uti, zh, en in DOCUMENT_TYPES
        ],
    }


def windows_version_info(version: str, *, original_filename: str, description: str = DESCRIPTION) -> str:
    """A PyInstaller version file (the ``VSVersionInfo(...)`` text ``EXE(version=...)`` reads), in
    Simplified Chinese (LCID 0x0804) with Unicode strings (code page 1200)."""
    four = numeric_version(version, 4)
    dotted = ".".join(str(n) for n in four)
    strings = {
        "CompanyName": "reviewer",
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": Path(original_filename).stem,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": original_filename,
        "ProductName": DISPLAY_NAME_ZH,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={four!r},
    prodvers={four!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          '080404B0',
          [
{table},
          ],
        )
      ]
    ),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])]),
  ],
)
"""


def write_windows_version_file(version: str, folder: str | Path, original_filename: str) -> str:
    """Write :func:`windows_version_info` to ``folder/<name>-version.txt``; returns its path (for
    ``EXE(version=...)``, e.g. ``folder=workpath``)."""
    path = Path(folder) / f"{Path(original_filename).stem}-version.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(windows_version_info(version, original_filename=original_filename), encoding="utf-8")
    return str(path)
