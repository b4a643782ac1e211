"""The ministry's input files for sealing: the panel file and the candidate file (JSON).

Panel::

    {"members": [{"credential": "zhang.rvcred", "role": "chair"},
                 {"credential": "li.rvcred", "role": "expert"}],
     "schedule": [...]}                                   # optional, carried as schedule.json

Candidate::

    {"name": "示例软件园", "type": "park", "province": "江苏省", "city": "南京市",
     "founded": "2015-06-01", "prior_results": {...}}     # prior_results optional

Credential paths are relative to the panel file.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from reviewer.errors import InvalidInput, UsageError
from reviewer.i18n import T
from reviewer.packages.seal import PanelMember
from reviewer.trust.credential import load_credential
from reviewer.trust.encoding import parse_json

CHINA = timezone(timedelta(hours=8))
MAX_INPUT = 1024 * 1024


def _read_json(path: Path, what: str) -> Any:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            T("无法读取{what} {path}。", "Cannot read the {what} {path}.", what=what, path=str(path))
        ) from exc
    try:
        if len(data) > MAX_INPUT:
            raise ValueError("too large")
        return parse_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            T(
                "{what} {path} 不是有效的 JSON：{err}",
                "The {what} {path} is not valid JSON: {err}",
                what=what,
                path=str(path),
                err=str(exc),
            )
        ) from exc


def load_panel(path: str | Path) -> tuple[list[PanelMember], Any]:
    path = Path(path)
    doc = _read_json(path, "panel file")
    members = doc.get("members") if isinstance(doc, dict) else None
    if not isinstance(members, list) or not members:
        raise InvalidInput(
            T(
                "专家组文件 {path} 需要 members 列表。",
                "The panel file {path} needs a members list.",
                path=str(path),
            )
        )
    out = []
    for i, m in enumerate(members):
        if (
            not isinstance(m, dict)
            or not isinstance(m.get("credential"), str)
            or not isinstance(m.get("role"), str)
        ):
            raise InvalidInput(
                T(
                    "专家组文件 members[{i}] 需要 credential 和 role。",
                    "The panel file's members[{i}] needs credential and role.",
                    i=i,
                )
            )
        out.append(PanelMember(load_credential(path.parent / m["credential"]), m["role"]))
    return out, doc.get("schedule")


def load_candidate(path: str | Path) -> tuple[dict[str, Any], Any]:
    """The candidate profile and its optional prior-year results."""
    path = Path(path)
    doc = _read_json(path, "candidate file")
    if (
        not isinstance(doc, dict)
        or not isinstance(doc.get("name"), str)
        or doc.get("type") not in ("city", "park")
    ):
        raise InvalidInput(
            T(
                "候选对象文件 {path} 需要 name 和 type（city 或 park）。",
                "The candidate file {path} needs name and type (city or park).",
                path=str(path),
            )
        )
    profile = {k: v for k, v in doc.items() if k != "prior_results"}
    _no_floats(profile, str(path))
    return profile, doc.get("prior_results")


def _no_floats(value: Any, source: str) -> None:
    if isinstance(value, float):
        raise InvalidInput(
            T(
                '{path}：数值请写成字符串（如 "12.5"）。',
                '{path}: write decimal numbers as strings (e.g. "12.5").',
                path=source,
            )
        )
    if isinstance(value, dict):
        for v in value.values():
            _no_floats(v, source)
    elif isinstance(value, list):
        for v in value:
            _no_floats(v, source)


def parse_expiry(text: str) -> datetime:
    """``YYYY-MM-DD`` (the end of that day, Beijing time) or a full ISO 8601 time."""
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").date()
            return datetime.combine(day, time(23, 59, 59), CHINA).astimezone(UTC)
        moment = datetime.fromisoformat(text)
        return (moment if moment.tzinfo else moment.replace(tzinfo=CHINA)).astimezone(UTC)
    except ValueError as exc:
        raise UsageError(
            T(
                "无法识别的日期“{text}”，请写成 YYYY-MM-DD。",
                "Unrecognised date “{text}”; write YYYY-MM-DD.",
                text=text,
            )
        ) from exc
