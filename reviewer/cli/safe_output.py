"""Everything a command writes to the terminal goes through :func:`~reviewer.trust.names.terminal_text`:
names and claims read from files made by someone else can neither send ESC sequences (cursor moves,
colours, hidden text, window titles) nor reorder a line with bidirectional overrides, whatever the
command. Forged *lines* (a newline inside a name) are escaped where such names are printed
(``reviewer verify``, ``reviewer package verify``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from reviewer.trust.names import terminal_text


class SafeText:
    """A text stream that escapes unsafe characters on the way to ``raw``; the rest is ``raw``'s."""

    def __init__(self, raw: TextIO) -> None:
        self._raw = raw

    def write(self, text: str) -> int:
        self._raw.write(terminal_text(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` escaped for the duration (restored afterwards)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeText(out), SafeText(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
