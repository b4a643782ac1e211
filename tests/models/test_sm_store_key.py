"""The store key of an SM identity: wrapped to its SM2 encryption key (an SM2 ciphertext, no
ephemeral key), unwrapped on the next unlock; the values stay AES-256-GCM under that store key."""

from __future__ import annotations

from sqlalchemy import select

from reviewer.models.orm import StoreKeyRow
from reviewer.models.store import Store
from reviewer.trust import sm
from tests.sm_world import sm_world

__all__ = ["sm_world"]


def test_an_sm_identity_wraps_and_unwraps_its_store_key(sm_world, tmp_path) -> None:
    identity = sm_world.ids["li"]
    with Store.open(tmp_path) as store:
        store.unlock(identity)
        sealed = store.keys.seal(b"a value", "notes", identity.fingerprint)
        with store.session() as session:
            row = session.scalars(select(StoreKeyRow)).one()
        assert row.owner == identity.fingerprint
        assert row.ephemeral == b"" and 150 <= len(row.wrapped) <= 200 and row.wrapped[0] == 0x30
        assert len(sm.sm2_decrypt(identity._encryption_key, row.wrapped)) == 64
    with Store.open(tmp_path) as store:  # a new process: the key comes back from its SM2 wrap
        store.unlock(identity)
        assert store.keys.open(sealed, "notes") == b"a value"
