"""Unlocking the store for an identity: its store key unwrapped (or made), its older work sealed.

    unlock_store(store, identity)       # on a worker thread: the identity is already unlocked

The first time an identity unlocks a store, a random store key is drawn, wrapped to the identity's
X25519 key and written to ``store_keys`` **in the same transaction** that seals every value of that
identity still held in the clear (a store written before revision 0005): its reviews and
everything under them, and the chair's sheets, decisions and record log of the packages it chairs.
A crash leaves the store as it was (no key, all in the clear) or sealed (the key and every value),
never between. Afterwards the plaintext the rows used to hold is scrubbed from the file: SQLite
zeroes freed content (``secure_delete``), the WAL is checkpointed and truncated, and the database is
rebuilt (``VACUUM``); every unlock checkpoints and truncates the WAL again, so a crash before the
scrub is completed at the next unlock.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric import x25519
from sqlalchemy import Connection, text

from reviewer.models.orm import StoreKeyRow
from reviewer.models.sealed import (
    KEY_BYTES,
    MAGIC,
    StoreKeys,
    is_sealed_bytes,
    is_sealed_text,
    key_id,
    seal_text,
)
from reviewer.trust import sm, suites
from reviewer.trust.recipients import Recipient, WrappedKey, wrap

if TYPE_CHECKING:
    from reviewer.models.store import Store
    from reviewer.trust.identity import Identity

log = logging.getLogger(__name__)

STORE_KEY_CONTEXT = b"reviewer/1 store key "


def context(owner: str) -> bytes:
    return STORE_KEY_CONTEXT + owner.encode("ascii")


@dataclass(frozen=True)
class Sealed:
    """One column sealed at rest and how to find an owner's rows in its table."""

    table: str
    column: str
    kind: str  # "text", "bool" or "bytes"
    owner_rows: str  # SQL condition on the table, with the parameter :fp


_REVIEWS = "SELECT id FROM reviews WHERE member_fingerprint = :fp"
_CHAIRED = (
    "SELECT package_id FROM reviews WHERE member_fingerprint = :fp AND role = 'chair' "
    "UNION SELECT package_id FROM chair_decisions WHERE by_fingerprint = :fp "
    "UNION SELECT package_id FROM chair_record_log WHERE by_fingerprint = :fp"
)
_OF_REVIEW = f"review_id IN ({_REVIEWS})"
_OF_PACKAGE = f"package_id IN ({_CHAIRED})"

SEALED: tuple[Sealed, ...] = (
    Sealed("reviews", "conflict_reason", "text", "member_fingerprint = :fp"),
    Sealed("sheet_versions", "reason", "text", _OF_REVIEW),
    Sealed("scores", "value", "text", _OF_REVIEW),
    Sealed("scores", "comment", "text", _OF_REVIEW),
    Sealed("yes_no_answers", "answer", "bool", _OF_REVIEW),
    Sealed("yes_no_answers", "comment", "text", _OF_REVIEW),
    Sealed("eligibility_answers", "comment", "text", _OF_REVIEW),
    Sealed("evidence_refs", "file_name", "text", _OF_REVIEW),
    Sealed("evidence_refs", "note", "text", _OF_REVIEW),
    Sealed("evidence_files", "data", "bytes", "owner = :fp"),
    Sealed("scratchpad", "text", "text", _OF_REVIEW),
    Sealed("site_notes", "text", "text", _OF_REVIEW),
    Sealed("audit_log", "old_value", "text", _OF_REVIEW),
    Sealed("audit_log", "new_value", "text", _OF_REVIEW),
    Sealed("chair_sheets", "source", "text", _OF_PACKAGE),
    Sealed("chair_sheets", "data", "bytes", _OF_PACKAGE),
    Sealed("chair_decisions", "why", "text", _OF_PACKAGE),
    Sealed("chair_decisions", "decisions", "bytes", _OF_PACKAGE),
    Sealed("chair_record_log", "detail", "text", _OF_PACKAGE),
    Sealed("chair_closing_facts", "data", "bytes", _OF_PACKAGE),
)


