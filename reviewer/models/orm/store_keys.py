"""The store keys: one random 256-bit key per identity that keeps work here, wrapped to its X25519
key (revision 0005). See :mod:`reviewer.models.sealed` and ``docs/security.md`` (at rest)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewer.models.orm.base import Base, utcnow


class StoreKeyRow(Base):
    """``owner`` is the identity's fingerprint; ``ephemeral``/``wrapped`` its wrapped store key."""

    __tablename__ = "store_keys"

    owner: Mapped[str] = mapped_column(String(128), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    ephemeral: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
