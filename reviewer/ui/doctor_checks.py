"""The doctor's checks that need Qt: the UI font, QtPdf, the translations and the desktop window
(:mod:`reviewer.ui.doctor_window`).

Imported only by ``reviewer doctor`` (a gateway declared in the import-linter contract), which makes
Qt headless first when there is no display. Only the window check shows a window (offscreen
without a display).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QTranslator
from PySide6.QtGui import QGuiApplication, QImage, QTextLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from reviewer import paths
from reviewer.doctor import CheckResult, Named, failed, ok
from reviewer.doctor.checks import sample_pdf
from reviewer.doctor.resources import LANGUAGES, TRANSLATION
from reviewer.i18n import T
from reviewer.ui.fonts import FAMILY, register_app_fonts

HAN_SAMPLE = "评审"
# One string every translation must carry: (context, source) → the translation per language.
KNOWN = ("CandidatesModel", "Name", {"zh_CN": "名称", "en": "Name"})

# The checks' names, as their lines show them.
UI_FONT = T("界面字体", "UI font")
QT_PDF = T("PDF 显示（QtPdf）", "PDF display (QtPdf)")
TRANSLATIONS = T("界面翻译", "UI translations")


def _application() -> QGuiApplication:
    """The running application, else a QApplication (a widgets one: a test process may build
    widgets after the doctor ran), with the app's fonts registered as at start."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_app_fonts()
    return app  # type: ignore[return-value]  # a QApplication: made here, or by whoever came first


def ui_font() -> CheckResult:
    """After the app's font registration, the UI font (with Qt's fallback) draws real glyphs for Han."""
    app = _application()
    name = UI_FONT
    families = register_app_fonts()
    if FAMILY not in families:
        return failed(
            "ui_font",
            name,
            T(
                "无法向 Qt 注册字体 {path}",
                "could not register the font {path} with Qt",
                path=str(paths.resource("fonts", "wqy-microhei.ttc")),
            ),
        )
    layout = QTextLayout(HAN_SAMPLE, app.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    drawn = [r.rawFont().familyName() for r in runs if r.glyphIndexes() and all(r.glyphIndexes())]
    if len(drawn) != len(runs) or not drawn:
        return failed(
            "ui_font",
            name,
            T(
                "没有字体能显示“{text}”（会显示为方框）",
                "no font can show “{text}” (it would show as boxes)",
                text=HAN_SAMPLE,
            ),
        )
    return ok(
        "ui_font",
        name,
        T(
            "“{text}”由 {family} 显示",
            "“{text}” is drawn with {family}",
            text=HAN_SAMPLE,
            family=", ".join(dict.fromkeys(drawn)),
        ),
    )


def qt_pdf() -> CheckResult:
    """QtPdf opens a PDF made in memory and renders its first page with ink on it."""
    _application()
    name = QT_PDF
    data = QByteArray(sample_pdf())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return failed(
                "qt_pdf",
                name,
                T("无法打开 PDF：{err}", "cannot open a PDF: {err}", err=document.error().name),
            )
        image = document.render(0, QSize(200, 100)).convertToFormat(QImage.Format.Format_Grayscale8)
        # width 200 is a multiple of 4: the rows have no padding, every byte is a pixel
        pixels = bytes(image.constBits()) if not image.isNull() else b""
        if not pixels or min(pixels) > 128:
            return failed("qt_pdf", name, T("第 1 页渲染为空白", "page 1 rendered blank"))
        return ok(
            "qt_pdf",
            name,
            T("第 1 页已渲染（{w}×{h}）", "page 1 rendered ({w}×{h})", w=image.width(), h=image.height()),
        )
    finally:
        document.close()
        buffer.close()


def translations() -> CheckResult:
    """Each compiled translation loads in a QTranslator and translates a known string."""
    _application()
    name = TRANSLATIONS
    context, source, expected = KNOWN
    for lang in LANGUAGES:
        path = paths.resource(TRANSLATION[0], TRANSLATION[1].format(lang=lang))
        translator = QTranslator()
        if not translator.load(str(path)):
            return failed(
                "translations", name, T("Qt 无法加载 {path}", "Qt cannot load {path}", path=str(path))
            )
        got = translator.translate(context, source)
        if got != expected[lang]:
            return failed(
                "translations",
                name,
                T(
                    "{path} 把“{src}”译为“{got}”，应为“{want}”",
                    "{path} translates “{src}” as “{got}”, not “{want}”",
                    path=str(path),
                    src=source,
                    got=got,
                    want=expected[lang],
                ),
            )
    return ok(
        "translations",
        name,
        T("{langs} 已加载并能翻译", "{langs} load and translate", langs=", ".join(LANGUAGES)),
    )


def qt_checks() -> list[Named]:
    """The Qt checks shown beside the PDF font: the fonts and the translations."""
    return [
        Named("ui_font", UI_FONT, ui_font),
        Named("qt_pdf", QT_PDF, qt_pdf),
        Named("translations", TRANSLATIONS, translations),
    ]


def window_checks() -> list[Named]:
    """The desktop window's check, shown after the demo package's."""
    from reviewer.ui.doctor_window import DEMO_WINDOW, KEY, demo_window

    return [Named(KEY, DEMO_WINDOW, demo_window)]
