"""The names the save dialogs suggest are in the UI's language (found on a walk of the expert's
journey: 「王新-enrolment-request.json」「王新-sheet-v1.rvsheet」 in the Chinese UI); the extensions
stay as they are, since the app and the ministry recognise files by them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reviewer.ui.app import application
from reviewer.ui.dialogs.first_run import FirstRunWizard
from reviewer.ui.language import Language
from reviewer.ui.settings import Settings
from reviewer.ui.tasks import ImmediateExecutor
from tests.ui.expert_fixtures import expert

__all__ = ["expert"]


@contextmanager
def shown_in(lang: str) -> Iterator[None]:
    app = application()
    language = Language(None, parent=app)
    language.apply(lang)
    try:
        yield
    finally:
        language.remove()
        language.deleteLater()


def test_the_enrolment_request_is_named_in_the_ui_language(qtbot, data_dir) -> None:
    wizard = FirstRunWizard(Settings(data_dir), ImmediateExecutor())
    qtbot.addWidget(wizard)
    wizard.person = "王新"
    with shown_in("zh_CN"):
        assert Path(wizard.request.suggested_name()).name == "王新-登记申请.json"
    with shown_in("en"):
        assert Path(wizard.request.suggested_name()).name == "王新-enrolment-request.json"


@pytest.mark.slow
def test_the_score_sheet_and_its_pdf_are_named_in_the_ui_language(expert) -> None:
    page, name = expert.finalise, expert.opened.identity.name
    with shown_in("zh_CN"):
        assert Path(page.suggested_name()).name == f"{name}-评分表-第1版.rvsheet"
        assert Path(page.pdf_name(1)).name == f"{name}-评分表-第1版.pdf"
    with shown_in("en"):
        assert Path(page.suggested_name()).name == f"{name}-sheet-v1.rvsheet"
        assert Path(page.pdf_name(1)).name == f"{name}-sheet-v1.pdf"
