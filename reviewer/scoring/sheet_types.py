"""The values of a score sheet once verified: its signed header, its content, its correction.

Shared by :mod:`.sheet_build` (the expert's side) and :mod:`.sheet` (verify and open).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cryptography import x509

from reviewer.scoring.inputs import ExpertScores, FigureAnswer
from reviewer.scoring.sheet_model import Declarations, SheetAnswers, evidence_text

MIMETYPE = "application/vnd.reviewer.sheet+zip"
FORMAT = "reviewer.sheet"
CONTENT_FORMAT = "reviewer.sheet-content"
KINDS = ("score", "recusal")
CLOCK_SKEW = timedelta(days=1)
SHEET_SUFFIX = ".rvsheet"


@dataclass(frozen=True)
class Correction:
    """Why version n+1 exists: the chair's return notice (its digest), the reason and the codes it named."""

    reason: str
    return_notice_sha256: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class SheetHeader:
    """The signed, public claims of a sheet, after its signature, chain and binding were checked."""

    digest: str  # SHA-256 of header.json: how other files name this sheet
    sheet_id: str
    kind: str
    package_id: str
    manifest_sha256: str
    signer_name: str
    signer_org: str
    signer_fingerprint: str
    role: str
    revision: int
    previous_sha256: str | None
    created: str
    signer: x509.Certificate

    @property
    def recused(self) -> bool:
        return self.kind == "recusal"


@dataclass(frozen=True)
class VerifiedSheet:
    """A sheet whose signature, chain, revocation, binding and roster membership were verified, and
    whose content this reader decrypted and checked against the standard."""

    header: SheetHeader
    answers: SheetAnswers
    correction: Correction | None
    data: bytes  # the file exactly as signed (the result bundle carries these bytes)
    bound: bool = True  # False: opened without its package (no roster, binding or revocation check)

    @property
    def digest(self) -> str:
        return self.header.digest

    @property
    def expert_id(self) -> str:
        """The signer's certificate fingerprint: how the engine and the chair name an expert."""
        return self.header.signer_fingerprint

    @property
    def revision(self) -> int:
        return self.header.revision

    @property
    def recused(self) -> bool:
        return self.header.recused

    @property
    def declarations(self) -> Declarations:
        return self.answers.declarations

    def to_expert_scores(self) -> ExpertScores:
        if self.recused:
            return ExpertScores(self.expert_id, recused=True, version=self.revision)
        return ExpertScores(
            self.expert_id,
            scores={code: s.score for code, s in self.answers.scores.items()},  # type: ignore[misc]  # checked: Decimal
            answers={code: y.answer for code, y in self.answers.yes_no.items()},
            version=self.revision,
            figures={
                code: FigureAnswer(f.confirmed, f.comment, tuple(map(evidence_text, f.evidence)))
                for code, f in self.answers.figures.items()
            },
        )
