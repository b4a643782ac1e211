"""What an expert answers on a score sheet, checked against the standard, and its JSON form.

Plain frozen values (no crypto here): :class:`SheetAnswers` is what the workbench or a scores file
produces; :func:`check_answers` applies every rule of a finished sheet and reports *all* problems at
once, each naming its indicator; :func:`answers_to_json` / :func:`answers_from_json` are the exact
form inside a ``.rvsheet`` (``docs/sheet-format.md``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from reviewer.errors import InvalidInput
from reviewer.i18n import T, Text
from reviewer.scoring import entry
from reviewer.scoring.entry import ScoreEntryError
from reviewer.standards.model import Standard

HEX64 = re.compile(r"^[0-9a-f]{64}$")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class MaterialRef:
    """A page of one of the package's materials (its name as listed in the package)."""

    material: str
    page: int


@dataclass(frozen=True)
class FileRef:
    """A site-visit file attached by the expert (photo, note): its name and SHA-256."""

    name: str
    sha256: str


Evidence = MaterialRef | FileRef


def evidence_text(ref: Evidence) -> str:
    """One piece of evidence as the record prints it."""
    if isinstance(ref, MaterialRef):
        return f"{ref.material} p.{ref.page}"
    return f"{ref.name} (SHA-256 {ref.sha256[:16]}…)"


@dataclass(frozen=True)
class ScoreAnswer:
    score: Decimal | str  # canonical Decimal once checked; text as typed before
    comment: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class YesNoAnswer:
    answer: bool  # True: 是 / yes
    comment: str = ""


@dataclass(frozen=True)
class EligibilityAnswer:
    confirmed: bool  # False: flagged (a comment says why)
    comment: str = ""


@dataclass(frozen=True)
class FigureCheck:
    """An objective indicator's figure: confirmed (确认数据), or flagged (数据存疑) with a comment and
    evidence. The points are computed from the sealed figure, never scored by hand."""

    confirmed: bool
    comment: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Declarations:
    """Conflict of interest (none, or declared with a reason → recused) and the confidentiality pledge."""

    conflict_declared: bool = False
    conflict_reason: str = ""
    pledge_accepted: bool = False
    pledge_at: str | None = None  # ISO 8601 UTC, when the pledge was accepted


def _frozen(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class SheetAnswers:
    declarations: Declarations
    scores: Mapping[str, ScoreAnswer] = field(default_factory=dict)
    yes_no: Mapping[str, YesNoAnswer] = field(default_factory=dict)
    eligibility: Mapping[str, EligibilityAnswer] = field(default_factory=dict)
    figures: Mapping[str, FigureCheck] = field(default_factory=dict)  # objective leaves only

    def __post_init__(self) -> None:
        for name in ("scores", "yes_no", "eligibility", "figures"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))


class _Lines:
    """Renders a list of messages one per line, in the language current at rendering time."""

    def __init__(self, items: Sequence[Text]) -> None:
        self.items = tuple(items)

    def __format__(self, spec: str) -> str:
        return "\n".join(f"  - {item}" for item in self.items)


class SheetInvalid(InvalidInput):
    """A sheet cannot be finalised: every problem found, each naming its indicator or item."""

    def __init__(self, problems: Sequence[ScoreEntryError]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            T(
                "评分表有 {n} 处问题，未生成：\n{lines}",
                "The sheet has {n} problem(s) and was not produced:\n{lines}",
                n=len(self.problems),
                lines=_Lines([p.message for p in self.problems]),
            )
        )

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


def _problem(code: str, message: Text) -> ScoreEntryError:
    return ScoreEntryError(message, code=code)


def check_declarations(d: Declarations, *, recusal: bool) -> list[ScoreEntryError]:
    out: list[ScoreEntryError] = []
    if recusal:
        if not d.conflict_declared or not d.conflict_reason.strip():
            out.append(
                _problem(
                    "conflict",
                    T(
                        "回避声明必须说明利益冲突的理由。",
                        "A recusal must declare the conflict of interest and give its reason.",
                    ),
                )
            )
        return out
    if d.conflict_declared:
        out.append(
            _problem(
                "conflict",
                T(
                    "已声明利益冲突：不能评分，请改为提交回避表（reviewer sheet recuse）。",
                    "A conflict of interest is declared: you cannot score; hand in a recusal sheet instead "
                    "(reviewer sheet recuse).",
                ),
            )
        )
    if not d.pledge_accepted or not d.pledge_at:
        out.append(
            _problem(
                "pledge",
                T(
                    "尚未接受保密承诺：评分前须接受保密承诺。",
                    "The confidentiality pledge has not been accepted; accept it before scoring.",
                ),
            )
        )
    return out


