"""A panel rules file whose composition rules all warn: for fixtures that seal small panels (2-4 members).

The product's default (``reviewer/resources/rules/panel-rules.json``) refuses them; tests that are
about something else pass this file explicitly (``--panel-rules``, ``panel_rules=``)."""

from __future__ import annotations

from pathlib import Path

from reviewer.standards.panel_rules import PanelRules, load_panel_rules

PERMISSIVE_RULES = Path(__file__).parent / "data" / "panel-rules-permissive.json"


def permissive_rules() -> PanelRules:
    return load_panel_rules(PERMISSIVE_RULES)
