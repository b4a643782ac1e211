"""reviewer — offline expert review of China Software Famous Cities and Parks.

The package is a Qt-free core (standards, trust, packages, scoring, models, export, ministry)
under a thin PySide6 layer in :mod:`reviewer.ui`. See ``docs/architecture.md``.
"""

__version__ = "0.1.0"
