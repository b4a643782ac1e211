"""11. The two suites side by side: NIST (P-256 / X25519 / AES-256-GCM) against SM (SM2 / SM3 / SM4).

One world per suite (:func:`benchmarks.world.world`: an authority and eight enrolled members, NIST
or SM), the same work in each, every case in a fresh child process and the two suites interleaved
(run 1 NIST, run 1 SM, run 2 NIST, ...), so the SM/NIST ratio of the medians is what this
benchmark reports:

- **open**: ``open_package`` + ``verify_all`` of a package of each size (one member, random
  materials; sealed once per suite): signature, manifest, every chunk decrypted and authenticated
  (AES-256-GCM / SM4-GCM), its ciphertext hashed; peak RSS of that child. Beside it the suite's
  AEAD alone over the same number of chunks.
- **sheet**: ``build_sheet`` of a score sheet (a package of the sample standard; signed by the
  member, sealed to the chair and the ministry) and ``open_sheet`` of it by the chair.
- **record**: ``build_record_pdf`` of a typical record (40 indicators, eight members), the eight
  ``sign_record`` calls in roster order, the chair closing (under SM each PAdES signature with its
  SM3withSM2 attribute), then ``validate_record`` (under an SM2 root: every SM2 attribute too).
- **import**: ``import_bundles`` of N result bundles of the suite (:mod:`benchmarks.bundles`) into a
  fresh SQLite registry, one worker; per bundle.
- **primitives**: one signature and one verification (ECDSA P-256 / SHA-256 | SM3withSM2), one key
  wrap and unwrap (``recipients.wrap``: X25519 + HKDF + AES-GCM | SM2 encryption bound by SM3), and
  STREAM (``packages.stream`` over 64 MiB, keys by ``derive_key(..., suite=)``) in MiB/s.

The identities are unlocked before any clock starts (scrypt is the passphrase's price).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import MiB, Row, child_main, fmt_s, interleaved, med, run_child
from benchmarks.world import CACHE, CHAIR, SAMPLE_STANDARD, bench_rules, source, world

SUITES = ("nist", "sm")
LABEL = {"nist": "NIST", "sm": "SM"}
MEMBER = "li-zhe"
RECORD_LEAVES = 40  # the record of an ordinary review (benchmark 5's "typical")
STREAM_MIB = 64
BUNDLES = 20  # per suite; the import's per-bundle cost, not its throughput (benchmark 6)


def folder() -> Path:
    return CACHE / "suites"


def package(suite: str, size_mb: int) -> Path:
    return folder() / f"{suite}-{size_mb}mb.rvpkg"


# --- children ------------------------------------------------------------------------------------
def prepare(suite: str, size_mb: str) -> dict:
    """The world of ``suite`` and its package of ``size_mb`` MB (once; in a child, so sealing touches
    nobody's peak)."""
    from reviewer.packages import PanelMember, seal
    from reviewer.trust import load_credential
    from reviewer.trust.identity import CREDENTIAL

    mb = int(size_mb)
    w = world(suite=suite)
    if package(suite, mb).exists():
        return {}
    folder().mkdir(parents=True, exist_ok=True)
    materials = folder() / f"materials-{suite}-{mb}"
    materials.mkdir(exist_ok=True)
    with open(materials / "材料.pdf", "wb") as fh:
        for _ in range(mb):
            fh.write(os.urandom(MiB))
    authority = w.authority()
    tmp = package(suite, mb).with_suffix(".tmp")
    seal(
        authority,
        authority.unlock(source()),
        standard_path=SAMPLE_STANDARD,
        candidate={"name": "基准软件园", "type": "park"},
        panel=[PanelMember(load_credential(w.identity_dir(MEMBER) / CREDENTIAL), "chair")],
        materials=[materials],
        out=tmp,
        panel_rules=bench_rules(),
    )
    (materials / "材料.pdf").unlink()
    materials.rmdir()
    os.replace(tmp, package(suite, mb))
    return {}


def open_all(suite: str, size_mb: str) -> dict:
    from reviewer.packages import open_package
    from reviewer.packages.stream import DEFAULT_CHUNK, TAG, _aead

    identity = world(suite=suite).identity(MEMBER)
    path = package(suite, int(size_mb))
    start = time.perf_counter()
    with open_package(path, identity) as opened:
        checked = opened.verify_all()
    seconds = time.perf_counter() - start
    # the suite's AEAD alone, over as many chunks (the floor of the decryption inside opening)
    aead = _aead(os.urandom(identity.suite.stream_key_bytes))
    nonce = bytes(12)
    sealed = aead.encrypt(nonce, bytes(DEFAULT_CHUNK), None)
    start = time.perf_counter()
    for _ in range(path.stat().st_size // (DEFAULT_CHUNK + TAG) + 1):
        aead.decrypt(nonce, sealed, None)
    return {"seconds": seconds, "aead": time.perf_counter() - start, "plaintext": checked,
            "size": path.stat().st_size}  # fmt: skip


def sheet(suite: str, repeat: str) -> dict:
    """Sign (build) and verify (open, as the chair) a score sheet, ``repeat`` times each."""
    from decimal import Decimal

    from benchmarks.bundles import answers, package_path
    from reviewer.packages import open_package
    from reviewer.scoring.sheet import build_sheet, open_sheet
    from reviewer.scoring.sheet_binding import PackageBinding

    w = world(suite=suite)
    member, chair, root = w.identity(MEMBER), w.identity(CHAIR), w.authority().root
    with open_package(package_path(0, suite), chair) as opened:
        binding = PackageBinding.of(opened)
    filled = answers(binding.require_standard(), Decimal("0.8"))
    build, check = [], []
    for _ in range(int(repeat)):
        start = time.perf_counter()
        data = build_sheet(binding, member, filled)
        built = time.perf_counter()
        open_sheet(data, chair, binding, root)
        build.append(built - start)
        check.append(time.perf_counter() - built)
    return {"build": statistics.median(build), "open": statistics.median(check), "bytes": len(data)}


def record(suite: str, leaves: str) -> dict:
    """Benchmark 5's record (build, eight signatures, validation) in ``suite``'s world."""
    from benchmarks.bench_record import record as record_in

    return record_in(leaves, suite)


def bundles_ready(suite: str, count: str) -> dict:
    """The first ``count`` result bundles of ``suite`` in the cache (generated once)."""
    from benchmarks import bundles

    bundles.ensure(int(count), suite=suite, log=lambda msg: print(msg, file=sys.stderr))
    return {}


def import_batch(suite: str, count: str) -> dict:
    from benchmarks.bundles import bundle_path
    from reviewer.ministry.importer import import_bundles, summary
    from reviewer.ministry.registry import Registry
    from reviewer.process import tuned_gc

    authority = world(suite=suite).authority()
    keys = authority.unlock(source())
    files = [bundle_path(i, suite) for i in range(int(count))]
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp:
        db = f"sqlite:///{tmp}/registry.sqlite3"
        Registry.open(db).close()  # create and migrate before the clock starts
        with Registry.open(db) as reg, tuned_gc():
            start = time.perf_counter()
            outcomes = import_bundles(reg, authority, keys, files, workers=1)
            seconds = time.perf_counter() - start
    counts = summary(outcomes)
    if counts != {"imported": len(files)}:
        raise RuntimeError(f"not every {suite} bundle was imported: {counts}")
    return {"seconds": seconds, "bundles": len(files)}


def _each(fn, n: int) -> float:
    """The median of ``n`` timed calls of ``fn``."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class _Reader:
    """A file-like over bytes in memory, as a package member reads (no copy of the whole, as
    ``BytesIO`` makes; and not an iterable of blocks, which ``stream`` re-chunks through a buffer)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = memoryview(data), 0

    def read(self, size: int) -> bytes:
        block = self.data[self.at : self.at + size]
        self.at += len(block)
        return bytes(block)


def primitives(suite: str, stream_mib: str, repeat: str) -> dict:
    from cryptography.hazmat.primitives.asymmetric import ec, x25519

    from reviewer.packages import stream
    from reviewer.trust import recipients, signatures, sm, suites

    algorithms = suites.by_name(suite)
    n = int(repeat)
    key = sm.new_sm2_key() if algorithms is suites.SM else ec.generate_private_key(ec.SECP256R1())
    message = os.urandom(1024)
    signature = signatures.sign_bytes(key, message)
    public = key.public_key()
    enc = sm.new_sm2_key() if algorithms is suites.SM else x25519.X25519PrivateKey.generate()
    recipient = recipients.Recipient("ab" * 32, enc.public_key())
    file_key, context = os.urandom(32), b"reviewer/1 package 00000000-0000-0000-0000-000000000000"
    wrapped = recipients.wrap(file_key, recipient, context)
    assert recipients.unwrap(wrapped, enc, context) == file_key
    out = {
        "sign": _each(lambda: signatures.sign_bytes(key, message), n),
        "verify": _each(lambda: signatures.verify_bytes(public, message, signature), n),
        "wrap": _each(lambda: recipients.wrap(file_key, recipient, context), n),
        "unwrap": _each(lambda: recipients.unwrap(wrapped, enc, context), n),
        "wrapped_bytes": len(wrapped.ephemeral) + len(wrapped.wrapped),
    }
    stream_key = stream.derive_key(file_key, os.urandom(16), suite=algorithms)
    plain = os.urandom(int(stream_mib) * MiB)
    start = time.perf_counter()
    for _chunk in stream.encrypt(stream_key, _Reader(plain)):  # each chunk written and dropped
        pass
    out["encrypt"] = time.perf_counter() - start
    sealed = b"".join(stream.encrypt(stream_key, _Reader(plain)))  # outside the clock
    start = time.perf_counter()
    got = sum(len(chunk) for chunk in stream.decrypt(stream_key, _Reader(sealed)))
    out["decrypt"] = time.perf_counter() - start
    assert got == len(plain)
    out["stream_mib"] = int(stream_mib)
    return out


# --- the parent ----------------------------------------------------------------------------------
def measure(runs: int, sizes: list[int], bundles: int, *, repeat: int = 50, stream_mib: int = STREAM_MIB,
            leaves: int = RECORD_LEAVES, log=print) -> dict[str, dict[str, list[dict]]]:  # fmt: skip
    """Every case of both suites, ``runs`` interleaved rounds; ``{case: {suite: [result, ...]}}``."""
    for suite in SUITES:  # in children: the cache is the children's (REVIEWER_BENCH_CACHE)
        log(f"the {LABEL[suite]} world, its packages and {bundles} result bundles (once)")
        for mb in sizes:
            run_child("bench_suites", "prepare", suite, str(mb))
        run_child("bench_suites", "bundles_ready", suite, str(bundles), timeout=3600)
    for suite in SUITES:
        for mb in sizes:
            run_child("bench_suites", "open_all", suite, str(mb))  # warm the page cache
    cases = {}
    for suite in SUITES:
        for mb in sizes:
            cases[f"open {mb}|{suite}"] = lambda s=suite, mb=mb: run_child(
                "bench_suites", "open_all", s, str(mb)
            )
        cases[f"sheet|{suite}"] = lambda s=suite: run_child(
            "bench_suites", "sheet", s, str(max(3, repeat // 10))
        )
        cases[f"record|{suite}"] = lambda s=suite: run_child("bench_suites", "record", s, str(leaves))
        cases[f"import|{suite}"] = lambda s=suite: run_child("bench_suites", "import_batch", s, str(bundles))
        cases[f"primitives|{suite}"] = lambda s=suite: run_child(
            "bench_suites", "primitives", s, str(stream_mib), str(repeat)
        )
    # interleave the suites case by case: run r of NIST, then run r of SM
    order = {
        name: cases[name]
        for name in sorted(cases, key=lambda n: (n.split("|")[0], SUITES.index(n.split("|")[1])))
    }
    res = interleaved(runs, order)
    out: dict[str, dict[str, list[dict]]] = {}
    for name, results in res.items():
        case, suite = name.split("|")
        out.setdefault(case, {})[suite] = results
    return out


def _pair(res: dict[str, list[dict]], key: str) -> tuple[float, float]:
    return med(res["nist"], key), med(res["sm"], key)


def rows_of(res: dict[str, dict[str, list[dict]]]) -> list[Row]:
    """The table: each line NIST · SM · SM/NIST, the peak RSS the SM child's."""
    rows = []

    def line(what: str, nist: float, sm: float, show=fmt_s, peak: int | None = None) -> None:
        rows.append(Row(f"suites: {what}", f"NIST {show(nist)} · SM {show(sm)} · SM/NIST {sm / nist:.2f}×",
                        peak=peak))  # fmt: skip

    for case in sorted((c for c in res if c.startswith("open ")), key=lambda c: int(c.split()[1])):
        r = res[case]
        mb = case.split()[1]
        n, s = _pair(r, "seconds")
        size = r["nist"][0]["size"] / MiB, r["sm"][0]["size"] / MiB
        peak_n, peak_s = (max(x["peak_rss"] for x in r[k]) for k in SUITES)
        line(f"open {mb} MB: verify + decrypt all", n, s, peak=peak_s)
        rows.append(
            Row(
                f"suites: open {mb} MB: throughput",
                f"NIST {size[0] / n:.0f} MiB/s · SM {size[1] / s:.0f} MiB/s",
            )
        )
        a_n, a_s = _pair(r, "aead")
        line(f"open {mb} MB: of which AES-256-GCM / SM4-GCM alone", a_n, a_s)
        line(f"open {mb} MB: peak RSS", peak_n, peak_s, show=lambda b: f"{b / MiB:.0f} MiB")
    line("score sheet: sign (build_sheet)", *_pair(res["sheet"], "build"))
    line("score sheet: open + verify (chair)", *_pair(res["sheet"], "open"))
    rec = res["record"]
    line(f"record ({RECORD_LEAVES} indicators): build the PDF", *_pair(rec, "build"))
    line("record: 8 signatures, the chair closing (SM: + SM2 attribute)", *_pair(rec, "sign"),
         peak=max(x["peak_rss"] for x in rec["sm"]))  # fmt: skip
    line("record: validate all 8 (SM: + SM2 attributes)", *_pair(rec, "validate"))
    imp = res["import"]
    count = imp["nist"][0]["bundles"]
    n, s = _pair(imp, "seconds")
    line(f"import {count} bundles (SQLite, 1 worker): per bundle", n / count, s / count,
         peak=max(x["peak_rss"] for x in imp["sm"]))  # fmt: skip
    p = res["primitives"]
    line("one signature (ECDSA P-256 / SM2)", *_pair(p, "sign"))
    line("one verification", *_pair(p, "verify"))
    line("one key wrap (X25519 / SM2 encrypt)", *_pair(p, "wrap"))
    line("one key unwrap", *_pair(p, "unwrap"))
    mib = p["nist"][0]["stream_mib"]
    for key in ("encrypt", "decrypt"):
        n, s = _pair(p, key)
        rows.append(
            Row(
                f"suites: STREAM {key} {mib} MiB (AES-256-GCM / SM4-GCM)",
                f"NIST {mib / n:.0f} MiB/s · SM {mib / s:.0f} MiB/s · SM/NIST time {s / n:.1f}×",
            )
        )
    return rows


def run(runs: int, sizes: list[int], bundles: int = BUNDLES, log=print) -> list[Row]:
    return rows_of(measure(runs, sizes, bundles, log=log))


if __name__ == "__main__":
    child_main(
        {
            "prepare": prepare,
            "open_all": open_all,
            "sheet": sheet,
            "record": record,
            "bundles_ready": bundles_ready,
            "import_batch": import_batch,
            "primitives": primitives,
        }
    )
