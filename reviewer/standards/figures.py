"""The figure catalogue: ``reviewer/resources/rules/figures.json`` (format ``reviewer.figures/1``).

Each figure a city or park reports every year has a stable code (``software_revenue``…), a name and a
unit in Chinese and English, the decimal places it is reported to, a sanity range and the candidate
types it applies to. The file is checked against its schema with precise errors (the JSON path of each
problem); values are exact :class:`~decimal.Decimal` (the file keeps them as strings).

National figures of a year are keyed ``national:<code>`` (:func:`national_key`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T
from reviewer.paths import resource

FIGURES_FORMAT = "reviewer.figures/1"
TYPES = ("city", "park")
NATIONAL = "national:"


@dataclass(frozen=True)
class Figure:
    code: str
    name_zh: str
    name_en: str
    unit_zh: str
    unit_en: str
    decimal_places: int
    minimum: Decimal
    maximum: Decimal
    applies_to: tuple[str, ...]
    national_maximum: Decimal | None = None  # a national total's ceiling, when above a candidate's

    @property
    def national_max(self) -> Decimal:
        return self.maximum if self.national_maximum is None else self.national_maximum

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def unit(self, lang: str = "zh") -> str:
        return self.unit_en if lang == "en" else self.unit_zh


@dataclass(frozen=True)
class Catalogue:
    version: str
    figures: tuple[Figure, ...]

    def get(self, code: str) -> Figure:
        for f in self.figures:
            if f.code == code:
                return f
        raise UsageError(
            T(
                "指标目录中没有“{code}”（可用：{codes}）。",
                "The figure catalogue has no “{code}” (known: {codes}).",
                code=code,
                codes=", ".join(f.code for f in self.figures),
            )
        )

    def for_type(self, type_: str) -> tuple[Figure, ...]:
        """The figures a candidate of ``type_`` (city/park) reports, in catalogue order."""
        if type_ not in TYPES:
            raise UsageError(T("类型须为 city 或 park：{t}", "The type must be city or park: {t}", t=type_))
        return tuple(f for f in self.figures if type_ in f.applies_to)


def national_key(code: str) -> str:
    return NATIONAL + code


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource("rules", "figures.schema.json").read_text("utf-8"))
    return loaded


def _where(error: jsonschema.ValidationError) -> str:
    return "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "/"


def _invalid(source: str, errors: str) -> InvalidInput:
    return InvalidInput(
        T(
            "指标目录文件 {path} 无效：{errors}",
            "The figure catalogue {path} is not valid: {errors}",
            path=source,
            errors=errors,
        )
    )


def parse_catalogue(doc: Any, source: str = "figures.json") -> Catalogue:
    """Validate ``doc`` (parsed JSON) and build the catalogue; every problem is named with its path."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise _invalid(source, "; ".join(f"{_where(e)}: {e.message}" for e in errors[:10]))
    figures = []
    seen: set[str] = set()
    for i, f in enumerate(doc["figures"]):
        if f["code"] in seen:
            raise _invalid(source, f"/figures/{i}/code: duplicate code {f['code']!r}")
        seen.add(f["code"])
        low, high = Decimal(f["min"]), Decimal(f["max"])
        if low > high:
            raise _invalid(source, f"/figures/{i}: min {low} is above max {high}")
        figures.append(
            Figure(
                code=f["code"],
                name_zh=f["name"]["zh"],
                name_en=f["name"]["en"],
                unit_zh=f["unit"]["zh"],
                unit_en=f["unit"]["en"],
                decimal_places=f["decimal_places"],
                minimum=low,
                maximum=high,
                applies_to=tuple(f["applies_to"]),
                national_maximum=Decimal(f["national_max"]) if "national_max" in f else None,
            )
        )
    return Catalogue(doc["version"], tuple(figures))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The catalogue from ``path`` (default: the one shipped with the app)."""
    if path is None:
        return _shipped()
    return _load(Path(path))


@cache
def _shipped() -> Catalogue:
    return _load(resource("rules", "figures.json"))


def _load(path: Path) -> Catalogue:
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise InvalidInput(
            T("找不到指标目录文件 {path}。", "The figure catalogue {path} does not exist.", path=str(path))
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _invalid(str(path), str(exc)) from exc
    return parse_catalogue(doc, str(path))
