"""What the record page says about the record on file: where it stands in its life (no record,
waiting for signatures, closed, made from other decisions, reopened) and why editing is frozen.

Plain functions of what the page holds, so the page keeps the widgets and the steps; the texts keep
the translation context of the page that shows them (``RecordPage``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication


def closed_text() -> str:
    return QCoreApplication.translate(
        "RecordPage",
        "The record is closed (the chair signed last): nothing reopens it and the decisions are "
        "final. A corrected result file is produced from this record with a higher result version.",
    )


def frozen_text(names: str) -> str:
    return QCoreApplication.translate(
        "RecordPage",
        "Signed by {names}: the decisions, the opinion, the dissents, the visit and the sheets "
        "are frozen. To change any of them, reopen the record (the signatures are discarded).",
    ).format(names=names)


def stale_warning() -> str:
    return QCoreApplication.translate(
        "RecordPage",
        "The record on file carries signatures but was made from other decisions: reopen it, then "
        "produce it again; every member must then sign it again.",
    )


def status_text(
    path: Path | None,
    *,
    reopened_to: Path | None,
    current: bool,
    signed: int,
    chair_signed: bool,
    all_members: bool,
    waiting: str,
    unsigned: int = 0,
) -> str:
    """The record's state in one or two lines (``path``: the record on file, None when there is none)."""
    if path is None and reopened_to is not None:
        return QCoreApplication.translate(
            "RecordPage",
            "The record was reopened; the signed file was set aside as {kept}. Change what is needed, "
            "then produce the record again: every member signs it again.",
        ).format(kept=reopened_to)
    if path is None:
        return QCoreApplication.translate(
            "RecordPage", "No record yet. Enter the visit and the panel opinion, then produce the record."
        )
    if not current and signed:
        text = QCoreApplication.translate(
            "RecordPage",
            "The record on file was made from other decisions: reopen it, then produce it again.",
        )
    elif not current:
        text = QCoreApplication.translate(
            "RecordPage", "The record on file was made from other decisions: produce it again."
        )
    elif chair_signed and unsigned:
        text = QCoreApplication.translate(
            "RecordPage",
            "The record is closed by the chair; the members who did not sign are stated on its signature page.",
        )
    elif chair_signed:
        text = QCoreApplication.translate(
            "RecordPage", "The record is closed: every member and the chair have signed."
        )
    elif all_members and unsigned:
        text = QCoreApplication.translate(
            "RecordPage",
            "Every member has signed, refused in writing or been recorded as not signed: the chair signs "
            "last and closes the record.",
        )
    elif all_members:
        text = QCoreApplication.translate(
            "RecordPage", "Every member has signed: the chair signs last and closes the record."
        )
    else:
        text = QCoreApplication.translate("RecordPage", "Waiting for the signature of: {who}.").format(
            who=waiting
        )
    return (
        text
        + "\n"
        + QCoreApplication.translate(
            "RecordPage",
            "Kept encrypted on this computer: {path}\nTo read or print the record, or give it to the "
            "members, save a copy of it.",
        ).format(path=path)
    )
