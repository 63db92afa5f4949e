"""The guide (F1): both languages complete and offline, every picture present."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from otop_desktop.paths import resources_dir
from ui.help import HelpDialog, guide_file

HELP = resources_dir() / "help"
SECTIONS = ("start", "daily", "monthly", "keys", "safe")


@pytest.fixture
def english() -> Iterator[None]:
    """The program as started with ``--lang en`` (the language is the default locale's)."""
    thai = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(thai)


@pytest.mark.parametrize("language", ["th", "en"])
def test_each_guide_has_every_section_and_its_pictures(language: str) -> None:
    page = HELP / language / "index.html"
    text = page.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'href="#{section}"' in text and f'name="{section}"' in text
    pictures = re.findall(r'<img src="([^"]+)"', text)
    assert len(pictures) >= 5
    for picture in pictures:
        assert (page.parent / picture).is_file(), picture
    # Offline: nothing is fetched from anywhere but the guide's own folder.
    assert "http" not in text


def test_the_guide_follows_the_programs_language(qtbot: QtBot, english: None) -> None:
    assert guide_file() == HELP / "en" / "index.html"
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert "Keyboard shortcuts" in dialog.browser.toPlainText()
    resource = QTextDocument.ResourceType.ImageResource
    image = dialog.browser.document().resource(resource, QUrl("print.png"))
    assert image is not None and not image.isNull()


def test_its_links_move_within_the_guide(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    start = dialog.browser.source()
    text = dialog.browser.toPlainText()
    assert not dialog.back_button.isEnabled()
    dialog.browser.setSource(start.resolved(QUrl("#keys")))
    assert dialog.browser.source().fragment() == "keys"
    assert dialog.browser.toPlainText() == text  # the same page, scrolled to its keys
    assert dialog.back_button.isEnabled()
    dialog.home_button.click()
    assert dialog.browser.source() == start
