"""The colours of the interface, named for what they mean; no widget or model spells a literal.

Style sheets take the strings (``f"QLabel {{ color: {palette.ERROR}; }}"``), item models wrap them in
``QColor``. tests/ui/test_palette.py fails on a colour literal anywhere else under ``reviewer/ui``.
"""

from __future__ import annotations

# --- text -------------------------------------------------------------------------------------
ERROR = "#b02a1e"  # an error, a refusal, a required field left empty, unsaved work
WARNING = "#9a6700"  # waiting or read-only: not yet scored, saving, locked
CAUTION = "#9a5b00"  # a composer warning (the panel may still be sealed)
SAVED = "#1a7f37"  # saved, scored
DONE = "#1e6b2e"  # a step completed (declarations signed, ready to finalise)
PASS = "#1e7a34"  # a passing result, an accepted sheet, a sealed package
SUPERSEDED = "#1f5fa8"  # a sheet replaced by a newer revision
MUTED = "#555"  # secondary text: labels, "no result yet"
HINT = "#777"  # a hint in place of content
INACTIVE = "#8a8a8a"  # a row no longer current (withdrawn, exited)

# --- badges (white text on these) -------------------------------------------------------------
SAMPLE_BADGE = "#c0392b"  # "sample standard": not for real reviews
VERIFIED_BADGE = "#1e7e34"  # the package verified

# --- backgrounds ------------------------------------------------------------------------------
BANNER_BACKGROUND = "#fff4e5"  # a notice across the top of a review
BANNER_TEXT = "#8a4b00"
DIVERGENT = "#f6c9c4"  # a score far from the panel's, not yet explained
EXPLAINED = "#dcefd9"  # a divergent score explained (or a spread settled by a consensus score)
CONSENSUS = "#d6e6f7"  # the panel's consensus column
RECUSED = "#ececec"  # an expert who does not score this candidate
LENIENCY = "#f4f1e6"  # the leniency row
TABLE_BORDER = "#bbb"
TABLE_HEADER = "#eee"
