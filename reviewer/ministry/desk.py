"""The ministry desk's helpers for the GUI (and any script): no Qt, plain values out.

* :func:`enrolled_experts` — every credential the authority issued, from its ledger, with its status
  (active, or revoked with the reason) read against the authority's current revocation list;
* :func:`panel_conflicts` — experts already on a sealed panel for the same candidate or the same city
  (from the ledger's ``sealed`` records): a warning for the person composing a panel, never a refusal;
* :func:`compose_panel` — the chosen experts as :class:`~reviewer.packages.seal.PanelMember` values,
  exactly one chair, no revoked credential, no ``refuse`` rule of the panel rules broken;
* :func:`panel_findings` — the panel rules the chosen experts break (refusals and warnings), for a
  form that shows them as the panel is composed;
* :func:`seal_package` — :func:`reviewer.packages.seal` with progress in steps;
* :func:`candidate_years` and :func:`filter_candidates` — the registry browser's filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.errors import InvalidInput, Revoked, UsageError
from reviewer.i18n import T
from reviewer.ministry.types import Candidate
from reviewer.packages.composition import category_of, check_composition
from reviewer.packages.manifest import Manifest
from reviewer.packages.seal import PanelMember, seal
from reviewer.standards.panel_rules import EXPERT, Finding, PanelRules, Seat
from reviewer.trust import clock
from reviewer.trust.authority import Authority, AuthorityKeys
from reviewer.trust.credential import Credential, load_credential

if TYPE_CHECKING:
    from reviewer.ministry.registry_read import RegistryReader

ACTIVE = "active"
REVOKED = "revoked"
SAME_CANDIDATE = "candidate"
SAME_CITY = "city"

Progress = Callable[..., None]


@dataclass(frozen=True)
class EnrolledExpert:
    serial: str  # hexadecimal, as in the ledger and the file name issued/<serial>.rvcred
    name: str
    org: str
    fingerprint: str  # SHA-256 of the member certificate
    enrolled_at: datetime
    not_after: datetime | None
    status: str  # active, revoked
    revoked_at: datetime | None = None
    reason: str = ""
    category: str = EXPERT  # expert (专家) or representative (采购人或主管部门代表), as enrolled

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


@dataclass(frozen=True)
class PanelConflict:
    """An expert already on a sealed panel for the same candidate (or a candidate in the same city)."""

    fingerprint: str
    name: str
    kind: str  # candidate, city
    package_id: str
    candidate: str
    city: str
    sealed_at: str

    def message(self) -> str:
        if self.kind == SAME_CANDIDATE:
            return str(
                T(
                    "{name} 已在 {date} 封装的“{cand}”评审专家组中（评审包 {pkg}）。",
                    "{name} is already on a panel for “{cand}” sealed on {date} (package {pkg}).",
                    name=self.name,
                    cand=self.candidate,
                    date=self.sealed_at[:10],
                    pkg=self.package_id[:8],
                )
            )
        return str(
            T(
                "{name} 已在同一城市（{city}）的“{cand}”评审专家组中（{date}，评审包 {pkg}）。",
                "{name} is already on a panel in the same city ({city}), for “{cand}” ({date}, package {pkg}).",
                name=self.name,
                city=self.city,
                cand=self.candidate,
                date=self.sealed_at[:10],
                pkg=self.package_id[:8],
            )
        )


def _time(value: Any) -> datetime | None:
    try:
        return clock.parse_iso(str(value)) if value else None
    except ValueError:
        return None


def enrolled_experts(authority: Authority) -> list[EnrolledExpert]:
    """Every credential issued, oldest first; revoked ones with the reason (the CRL decides the status)."""
    crl = authority.revocations()
    reasons: dict[str, tuple[str, datetime | None]] = {}
    enrolled: dict[str, dict[str, Any]] = {}
    for entry in authority.ledger():
        serial = str(entry.get("serial", ""))
        if entry.get("event") == "enrolled" and serial:
            enrolled[serial] = entry
        elif entry.get("event") == "revoked" and serial:
            reasons[serial] = (str(entry.get("reason", "")), _time(entry.get("time")))
    out = []
    for serial, e in enrolled.items():
        revoked_at = crl.revoked_at(int(serial, 16))
        reason = reasons.get(serial, ("", None))[0] if revoked_at else ""
        out.append(
            EnrolledExpert(
                serial=serial,
                name=str(e.get("name", "")),
                org=str(e.get("org", "")),
                fingerprint=str(e.get("cert_sha256", "")),
                enrolled_at=_time(e.get("time")) or clock.utcnow(),
                not_after=_time(e.get("not_after")),
                status=REVOKED if revoked_at else ACTIVE,
                revoked_at=revoked_at,
                reason=reason,
                category=category_of(e),
            )
        )
    return out  # the ledger's order: oldest first


def credential_of(authority: Authority, expert: EnrolledExpert) -> Credential:
    """The credential the authority keeps for ``expert`` (``issued/<serial>.rvcred``)."""
    return load_credential(authority.path / "issued" / f"{expert.serial}.rvcred")


def sealed_panels(authority: Authority) -> list[dict[str, Any]]:
    return [e for e in authority.ledger() if e.get("event") == "sealed"]


def panel_conflicts(
    authority: Authority, candidate: dict[str, Any], fingerprints: Iterable[str]
) -> list[PanelConflict]:
    """Who among ``fingerprints`` already sat on a sealed panel for this candidate or its city."""
    return conflicts_in(sealed_panels(authority), candidate, fingerprints)


def conflicts_in(
    sealed: Iterable[dict[str, Any]], candidate: dict[str, Any], fingerprints: Iterable[str]
) -> list[PanelConflict]:
    """:func:`panel_conflicts` over ``sealed`` (the ledger's sealing entries, read once): no I/O,
    for a form that checks again on every keystroke."""
    wanted = set(fingerprints)
    name = str(candidate.get("name", "")).strip()
    city = str(candidate.get("city", "")).strip()
    out: list[PanelConflict] = []
    for e in sealed:
        other = e.get("candidate") or {}
        same = SAME_CANDIDATE if name and other.get("name") == name else None
        if same is None and city and other.get("city") == city:
            same = SAME_CITY
        if same is None:
            continue
        for m in e.get("roster", []):
            if m.get("cert_sha256") in wanted:
                out.append(
                    PanelConflict(
                        str(m["cert_sha256"]),
                        str(m.get("name", "")),
                        same,
                        str(e.get("package_id", "")),
                        str(other.get("name", "")),
                        str(other.get("city", "")),
                        str(e.get("created", e.get("time", ""))),
                    )
                )
    return out


def compose_panel(
    authority: Authority,
    experts: Sequence[EnrolledExpert],
    chair: str | None,
    rules: PanelRules | None = None,
) -> list[PanelMember]:
    """The chosen experts (the chair's fingerprint among them) as panel members, the chair first."""
    check_panel(experts, chair, rules)
    ordered = sorted(experts, key=lambda x: x.fingerprint != chair)
    return [
        PanelMember(credential_of(authority, x), "chair" if x.fingerprint == chair else "expert")
        for x in ordered
    ]


def seats(experts: Sequence[EnrolledExpert]) -> list[Seat]:
    return [Seat(x.name, x.org, x.category) for x in experts]


def panel_findings(experts: Sequence[EnrolledExpert], rules: PanelRules) -> list[Finding]:
    """Every composition rule ``experts`` break, refusals and warnings (no I/O: checked as they are chosen)."""
    return rules.check_composition(seats(experts))


def check_panel(
    experts: Sequence[EnrolledExpert], chair: str | None, rules: PanelRules | None = None
) -> None:
    """Raise unless ``experts`` can sit as a panel chaired by ``chair`` and ``rules`` (when given) do not
    refuse them (no I/O: a form checks it before asking where to save)."""
    if not experts:
        raise UsageError(T("请为专家组选择专家。", "Choose the experts of the panel."))
    if chair is None or chair not in {x.fingerprint for x in experts}:
        raise InvalidInput(
            T("专家组必须有且只有一名组长（chair）。", "The panel must have exactly one chair.")
        )
    for x in experts:
        if not x.active:
            raise Revoked(
                T(
                    "“{name}”的凭证已被吊销，不能加入新的专家组。",
                    "The credential of “{name}” is revoked; they cannot be put on a new panel.",
                    name=x.name,
                )
            )
    if rules is not None:
        check_composition(rules, seats(experts))


def seal_package(
    authority: Authority,
    keys: AuthorityKeys,
    *,
    standard: Path,
    candidate: dict[str, Any],
    panel: list[PanelMember],
    materials: list[Path],
    out: Path,
    expires: datetime | None,
    progress: Progress,
    prior_results: Any = None,
    panel_rules: PanelRules | None = None,
) -> Manifest:
    """Seal with progress in steps: inputs checked, content encrypted and signed, ledger written."""
    progress(0, 3, str(T("正在检查输入…", "Checking the inputs…")))
    for path in materials:
        if not path.exists():
            raise UsageError(T("找不到材料 {path}。", "The material {path} does not exist.", path=str(path)))
    if out.exists():
        raise UsageError(
            T("{path} 已存在，不会覆盖。", "{path} exists already; it is not overwritten.", path=str(out))
        )
    progress(1, 3, str(T("正在加密并签名…", "Encrypting and signing…")))
    manifest = seal(
        authority,
        keys,
        standard_path=standard,
        candidate=candidate,
        panel=panel,
        materials=materials,
        out=out,
        expires=expires,
        prior_results=prior_results,
        panel_rules=panel_rules,
    )
    progress(3, 3, str(T("已封装", "Sealed")))
    return manifest


# --- the registry browser -------------------------------------------------------------------


def candidate_years(reader: RegistryReader) -> dict[str, set[int]]:
    """For each candidate's name, the years with a review or a star rating."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer.ministry.orm import CandidateRow, ReviewRow, StarRatingRow

    out: dict[str, set[int]] = {}
    with Session(reader.engine) as s:
        for table in (ReviewRow, StarRatingRow):
            query = select(CandidateRow.name, table.year).join(
                CandidateRow, CandidateRow.id == table.candidate_id
            )
            for name, year in s.execute(query):
                out.setdefault(name, set()).add(int(year))
    return out


def filter_candidates(
    candidates: Iterable[Candidate],
    *,
    type: str | None = None,
    province: str | None = None,
    status: str | None = None,
    year: int | None = None,
    years: dict[str, set[int]] | None = None,
) -> list[Candidate]:
    """The candidates matching every filter given (``year`` needs :func:`candidate_years`)."""
    return [
        c
        for c in candidates
        if (type is None or c.info.type == type)
        and (province is None or c.info.province == province)
        and (status is None or c.status == status)
        and (year is None or year in (years or {}).get(c.info.name, set()))
    ]
