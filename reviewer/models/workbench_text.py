"""What an audit entry changed, in words: the labels of undo and redo, and what they just did.

    state = bench.snapshot(review)
    undo_label(state.undo_next)      # 撤销：1.1 的评分 7 → 空  /  Undo: score of 1.1, 7 → empty
    redo_label(state.redo_next)      # 重做：…                  /  Redo: …
    undone(bench.undo(review))       # 已撤销：1.1 的评分 7 → 空 / Undone: score of 1.1, 7 → empty

Bilingual (:func:`reviewer.i18n.T`) and Qt-free, so the GUI's toolbar and a command line say the
same thing. An undo of entry ``e`` writes ``e.old`` over ``e.new``; a redo writes ``e.new`` over
``e.old``; the ``undo``/``redo`` entries the workbench returns carry the values they wrote.
"""

from __future__ import annotations

from typing import Any

from reviewer.i18n import T, Text
from reviewer.scoring.workbench_types import AuditEntry

SHORT = 16  # characters of a comment or note shown before "…"


def _quoted(text: str) -> Text:
    text = " ".join(text.split())
    if len(text) > SHORT:
        text = text[:SHORT] + "…"
    return T("“{t}”", "“{t}”", t=text)


def value_text(entity: str, value: Any) -> Text:
    """One slot's value, short: a score, a quoted comment, yes/no, a material page, … or empty."""
    if value is None or value == "":
        return T("空", "empty")
    if entity == "score":
        return T("{v}", "{v}", v=value)
    if entity in ("comment", "scratchpad"):
        return _quoted(str(value))
    if entity == "yes_no":
        return T("是", "yes") if value.get("answer") else T("否", "no")
    if entity == "eligibility":
        return T("已确认", "confirmed") if value.get("state") == "confirmed" else T("有疑问", "flagged")
    if entity == "figure":
        return T("确认数据", "confirmed") if value.get("state") == "confirmed" else T("数据存疑", "flagged")
    if entity == "evidence":
        if value.get("kind") == "material":
            name = str(value.get("material") or "").removeprefix("materials/")
            return T("{m} 第 {p} 页", "{m}, page {p}", m=name, p=value.get("page") or 1)
        return T("附件 {f}", "attached file {f}", f=value.get("file_name") or "")
    if entity == "site_note":
        return _quoted(str(value.get("text") or ""))
    if entity == "declaration":
        if "accepted" in value:
            return T("已接受", "accepted") if value["accepted"] else T("未接受", "not accepted")
        conflict = value.get("conflict")
        if conflict == "none":
            return T("无利益冲突", "no conflict")
        if conflict == "declared":
            return T("声明利益冲突", "conflict declared")
        return T("未声明", "not declared")
    return T("{v}", "{v}", v=value)


def slot_text(entry: AuditEntry) -> Text:
    """The slot an entry changed: "1.1 的评分" / "score of 1.1"."""
    code = entry.key
    if entry.entity == "evidence":
        values = [v for v in (entry.old, entry.new) if isinstance(v, dict)]
        code = str(values[0].get("code")) if values else ""
    names = {
        "score": T("{c} 的评分", "score of {c}", c=code),
        "comment": T("{c} 的评语", "comment on {c}", c=code),
        "yes_no": T("{c} 的回答", "answer to {c}", c=code),
        "eligibility": T("资格条件 {c}", "eligibility condition {c}", c=code),
        "figure": T("{c} 的数据核实", "figure check of {c}", c=code),
        "evidence": T("{c} 的证据", "evidence for {c}", c=code),
        "scratchpad": T("私人草稿本", "private scratchpad"),
        "site_note": T("现场考察记录", "site-visit note"),
    }
    if entry.entity == "declaration":
        if entry.key == "pledge":
            return T("保密承诺", "confidentiality pledge")
        return T("利益冲突声明", "conflict-of-interest declaration")
    return names.get(entry.entity, T("{e} {k}", "{e} {k}", e=entry.entity, k=entry.key))


def change_text(entry: AuditEntry, *, backwards: bool = False) -> Text:
    """ "1.1 的评分 空 → 7" / "score of 1.1, empty → 7"; ``backwards``: new → old (what undo does)."""
    before, after = (entry.new, entry.old) if backwards else (entry.old, entry.new)
    return T(
        "{slot} {a} → {b}",
        "{slot}, {a} → {b}",
        slot=slot_text(entry),
        a=value_text(entry.entity, before),
        b=value_text(entry.entity, after),
    )


def undo_label(entry: AuditEntry | None) -> Text:
    """The undo action's label for the next undo target (``ReviewState.undo_next``)."""
    if entry is None:
        return T("撤销", "Undo")
    return T("撤销：{what}", "Undo: {what}", what=change_text(entry, backwards=True))


def redo_label(entry: AuditEntry | None) -> Text:
    """The redo action's label for the next redo target (``ReviewState.redo_next``)."""
    if entry is None:
        return T("重做", "Redo")
    return T("重做：{what}", "Redo: {what}", what=change_text(entry))


def done_text(entry: AuditEntry) -> Text:
    """What an ``undo``/``redo`` entry (as :meth:`Workbench.undo` returns it) just did."""
    what = change_text(entry)  # its old is what was there, its new what it wrote back
    if entry.action == "redo":
        return T("已重做：{what}", "Redone: {what}", what=what)
    return T("已撤销：{what}", "Undone: {what}", what=what)
