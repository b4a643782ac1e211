"""The rules of a standard that span fields, which a JSON Schema cannot express.

Works on the parsed document (already structurally valid) so that every problem can name the
JSON path of the field at fault. Returns ``(path, message)`` pairs; an empty list means valid.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reviewer.errors import ReviewerError
from reviewer.i18n import T, Text
from reviewer.paths import resource
from reviewer.standards.model import CREATION_RESULTS, STAR_RESULTS

MAX_DEPTH = 4

Found = Iterator[tuple[str, Text]]


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def _multiple(value: Decimal, step: Decimal) -> bool:
    return (value % step) == 0


def _criterion(node: dict[str, Any], path: str, depth: int, codes: dict[str, str], places: int) -> Found:
    code = node["code"]
    where = f"{path}"
    if code in codes:
        yield (
            f"{where}.code",
            T(
                "指标代码 {code} 重复（已用于 {other}）",
                "code {code} is not unique (also at {other})",
                code=code,
                other=codes[code],
            ),
        )
    else:
        codes[code] = where
    points = _d(node["points"])
    children = node.get("children")
    if depth > MAX_DEPTH:
        yield (
            where,
            T(
                "指标 {code} 层级过深（最多 {n} 级）",
                "criterion {code} is nested too deep (at most {n} levels)",
                code=code,
                n=MAX_DEPTH,
            ),
        )
    if "minimum" in node:
        if depth != 1:
            yield (
                f"{where}.minimum",
                T(
                    "指标 {code}：只有一级指标可设最低分",
                    "criterion {code}: only level-1 indicators take a minimum",
                    code=code,
                ),
            )
        elif _d(node["minimum"]) > points:
            yield (
                f"{where}.minimum",
                T(
                    "指标 {code}：最低分 {m} 超过分值 {p}",
                    "criterion {code}: minimum {m} exceeds its points {p}",
                    code=code,
                    m=node["minimum"],
                    p=points,
                ),
            )
    if children:
        total = sum((_d(c["points"]) for c in children), Decimal(0))
        if total != points:
            yield (
                f"{where}.children",
                T(
                    "指标 {code}：下级指标分值之和 {sum} 不等于本级分值 {points}",
                    "criterion {code}: its children's points sum to {sum}, not to its points {points}",
                    code=code,
                    sum=total,
                    points=points,
                ),
            )
        for key in ("step", "levels", "objective"):
            if key in node:
                yield (
                    f"{where}.{key}",
                    T(
                        "指标 {code}：有下级指标的节点不能设 {key}",
                        "criterion {code}: a node with children cannot have {key}",
                        code=code,
                        key=key,
                    ),
                )
        for i, child in enumerate(children):
            yield from _criterion(child, f"{where}.children[{i}]", depth + 1, codes, places)
        return
    if "step" not in node:
        yield (
            f"{where}.step",
            T(
                "指标 {code}：末级指标必须设评分步长 step",
                "criterion {code}: a leaf indicator needs a scoring step",
                code=code,
            ),
        )
        return
    step = _d(node["step"])
    if not _multiple(points, step):
        yield (
            f"{where}.step",
            T(
                "指标 {code}：步长 {step} 不能整除分值 {points}",
                "criterion {code}: step {step} does not divide its points {points}",
                code=code,
                step=step,
                points=points,
            ),
        )
    if "objective" in node:
        yield from _objective(node["objective"], f"{where}.objective", code, points, step)
        if "linear" in node["objective"] and not _multiple(Decimal(1).scaleb(-places), step):
            yield (
                f"{where}.step",
                T(
                    "指标 {code}：线性计分的结果保留 {p} 位小数，步长 {step} 须能整除 {unit}",
                    "criterion {code}: a linear score has {p} decimal places, so its step {step} must divide {unit}",
                    code=code,
                    p=places,
                    step=step,
                    unit=Decimal(1).scaleb(-places),
                ),
            )
    previous_high: Decimal | None = None
    for i, level in enumerate(sorted(node.get("levels", ()), key=lambda lv: _d(lv["min"]))):
        low, high = _d(level["min"]), _d(level["max"])
        lpath = f"{where}.levels[{i}]"
        if low > high:
            yield (
                lpath,
                T(
                    "指标 {code}：档次下限 {low} 大于上限 {high}",
                    "criterion {code}: level min {low} is above its max {high}",
                    code=code,
                    low=low,
                    high=high,
                ),
            )
        if high > points:
            yield (
                lpath,
                T(
                    "指标 {code}：档次上限 {high} 超过分值 {points}",
                    "criterion {code}: level max {high} exceeds its points {points}",
                    code=code,
                    high=high,
                    points=points,
                ),
            )
        if previous_high is not None and low <= previous_high:
            yield (
                lpath,
                T("指标 {code}：评分档次区间重叠", "criterion {code}: score levels overlap", code=code),
            )
        previous_high = high


def _objective(spec: dict[str, Any], where: str, code: str, points: Decimal, step: Decimal) -> Found:
    """An objective leaf's bands or linear scale (docs/standard-format.md, "Objective indicators")."""
    bands = spec.get("bands", ())
    previous: Decimal | None = None
    for i, band in enumerate(bands):
        bpath = f"{where}.bands[{i}]"
        got = _d(band["points"])
        if got > points:
            yield (
                f"{bpath}.points",
                T(
                    "指标 {code}：档位分值 {got} 超过指标分值 {points}",
                    "criterion {code}: band points {got} exceed its points {points}",
                    code=code,
                    got=got,
                    points=points,
                ),
            )
        elif not _multiple(got, step):
            yield (
                f"{bpath}.points",
                T(
                    "指标 {code}：档位分值 {got} 不在评分步长 {step} 上",
                    "criterion {code}: band points {got} are not on its step {step}",
                    code=code,
                    got=got,
                    step=step,
                ),
            )
        last = i == len(bands) - 1
        if last and "min" in band:
            yield (
                f"{bpath}.min",
                T(
                    "指标 {code}：最后一个档位不设 min（兜底档位）",
                    "criterion {code}: the last band has no min (it takes every lower value)",
                    code=code,
                ),
            )
        elif not last and "min" not in band:
            yield (
                f"{bpath}.min",
                T(
                    "指标 {code}：除最后一个档位外，每个档位都要设 min",
                    "criterion {code}: every band but the last needs a min",
                    code=code,
                ),
            )
        elif "min" in band:
            low = _d(band["min"])
            if previous is not None and low >= previous:
                yield (
                    f"{bpath}.min",
                    T(
                        "指标 {code}：档位下限须严格递减（{low} 不小于上一档的 {prev}）",
                        "criterion {code}: band mins must strictly decrease ({low} is not below {prev})",
                        code=code,
                        low=low,
                        prev=previous,
                    ),
                )
            previous = low
    linear = spec.get("linear")
    if linear is not None and _d(linear["zero_at"]) == _d(linear["full_at"]):
        yield (
            f"{where}.linear",
            T(
                "指标 {code}：zero_at 与 full_at 不能相等",
                "criterion {code}: zero_at and full_at must differ",
                code=code,
            ),
        )


