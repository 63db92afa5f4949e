"""The program's start on a set-up register file without accounts (ui.launch): the main
window's frame shows before the register is open — and before the core is loaded — while the
register opens behind it off the GUI thread; the window fills in once it is open, and the
start-up check runs after. A register that cannot be opened ends as it always has: the core's
message, then the register open before, or the run's end."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from ui import launch
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
NEWER_SCHEMA = (
    "This register was made by a newer version of the program (schema 9999); update the "
    "program to open it"
)
# How long a held-back opening waits at most: a failing test ends instead of hanging.
HOLD_TIMEOUT_S = 30


class HeldOpening:
    """Register.open held back until ``release`` is set; ``entered`` is set once an opening
    has begun and waits."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        real_open = Register.open

        def open_when_released(db: str | Path, **kwargs: Any) -> Register:
            self.entered.set()
            self.release.wait(HOLD_TIMEOUT_S)
            return real_open(db, **kwargs)

        monkeypatch.setattr(Register, "open", staticmethod(open_when_released))


def a_register(path: Path) -> Path:
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    return path


def made_newer(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    return path


def shown_windows(qapp: QApplication) -> list[MainWindow]:
    return [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


@pytest.fixture
def no_first_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first head's offer (a dialog once per register) is not what these tests are about."""
    monkeypatch.setattr(launch, "offer_first_head", lambda *_args, **_kw: None)


def test_the_window_shows_before_its_register_is_open_and_fills_once_it_is(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    desktop: list[str],
    no_first_head: None,
) -> None:
    db = a_register(tmp_path / "r.sqlite3")
    held = HeldOpening(monkeypatch)
    frames: list[tuple[bool, str, str, int, bool, bool]] = []

    def look_at_the_frame() -> None:
        [window] = shown_windows(qapp)
        qtbot.waitUntil(lambda: window.windowHandle().isExposed())
        qtbot.waitUntil(held.entered.is_set)  # the register is opening, and held back
        assert window.opening_label is not None
        frames.append(
            (
                window.filled,
                window.opening_label.text(),
                window.windowTitle(),
                window.nav.count(),
                window.backup_action.isEnabled(),
                window.quit_action.isEnabled(),
            )
        )
        held.release.set()

    QTimer.singleShot(0, look_at_the_frame)
    filled: list[tuple[bool, str, int, bool]] = []

    def run_window() -> int:
        [window] = shown_windows(qapp)
        filled.append(
            (
                window.filled,
                window.windowTitle(),
                window.nav.count(),
                window.backup_action.isEnabled(),
            )
        )
        assert window.opening_label is None and window.current_page() == "overview"
        # The start-up check, once the window is up with its register, off the GUI thread.
        qtbot.waitUntil(lambda: window.startup_check.job is not None)
        job = window.startup_check.job
        assert job is not None
        qtbot.waitUntil(lambda: not job.running)
        assert window.startup_check.problems == []
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", run_window)
    assert launch.main(["--db", str(db)]) == 0
    [(is_filled, title, pages, backup)] = filled
    assert is_filled and pages == 12 and backup
    # The frame: the same title, no pages yet, what needs the register greyed out.
    assert frames == [(False, "กำลังเปิดทะเบียน…", title, 0, False, True)]
    assert "r.sqlite3" in title and "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง" in title
    assert desktop == []


def test_closing_the_window_while_its_register_opens_ends_the_run(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    desktop: list[str],
    no_first_head: None,
) -> None:
    db = a_register(tmp_path / "r.sqlite3")
    held = HeldOpening(monkeypatch)

    def close_the_frame() -> None:
        [window] = shown_windows(qapp)
        qtbot.waitUntil(held.entered.is_set)
        window.close()
        held.release.set()

    QTimer.singleShot(0, close_the_frame)
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no filled window"))
    assert launch.main(["--db", str(db)]) == 0
    assert shown_windows(qapp) == [] and desktop == []


def test_a_register_that_cannot_be_opened_behind_the_window_ends_the_run_with_the_cores_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    db = made_newer(a_register(tmp_path / "r.sqlite3"))
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("no filled window"))
    assert launch.main(["--db", str(db)]) == launch.EXIT_CANNOT_OPEN
    assert desktop == [NEWER_SCHEMA]
    assert shown_windows(qapp) == []


def test_a_register_that_cannot_be_opened_behind_the_window_goes_back_to_the_one_before(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    desktop: list[str],
    no_first_head: None,
) -> None:
    first = a_register(tmp_path / "first.sqlite3")
    newer = made_newer(a_register(tmp_path / "newer.sqlite3"))
    titles: list[str] = []
    steps = [lambda w: w.change_register(str(newer)), lambda w: w.close()]

    def run_window() -> int:
        [window] = shown_windows(qapp)
        titles.append(window.windowTitle())
        steps.pop(0)(window)
        window.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", run_window)
    assert launch.main(["--db", str(first)]) == 0
    assert [t.split("(")[-1] for t in titles] == ["first.sqlite3)"] * 2
    assert desktop == [NEWER_SCHEMA]


def test_the_window_is_shown_before_the_core_is_loaded(tmp_path: Path) -> None:
    """In a process of its own (this one has the core loaded): the main window's frame is
    made and shown with SQLAlchemy not yet imported."""
    db = a_register(tmp_path / "r.sqlite3")
    script = """
import sys
from PySide6.QtWidgets import QApplication
from ui import launch
from ui.main_window import MainWindow

core_loaded = []
opened_register = MainWindow.opened_register

def first_window(window):
    core_loaded.append((window.isVisible(), "sqlalchemy" in sys.modules))
    return opened_register(window)

MainWindow.opened_register = first_window
launch.offer_first_head = lambda *_args, **_kw: None
QApplication.exec = lambda _app: 0  # the filled window's run ends at once
print(launch.main(["--db", sys.argv[1]]), *core_loaded)
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
    assert done.stdout.split() == ["0", "(True,", "False)"]
