"""The ministry desk's work, Qt-free on purpose: it runs on a worker thread through
:class:`~reviewer.ui.tasks.Task` (and is testable without widgets).

Open the desk (the authority and the registry, migrated), read what the registry page shows (the
candidates and their filters, a history, the year report), export a report, import result bundles,
list the enrolled experts, close the registry. The rules are the core's (:mod:`reviewer.ministry`).

The heavy stack (SQLAlchemy, the registry, the importer, the renderers) is imported inside the
functions, never at the top: the GUI imports this module, and must not import that stack itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer.ministry.archive import OpenedResult, ResultSheet
    from reviewer.ministry.desk import EnrolledExpert
    from reviewer.ministry.importer import FileOutcome
    from reviewer.ministry.registry import Registry
    from reviewer.ministry.report_tables import Report
    from reviewer.ministry.types import Candidate
    from reviewer.standards.panel_rules import PanelRules
    from reviewer.trust import PassphraseSource
    from reviewer.trust.authority import Authority, AuthorityKeys
    from reviewer.trust.credential import Credential

Progress = Callable[..., None]

DEFAULT_DB = "registry.sqlite3"


def default_db(authority_dir: str | Path) -> str:
    """The registry database when none is named: a SQLite file inside the authority folder."""
    return str(Path(authority_dir) / DEFAULT_DB)


@dataclass(frozen=True)
class OpenedDesk:
    authority: Authority
    registry: Registry
    label: str  # the registry database as a person reads it


def registry_label(registry: Registry) -> str:
    """The registry database as a person reads it: a SQLite file's path, else the URL without password."""
    url = registry.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def prefetch() -> None:
    """Import here (a worker) the Qt-free modules the desk's pages use, so that building them on the
    GUI thread finds them loaded (reports, rules and their JSON schemas, candidate files)."""
    import reviewer.ministry.desk
    import reviewer.ministry.reports
    import reviewer.packages.inputs  # noqa: F401


def database_url(
    *,
    sqlite: str | Path | None = None,
    host: str = "",
    port: int | None = None,
    database: str = "",
    user: str = "",
) -> str:
    """The registry database as a URL without a password: a SQLite file, else a PostgreSQL server.
    (Built by hand: the GUI thread calls it, and must not import SQLAlchemy.)"""
    from urllib.parse import quote

    if sqlite is not None:
        return str(Path(sqlite))
    where = f"[{host}]" if ":" in host else host
    user_part = f"{quote(user, safe='')}@" if user else ""
    port_part = f":{port}" if port else ""
    return f"postgresql+psycopg://{user_part}{where}{port_part}/{quote(database, safe='')}"


def password_account(db: str) -> str:
    """The keyring account of a server database's password: ``registry-db:user@host:port/db``."""
    from reviewer.models.db import to_url

    url = to_url(db).set(password=None)
    return "registry-db:" + url.render_as_string(hide_password=False).split("://", 1)[-1]


def keep_password(db: str, password: str) -> bool:
    """Keep a server database's password in the OS keyring (never in settings); False when it cannot."""
    from reviewer.trust.passphrase import keyring_store

    return keyring_store(password_account(db), password)


def with_password(db: str, password: str | None = None) -> Any:
    """``db`` as a URL carrying its password (the one given, else the keyring's) for a server database."""
    from reviewer.models.db import is_sqlite, to_url
    from reviewer.trust.passphrase import keyring_get

    url = to_url(db)
    if is_sqlite(url) or url.password:
        return url
    secret = password if password is not None else keyring_get(password_account(db))
    return url.set(password=secret) if secret else url


def open_desk(authority_dir: str | Path, db: str | None = None, password: str | None = None) -> OpenedDesk:
    """The authority in ``authority_dir`` and the registry ``db`` (default: inside it), migrated; a server
    database's password is ``password``, else the one kept in the keyring."""
    from reviewer.ministry.registry import Registry
    from reviewer.trust import open_authority

    prefetch()
    authority = open_authority(authority_dir)
    registry = Registry.open(with_password(db or default_db(authority_dir), password))
    try:
        registry.years()  # connect now (and fail now), not on the first page read
    except BaseException:
        registry.close()
        raise
    return OpenedDesk(authority, registry, registry_label(registry))


