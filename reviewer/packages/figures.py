"""The candidate's figures a package carries for the standard's objective indicators.

A standard whose leaves are objective (``reviewer.standards.objective``) is scored from figures,
not by hand: the ministry seals the candidate's figures — and the national ones the standard refers
to (``national:<code>``) — into the package's confidential header (``docs/package-format.md`` §4.2,
field ``figures``). Everyone who reads them (the expert, the chair, the ministry's recomputation)
reads the same exact Decimals.

:func:`read_figures` is the one reader of a figures file given to ``reviewer package seal
--figures``: a JSON object ``{"software_revenue": "1234.56", "national:software_revenue_growth":
"11.2"}``, values as decimal strings. (A signed data return may be accepted here later.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reviewer.errors import InvalidInput, ReviewerError, UsageError
from reviewer.i18n import T, Text
from reviewer.standards.figures import load_catalogue
from reviewer.standards.model import Bilingual, Standard
from reviewer.trust.encoding import parse_json

CODE = re.compile(r"^(national:)?[a-z][a-z0-9_]{0,63}$")
NUMBER = re.compile(r"^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,8})?$")
MAX_FIGURES = 256
MAX_FILE = 64 * 1024


class FiguresInvalid(InvalidInput):
    """A figures file (or a package's ``figures``) that is not ``{code: "decimal string"}``."""


class MissingFigures(InvalidInput):
    """The standard has objective indicators or numeric gates whose figures were not given."""

    def __init__(self, standard_id: str, missing: Mapping[str, tuple[str, ...]]) -> None:
        self.missing = dict(missing)
        lines = "；".join(f"{code}（{'、'.join(uses)}）" for code, uses in self.missing.items())
        lines_en = "; ".join(f"{code} ({', '.join(uses)})" for code, uses in self.missing.items())
        super().__init__(
            Text(
                f"评审标准 {standard_id} 含客观指标，缺少以下数据，不能封装：{lines}。请在 --figures 文件中补齐。",
                f"The standard {standard_id} has objective indicators and these figures are missing, so the "
                f"package is not sealed: {lines_en}. Add them to the --figures file.",
            )
        )


def parse_figures(doc: Any, source: str) -> dict[str, Decimal]:
    """``{code: "decimal string"}`` → exact Decimals; :class:`FiguresInvalid` naming what is wrong."""
    if not isinstance(doc, dict) or len(doc) > MAX_FIGURES:
        raise FiguresInvalid(
            T(
                '{src}：数据应为对象 {{代码: "数值"}}，至多 {n} 项。',
                '{src}: the figures must be an object {{code: "number"}}, at most {n} of them.',
                src=source,
                n=MAX_FIGURES,
            )
        )
    out: dict[str, Decimal] = {}
    for code, value in doc.items():
        if not isinstance(code, str) or not CODE.match(code):
            raise FiguresInvalid(
                T(
                    "{src}：数据代码“{c}”无效（小写字母、数字和下划线，全国数据以 national: 开头）。",
                    "{src}: the figure code “{c}” is invalid (lower-case letters, digits and underscores; "
                    "national figures start with national:).",
                    src=source,
                    c=str(code)[:80],
                )
            )
        if not isinstance(value, str) or not NUMBER.match(value):
            raise FiguresInvalid(
                T(
                    '{src}：数据 {c} 的值应写成十进制字符串（如 "1234.56"），而不是 {v}。',
                    '{src}: the value of {c} must be a decimal string (e.g. "1234.56"), not {v}.',
                    src=source,
                    c=code,
                    v=repr(value)[:40],
                )
            )
        out[code] = Decimal(value)
    return out


def read_figures(path: str | Path) -> dict[str, Decimal]:
    """The figures file given to ``reviewer package seal --figures`` (the one reader of it)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取数据文件 {path}。", "Cannot read the figures file {path}.", path=str(path))
        ) from exc
    if len(data) > MAX_FILE:
        raise FiguresInvalid(
            T("数据文件 {path} 过大。", "The figures file {path} is too large.", path=str(path))
        )
    try:
        doc = parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FiguresInvalid(
            T(
                "数据文件 {path} 不是有效的 JSON：{err}",
                "The figures file {path} is not valid JSON: {err}",
                path=str(path),
                err=str(exc),
            )
        ) from exc
    return parse_figures(doc, str(path))


def check_catalogue(figures: Mapping[str, Decimal], source: str = "--figures") -> None:
    """Each figure (``national:<code>`` too) is in the catalogue, within its range, to its decimal
    places: a figure the ministry would not accept in a data return is not sealed either."""
    catalogue = load_catalogue()
    known = {f.code: f for f in catalogue.figures}
    for code, value in figures.items():
        figure = known.get(code.removeprefix("national:"))
        if figure is None:
            raise FiguresInvalid(
                T(
                    "{src}：数据目录中没有“{c}”（可用：{codes}）。",
                    "{src}: the figure catalogue has no “{c}” (known: {codes}).",
                    src=source,
                    c=code,
                    codes=", ".join(known),
                )
            )
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if not figure.minimum <= value <= figure.maximum or places > figure.decimal_places:
            v, lo, hi, n = (
                format(value, "f"),
                format(figure.minimum, "f"),
                format(figure.maximum, "f"),
                figure.decimal_places,
            )
            raise FiguresInvalid(
                Text(
                    f"{source}：{figure.name_zh}（{code}）的值 {v} 不可用：须在 {lo} 至 {hi} {figure.unit_zh} 之间，"
                    f"至多 {n} 位小数。",
                    f"{source}: the value {v} of {figure.name_en} ({code}) is not usable: it must lie between "
                    f"{lo} and {hi} {figure.unit_en}, with at most {n} decimal places.",
                )
            )


def merge_figures(parts: Sequence[tuple[str, Mapping[str, Decimal]]]) -> dict[str, Decimal]:
    """The figures of several sources (a signed data return, a file of national figures), each code
    given once: a code two sources give is refused, whatever the values."""
    out: dict[str, Decimal] = {}
    seen: dict[str, str] = {}
    for source, figures in parts:
        for code, value in figures.items():
            if code in seen:
                raise FiguresInvalid(
                    T(
                        "数据 {c} 在 {a} 和 {b} 中都有：每项数据只能来自一个文件。",
                        "The figure {c} is given by both {a} and {b}: each figure comes from one file.",
                        c=code,
                        a=seen[code],
                        b=source,
                    )
                )
            seen[code], out[code] = source, value
    return out


def figures_json(figures: Mapping[str, Decimal]) -> dict[str, str]:
    """The header's form: codes sorted, each value as its plain decimal text (checked again)."""
    out = {code: format(value, "f") for code, value in sorted(figures.items())}
    parse_figures(out, "figures")
    return out


def required_figures(standard: Standard) -> dict[str, tuple[str, ...]]:
    """Each figure the standard needs → the indicators and gates that use it, in the standard's order."""
    uses: dict[str, list[str]] = {}
    for leaf in standard.leaves():
        spec = leaf.objective
        if spec is None:
            continue
        for code in (spec.figure, spec.relative_to):
            if code is not None:
                uses.setdefault(code, []).append(leaf.code)
    for gate in standard.numeric_gates:
        for code in (gate.figure, gate.relative_to):
            if code is not None:
                uses.setdefault(code, []).append(gate.code)
    return {code: tuple(dict.fromkeys(names)) for code, names in uses.items()}


def check_figures(standard: Standard, figures: Mapping[str, Decimal] | None) -> None:
    """Every figure the standard's objective indicators and numeric gates need is given, and every
    figure given is one the catalogue knows, within its range and to its decimal places."""
    given = figures or {}
    check_catalogue(given)
    missing = {code: uses for code, uses in required_figures(standard).items() if code not in given}
    if missing:
        raise MissingFigures(standard.id, missing)


@dataclass(frozen=True)
class FigureLabel:
    """How a figure is shown to a person: its name and unit (软件业务收入, 亿元)."""

    name: Bilingual
    unit: Bilingual


def figure_labels() -> dict[str, FigureLabel]:
    """The names and units of the shipped figure catalogue (:mod:`reviewer.standards.figures`), by
    code; empty when it cannot be read (the code is then shown). Reads a file: call it on a worker."""
    try:
        figures = load_catalogue().figures
    except ReviewerError:
        return {}
    return {
        f.code: FigureLabel(Bilingual(f.name_zh, f.name_en), Bilingual(f.unit_zh, f.unit_en)) for f in figures
    }
