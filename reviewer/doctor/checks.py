"""The doctor's checks that need no Qt: the PDF font, the keyring, both stores' migrations, the
PostgreSQL driver, the SM algorithms, worker processes and the demo package (the resources' are in
:mod:`reviewer.doctor.resources`).

Heavy libraries are imported inside the check that needs them, so one that is missing or broken
fails its own line only.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from reviewer import paths
from reviewer.doctor import CheckResult, Named, Status, failed, ok
from reviewer.doctor.resources import resources
from reviewer.i18n import T

# The PDF font check's text, also what the QtPdf check renders.
SAMPLE_TEXT = "专家评审 Expert review"

# The checks' names, as their lines show them.
PDF_FONT = T("PDF 字体", "PDF font")
KEYRING = T("系统钥匙串", "Keyring")
STORE = T("专家数据库迁移", "Expert store migrations")
REGISTRY = T("登记库迁移", "Ministry registry migrations")
POSTGRES = T("PostgreSQL 驱动", "PostgreSQL driver")
SM_SUITE = T("国密算法（SM2/SM3/SM4）", "SM algorithms (SM2/SM3/SM4)")
WORKERS = T("工作进程", "Worker processes")
DEMO = T("演示评审包", "Demo package")


# --- information -------------------------------------------------------------------------------


def data_folder(override: str | None = None) -> CheckResult:
    """Where the data folder is and whether portable mode chose it; nothing is created or read."""
    path, reason = paths.locate_data_dir(override)
    portable = (
        T("开（{marker}）", "on ({marker})", marker=paths.PORTABLE_MARKER)
        if reason == "portable"
        else T("关", "off")
    )
    return CheckResult(
        "data_folder",
        T("数据文件夹", "Data folder"),
        Status.INFO,
        T(
            "{path}（便携模式：{portable}）",
            "{path} (portable mode: {portable})",
            path=str(path),
            portable=portable,
        ),
    )


# --- (b) the PDF font --------------------------------------------------------------------------


def sample_pdf() -> bytes:
    """A one-page PDF, made in memory, with Chinese text in the bundled font and a black bar."""
    from reportlab.pdfgen import canvas

    from reviewer.export.fonts import document_options, font_name

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(200, 100), **document_options())
    pdf.setFont(font_name(), 14)
    pdf.drawString(10, 60, SAMPLE_TEXT)
    pdf.rect(10, 10, 180, 30, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_font() -> CheckResult:
    from reviewer.export.fonts import PRIMARY, missing_glyphs

    name = PDF_FONT
    lacking = missing_glyphs(SAMPLE_TEXT, PRIMARY)
    if lacking:
        return failed(
            "pdf_font", name, T("字体缺少字形：{c}", "the font lacks glyphs: {c}", c="".join(lacking))
        )
    data = sample_pdf()
    if not data.startswith(b"%PDF-") or b"/FontFile2" not in data:
        return failed("pdf_font", name, T("生成的 PDF 没有嵌入字体", "the PDF made has no embedded font"))
    return ok(
        "pdf_font",
        name,
        T(
            "已注册 {font}，生成一页中文 PDF（{n} 字节）",
            "{font} registered; a one-page Chinese PDF made ({n} bytes)",
            font=PRIMARY,
            n=len(data),
        ),
    )


# --- (e) keyring -------------------------------------------------------------------------------

NO_KEYRING = ("keyring.backends.fail", "keyring.backends.null")


def keyring_backend() -> CheckResult:
    """The keyring backend, found only: nothing is written to or read from the user's keyring."""
    import keyring

    backend = keyring.get_keyring()
    inner = getattr(backend, "backends", None)  # the chainer: name what it chains
    chosen = list(inner) if inner else [backend]
    names = ", ".join(f"{type(b).__module__}.{type(b).__qualname__}" for b in chosen)
    name = KEYRING
    if not inner and type(backend).__module__ in NO_KEYRING:
        return CheckResult(
            "keyring",
            name,
            Status.WARN,
            T(
                "没有可用的系统钥匙串（{backend}）：每次打开私钥都会询问口令",
                "no usable keyring ({backend}): the key's passphrase will be asked each time",
                backend=names,
            ),
        )
    return ok("keyring", name, names)


