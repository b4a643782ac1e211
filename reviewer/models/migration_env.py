"""The body every Alembic ``env.py`` of ours shares (the expert store's and the ministry registry's).

Migrations are driven from code, never from an alembic.ini. Online, the caller hands over an open
connection in a transaction (``config.attributes["connection"]``): the whole upgrade, version-table
update included, commits or rolls back as one. Offline (``--sql``) renders the DDL for the dialect
of ``sqlalchemy.url``, which is how a PostgreSQL script is reviewed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData

from reviewer.models.orm import UTCDateTime


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our column types as plain SQLAlchemy types: a migration must not import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run(context: Any, metadata: MetaData, *, driver: str, version_table: str | None = None) -> None:
    """Configure ``context`` for ``metadata`` and run the migrations, offline or online."""
    options: dict[str, Any] = {
        "target_metadata": metadata,
        "render_as_batch": True,  # SQLite cannot ALTER most things; batch mode is a no-op elsewhere
        "compare_type": True,
        "render_item": render_item,
        "transactional_ddl": True,
    }
    if version_table:
        options["version_table"] = version_table
    config = context.config
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            literal_binds=True,
            dialect_opts={"paramstyle": "named"},
            **options,
        )
    else:
        connection = config.attributes.get("connection")
        if connection is None:
            raise RuntimeError(f"run migrations through {driver}, which supplies the connection")
        context.configure(connection=connection, **options)
    with context.begin_transaction():
        context.run_migrations()
