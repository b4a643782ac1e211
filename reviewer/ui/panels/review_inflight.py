"""What the expert's workspace has sent to be written and not yet seen on disk.

Each write carries a :class:`Tag` saying what it was, so its result updates the right things. The
scores and comments typed are shown at once, over the review as last read, until their own write
comes back (:meth:`InFlight.settle`): a later edit of the same score is not undone by an earlier
write's result. Qt-free, like the rules it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal


class Tag:
    """What a write was, so its result updates the right things."""

    def __init__(
        self, full: bool, code: str | None = None, seq: int = 0, quiet: bool = False, kind: str = ""
    ) -> None:
        self.full, self.code, self.seq, self.quiet, self.kind = full, code, seq, quiet, kind


class InFlight:
    """Scores and comments written but not yet read back, each with the number of its write."""

    def __init__(self) -> None:
        self._scores: dict[str, tuple[int, Decimal | None]] = {}
        self._comments: dict[str, tuple[int, str]] = {}
        self._seq = 0

    def score(self, code: str, value: Decimal | None) -> Tag:
        """A score (None: cleared) sent to be written; the tag its write carries."""
        self._seq += 1
        self._scores[code] = (self._seq, value)
        return Tag(False, code, self._seq, kind="score")

    def comment(self, code: str, text: str) -> Tag:
        self._seq += 1
        self._comments[code] = (self._seq, text)
        return Tag(False, code, self._seq, kind="comment")

    def scores(self, on_disk: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """The scores to show: those on disk with those in flight over them."""
        scores = dict(on_disk)
        for code, (_seq, value) in self._scores.items():
            if value is None:
                scores.pop(code, None)
            else:
                scores[code] = value
        return scores

    def comments(self, on_disk: Mapping[str, str]) -> dict[str, str]:
        comments = dict(on_disk)
        for code, (_seq, text) in self._comments.items():
            if text.strip():
                comments[code] = text
            else:
                comments.pop(code, None)
        return comments

    def settle(self, tag: object) -> None:
        """``tag``'s write came back: its value is on disk now, unless a newer edit is in flight."""
        if not isinstance(tag, Tag) or tag.code is None:
            return
        pending = self._comments if tag.kind == "comment" else self._scores
        if pending.get(tag.code, (None,))[0] == tag.seq:
            del pending[tag.code]
