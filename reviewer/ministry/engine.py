"""The registry rules engine: pure functions from a candidate's facts to its derived state.

A candidate's facts are append-only: its registration, the current review results imported for it
and the ministry's decisions (the end of a publicity period). :func:`replay` folds them, in order of
(year, time), through the data-driven :class:`~reviewer.ministry.rules.RegistryRules` into a
:class:`~reviewer.ministry.types.Timeline`: the status now, every status entry with its reason, the
notices (rectification, exit, disqualification), the publicity list entries and the yearly stars.
The registry stores the timeline as derived tables and rebuilds it in the same transaction whenever a
fact is added, so a newer version of a result replaces the older one's effects exactly.

The rules (DOMAIN.md, 工信部信发〔2022〕168号): creation pass → publicity → title; pass after
rectification → creating with a rectification notice; fail → still creating; annual one star →
warned with a rectification notice; one star in consecutive years → announced exit; a veto for fraud
→ disqualification while creating, exit once awarded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.ministry.rules import HOLDING, TERMINAL, RegistryRules
from reviewer.ministry.types import (
    Application,
    CandidateInfo,
    Decision,
    Event,
    Notice,
    PaperCheck,
    PublicityEntry,
    PublicityOpened,
    Rating,
    Registration,
    ReviewEvent,
    StatusEntry,
    ThirdPartyReport,
    Timeline,
)
from reviewer.ministry.working_calendar import WorkingCalendar, load_calendar
from reviewer.standards.model import RESULT_LABELS

STATUS_LABELS = {
    "applicant": ("申请中", "applicant"),
    "not_admitted": ("未获准创建", "not admitted"),
    "creating": ("创建中", "creating"),
    "publicity": ("公示中", "under publicity"),
    "awarded": ("已授予", "awarded"),
    "warned": ("整改提醒", "warned"),
    "exited": ("已退出", "exited"),
    "disqualified": ("已取消创建资格", "disqualified"),
}
NOTICE_LABELS = {
    "rectification": ("整改通知", "rectification notice"),
    "exit": ("退出公告", "exit announcement"),
    "disqualification": ("取消创建资格通知", "disqualification notice"),
}
FLAG_LABELS = {
    "city_with_famous_parks": ("拥有{n}个以上名园的城市", "city with {n} or more famous parks"),
    "park_in_famous_city": ("位于名城的园区", "park in a famous city"),
}


def admissible(status: str | None, kind: str) -> bool:
    """Whether a review of ``kind`` can apply to a candidate in ``status`` (None: not registered)."""
    if status in TERMINAL:
        return False
    if kind == "annual":
        return status in HOLDING
    if kind == "application":
        return status in (None, "creating", "applicant")
    return status in (None, "creating")


def refusal(name: str, status: str | None, kind: str) -> Refused:
    zh, en = STATUS_LABELS.get(status or "", ("未登记", "not registered"))
    return Refused(
        T(
            "“{name}”当前状态为“" + zh + "”，不能登记{kind}评审结果。",
            "“{name}” is " + en + "; a {kind} review result cannot be registered for it.",
            name=name,
            kind=kind,
        )
    )


def _order(event: Event) -> tuple[int, object, int]:
    rank = 0 if isinstance(event, Registration) else 1
    return (event.year, event.at, rank)


def _current(events: Iterable[Event]) -> list[Event]:
    """The events that count: the newest Rating of a year supersedes an older one and the year's
    (not vetoed) annual panel results — a Rating is the ministry's published stars for that year."""
    newest: dict[int, Rating] = {}
    rest: list[Event] = []
    for ev in events:
        if isinstance(ev, Rating):
            if ev.year not in newest or newest[ev.year].at <= ev.at:
                newest[ev.year] = ev
        else:
            rest.append(ev)
    kept = [
        ev
        for ev in rest
        if not (isinstance(ev, ReviewEvent) and ev.kind == "annual" and not ev.vetoed and ev.year in newest)
    ]
    return kept + list(newest.values())


UNIT_WORDS = {
    "working_days": ("个工作日", " working days"),
    "calendar_days": ("天", " calendar days"),
}
PUBLICITY_OPEN = ("publicity", "creating")  # statuses whose pending publicity can be opened or decided


