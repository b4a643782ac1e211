"""What the chair is asked before a step that cannot be undone, in words: a return notice, closing
the record, reopening it (and why: the reason is logged). Each question goes through
:func:`reviewer.ui.dialogs.errors.confirm` (buttons: the action's name and Cancel, the default),
which tests monkeypatch.

The texts keep the translation contexts of the pages that ask them (``ChairPanel``, ``RecordPage``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reviewer.app.chair_work import set_aside_name
from reviewer.trust import clock
from reviewer.ui.dialogs import cosign as dialogs
from reviewer.ui.dialogs import errors


def confirm_return(parent: QWidget, name: str, revision: int, codes: Sequence[str], reason: str) -> bool:
    return errors.confirm(
        parent,
        QCoreApplication.translate("ChairPanel", "Issue a return notice"),
        QCoreApplication.translate(
            "ChairPanel",
            "A return notice signed with your key is issued for {name}'s sheet (version {n}): {codes} "
            "are reopened for correction.\nReason: {reason}\n\nThe notice cannot be withdrawn: "
            "{name} must sign version {next}, and the return is logged.",
        ).format(name=name, n=revision, codes="、".join(sorted(codes)), reason=reason, next=revision + 1),
        QCoreApplication.translate("ChairPanel", "Issue the return notice"),
    )


def confirm_close(parent: QWidget, names: str) -> bool:
    return errors.confirm(
        parent,
        QCoreApplication.translate("RecordPage", "Sign and close the record"),
        QCoreApplication.translate(
            "RecordPage",
            "You sign the review record as the chair, last, after {names}. Your signature closes "
            "the record: no field can be signed or changed afterwards, nothing can reopen it, and "
            "the decisions it was made from are final. A corrected result is then only a new "
            "result version made from this record.",
        ).format(names=names),
        QCoreApplication.translate("RecordPage", "Sign and close"),
    )


def ask_reopen(
    parent: QWidget, signed: Sequence[str], pdf: bytes, folder: Path
) -> tuple[str, Path, str] | None:
    """The chair's reason for reopening (an empty one is refused) and their confirmation, naming the
    signatures discarded and where the signed ``pdf`` is set aside in ``folder``: ``(reason, kept,
    SHA-256 of pdf)``, or None when cancelled."""
    reason = dialogs.ask_reopen_reason(parent, "、".join(signed))
    if reason is None:
        return None
    if not reason:
        errors.show_error(
            parent,
            QCoreApplication.translate("RecordPage", "Review record"),
            QCoreApplication.translate(
                "RecordPage", "Give the reason for reopening the record: it is logged."
            ),
        )
        return None
    digest = hashlib.sha256(pdf).hexdigest()
    kept = folder / set_aside_name(digest, clock.utcnow())
    return (reason, kept, digest) if confirm_reopen(parent, signed, kept, digest, reason) else None


def confirm_reopen(parent: QWidget, signed: Sequence[str], kept: Path, digest: str, reason: str) -> bool:
    return errors.confirm(
        parent,
        QCoreApplication.translate("RecordPage", "Reopen the record"),
        QCoreApplication.translate(
            "RecordPage",
            "Reopening discards the signatures of {names} ({n} in all): they no longer count, and "
            "every member must sign the record again once it is produced again.\n\n"
            "The signed record is set aside, not deleted: {kept}\n"
            "The reopening is logged with your name, the time, your reason and the SHA-256 of the "
            "record set aside ({digest}).\n\nReason: {reason}",
        ).format(names="、".join(signed), n=len(signed), kept=kept, digest=digest, reason=reason),
        QCoreApplication.translate("RecordPage", "Reopen the record"),
    )
