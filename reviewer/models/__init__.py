"""The local store: SQLAlchemy ORM, Alembic migrations, and repositories returning frozen dataclasses.

Open a :class:`Store` on the data folder (or a URL), then use a repository over it::

    store = Store.open()
    library = StandardLibrary(store)
    record = library.import_file("criteria.json")
    standard = library.load(record.sha256)

Nothing outside this package sees an ORM object or a session that outlives one unit of work.
"""

from reviewer.models.library import LibraryCorrupted, StandardLibrary, StandardNotFound, StandardRecord
from reviewer.models.migrate import MigrationFailed, SchemaTooNew
from reviewer.models.recent import RecentFile, RecentFiles
from reviewer.models.store import DB_FILENAME, Store, StoreUnavailable

__all__ = [
    "DB_FILENAME",
    "LibraryCorrupted",
    "MigrationFailed",
    "RecentFile",
    "RecentFiles",
    "SchemaTooNew",
    "StandardLibrary",
    "StandardNotFound",
    "StandardRecord",
    "Store",
    "StoreUnavailable",
]