class _Fold:
    def __init__(self, rules: RegistryRules, calendar: WorkingCalendar | None) -> None:
        self.rules = rules
        self.calendar = calendar
        self.paper_passed = False
        self.status: str | None = None
        self.history: list[StatusEntry] = []
        self.notices: list[Notice] = []
        self.publicity: list[PublicityEntry] = []
        self.stars: dict[int, int] = {}
        self.ignored: list[str] = []

    def enter(
        self, ev: Event, status: str, code: str, zh: str, en: str, package_id: str | None = None
    ) -> None:
        self.status = status
        self.history.append(StatusEntry(ev.year, ev.at, status, code, zh, en, package_id))

    def notify(self, ev: Event, kind: str | None, zh: str, en: str, package_id: str | None) -> None:
        if kind:
            self.notices.append(Notice(ev.year, ev.at, kind, zh, en, package_id))

    def registration(self, ev: Registration) -> None:
        if ev.status == "applicant":  # the application that comes with it says so
            self.status = "applicant"
            return
        zh, en = STATUS_LABELS[ev.status]
        self.enter(ev, ev.status, "registered", f"登记为{zh}", f"registered as {en}")

    # --- application (申请) ----------------------------------------------------------------------
    def application(self, ev: Application) -> None:
        if self.status not in (None, "applicant", "not_admitted"):
            self.ignored.append(f"application:{ev.year}")
            return
        self.paper_passed = False
        self.enter(
            ev,
            "applicant",
            "application:filed",
            f"申请已受理（材料{len(ev.documents)}份）",
            f"application filed ({len(ev.documents)} documents)",
        )

    def paper_check(self, ev: PaperCheck) -> None:
        if self.status != "applicant":
            self.ignored.append(f"paper_check:{ev.year}")
            return
        note_zh, note_en = (f"：{ev.note}", f": {ev.note}") if ev.note else ("", "")
        if not ev.passed:
            self.enter(
                ev,
                "not_admitted",
                "paper_check:fail",
                f"形式审查未通过{note_zh}",
                f"paper check failed{note_en}",
            )
        elif ev.candidate_type == "city":
            self.enter(
                ev,
                "creating",
                "paper_check:pass",
                "形式审查通过，进入创建",
                "paper check passed: creating",
            )
        else:
            self.paper_passed = True
            self.enter(
                ev,
                "applicant",
                "paper_check:pass",
                "形式审查通过，待专家评审",
                "paper check passed: awaiting the application review",
            )

    def third_party(self, ev: ThirdPartyReport) -> None:
        self.enter(
            ev,
            self.status or "applicant",
            "third_party_report",
            f"第三方机构评估报告：{ev.institution}（{ev.file_name}）",
            f"third-party report: {ev.institution} ({ev.file_name})",
        )

    def application_review(self, ev: ReviewEvent) -> None:
        if not self.paper_passed:
            self.ignored.append(ev.package_id)
            return
        label = RESULT_LABELS.get(ev.result or "")
        res_zh, res_en = (label.zh, label.en) if label else ("无结论", "no conclusion")
        if ev.result in ("pass", "pass_after_rectification"):
            status = "creating"
        elif ev.result == "fail":
            status = "not_admitted"
        else:
            status = "applicant"
        self.enter(
            ev,
            status,
            f"application:{ev.result}",
            f"申请评审：{res_zh}",
            f"application review: {res_en}",
            ev.package_id,
        )

    # --- reviews ----------------------------------------------------------------------------------
    def review(self, ev: ReviewEvent) -> None:
        if self.status is None:  # a first result registers the candidate as creating
            self.registration(Registration(ev.year, ev.at))
        if not admissible(self.status, ev.kind):
            self.ignored.append(ev.package_id)
            return
        if ev.vetoed:
            return self.veto(ev)
        if ev.kind == "annual":
            return self.annual(ev)
        if self.status == "applicant":
            return self.application_review(ev)
        label = RESULT_LABELS.get(ev.result or "")
        res_zh, res_en = (label.zh, label.en) if label else ("无结论", "no conclusion")
        if ev.kind == "application" or ev.result not in self.rules.creation:
            kind_zh = "申请审查" if ev.kind == "application" else "评审"
            self.enter(
                ev,
                self.status or "creating",
                f"{ev.kind}:{ev.result}",
                f"{kind_zh}：{res_zh}",
                f"{ev.kind} review: {res_en}",
                ev.package_id,
            )
            return
        outcome = self.rules.creation[ev.result]
        self.enter(
            ev,
            outcome.status,
            f"creation:{ev.result}",
            f"评审授予：{res_zh}",
            f"creation review: {res_en}",
            ev.package_id,
        )
        if outcome.publicity:  # scheduled with the default length until the ministry opens it
            starts = ev.at.date()
            length, unit = self.rules.publicity_days, self.rules.publicity_unit
            ends = (self.calendar or load_calendar()).end_date(starts, length, unit)
            self.publicity.append(
                PublicityEntry(ev.year, ev.package_id, starts, ends, "pending", length, unit, False)
            )
        self.notify(
            ev,
            outcome.notice,
            f"评审授予结论为{res_zh}，责令限期整改。",
            f"The creation review concluded {res_en}: rectification ordered.",
            ev.package_id,
        )

    def veto(self, ev: ReviewEvent) -> None:
        outcome = self.rules.veto.get(self.status or "creating", self.rules.veto["creating"])
        self.enter(
            ev,
            outcome.status,
            "veto",
            "一票否决：隐瞒事实、弄虚作假",
            "veto: facts concealed or falsified",
            ev.package_id,
        )
        if outcome.status == "disqualified":
            zh, en = "因弄虚作假，取消创建资格。", "Creation qualification cancelled for falsification."
        else:
            zh, en = "因弄虚作假，公告退出。", "Exit announced for falsification."
        self.notify(ev, outcome.notice, zh, en, ev.package_id)

    def rating(self, ev: Rating) -> None:
        if self.status not in HOLDING:
            self.ignored.append(f"rating:{ev.year}")
            return
        self.stars_of_year(ev, ev.stars, None, ev.source)

    def annual(self, ev: ReviewEvent) -> None:
        stars = int(ev.result) if ev.result in ("1", "2", "3") else None
        if stars is None:
            self.enter(
                ev,
                self.status or "awarded",
                "annual:none",
                "年度评估：无结论",
                "annual evaluation: no conclusion",
                ev.package_id,
            )
            return
        self.stars_of_year(ev, stars, ev.package_id, "")

    def stars_of_year(self, ev: Event, stars: int, package_id: str | None, source: str) -> None:
        rules = self.rules
        zh_src, en_src = (f"（{source}）", f" ({source})") if source else ("", "")
        self.stars[ev.year] = stars
        low_years = rules.exit_consecutive_years
        streak = all(self.stars.get(ev.year - k, 99) <= rules.exit_max_stars for k in range(low_years))
        if stars <= rules.exit_max_stars and streak:
            self.enter(
                ev,
                rules.exit.status,
                "annual:exit",
                f"连续{low_years}年一星，公告退出{zh_src}",
                f"{stars} star(s) in {low_years} consecutive years: exit announced{en_src}",
                package_id,
            )
            self.notify(
                ev,
                rules.exit.notice,
                f"{ev.year}年度评估连续{low_years}年为一星，公告退出。",
                f"Annual evaluation {ev.year}: {low_years} consecutive years at one star; exit announced.",
                package_id,
            )
        elif stars <= rules.warning_max_stars:
            self.enter(
                ev,
                rules.warning.status,
                "annual:warning",
                f"{ev.year}年度评估{stars}星，提醒并责令整改{zh_src}",
                f"annual evaluation {ev.year}: {stars} star(s), reminded and ordered to rectify{en_src}",
                package_id,
            )
            self.notify(
                ev,
                rules.warning.notice,
                f"{ev.year}年度评估为{stars}星，责令整改。",
                f"Annual evaluation {ev.year}: {stars} star(s); rectification ordered.",
                package_id,
            )
        else:
            restored = stars >= rules.restore_min_stars and self.status == rules.warning.status
            status = rules.restore_status if restored else (self.status or "awarded")
            self.enter(
                ev,
                status,
                "annual:restored" if restored else "annual:stars",
                f"{ev.year}年度评估{stars}星{zh_src}",
                f"annual evaluation {ev.year}: {stars} stars{en_src}",
                package_id,
            )

    def publicity_opened(self, ev: PublicityOpened) -> None:
        pending = next(
            (
                i
                for i, p in enumerate(self.publicity)
                if p.outcome == "pending" and p.package_id == ev.package_id
            ),
            None,
        )
        if pending is None or self.status not in PUBLICITY_OPEN:
            self.ignored.append(f"publicity_opened:{ev.package_id}")
            return
        self.publicity[pending] = replace(
            self.publicity[pending],
            starts=ev.starts,
            ends=ev.ends,
            length=ev.length,
            unit=ev.unit,
            opened=True,
        )
        zh_len, en_len = ("", "")
        if ev.length is not None:
            zh_unit, en_unit = UNIT_WORDS.get(ev.unit, ("天", " days"))
            zh_len, en_len = f"，共{ev.length}{zh_unit}", f", {ev.length}{en_unit}"
        self.enter(
            ev,
            self.status or "publicity",
            "publicity:opened",
            f"公示：{ev.starts.isoformat()} 至 {ev.ends.isoformat()}{zh_len}",
            f"publicity: {ev.starts.isoformat()} to {ev.ends.isoformat()}{en_len}",
            ev.package_id,
        )

    def decision(self, ev: Decision) -> None:
        pending = next((i for i, p in enumerate(self.publicity) if p.outcome == "pending"), None)
        if pending is None or self.status not in PUBLICITY_OPEN:
            self.ignored.append(f"decision:{ev.decision}")
            return
        entry = self.publicity[pending]
        if ev.decision == "publicity_confirmed":
            self.publicity[pending] = replace(entry, outcome="confirmed")
            self.enter(
                ev,
                self.rules.publicity_confirmed_status,
                "publicity:confirmed",
                "公示期满无异议，授予称号",
                "publicity ended without objection: title awarded",
                entry.package_id,
            )
        else:
            self.publicity[pending] = replace(entry, outcome="objected")
            self.enter(
                ev,
                "creating",
                "publicity:objected",
                f"公示有异议：{ev.reason}",
                f"objection during publicity: {ev.reason}",
                entry.package_id,
            )


