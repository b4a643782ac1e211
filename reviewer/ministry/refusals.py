"""Typed refusals of the registry's lifecycle (each a :class:`~reviewer.errors.Refused`, exit 18)."""

from __future__ import annotations

from datetime import date

from reviewer.errors import Refused
from reviewer.i18n import T
from reviewer.ministry.engine import STATUS_LABELS


def _words(status: str) -> tuple[str, str]:
    return STATUS_LABELS.get(status, (status, status))


class NotTitleHolder(Refused):
    """A star rating was given for a candidate that does not hold the title (not awarded or warned)."""

    def __init__(self, name: str, status: str) -> None:
        zh, en = _words(status)
        super().__init__(
            T(
                "“{name}”不持有称号（当前状态：" + zh + "），不能登记星级。",
                "“{name}” does not hold the title (status: " + en + "); no star rating can be recorded.",
                name=name,
            )
        )
        self.name = name
        self.status = status


class PublicityNotEnded(Refused):
    """The 公示 of a candidate is decided before its end date."""

    def __init__(self, name: str, ends: date) -> None:
        super().__init__(
            T(
                "“{name}”的公示期至 {ends} 结束，期满后方可作出决定。",
                "The publicity of “{name}” ends on {ends}; it can be decided only after that day.",
                name=name,
                ends=ends.isoformat(),
            )
        )
        self.name = name
        self.ends = ends


class WrongStage(Refused):
    """A lifecycle step was asked of a candidate not at the stage it applies to."""

    def __init__(self, name: str, status: str, step_zh: str, step_en: str) -> None:
        zh, en = _words(status)
        super().__init__(
            T(
                "“{name}”当前状态为“" + zh + "”，不能" + step_zh + "。",
                "“{name}” is " + en + "; it cannot " + step_en + ".",
                name=name,
            )
        )
        self.name = name
        self.status = status


class PublicityRefused(Refused):
    """A 公示 period the rules do not allow: before the pass, rewritten once started, or too short."""


class ThirdPartyReportMissing(Refused):
    """A park's application review result before the third-party institution's report on that application."""

    def __init__(self, name: str) -> None:
        super().__init__(
            T(
                "“{name}”的申请尚未登记第三方机构评估报告，不能登记其申请评审结果。请先登记报告："
                "reviewer ministry third-party “{name}” 报告文件 --institution 机构名称，"
                "或在登记册页点击“第三方机构报告…”。",
                "No third-party institution's report is recorded for the application of “{name}”: its "
                "application review result cannot be registered. Record the report first: reviewer "
                "ministry third-party “{name}” FILE --institution INSTITUTION, or Third-party report… "
                "on the registry page.",
                name=name,
            )
        )
        self.name = name
