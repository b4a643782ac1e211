"""The registry's values: frozen dataclasses in, frozen dataclasses out (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

CANDIDATE_TYPES = ("city", "park")
REVIEW_KINDS = ("application", "creation", "annual")


@dataclass(frozen=True)
class CandidateInfo:
    """A famous-city or famous-park candidate. ``city`` is the city a park lies in (its parent city)."""

    name: str
    type: str  # "city" or "park"
    province: str = ""
    city: str = ""

    @property
    def parent_city(self) -> str | None:
        return self.city or None if self.type == "park" else None


@dataclass(frozen=True)
class Deviation:
    """One expert's score on one leaf indicator against the panel's computed aggregate."""

    expert_id: str
    expert_name: str
    code: str
    score: Decimal
    aggregate: Decimal

    @property
    def deviation(self) -> Decimal:
        return self.score - self.aggregate


@dataclass(frozen=True)
class ReviewResult:
    """A verified panel result as the registry takes it (built from a result bundle on import)."""

    candidate: CandidateInfo
    package_id: str
    kind: str  # application, creation, annual
    year: int
    standard_id: str
    standard_version: str
    result: str | None  # pass / pass_after_rectification / fail, or "1".."3" for annual
    vetoed: bool
    total: Decimal | None
    bundle_sha256: str
    bundle_version: int
    chair: str
    experts: tuple[str, ...]
    at: datetime
    deviations: tuple[Deviation, ...] = ()

    @property
    def stars(self) -> int | None:
        return int(self.result) if self.kind == "annual" and self.result in ("1", "2", "3") else None


# --- events the pure engine folds -------------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    year: int
    at: datetime
    status: str = "creating"


@dataclass(frozen=True)
class ReviewEvent:
    year: int
    at: datetime
    package_id: str
    kind: str
    result: str | None
    vetoed: bool


@dataclass(frozen=True)
class Decision:
    """A ministry decision: the publicity (公示) of a passed creation review ended, with or without objection."""

    year: int
    at: datetime
    decision: str  # "publicity_confirmed" or "publicity_objected"
    reason: str = ""


@dataclass(frozen=True)
class Rating:
    """The ministry's star rating of a title holder for a year (e.g. published by an annual cohort
    evaluation). Folded like an annual panel result (warning, exit, restore); for the same year it
    supersedes a panel's annual stars, and a later rating of that year supersedes an earlier one."""

    year: int
    at: datetime
    stars: int
    source: str


@dataclass(frozen=True)
class ReceivedDocument:
    """A file the candidate gave the desk with its application: its name and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class Application:
    """A candidate filed an application (申请) with these documents."""

    year: int
    at: datetime
    documents: tuple[ReceivedDocument, ...]


@dataclass(frozen=True)
class PaperCheck:
    """The ministry's paper check (形式审查) of an application: each checklist item met or not."""

    year: int
    at: datetime
    candidate_type: str  # a city passing is creating; a park passing awaits its application review
    passed: bool
    answers: tuple[tuple[str, bool], ...]
    note: str = ""


@dataclass(frozen=True)
class ThirdPartyReport:
    """A third-party institution's (第三方机构) report on a park's application, as the desk received it."""

    year: int
    at: datetime
    institution: str
    file_name: str
    sha256: str


@dataclass(frozen=True)
class PublicityOpened:
    """The ministry opened the publicity (公示) of a passed creation review with explicit dates."""

    year: int
    at: datetime
    package_id: str
    starts: date
    ends: date
    length: int | None  # None: the end date was given
    unit: str  # working_days, calendar_days, or "" (an explicit end date)


Event = (
    Registration
    | ReviewEvent
    | Decision
    | Rating
    | Application
    | PaperCheck
    | ThirdPartyReport
    | PublicityOpened
)


# --- what the engine derives -------------------------------------------------------------------


@dataclass(frozen=True)
class StatusEntry:
    year: int
    at: datetime
    status: str
    reason_code: str
    reason_zh: str
    reason_en: str
    package_id: str | None = None


@dataclass(frozen=True)
class Notice:
    year: int
    at: datetime
    kind: str  # rectification, exit, disqualification
    text_zh: str
    text_en: str
    package_id: str | None = None


@dataclass(frozen=True)
class PublicityEntry:
    year: int
    package_id: str
    starts: date
    ends: date
    outcome: str  # pending, confirmed, objected
    length: int | None = None
    unit: str = ""
    opened: bool = False  # False: scheduled with the rules' default length from the review's date


@dataclass(frozen=True)
class Timeline:
    status: str
    history: tuple[StatusEntry, ...]
    notices: tuple[Notice, ...]
    publicity: tuple[PublicityEntry, ...]
    stars: tuple[tuple[int, int], ...]  # (year, stars), by year
    ignored: tuple[str, ...] = field(default=())  # package ids of events the status did not admit


# --- report rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    id: int
    info: CandidateInfo
    status: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ReviewRow:
    package_id: str
    kind: str
    year: int
    standard: str
    result: str | None
    stars: int | None
    vetoed: bool
    total: Decimal | None
    bundle_sha256: str
    bundle_version: int
    chair: str
    experts: tuple[str, ...]
    current: bool


@dataclass(frozen=True)
class DocumentEntry:
    """A file the desk received for a candidate: an application document or a third-party report."""

    kind: str  # application, third_party
    year: int
    at: datetime
    name: str
    sha256: str
    institution: str = ""


@dataclass(frozen=True)
class CandidateHistory:
    candidate: Candidate
    reviews: tuple[ReviewRow, ...]
    timeline: tuple[StatusEntry, ...]
    notices: tuple[Notice, ...]
    stars: tuple[tuple[int, int], ...]
    documents: tuple[DocumentEntry, ...] = ()
    publicity: tuple[PublicityEntry, ...] = ()


@dataclass(frozen=True)
class Calibration:
    expert_id: str
    expert_name: str
    reviews: int
    scores: int
    mean_deviation: Decimal
    mean_abs_deviation: Decimal


@dataclass(frozen=True)
class ScoreEntry:
    """One expert's score of one indicator in a registered result, beside the panel's aggregate."""

    expert_id: str
    expert_name: str
    code: str
    score: Decimal
    aggregate: Decimal
