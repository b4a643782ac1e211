"""``reviewer docs --pdf OUT_DIR``: the user guides shipped with the app, as PDFs to print.

Each guide is written to ``OUT_DIR`` named by its title (``专家使用指南.pdf``), set in the embedded
font with the app's version and the guide's date on every page (:mod:`reviewer.guides.pdf`). By
default every guide in Chinese; ``--lang en`` or ``all``, ``--doc NAME`` for one. A guide or an
image that is missing ends the command with exit 3 (the PDFs already written stay).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from reviewer.errors import UsageError
from reviewer.i18n import T

# The guides' names, for --help (reviewer.guides.source.DOCS; a test keeps the two the same).
# Not imported here: building the parser loads no Markdown reader.
DOC_NAMES = "expert, chair, ministry, quick-expert, quick-chair, quick-ministry, troubleshooting"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "docs",
        help="the user guides as PDF / 使用指南（PDF）",
        description="Write the user guides shipped with the app as A4 PDFs (embedded fonts; the app's version "
        "and the guide's date on every page), one file per guide, named by its title.",
    )
    p.add_argument(
        "--pdf", metavar="OUT_DIR", type=Path, required=True, help="the folder to write the PDFs to"
    )
    p.add_argument(
        "--lang",
        dest="guide_lang",
        metavar="zh_CN|en|all",
        default="zh_CN",
        help="the guides' language (default: zh_CN)",
    )
    p.add_argument(
        "--doc", metavar="NAME|all", default="all", help=f"one guide ({DOC_NAMES}) or all (default)"
    )
    p.set_defaults(func=run)


def file_name(title: str, taken: set[str], fallback: str) -> str:
    """``title``.pdf, safe on every system; ``fallback``.pdf when that name is taken or empty."""
    stem = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", title).strip(" .")
    name = f"{stem}.pdf"
    if not stem or name.casefold() in taken:
        name = f"{fallback}.pdf"
    taken.add(name.casefold())
    return name


def _choose(value: str, known: tuple[str, ...], option: str) -> tuple[str, ...]:
    if value == "all":
        return known
    if value not in known:
        raise UsageError(
            T(
                "{option} 的取值 {value} 无效；可选：{known} 或 all。",
                "Invalid {option} {value}; choose one of {known}, or all.",
                option=option,
                value=value,
                known=", ".join(known),
            )
        )
    return (value,)


def run(args: argparse.Namespace) -> int:
    from reviewer import __version__
    from reviewer.guides.pdf import write_pdf
    from reviewer.guides.source import DOCS, LANGS, load

    langs = _choose(args.guide_lang, LANGS, "--lang")
    docs = _choose(args.doc, DOCS, "--doc")
    taken: set[str] = set()
    for lang in langs:
        for doc in docs:
            guide = load(doc, lang)
            out = Path(args.pdf) / file_name(guide.title, taken, f"{doc}-{lang}")
            write_pdf(guide, out, version=__version__)
            print(out)
    return 0
