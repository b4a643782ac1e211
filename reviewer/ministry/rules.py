"""The registry rules as data: ``reviewer/resources/rules/registry-rules.json``, checked against its schema.

The ministry may change what a result does to a candidate (the publicity period, how many one-star
years in a row mean exit, what a veto does) without a new release: the file is loaded, validated
with precise errors (the JSON path of each problem), and turned into the frozen :class:`RegistryRules`
the pure engine (:mod:`reviewer.ministry.engine`) reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.paths import resource

RULES_FORMAT = "reviewer.registry-rules/2"
LEGACY_FORMAT = (
    "reviewer.registry-rules/1"  # still read: 7-day publicity in calendar days, shipped checklists
)
STATUSES = (
    "applicant",
    "not_admitted",
    "creating",
    "publicity",
    "awarded",
    "warned",
    "exited",
    "disqualified",
)
HOLDING = ("awarded", "warned")  # statuses that hold the title (名城/名园)
TERMINAL = ("exited", "disqualified")
NOTICE_KINDS = ("rectification", "exit", "disqualification")
# priority flags the registry computes (engine.priority_flags, priority.PARK_IN_NOTABLE_CITY)
COMPUTED_FLAGS = ("city_with_famous_parks", "park_in_famous_city", "park_in_notable_city")


def default_rules_path() -> Path:
    return resource("rules", "registry-rules.json")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource("rules", "registry-rules.schema.json").read_text("utf-8"))
    return loaded


@dataclass(frozen=True)
class CreationOutcome:
    status: str
    publicity: bool
    notice: str | None


@dataclass(frozen=True)
class StatusNotice:
    status: str
    notice: str | None


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    zh: str
    en: str


@dataclass(frozen=True)
class Checklist:
    """The ministry's paper check (形式审查) of an application: eligibility conditions, documents."""

    eligibility: tuple[ChecklistItem, ...]
    documents: tuple[ChecklistItem, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self.eligibility + self.documents


@dataclass(frozen=True)
class ProgressRules:
    """Creation progress reports (创建工作进展): one due every ``every_months`` months after the candidate
    entered creating, overdue once ``grace_days`` days have passed after the due date without one."""

    every_months: int
    grace_days: int


@dataclass(frozen=True)
class ManualFlag:
    """A priority category the ministry sets by hand, with a source (seed question 4)."""

    code: str
    applies_to: str  # city or park
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class RegistryRules:
    version: str
    publicity_days: int  # the default publicity length (kept under its /1 name)
    creation: dict[str, CreationOutcome]
    publicity_confirmed_status: str
    warning_max_stars: int
    warning: StatusNotice
    exit_max_stars: int
    exit_consecutive_years: int
    exit: StatusNotice
    restore_min_stars: int
    restore_status: str
    veto: dict[str, StatusNotice]
    city_min_famous_parks: int
    park_in_famous_city: bool
    progress: ProgressRules | None = None  # None: the rules file has no ``progress`` section
    manual_flags: tuple[ManualFlag, ...] = ()
    publicity_unit: str = "calendar_days"
    # the shortest publicity the ministry may open: (length, unit); None: one calendar day
    publicity_minimum: tuple[int, str] | None = None
    application: dict[str, Checklist] | None = None

    def checklist(self, type: str) -> Checklist:
        return (self.application or _shipped_application())[type]


def _checklist(doc: dict[str, Any]) -> Checklist:
    return Checklist(
        tuple(ChecklistItem(**i) for i in doc["eligibility"]),
        tuple(ChecklistItem(**i) for i in doc["documents"]),
    )


@cache
def _shipped_application() -> dict[str, Checklist]:
    doc = json.loads(default_rules_path().read_text("utf-8"))
    return {k: _checklist(v) for k, v in doc["application"].items()}


def _minimum(doc: dict[str, Any] | None) -> tuple[int, str] | None:
    return None if doc is None else (int(doc["length"]), str(doc["unit"]))


def _where(error: jsonschema.ValidationError) -> str:
    return "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "/"


def parse_rules(doc: Any, source: str = "registry-rules.json") -> RegistryRules:
    """Validate ``doc`` (parsed JSON) and build the rules; every problem is named with its path."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = "; ".join(f"{_where(e)}: {e.message}" for e in errors[:10])
        raise InvalidInput(
            T(
                "登记规则文件 {path} 无效：{errors}",
                "The registry rules file {path} is not valid: {errors}",
                path=source,
                errors=lines,
            )
        )
    codes = [m["code"] for m in doc["priority"].get("manual", ())]
    clash = sorted({c for c in codes if codes.count(c) > 1 or c in COMPUTED_FLAGS})
    if clash:
        raise InvalidInput(
            T(
                "登记规则文件 {path} 无效：/priority/manual 中的标记代码重复或与计算得出的标记同名：{codes}",
                "The registry rules file {path} is not valid: /priority/manual repeats a flag code or uses "
                "a computed flag's code: {codes}",
                path=source,
                codes=", ".join(clash),
            )
        )
    annual = doc["annual"]
    legacy = doc["format"] == LEGACY_FORMAT
    return RegistryRules(
        version=doc["version"],
        publicity_days=doc["publicity_days"] if legacy else doc["publicity"]["length"],
        publicity_unit="calendar_days" if legacy else doc["publicity"]["unit"],
        publicity_minimum=_minimum(doc.get("publicity", {}).get("minimum")),
        application=None if legacy else {k: _checklist(v) for k, v in doc["application"].items()},
        creation={k: CreationOutcome(**v) for k, v in doc["creation"].items()},
        publicity_confirmed_status=doc["publicity_confirmed_status"],
        warning_max_stars=annual["warning"]["max_stars"],
        warning=StatusNotice(annual["warning"]["status"], annual["warning"]["notice"]),
        exit_max_stars=annual["exit"]["max_stars"],
        exit_consecutive_years=annual["exit"]["consecutive_years"],
        exit=StatusNotice(annual["exit"]["status"], annual["exit"]["notice"]),
        restore_min_stars=annual["restore"]["min_stars"],
        restore_status=annual["restore"]["status"],
        veto={k: StatusNotice(v["status"], v["notice"]) for k, v in doc["veto"].items()},
        city_min_famous_parks=doc["priority"]["city_min_famous_parks"],
        park_in_famous_city=doc["priority"]["park_in_famous_city"],
        progress=ProgressRules(**doc["progress"]) if "progress" in doc else None,
        manual_flags=tuple(
            ManualFlag(m["code"], m["applies_to"], m["label"]["zh"], m["label"]["en"])
            for m in doc["priority"].get("manual", ())
        ),
    )


def load_rules(path: str | Path | None = None) -> RegistryRules:
    """The rules from ``path`` (default: the shipped ``reviewer/resources/rules/registry-rules.json``)."""
    path = Path(path) if path else default_rules_path()
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise InvalidInput(
            T("找不到登记规则文件 {path}。", "The registry rules file {path} does not exist.", path=str(path))
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            T(
                "登记规则文件 {path} 不是有效的 JSON：{err}",
                "The registry rules file {path} is not valid JSON: {err}",
                path=str(path),
                err=str(exc),
            )
        ) from exc
    return parse_rules(doc, str(path))
