"""Plain-data conversion of the engine's frozen dataclasses, for canonical JSON.

``to_plain`` turns a dataclass tree into dicts, lists, strings, ints, bools and ``None``; Decimals
become their canonical text (:func:`reviewer.scoring.stats.canonical`), enums their value, mappings
dicts; a field marked :data:`OMIT_DEFAULT` is left out while it holds its default. ``from_plain``
reverses it from the type hints. ``canonical_json`` fixes key order and
separators so that two machines produce the same bytes for the same reconciliation.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.i18n import T
from reviewer.scoring.stats import canonical


def to_plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return canonical(value)
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.name.startswith("_") and not _omitted(f, getattr(value, f.name))
        }
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in sorted(value.items())}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    raise TypeError(f"cannot serialise {type(value).__name__}")


OMIT_DEFAULT = {"omit_default": True}
"""Field metadata: the field is left out of the plain data while it holds its default, and read
back as the default when absent — so a field added later keeps the older documents' bytes."""


def _omitted(f: dataclasses.Field[Any], value: Any) -> bool:
    return bool(f.metadata.get("omit_default")) and value == f.default


def canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys, no insignificant whitespace, non-ASCII kept as is."""
    return json.dumps(to_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _bad(what: str, data: Any) -> InvalidInput:
    return InvalidInput(
        T(
            "对账数据无效：{what}（{data}）",
            "invalid reconciliation data: {what} ({data})",
            what=what,
            data=repr(data)[:80],
        )
    )


def from_plain(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return from_plain(inner, data)
    if hint is Any:
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise _bad("expected a list", data)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in data)
        return tuple(from_plain(a, v) for a, v in zip(args, data, strict=True))
    if origin in (Mapping, dict) or origin is typing.Mapping:
        if not isinstance(data, dict):
            raise _bad("expected an object", data)
        return {k: from_plain(args[1], v) for k, v in data.items()}
    if hint is Decimal:
        if not isinstance(data, str):
            raise _bad("expected a decimal string", data)
        try:
            number = Decimal(data)
        except InvalidOperation as exc:
            raise _bad("expected a decimal string", data) from exc
        if not number.is_finite():
            raise _bad("expected a finite number", data)
        return number
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError as exc:
            raise _bad(f"not a {hint.__name__}", data) from exc
    if hint is bool or hint is int or hint is str:
        if type(data) is not hint:
            raise _bad(f"expected {hint.__name__}", data)
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise _bad(f"expected an object for {hint.__name__}", data)
        hints = _hints(hint)
        kwargs = {}
        for f in dataclasses.fields(hint):
            if f.name.startswith("_") or not f.init:
                continue
            if f.name not in data and f.metadata.get("omit_default"):
                continue  # the dataclass's default
            if f.name not in data:
                raise _bad(f"{hint.__name__}.{f.name} is missing", data)
            kwargs[f.name] = from_plain(hints[f.name], data[f.name])
        return hint(**kwargs)
    raise TypeError(f"cannot deserialise {hint!r}")
