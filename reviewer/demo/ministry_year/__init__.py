"""The demo of the ministry's year: 15 cities and 20 parks, all fictional and marked 示例.

``reviewer demo`` builds it beside the panel demo: ``<demo>/ministry-year/`` (the figures, the
candidates' data returns, the annual evaluation's 公示 list and 通告) and the demo registry
``<demo>/authority/registry.sqlite3``, so the ministry desk opens on a lived-in registry:
title holders with two years of stars (one warned, one exited), candidates in creation and under
公示, applicants. Pure Python, no Qt; deterministic (see :mod:`.figures`).

    year = build_ministry_year(demo.folder, demo.authority)
"""

from reviewer.demo.ministry_year.folder import YEAR_DIR, MinistryYear, build_ministry_year
from reviewer.demo.ministry_year.roster import CANDIDATES, CITIES, DEMO_YEAR, EVALUATED_YEAR, PARKS, is_marked

__all__ = [
    "CANDIDATES",
    "CITIES",
    "DEMO_YEAR",
    "EVALUATED_YEAR",
    "PARKS",
    "YEAR_DIR",
    "MinistryYear",
    "build_ministry_year",
    "is_marked",
]
