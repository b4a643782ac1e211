"""What each incremental update of the review record may change (``docs/record-format.md``, *Revisions*).

The record as made has two revisions: reportlab's layout and the revision that adds one empty
signature field per signing member (:func:`reviewer.export.record.build_record_pdf`). After that,
**every revision must be exactly one signature into one of those pre-made fields**, and nothing
else: no change of the document information (/Info), no new field or annotation, no page content,
no catalogue entry (the first signature alone may add the certification's /Perms), nothing after
the chair's closing signature. pyHanko's default difference analysis is more lenient (it allows
/Info and XMP updates, new signature fields and more, since PDF permits them), so each revision is
compared with the one before it under a strict :class:`~pyhanko.sign.diff_analysis.StandardDiffPolicy`
that knows only signing an existing signature field, and the changed field must be that revision's
own. One comparison per revision: the work grows linearly with the number of signatures.

:func:`check_revisions` reports the first revision that breaks the rule (counted from 1, as
``%%EOF`` markers are) and what it does; :func:`signed_info` reads the document information from the
revision every member signed, never from a later one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import HistoricalResolver, PdfFileReader
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    FormUpdatingRule,
    ModificationLevel,
    ObjectStreamRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    SuspiciousModification,
    XrefStreamRule,
)
from pyhanko.sign.diff_analysis.constants import FORMFIELD_ALWAYS_MODIFIABLE
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import EmbeddedPdfSignature

from reviewer.errors import Tampered
from reviewer.export.record import parse_field_name
from reviewer.i18n import T, Text

# reportlab's layout (0) and the field revision (1), counted from 0 as pyHanko does
MADE_REVISION = 1


def _policy(first: bool) -> StandardDiffPolicy:
    """Only a pre-made signature field may be filled (its /V and appearance); in the catalogue only the
    form (checked by the form rule), the declarations pyHanko makes when it signs (/Extensions: the
    ISO 32000 extension for PAdES; /Version) and, in the first signature's revision only, the
    certification's /Perms may change."""
    catalog_keys = {"/AcroForm", "/Extensions", "/Version"} | ({"/Perms"} if first else set())
    return StandardDiffPolicy(
        global_rules=[
            CatalogModificationRule(ignored_keys=frozenset(catalog_keys)),
            XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
            ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ],
        form_rule=FormUpdatingRule(
            field_rules=[
                SigFieldModificationRule(
                    allow_in_place_appearance_stream_changes=False,
                    value_update_keys=FORMFIELD_ALWAYS_MODIFIABLE | {"/V", "/AP"},
                )
            ],
            # /SigFlags: pyHanko sets AppendOnly with the first signature
            ignored_acroform_keys=frozenset({"/Fields", "/SigFlags"}),
        ),
        reject_object_freeing=True,
        ignore_orphaned_objects=False,
    )


FIRST_POLICY = _policy(first=True)
LATER_POLICY = _policy(first=False)


@dataclass(frozen=True)
class RevisionProblem:
    """The first revision after the record was made that is not one signature in its own field."""

    index: int  # pyHanko's revision index, from 0
    total: int  # revisions in the file
    what: Text  # what the revision does, for the person
    detail: str = ""  # pyHanko's words, for the log

    @property
    def number(self) -> int:
        """The revision counted from 1 (the n-th ``%%EOF``)."""
        return self.index + 1


class RecordChanged(Tampered):
    """A revision of the record after it was made is not one member's signature in their own field;
    ``revision`` is its number, counted from 1."""

    def __init__(self, message: Text, *, detail: str | None = None, revision: int = 0) -> None:
        super().__init__(message, detail=detail)
        self.revision = revision

    @classmethod
    def of(cls, problem: RevisionProblem) -> RecordChanged:
        return cls(
            T(
                "评审意见表第 {n} 版（共 {m} 版）{what}。意见表生成之后，每一版只能是一位成员在为其预设的签名栏中"
                "签署，别无其他改动。请勿使用此文件，向组长索取原件。",
                "Revision {n} of {m} of the record {what}. After the record is made, each revision may only be "
                "one member signing their own pre-made field, with no other change. Do not use this file; "
                "ask the chair for the original.",
                n=problem.number,
                m=problem.total,
                what=problem.what,
            ),
            detail=problem.detail,
            revision=problem.number,
        )


def _field_names(resolver: HistoricalResolver | PdfFileReader) -> set[str]:
    return {name for name, _value, _ref in enumerate_sig_fields(resolver)}


def _unreadable() -> Text:
    return T("含有无法比对的内容", "holds content that cannot be compared")


def _describe(old: HistoricalResolver, new: HistoricalResolver, premade: set[str], field: str | None) -> Text:
    """What a refused revision does, in words (the precise reason goes to the log)."""
    try:
        return _what(old, new, premade, field)
    except Exception:  # a damaged revision: the refusal stands, the words are general
        return _unreadable()


