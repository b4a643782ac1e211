"""The annual cohort evaluation's rules as data: ``reviewer/resources/rules/cohort-rules.json``.

One entry per candidate type says which objective standard computes the data part, whether an expert
part is added (and its points), how stars are assigned — absolute ``thresholds`` on the total, or
``quotas`` (a share or a count of the ranked candidates for 3★ and for 2★, with a stated rounding) —
how a tie at a quota boundary is settled, what happens to a title holder without a data return, and
whether the standard's numeric gates cap the stars. Loaded and checked like the registry rules: the
JSON path of every problem is named. Format: ``docs/cohort-format.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.paths import resource

COHORT_RULES_FORMAT = "reviewer.cohort-rules/1"
THRESHOLDS = "thresholds"
QUOTAS = "quotas"
BETTER_STAR = "better_star"
ORDER_BY_FIGURE = "order_by_figure"
LISTED_ONE_STAR = "listed_one_star"
EXCLUDED = "excluded"


def default_cohort_rules_path() -> Path:
    return resource("rules", "cohort-rules.json")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource("rules", "cohort-rules.schema.json").read_text("utf-8"))
    return loaded


@dataclass(frozen=True)
class Quota:
    """A star's quota: a ``share`` of the ranked candidates (rounded) or a fixed ``count``."""

    share: Decimal | None = None
    count: int | None = None


@dataclass(frozen=True)
class TypeRules:
    type: str  # city or park
    standard: str  # the objective standard's id
    expert_points: Decimal | None  # points of the expert part, or None: no expert part
    decimal_places: int  # the expert part is rounded half-up to this many places
    method: str  # thresholds or quotas
    thresholds: dict[int, Decimal]  # stars -> minimum total (thresholds)
    quotas: dict[int, Quota]  # stars -> quota (quotas)
    rounding: str  # half_up, down, up (quotas)
    boundary: str  # better_star or order_by_figure
    boundary_figure: str | None
    missing: str  # listed_one_star or excluded
    apply_gates: bool


@dataclass(frozen=True)
class CohortRules:
    version: str
    types: dict[str, TypeRules]

    def for_type(self, type: str) -> TypeRules:
        try:
            return self.types[type]
        except KeyError:
            raise InvalidInput(
                T(
                    "年度评估规则没有“{type}”类型的条目。",
                    "The cohort rules have no entry for the type “{type}”.",
                    type=type,
                )
            ) from None


def _where(path: Any) -> str:
    return "/" + "/".join(str(p) for p in path) if path else "/"


def _invalid(source: str, lines: str) -> InvalidInput:
    return InvalidInput(
        T(
            "年度评估规则文件 {path} 无效：{errors}",
            "The cohort rules file {path} is not valid: {errors}",
            path=source,
            errors=lines,
        )
    )


def _type_rules(kind: str, doc: dict[str, Any]) -> tuple[TypeRules, list[str]]:
    problems: list[str] = []
    stars = doc["stars"]
    thresholds = {int(k): Decimal(v) for k, v in stars.get("thresholds", {}).items()}
    quotas = {
        int(k): Quota(Decimal(v["share"]) if "share" in v else None, v.get("count"))
        for k, v in stars.get("quotas", {}).items()
    }
    if thresholds and thresholds[3] <= thresholds[2]:
        problems.append(
            f"/types/{kind}/stars/thresholds: the 3-star minimum must be above the 2-star minimum"
        )
    shares = [q.share for q in quotas.values() if q.share is not None]
    if len(shares) == 2 and sum(shares) > 1:
        problems.append(f"/types/{kind}/stars/quotas: the shares of 3 and 2 stars add up to more than 1")
    expert = doc["expert"]
    boundary = doc["quota_boundary"]
    rules = TypeRules(
        type=kind,
        standard=doc["standard"],
        expert_points=Decimal(expert["points"]) if expert else None,
        decimal_places=doc["decimal_places"],
        method=stars["method"],
        thresholds=thresholds,
        quotas=quotas,
        rounding=stars.get("rounding", "half_up"),
        boundary=boundary["rule"],
        boundary_figure=boundary.get("figure"),
        missing=doc["missing"],
        apply_gates=doc["apply_gates"],
    )
    return rules, problems


def parse_cohort_rules(doc: Any, source: str = "cohort-rules.json") -> CohortRules:
    """Validate ``doc`` (parsed JSON) and build the rules; every problem is named with its path."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise _invalid(source, "; ".join(f"{_where(e.absolute_path)}: {e.message}" for e in errors[:10]))
    types: dict[str, TypeRules] = {}
    problems: list[str] = []
    for kind, entry in doc["types"].items():
        types[kind], found = _type_rules(kind, entry)
        problems += found
    if problems:
        raise _invalid(source, "; ".join(problems))
    return CohortRules(version=doc["version"], types=types)


def load_cohort_rules(path: str | Path | None = None) -> CohortRules:
    """The rules from ``path`` (default: the shipped ``reviewer/resources/rules/cohort-rules.json``)."""
    path = Path(path) if path else default_cohort_rules_path()
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise InvalidInput(
            T(
                "找不到年度评估规则文件 {path}。",
                "The cohort rules file {path} does not exist.",
                path=str(path),
            )
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            T(
                "年度评估规则文件 {path} 不是有效的 JSON：{err}",
                "The cohort rules file {path} is not valid JSON: {err}",
                path=str(path),
                err=str(exc),
            )
        ) from exc
    return parse_cohort_rules(doc, str(path))