def replay(
    rules: RegistryRules, events: Iterable[Event], calendar: WorkingCalendar | None = None
) -> Timeline:
    """The candidate's derived state after ``events`` (in any order; sorted by year, then time).
    ``calendar`` counts the working days of a publicity scheduled in working days (default: shipped)."""
    fold = _Fold(rules, calendar)
    for ev in sorted(_current(events), key=_order):
        if isinstance(ev, Registration):
            if fold.status is None:
                fold.registration(ev)
        elif isinstance(ev, ReviewEvent):
            fold.review(ev)
        elif isinstance(ev, Rating):
            fold.rating(ev)
        elif isinstance(ev, Application):
            fold.application(ev)
        elif isinstance(ev, PaperCheck):
            fold.paper_check(ev)
        elif isinstance(ev, ThirdPartyReport):
            fold.third_party(ev)
        elif isinstance(ev, PublicityOpened):
            fold.publicity_opened(ev)
        else:
            fold.decision(ev)
    return Timeline(
        status=fold.status or "creating",
        history=tuple(fold.history),
        notices=tuple(fold.notices),
        publicity=tuple(fold.publicity),
        stars=tuple(sorted(fold.stars.items())),
        ignored=tuple(fold.ignored),
    )


def priority_flags(
    rules: RegistryRules, candidates: Sequence[tuple[CandidateInfo, str]]
) -> dict[str, tuple[str, ...]]:
    """Priority (优先支持) flags by candidate name: a city with ≥ N famous parks, a park in a famous city."""
    famous_parks: dict[str, int] = {}
    famous_cities: set[str] = set()
    for info, status in candidates:
        if status in HOLDING and info.type == "park" and info.city:
            famous_parks[info.city] = famous_parks.get(info.city, 0) + 1
        if status in HOLDING and info.type == "city":
            famous_cities.add(info.city or info.name)
    flags: dict[str, tuple[str, ...]] = {}
    for info, _status in candidates:
        found: list[str] = []
        if info.type == "city" and famous_parks.get(info.city or info.name, 0) >= rules.city_min_famous_parks:
            found.append("city_with_famous_parks")
        if info.type == "park" and rules.park_in_famous_city and info.city in famous_cities:
            found.append("park_in_famous_city")
        flags[info.name] = tuple(found)
    return flags
