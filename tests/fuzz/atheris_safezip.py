"""libFuzzer (atheris) harness for the archive reader, :class:`reviewer.packages.container.SafeZip`.

    python tests/fuzz/atheris_safezip.py [-runs=N] [-max_total_time=S] [CORPUS_DIR ...]

Every input is written to a private temporary file and opened as a reviewer container; every member
the reader accepts is read (with a size cap). Any exception that is not a ``ReviewerError`` — and
any hang or memory blow-up libFuzzer notices — is a finding. Seeds: a canonical container written
by :class:`~reviewer.packages.container.ContainerWriter` and a few near-misses, so the fuzzer starts
inside the format. ``tests/fuzz/test_atheris.py`` runs it briefly in CI.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from reviewer.errors import ReviewerError
    from reviewer.i18n import T
    from reviewer.packages.container import ContainerWriter, SafeZip

MIMETYPE = "application/vnd.reviewer.fuzz+zip"
NOT_OURS = T("不是", "not ours")
LIMIT = 1024 * 1024
_fd, SCRATCH = tempfile.mkstemp(prefix=".safezip-fuzz.", suffix=".zip")
os.close(_fd)


def seed() -> bytes:
    out = io.BytesIO()
    writer = ContainerWriter(out, MIMETYPE)
    writer.add_bytes("header.json", b'{"format":"x"}')
    writer.add_bytes("payload/000001", b"\x00" * 40)
    writer.add_stream("payload/000002", 6, [b"abc", b"def"])
    writer.close()
    return out.getvalue()


def one_input(data: bytes) -> None:
    with open(SCRATCH, "wb") as fh:
        fh.write(data)
    try:
        with SafeZip(SCRATCH, MIMETYPE, NOT_OURS) as zf:
            for name in zf.physical_order():
                zf.read(name, LIMIT)
    except ReviewerError:
        pass


def write_seeds(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    good = seed()
    (folder / "good").write_bytes(good)
    (folder / "truncated").write_bytes(good[: len(good) // 2])
    (folder / "junk-tail").write_bytes(good + b"PK\x05\x06" + bytes(18))


def main() -> None:
    args = list(sys.argv)
    corpora = [a for a in args[1:] if not a.startswith("-")]
    if not corpora:
        corpus = Path(tempfile.mkdtemp(prefix="safezip-corpus."))
        write_seeds(corpus)
        args.append(str(corpus))
    else:
        for c in corpora:
            write_seeds(Path(c))
    one_input(seed())  # the seed itself must open
    try:
        atheris.Setup(args, one_input)
        atheris.Fuzz()
    finally:
        os.unlink(SCRATCH)


if __name__ == "__main__":
    main()
