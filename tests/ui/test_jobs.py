"""Long work off the GUI thread: progress, cancel, errors, and results in the GUI thread."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from otop_desktop.errors import UserError
from ui.jobs import Cancelled, Job, Progress, run_with_progress

STEPS = 10
WAIT_S = 5


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def when_dialog(parent: QWidget, check: Callable[[QProgressDialog], bool]) -> None:
    """Calls ``check`` with the progress dialog from the GUI thread's event loop (the one
    run_with_progress runs) until it returns True."""

    def poll() -> None:
        dialog = parent.findChild(QProgressDialog)
        if dialog is None or not dialog.isVisible() or not check(dialog):
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)


def test_the_work_runs_in_another_thread_and_its_result_comes_back(parent: QWidget) -> None:
    gui = threading.get_ident()
    result = run_with_progress(parent, "Export", lambda _progress: threading.get_ident())
    assert result is not None and result != gui


def test_progress_is_shown_and_the_result_returned(parent: QWidget) -> None:
    halfway = threading.Event()
    seen: list[tuple[int, int]] = []

    def work(progress: Progress) -> str:
        for step in range(1, STEPS + 1):
            progress(step, STEPS)
            if step == STEPS // 2:
                assert halfway.wait(WAIT_S), "the dialog never showed the progress"
        return "done"

    def at_half(dialog: QProgressDialog) -> bool:
        if dialog.value() != STEPS // 2:
            return False
        seen.append((dialog.value(), dialog.maximum()))
        halfway.set()
        return True

    when_dialog(parent, at_half)
    assert run_with_progress(parent, "Export", work, label="Writing the workbook") == "done"
    assert seen == [(STEPS // 2, STEPS)]
    assert (
        parent.findChild(QProgressDialog) is None
        or not parent.findChild(QProgressDialog).isVisible()
    )


def test_cancel_stops_the_work_and_returns_none(parent: QWidget) -> None:
    stopped: list[str] = []

    def work(progress: Progress) -> str:
        deadline = time.monotonic() + WAIT_S
        step = 0
        try:
            while time.monotonic() < deadline:
                step += 1
                progress(step)
                time.sleep(0.002)
        except Cancelled:
            stopped.append("cancelled")
            raise
        return "never cancelled"

    def press_cancel(dialog: QProgressDialog) -> bool:
        button = dialog.findChild(QPushButton)
        assert button is not None
        assert button.text() == "ยกเลิก"
        button.click()
        return True

    when_dialog(parent, press_cancel)
    assert run_with_progress(parent, "Import", work) is None
    assert stopped == ["cancelled"]


def test_escape_cancels_and_work_that_then_ends_on_its_own_still_counts_as_cancelled(
    qtbot: QtBot, parent: QWidget
) -> None:
    def work(progress: Progress) -> str:
        deadline = time.monotonic() + WAIT_S
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.002)
        return "finished anyway"

    def press_escape(dialog: QProgressDialog) -> bool:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return True

    when_dialog(parent, press_escape)
    assert run_with_progress(parent, "Import", work) is None


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Message boxes and excepthook calls, recorded instead of shown."""
    calls: list[tuple[str, object]] = []

    def warning(_parent: QWidget | None, _title: str, text: str) -> None:
        calls.append(("warning", text))

    def hook(_type: type[BaseException], exc: BaseException, _tb: TracebackType | None) -> None:
        calls.append(("excepthook", exc))

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(sys, "excepthook", hook)
    return calls


def test_a_user_error_is_shown_in_thai(parent: QWidget, shown: list[tuple[str, object]]) -> None:
    def work(_progress: Progress) -> None:
        raise UserError("ไฟล์นี้ไม่ใช่สมุดงาน Excel", "This file is not an Excel workbook")

    assert run_with_progress(parent, "Import", work) is None
    assert shown == [("warning", "ไฟล์นี้ไม่ใช่สมุดงาน Excel")]


def test_a_program_fault_goes_to_the_excepthook(
    parent: QWidget, shown: list[tuple[str, object]]
) -> None:
    fault = RuntimeError("boom")

    def work(_progress: Progress) -> None:
        raise fault

    assert run_with_progress(parent, "Import", work) is None
    [(kind, exc)] = shown
    assert kind == "excepthook" and exc is fault
    assert fault.__traceback__ is not None


def test_a_job_reports_through_signals_in_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    threads: set[int] = set()
    reports: list[tuple[int, int]] = []

    def work(progress: Progress) -> int:
        for step in range(1, 100_001):
            progress(step, 100_000)
        return 7

    def progressed(done: int, total: int) -> None:
        reports.append((done, total))
        threads.add(threading.get_ident())

    def succeeded(_result: int) -> None:
        threads.add(threading.get_ident())

    job = Job(work)
    job.progressed.connect(progressed)
    job.succeeded.connect(succeeded)
    with qtbot.waitSignal(job.succeeded, timeout=WAIT_S * 1000) as succeeded:
        job.start()
    qtbot.waitUntil(lambda: not job.running)
    assert succeeded.args == [7]
    assert threads == {gui}
    # Reports are thinned out so as not to flood the GUI thread, but the last always comes.
    assert 0 < len(reports) < 1_000
    assert reports[-1] == (100_000, 100_000)


def test_work_that_ends_after_the_program_quit_ends_quietly(qapp: QApplication) -> None:
    owner = QObject()
    job = Job(lambda _progress: 42, owner)
    shiboken6.delete(owner)  # as Qt does to every object when the program quits
    job._run()  # the worker thread's last step: nothing left to tell, nothing raised
