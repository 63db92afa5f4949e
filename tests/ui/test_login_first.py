"""The program's start on a register file with accounts (ui.launch): the login shows before
the core is loaded, the register opens behind it off the GUI thread, and the main window
follows with whoever logged in; a register that cannot be opened ends the login with the
core's message; quitting at the login ends the run."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from otop_desktop.accounts.service import add_account
from otop_desktop.domain import OfficeKind
from otop_desktop.models.accounts import HEAD
from otop_desktop.services.office import init_register
from ui import launch
from ui.accounts.login import LoginDialog
from ui.main_window import MainWindow

HEAD_NAME, HEAD_PASSWORD = "somchai", "head-password-1"
ROOT = Path(__file__).resolve().parents[2]


def register_with_a_head(db: Path) -> Path:
    with (
        init_register(db, OfficeKind.DISTRICT, "5013") as register,
        register.write(system=True) as session,
    ):
        add_account(session, HEAD_NAME, HEAD, HEAD_PASSWORD)
    return db


def at_the_login(act: Callable[[LoginDialog], None]) -> None:
    """``act`` on the login dialog once it is on the screen (its exec runs meanwhile)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LoginDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def test_the_login_comes_first_and_the_main_window_follows_with_who_logged_in(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    db = register_with_a_head(tmp_path / "r.sqlite3")
    offices: list[str] = []

    def log_in(dialog: LoginDialog) -> None:
        offices.append(dialog.office.text())
        dialog.name.setText(HEAD_NAME)
        dialog.password.setText(HEAD_PASSWORD)
        dialog.login_button.click()

    at_the_login(log_in)
    windows: list[tuple[str, str | None]] = []

    def run_window() -> int:
        [window] = [
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        actor = window.register.actor
        windows.append((window.windowTitle(), actor.name if actor is not None else None))
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", run_window)
    assert launch.main(["--db", str(db)]) == 0
    assert offices == ["สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"]
    [(title, actor)] = windows
    assert "r.sqlite3" in title
    assert actor == HEAD_NAME
    assert desktop == []


def test_a_register_that_cannot_be_opened_ends_the_login_with_the_cores_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    db = register_with_a_head(tmp_path / "r.sqlite3")
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no main window"))
    assert launch.main(["--db", str(db)]) == launch.EXIT_CANNOT_OPEN
    assert desktop == [
        "This register was made by a newer version of the program (schema 9999); update the "
        "program to open it"
    ]
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]


def test_quitting_at_the_login_ends_the_run(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    db = register_with_a_head(tmp_path / "r.sqlite3")
    quit_button: list[QPushButton] = []

    def quit_login(dialog: LoginDialog) -> None:
        quit_button.append(dialog.quit_button)
        dialog.quit_button.click()

    at_the_login(quit_login)
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no main window"))
    assert launch.main(["--db", str(db)]) == 0
    assert quit_button and desktop == []


def test_the_recovery_code_waits_for_the_register_opening_behind_the_login(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    db = register_with_a_head(tmp_path / "r.sqlite3")
    recovering: list[bool] = []

    def forgot(dialog: LoginDialog) -> None:
        dialog.name.setText(HEAD_NAME)
        dialog.forgot_button.click()  # at once: the register may still be opening
        recover = dialog.recover_dialog
        recovering.append(recover.isVisible() and recover.name.text() == HEAD_NAME)
        recover.reject()
        dialog.quit_button.click()

    at_the_login(forgot)
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no main window"))
    assert launch.main(["--db", str(db)]) == 0
    assert recovering == [True]
    assert desktop == []


def test_the_login_is_made_before_the_core_is_loaded(tmp_path: Path) -> None:
    """In a process of its own (this one has the core loaded): the login dialog is made and
    shown with SQLAlchemy not yet imported; quitting it then opens and lets go the register."""
    db = register_with_a_head(tmp_path / "r.sqlite3")
    script = """
import sys
from PySide6.QtWidgets import QDialog
from ui import launch
from ui.accounts.login import LoginDialog

core_loaded = []

def first_window(dialog):
    core_loaded.append("sqlalchemy" in sys.modules)
    return QDialog.DialogCode.Rejected

LoginDialog.exec = first_window
print(launch.main(["--db", sys.argv[1]]), core_loaded)
"""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OTOP_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "[False]"]
