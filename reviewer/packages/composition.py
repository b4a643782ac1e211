"""The panel's composition checked at sealing, against the rules file (:mod:`reviewer.standards.panel_rules`).

Which rules: ``--panel-rules FILE`` when given, else the authority folder's ``panel-rules.json``
when the ministry keeps one, else the file shipped with the app. Every roster member counts (the
chair included); a member's organisation is the enrolled one (the credential's), their category
(专家 expert / 采购人或主管部门代表 representative) is the one recorded at enrolment (default: expert).

A rule whose action is ``refuse`` stops the sealing (:class:`~reviewer.errors.CompositionRefused`,
naming the rule, its source and what to change); a ``warn`` rule lets it go on, and the warning is
recorded with the sealing in the authority's ledger (``composition_warnings``) and printed.

    rules = rules_for(authority, override)
    warnings = check_composition(rules, seats_of(authority, panel))   # raises on a refusal
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.errors import CompositionRefused
from reviewer.i18n import T, Text
from reviewer.standards.panel_rules import EXPERT, REPRESENTATIVE, Finding, PanelRules, Seat, load_panel_rules

if TYPE_CHECKING:
    from reviewer.packages.seal import PanelMember
    from reviewer.trust.authority import Authority

RULES_FILE = "panel-rules.json"  # in the authority folder: the ministry's own rules
CATEGORIES = (EXPERT, REPRESENTATIVE)
CATEGORY_LABELS = {
    EXPERT: T("专家", "expert"),
    REPRESENTATIVE: T("采购人或主管部门代表", "representative"),
}


RULE_LABELS = {
    "min-size": T("人数下限", "min-size"),
    "max-size": T("人数上限", "max-size"),
    "odd-size": T("人数为单数", "odd-size"),
    "expert-share": T("专家比例", "expert-share"),
    "max-per-org": T("同一单位人数", "max-per-org"),
}


def rule_label(rule: str) -> Text:
    """A composition rule as a person reads it (Chinese), or its code (English)."""
    return RULE_LABELS.get(rule, T(rule, rule))


def category_label(category: str) -> Text:
    return CATEGORY_LABELS.get(category, CATEGORY_LABELS[EXPERT])


def rules_for(authority_dir: str | Path, override: str | Path | None = None) -> PanelRules:
    """The rules a sealing applies: ``override``, else ``<authority>/panel-rules.json``, else the shipped
    file. A file that is missing (when named) or invalid is :class:`~reviewer.errors.InvalidInput`."""
    if override is not None:
        return load_panel_rules(override)
    own = Path(authority_dir) / RULES_FILE
    return load_panel_rules(own if own.exists() else None)


def enrolled_categories(ledger: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each enrolled certificate's category (by its SHA-256), from the ledger's ``enrolled`` records."""
    return {
        str(e.get("cert_sha256", "")): category_of(e)
        for e in ledger
        if e.get("event") == "enrolled" and e.get("cert_sha256")
    }


def category_of(entry: dict[str, Any]) -> str:
    category = entry.get("category")
    return category if category in CATEGORIES else EXPERT  # enrolled before categories: an expert


def seats_of(authority: Authority, panel: Sequence[PanelMember]) -> list[Seat]:
    """The panel as the rules see it: name, enrolled organisation and category of every member."""
    categories = enrolled_categories(authority.ledger())
    return [
        Seat(m.credential.name, m.credential.org, categories.get(m.credential.fingerprint, EXPERT))
        for m in panel
    ]


def check_composition(rules: PanelRules, seats: Sequence[Seat]) -> list[Finding]:
    """The warnings of ``rules`` for ``seats``; raise :class:`CompositionRefused` when a rule refuses them."""
    findings = rules.check_composition(seats)
    refusals = [f for f in findings if f.refuses]
    if refusals:
        raise refusal(rules, seats, refusals)
    return findings


def refusal(rules: PanelRules, seats: Sequence[Seat], refusals: Sequence[Finding]) -> CompositionRefused:
    reasons = [T("〔{rule}〕{finding}；{advice}", "[{rule}] {finding}.{advice}", rule=rule_label(f.rule),
                 finding=f.full(), advice=advice(rules, seats, f)) for f in refusals]  # fmt: skip
    return CompositionRefused(
        T(
            "专家组的组成不符合专家组规则，不能封装。{reasons}",
            "The panel's composition breaks the panel rules; it cannot be sealed. {reasons}",
            reasons=_join(reasons),
        ),
        rules=tuple(f.rule for f in refusals),
    )


def _join(parts: Sequence[Text]) -> Text:
    zh = "".join(f"{{p{i}}}" for i in range(len(parts)))
    en = " ".join(f"{{p{i}}}" for i in range(len(parts)))
    return T(zh, en, **{f"p{i}": p for i, p in enumerate(parts)})


def _value(rules: PanelRules, rule: str) -> Any:
    return next((r.value for r in rules.composition if r.rule == rule), None)


def advice(rules: PanelRules, seats: Sequence[Seat], finding: Finding) -> Text:
    """What to change so that the panel keeps ``finding``'s rule (with a leading separator)."""
    value = _value(rules, finding.rule)
    if finding.rule == "min-size":
        return T("请增加成员，使专家组不少于 {n} 人。", " Add members: at least {n}.", n=value)
    if finding.rule == "max-size":
        return T("请减少成员，使专家组不多于 {n} 人。", " Remove members: at most {n}.", n=value)
    if finding.rule == "odd-size":
        return T(
            "请增加或减少一名成员，使人数为单数。", " Add or remove one member so that the number is odd."
        )
    if finding.rule == "expert-share":
        return T(
            "请增加专家，或以专家替换一名代表。",
            " Add experts, or replace a representative with an expert.",
        )
    if finding.rule == "max-per-org":
        counts = Counter(s.org for s in seats)
        org = max(counts, key=lambda o: (counts[o], o)) if counts else ""
        return T(
            "请将来自“{org}”的一名成员替换为其他单位的专家。",
            " Replace a member from “{org}” with an expert from another organisation.",
            org=org,
        )
    return T("", "")


def warning_text(finding: Finding) -> Text:
    """A warning as printed and shown before sealing."""
    return T("警告〔{rule}〕{finding}", "Warning [{rule}] {finding}", rule=rule_label(finding.rule),
             finding=finding.full())  # fmt: skip


def warning_records(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """The warnings as recorded with the sealing in the ledger (``composition_warnings``)."""
    return [
        {
            "rule": f.rule,
            "action": f.action,
            "message": {"zh": f.full().render("zh_CN"), "en": f.full().render("en")},
            "source": {"zh": f.source.zh, "en": f.source.en},
        }
        for f in findings
    ]
