"""The panel's procedure as data: ``reviewer/resources/rules/panel-rules.json`` (``reviewer.panel-rules/1``).

Chinese review rules fix how a panel is composed, when an aggregated score may change and how the
panel approves what it signs (``docs/panel-procedure.md`` names each rule and its source). The
ministry keeps them in a rules file, checked against its schema; the sealer applies the
composition rules and seals the whole file into the package (``procedure.json``), so the chair's
app, every member's app and the ministry's recomputation use the very rules the panel was sealed
under.

    rules = load_panel_rules()                        # the shipped file, or a path
    findings = rules.check_composition(members)       # [] or the rules broken, each refuse or warn
    rules.change_approval.reached(approvals=3, voters=5)   # True: more than half
    rules.ground("extreme")                            # the §64 ground, or None

Pure: no files but the loader, no clock, no Qt.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text
from reviewer.paths import resource

FORMAT = "reviewer.panel-rules/1"
RULES = ("min-size", "max-size", "odd-size", "expert-share", "max-per-org")
REFUSE, WARN = "refuse", "warn"
EXPERT, REPRESENTATIVE = "expert", "representative"  # a member's category (专家 / 代表)


def default_panel_rules_path() -> Path:
    return resource("rules", "panel-rules.json")


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource("rules", "panel-rules.schema.json").read_text("utf-8"))
    return loaded


@dataclass(frozen=True)
class Source:
    """Where a rule comes from, in both languages."""

    zh: str
    en: str

    def text(self) -> Text:
        return T(self.zh, self.en)


@dataclass(frozen=True)
class Approval:
    """How many of the voting members must approve: more than (``strict``) or at least ``share`` of them."""

    share: Fraction
    strict: bool

    def needed(self, voters: int) -> int:
        """The smallest number of approvals that reaches the rule among ``voters`` members."""
        exact = self.share * voters
        floor = exact.numerator // exact.denominator
        if self.strict:
            return floor + 1
        return floor if floor == exact else floor + 1

    def reached(self, approvals: int, voters: int) -> bool:
        return voters > 0 and approvals >= self.needed(voters)

    def describe(self) -> Text:
        share = f"{self.share.numerator}/{self.share.denominator}"
        if self.strict:
            return T("超过 {share}", "more than {share}", share=share)
        return T("不少于 {share}", "at least {share}", share=share)


@dataclass(frozen=True)
class CompositionRule:
    rule: str  # one of RULES
    action: str  # "refuse" or "warn"
    source: Source
    value: int | Fraction | None = None  # min-size/max-size/max-per-org: int; expert-share: Fraction


@dataclass(frozen=True)
class Ground:
    """A ground on which an aggregated score may change (财政部令第87号第六十四条)."""

    code: str
    zh: str
    en: str

    def text(self) -> Text:
        return T(self.zh, self.en)


@dataclass(frozen=True)
class Seat:
    """One member of a proposed panel, as the composition rules see it."""

    name: str
    org: str
    category: str = EXPERT  # "expert" or "representative"


@dataclass(frozen=True)
class Finding:
    """A composition rule the panel breaks: what it says, whether it refuses or warns, its source."""

    rule: str
    action: str
    message: Text
    source: Source

    @property
    def refuses(self) -> bool:
        return self.action == REFUSE

    def full(self) -> Text:
        return T(
            "{message}（依据：{source}）",
            "{message} (rule: {source})",
            message=self.message,
            source=self.source.text(),
        )


@dataclass(frozen=True)
class PanelRules:
    version: str
    source: Source
    composition: tuple[CompositionRule, ...]
    grounds: tuple[Ground, ...]
    changes_source: Source
    change_approval: Approval
    opinion_approval: Approval
    opinion_source: Source
    signing_source: Source
    document: bytes  # the canonical JSON of the rules, as sealed into a package (``procedure.json``)

    def ground(self, code: str) -> Ground | None:
        return next((g for g in self.grounds if g.code == code), None)

    def check_composition(self, seats: Sequence[Seat]) -> list[Finding]:
        """Every composition rule ``seats`` breaks, in the file's order (refusals and warnings alike)."""
        findings: list[Finding] = []
        size = len(seats)
        for rule in self.composition:
            message = _broken(rule, seats, size)
            if message is not None:
                findings.append(Finding(rule.rule, rule.action, message, rule.source))
        return findings


