"""The inputs of the reconciliation engine: each expert's scores and the chair's decisions.

These are plain frozen values. Where they come from (signed sheet files, the chair's database,
a decisions file on the command line) is not the engine's concern: the caller has already verified
signatures, bound the sheets to the package and kept only the newest version of each expert's sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(sorted(dict(value).items())))


@dataclass(frozen=True)
class FigureAnswer:
    """An expert's check of an objective indicator's figure: confirmed, or flagged with a comment and
    evidence (each as the text the record prints: ``materials/x.pdf p.3``, ``photo.jpg sha256 …``)."""

    confirmed: bool
    comment: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExpertScores:
    """One expert's final sheet: scores per leaf indicator and answers per yes/no item.

    A recused expert's (回避) sheet does not count: its scores and answers are ignored.
    ``answers`` maps a yes/no item's code to ``True`` for "yes" (是) and ``False`` for "no" (否).
    """

    expert_id: str
    recused: bool = False
    scores: Mapping[str, Decimal] = field(default_factory=dict)
    answers: Mapping[str, bool] = field(default_factory=dict)
    version: int = 1
    figures: Mapping[str, FigureAnswer] = field(default_factory=dict)  # objective leaves: the checks

    def __post_init__(self) -> None:
        object.__setattr__(self, "scores", _frozen_mapping(self.scores))
        object.__setattr__(self, "answers", _frozen_mapping(self.answers))
        object.__setattr__(self, "figures", _frozen_mapping(self.figures))

    def __hash__(self) -> int:
        return hash(
            (
                self.expert_id,
                self.recused,
                tuple(self.scores.items()),
                tuple(self.answers.items()),
                self.version,
                tuple(self.figures.items()),
            )
        )


@dataclass(frozen=True)
class ConsensusScore:
    """A score the panel agreed on that replaces the computed aggregate of one leaf indicator.

    ``rationale`` (why the panel departs from the arithmetic) is mandatory; ``by`` is who decided
    (the chair's expert id) and ``at`` when, as an ISO 8601 timestamp.
    """

    value: Decimal
    rationale: str
    by: str
    at: str


@dataclass(frozen=True)
class Explanation:
    """An expert's written explanation of a divergent score (偏离说明), carried to the output."""

    expert_id: str
    code: str
    text: str


@dataclass(frozen=True)
class Decisions:
    """The chair's decisions that enter the arithmetic or are carried with it."""

    consensus: Mapping[str, ConsensusScore] = field(default_factory=dict)
    explanations: tuple[Explanation, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "consensus", _frozen_mapping(self.consensus))
        ordered = sorted(self.explanations, key=lambda e: (e.expert_id, e.code, e.text))
        object.__setattr__(self, "explanations", tuple(ordered))

    def __hash__(self) -> int:
        return hash((tuple(self.consensus.items()), self.explanations))
