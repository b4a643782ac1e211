"""Alembic migrations of the local store, run programmatically by :mod:`reviewer.models.migrate`."""