def _check_evidence(
    code: str, refs: Sequence[Evidence], materials: AbstractSet[str] | None
) -> list[ScoreEntryError]:
    out: list[ScoreEntryError] = []
    for ref in refs:
        if isinstance(ref, MaterialRef):
            if materials is not None and ref.material not in materials:
                out.append(
                    _problem(
                        code,
                        T(
                            "指标 {c} 的证据引用了评审包中没有的材料“{m}”。",
                            "Indicator {c}: the evidence names a material the package does not hold: “{m}”.",
                            c=code,
                            m=ref.material,
                        ),
                    )
                )
            elif ref.page < 1:
                out.append(
                    _problem(
                        code,
                        T(
                            "指标 {c} 的证据页码必须从 1 开始。",
                            "Indicator {c}: evidence pages start at 1.",
                            c=code,
                        ),
                    )
                )
        elif not ref.name.strip() or not HEX64.match(ref.sha256):
            out.append(
                _problem(
                    code,
                    T(
                        "指标 {c} 的附件证据需要文件名和 SHA-256（64 位十六进制）。",
                        "Indicator {c}: an attached file needs a name and a SHA-256 (64 hex digits).",
                        c=code,
                    ),
                )
            )
    return out


def _too_long(answers: SheetAnswers) -> list[ScoreEntryError]:
    """Texts a signed sheet cannot carry: every reader refuses more than MAX_TEXT characters."""
    texts = [
        *((c, a.comment) for c, a in answers.scores.items()),
        *((c, a.comment) for c, a in answers.yes_no.items()),
        *((c, a.comment) for c, a in answers.eligibility.items()),
        *((c, a.comment) for c, a in answers.figures.items()),
        ("conflict_reason", answers.declarations.conflict_reason),
    ]
    return [
        _problem(
            code,
            T(
                "{c} 的说明过长（{n} 字，上限 {limit} 字）。",
                "The text of {c} is too long ({n} characters, at most {limit}).",
                c=code,
                n=len(text),
                limit=MAX_TEXT,
            ),
        )
        for code, text in texts
        if len(text or "") > MAX_TEXT
    ]


def check_answers(
    standard: Standard, answers: SheetAnswers, materials: AbstractSet[str] | None = None
) -> SheetAnswers:
    """A complete, valid score sheet with canonical scores; raises :class:`SheetInvalid` listing
    every problem (unknown codes, range, step, required comments, unscored indicators, unanswered
    yes/no items and eligibility conditions, declarations, evidence)."""
    problems = check_declarations(answers.declarations, recusal=False)
    problems += _too_long(answers)
    objective = objective_codes(standard)
    scores: dict[str, ScoreAnswer] = {}
    for code, ans in answers.scores.items():
        if code in objective:
            problems.append(_problem(code, _computed(code)))
            continue
        try:
            value = entry.check_entry(standard, code, ans.score, ans.comment)
        except ScoreEntryError as exc:
            problems.append(exc)
            continue
        problems += _check_evidence(code, ans.evidence, materials)
        scores[code] = ScoreAnswer(value, ans.comment.strip(), tuple(ans.evidence))
    missing = [
        leaf.code
        for leaf in standard.leaves()
        if leaf.code not in answers.scores and leaf.code not in objective
    ]
    for code in missing:
        problems.append(
            _problem(code, T("指标 {c} 尚未评分。", "Indicator {c} has not been scored.", c=code))
        )
    for code, yn in answers.yes_no.items():
        try:
            entry.check_yes_no_code(standard, code)
            if not yn.answer:
                entry.check_flag_comment(code, yn.comment)
        except ScoreEntryError as exc:
            problems.append(exc)
    for item in standard.yes_no:
        if item.code not in answers.yes_no:
            problems.append(
                _problem(
                    item.code,
                    T("是/否项 {c} 尚未回答。", "The yes/no item {c} has not been answered.", c=item.code),
                )
            )
    for code, el in answers.eligibility.items():
        try:
            entry.check_eligibility_code(standard, code)
            if not el.confirmed:
                entry.check_flag_comment(code, el.comment)
        except ScoreEntryError as exc:
            problems.append(exc)
    for cond in standard.eligibility:
        if cond.code not in answers.eligibility:
            problems.append(
                _problem(
                    cond.code,
                    T(
                        "资格条件 {c} 尚未确认或标记。",
                        "The eligibility condition {c} has been neither confirmed nor flagged.",
                        c=cond.code,
                    ),
                )
            )
    problems += check_figure_answers(objective, answers.figures, materials)
    if problems:
        raise SheetInvalid(problems)
    order = [leaf.code for leaf in standard.leaves() if leaf.code not in objective]
    return SheetAnswers(
        answers.declarations,
        {code: scores[code] for code in order},
        {i.code: answers.yes_no[i.code] for i in standard.yes_no},
        {c.code: answers.eligibility[c.code] for c in standard.eligibility},
        {code: _figure_check(answers.figures[code]) for code in objective},
    )


