"""Alembic environment of the ministry registry, driven from code by :mod:`reviewer.ministry.database`.

Its own version table (``ministry_alembic_version``), so the registry's revisions never mix with
the expert store's even if both were pointed at one database. Online, the caller hands over an open
connection in a transaction: the whole upgrade commits or rolls back as one. Offline (``--sql``)
renders the DDL for the dialect of ``sqlalchemy.url`` (how the PostgreSQL script is reviewed).
"""

from __future__ import annotations

from typing import Any

from alembic import context

from reviewer.ministry.orm import VERSION_TABLE, RegistryBase
from reviewer.models.orm import UTCDateTime

config = context.config


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


OPTIONS: dict[str, Any] = {
    "target_metadata": RegistryBase.metadata,
    "version_table": VERSION_TABLE,
    "render_as_batch": True,
    "compare_type": True,
    "render_item": render_item,
    "transactional_ddl": True,
}


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **OPTIONS,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through reviewer.ministry.database, which supplies the connection")
    context.configure(connection=connection, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
