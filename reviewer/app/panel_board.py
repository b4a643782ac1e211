"""The chair's status board (组员状态): one row per panel member of the package's signed roster,
saying where their sheet stands — submitted, pending, returned for correction or recused — and the
newest version the chair holds.

Derived only from what the chair's state already holds (the sheets imported and kept in the chair
store, verified again at each opening, and the decisions logged there, whose return notices say
which version was sent back), so after closing and reopening the package the board shows again who
is missing. Qt-free and cheap; the chair panel runs it on a worker through
:class:`~reviewer.ui.tasks.Task` and shows the frozen rows through a table model adapter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.packages.manifest import RosterMember
from reviewer.scoring.decisions import ReturnDecision
from reviewer.scoring.sheet_types import VerifiedSheet

SUBMITTED, PENDING, RETURNED, RECUSED = "submitted", "pending", "returned", "recused"


@dataclass(frozen=True)
class MemberStatus:
    """One member's row: who, their role on the panel, and where their sheet stands."""

    fingerprint: str  # the member's certificate SHA-256 (how the engine names them)
    name: str
    org: str
    role: str  # the role in the roster ("chair", "member", …)
    status: str  # SUBMITTED, PENDING, RETURNED or RECUSED
    version: int = 0  # the newest version held (0: none)
    signed_at: str = ""  # when that version was signed (ISO 8601, UTC, as the sheet says)
    returned_version: int = 0  # RETURNED: the version sent back (the chair awaits the next one)
    returned_at: str = ""  # RETURNED: when the return notice was recorded (ISO 8601, UTC)

    @property
    def awaited_version(self) -> int:
        """The version the chair is waiting for (0: none awaited)."""
        if self.status == PENDING:
            return 1
        return self.returned_version + 1 if self.status == RETURNED else 0


@dataclass(frozen=True)
class PanelBoard:
    """The board: the rows in roster order, and how many are in each state."""

    members: tuple[MemberStatus, ...]

    def count(self, status: str) -> int:
        return sum(m.status == status for m in self.members)

    @property
    def missing(self) -> tuple[MemberStatus, ...]:
        """The members whose sheet the chair still waits for (pending or returned)."""
        return tuple(m for m in self.members if m.status in (PENDING, RETURNED))


def panel_board(
    roster: Sequence[RosterMember], sheets: Sequence[VerifiedSheet], returns: Sequence[ReturnDecision]
) -> PanelBoard:
    """The board for ``roster`` from the sheets held (the newest version of each member counts) and
    the return notices recorded: a member whose newest held version was returned is awaited again
    (version n+1); a recusal is final; no sheet yet is pending."""
    newest: dict[str, VerifiedSheet] = {}
    for offered in sheets:
        held = newest.get(offered.expert_id)
        if held is None or offered.revision > held.revision:
            newest[offered.expert_id] = offered
    rows = []
    for member in roster:
        fp = member.cert_sha256
        sheet = newest.get(fp)
        version = sheet.revision if sheet is not None else 0
        signed_at = sheet.header.created if sheet is not None else ""
        returned = [r for r in returns if r.expert == fp and r.revision >= version]
        if sheet is not None and returned:
            last = max(returned, key=lambda r: (r.revision, r.at))
            row = MemberStatus(
                fp, member.name, member.org, member.role, RETURNED, version, signed_at, last.revision, last.at
            )
        elif sheet is None:
            row = MemberStatus(fp, member.name, member.org, member.role, PENDING)
        else:
            status = RECUSED if sheet.recused else SUBMITTED
            row = MemberStatus(fp, member.name, member.org, member.role, status, version, signed_at)
        rows.append(row)
    return PanelBoard(tuple(rows))


__all__ = ["PENDING", "RECUSED", "RETURNED", "SUBMITTED", "MemberStatus", "PanelBoard", "panel_board"]
