"""The typed errors every part of the core raises for an expected failure.

Each carries a :class:`~reviewer.i18n.Text` that says what happened and what to do, and an exit
code for the command line. Codes are stable and documented in ``reviewer --help``.
"""

from __future__ import annotations

import errno

from reviewer.i18n import T, Text


class ReviewerError(Exception):
    """Base of every expected failure. ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: Text, *, detail: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return str(self.message)


class UsageError(ReviewerError):
    """The command was given something it cannot use (missing file, bad option value)."""

    exit_code = 2


class OverLimit(UsageError):
    """What was asked exceeds a limit of the file format (too many materials, a name or a manifest
    too large): refused before anything is written, saying which limit and what to do (exit 2)."""


class NotArchived(UsageError):
    """An imported result bundle is not in the desk's archive (imported before the desk kept bundles,
    or removed): import the .rvresult again (exit 2)."""


class InvalidInput(ReviewerError):
    """A file the user supplied is not valid (a standard, a panel file, a scores file...)."""

    exit_code = 3


class DiskFull(ReviewerError, OSError):
    """A file could not be written because the disk (or the user's quota) is full.

    Raised instead of the ``OSError`` (ENOSPC, EDQUOT) or SQLite's "database or disk is full";
    whatever was being written was left as it was before (temporary file removed). It is also an
    ``OSError`` (errno ENOSPC), so code that already handles write failures keeps handling it.
    """

    exit_code = 4

    def __init__(self, path: object = None, *, detail: str | None = None) -> None:
        super().__init__(
            T(
                "磁盘已满，无法写入 {path}。请腾出磁盘空间（或换一个文件夹）后重新运行；"
                "已有的文件保持原样，没有写入一半的文件。",
                "The disk is full: {path} could not be written. Free some disk space (or choose "
                "another folder) and run the command again; existing files were left as they were, "
                "nothing was written half.",
                path=str(path) if path is not None else "—",
            ),
            detail=detail,
        )
        self.errno = errno.ENOSPC
        self.strerror = str(self.message)
        self.filename = None if path is None else str(path)


class SetupError(ReviewerError):
    """The app's installation or its surroundings are not usable (a damaged installation, a data
    folder that cannot be written); ``reviewer doctor`` ends with this code when a check fails."""

    exit_code = 5


class PortableNotWritable(SetupError):
    """Portable mode (the marker beside the app) points at a folder that cannot be written."""

    def __init__(self, path: object, *, detail: str | None = None) -> None:
        super().__init__(
            T(
                "便携模式的数据文件夹 {path} 无法写入（U 盘可能是只读的）。请把整个程序文件夹复制到可写的位置"
                "（或解除 U 盘的写保护），或删除程序旁的 portable.txt 以使用本机的数据文件夹。",
                "The portable data folder {path} cannot be written (the stick may be read-only). Copy the "
                "whole app folder to a writable place (or unlock the stick), or delete portable.txt beside "
                "the app to use this computer's data folder.",
                path=str(path),
            ),
            detail=detail,
        )


# --- trust and artifact errors (packages, sheets, records, bundles) -------------------------
# Exit codes 10-19 are reserved for artifacts; ``reviewer --help`` lists them.


class NotAnArtifact(ReviewerError):
    """The file is not a reviewer artifact of the expected kind at all."""

    exit_code = 10


class EarlierFormat(NotAnArtifact):
    """An artifact in a format an earlier release wrote, which this release no longer reads."""


class Tampered(ReviewerError):
    """The file's signature or authenticated encryption does not match its content."""

    exit_code = 11


class Untrusted(ReviewerError):
    """Signed, but not by a key that chains to the pinned ministry root."""

    exit_code = 12


class SuiteMismatch(Untrusted):
    """The file, credential or request uses the other algorithm suite (NIST or SM) than the
    authority or the pinned root: the two suites are never mixed in one panel (exit 12)."""


class NotOnPanel(ReviewerError):
    """This identity is not a recipient of the package (not on this panel)."""

    exit_code = 13


class Expired(ReviewerError):
    """The artifact or a certificate is outside its validity period."""

    exit_code = 14


class WrongPassphrase(ReviewerError):
    """A private key could not be unlocked with the passphrase given."""

    exit_code = 15


class HostileArchive(ReviewerError):
    """The container is malformed in a way that looks deliberate (traversal, bombs, duplicates)."""

    exit_code = 16


class Revoked(ReviewerError):
    """Signed with a credential the ministry revoked before the time of signing."""

    exit_code = 17


class Refused(ReviewerError):
    """A well-formed artifact that this step refuses (duplicate, outdated version, wrong package)."""

    exit_code = 18


class CompositionRefused(Refused):
    """A panel that breaks a composition rule whose action is ``refuse`` (``panel-rules.json``):
    the message names each rule broken, its source and what to change (exit 18)."""

    def __init__(self, message: Text, *, rules: tuple[str, ...] = (), detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.rules = rules  # the codes of the rules broken (min-size, odd-size, ...)


class KeyUnavailable(ReviewerError):
    """No passphrase could be obtained for a private key (no keyring, no prompt possible)."""

    exit_code = 19


EXIT_CODES: dict[int, tuple[str, str]] = {
    0: ("成功", "success"),
    1: ("其他错误", "other error"),
    2: ("用法错误", "usage error"),
    3: ("输入文件无效", "invalid input file"),
    4: ("磁盘已满", "disk full"),
    5: (
        "安装或运行环境有问题（见 reviewer doctor）",
        "installation or environment problem (see reviewer doctor)",
    ),
    10: ("不是评审文件", "not a reviewer file"),
    11: ("已被篡改", "tampered"),
    12: ("签发者不受信任", "untrusted signer"),
    13: ("不在本专家组", "not on this panel"),
    14: ("已过期", "expired"),
    15: ("口令错误", "wrong passphrase"),
    16: ("恶意或畸形的归档", "hostile archive"),
    17: ("证书已吊销", "revoked credential"),
    18: ("被拒绝", "refused"),
    19: ("无法取得私钥口令", "key passphrase unavailable"),
}


DISK_FULL_ERRNOS = frozenset(n for n in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if n is not None)


def disk_full(exc: BaseException, path: object = None) -> DiskFull | None:
    """A :class:`DiskFull` when ``exc`` (or what caused it) is a full disk, else None.

    Recognises ``OSError`` with ENOSPC/EDQUOT and SQLite's SQLITE_FULL ("database or disk is full",
    also when SQLAlchemy wraps it), following ``__cause__``/``__context__``.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull):
            return current
        if isinstance(current, OSError) and current.errno in DISK_FULL_ERRNOS:
            return DiskFull(path or current.filename, detail=str(current))
        if "database or disk is full" in str(current):
            return DiskFull(path, detail=str(current))
        current = current.__cause__ or current.__context__
    return None
