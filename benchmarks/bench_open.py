"""1. Opening a sealed package (verify + decrypt every material) against SHA-256 (the floor) and age.

For each size a package is sealed once into the cache (random materials, the benchmark authority,
one member) and the same package file is encrypted with age (pyrage, an X25519 recipient). Each run
times, in fresh child processes and interleaved: SHA-256 of the package file; ``open_package`` +
``verify_all`` (signatures, manifest, every chunk decrypted and authenticated, plaintext discarded);
age decrypting the same bytes into a sink. The identity is unlocked before the clock starts (scrypt
is the passphrase's cost, not the package's). The page cache is warmed first, so all three read from
memory and the figures compare CPU work, not the disk.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from benchmarks.harness import MiB, Row, child_main, fmt_s, interleaved, med, run_child
from benchmarks.world import CACHE, SAMPLE_STANDARD, bench_rules, source, world

MEMBER = "li-zhe"
FOLDER = CACHE / "open"


def package(size_mb: int) -> Path:
    return FOLDER / f"{size_mb}mb.rvpkg"


def age_file(size_mb: int) -> Path:
    return FOLDER / f"{size_mb}mb.age"


def age_key() -> Path:
    return FOLDER / "age-identity.txt"


def prepare(size_mb: str) -> dict:
    """Seal the package and its age twin (in a child, so sealing does not touch anyone's peak)."""
    import pyrage

    from reviewer.packages import PanelMember, seal
    from reviewer.trust import load_credential
    from reviewer.trust.identity import CREDENTIAL

    mb = int(size_mb)
    w = world()
    FOLDER.mkdir(parents=True, exist_ok=True)
    materials = FOLDER / f"materials-{mb}"
    materials.mkdir(exist_ok=True)
    with open(materials / "材料.pdf", "wb") as fh:
        for _ in range(mb):
            fh.write(os.urandom(MiB))
    authority = w.authority()
    member = PanelMember(load_credential(w.identity_dir(MEMBER) / CREDENTIAL), "chair")
    tmp = package(mb).with_suffix(".tmp")
    seal(
        authority,
        authority.unlock(source()),
        standard_path=SAMPLE_STANDARD,
        candidate={"name": "基准软件园", "type": "park"},
        panel=[member],
        materials=[materials],
        out=tmp,
        panel_rules=bench_rules(),
    )
    (materials / "材料.pdf").unlink()
    materials.rmdir()
    if not age_key().exists():
        age_key().write_text(str(pyrage.x25519.Identity.generate()))
    recipient = pyrage.x25519.Identity.from_str(age_key().read_text().strip()).to_public()
    with open(tmp, "rb") as src, open(age_file(mb).with_suffix(".agetmp"), "wb") as out:
        pyrage.encrypt_io(src, out, [recipient])
    os.replace(age_file(mb).with_suffix(".agetmp"), age_file(mb))
    os.replace(tmp, package(mb))
    return {}


def sha256(size_mb: str) -> dict:
    start = time.perf_counter()
    digest = hashlib.sha256()
    with open(package(int(size_mb)), "rb") as fh:
        while block := fh.read(MiB):
            digest.update(block)
    return {"seconds": time.perf_counter() - start}


def open_all(size_mb: str) -> dict:
    from reviewer.packages import open_package
    from reviewer.trust import load_identity

    identity = load_identity(world().identity_dir(MEMBER), source())
    start = time.perf_counter()
    with open_package(package(int(size_mb)), identity) as opened:
        checked = opened.verify_all()
    return {"seconds": time.perf_counter() - start, "plaintext": checked}


def parts(size_mb: str) -> dict:
    """The single passes opening is made of, each alone over the same file: ZIP's CRC-32 (zipfile
    checks it on every read) and AES-256-GCM decryption in the package's chunk size."""
    import zlib

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from reviewer.packages.stream import DEFAULT_CHUNK, TAG

    path = package(int(size_mb))
    start, crc = time.perf_counter(), 0
    with open(path, "rb") as fh:
        while block := fh.read(MiB):
            crc = zlib.crc32(block, crc)
    t_crc = time.perf_counter() - start
    key = AESGCM.generate_key(bit_length=256)
    aead, nonce = AESGCM(key), bytes(12)
    sealed = aead.encrypt(nonce, bytes(DEFAULT_CHUNK), None)
    chunks = path.stat().st_size // (DEFAULT_CHUNK + TAG) + 1
    start = time.perf_counter()
    for _ in range(chunks):
        aead.decrypt(nonce, sealed, None)
    return {"crc": t_crc, "gcm": time.perf_counter() - start}


class _Sink:
    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def age(size_mb: str) -> dict:
    import pyrage

    identity = pyrage.x25519.Identity.from_str(age_key().read_text().strip())
    start = time.perf_counter()
    with open(age_file(int(size_mb)), "rb") as src:
        pyrage.decrypt_io(src, _Sink(), [identity])
    return {"seconds": time.perf_counter() - start}


def run(runs: int, sizes: list[int], log=print) -> list[Row]:
    rows = []
    for mb in sizes:
        if not (package(mb).exists() and age_file(mb).exists()):
            log(f"sealing a {mb} MB package and its age twin (once)")
            run_child("bench_open", "prepare", str(mb))
        run_child("bench_open", "sha256", str(mb))  # warm the page cache
        res = interleaved(
            runs,
            {
                "hash": lambda mb=mb: run_child("bench_open", "sha256", str(mb)),
                "open": lambda mb=mb: run_child("bench_open", "open_all", str(mb)),
                "age": lambda mb=mb: run_child("bench_open", "age", str(mb)),
                "parts": lambda mb=mb: run_child("bench_open", "parts", str(mb)),
            },
        )
        t_hash, t_open, t_age = (med(res[k], "seconds") for k in ("hash", "open", "age"))
        peak = max(r["peak_rss"] for r in res["open"])
        size = package(mb).stat().st_size / MiB
        rows += [
            Row(
                f"open {mb} MB: SHA-256 of the file (floor)",
                f"{fmt_s(t_hash)} ({size / t_hash:.0f} MiB/s)",
                peak=max(r["peak_rss"] for r in res["hash"]),
            ),
            Row(
                f"open {mb} MB: age decrypt (peer)",
                f"{fmt_s(t_age)} ({size / t_age:.0f} MiB/s)",
                peak=max(r["peak_rss"] for r in res["age"]),
            ),
            Row(
                f"open {mb} MB: verify + decrypt all",
                f"{fmt_s(t_open)} ({size / t_open:.0f} MiB/s)",
                "RSS < 200 MiB",
                peak < 200 * MiB,
                peak,
            ),
            Row(
                f"open {mb} MB: of which CRC-32 / AES-GCM alone",
                f"{fmt_s(med(res['parts'], 'crc'))} / {fmt_s(med(res['parts'], 'gcm'))}",
            ),
            Row(
                f"open {mb} MB: ratio to SHA-256", f"{t_open / t_hash:.2f}×", "≤ 1.5×", t_open / t_hash <= 1.5
            ),
            Row(f"open {mb} MB: ratio to age", f"{t_open / t_age:.2f}×", "< 1× (faster)", t_open < t_age),
        ]
    return rows


if __name__ == "__main__":
    child_main({"prepare": prepare, "sha256": sha256, "open_all": open_all, "age": age, "parts": parts})
