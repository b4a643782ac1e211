"""Benchmark: opening a sealed package versus just hashing it, and the peak memory of opening.

    python benchmarks/open_package.py [SIZE_MB]        # default 100

A child process builds an authority, a member and a package with SIZE_MB of random materials
(so that sealing does not count towards this process's peak memory). This process then, in one
run, times ``hashlib.sha256`` over the package file and ``open_package`` + ``verify_all`` (every
byte decrypted and authenticated, in memory, chunk by chunk), and prints the ratio and the peak
RSS. Ratios, not absolute times, are what to compare between machines.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark-passphrase"


def prepare(folder: Path, size_mb: int) -> None:
    from reviewer.packages import PanelMember, seal
    from reviewer.trust import (
        PassphraseSource,
        create_authority,
        create_identity,
        install_credential,
        load_credential,
    )
    from reviewer.trust.identity import REQUEST

    src = PassphraseSource(explicit=PASSPHRASE, use_keyring=False, interactive=False)
    authority = create_authority(folder / "auth", name="工业和信息化部", source=src)
    info, _ = create_identity(folder / "member", name="张伟", org="南京大学", source=src)
    cred = authority.enroll((info.path / REQUEST).read_bytes(), src).save(folder / "member.rvcred")
    install_credential(info.path, cred)
    materials = folder / "materials"
    materials.mkdir()
    with open(materials / "材料.pdf", "wb") as fh:
        for _ in range(size_mb):
            fh.write(os.urandom(1024 * 1024))
    standard = (
        Path(__file__).resolve().parent.parent / "resources" / "standards" / "sample-park-creation.json"
    )
    seal(
        authority,
        authority.unlock(src),
        standard_path=standard,
        candidate={"name": "示例软件园", "type": "park"},
        panel=[PanelMember(load_credential(cred), "chair")],
        materials=[materials],
        out=folder / "bench.rvpkg",
    )
    (materials / "材料.pdf").unlink()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def measure(folder: Path) -> None:
    from reviewer.packages import open_package
    from reviewer.trust import PassphraseSource, load_identity

    package = folder / "bench.rvpkg"
    identity = load_identity(folder / "member", PassphraseSource(explicit=PASSPHRASE, use_keyring=False))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sha256_file(package)  # warm the page cache so both runs read from memory
    start = time.perf_counter()
    sha256_file(package)
    hash_time = time.perf_counter() - start
    start = time.perf_counter()
    with open_package(package, identity) as opened:
        checked = opened.verify_all()
    open_time = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    size = package.stat().st_size
    print(f"package          {size / 2**20:10.1f} MiB ({checked / 2**20:.1f} MiB of plaintext checked)")
    print(f"sha256 of file   {hash_time:10.3f} s   {size / 2**20 / hash_time:8.0f} MiB/s")
    print(f"open + decrypt   {open_time:10.3f} s   {size / 2**20 / open_time:8.0f} MiB/s")
    print(f"ratio open/hash  {open_time / hash_time:10.2f}")
    print(
        f"peak RSS         {peak * scale / 2**20:10.1f} MiB (before opening: {rss_before * scale / 2**20:.1f} MiB)"
    )


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--prepare":
        prepare(Path(sys.argv[2]), int(sys.argv[3]))
        return
    size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp:
        subprocess.run([sys.executable, __file__, "--prepare", tmp, str(size_mb)], check=True)
        measure(Path(tmp))


if __name__ == "__main__":
    main()
