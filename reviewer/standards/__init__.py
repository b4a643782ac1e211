"""The standard (criteria) model: load, validate, summarise. Pure Python, no Qt."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.standards.load import Problem, StandardInvalid, load_bytes, load_standard
    from reviewer.standards.model import Criterion, ReviewKind, Standard

__all__ = ["Criterion", "Problem", "ReviewKind", "Standard", "StandardInvalid", "load_bytes", "load_standard"]

# Loaded on first use: a command that needs one of these (or ``reviewer verify`` of one kind) does not
# pay for the others' imports (pyHanko, SQLAlchemy...; docs/performance.md).
_EXPORTS = {
    "Problem": "reviewer.standards.load",
    "StandardInvalid": "reviewer.standards.load",
    "load_bytes": "reviewer.standards.load",
    "load_standard": "reviewer.standards.load",
    "Criterion": "reviewer.standards.model",
    "ReviewKind": "reviewer.standards.model",
    "Standard": "reviewer.standards.model",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
