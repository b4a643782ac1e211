"""The ministry desk (Ministry mode): experts, panels, sealing, import and the registry."""

from reviewer.ui.panels.ministry.ministry_panel import MinistryPanel

__all__ = ["MinistryPanel"]
