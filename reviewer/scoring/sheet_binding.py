"""What a sheet is bound to: one verified package (its id, manifest hash, roster, ministry key, CRL).

Built from a package that was verified against the pinned root — :meth:`PackageBinding.of` for an
opened package (expert, chair), :meth:`PackageBinding.of_view` for a verified view (the ministry,
or a check that needs no decryption).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from cryptography import x509

from reviewer.errors import UsageError
from reviewer.i18n import T
from reviewer.packages.manifest import Manifest, RosterMember
from reviewer.packages.reader import OpenedPackage, PackageView
from reviewer.standards.model import Standard
from reviewer.trust import clock
from reviewer.trust.revocation import RevocationList

if TYPE_CHECKING:
    from reviewer.standards.panel_rules import PanelRules


@dataclass(frozen=True)
class PackageBinding:
    package_id: str
    manifest_sha256: str
    created: datetime
    roster: tuple[RosterMember, ...]
    ministry: x509.Certificate  # the package-signing certificate: its X25519 key is the ministry's
    revocations: RevocationList | None
    standard_ref: dict[str, str]
    standard: Standard | None = None
    materials: frozenset[str] | None = None
    rules: PanelRules | None = None  # the package's procedure.json, when read
    figures: Mapping[str, Decimal] | None = None  # the sealed figures (objective indicators), if any

    @property
    def procedure(self) -> PanelRules:
        """The panel rules that apply: the package's, else the rules shipped with this release."""
        if self.rules is not None:
            return self.rules
        from reviewer.standards.panel_rules import load_panel_rules

        return load_panel_rules()

    @classmethod
    def of_view(
        cls,
        view: PackageView,
        manifest: Manifest,
        standard: Standard | None = None,
        rules: PanelRules | None = None,
    ) -> PackageBinding:
        """``manifest``: the whole manifest (the confidential header read with a key, by an opened
        package or from a bundle's ``package-header.json``) of the package ``view`` verified."""
        if not view.trusted:
            raise ValueError("bind sheets only to a package verified against the pinned root")
        if manifest.public().to_bytes() != view.manifest_bytes:
            raise ValueError("the manifest is not that of the verified package")
        m = manifest
        return cls(
            package_id=m.package_id,
            manifest_sha256=hashlib.sha256(view.manifest_bytes).hexdigest(),
            created=clock.parse_iso(m.created),
            roster=m.roster,
            ministry=view.signature.signer,
            revocations=view.revocations,
            standard_ref={"id": m.standard["id"], "version": m.standard["version"]},
            standard=standard,
            materials=frozenset(e.name for e in m.entries if e.kind == "material"),
            rules=rules,
            figures=m.figure_values(),
        )

    @classmethod
    def of(cls, opened: OpenedPackage) -> PackageBinding:
        return cls.of_view(opened.view, opened.manifest, opened.standard(), opened.procedure())

    def member(self, fingerprint: str) -> RosterMember | None:
        return next((m for m in self.roster if m.cert_sha256 == fingerprint), None)

    @property
    def chair(self) -> RosterMember:
        return next(m for m in self.roster if m.role == "chair")

    def require_standard(self) -> Standard:
        if self.standard is None:
            raise UsageError(
                T(
                    "需要打开评审包（读取评审标准）才能检查评分。",
                    "The package must be opened (to read its standard) before scores can be checked.",
                )
            )
        return self.standard