def close_desk(registry: Registry) -> None:
    registry.close()


# --- experts ------------------------------------------------------------------------------------


def experts(authority: Authority) -> tuple[EnrolledExpert, ...]:
    from reviewer.ministry.desk import enrolled_experts

    return tuple(enrolled_experts(authority))


@dataclass(frozen=True)
class Roster:
    """What the panel composer checks a panel against, read once from the authority's ledger."""

    experts: tuple[EnrolledExpert, ...]
    sealed: tuple[dict[str, Any], ...]  # the ledger's sealing entries (who sat on which panel)
    rules: PanelRules | None = None  # the panel rules sealing applies (the authority's, else the shipped)


def roster(authority: Authority) -> Roster:
    from reviewer.ministry.desk import enrolled_experts, sealed_panels
    from reviewer.packages.composition import rules_for

    return Roster(
        tuple(enrolled_experts(authority)), tuple(sealed_panels(authority)), rules_for(authority.path)
    )


def enrol(
    authority: Authority, request: Path, source: PassphraseSource, category: str = "expert"
) -> Credential:
    """Issue a credential from the enrolment request in ``request`` (written to the ledger with the
    member's ``category``: expert or representative)."""
    return authority.enroll(request.read_bytes(), source, source_name=str(request), category=category)


def revoke(
    authority: Authority, expert: EnrolledExpert, why: str, source: PassphraseSource
) -> EnrolledExpert:
    """Revoke ``expert``'s credential with the reason ``why`` (kept in the ledger)."""
    from reviewer.ministry.desk import credential_of

    authority.revoke(credential_of(authority, expert), why, source)
    return expert


# --- the registry page --------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistryContents:
    candidates: tuple[Candidate, ...]
    years_of: dict[str, set[int]]  # each candidate's years (reviews, stars)
    years: tuple[int, ...]  # every year, newest first
    provinces: tuple[str, ...]
    latest: int | None  # the year of the registry report when none is chosen
    pending: dict[str, int] = field(default_factory=dict)  # under publicity (公示): name → its year


def read_registry(registry: Registry) -> RegistryContents:
    """What the registry page lists: the candidates, the filters' choices."""
    from reviewer.ministry.desk import candidate_years

    candidates = tuple(registry.candidates())
    years_of = candidate_years(registry)
    report_years = registry.years()
    years = sorted(set(report_years) | {y for ys in years_of.values() for y in ys}, reverse=True)
    provinces = sorted({c.info.province for c in candidates if c.info.province})
    latest = max(report_years, default=None)  # as reviewer.ministry.reports.latest_year
    pending = pending_publicity(registry)
    return RegistryContents(candidates, years_of, tuple(years), tuple(provinces), latest, pending)


def report(registry: Registry, name: str | None, year: int | None, lang: str | None = None) -> Report:
    """A candidate's history (``name``), else the registry report of ``year`` (None: the latest)."""
    return history(registry, name, lang) if name is not None else year_report(registry, year, lang)


def history(registry: Registry, name: str, lang: str | None = None) -> Report:
    from reviewer.ministry.report_tables import report_language
    from reviewer.ministry.reports import history_report

    with report_language(lang):
        return history_report(registry, name)


def year_report(registry: Registry, year: int | None, lang: str | None = None) -> Report:
    """The registry report of ``year`` (None: the latest year)."""
    from reviewer.ministry.report_tables import report_language
    from reviewer.ministry.reports import latest_year, registry_report

    with report_language(lang):
        return registry_report(registry, year if year is not None else latest_year(registry))


def review(registry: Registry, package_id: str, version: int, lang: str | None = None) -> Report:
    """One registered result and each expert's scores in it (the registry keeps no files)."""
    from reviewer.ministry.report_tables import report_language
    from reviewer.ministry.reports import review_report

    with report_language(lang):
        return review_report(registry, package_id, version)


@dataclass(frozen=True)
class RegisteredReview:
    report: Report
    bundle_sha256: str  # the name of its bundle in the archive (open_result)


def registered_review(
    registry: Registry, package_id: str, version: int, lang: str | None = None
) -> RegisteredReview:
    """:func:`review`, with the SHA-256 that finds the result's bundle in the archive."""
    review_row, _ = registry.review_scores(package_id, version)
    return RegisteredReview(review(registry, package_id, version, lang), review_row.bundle_sha256)


