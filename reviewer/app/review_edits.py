"""An expert's edits to their own review: each one a workbench call, then the review as it is now.

The GUI runs every edit through its serial write lane (``Task(..., writes=True)``), in the order the
expert made them; the call commits and fsyncs before it returns (:mod:`reviewer.models.workbench`),
and the fresh :class:`~reviewer.scoring.workbench_types.ReviewState` read after it lets the window
show what is on disk without reading the store itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from reviewer.models.workbench import Workbench
    from reviewer.scoring.workbench_types import Review, ReviewState

R = TypeVar("R")

Edit = Callable[["Workbench", "Review"], R]


@dataclass(frozen=True)
class Saved(Generic[R]):
    """What an edit returned, and the review as read right after it."""

    result: R
    state: ReviewState


def save(bench: Workbench, review: Review, edit: Edit[R]) -> Saved[R]:
    """Apply ``edit(bench, review)`` (committed when it returns), then read the review again."""
    result = edit(bench, review)
    return Saved(result, bench.snapshot(review))


def read(bench: Workbench, review: Review) -> ReviewState:
    """The review as it is on disk."""
    return bench.snapshot(review)