def objective_codes(standard: Standard) -> tuple[str, ...]:
    """The leaves whose points are computed from the package's figures, in the standard's order."""
    return tuple(leaf.code for leaf in standard.leaves() if leaf.objective is not None)


def _computed(code: str) -> Text:
    return T(
        "指标 {c} 按数据计算得分，不能手工评分：请确认数据或标记数据存疑。",
        "Indicator {c} is computed from the figures and cannot be scored by hand: confirm its figure "
        "or flag it.",
        c=code,
    )


def _figure_check(check: FigureCheck) -> FigureCheck:
    return FigureCheck(check.confirmed, check.comment.strip(), tuple(check.evidence))


def check_figure_answers(
    objective: Sequence[str], checks: Mapping[str, FigureCheck], materials: AbstractSet[str] | None
) -> list[ScoreEntryError]:
    """Every objective leaf's figure confirmed or flagged; a flag says why (a comment) and shows it
    (at least one piece of evidence); no check on anything but an objective leaf."""
    out: list[ScoreEntryError] = []
    for code, check in checks.items():
        if code not in objective:
            out.append(
                _problem(
                    code,
                    T(
                        "{c} 不是按数据计算的客观指标，不能确认或标记数据。",
                        "{c} is not an objective indicator: there is no figure to confirm or flag.",
                        c=code,
                    ),
                )
            )
            continue
        if not check.confirmed:
            if not check.comment.strip():
                out.append(
                    _problem(
                        code,
                        T(
                            "指标 {c}：标记数据存疑时必须填写说明。",
                            "Indicator {c}: say why when you flag its figure.",
                            c=code,
                        ),
                    )
                )
            if not check.evidence:
                out.append(
                    _problem(
                        code,
                        T(
                            "指标 {c}：标记数据存疑时必须附上证据（材料页码或附件）。",
                            "Indicator {c}: a flagged figure needs evidence (a material's page or a file).",
                            c=code,
                        ),
                    )
                )
        out += _check_evidence(code, check.evidence, materials)
    for code in objective:
        if code not in checks:
            out.append(
                _problem(
                    code,
                    T(
                        "指标 {c} 的数据尚未确认或标记存疑。",
                        "The figure of indicator {c} has been neither confirmed nor flagged.",
                        c=code,
                    ),
                )
            )
    return out


# --- JSON form (inside the encrypted payload) --------------------------------------------------


def _evidence_json(ref: Evidence) -> dict[str, Any]:
    if isinstance(ref, MaterialRef):
        return {"material": ref.material, "page": ref.page}
    return {"file": ref.name, "sha256": ref.sha256}


