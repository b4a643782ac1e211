"""Small standards and sheets for the reconciliation tests, built as JSON through the real loader."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from reviewer.scoring.inputs import ConsensusScore, ExpertScores
from reviewer.standards import Standard, load_bytes

T = {"zh": "测试", "en": "test"}
AT = "2026-05-12T09:30:00+08:00"


def leaf(code: str, points: float, step: float = 0.5) -> dict[str, Any]:
    return {"code": code, "title": T, "points": points, "step": step}


def node(code: str, *children: dict[str, Any], minimum: float | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": code,
        "title": T,
        "points": sum(c["points"] for c in children),
        "children": list(children),
    }
    if minimum is not None:
        out["minimum"] = minimum
    return out


def yes_no(code: str, effect: str, combine: str) -> dict[str, Any]:
    return {"code": code, "title": T, "effect": effect, "combine": combine}


def make_standard(
    criteria: Sequence[dict[str, Any]],
    *,
    kind: str = "creation",
    method: str = "mean",
    trim_from: int | None = None,
    decimal_places: int = 2,
    percent: float | None = 30,
    share: float | None = None,
    quorum: int = 3,
    items: Sequence[dict[str, Any]] = (),
    rules: Sequence[dict[str, Any]] | None = None,
    on_veto: str | None = None,
    level1_min_share: float | None = None,
) -> Standard:
    divergence = {}
    if percent is not None:
        divergence["percent_from_mean"] = percent
    if share is not None:
        divergence["spread_share_of_points"] = share
    aggregation: dict[str, Any] = {"method": method, "decimal_places": decimal_places}
    if trim_from is not None:
        aggregation["trim_from_panel_size"] = trim_from
    conclusion: dict[str, Any] = {
        "on_veto": on_veto or ("1" if kind == "annual" else "fail"),
        "rules": list(rules) if rules is not None else [{"result": "1" if kind == "annual" else "fail"}],
    }
    if level1_min_share is not None:
        conclusion["level1_min_share"] = level1_min_share
    doc: dict[str, Any] = {
        "format": "reviewer.standard/1",
        "id": "TEST",
        "version": "1",
        "kind": kind,
        "candidate_type": "park",
        "title": T,
        "criteria": list(criteria),
        "yes_no_items": list(items),
        "aggregation": aggregation,
        "quorum": {"min_experts": quorum},
        "conclusion": conclusion,
    }
    if divergence:
        doc["divergence"] = divergence
    return load_bytes(json.dumps(doc).encode("utf-8"), "test-standard")


def sheets_from_table(
    table: Mapping[str, Sequence[str]],
    experts: Sequence[str],
    *,
    answers: Mapping[str, Mapping[str, bool]] | None = None,
    recused: Sequence[str] = (),
) -> list[ExpertScores]:
    """``table`` maps an indicator code to one score per expert, in the order of ``experts``."""
    out = []
    for i, expert in enumerate(experts):
        scores = {code: Decimal(row[i]) for code, row in table.items()}
        out.append(
            ExpertScores(
                expert,
                recused=expert in recused,
                scores={} if expert in recused else scores,
                answers=(answers or {}).get(expert, {}),
            )
        )
    return out


def consensus(
    value: str, rationale: str = "现场核查后专家组一致认可 / agreed after the site check"
) -> ConsensusScore:
    return ConsensusScore(Decimal(value), rationale, "chair", AT)


def d(text: str) -> Decimal:
    return Decimal(text)
