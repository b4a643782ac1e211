"""Reading the panel's decisions file (``reviewer.decisions/2``) strictly, with the path of a bad field.

    decisions = parse_decisions(data)                         # the canonical form: who/when everywhere
    decisions = parse_decisions(data, default_by=chair, default_at="2026-06-17T08:00:00Z")
                                                              # a hand-written draft: who/when filled in
    check_decisions(decisions, standard, roster)              # codes, experts and deciders exist

Every problem raises :class:`DecisionsInvalid` (an ``InvalidInput``, exit code 3) whose ``path``
names the field (``consensus[0].rationale``) both as an attribute and in its bilingual message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text
from reviewer.scoring.decisions import (
    EARLIER_FORMATS,
    FORMAT,
    ROLES,
    VOTES,
    Actor,
    CastVote,
    ConsensusDecision,
    DissentDecision,
    ExplanationDecision,
    Opinion,
    PanelDecisions,
    ReturnDecision,
    VisitInfo,
)
from reviewer.scoring.file_help import DECISIONS_FILE
from reviewer.standards.model import Standard
from reviewer.standards.panel_rules import PanelRules
from reviewer.trust import clock
from reviewer.trust.encoding import parse_json

HEX64 = re.compile(r"^[0-9a-f]{64}$")
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
MAX_TEXT = 20_000
MAX_FILE = 4 * 1024 * 1024


# What the chair's screens call a field of the decisions file: (section, field) → words.
_FIELD_WORDS = {
    ("opinion", "strengths"): T("专家组意见的“主要成效与特色”", "the panel opinion's strengths"),
    ("opinion", "problems"): T("专家组意见的“存在的问题”", "the panel opinion's problems"),
    ("opinion", "recommendations"): T("专家组意见的“意见和建议”", "the panel opinion's recommendations"),
    ("opinion", "conclusion"): T("专家组意见的“评审结论意见”", "the panel opinion's conclusion wording"),
    ("consensus", "value"): T("共识分", "the consensus score"),
    ("consensus", "rationale"): T("共识分的理由", "the reason for the consensus score"),
    ("consensus", "ground"): T("共识分的变更依据", "the ground of the consensus score"),
    ("consensus", "votes"): T("共识分的表决", "the votes on the consensus score"),
    ("opinion", "votes"): T("对专家组意见的表决", "the votes on the panel opinion"),
    ("dissents", "statement_sha256"): T("保留意见的签名声明", "the dissent's signed statement"),
    ("explanations", "text"): T("专家的说明", "the expert's explanation"),
    ("returns", "reason"): T("退回更正的理由", "the reason for returning the sheet"),
    ("returns", "codes"): T("退回更正的指标", "the indicators returned for correction"),
    ("dissents", "text"): T("保留意见", "the dissent"),
    ("visit", "dates"): T("实地考察的日期", "the site visit's dates"),
    ("visit", "place"): T("实地考察的地点", "the site visit's place"),
}
_SECTION_WORDS = {
    "opinion": T("专家组意见", "the panel opinion"),
    "consensus": T("共识分", "a consensus score"),
    "explanations": T("专家的说明", "an expert's explanation"),
    "returns": T("退回更正", "a return for correction"),
    "dissents": T("保留意见", "a dissent"),
    "visit": T("实地考察", "the site visit"),
}


def field_words(path: str) -> Text:
    """A field of the decisions file (``opinion.conclusion``, ``dissents[0].text``) in the words of
    the chair's screens (专家组意见的“评审结论意见”), for a person who never sees the file."""
    names = re.findall(r"[a-z_]+", path)
    if not names:
        return T("组长的决定", "the chair's decisions")
    return _FIELD_WORDS.get((names[0], names[-1])) or _SECTION_WORDS.get(
        names[0], T("组长的决定", "the chair's decisions")
    )


