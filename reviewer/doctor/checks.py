"""The doctor's checks that need no Qt: resources, the PDF font, the keyring, both stores'
migrations, the PostgreSQL driver, worker processes and the demo package.

Heavy libraries are imported inside the check that needs them, so one that is missing or broken
fails its own line only.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from reviewer import paths
from reviewer.doctor import CheckResult, Named, Status, failed, ok
from reviewer.i18n import T, Text

# The PDF font check's text, also what the QtPdf check renders.
SAMPLE_TEXT = "专家评审 Expert review"
QM_MAGIC = bytes.fromhex(
    "3cb86418caef9c95cd211cbf60a1bddd"
)  # the first bytes of every compiled Qt translation
LANGUAGES = ("zh_CN", "en")
TRANSLATION = ("translations", "reviewer_{lang}.qm")
FONT = ("fonts", "wqy-microhei.ttc")


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


# --- (a) resources -----------------------------------------------------------------------------


class Missing(Exception):
    """A shipped file is absent, unreadable or not what it should be; the message names it."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


def _read(*parts: str) -> bytes:
    path = paths.resource(*parts)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise Missing(
            T("缺少文件 {path}，请重新安装本程序", "missing file {path}; reinstall the app", path=str(path))
        ) from None
    except OSError as exc:
        raise Missing(
            T(
                "无法读取 {path}：{err}",
                "cannot read {path}: {err}",
                path=str(path),
                err=exc.strerror or str(exc),
            )
        ) from exc
    if not data:
        raise Missing(
            T(
                "文件 {path} 是空的，请重新安装本程序",
                "the file {path} is empty; reinstall the app",
                path=str(path),
            )
        )
    return data


def _json(*parts: str) -> object:
    data = _read(*parts)
    try:
        return json.loads(data)
    except ValueError as exc:
        path = paths.resource(*parts)
        raise Missing(
            T(
                "{path} 不是有效的 JSON：{err}",
                "{path} is not valid JSON: {err}",
                path=str(path),
                err=str(exc),
            )
        ) from exc


def _standards() -> Text:
    from reviewer.standards import load_standard

    found = paths.shipped_standards()
    if not found:
        raise Missing(
            T("{path} 中没有标准样例", "no sample standards in {path}", path=str(paths.resource("standards")))
        )
    for path in found:
        load_standard(path)  # parses and validates against the schema and the domain rules
    return T("{n} 个，均有效", "{n}, all valid", n=len(found))


def _schema() -> Text:
    import jsonschema

    doc = _json("schema", "standard.schema.json")
    jsonschema.validators.validator_for(doc).check_schema(doc)
    return T("可读，是有效的 JSON Schema", "readable, a valid JSON Schema")


def _rules() -> Text:
    import jsonschema

    from reviewer.ministry.rules import parse_rules

    schema = _json("rules", "registry-rules.schema.json")
    jsonschema.validators.validator_for(schema).check_schema(schema)
    parse_rules(_json("rules", "registry-rules.json"), str(paths.resource("rules", "registry-rules.json")))
    return T("可读，有效", "readable, valid")


def _translation(lang: str) -> Callable[[], Text]:
    def check() -> Text:
        parts = (TRANSLATION[0], TRANSLATION[1].format(lang=lang))
        if not _read(*parts).startswith(QM_MAGIC):
            raise Missing(
                T(
                    "{path} 不是 Qt 翻译文件",
                    "{path} is not a Qt translation file",
                    path=str(paths.resource(*parts)),
                )
            )
        return T("可读", "readable")

    return check


def _font() -> Text:
    data = _read(*FONT)
    if data[:4] != b"ttcf":
        raise Missing(
            T("{path} 不是字体集文件", "{path} is not a font collection", path=str(paths.resource(*FONT)))
        )
    return T("可读（{mb} MB）", "readable ({mb} MB)", mb=f"{len(data) / 1e6:.1f}")


def resources() -> list[CheckResult]:
    """One line per shipped resource: the sample standards, the standard schema, the registry rules,
    each translation and the font. A failing line names the file."""
    items: list[tuple[str, Text, Callable[[], Text]]] = [
        ("resources.standards", T("资源（标准样例）", "Resources (sample standards)"), _standards),
        ("resources.schema", T("资源（标准的 JSON Schema）", "Resources (standard schema)"), _schema),
        ("resources.rules", T("资源（登记规则）", "Resources (registry rules)"), _rules),
        *(
            (
                f"resources.translation.{lang}",
                T("资源（翻译 {lang}）", "Resources (translation {lang})", lang=lang),
                _translation(lang),
            )
            for lang in LANGUAGES
        ),
        ("resources.font", T("资源（字体文件）", "Resources (font file)"), _font),
    ]
    results = []
    for key, name, check in items:
        try:
            results.append(ok(key, name, check()))
        except Missing as exc:
            results.append(failed(key, name, exc.message))
        except Exception as exc:  # a standard or the rules that do not validate
            results.append(failed(key, name, str(getattr(exc, "message", exc))))
    return results


# --- (b) the PDF font --------------------------------------------------------------------------


def sample_pdf() -> bytes:
    """A one-page PDF, made in memory, with Chinese text in the bundled font and a black bar."""
    from reportlab.pdfgen import canvas

    from reviewer.export.fonts import document_options, font_name

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(200, 100), **document_options())  # type: ignore[arg-type]
    pdf.setFont(font_name(), 14)
    pdf.drawString(10, 60, SAMPLE_TEXT)
    pdf.rect(10, 10, 180, 30, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_font() -> CheckResult:
    from reviewer.export.fonts import PRIMARY, missing_glyphs

    name = T("PDF 字体", "PDF font")
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
    name = T("系统钥匙串", "Keyring")
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

    name = T("专家数据库迁移", "Expert store migrations")
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

    name = T("登记库迁移", "Ministry registry migrations")
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
    name = T("PostgreSQL 驱动", "PostgreSQL driver")
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

    name = T("工作进程", "Worker processes")
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
    from reviewer.packages import open_package, verify_package
    from reviewer.packages.demo import build_demo, source
    from reviewer.trust import load_identity
    from reviewer.trust.identity import load_pinned_root

    name = T("演示评审包", "Demo package")
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
        Named("pdf_font", T("PDF 字体", "PDF font"), pdf_font),
        Named("keyring", T("系统钥匙串", "Keyring"), keyring_backend),
        Named("store_migrations", T("专家数据库迁移", "Expert store migrations"), store_migrations),
        Named("registry_migrations", T("登记库迁移", "Ministry registry migrations"), registry_migrations),
        Named("postgres_driver", T("PostgreSQL 驱动", "PostgreSQL driver"), postgres_driver),
        Named("workers", T("工作进程", "Worker processes"), workers),
        Named("demo", T("演示评审包", "Demo package"), demo_package),
    ]
