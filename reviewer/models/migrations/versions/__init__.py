"""Hand-written Alembic revisions, numbered 0001, 0002, ... in order."""
