"""``recent_files``: files the user opened lately, for the start page and the File menu (revision 0001)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewer.models.orm.base import Base, utcnow


class RecentFileRow(Base):
    __tablename__ = "recent_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # 'standard', 'package', 'sheet', ...
    title: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
