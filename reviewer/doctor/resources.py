"""The doctor's resource checks: every file shipped in ``reviewer/resources/`` is there, readable and
what it should be. A failing line names the file."""

from __future__ import annotations

import json
from collections.abc import Callable

from reviewer import paths
from reviewer.doctor import CheckResult, failed, ok
from reviewer.i18n import T, Text

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # how every compiled Qt translation starts
LANGUAGES = ("zh_CN", "en")
TRANSLATION = ("translations", "reviewer_{lang}.qm")
FONT = ("fonts", "wqy-microhei.ttc")


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
