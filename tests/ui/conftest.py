"""UI tests run headless on Qt's offscreen platform, with the application set up exactly as
main.py sets it up: Sarabun, the Thai translation, the Thai locale."""

from __future__ import annotations

import os
import sys

# Before the qapp fixture makes the application: Qt picks its platform only then, once.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from ui import launch
from ui.app import configure_application
from ui.settings.preferences import Preferences


@pytest.fixture(scope="session", autouse=True)
def configured_app(qapp: QApplication) -> QApplication:
    configure_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def user_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each test's own per-user preferences (recent registers, window state, answered
    questions): never the real user's, nor another test's on a parallel worker."""
    folder = tmp_path_factory.mktemp("settings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def district_register(fresh_register: Callable[..., Register]) -> Register:
    """A fresh San Kamphaeng (5013) district register (on the test run's engine)."""
    return fresh_register(OfficeKind.DISTRICT, "5013", "r.sqlite3")


@pytest.fixture
def desktop(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """launch.main in this process, on the test's application; the messages it shows."""
    shown: list[str] = []
    monkeypatch.setattr(launch, "show_user_error", lambda _p, exc: shown.append(exc.message_en))
    preferences = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(launch, "Preferences", lambda: preferences)
    monkeypatch.setattr(launch, "make_application", lambda: qapp)
    monkeypatch.setattr(launch, "configure_application", lambda _app, _language: None)
    monkeypatch.setattr(launch, "install_excepthook", lambda _log: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def _type_text(edit: QLineEdit, text: str) -> None:
    # Thai arrives as an input-method commit, as from a real Thai keyboard; QTest's key
    # clicks only know Latin-1 and abort the process on Thai.
    edit.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


@pytest.fixture
def type_text() -> Callable[[QLineEdit, str], None]:
    """Replaces a line edit's text as typed Thai would."""
    return _type_text


def take_suggestion(
    qtbot: QtBot, popup: QAbstractItemView, form: QWidget, *, down: bool = True
) -> None:
    """Takes a completer popup's first suggestion with the keyboard, as a clerk does."""
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    if down:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=2000)
    # The offscreen platform has no window manager to give the keyboard back to the form
    # when the popup closes; sometimes it does, sometimes not. A desktop always does.
    window = form.window()
    if not window.isActiveWindow():
        window.activateWindow()
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()), timeout=2000)