# --- (f) migrations ----------------------------------------------------------------------------


def store_migrations() -> CheckResult:
    from reviewer.models.db import make_engine
    from reviewer.models.migrate import HEAD, current_revision, upgrade

    name = STORE
    with tempfile.TemporaryDirectory(prefix="reviewer-doctor-") as tmp:
        engine = make_engine(Path(tmp) / "store.sqlite3")
        try:
            upgrade(engine)
            reached = current_revision(engine)
        finally:
            engine.dispose()
    if reached != HEAD:
        return failed(
            "store_migrations",
            name,
            T("停在 {rev}，应为 {head}", "stopped at {rev}, not {head}", rev=str(reached), head=HEAD),
        )
    return ok(
        "store_migrations",
        name,
        T("新建 SQLite 已迁移到 {head}", "a new SQLite file migrated to {head}", head=HEAD),
    )


def registry_migrations() -> CheckResult:
    from reviewer.ministry.database import current_revision, head_revision, open_engine

    name = REGISTRY
    head = head_revision()
    with tempfile.TemporaryDirectory(prefix="reviewer-doctor-") as tmp:
        engine = open_engine(Path(tmp) / "registry.sqlite3")
        try:
            reached = current_revision(engine)
        finally:
            engine.dispose()
    if head is None or reached != head:
        return failed(
            "registry_migrations",
            name,
            T("停在 {rev}，应为 {head}", "stopped at {rev}, not {head}", rev=str(reached), head=str(head)),
        )
    return ok(
        "registry_migrations",
        name,
        T("新建 SQLite 已迁移到 {head}", "a new SQLite file migrated to {head}", head=head),
    )


# --- (g) PostgreSQL driver ---------------------------------------------------------------------


def postgres_driver() -> CheckResult:
    name = POSTGRES
    try:
        import psycopg
    except ImportError as exc:
        return failed(
            "postgres_driver",
            name,
            T("无法导入 psycopg：{err}", "cannot import psycopg: {err}", err=str(exc)),
        )
    return ok(
        "postgres_driver",
        name,
        f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, libpq {psycopg.pq.version()})",
    )


# --- (g') the SM algorithms --------------------------------------------------------------------

# Published vectors: SM3 of "abc" (GB/T 32905-2016, appendix A) and SM4-GCM (RFC 8998, A.1).
_SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
_SM4_KEY = "0123456789abcdeffedcba9876543210"
_SM4_NONCE = "00001234567800000000abcd"
_SM4_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
_SM4_PLAIN = (
    "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
    "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa"
)
_SM4_SEALED = (
    "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
    "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
    "83de3541e4c2b58177e065a9bf7b62ec"
)