def _what(old: HistoricalResolver, new: HistoricalResolver, premade: set[str], field: str | None) -> Text:
    old_info, new_info = old.trailer_view.raw_get("/Info"), new.trailer_view.raw_get("/Info")
    info_changed = old_info != new_info or (
        isinstance(new_info, generic.IndirectObject) and new_info.reference in new.explicit_refs_in_revision()
    )
    if info_changed:
        return T("改动了文档信息（/Info，其中记载对账结果与组长决定的 SHA-256）", "changes the document information "
                 "(/Info, which names the reconciliation's and decisions' SHA-256)")  # fmt: skip
    added = sorted(_field_names(new) - premade)
    if added:
        return T("新增了签名栏“{f}”（生成意见表时没有此栏）", "adds the signature field “{f}”, which the record did "
                 "not have when it was made", f=added[0])  # fmt: skip
    if field is None:
        return T("不是签名", "is not a signature")
    return T(
        "除签署签名栏“{f}”外还改动了其他内容", "changes more than the signing of the field “{f}”", f=field
    )


def signed_revisions(reader: PdfFileReader) -> list[int]:
    """The revision (from 0) in which each filled signature field got its value, read from the
    cross-reference tables only (no signature is parsed)."""
    out = []
    for _name, _value, field_ref in enumerate_sig_fields(reader, filled_status=True):
        value = field_ref.get_object().raw_get("/V")
        if isinstance(value, generic.IndirectObject):
            out.append(reader.xrefs.get_last_change(value.reference))
    return sorted(out)


def unsigned_revision(reader: PdfFileReader, revisions: Sequence[int]) -> RevisionProblem | None:
    """The cheap half of :func:`check_revisions`: the first revision after the record was made that
    holds no signature, or two, given the signatures' ``revisions`` (no object is compared).
    ``sign_record`` runs it before every signature: nobody signs on top of an unsigned change."""
    total = reader.xrefs.total_revisions
    seen: set[int] = set()
    for revision in revisions:
        if revision in seen:
            return RevisionProblem(revision, total, T("含有两个签名", "holds two signatures"))
        seen.add(revision)
    last = max(seen, default=MADE_REVISION)
    for index in range(MADE_REVISION + 1, total):
        if index in seen:
            continue
        if index > last:
            what = T(
                "在最后一个签名之后追加，未经任何人签署",
                "was appended after the last signature, signed by nobody",
            )
            if not seen:
                what = T(
                    "在意见表生成之后追加，未经任何人签署",
                    "was appended after the record was made, signed by nobody",
                )
            return RevisionProblem(index, total, what)
        old, new = reader.get_historical_resolver(index - 1), reader.get_historical_resolver(index)
        premade = _field_names(reader.get_historical_resolver(MADE_REVISION))
        return RevisionProblem(index, total, _describe(old, new, premade, None))
    return None


def check_revisions(
    reader: PdfFileReader, signatures: Sequence[EmbeddedPdfSignature]
) -> RevisionProblem | None:
    """The first revision after the record was made that is anything but the signing of one pre-made
    field by that revision's signature, or None. ``signatures`` in signing order (pyHanko's)."""
    total = reader.xrefs.total_revisions
    if not signatures or total <= MADE_REVISION + 1:
        return None
    problem = unsigned_revision(reader, [sig.signed_revision for sig in signatures])
    if problem is not None:
        return problem
    premade = _field_names(reader.get_historical_resolver(MADE_REVISION))
    by_revision = {sig.signed_revision: sig for sig in signatures}
    for index in range(MADE_REVISION + 1, total):
        old = reader.get_historical_resolver(index - 1)
        new = reader.get_historical_resolver(index)
        field = by_revision[index].field_name
        if field not in premade or parse_field_name(field) is None:
            return RevisionProblem(index, total, _describe(old, new, premade, field))
        if old.trailer_view.raw_get("/Info") != new.trailer_view.raw_get("/Info"):
            return RevisionProblem(index, total, _describe(old, new, premade, field))
        policy = FIRST_POLICY if index == MADE_REVISION + 1 else LATER_POLICY
        try:
            result = policy.apply(old, new)
        except SuspiciousModification as exc:
            return RevisionProblem(index, total, _describe(old, new, premade, field), detail=str(exc))
        except Exception as exc:  # an object pyHanko's comparison cannot handle: not a plain signature
            return RevisionProblem(index, total, _unreadable(), detail=repr(exc))
        if result.changed_form_fields != {field}:
            return RevisionProblem(
                index,
                total,
                _describe(old, new, premade, field),
                detail=f"fields {result.changed_form_fields}",
            )
    return None


def signed_info(reader: PdfFileReader) -> generic.DictionaryObject | None:
    """The document information as of the first signature's revision, which every later signature
    covers (the whole file's, while nobody has signed); None when there is none. The reference is
    resolved in that revision: a later revision that rewrites the same object does not show."""
    signatures = reader.embedded_signatures
    if not signatures:
        info = reader.trailer_view.get("/Info")
        return None if info is None else info.get_object()
    resolver = reader.get_historical_resolver(signatures[0].signed_revision)
    ref = resolver.trailer_view.raw_get("/Info")
    if not isinstance(ref, generic.IndirectObject):
        return ref if isinstance(ref, generic.DictionaryObject) else None
    info = resolver(ref.reference)
    return info if isinstance(info, generic.DictionaryObject) else None
