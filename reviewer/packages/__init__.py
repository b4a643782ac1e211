"""The sealed review package: seal, verify, stream-open (no Qt). Format: ``docs/package-format.md``."""

from reviewer.packages.manifest import MIMETYPE, SUITE, Entry, Manifest, PublicManifest, RosterMember
from reviewer.packages.reader import OpenedPackage, PackageView, inspect_package, open_package, verify_package
from reviewer.packages.seal import PanelMember, seal

__all__ = [
    "MIMETYPE",
    "SUITE",
    "Entry",
    "Manifest",
    "OpenedPackage",
    "PackageView",
    "PanelMember",
    "PublicManifest",
    "RosterMember",
    "inspect_package",
    "open_package",
    "seal",
    "verify_package",
]
