"""The attached files' bytes (``evidence_files``): one copy per owner and SHA-256, sealed under the
owner's key (revision 0006). The workbench writes the reference and the copy in one transaction.

    keep(session, store.keys, owner, digest, data)     # inside the workbench's unit of work
    data = read(store, sha256, owner)                  # checked against its hash
"""

from __future__ import annotations

import hashlib

from sqlalchemy import LargeBinary, func, select, type_coerce, update
from sqlalchemy.orm import Session

from reviewer.i18n import T
from reviewer.models.orm import UNCLAIMED, EvidenceFileRow
from reviewer.models.sealed import StoreKeys, StoreLocked
from reviewer.models.store import Store
from reviewer.scoring.workbench_types import EvidenceNotFound


class EvidenceLocked(StoreLocked):
    """An attached file's copy for this owner is still sealed under another identity's key (made by
    the upgrade to revision 0006, which runs without keys); see docs/store.md."""


def keep(s: Session, keys: StoreKeys, owner: str, digest: str, data: bytes) -> None:
    """``owner``'s copy of the file: added, or re-sealed under ``owner``'s key when the copy made
    by the upgrade to revision 0006 is still sealed under another identity's. Never opens a blob."""
    where = (EvidenceFileRow.owner == owner, EvidenceFileRow.sha256 == digest)
    head = s.scalar(select(type_coerce(func.substr(EvidenceFileRow.data, 1, 12), LargeBinary)).where(*where))
    if head is None:
        s.add(EvidenceFileRow(owner=owner, sha256=digest, size=len(data), data=data))
    elif bytes(head)[4:12] != keys.key_id_of(owner):
        s.execute(update(EvidenceFileRow).where(*where).values(data=data))


def read(store: Store, sha256: str, owner: str | None = None) -> bytes:
    """The bytes of an attached file, checked against their hash.

    ``owner``: the fingerprint of the member whose review references it (its own copy, else one
    kept unclaimed from before revision 0006); without it, the copy of an identity that has
    unlocked the store. :class:`EvidenceLocked` when the copy is sealed under another identity's
    key (made by that upgrade): docs/store.md says how it is re-sealed."""
    digest = sha256.lower()
    with store.reading() as s:
        owners = set(s.scalars(select(EvidenceFileRow.owner).where(EvidenceFileRow.sha256 == digest)))
        if owner is not None:
            candidates = [o for o in (owner, UNCLAIMED) if o in owners]
        else:
            held = sorted(o for o in owners if store.keys.holds(o))
            candidates = held + ([UNCLAIMED] if UNCLAIMED in owners else [])
            candidates += sorted(owners - set(candidates))
        locked: StoreLocked | None = None
        data = None
        for candidate in candidates:
            try:
                data = s.scalar(
                    select(EvidenceFileRow.data).where(
                        EvidenceFileRow.owner == candidate, EvidenceFileRow.sha256 == digest
                    )
                )
            except StoreLocked as exc:
                locked = locked or exc
                continue
            break
    if data is None and locked is not None:
        raise EvidenceLocked(
            T(
                "附件 {sha} 的这份副本在升级本地数据库时仍以另一身份的密钥密封："
                "请在同一次运行中先解锁那个身份（打开其评审一次）再解锁您的身份，或重新附加该文件。",
                "This copy of the attached file {sha} is still sealed under another identity's key "
                "(from the store upgrade): unlock that identity once (open its review) in the same "
                "session as yours, or attach the file again.",
                sha=digest[:12],
            )
        ) from locked
    if data is None or hashlib.sha256(data).hexdigest() != digest:
        raise EvidenceNotFound(
            T(
                "附件 {sha} 不在本地数据库中或已损坏。",
                "The attached file {sha} is not in the local store or is damaged.",
                sha=sha256[:12],
            )
        )
    return data