class DecisionsInvalid(InvalidInput):
    """The decisions file (or a decision entered) is not valid; ``path`` names the field at fault
    (in the app, the field is named in the words of its screens)."""

    def __init__(self, path: str, message: Text) -> None:
        super().__init__(
            T(
                "组长决定无效：{path}：{why}",
                "invalid chair's decisions: {path}: {why}",
                path=path or "/",
                why=message,
            ).in_app(
                T(
                    "组长的决定有误：{field}{why}。",
                    "The chair's decisions are not valid: {field} {why}.",
                    field=field_words(path),
                    why=message,
                )
            )
        )
        self.path = path


def _bad(path: str, zh: str, en: str, **args: object) -> DecisionsInvalid:
    return DecisionsInvalid(path, T(zh, en, **args))


class _Reader:
    def __init__(self, default_by: Actor | None, default_at: str | None) -> None:
        self.default_by = default_by
        self.default_at = default_at

    # -- primitives --
    def obj(self, value: Any, path: str, keys: Iterable[str], optional: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _bad(path, "应为对象", "an object is expected")
        allowed = set(keys) | set(optional)
        extra = sorted(set(value) - allowed)
        if extra:
            raise _bad(f"{path}.{extra[0]}".lstrip("."), "未知字段", "unknown field")
        for key in keys:
            if key not in value:
                raise _bad(f"{path}.{key}".lstrip("."), "缺少此字段", "this field is missing")
        return value

    def text(self, value: Any, path: str, *, blank: bool = False) -> str:
        if not isinstance(value, str):
            raise _bad(path, "应为文本", "text is expected")
        if len(value) > MAX_TEXT:
            raise _bad(path, "文本过长", "the text is too long")
        if not blank and not value.strip():
            raise _bad(path, "不能为空", "must not be blank")
        return value.strip()

    def texts(self, value: Any, path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise _bad(path, "应为文本列表", "a list of texts is expected")
        return tuple(self.text(v, f"{path}[{i}]") for i, v in enumerate(value))

    def fingerprint(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not HEX64.match(value):
            raise _bad(
                path,
                "应为 64 位小写十六进制证书指纹",
                "a certificate fingerprint (64 lower-case hex) is expected",
            )
        return value

    def at(self, doc: dict[str, Any], path: str) -> str:
        if "at" not in doc:
            if self.default_at is None:
                raise _bad(f"{path}.at", "缺少时间", "the time is missing")
            return self.default_at
        value = doc["at"]
        try:
            clock.parse_iso(value)
        except (TypeError, ValueError):
            raise _bad(
                f"{path}.at",
                "应为 UTC 时间，如 2026-06-17T08:00:00Z",
                "a UTC time like 2026-06-17T08:00:00Z is expected",
            ) from None
        return str(value)

    def actor(self, doc: dict[str, Any], path: str) -> Actor:
        if "by" not in doc:
            if self.default_by is None:
                raise _bad(f"{path}.by", "缺少决定人", "who decided is missing")
            return self.default_by
        d = self.obj(doc["by"], f"{path}.by", ("name", "fingerprint", "role"))
        role = d["role"]
        if role not in ROLES:
            raise _bad(f"{path}.by.role", "应为 chair 或 expert", "chair or expert is expected")
        return Actor(
            self.text(d["name"], f"{path}.by.name"),
            self.fingerprint(d["fingerprint"], f"{path}.by.fingerprint"),
            role,
        )

    def decimal(self, value: Any, path: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise _bad(path, '应为数值文本，如 "4.5"', 'a number written as text, like "4.5", is expected')
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise _bad(path, "不是数值", "not a number") from None
        if not number.is_finite():
            raise _bad(path, "不是有限数值", "not a finite number")
        return number

    def items(self, doc: dict[str, Any], key: str) -> list[tuple[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list):
            raise _bad(key, "应为列表", "a list is expected")
        return [(f"{key}[{i}]", v) for i, v in enumerate(value)]

    # -- decisions --
    WHO = ("by", "at")

    def digest(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not HEX64.match(value):
            raise _bad(path, "应为 64 位小写十六进制摘要", "a digest (64 lower-case hex) is expected")
        return value

    def motion(self, d: dict[str, Any], path: str) -> str | None:
        value = d.get("motion_sha256")
        return None if value is None else self.digest(value, f"{path}.motion_sha256")

    def votes(self, d: dict[str, Any], path: str) -> tuple[CastVote, ...]:
        value = d.get("votes", [])
        if not isinstance(value, list):
            raise _bad(f"{path}.votes", "应为列表", "a list is expected")
        out = []
        for i, item in enumerate(value):
            q = f"{path}.votes[{i}]"
            v = self.obj(item, q, ("expert", "vote", "statement_sha256"))
            if v["vote"] not in VOTES:
                raise _bad(f"{q}.vote", "应为 approve 或 object", "approve or object is expected")
            out.append(
                CastVote(
                    self.fingerprint(v["expert"], f"{q}.expert"),
                    v["vote"],
                    self.digest(v["statement_sha256"], f"{q}.statement_sha256"),
                )
            )
        _unique(
            [(f"{path}.votes[{i}]", v.expert) for i, v in enumerate(out)],
            T("同一成员有两次表决", "a second vote of the same member"),
        )
        if out and self.motion(d, path) is None:
            raise _bad(f"{path}.motion_sha256", "有表决须注明表决提请", "votes need the motion they answer")
        return tuple(out)

    VOTED = ("motion_sha256", "votes")

    def consensus(self, v: Any, p: str) -> ConsensusDecision:
        d = self.obj(v, p, ("code", "value", "rationale", "ground"), (*self.WHO, *self.VOTED))
        return ConsensusDecision(
            self.text(d["code"], f"{p}.code"),
            self.decimal(d["value"], f"{p}.value"),
            self.text(d["rationale"], f"{p}.rationale"),
            self.actor(d, p),
            self.at(d, p),
            self.text(d["ground"], f"{p}.ground"),
            self.motion(d, p),
            self.votes(d, p),
        )

    def explanation(self, v: Any, p: str) -> ExplanationDecision:
        d = self.obj(v, p, ("expert", "code", "text"), self.WHO)
        return ExplanationDecision(
            self.fingerprint(d["expert"], f"{p}.expert"),
            self.text(d["code"], f"{p}.code"),
            self.text(d["text"], f"{p}.text"),
            self.actor(d, p),
            self.at(d, p),
        )

    def ret(self, v: Any, p: str) -> ReturnDecision:
        d = self.obj(v, p, ("expert", "revision", "codes", "reason", "notice_sha256"), self.WHO)
        rev = d["revision"]
        if isinstance(rev, bool) or not isinstance(rev, int) or rev < 1:
            raise _bad(f"{p}.revision", "应为不小于 1 的整数", "an integer of at least 1 is expected")
        codes = self.texts(d["codes"], f"{p}.codes")
        if not codes:
            raise _bad(f"{p}.codes", "至少列出一项指标", "name at least one indicator")
        return ReturnDecision(
            self.fingerprint(d["expert"], f"{p}.expert"),
            rev,
            tuple(sorted(set(codes))),
            self.text(d["reason"], f"{p}.reason"),
            self.fingerprint(d["notice_sha256"], f"{p}.notice_sha256"),
            self.actor(d, p),
            self.at(d, p),
        )

    def opinion(self, v: Any, p: str) -> Opinion:
        d = self.obj(
            v, p, ("strengths", "problems", "recommendations", "conclusion"), (*self.WHO, *self.VOTED)
        )
        return Opinion(
            self.texts(d["strengths"], f"{p}.strengths"),
            self.texts(d["problems"], f"{p}.problems"),
            self.texts(d["recommendations"], f"{p}.recommendations"),
            self.text(d["conclusion"], f"{p}.conclusion"),
            self.actor(d, p),
            self.at(d, p),
            self.motion(d, p),
            self.votes(d, p),
        )

    def dissent(self, v: Any, p: str) -> DissentDecision:
        d = self.obj(v, p, ("expert", "text", "statement_sha256"), self.WHO)
        return DissentDecision(
            self.fingerprint(d["expert"], f"{p}.expert"),
            self.text(d["text"], f"{p}.text"),
            self.actor(d, p),
            self.at(d, p),
            self.digest(d["statement_sha256"], f"{p}.statement_sha256"),
        )

    def visit(self, v: Any, p: str) -> VisitInfo:
        d = self.obj(v, p, ("dates", "place"))
        dates = self.texts(d["dates"], f"{p}.dates")
        if not dates:
            raise _bad(f"{p}.dates", "至少给出一天", "give at least one day")
        for i, day in enumerate(dates):
            try:
                if not DAY.match(day):
                    raise ValueError(day)
                date.fromisoformat(day)
            except ValueError:
                raise _bad(
                    f"{p}.dates[{i}]", "应为日期，如 2026-06-16", "a date like 2026-06-16 is expected"
                ) from None
        return VisitInfo(tuple(sorted(set(dates))), self.text(d["place"], f"{p}.place"))


def _unique(keys: list[tuple[str, Any]], what: Text) -> None:
    seen: set[Any] = set()
    for path, key in keys:
        if key in seen:
            raise DecisionsInvalid(path, what)
        seen.add(key)


def decisions_from_dict(
    doc: Any, *, default_by: Actor | None = None, default_at: str | None = None
) -> PanelDecisions:
    r = _Reader(default_by, default_at)
    top = r.obj(
        doc,
        "",
        ("format", "package_id"),
        ("consensus", "explanations", "returns", "opinion", "dissents", "visit"),
    )
    if top["format"] in EARLIER_FORMATS:
        raise _bad(
            "format",
            "{f} 由较早版本的 reviewer 制作（变更未经专家组表决、保留意见未经本人签名），本版本不再接受；"
            "请在本版本中重新作出决定并提请专家组表决",
            "{f} was made by an earlier release (changes not voted on by the panel, dissents not signed "
            "by their authors) and is no longer accepted; make the decisions again in this release and "
            "put them to the panel",
            f=top["format"],
        )
    if top["format"] != FORMAT:
        raise _bad("format", "应为 {f}", "{f} is expected", f=FORMAT)
    consensus = [(p, r.consensus(v, p)) for p, v in r.items(top, "consensus")]
    _unique(
        [(p, c.code) for p, c in consensus],
        T("同一指标有两项共识分", "a second consensus score for the same indicator"),
    )
    explanations = [(p, r.explanation(v, p)) for p, v in r.items(top, "explanations")]
    _unique(
        [(p, (e.expert, e.code)) for p, e in explanations],
        T("同一专家同一指标有两项说明", "a second explanation for the same expert and indicator"),
    )
    returns = [r.ret(v, p) for p, v in r.items(top, "returns")]
    dissents = [(p, r.dissent(v, p)) for p, v in r.items(top, "dissents")]
    _unique(
        [(p, d.expert) for p, d in dissents],
        T("同一成员有两项保留意见", "a second dissent of the same member"),
    )
    opinion = None if top.get("opinion") is None else r.opinion(top["opinion"], "opinion")
    visit = None if top.get("visit") is None else r.visit(top["visit"], "visit")
    return PanelDecisions(
        package_id=r.text(top["package_id"], "package_id"),
        consensus=tuple(c for _, c in consensus),
        explanations=tuple(e for _, e in explanations),
        returns=tuple(returns),
        opinion=opinion,
        dissents=tuple(d for _, d in dissents),
        visit=visit,
    )


def parse_decisions(
    data: bytes | str, *, default_by: Actor | None = None, default_at: str | None = None
) -> PanelDecisions:
    """Strictly read a decisions file. ``default_by``/``default_at`` fill a missing ``by``/``at``
    (a draft written by hand); without them every decision must say who and when."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_FILE:
        raise _bad("", "文件过大", "the file is too large")
    try:
        doc = parse_json(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad("", "不是有效的 JSON（{err}）", "not valid JSON ({err})", err=str(exc)) from exc
    return decisions_from_dict(doc, default_by=default_by, default_at=default_at)


def check_decisions(
    decisions: PanelDecisions,
    standard: Standard,
    roster: Mapping[str, str],
    package_id: str,
    rules: PanelRules | None = None,
) -> None:
    """The decisions belong to this package: codes of this standard, experts and deciders on the roster.

    ``roster`` maps each member's fingerprint to their role (``chair`` / ``expert``). Value ranges
    and steps of consensus scores are the engine's checks (``reviewer.scoring.validate``).
    """
    if decisions.package_id != package_id:
        raise _bad(
            "package_id",
            "属于另一个评审包（{other}），不是本评审包（{this}）",
            "belongs to another package ({other}), not {this}",
            other=decisions.package_id,
            this=package_id,
        )
    leaves = {leaf.code for leaf in standard.leaves()}
    returnable = leaves | {i.code for i in standard.yes_no}

    def member(path: str, fp: str) -> None:
        if fp not in roster:
            raise _bad(path, "不是本专家组成员", "not a member of this panel")

    def decider(path: str, actor: Actor, *, chair: bool = True) -> None:
        member(f"{path}.by.fingerprint", actor.fingerprint)
        if roster[actor.fingerprint] != actor.role:
            raise _bad(f"{path}.by.role", "与专家组名单不符", "differs from the roster")
        if chair and actor.role != "chair":
            raise _bad(f"{path}.by", "只有组长可以作出此项决定", "only the chair can decide this")

    for i, c in enumerate(decisions.consensus):
        if c.code not in leaves:
            raise _bad(
                f"consensus[{i}].code",
                "不是评审标准中的评分指标：{c}",
                "not a scored indicator of the standard: {c}",
                c=c.code,
            )
        decider(f"consensus[{i}]", c.by)
        if not c.ground.strip():
            raise _bad(
                f"consensus[{i}].ground",
                "须注明变更依据（财政部令第87号第六十四条所列情形之一）",
                "must name its ground (one of the cases of MOF Order No. 87 art. 64)",
            )
        if rules is not None and rules.ground(c.ground) is None:
            raise _bad(
                f"consensus[{i}].ground",
                "不是规则允许的变更依据：{g}（可选：{all}）",
                "not a ground the rules allow: {g} (allowed: {all})",
                g=c.ground,
                all=", ".join(g.code for g in rules.grounds),
            )
        for j, v in enumerate(c.votes):
            member(f"consensus[{i}].votes[{j}].expert", v.expert)
            if roster[v.expert] == "chair":
                raise _bad(
                    f"consensus[{i}].votes[{j}]",
                    "组长以表决提请表明同意，不另行表决",
                    "the chair approves by the motion and does not vote",
                )
    for i, e in enumerate(decisions.explanations):
        if e.code not in leaves:
            raise _bad(
                f"explanations[{i}].code", "不是评分指标：{c}", "not a scored indicator: {c}", c=e.code
            )
        member(f"explanations[{i}].expert", e.expert)
        decider(f"explanations[{i}]", e.by, chair=False)
    for i, ret in enumerate(decisions.returns):
        unknown = [c for c in ret.codes if c not in returnable]
        if unknown:
            raise _bad(
                f"returns[{i}].codes",
                "不是评分指标或是/否项：{c}",
                "not an indicator or yes/no item: {c}",
                c=", ".join(unknown),
            )
        member(f"returns[{i}].expert", ret.expert)
        decider(f"returns[{i}]", ret.by)
    if decisions.opinion is not None:
        decider("opinion", decisions.opinion.by)
        for j, v in enumerate(decisions.opinion.votes):
            member(f"opinion.votes[{j}].expert", v.expert)
            if roster[v.expert] == "chair":
                raise _bad(
                    f"opinion.votes[{j}]",
                    "组长以表决提请表明同意，不另行表决",
                    "the chair approves by the motion and does not vote",
                )
    for i, d in enumerate(decisions.dissents):
        member(f"dissents[{i}].expert", d.expert)
        decider(f"dissents[{i}]", d.by, chair=False)
        if d.by.fingerprint != d.expert:
            raise _bad(
                f"dissents[{i}].by",
                "保留意见只能由持保留意见的成员本人签署提交，组长不能代为填写",
                "a dissent is written and signed by the dissenting member; the chair cannot enter it for them",
            )
        if not HEX64.match(d.statement_sha256):
            raise _bad(
                f"dissents[{i}].statement_sha256",
                "须为该成员签名声明的摘要",
                "must be the digest of the member's signed statement",
            )


FILE_HELP = DECISIONS_FILE  # the format, as `panel reconcile --help` shows it
