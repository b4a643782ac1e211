"""Alembic migrations of the ministry registry, run programmatically by :mod:`reviewer.ministry.database`."""
