"""Alembic environment of the ministry registry, driven from code by :mod:`reviewer.ministry.database`.

Its own version table (``ministry_alembic_version``), so the registry's revisions never mix with
the expert store's even if both were pointed at one database. The shared body (offline/online, one
transaction, portable column types) is :mod:`reviewer.models.migration_env`.
"""

from __future__ import annotations

from alembic import context

from reviewer.ministry.orm import VERSION_TABLE, RegistryBase
from reviewer.models.migration_env import run

run(context, RegistryBase.metadata, driver="reviewer.ministry.database", version_table=VERSION_TABLE)
