"""``reviewer doctor``: a self-test of the installed app, for the person using it or for support.

Each check is a small function returning one or more :class:`CheckResult`; :func:`run_checks` runs
them so that a check that breaks unexpectedly is itself a failed line, never a traceback. The checks
that need no Qt live in :mod:`reviewer.doctor.checks`; the Qt ones in ``reviewer.ui.doctor_checks``,
loaded only by the command. Everything a check makes goes into a temporary folder, removed after;
the user's data folder is only located and reported, never created or read.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reviewer.i18n import T, Text, language


class Status(enum.Enum):
    OK = "ok"
    WARN = "warn"  # works, but something the person should know (no keyring: passphrases asked)
    FAIL = "fail"
    INFO = "info"  # not a check: where things are

    @property
    def mark(self) -> str:
        return {"ok": "✔", "warn": "⚠", "fail": "✘", "info": "•"}[self.value]


@dataclass(frozen=True)
class CheckResult:
    key: str  # stable, for --json and tests: "resources.font", "keyring", ...
    name: Text
    status: Status
    detail: Text | str

    def line(self) -> str:
        colon = ": " if language() == "en" else "："
        return f"{self.status.mark} {self.name}{colon}{self.detail}"

    def as_json(self) -> dict[str, str]:
        return {
            "key": self.key,
            "name": str(self.name),
            "status": self.status.value,
            "detail": str(self.detail),
        }


Check = Callable[[], "CheckResult | Sequence[CheckResult]"]


def ok(key: str, name: Text, detail: Text | str) -> CheckResult:
    return CheckResult(key, name, Status.OK, detail)


def failed(key: str, name: Text, detail: Text | str) -> CheckResult:
    return CheckResult(key, name, Status.FAIL, detail)


@dataclass(frozen=True)
class Named:
    """A check with the key and name its line carries when it breaks unexpectedly."""

    key: str
    name: Text
    run: Check


def run_checks(checks: Iterable[Named]) -> Iterable[CheckResult]:
    """Run each check in turn, yielding its results; an unexpected exception is a failed line."""
    for check in checks:
        try:
            found = check.run()
        except Exception as exc:  # the doctor reports what broke; it must not break itself
            yield failed(
                check.key, check.name, T("意外错误：{err}", "unexpected error: {err}", err=_describe(exc))
            )
            continue
        yield from [found] if isinstance(found, CheckResult) else found


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def healthy(results: Iterable[CheckResult]) -> bool:
    """True when no check failed (warnings and information lines do not count)."""
    return all(r.status is not Status.FAIL for r in results)
