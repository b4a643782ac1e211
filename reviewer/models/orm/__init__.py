"""The ORM: one module per area, all on one :class:`Base` whose metadata the migrations must match.

A new table goes in its own module here, imported below (so ``Base.metadata`` is complete for the
migration check), with a hand-written Alembic revision under ``reviewer/models/migrations/versions``.
ORM rows never leave ``reviewer.models``: repositories turn them into frozen dataclasses.
"""

from reviewer.models.orm.base import NAMING_CONVENTION, Base, UTCDateTime, utcnow
from reviewer.models.orm.chair import (
    ChairClosingFactRow,
    ChairDecisionRow,
    ChairRecordLogRow,
    ChairSheetRow,
    ChairVoteRow,
)
from reviewer.models.orm.recent_files import RecentFileRow
from reviewer.models.orm.standards import StandardRow
from reviewer.models.orm.store_keys import StoreKeyRow
from reviewer.models.orm.workbench import (
    UNCLAIMED,
    AuditRow,
    EligibilityAnswerRow,
    EvidenceFileRow,
    EvidenceRefRow,
    ReturnedCodeRow,
    ReviewRow,
    ScoreRow,
    ScratchpadRow,
    SheetVersionRow,
    SiteNoteRow,
    UndoStackRow,
    YesNoAnswerRow,
)

__all__ = [
    "NAMING_CONVENTION",
    "UNCLAIMED",
    "AuditRow",
    "Base",
    "ChairClosingFactRow",
    "ChairDecisionRow",
    "ChairRecordLogRow",
    "ChairSheetRow",
    "ChairVoteRow",
    "EligibilityAnswerRow",
    "EvidenceFileRow",
    "EvidenceRefRow",
    "RecentFileRow",
    "ReturnedCodeRow",
    "ReviewRow",
    "ScoreRow",
    "ScratchpadRow",
    "SheetVersionRow",
    "SiteNoteRow",
    "StandardRow",
    "StoreKeyRow",
    "UTCDateTime",
    "UndoStackRow",
    "YesNoAnswerRow",
    "utcnow",
]