def _broken(rule: CompositionRule, seats: Sequence[Seat], size: int) -> Text | None:
    if rule.rule == "min-size" and isinstance(rule.value, int) and size < rule.value:
        return T(
            "专家组共 {n} 人，少于规定的 {min} 人",
            "The panel has {n} members, fewer than the {min} required",
            n=size,
            min=rule.value,
        )
    if rule.rule == "max-size" and isinstance(rule.value, int) and size > rule.value:
        return T(
            "专家组共 {n} 人，多于规定的 {max} 人",
            "The panel has {n} members, more than the {max} allowed",
            n=size,
            max=rule.value,
        )
    if rule.rule == "odd-size" and size % 2 == 0:
        return T(
            "专家组共 {n} 人，应为单数",
            "The panel has {n} members; it must have an odd number",
            n=size,
        )
    if rule.rule == "expert-share" and isinstance(rule.value, Fraction) and size:
        experts = sum(1 for s in seats if s.category == EXPERT)
        if Fraction(experts, size) < rule.value:
            share = f"{rule.value.numerator}/{rule.value.denominator}"
            return T(
                "专家组 {n} 人中专家 {experts} 人，不足 {share}",
                "{experts} of the panel's {n} members are experts, fewer than {share}",
                n=size,
                experts=experts,
                share=share,
            )
    if rule.rule == "max-per-org" and isinstance(rule.value, int):
        counts = Counter(s.org for s in seats)
        crowded = sorted(org for org, n in counts.items() if n > rule.value)
        if crowded:
            org = crowded[0]
            return T(
                "来自同一单位（{org}）的成员有 {n} 人，多于规定的 {max} 人",
                "{n} members come from one organisation ({org}), more than the {max} allowed",
                org=org,
                n=counts[org],
                max=rule.value,
            )
    return None


def _where(error: jsonschema.ValidationError) -> str:
    return "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "/"


def _fraction(text: str) -> Fraction:
    num, den = text.split("/")
    return Fraction(int(num), int(den))


def _approval(doc: dict[str, Any]) -> Approval:
    return Approval(_fraction(doc["share"]), bool(doc["strict"]))


def _source(doc: dict[str, Any]) -> Source:
    return Source(doc["zh"], doc["en"])


def canonical(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def parse_panel_rules(doc: Any, source: str = "panel-rules.json") -> PanelRules:
    """Validate ``doc`` (parsed JSON) and build the rules; every problem is named with its path."""
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    problems = [f"{_where(e)}: {e.message}" for e in errors[:10]]
    if not errors:
        codes = [g["code"] for g in doc["changes"]["grounds"]]
        if len(set(codes)) != len(codes):
            problems.append("/changes/grounds: a ground code is repeated")
        rules = [r["rule"] for r in doc["composition"]]
        if len(set(rules)) != len(rules):
            problems.append("/composition: a rule is given twice")
        for i, r in enumerate(doc["composition"]):
            if r["rule"] == "expert-share" and _fraction(r["value"]) > 1:
                problems.append(f"/composition/{i}/value: a share above 1")
        for key in ("changes", "opinion"):
            if not errors and _fraction(doc[key]["approval"]["share"]) > 1:
                problems.append(f"/{key}/approval/share: a share above 1")
    if problems:
        raise InvalidInput(
            T(
                "专家组规则文件 {path} 无效：{errors}。请改正该文件，或使用随软件提供的规则文件。",
                "The panel rules file {path} is not valid: {errors}. Correct the file, or use the one "
                "shipped with the app.",
                path=source,
                errors="; ".join(problems),
            )
        )
    composition = tuple(
        CompositionRule(
            rule=r["rule"],
            action=r["action"],
            source=_source(r["source"]),
            value=_fraction(r["value"]) if r["rule"] == "expert-share" else r.get("value"),
        )
        for r in doc["composition"]
    )
    return PanelRules(
        version=doc["version"],
        source=_source(doc["source"]),
        composition=composition,
        grounds=tuple(Ground(g["code"], g["zh"], g["en"]) for g in doc["changes"]["grounds"]),
        changes_source=_source(doc["changes"]["source"]),
        change_approval=_approval(doc["changes"]["approval"]),
        opinion_approval=_approval(doc["opinion"]["approval"]),
        opinion_source=_source(doc["opinion"]["source"]),
        signing_source=_source(doc["signing"]["source"]),
        document=canonical(doc),
    )


def panel_rules_from_bytes(data: bytes, source: str = "procedure.json") -> PanelRules:
    """The rules as sealed into a package or carried in a bundle (UTF-8 JSON)."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            T(
                "专家组规则文件 {path} 不是有效的 JSON：{err}",
                "The panel rules file {path} is not valid JSON: {err}",
                path=source,
                err=str(exc),
            )
        ) from exc
    return parse_panel_rules(doc, source)


def load_panel_rules(path: str | Path | None = None) -> PanelRules:
    """The rules from ``path`` (default: the shipped ``reviewer/resources/rules/panel-rules.json``)."""
    path = Path(path) if path else default_panel_rules_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInput(
            T("找不到专家组规则文件 {path}。", "The panel rules file {path} does not exist.", path=str(path))
        ) from exc
    return panel_rules_from_bytes(data, str(path))
