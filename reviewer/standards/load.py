"""Load a standard from JSON: structure by the published JSON Schema, then the domain's rules.

Every problem is reported with the path of the bad field (``criteria[0].children[1].points``) and
what is wrong with it, all at once, so that a person fixing a hand-written file sees everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text
from reviewer.paths import resource
from reviewer.standards.model import (
    Aggregation,
    AggregationMethod,
    Band,
    Bilingual,
    CandidateType,
    CommentPolicy,
    CommentRule,
    ConclusionRule,
    ConclusionRules,
    Criterion,
    Divergence,
    EligibilityItem,
    EvidenceMethod,
    GateEffect,
    LevelDescriptor,
    Linear,
    NumericGate,
    Objective,
    Quorum,
    ReviewKind,
    Standard,
    VetoCombine,
    YesNoEffect,
    YesNoItem,
)
from reviewer.standards.rules import check_rules

MAX_STANDARD_BYTES = 4 * 1024 * 1024
FORMAT = "reviewer.standard/1"
MAX_MAGNITUDE = Decimal(1_000_000)  # points, totals, counts: far above any real standard
MAX_DECIMAL_PLACES = 6  # steps and shares: 0.5, 0.01, 0.6 — never 1e-320


@dataclass(frozen=True)
class Problem:
    path: str
    message: Text

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else str(self.message)


class StandardInvalid(InvalidInput):
    """A standard file that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            T(
                "评审标准 {source} 无效（{n} 处问题）：\n{lines}\n请按 docs/standard-format.md 修改后重试。",
                "The standard {source} is invalid ({n} problems):\n{lines}\n"
                "Fix it as docs/standard-format.md describes and try again.",
                source=source,
                n=len(problems),
                lines=lines,
            )
        )

    def __str__(self) -> str:  # re-render so the problem lines follow the current language
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return str(self.message.format(lines=lines))


def json_path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        resource("schema", "standard.schema.json").read_text(encoding="utf-8")
    )
    return loaded


