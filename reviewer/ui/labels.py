"""Translated names for the domain's enumerations, and number formatting for display.

Functions, not module constants: ``translate`` must run after the translator is installed, so the
names follow a live language switch.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from reviewer import i18n
from reviewer.standards.model import (
    CandidateType,
    CommentRule,
    EvidenceMethod,
    ReviewKind,
    VetoCombine,
    YesNoEffect,
)
from reviewer.trust import suites


def number(value: Decimal | None) -> str:
    """``8`` for 8.0, ``0.5`` for 0.50, empty for None: points as a person writes them."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def beijing_time(when: datetime | str) -> str:
    """A moment as the panel reads it, in the UI's language: ``2026-06-17 16:00（北京时间）``
    (:func:`reviewer.i18n.beijing`, the one formatting of a time)."""
    return str(i18n.beijing(when))


def person(name: str, org: str) -> str:
    """A person with their organisation, in the brackets of the UI's language: 王堃（某研究院）."""
    if not org:
        return name
    return str(i18n.T("{name}（{org}）", "{name} ({org})", name=name, org=org))


def share(value: Decimal) -> str:
    """A share of the points (``0.9``) as a percentage (``90%``)."""
    return f"{number(value * 100)}%"


def evidence_name(method: EvidenceMethod) -> str:
    names = {
        EvidenceMethod.DOCUMENT_REVIEW: QCoreApplication.translate("labels", "Document review"),
        EvidenceMethod.SITE_INSPECTION: QCoreApplication.translate("labels", "Site inspection"),
        EvidenceMethod.KEY_INTERVIEW: QCoreApplication.translate("labels", "Key interview"),
        EvidenceMethod.THEMED_FORUM: QCoreApplication.translate("labels", "Themed forum"),
        EvidenceMethod.PRESENTATION_QUESTIONING: QCoreApplication.translate(
            "labels", "Presentation and questioning"
        ),
    }
    return names[method]


def evidence_names(methods: tuple[EvidenceMethod, ...]) -> str:
    return QCoreApplication.translate("labels", ", ").join(evidence_name(m) for m in methods)


def kind_name(kind: ReviewKind) -> str:
    names = {
        ReviewKind.APPLICATION: QCoreApplication.translate("labels", "Application review"),
        ReviewKind.CREATION: QCoreApplication.translate("labels", "Creation review"),
        ReviewKind.ANNUAL: QCoreApplication.translate("labels", "Annual evaluation"),
    }
    return names[kind]


def candidate_name(candidate: CandidateType) -> str:
    names = {
        CandidateType.CITY: QCoreApplication.translate("labels", "Famous city"),
        CandidateType.PARK: QCoreApplication.translate("labels", "Famous park"),
    }
    return names[candidate]


def effect_name(effect: YesNoEffect) -> str:
    names = {
        YesNoEffect.VETO: QCoreApplication.translate("labels", "Veto"),
        YesNoEffect.GATE: QCoreApplication.translate("labels", "Gate"),
    }
    return names[effect]


def combine_name(combine: VetoCombine) -> str:
    names = {
        VetoCombine.ANY_NO: QCoreApplication.translate("labels", "One expert's “no” decides"),
        VetoCombine.MAJORITY_NO: QCoreApplication.translate("labels", "A majority of “no” decides"),
        VetoCombine.ALL_NO: QCoreApplication.translate("labels", "Every expert's “no” is needed"),
    }
    return names[combine]


def comment_rule_name(rule: CommentRule) -> str:
    names = {
        CommentRule.DEFAULT: QCoreApplication.translate("labels", "As the standard's comment policy says"),
        CommentRule.ALWAYS: QCoreApplication.translate("labels", "Always required"),
        CommentRule.NEVER: QCoreApplication.translate("labels", "Not required"),
    }
    return names[rule]


def suite_name(suite: suites.Suite) -> str:
    """The algorithm suite as a person chooses and checks it (the one place of these names)."""
    names = {
        suites.NIST_ID: QCoreApplication.translate(
            "labels", "International algorithms (ECDSA P-256 / X25519 / AES-256-GCM)"
        ),
        suites.SM_ID: QCoreApplication.translate("labels", "SM algorithms (SM2 / SM3 / SM4)"),
    }
    return names.get(suite.id, suite.id)


def suite_line(suite_id: str) -> str:
    """「算法套件：国密算法（SM2 / SM3 / SM4）」 for an artifact's ``"suite"`` field (an id this
    release does not know is shown as it is: the reader refuses it anyway)."""
    return QCoreApplication.translate("labels", "Algorithm suite: {suite}").format(
        suite=suite_name_of(suite_id)
    )


def suite_name_of(suite_id: str) -> str:
    """:func:`suite_name` of an artifact's ``"suite"`` field (an id this release does not know is
    shown as it is: the reader refuses it anyway)."""
    return suite_name(suites.by_id(suite_id)) if suite_id in suites.SUITE_IDS else suite_id