def sm_suite() -> CheckResult:
    """The SM suite's libraries work in this installation (tongsuopy's Tongsuo for SM2, the OpenSSL
    of ``cryptography`` for SM3 and SM4): an SM2 signature made and verified and a forged one
    refused, an SM2 encryption undone, and the published SM3 and SM4-GCM vectors reproduced, a
    changed SM4-GCM ciphertext refused."""
    from reviewer.errors import Tampered
    from reviewer.trust import sm

    name = SM_SUITE

    def wrong(zh: str, en: str) -> CheckResult:
        return failed("sm_suite", name, T(zh + "结果不正确", en + " gives a wrong result"))

    key = sm.new_sm2_key()
    public = sm.load_sm2_public_key(sm.sm2_public_der(key))
    message = SAMPLE_TEXT.encode("utf-8")
    signature = sm.sm2_sign(key, message)
    sm.sm2_verify(public, message, signature)
    try:
        sm.sm2_verify(public, message + b".", signature)
    except Tampered:
        pass
    else:
        return wrong("SM2 验签", "SM2 verification")
    secret = os.urandom(sm.SM4_KEY_SIZE)
    if sm.sm2_decrypt(key, sm.sm2_encrypt(public, secret)) != secret:
        return wrong("SM2 解密", "SM2 decryption")
    if sm.sm3(b"abc").hex() != _SM3_ABC:
        return wrong("SM3 ", "SM3")
    sm4_key, nonce, aad = bytes.fromhex(_SM4_KEY), bytes.fromhex(_SM4_NONCE), bytes.fromhex(_SM4_AAD)
    plain = bytes.fromhex(_SM4_PLAIN)
    sealed = sm.sm4_gcm_encrypt(sm4_key, nonce, plain, aad)
    if sealed.hex() != _SM4_SEALED or sm.sm4_gcm_decrypt(sm4_key, nonce, sealed, aad) != plain:
        return wrong("SM4-GCM ", "SM4-GCM")
    try:
        sm.sm4_gcm_decrypt(sm4_key, nonce, bytes([sealed[0] ^ 1]) + sealed[1:], aad)
    except Tampered:
        pass
    else:
        return wrong("SM4-GCM 完整性校验", "SM4-GCM authentication")
    return ok(
        "sm_suite",
        name,
        T(
            "SM2 签名与验签、SM2 加解密、SM3 与 SM4-GCM 标准向量均通过",
            "SM2 signature and verification, SM2 encryption and the SM3 and SM4-GCM standard vectors pass",
        ),
    )


# --- (h) worker processes ----------------------------------------------------------------------


def _square(n: int) -> tuple[int, int]:
    """What a worker computes: runs in the worker process."""
    return n * n, os.getpid()


def workers() -> CheckResult:
    """A worker process starts with the ministry importer's start method, and with ``spawn`` (what the
    importer uses once threads run, and the only method on Windows and macOS), and answers."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from reviewer.ministry.importer import _pool_context

    name = WORKERS
    methods = dict.fromkeys([_pool_context().get_start_method(), "spawn"])
    for method in methods:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
            answer, pid = pool.submit(_square, 12).result(timeout=60)
        if answer != 144 or pid == os.getpid():
            return failed(
                "workers",
                name,
                T("{method} 工作进程答错了", "a {method} worker answered wrongly", method=method),
            )
    return ok(
        "workers",
        name,
        T(
            "{methods} 工作进程已启动并返回结果",
            "{methods} workers started and answered",
            methods=", ".join(methods),
        ),
    )


# --- (j) the demo package ----------------------------------------------------------------------


def demo_package() -> CheckResult:
    """Build the demo in a temporary folder, then verify and open its sealed package as an expert."""
    from reviewer.demo.package import build_demo, source
    from reviewer.packages import open_package, verify_package
    from reviewer.trust import load_identity
    from reviewer.trust.identity import load_pinned_root

    name = DEMO
    with tempfile.TemporaryDirectory(prefix="reviewer-doctor-") as tmp:
        demo = build_demo(Path(tmp) / "demo")
        expert = next(k for k in demo.identities if k != demo.chair)
        verify_package(demo.package, load_pinned_root(demo.identities[expert]))
        with open_package(demo.package, load_identity(demo.identities[expert], source())) as opened:
            total = opened.verify_all()
            count = len(list(opened.materials()))
    return ok(
        "demo",
        name,
        T(
            "已生成、核验签名并以专家身份解密 {n} 份材料（{b} 字节）",
            "built, signature verified, {n} materials decrypted as an expert ({b} bytes)",
            n=count,
            b=total,
        ),
    )


def core_checks() -> list[Named]:
    """The Qt-free checks, in the order they are shown."""
    return [
        Named("resources", T("资源", "Resources"), resources),
        Named("pdf_font", PDF_FONT, pdf_font),
        Named("keyring", KEYRING, keyring_backend),
        Named("store_migrations", STORE, store_migrations),
        Named("registry_migrations", REGISTRY, registry_migrations),
        Named("postgres_driver", POSTGRES, postgres_driver),
        Named("sm_suite", SM_SUITE, sm_suite),
        Named("workers", WORKERS, workers),
        Named("demo", DEMO, demo_package),
    ]
