"""Canonical JSON and base64: the byte forms that signatures cover."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.i18n import T


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8 (not ``\\u`` escapes), no floats.

    Numbers must be integers (decimal values travel as strings), so two writers produce the same
    bytes for the same value.
    """
    _reject_floats(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _reject_floats(value: Any) -> None:
    if isinstance(value, float):
        raise TypeError("canonical JSON carries no floats; write decimals as strings")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("canonical JSON keys are strings")
            _reject_floats(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _reject_floats(v)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, val in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = val
    return out


def parse_json(data: bytes) -> Any:
    """Strict parse: UTF-8, no duplicate keys, no NaN. Raises ``ValueError``."""

    def bad_constant(name: str) -> Any:
        raise ValueError(f"constant {name} not allowed")

    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=bad_constant)
    except RecursionError as exc:  # "[[[[…": deeper than the interpreter's stack; no artifact nests so
        raise ValueError("JSON nested too deeply") from exc


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, what: str = "value") -> bytes:
    if not isinstance(text, str):
        raise InvalidInput(T("{what} 不是 base64 文本。", "{what} is not base64 text.", what=what))
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise InvalidInput(T("{what} 不是有效的 base64。", "{what} is not valid base64.", what=what)) from exc
