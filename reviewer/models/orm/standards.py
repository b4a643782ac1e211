"""``standards``: the local library of standards the user imported (revision 0001)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewer.models.orm.base import Base, utcnow


class StandardRow(Base):
    """One imported standard file. ``sha256`` of the exact bytes is its identity; ``body`` holds those
    bytes decoded as UTF-8 (a BOM, if any, is kept), so ``body.encode()`` gives the file back."""

    __tablename__ = "standards"

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    candidate_type: Mapped[str] = mapped_column(String(32))
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256_length"),
        Index(None, "standard_id", "version"),
    )