def open_result(authority: Authority, keys: AuthorityKeys, sha256: str) -> OpenedResult:
    """The archived bundle ``sha256`` (``<authority>/results/<sha256>.rvresult``), opened and verified
    with the authority's keys: the signed record PDF and every member's sheet, in memory only.
    NotArchived when the file is not there (imported before the desk kept bundles, or removed)."""
    from reviewer.ministry.archive import open_result as opened

    return opened(authority, keys, sha256)


def save_sheet(sheet: ResultSheet, out: Path) -> Path:
    """Write a sheet carried by an opened result to ``out`` exactly as signed (temporary name, rename)."""
    from reviewer.files import write_atomic

    return write_atomic(out, sheet.data)


def calibration(registry: Registry, lang: str | None = None) -> Report:
    """Each expert's mean deviation from the panel aggregates (> 0: more lenient)."""
    from reviewer.ministry.report_tables import report_language
    from reviewer.ministry.reports import calibration_report

    with report_language(lang):
        return calibration_report(registry)


def export_report(
    registry: Registry,
    out: Path,
    fmt: str,
    lang: str,
    *,
    name: str | None = None,
    year: int | None = None,
    which: str = "",
) -> Path:
    """Write a candidate's history (``name``), else the registry report of ``year`` (None: the latest
    year), or the calibration report (``which="calibration"``), as ``fmt`` (csv, xlsx) in ``lang``."""
    from reviewer.files import write_atomic

    chosen = calibration(registry, lang) if which == "calibration" else report(registry, name, year, lang)
    return write_atomic(out, rendered(chosen, fmt, lang))


# --- registry decisions -------------------------------------------------------------------------


def decide_publicity(registry: Registry, name: str, year: int, *, confirmed: bool, reason: str = "") -> str:
    """Close ``name``'s publicity (公示): confirmed → the title; an objection (``reason``) → still creating.
    Returns the candidate's status afterwards (as ``reviewer ministry publicity``)."""
    return registry.decide_publicity(name, year=year, confirmed=confirmed, reason=reason)


def pending_publicity(registry: Registry) -> dict[str, int]:
    """The candidates under publicity now, each with the year of its publicity."""
    return {e.candidate.info.name: e.year for e in registry.publicity() if e.outcome == "pending"}


def register_candidate(
    registry: Registry, name: str, type: str, province: str, city: str, year: int, status: str
) -> str:
    """Add a candidate (e.g. a city already holding the title: ``awarded``), as ``reviewer ministry
    register``; returns its status."""
    from reviewer.ministry.types import CandidateInfo

    registry.register(
        CandidateInfo(name.strip(), type, province.strip(), city.strip()), year=year, status=status
    )
    return registry.candidate(name.strip()).status


def rendered(report: Report, fmt: str, lang: str | None = None) -> bytes:
    """``report`` as ``fmt`` (table, csv, json, xlsx), its words in ``lang``."""
    from reviewer.ministry.render import render
    from reviewer.ministry.report_tables import report_language

    with report_language(lang):
        return render(report, fmt)


# --- import -------------------------------------------------------------------------------------


def default_workers(files: int) -> int:
    from reviewer.ministry import importer

    return importer.default_workers(files)


def import_bundles(
    registry: Registry,
    authority: Authority,
    keys: AuthorityKeys,
    paths: Sequence[str | Path],
    progress: Progress | None = None,
    *,
    workers: int | None = None,
) -> tuple[FileOutcome, ...]:
    """Import ``paths`` into the registry, one outcome per file, checked by ``workers`` processes
    (default: a big batch on every core); each recorded bundle is kept in the authority's archive
    (``results/<sha256>.rvresult``, :func:`open_result`)."""
    from reviewer.ministry import importer

    def each(i: int, n: int, o: Any) -> None:
        if progress is not None:
            progress(i, n, Path(o.path).name)

    return tuple(
        importer.import_bundles(
            registry, authority, keys, paths, progress=each, workers=workers or default_workers(len(paths))
        )
    )


def import_summary(outcomes: Sequence[FileOutcome]) -> dict[str, int]:
    """How many files had each outcome (imported, duplicate, refused...)."""
    from reviewer.ministry import importer

    return importer.summary(outcomes)