def unlock_store(store: Store, identity: Identity) -> None:
    """Make ``identity``'s store key usable in ``store`` (and the key that seals new values)."""
    owner = identity.fingerprint
    if store.keys.holds(owner):
        store.keys.activate(owner)
        store.scrub(vacuum=False)
        return
    created = False
    with store.session() as session:  # BEGIN IMMEDIATE: a second process waits, then finds the key
        row = session.get(StoreKeyRow, owner)
        if row is not None:
            data_key = identity.unwrap(WrappedKey(owner, row.ephemeral, row.wrapped), context(owner))
        else:
            data_key = os.urandom(KEY_BYTES)
            public = _encryption_public(identity)
            wrapped = wrap(data_key, Recipient(owner, public), context(owner))
            session.add(
                StoreKeyRow(
                    owner=owner,
                    key_id=key_id(data_key).hex(),
                    ephemeral=wrapped.ephemeral,
                    wrapped=wrapped.wrapped,
                )
            )
            session.flush()
            keys = StoreKeys()
            keys.add(owner, data_key)
            sealed = seal_in_place(session.connection(), keys, owner)
            created = True
            log.info("store key made for %s…; %d older values sealed", owner[:12], sealed)
    store.keys.add(owner, data_key)  # only once the key is committed: nothing is sealed under a lost key
    moved = reseal_evidence_copies(store)
    if moved:
        log.info("%d attached files re-sealed under their owners' keys", moved)
    store.scrub(vacuum=created or bool(moved))


def reseal_evidence_copies(store: Store) -> int:
    """Re-seal each attached file's copy that is sealed under another identity's key (the upgrade to
    revision 0006 copied a shared file for every owner, without keys) under its owner's key, when this
    process holds both keys; how many. Reads 12 bytes of each blob, opens only those to move."""
    column = "evidence_files.data"
    moved = 0
    with store.session() as session:
        conn = session.connection()
        heads = conn.execute(
            text("SELECT rowid, owner, substr(data, 1, 12) FROM evidence_files WHERE owner <> ''")
        ).all()
        for rowid, owner, head in heads:
            head, own = bytes(head), store.keys.key_id_of(owner)
            if own is None or head[:4] != MAGIC or head[4:12] == own or not store.keys.holds_key(head[4:12]):
                continue
            sealed = bytes(
                conn.execute(
                    text("SELECT data FROM evidence_files WHERE rowid = :r"), {"r": rowid}
                ).scalar_one()
            )
            data = store.keys.seal(store.keys.open(sealed, column), column, owner)
            conn.execute(
                text("UPDATE evidence_files SET data = :v WHERE rowid = :r"), {"v": data, "r": rowid}
            )
            moved += 1
    return moved


def _plain_rows(conn: Connection, spec: Sealed, owner: str) -> Iterator[tuple[int, Any]]:
    rowids = conn.execute(
        text(f"SELECT rowid FROM {spec.table} WHERE {spec.column} IS NOT NULL AND {spec.owner_rows}"),
        {"fp": owner},
    ).scalars()
    for rowid in list(rowids):
        value = conn.execute(
            text(f"SELECT {spec.column} FROM {spec.table} WHERE rowid = :r"), {"r": rowid}
        ).scalar()
        yield rowid, value


def _encryption_public(identity: Identity) -> x25519.X25519PublicKey | sm.Sm2PublicKey:
    """The identity's own encryption key, to wrap its store key to: X25519, or SM2 in the SM suite
    (``recipients.wrap`` dispatches; the wrap is an SM2 ciphertext with no ephemeral key)."""
    if identity.suite is suites.SM:
        return sm.load_sm2_public_key(identity.info.encryption_public, label=identity.info.label)
    return x25519.X25519PublicKey.from_public_bytes(identity.info.encryption_public)


def seal_in_place(conn: Connection, keys: StoreKeys, owner: str) -> int:
    """Seal every value of ``owner`` still in the clear, in the caller's transaction; how many."""
    count = 0
    for spec in SEALED:
        name = f"{spec.table}.{spec.column}"
        for rowid, value in _plain_rows(conn, spec, owner):
            if spec.kind == "bytes":
                data = bytes(value)
                if is_sealed_bytes(data):
                    continue
                new: Any = keys.seal(data, name, owner)
            elif spec.kind == "bool":
                if isinstance(value, str) and is_sealed_text(value):
                    continue
                new = seal_text(keys, "1" if int(value) else "0", name)
            else:
                if is_sealed_text(str(value)):
                    continue
                new = seal_text(keys, str(value), name)
            conn.execute(
                text(f"UPDATE {spec.table} SET {spec.column} = :v WHERE rowid = :r"), {"v": new, "r": rowid}
            )
            count += 1
    return count