def parse_json(data: bytes, source: str) -> Any:
    if len(data) > MAX_STANDARD_BYTES:
        raise StandardInvalid(
            source, [Problem("", T("文件过大（上限 4 MiB）", "file too large (limit 4 MiB)"))]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StandardInvalid(
            source,
            [Problem("", T("不是 UTF-8 编码（第 {pos} 字节）", "not UTF-8 (byte {pos})", pos=exc.start))],
        ) from exc
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise StandardInvalid(
            source,
            [
                Problem(
                    "",
                    T(
                        "不是有效的 JSON：第 {line} 行第 {col} 列，{msg}",
                        "not valid JSON: line {line} column {col}: {msg}",
                        line=exc.lineno,
                        col=exc.colno,
                        msg=exc.msg,
                    ),
                )
            ],
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise StandardInvalid(
            source, [Problem("", T("JSON 无效：{msg}", "invalid JSON: {msg}", msg=exc))]
        ) from exc


def number_problems(doc: Any, path: tuple[Any, ...] = ()) -> list[Problem]:
    """Every number that is not finite (NaN, Infinity) or absurd (1e309, a 1e-320 step), by field.

    Checked before anything computes with the numbers, so ``decimal`` never meets them.
    """
    if isinstance(doc, dict):
        return [p for key, value in doc.items() for p in number_problems(value, (*path, key))]
    if isinstance(doc, list):
        return [p for i, value in enumerate(doc) for p in number_problems(value, (*path, i))]
    if isinstance(doc, bool) or not isinstance(doc, int | float | Decimal):
        return []
    where = json_path(path) or "$"
    if isinstance(doc, float) or not Decimal(doc).is_finite():  # NaN and ±Infinity parse as floats
        return [
            Problem(
                where,
                T(
                    "{value} 不是有限的数，请写出具体数值",
                    "{value} is not a finite number; write the value itself",
                    value=str(doc),
                ),
            )
        ]
    value = Decimal(doc)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if abs(value) > MAX_MAGNITUDE or places > MAX_DECIMAL_PLACES:
        return [
            Problem(
                where,
                T(
                    "数值 {value} 不合理：绝对值不得超过 1000000，小数不得超过 {places} 位",
                    "the value {value} is absurd: at most 1,000,000 in size and {places} decimal places",
                    value=str(doc) if len(str(doc)) <= 40 else str(doc)[:37] + "…",
                    places=MAX_DECIMAL_PLACES,
                ),
            )
        ]
    return []


def structural_problems(doc: Any) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(
            Problem(
                json_path(err.absolute_path) or "$",
                T("格式不符：{msg}", "does not match the format: {msg}", msg=err.message),
            )
        )
    return problems


def _bi(value: dict[str, str] | None) -> Bilingual | None:
    return None if value is None else Bilingual(value["zh"], value["en"])


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _objective(spec: dict[str, Any] | None) -> Objective | None:
    if spec is None:
        return None
    linear = spec.get("linear")
    return Objective(
        figure=spec["figure"],
        relative_to=spec.get("relative_to"),
        bands=tuple(Band(_dec(b.get("min")), Decimal(str(b["points"]))) for b in spec.get("bands", ())),
        linear=None if linear is None else Linear(_d(linear["zero_at"]), _d(linear["full_at"])),
    )


def _d(value: Any) -> Decimal:
    return Decimal(str(value))


def _gate(spec: dict[str, Any]) -> NumericGate:
    return NumericGate(
        code=spec["code"],
        title=Bilingual(**spec["title"]),
        figure=spec["figure"],
        relative_to=spec.get("relative_to"),
        minimum=_d(spec["min"]),
        effect=GateEffect(spec["effect"]),
        cap=spec.get("cap"),
    )


def _criterion(node: dict[str, Any], level: int) -> Criterion:
    return Criterion(
        code=node["code"],
        title=Bilingual(node["title"]["zh"], node["title"]["en"]),
        points=Decimal(str(node["points"])),
        level=level,
        children=tuple(_criterion(c, level + 1) for c in node.get("children", ())),
        step=_dec(node.get("step")),
        levels=tuple(
            LevelDescriptor(Decimal(str(lv["min"])), Decimal(str(lv["max"])), Bilingual(**lv["text"]))
            for lv in node.get("levels", ())
        ),
        guidance=_bi(node.get("guidance")),
        evidence=tuple(EvidenceMethod(e) for e in node.get("evidence", ())),
        comment_rule=CommentRule(node.get("comment", "default")),
        minimum=_dec(node.get("minimum")),
        objective=_objective(node.get("objective")),
    )


def build(doc: dict[str, Any]) -> Standard:
    """Build the domain object from a document that already passed validation."""
    agg = doc["aggregation"]
    div = doc.get("divergence", {})
    com = doc.get("comments", {})
    con = doc["conclusion"]
    return Standard(
        id=doc["id"],
        version=doc["version"],
        kind=ReviewKind(doc["kind"]),
        candidate_type=CandidateType(doc["candidate_type"]),
        title=Bilingual(**doc["title"]),
        sample=bool(doc.get("sample", False)),
        description=_bi(doc.get("description")),
        criteria=tuple(_criterion(c, 1) for c in doc["criteria"]),
        yes_no=tuple(
            YesNoItem(
                code=i["code"],
                title=Bilingual(**i["title"]),
                effect=YesNoEffect(i["effect"]),
                combine=VetoCombine(i.get("combine", "any_no")),
                guidance=_bi(i.get("guidance")),
                evidence=tuple(EvidenceMethod(e) for e in i.get("evidence", ())),
            )
            for i in doc.get("yes_no_items", ())
        ),
        eligibility=tuple(
            EligibilityItem(e["code"], Bilingual(**e["text"])) for e in doc.get("eligibility", ())
        ),
        numeric_gates=tuple(_gate(g) for g in doc.get("numeric_gates", ())),
        aggregation=Aggregation(
            method=AggregationMethod(agg["method"]),
            trim_from_panel_size=int(agg.get("trim_from_panel_size", 5)),
            decimal_places=int(agg.get("decimal_places", 2)),
        ),
        divergence=Divergence(_dec(div.get("percent_from_mean")), _dec(div.get("spread_share_of_points"))),
        quorum=Quorum(int(doc["quorum"]["min_experts"])),
        comments=CommentPolicy(
            _dec(com.get("required_at_or_above_share")), _dec(com.get("required_at_or_below_share"))
        ),
        conclusion=ConclusionRules(
            rules=tuple(
                ConclusionRule(
                    result=r["result"],
                    min_total=_dec(r.get("min_total")),
                    gates=tuple(r.get("gates", ())),
                    minimums_met=bool(r.get("minimums_met", False)),
                    label=_bi(r.get("label")),
                )
                for r in con["rules"]
            ),
            on_veto=con["on_veto"],
            level1_min_share=_dec(con.get("level1_min_share")),
        ),
    )


def validate_document(doc: Any) -> list[Problem]:
    """Every problem in a parsed document: numbers, then structure; the domain rules once it is well-formed."""
    try:
        problems = number_problems(doc)
    except RecursionError:
        problems = [Problem("", T("嵌套过深", "nested too deeply"))]
    if problems:
        return problems
    problems = structural_problems(doc)
    if problems:
        return problems
    return [Problem(path, msg) for path, msg in check_rules(doc)]


def load_bytes(data: bytes, source: str = "<standard>") -> Standard:
    doc = parse_json(data, source)
    problems = validate_document(doc)
    if problems:
        raise StandardInvalid(source, problems)
    return build(doc)


def load_standard(path: str | Path) -> Standard:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            T(
                "无法读取评审标准文件 {path}：{err}",
                "Cannot read the standard file {path}: {err}",
                path=str(path),
                err=exc.strerror or str(exc),
            )
        ) from exc
    return load_bytes(data, str(path))
