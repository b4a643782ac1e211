"""The process the upgrade crash test kills: it opens an old plaintext store and unlocks it.

    python tests/crash/upgrader.py DATA_DIR IDENTITY_DIR PASSPHRASE

It prints ``unlocking`` just before ``Store.unlock`` (which seals every older value in one
transaction, then truncates the WAL and rebuilds the file) and ``done`` after it returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's reviewer and tests


def main(data_dir: str, identity_dir: str, passphrase: str) -> None:
    from reviewer.models import Store
    from reviewer.trust import PassphraseSource, load_identity

    identity = load_identity(
        identity_dir, PassphraseSource(explicit=passphrase, use_keyring=False, interactive=False)
    )
    store = Store.open(data_dir)
    print("unlocking", flush=True)
    store.unlock(identity)
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
