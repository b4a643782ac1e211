"""Moved: the workbench's domain values live in :mod:`reviewer.scoring.workbench_types` (below the
store, which returns them). This alias only serves ``reviewer/ui/review_writer.py``, which is being
replaced (issue 16); delete it with that module. New code imports from ``reviewer.scoring``."""

from reviewer.scoring.workbench_types import Review, ReviewState

__all__ = ["Review", "ReviewState"]
