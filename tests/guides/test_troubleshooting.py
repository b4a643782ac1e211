"""常见问题 has an entry for every exit code and every typed error, in both languages.

An entry of a typed error is a section whose id is the class name in kebab case (``#wrong-passphrase``
for ``WrongPassphrase``: the UI can link an error to its entry) and whose first line names the class
and its exit code (``代码：WrongPassphrase · 退出码 15`` / ``Code: WrongPassphrase · exit code 15``).
An exit code's entry is the section ``#exit-N`` with the code in its heading.
"""

from __future__ import annotations

import re

import pytest

from reviewer.errors import EXIT_CODES, ReviewerError
from tests.guides.guide_text import LANGS, Doc, path, read
from tests.guides.typed_errors import classes_in_source, typed_errors

CODE_LINE = {
    "zh_CN": re.compile(r"^代码：(\w+) · 退出码 (\d+)$"),
    "en": re.compile(r"^Code: (\w+) · exit code (\d+)$"),
}
# The heading says the code in the words of ``reviewer --help`` (``EXIT_CODES``).
EXIT_HEADING = {"zh_CN": "退出码 {n}：{words}", "en": "Exit code {n}: {words}"}


def kebab(name: str) -> str:
    """``NotANumber`` → ``not-a-number``: an entry's id."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", name).lower()


def entries(doc: Doc, lang: str) -> dict[str, tuple[str | None, int]]:
    """Class name → (id of its section, exit code written) for every code line of the page."""
    found: dict[str, tuple[str | None, int]] = {}
    for section in doc.sections:
        for line in section.lines:
            match = CODE_LINE[lang].match(line)
            if match:
                assert match[1] not in found, f"{doc.path.name} ({lang}): {match[1]} has two entries"
                assert section.lines[0] == line, f"{lang} #{section.id}: the code line comes first"
                found[match[1]] = (section.id, int(match[2]))
    return found


def problems(classes: tuple[type[ReviewerError], ...], found: dict[str, tuple[str | None, int]]) -> list[str]:
    """What the page lacks or gets wrong for ``classes`` (empty when every class has its entry)."""
    out = []
    for cls in classes:
        name = cls.__name__
        if name not in found:
            out.append(f"{name} ({cls.__module__}, exit {cls.exit_code}): no entry")
            continue
        anchor, code = found[name]
        if code != cls.exit_code:
            out.append(f"{name}: the entry says exit code {code}, the class has {cls.exit_code}")
        if anchor != kebab(name):
            out.append(f"{name}: the entry's id is {anchor!r}, expected {kebab(name)!r}")
    return out


def test_kebab() -> None:
    assert kebab("NotANumber") == "not-a-number"
    assert kebab("WrongPassphrase") == "wrong-passphrase"
    assert kebab("ReviewerError") == "reviewer-error"


def test_the_walk_finds_every_typed_error_in_the_source() -> None:
    """Importing every Qt-free module found each class the source defines (the Qt layer too)."""
    imported = {cls.__name__ for cls in typed_errors()}
    in_source = classes_in_source()
    unreached = {name: file for name, file in in_source.items() if name not in imported}
    assert unreached == {}, (
        "typed errors the import walk does not reach (the Qt layer?): define them in the core"
    )
    assert len(imported) >= 70  # the walk did reach the whole core
    assert {"ReviewerError", "CompositionRefused", "DiskFull", "RecordChanged"} <= imported


def test_a_new_typed_error_without_an_entry_is_reported() -> None:
    class BrandNewRefusal(ReviewerError):
        exit_code = 18

    found = {"BrandNewRefusal": ("brand-new-refusal", 18)}
    assert problems((BrandNewRefusal,), found) == []
    assert problems((BrandNewRefusal,), {}) == [f"BrandNewRefusal ({__name__}, exit 18): no entry"]
    assert problems((BrandNewRefusal,), {"BrandNewRefusal": ("refused", 3)}) == [
        "BrandNewRefusal: the entry says exit code 3, the class has 18",
        "BrandNewRefusal: the entry's id is 'refused', expected 'brand-new-refusal'",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_typed_error_has_an_entry(lang: str) -> None:
    found = entries(read(path("troubleshooting", lang)), lang)
    assert problems(typed_errors(), found) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_names_a_typed_error(lang: str) -> None:
    """No entry outlives its class (a renamed or removed error)."""
    found = entries(read(path("troubleshooting", lang)), lang)
    assert sorted(set(found) - {cls.__name__ for cls in typed_errors()}) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_exit_code_has_an_entry(lang: str) -> None:
    doc = read(path("troubleshooting", lang))
    missing = [n for n in EXIT_CODES if f"exit-{n}" not in doc.ids]
    assert missing == []
    for n in EXIT_CODES:
        section = doc.section(f"exit-{n}")
        assert section.heading == EXIT_HEADING[lang].format(n=n, words=EXIT_CODES[n][LANGS.index(lang)])
        assert section.lines, f"exit {n}: what it means and what to do"
    written = [int(i.removeprefix("exit-")) for i in doc.ids if re.fullmatch(r"exit-\d+", i)]
    assert written == sorted(EXIT_CODES)  # no entry for a code the app does not use, in order


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_says_the_message_and_what_to_do(lang: str) -> None:
    doc = read(path("troubleshooting", lang))
    said, do = ("提示：", "处理：") if lang == "zh_CN" else ("Message: ", "What to do: ")
    for name, (anchor, _code) in entries(doc, lang).items():
        lines = doc.section(str(anchor)).lines
        assert any(line.startswith(said) for line in lines), f"{name}: no {said!r}"
        assert any(line.startswith(do) for line in lines), f"{name}: no {do!r}"