def _numeric_gates(doc: dict[str, Any], codes: dict[str, str]) -> Found:
    allowed = STAR_RESULTS if doc["kind"] == "annual" else CREATION_RESULTS
    for i, gate in enumerate(doc.get("numeric_gates", ())):
        path = f"numeric_gates[{i}]"
        code = gate["code"]
        if code in codes:
            yield (
                f"{path}.code",
                T(
                    "代码 {code} 重复（已用于 {other}）",
                    "code {code} is not unique (also at {other})",
                    code=code,
                    other=codes[code],
                ),
            )
        codes[code] = path
        if "cap" in gate and gate["cap"] not in allowed:
            yield (
                f"{path}.cap",
                T(
                    "结论 {r} 不适用于此评审类型（可选：{ok}）",
                    "result {r} is not valid for this review kind (use {ok})",
                    r=gate["cap"],
                    ok=" / ".join(allowed),
                ),
            )


def figure_references(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every figure a standard document names, as ``(path, reference)``; a reference is a figure
    code, or ``national:<code>`` for the year's national figure."""
    for path, node in _leaf_paths(doc["criteria"], "criteria"):
        spec = node.get("objective")
        if spec is None:
            continue
        yield f"{path}.objective.figure", spec["figure"]
        if "relative_to" in spec:
            yield f"{path}.objective.relative_to", spec["relative_to"]
    for i, gate in enumerate(doc.get("numeric_gates", ())):
        yield f"numeric_gates[{i}].figure", gate["figure"]
        if "relative_to" in gate:
            yield f"numeric_gates[{i}].relative_to", gate["relative_to"]


NATIONAL = "national:"


def figure_problems(
    doc: dict[str, Any], known: Collection[str] | Mapping[str, Collection[str]]
) -> list[tuple[str, Text]]:
    """Every figure the document names that the catalogue does not have.

    ``known``: the catalogue's codes, or each code's candidate types (``applies_to``) — then a
    candidate's figure must also apply to the standard's candidate type (a national figure may be
    of any type).
    """
    found: list[tuple[str, Text]] = []
    ctype = doc["candidate_type"]
    for path, ref in figure_references(doc):
        code = ref.removeprefix(NATIONAL)
        if code not in known:
            found.append(
                (
                    path,
                    T(
                        "数据项 {code} 不在数据项目录中（reviewer/resources/rules/figures.json）",
                        "the figure {code} is not in the figure catalogue (reviewer/resources/rules/figures.json)",
                        code=code,
                    ),
                )
            )
        elif isinstance(known, Mapping) and not ref.startswith(NATIONAL) and ctype not in known[code]:
            found.append(
                (
                    path,
                    T(
                        "数据项 {code} 不适用于{type}（数据项目录的 applies_to）",
                        "the figure {code} does not apply to a {type} (applies_to in the figure catalogue)",
                        code=code,
                        type=T("名城", "city") if ctype == "city" else T("名园", "park"),
                    ),
                )
            )
    return found


@lru_cache(maxsize=1)
def catalogue_codes() -> dict[str, frozenset[str]] | None:
    """The shipped figure catalogue as code → candidate types it applies to, or ``None`` when there
    is none (or it is unreadable: its own loader reports that)."""
    try:
        path = resource("rules", "figures.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            str(f["code"]): frozenset(map(str, f.get("applies_to", ("city", "park"))))
            for f in data["figures"]
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ReviewerError):
        return None


def _leaf_paths(nodes: list[dict[str, Any]], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, node in enumerate(nodes):
        where = f"{path}[{i}]"
        if node.get("children"):
            yield from _leaf_paths(node["children"], f"{where}.children")
        else:
            yield where, node


def _conclusion(doc: dict[str, Any], gate_codes: set[str], veto_codes: set[str], total: Decimal) -> Found:
    con = doc["conclusion"]
    allowed = STAR_RESULTS if doc["kind"] == "annual" else CREATION_RESULTS
    shown = " / ".join(allowed)
    if con["on_veto"] not in allowed:
        yield (
            "conclusion.on_veto",
            T(
                "结论 {r} 不适用于此评审类型（可选：{ok}）",
                "result {r} is not valid for this review kind (use {ok})",
                r=con["on_veto"],
                ok=shown,
            ),
        )
    has_minimums = "level1_min_share" in con or any("minimum" in c for c in doc["criteria"])
    rules = con["rules"]
    for i, rule in enumerate(rules):
        path = f"conclusion.rules[{i}]"
        if rule["result"] not in allowed:
            yield (
                f"{path}.result",
                T(
                    "结论 {r} 不适用于此评审类型（可选：{ok}）",
                    "result {r} is not valid for this review kind (use {ok})",
                    r=rule["result"],
                    ok=shown,
                ),
            )
        if "min_total" in rule and _d(rule["min_total"]) > total:
            yield (
                f"{path}.min_total",
                T(
                    "总分门槛 {m} 超过满分 {t}",
                    "min_total {m} exceeds the total points {t}",
                    m=rule["min_total"],
                    t=total,
                ),
            )
        for gate in rule.get("gates", ()):
            if gate in veto_codes:
                yield (
                    f"{path}.gates",
                    T(
                        "{g} 是一票否决项，不能作为门槛（否决已决定结论）",
                        "{g} is a veto item, not a gate (a veto already decides the result)",
                        g=gate,
                    ),
                )
            elif gate not in gate_codes:
                yield (
                    f"{path}.gates",
                    T("门槛 {g} 未在 yes_no_items 中定义", "gate {g} is not defined in yes_no_items", g=gate),
                )
        if rule.get("minimums_met") and not has_minimums:
            yield (
                f"{path}.minimums_met",
                T(
                    "未定义一级指标最低分（level1_min_share 或 minimum）",
                    "no level-1 minimum is defined (level1_min_share or minimum)",
                ),
            )
    last = rules[-1]
    if "min_total" in last or last.get("gates") or last.get("minimums_met"):
        yield (
            f"conclusion.rules[{len(rules) - 1}]",
            T(
                "最后一条结论规则必须无条件（兜底）",
                "the last conclusion rule must have no conditions (the fallback)",
            ),
        )


def _leaves(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if node.get("children"):
            yield from _leaves(node["children"])
        else:
            yield node


def _decimal_places(doc: dict[str, Any]) -> Found:
    """Aggregates are rounded to ``decimal_places``: it must hold every step exactly, or a rounded
    aggregate could leave the step grid or exceed an indicator's points."""
    places = doc["aggregation"].get("decimal_places", 2)
    for leaf in _leaves(doc["criteria"]):
        if "step" not in leaf:
            continue
        exponent = _d(leaf["step"]).normalize().as_tuple().exponent
        if not isinstance(exponent, int):  # a non-finite step: reported by the step rules
            continue
        needed = max(0, -exponent)
        if needed > places:
            yield (
                "aggregation.decimal_places",
                T(
                    "保留 {p} 位小数不足以表示指标 {code} 的步长 {step}（至少 {n} 位）",
                    "{p} decimal places cannot hold the step {step} of criterion {code} (need at least {n})",
                    p=places,
                    code=leaf["code"],
                    step=leaf["step"],
                    n=needed,
                ),
            )
            return


def check_rules(doc: dict[str, Any]) -> list[tuple[str, Text]]:
    codes: dict[str, str] = {}
    found: list[tuple[str, Text]] = []
    for i, top in enumerate(doc["criteria"]):
        found.extend(_criterion(top, f"criteria[{i}]", 1, codes, doc["aggregation"].get("decimal_places", 2)))
    gate_codes: set[str] = set()
    veto_codes: set[str] = set()
    for i, item in enumerate(doc.get("yes_no_items", ())):
        code = item["code"]
        if code in codes:
            found.append(
                (
                    f"yes_no_items[{i}].code",
                    T(
                        "代码 {code} 重复（已用于 {other}）",
                        "code {code} is not unique (also at {other})",
                        code=code,
                        other=codes[code],
                    ),
                )
            )
        codes[code] = f"yes_no_items[{i}]"
        (veto_codes if item["effect"] == "veto" else gate_codes).add(code)
    for i, item in enumerate(doc.get("eligibility", ())):
        code = item["code"]
        if code in codes:
            found.append(
                (
                    f"eligibility[{i}].code",
                    T(
                        "代码 {code} 重复（已用于 {other}）",
                        "code {code} is not unique (also at {other})",
                        code=code,
                        other=codes[code],
                    ),
                )
            )
        codes[code] = f"eligibility[{i}]"
    agg = doc["aggregation"]
    if agg["method"] != "trimmed_mean" and "trim_from_panel_size" in agg:
        found.append(
            (
                "aggregation.trim_from_panel_size",
                T(
                    "只有 trimmed_mean 使用 trim_from_panel_size",
                    "trim_from_panel_size applies only to trimmed_mean",
                ),
            )
        )
    div = doc.get("divergence", {})
    if div == {} and "divergence" in doc:
        found.append(("divergence", T("至少设置一个偏离判定条件", "set at least one divergence criterion")))
    total = sum((_d(c["points"]) for c in doc["criteria"]), Decimal(0))
    found.extend(_numeric_gates(doc, codes))
    known = catalogue_codes()
    if known is not None:
        found.extend(figure_problems(doc, known))
    found.extend(_decimal_places(doc))
    found.extend(_conclusion(doc, gate_codes, veto_codes, total))
    return found
