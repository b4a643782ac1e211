"""Files kept sealed in the data folder under an identity's store key: the chair's review record.

The chair's working copy of the review record (``chair/<package id>/record.pdf.rvsealed``, and the
copies a reopening sets aside) prints every member's subtotals, so it is kept as the store's sealed
columns are (:mod:`reviewer.models.sealed`): ``rvs1 | key id (8) | nonce (12) | AES-256-GCM(file)``,
under the chair's store key, with the file's name as additional data (a sealed file renamed does
not open), written through a temporary file and a rename (:func:`reviewer.files.write_atomic`)::

    files = SealedFiles(store.keys, chair.fingerprint)
    files.write(folder / "record.pdf.rvsealed", pdf)       # StoreLocked if the chair has not unlocked
    pdf = files.read(folder / "record.pdf.rvsealed")        # Tampered if altered or renamed
    files.seal_in_place(folder / "record.pdf")             # a file from before: sealed, plaintext removed

The PDF is in the clear only where the chair saves a copy of it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reviewer.errors import Tampered
from reviewer.files import write_atomic
from reviewer.i18n import T
from reviewer.models.sealed import StoreKeys, StoreLocked, is_sealed_bytes

log = logging.getLogger(__name__)

SEALED_SUFFIX = ".rvsealed"


def sealed_name(path: Path) -> Path:
    """Where the file ``path`` (``record.pdf``) is kept sealed: ``record.pdf.rvsealed``."""
    return path.with_name(path.name + SEALED_SUFFIX)


class SealedFiles:
    """Seal and open files under ``owner``'s store key (held in ``keys`` once it unlocked the store)."""

    def __init__(self, keys: StoreKeys, owner: str) -> None:
        self.keys, self.owner = keys, owner

    def seal(self, name: str, data: bytes) -> bytes:
        """``data`` sealed for the file called ``name``; only ever with the owner's own key."""
        if not self.keys.holds(self.owner):
            raise StoreLocked(
                T(
                    "评审意见表只在本机加密保存：请先用组长的口令打开身份（打开评审包）。",
                    "The review record is kept encrypted on this computer: open the chair's identity with "
                    "its passphrase (open the review package) first.",
                )
            )
        return self.keys.seal(data, name, self.owner)

    def write(self, path: Path, data: bytes) -> Path:
        """Keep ``data`` sealed at ``path`` (0600), replacing what was there in one rename."""
        return write_atomic(path, self.seal(path.name, data), mode=0o600)

    def read(self, path: Path) -> bytes:
        """The file kept sealed at ``path``, opened (the owner's key, or any key the store holds)."""
        sealed = path.read_bytes()
        if not is_sealed_bytes(sealed):
            raise self._altered(path, "not a sealed file")
        try:
            return self.keys.open(sealed, path.name)
        except Tampered as exc:
            raise self._altered(path, exc.detail or "") from exc

    def seal_in_place(self, plain: Path) -> Path:
        """A file written in the clear before sealing existed: sealed beside it, read back and compared
        byte for byte, and only then the plaintext removed. Idempotent after a crash at any point."""
        target = sealed_name(plain)
        data = plain.read_bytes()
        if not target.exists():
            self.write(target, data)
        if self.read(target) != data:  # a sealed copy that is not this file: keep both, lose nothing
            log.warning("not removing %s: %s holds another file", plain, target)
            return target
        plain.unlink()
        return target

    @staticmethod
    def _altered(path: Path, detail: str) -> Tampered:
        return Tampered(
            T(
                "本机加密保存的文件 {path} 已被改动或改名，无法解密。",
                "The file {path}, kept encrypted on this computer, was altered or renamed and cannot be "
                "decrypted.",
                path=str(path),
            ),
            detail=detail,
        )
