"""Every registry test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``REVIEWER_TEST_PG_URL`` (``.ci/run`` starts a server with
``scripts/start-postgres.sh`` and exports it). Each test gets its own schema on that server, dropped
afterwards. Without the variable the PostgreSQL cases are skipped locally — and fail under CI, where
they must run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

PG_ENV = "REVIEWER_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.sqlite3'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(
                f"{PG_ENV} is not set under CI: .ci/run must start PostgreSQL (scripts/start-postgres.sh)"
            )
        pytest.skip(
            f"PostgreSQL tests need {PG_ENV} (run: export {PG_ENV}=$(bash scripts/start-postgres.sh))"
        )
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
