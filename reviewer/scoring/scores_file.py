"""The scores file of ``reviewer sheet fill``: CSV or JSON, read into :class:`SheetAnswers`.

The format: :data:`reviewer.scoring.file_help.SCORES_FILE` (shown by ``sheet fill --help``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T
from reviewer.scoring.entry import ScoreEntryError, UnknownIndicator
from reviewer.scoring.sheet_model import (
    Declarations,
    EligibilityAnswer,
    Evidence,
    FigureCheck,
    FileRef,
    MaterialRef,
    ScoreAnswer,
    SheetAnswers,
    SheetInvalid,
    YesNoAnswer,
)
from reviewer.standards.model import Standard

MAX_SCORES_FILE = 4 * 1024 * 1024
YES, NO = {"yes", "y", "是"}, {"no", "n", "否"}
OK, FLAG = {"ok", "confirmed", "确认", "符合"}, {"flag", "flagged", "标记", "不符合"}
HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")


def _bad(code: str, zh: str, en: str, **args: object) -> ScoreEntryError:
    return ScoreEntryError(T(zh, en, c=code, **args), code=code)


def _evidence(code: str, text: str, base: Path) -> tuple[list[Evidence], list[ScoreEntryError]]:
    refs: list[Evidence] = []
    problems: list[ScoreEntryError] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if part.startswith("file:"):
            spec = part[5:]
            name, _, digest = spec.rpartition("@")
            if name and HEX64.match(digest):
                refs.append(FileRef(name, digest.lower()))
                continue
            path = base / spec
            try:
                refs.append(FileRef(path.name, hashlib.sha256(path.read_bytes()).hexdigest()))
            except OSError:
                problems.append(
                    _bad(
                        code,
                        "指标 {c}：找不到证据文件 {p}。",
                        "Indicator {c}: the evidence file {p} is missing.",
                        p=spec,
                    )
                )
            continue
        material, sep, page = part.rpartition("#")
        if sep and material and page.isdigit():
            refs.append(MaterialRef(material, int(page)))
        else:
            problems.append(
                _bad(
                    code,
                    "指标 {c}：无法识别的证据“{e}”，请写成 材料名#页码 或 file:路径。",
                    "Indicator {c}: unrecognised evidence “{e}”; write MATERIAL#PAGE or file:PATH.",
                    e=part,
                )
            )
    return refs, problems


class _Collected:
    """The answers read so far (plain dicts), frozen into :class:`SheetAnswers` at the end."""

    def __init__(self) -> None:
        self.scores: dict[str, ScoreAnswer] = {}
        self.yes_no: dict[str, YesNoAnswer] = {}
        self.eligibility: dict[str, EligibilityAnswer] = {}
        self.figures: dict[str, FigureCheck] = {}
        self.seen: set[str] = set()

    def answers(self, declarations: Declarations) -> SheetAnswers:
        return SheetAnswers(declarations, self.scores, self.yes_no, self.eligibility, self.figures)


def _row(
    standard: Standard, code: str, value: str, comment: str, evidence: list[Evidence], into: _Collected
) -> ScoreEntryError | None:
    if code in into.seen:
        return _bad(code, "代码 {c} 出现了不止一次。", "The code {c} appears more than once.")
    into.seen.add(code)
    yes_no = {i.code for i in standard.yes_no}
    eligibility = {i.code for i in standard.eligibility}
    v = value.strip().lower()
    if code in yes_no:
        if v not in YES | NO:
            return _bad(
                code,
                "是/否项 {c} 的回答应为 yes 或 no（得到“{v}”）。",
                "Yes/no item {c}: answer yes or no (got “{v}”).",
                v=value,
            )
        into.yes_no[code] = YesNoAnswer(v in YES, comment)
    elif code in eligibility:
        if v not in OK | FLAG:
            return _bad(
                code,
                "资格条件 {c} 应为 ok（确认）或 flag（标记，附说明）（得到“{v}”）。",
                "Eligibility condition {c}: write ok (confirmed) or flag (with a comment) (got “{v}”).",
                v=value,
            )
        into.eligibility[code] = EligibilityAnswer(v in OK, comment)
    elif standard.has_criterion(code) and standard.criterion(code).objective is not None:
        if v not in OK | FLAG:
            return _bad(
                code,
                "客观指标 {c} 应为 ok（确认数据）或 flag（数据存疑，附说明和证据）（得到“{v}”）。",
                "Objective indicator {c}: write ok (figure confirmed) or flag (with a comment and "
                "evidence) (got “{v}”).",
                v=value,
            )
        into.figures[code] = FigureCheck(v in OK, comment, tuple(evidence))
    elif standard.has_criterion(code):
        into.scores[code] = ScoreAnswer(value, comment, tuple(evidence))
    else:
        return UnknownIndicator(
            T("评审标准 {s} 中没有代码 {c}。", "The standard {s} has no code {c}.", s=standard.id, c=code),
            code=code,
        )
    return None


def parse_csv(text: str, standard: Standard, base: Path, declarations: Declarations) -> SheetAnswers:
    writable = _Collected()
    problems: list[ScoreEntryError] = []
    try:  # csv.Error: a cell beyond the csv module's field limit (128 KiB), a stray quote…
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        raise InvalidInput(
            T("CSV 评分文件格式不正确：{e}", "The CSV scores file is malformed: {e}", e=str(exc))
        ) from exc
    reader = iter(rows)
    header = [h.strip().lower() for h in next(reader, [])]
    if header[:3] != ["code", "score", "comment"]:
        raise InvalidInput(
            T(
                "CSV 第一行必须是 code,score,comment[,evidence]。",
                "The CSV's first row must be code,score,comment[,evidence].",
            )
        )
    for row in reader:
        if not row or not any(cell.strip() for cell in row):
            continue
        cells = [*row, "", "", ""]
        code = cells[0].strip()
        refs, bad = _evidence(code, cells[3], base)
        problems += bad
        err = _row(standard, code, cells[1], cells[2].strip(), refs, writable)
        if err:
            problems.append(err)
    if problems:
        raise SheetInvalid(problems)
    return writable.answers(declarations)


def parse_json_form(doc: Any, standard: Standard, base: Path, declarations: Declarations) -> SheetAnswers:
    if not isinstance(doc, dict):
        raise InvalidInput(T("JSON 评分文件必须是一个对象。", "A JSON scores file must be an object."))
    writable = _Collected()
    problems: list[ScoreEntryError] = []
    rows: list[tuple[str, str, str, list[Evidence]]] = []
    try:
        for s in doc.get("scores", []):
            refs: list[Evidence] = []
            for e in s.get("evidence", []):
                if "material" in e:
                    refs.append(MaterialRef(str(e["material"]), int(e["page"])))
                elif "sha256" in e:
                    refs.append(FileRef(str(e["file"]), str(e["sha256"]).lower()))
                else:
                    more, bad = _evidence(str(s["code"]), f"file:{e['file']}", base)
                    refs += more
                    problems += bad
            rows.append((str(s["code"]), _number_text(s["score"]), str(s.get("comment", "")), refs))
        for y in doc.get("yes_no", []):
            rows.append((str(y["code"]), str(y["answer"]), str(y.get("comment", "")), []))
        for e in doc.get("eligibility", []):
            rows.append((str(e["code"]), str(e["status"]), str(e.get("comment", "")), []))
        for f in doc.get("figures", []):
            refs = [MaterialRef(str(e["material"]), int(e["page"])) if "material" in e
                    else FileRef(str(e["file"]), str(e["sha256"]).lower()) for e in f.get("evidence", [])]  # fmt: skip
            rows.append((str(f["code"]), str(f["status"]), str(f.get("comment", "")), refs))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidInput(
            T(
                "JSON 评分文件缺少字段或格式不正确：{e}",
                "The JSON scores file lacks a field or is malformed: {e}",
                e=str(exc),
            )
        ) from exc
    for code, value, comment, refs in rows:
        err = _row(standard, code, value, comment.strip(), refs, writable)
        if err:
            problems.append(err)
    if problems:
        raise SheetInvalid(problems)
    return writable.answers(declarations)


def _number_text(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError("a score is a number")
    return str(value)


def json_declarations(doc: Any, now_iso: str) -> Declarations | None:
    """The declarations of a JSON form (``None`` when it has none): conflict none, pledge accepted."""
    if not isinstance(doc, dict) or "declarations" not in doc:
        return None
    d = doc["declarations"]
    if not isinstance(d, dict) or d.get("conflict", "none") not in ("none", "declared"):
        raise InvalidInput(
            T(
                "declarations.conflict 应为 none（如有利益冲突请用 reviewer sheet recuse）。",
                "declarations.conflict must be none (use `reviewer sheet recuse` for a conflict of interest).",
            )
        )
    declared = d.get("conflict") == "declared"
    pledge = d.get("pledge") is True or isinstance(d.get("pledge_at"), str)
    at = d.get("pledge_at") if isinstance(d.get("pledge_at"), str) else (now_iso if pledge else None)
    return Declarations(declared, str(d.get("conflict_reason", "")), pledge, at)


def read_scores_file(
    path: str | Path, standard: Standard, declarations: Declarations, now_iso: str
) -> SheetAnswers:
    """Read a ``.csv`` or ``.json`` scores file (by its suffix). The JSON form's own declarations,
    when present, are combined with ``declarations`` (a pledge accepted in either counts)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取评分文件 {p}。", "Cannot read the scores file {p}.", p=str(path))
        ) from exc
    if len(raw) > MAX_SCORES_FILE:
        raise InvalidInput(T("评分文件 {p} 过大。", "The scores file {p} is too large.", p=str(path)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            T("评分文件 {p} 不是 UTF-8 文本。", "The scores file {p} is not UTF-8 text.", p=str(path))
        ) from exc
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text, parse_float=Decimal)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested deeper than the stack
            raise InvalidInput(
                T(
                    "评分文件 {p} 不是有效的 JSON：{e}",
                    "The scores file {p} is not valid JSON: {e}",
                    p=str(path),
                    e=str(exc),
                )
            ) from exc
        own = json_declarations(doc, now_iso)
        if own is not None:
            declarations = Declarations(
                own.conflict_declared or declarations.conflict_declared,
                own.conflict_reason or declarations.conflict_reason,
                own.pledge_accepted or declarations.pledge_accepted,
                own.pledge_at or declarations.pledge_at,
            )
        return parse_json_form(doc, standard, path.parent, declarations)
    return parse_csv(text, standard, path.parent, declarations)
