"""The typed errors every part of the core raises for an expected failure.

Each carries a :class:`~reviewer.i18n.Text` that says what happened and what to do, and an exit
code for the command line. Codes are stable and documented in ``reviewer --help``.
"""

from __future__ import annotations

from reviewer.i18n import Text


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


class InvalidInput(ReviewerError):
    """A file the user supplied is not valid (a standard, a panel file, a scores file...)."""

    exit_code = 3


# --- trust and artifact errors (packages, sheets, records, bundles) -------------------------
# Exit codes 10-19 are reserved for artifacts; ``reviewer --help`` lists them.


class NotAnArtifact(ReviewerError):
    """The file is not a reviewer artifact of the expected kind at all."""

    exit_code = 10


class Tampered(ReviewerError):
    """The file's signature or authenticated encryption does not match its content."""

    exit_code = 11


class Untrusted(ReviewerError):
    """Signed, but not by a key that chains to the pinned ministry root."""

    exit_code = 12


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


class KeyUnavailable(ReviewerError):
    """No passphrase could be obtained for a private key (no keyring, no prompt possible)."""

    exit_code = 19


EXIT_CODES: dict[int, tuple[str, str]] = {
    0: ("成功", "success"),
    1: ("其他错误", "other error"),
    2: ("用法错误", "usage error"),
    3: ("输入文件无效", "invalid input file"),
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
