"""One palette (reviewer/ui/palette.py): every colour of the interface is named there, once."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor

from reviewer.ui import palette

UI = Path(palette.__file__).resolve().parent
LITERAL = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\bQColor\(\s*[\"']|\brgba?\(")


def colours() -> dict[str, str]:
    return {k: v for k, v in vars(palette).items() if k.isupper() and isinstance(v, str)}


def test_no_colour_literal_outside_the_palette() -> None:
    found = [
        f"{path.relative_to(UI)}:{n}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "palette.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LITERAL.search(line)
    ]
    assert found == []


def test_every_palette_entry_is_a_valid_and_distinct_colour() -> None:
    named = colours()
    assert len(named) > 10
    assert all(QColor(value).isValid() for value in named.values())
    normal = {QColor(v).name() for v in named.values()}
    assert len(normal) == len(named), "two names for one colour: use one"


def test_styles_and_models_take_their_colours_from_the_palette() -> None:
    from reviewer.ui.models import scoring_model
    from reviewer.ui.panels import checks_panel, score_editor

    assert palette.ERROR in checks_panel.REQUIRED_STYLE and palette.ERROR in score_editor.ERROR_STYLE
    assert QColor(palette.ERROR) == scoring_model.NEEDS_COMMENT_COLOUR
