"""Every typed error of the app, found by walking reviewer's modules (the troubleshooting test's
source of truth: a new ``ReviewerError`` subclass anywhere in ``reviewer/`` shows up here)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from functools import cache

import reviewer
from reviewer.errors import ReviewerError
from tests.guides.guide_text import REPO

# Imported without Qt; the Qt layer is read as source instead (``classes_in_source``), and
# Alembic's env modules run only inside Alembic.
SKIP = ("reviewer.ui", "reviewer.__main__")


def _skipped(name: str) -> bool:
    return name.startswith(SKIP) or name.endswith(".__main__") or name.endswith(".migrations.env")


@cache
def typed_errors() -> tuple[type[ReviewerError], ...]:
    """ReviewerError and every subclass defined in reviewer's (Qt-free) modules."""
    for info in pkgutil.walk_packages(reviewer.__path__, "reviewer."):
        if not _skipped(info.name):
            importlib.import_module(info.name)
    found: list[type[ReviewerError]] = []
    todo: list[type[ReviewerError]] = [ReviewerError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("reviewer.") and cls not in found:
            found.append(cls)
            todo.extend(cls.__subclasses__())
    return tuple(sorted(found, key=lambda c: (c.__module__, c.__qualname__)))


def classes_in_source() -> dict[str, str]:
    """Class name → file of every class in reviewer/ whose bases lead to ReviewerError, read from
    the source (so the Qt layer counts too, without importing it)."""
    bases: dict[str, set[str]] = {}
    where: dict[str, str] = {}
    for file in sorted((REPO / "reviewer").rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases
                    if isinstance(b, (ast.Name, ast.Attribute))
                }
                bases.setdefault(node.name, set()).update(names)
                where.setdefault(node.name, str(file.relative_to(REPO)))
    errors = {"ReviewerError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in errors and parents & errors:
                errors.add(name)
                grew = True
    return {name: where[name] for name in sorted(errors)}
