"""Application-wide set-up: the Sarabun font, the Thai translation and the Thai locale."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from otop_desktop.paths import APP_AUTHOR, APP_NAME, resources_dir, sarabun_file
from otop_desktop.version import program_version

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

LANGUAGES = ("th", "en")
FONT_POINT_SIZE = 11
# The four faces the widgets use; the other weights would only cost start-up time.
FONT_FILES = (
    "Sarabun-Regular.ttf",
    "Sarabun-Bold.ttf",
    "Sarabun-Italic.ttf",
    "Sarabun-BoldItalic.ttf",
)
# One catalog per part of the UI (see resources/i18n/README.md), plus qt_th: the few Qt
# built-in strings the program shows; Qt ships no Thai translation of its own.
TRANSLATION_PATTERN = "*_th.qm"
#: The program's icon (the Windows bundle's .exe carries the .ico of the same picture).
ICON_FILE = "otop-desktop.png"


def load_fonts() -> str | None:
    """Registers Sarabun with Qt and returns its family name, or None if no face loaded.

    Office PCs and test machines may have no Thai system font at all, and then Thai text
    would show as boxes; the program therefore always brings its own."""
    loaded: str | None = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(sarabun_file(name)))
        if font_id < 0:
            log.warning("could not load font %s", sarabun_file(name))
            continue
        loaded = QFontDatabase.applicationFontFamilies(font_id)[0]
    return loaded


def install_translators(app: QApplication) -> None:
    """Installs the Thai translations from resources/i18n."""
    folder = resources_dir() / "i18n"
    for path in sorted(folder.glob(TRANSLATION_PATTERN)):
        # Parented to the application so the translator lives exactly as long as it does.
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
        else:
            log.warning("could not load translation %s", path)


def display_location(url: URL) -> str:
    """Where a register is, fit to show: the file of a SQLite register, or the server URL
    without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.render_as_string(hide_password=True)


def register_name(url: URL) -> str:
    """A register's short name for the window title: its file's name, or the database and
    server of a server register."""
    if url.get_backend_name() == "sqlite":
        return Path(url.database or "").name
    return f"{url.database or ''}@{url.host or 'localhost'}"


def configure_application(app: QApplication, language: str = "th") -> None:
    """Everything the clerk sees before the first window: names, font, language, locale."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(program_version())
    # Qt adds the display name to every window's title ("… — OTOP Desktop 0.1.0"): which
    # version is running is in sight when a clerk reports a problem.
    app.setApplicationDisplayName(f"{APP_NAME} {program_version()}")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / ICON_FILE)))
    family = load_fonts()
    if family is not None:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    if language == "th":
        QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        install_translators(app)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
