"""Hypothesis strategies shared by the fuzz tests: arbitrary JSON, and valid documents mutated at a
random place (which reaches far deeper into a parser than random bytes do)."""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Examples per property: a quick default; REVIEWER_FUZZ_EXAMPLES=5000 for a long run.
EXAMPLES = int(os.environ.get("REVIEWER_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=os.environ.get("REVIEWER_FUZZ_RANDOM") is None,  # reproducible in CI unless asked
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            "1.1",
            "V1",
            "E1",
            "none",
            "declared",
            "chair",
            "expert",
            "0",
            "-1",
            "1e999",
            "NaN",
            "Infinity",
            "2026-06-17T08:00:00Z",
            "a" * 64,
            "\u0000",
            "中文",
        ]
    )
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document (key or index paths)."""
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += paths(v, (*prefix, i))
    return out


def replaced(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {**doc, head: replaced(doc[head], rest, value)}
    copy = list(doc)
    copy[head] = replaced(doc[head], rest, value)
    return copy


def removed(doc: Any, path: tuple) -> Any:
    if len(path) == 1:
        if isinstance(doc, dict):
            return {k: v for k, v in doc.items() if k != path[0]}
        return [v for i, v in enumerate(doc) if i != path[0]]
    return (
        {**doc, path[0]: removed(doc[path[0]], path[1:])}
        if isinstance(doc, dict)
        else [removed(v, path[1:]) if i == path[0] else v for i, v in enumerate(doc)]
    )


@st.composite
def mutated(draw: st.DrawFn, doc: Any) -> Any:
    """``doc`` with one to three places replaced by arbitrary JSON or removed."""
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(doc)))
        if where and draw(st.booleans()):
            doc = removed(doc, where)
        else:
            doc = replaced(doc, where, draw(json_values))
    return doc


def dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, default=str).encode("utf-8")


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes changed, inserted or deleted, or cut."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        if op == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del out[at]
        else:
            del out[at:]
    return bytes(out)
