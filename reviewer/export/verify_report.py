"""What ``reviewer verify`` found about one file: its kind, claims, signatures and outcome."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from reviewer.errors import ReviewerError, Tampered, Untrusted
from reviewer.i18n import T, Text


class ArtifactKind(StrEnum):
    PACKAGE = "package"
    SHEET = "sheet"
    RETURN_NOTICE = "return-notice"
    BUNDLE = "bundle"
    RECORD = "record"
    MOTION = "motion"
    STATEMENT = "statement"
    DATA_RETURN = "data-return"

    @property
    def label(self) -> Text:
        return {
            ArtifactKind.PACKAGE: T("评审包（.rvpkg）", "review package (.rvpkg)"),
            ArtifactKind.SHEET: T("评分表（.rvsheet）", "score sheet (.rvsheet)"),
            ArtifactKind.RETURN_NOTICE: T("退回通知（.rvreturn）", "return notice (.rvreturn)"),
            ArtifactKind.BUNDLE: T("评审结果包（.rvresult）", "result bundle (.rvresult)"),
            ArtifactKind.RECORD: T("评审意见表（PDF）", "review record (PDF)"),
            ArtifactKind.MOTION: T("表决提请（.rvmotion）", "motion (.rvmotion)"),
            ArtifactKind.STATEMENT: T("专家组成员声明（.rvstatement）", "member's statement (.rvstatement)"),
            ArtifactKind.DATA_RETURN: T("年度数据报送（.rvdata）", "annual data return (.rvdata)"),
        }[self]


@dataclass(frozen=True)
class SignatureLine:
    """One signature: who, in what role, over what; ``None`` for a check that could not be made."""

    signer: str
    fingerprint: str
    role: Text
    over: Text
    intact: bool | None
    trusted: bool | None
    when: str = ""


@dataclass(frozen=True)
class Report:
    path: str
    kind: ArtifactKind | None
    claims: tuple[Text, ...] = ()
    signatures: tuple[SignatureLine, ...] = ()
    notes: tuple[Text, ...] = ()
    error: ReviewerError | None = None

    @property
    def exit_code(self) -> int:
        return 0 if self.error is None else self.error.exit_code


def overall_exit_code(reports: list[Report]) -> int:
    """Tampered (11) before untrusted (12) before any other failure before not a reviewer file (10)."""
    codes = {r.exit_code for r in reports}
    for code in (11, 12):
        if code in codes:
            return code
    others = sorted(c for c in codes if c not in (0, 10))
    if others:
        return others[-1]
    return 10 if 10 in codes else 0


def failed(line: partial[SignatureLine], exc: ReviewerError) -> SignatureLine:
    """A signature whose check raised ``exc``: tampered → not intact; otherwise (untrusted chain,
    expired, revoked) → not trusted, the signature itself not reached."""
    if isinstance(exc, Tampered):
        return line(intact=False, trusted=None)
    return line(intact=None, trusted=False)


def no_anchor() -> Untrusted:
    return Untrusted(
        T(
            "未核验签名是否可信：没有信任根。请用 --identity 目录 或 --trust 根证书 重新运行。",
            "Whether the signature is trusted was NOT checked: no trust anchor. Run again with "
            "--identity DIR or --trust CERT.",
        )
    )
