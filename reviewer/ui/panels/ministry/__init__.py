"""The ministry desk (Ministry mode): experts, panels, sealing, import and the registry.

:class:`MinistryPanel` is imported when first asked for, so that ``from reviewer.ui.panels.ministry
import asks`` (the File menu's questions) does not load the desk's pages and the core they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer.ui.panels.ministry.ministry_panel import MinistryPanel

__all__ = ["MinistryPanel"]


def __getattr__(name: str) -> Any:
    if name == "MinistryPanel":
        from reviewer.ui.panels.ministry.ministry_panel import MinistryPanel

        return MinistryPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
