"""Alembic environment, driven from code by :mod:`reviewer.models.migrate` (there is no alembic.ini).

Online, the caller hands over an open connection in a transaction (``config.attributes["connection"]``):
the whole upgrade, version-table update included, commits or rolls back as one. Offline (``--sql``)
renders the DDL for the dialect of ``sqlalchemy.url``, which is how the PostgreSQL script is reviewed.
"""

from __future__ import annotations

from typing import Any

from alembic import context

from reviewer.models.orm import Base, UTCDateTime

config = context.config


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our column types as plain SQLAlchemy types: a migration must not import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


OPTIONS: dict[str, Any] = {
    "target_metadata": Base.metadata,
    "render_as_batch": True,  # SQLite cannot ALTER most things; batch mode is a no-op elsewhere
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
        raise RuntimeError("run migrations through reviewer.models.migrate, which supplies the connection")
    context.configure(connection=connection, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
