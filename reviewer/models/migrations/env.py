"""Alembic environment of the expert's local store, driven from code by :mod:`reviewer.models.migrate`.

The shared body (offline/online, one transaction, portable column types) is
:mod:`reviewer.models.migration_env`.
"""

from __future__ import annotations

from alembic import context

from reviewer.models.migration_env import run
from reviewer.models.orm import Base

run(context, Base.metadata, driver="reviewer.models.migrate")