def answers_to_json(a: SheetAnswers) -> dict[str, Any]:
    d = a.declarations
    return {
        "declarations": {
            "conflict": {
                "status": "declared" if d.conflict_declared else "none",
                "reason": d.conflict_reason.strip() if d.conflict_declared else None,
            },
            "confidentiality": {"accepted": d.pledge_accepted, "at": d.pledge_at},
        },
        "scores": [
            {
                "code": code,
                "score": str(s.score),
                "comment": s.comment,
                "evidence": [_evidence_json(e) for e in s.evidence],
            }
            for code, s in a.scores.items()
        ],
        "yes_no": [
            {"code": code, "answer": "yes" if y.answer else "no", "comment": y.comment}
            for code, y in a.yes_no.items()
        ],
        "eligibility": [
            {"code": code, "status": "confirmed" if e.confirmed else "flagged", "comment": e.comment}
            for code, e in a.eligibility.items()
        ],
    } | ({"figures": figures_to_json(a.figures)} if a.figures else {})


def figures_to_json(checks: Mapping[str, FigureCheck]) -> list[dict[str, Any]]:
    """A sheet's ``figures``: present only when the standard has objective leaves (docs/sheet-format.md §5)."""
    return [
        {
            "code": code,
            "status": "confirmed" if f.confirmed else "flagged",
            "comment": f.comment,
            "evidence": [_evidence_json(e) for e in f.evidence],
        }
        for code, f in checks.items()
    ]


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError("text expected")
    return value


def _score(value: Any) -> Decimal:
    """A signed score is a finite decimal written as a string ("abc", "NaN", "1e999999" are not)."""
    try:
        number = Decimal(_text(value))
    except InvalidOperation as exc:  # an ArithmeticError, not a ValueError: the reader would crash
        raise ValueError(f"score {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"score {value!r}")
    return number


def _evidence_from(doc: Any) -> Evidence:
    if (
        set(doc) == {"material", "page"}
        and isinstance(doc["page"], int)
        and not isinstance(doc["page"], bool)
    ):
        return MaterialRef(_text(doc["material"]), doc["page"])
    if set(doc) == {"file", "sha256"}:
        return FileRef(_text(doc["file"]), _text(doc["sha256"]))
    raise ValueError("evidence")


def _unique(items: list[Any]) -> list[Any]:
    codes = [i["code"] for i in items]
    if len(set(codes)) != len(codes):
        raise ValueError("duplicate code")
    return items


def answers_from_json(doc: dict[str, Any]) -> SheetAnswers:
    """Strict: raises ``ValueError`` / ``KeyError`` / ``TypeError`` on anything malformed."""
    dec = doc["declarations"]
    conflict, pledge = dec["conflict"], dec["confidentiality"]
    if conflict["status"] not in ("none", "declared") or not isinstance(pledge["accepted"], bool):
        raise ValueError("declarations")
    at = pledge["at"]
    if at is not None and not TIME.match(_text(at)):
        raise ValueError("pledge time")
    declarations = Declarations(
        conflict["status"] == "declared",
        _text(conflict["reason"]) if conflict["reason"] is not None else "",
        pledge["accepted"],
        at,
    )
    scores = {
        s["code"]: ScoreAnswer(
            _score(s["score"]), _text(s["comment"]), tuple(_evidence_from(e) for e in s["evidence"])
        )
        for s in _unique(doc["scores"])
    }
    for value in scores.values():
        if not (isinstance(value.score, Decimal) and value.score.is_finite()):
            raise ValueError("score")
    yes_no = {}
    for y in _unique(doc["yes_no"]):
        if y["answer"] not in ("yes", "no"):
            raise ValueError("answer")
        yes_no[_text(y["code"])] = YesNoAnswer(y["answer"] == "yes", _text(y["comment"]))
    eligibility = {}
    for e in _unique(doc["eligibility"]):
        if e["status"] not in ("confirmed", "flagged"):
            raise ValueError("status")
        eligibility[_text(e["code"])] = EligibilityAnswer(e["status"] == "confirmed", _text(e["comment"]))
    figures = {}
    if "figures" in doc:  # only on a sheet of a standard with objective leaves, never empty
        if not doc["figures"]:
            raise ValueError("figures")
        for f in _unique(doc["figures"]):
            if f["status"] not in ("confirmed", "flagged"):
                raise ValueError("figure status")
            figures[_text(f["code"])] = FigureCheck(
                f["status"] == "confirmed",
                _text(f["comment"]),
                tuple(_evidence_from(e) for e in f["evidence"]),
            )
    return SheetAnswers(declarations, scores, yes_no, eligibility, figures)
