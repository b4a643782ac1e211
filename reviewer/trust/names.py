"""Names that people type and files carry: refused at the door when unsafe, escaped when shown.

A name (a member's, an organisation's, a candidate's, a material's file name) ends up in a
certificate, a signed manifest, a terminal and a report. Control characters there can forge lines
("Result: VALID."), move the cursor or recolour a terminal (ESC sequences), and bidirectional
overrides can make ``报告‮fdp.exe`` read as ``报告exe.pdf``. So:

* :func:`check_name` refuses, where a name enters the system (identity creation, enrolment, seal,
  registering a candidate), every character of Unicode category Cc (C0, DEL, C1: newline, tab, ESC,
  …), the bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C, and the
  line and paragraph separators U+2028/U+2029, with :class:`UnsafeName` naming the field;
* :func:`printable` escapes the same characters (``\\n``, ``\\x1b``, ``\\u202e``) wherever a name read
  from a file is printed, since a file made by someone else never went through that door; and the
  command line passes everything it writes through :func:`terminal_text` (the same, except its own
  newlines and tabs), so no ESC sequence or bidi override reaches a terminal from any command.
"""

from __future__ import annotations

import unicodedata

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text

BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]  # LRE RLE PDF LRO RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI RLI FSI PDI
    + ["\u200e", "\u200f", "\u061c"]  # LRM RLM ALM
)
SEPARATORS = frozenset(["\u2028", "\u2029"])  # line and paragraph separator: a new line to many terminals


NAME_FIELD = T("姓名", "name")
ORG_FIELD = T("单位", "organisation")
MATERIAL_FIELD = T("材料名", "material name")
CANDIDATE_FIELD = T("候选对象的 {key}", "candidate {key}")


class UnsafeName(InvalidInput):
    """A name holds a control character or a bidirectional override (exit 3)."""


def unsafe(ch: str) -> bool:
    return ch in BIDI_CONTROLS or ch in SEPARATORS or unicodedata.category(ch) == "Cc"


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X}" + (f" {unicodedata.name(ch)}" if unicodedata.name(ch, "") else "")


def check_name(value: str, field: Text) -> str:
    """``value`` unchanged, or :class:`UnsafeName` naming ``field`` and the first bad character."""
    for ch in value:
        if unsafe(ch):
            raise UnsafeName(
                T(
                    "{field}“{value}”含有控制字符或双向文字控制符（{ch}），不能使用。请只用可见的文字。",
                    "The {field} “{value}” contains a control character or bidirectional override ({ch}); "
                    "it cannot be used. Use visible characters only.",
                    field=field,
                    value=printable(value),
                    ch=_describe(ch),
                )
            )
    return value


def terminal_text(text: str) -> str:
    """``text`` for a terminal: every unsafe character escaped as in :func:`printable` except the
    newlines and tabs the program itself writes (a carriage return, which can overwrite a line, is
    escaped too)."""
    if not any(unsafe(ch) for ch in text):
        return text
    return "\n".join("\t".join(printable(part) for part in line.split("\t")) for line in text.split("\n"))


def printable(value: object) -> str:
    """``str(value)`` with every unsafe character written as a visible escape (``\\n``, ``\\x1b``,
    ``\\u202e``), so that text from a file can neither forge a line nor reorder or hide what follows."""
    text = str(value)
    if not any(unsafe(ch) for ch in text):
        return text
    out = []
    for ch in text:
        if not unsafe(ch):
            out.append(ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)
