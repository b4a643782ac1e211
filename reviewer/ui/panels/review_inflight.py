"""What the expert's workspace has sent to be written and not yet seen on disk.

Each write carries a :class:`Tag` saying what it was, so its result updates the right things. The
scores, comments and the scratchpad typed are shown at once, over the review as last read, until their own write
comes back (:meth:`InFlight.settle`): a later edit of the same score is not undone by an earlier
write's result. One whose write failed (:meth:`InFlight.refuse`) is kept, with the reason, until a
write of that same score or comment succeeds: the editor puts it back as typed and not saved, and
the save indicator says why. Qt-free, like the rules it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

REFUSABLE = ("score", "comment", "scratchpad")  # kept after a failed write, until written


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
        self._scratch: dict[str, tuple[int, str]] = {}  # "": the scratchpad's text in flight
        # refused: (kind, code) -> (value, reason), until that field is written successfully
        self._refused: dict[tuple[str, str], tuple[Decimal | str | None, str]] = {}
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

    def scratchpad_write(self, text: str) -> Tag:
        """The scratchpad sent to be written (quietly: it is no change to the review)."""
        self._seq += 1
        self._scratch[""] = (self._seq, text)
        return Tag(False, "", self._seq, quiet=True, kind="scratchpad")

    def scratchpad(self, on_disk: str) -> str:
        """The scratchpad to show: in flight, else refused, else on disk."""
        if "" in self._scratch:
            return self._scratch[""][1]
        refused = self.refused_scratchpad()
        return on_disk if refused is None else refused

    def refused_scratchpad(self) -> str | None:
        got = self._refused.get(("scratchpad", ""))
        return None if got is None else str(got[0])

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
        pending = self._pending(tag.kind)
        if pending.get(tag.code, (None,))[0] == tag.seq:
            del pending[tag.code]
        self._refused.pop((tag.kind, tag.code), None)  # this field is written: no longer refused

    def refuse(self, tag: object, reason: str) -> None:
        """``tag``'s write failed: its value is kept as refused (with ``reason``) until a write of
        the same field succeeds; a newer edit already in flight replaces it."""
        if not isinstance(tag, Tag) or tag.code is None or tag.kind not in REFUSABLE:
            return
        pending = self._pending(tag.kind)
        seq, value = pending.get(tag.code, (None, None))
        if seq != tag.seq:
            return  # a newer edit of it is on its way; its own result decides
        del pending[tag.code]
        self._refused[(tag.kind, tag.code)] = (value, reason)

    def _pending(self, kind: str) -> dict[str, tuple[int, Any]]:
        return {"comment": self._comments, "scratchpad": self._scratch}.get(kind, self._scores)

    def refused_scores(self) -> dict[str, Decimal | None]:
        """Scores whose write failed (None: a refused clearing), by code."""
        return {c: v for (k, c), (v, _r) in self._refused.items() if k == "score"}  # type: ignore[misc]  # a score: Decimal or None

    def refused_comments(self) -> dict[str, str]:
        return {c: str(v) for (k, c), (v, _r) in self._refused.items() if k == "comment"}

    def refusal(self) -> str | None:
        """Why a score or comment typed is not saved (its write failed), or ``None``."""
        return next((reason for _v, reason in self._refused.values()), None)
