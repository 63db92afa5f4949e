"""Work that cannot stop half-way (a backup, a restore) run off the GUI thread behind a small
busy dialog with no Cancel button: the window keeps painting, and the clerk sees that the
program is working rather than hanging."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.jobs import Job, Progress

T = TypeVar("T")


@dataclass
class Outcome(Generic[T]):
    """What the work returned, or the exception it ended with."""

    result: T | None = None
    error: Exception | None = None


class BusyDialog(QProgressDialog):
    """A progress dialog that only says the program is busy. It has no Cancel button, and
    neither Esc nor the title bar's close button closes it before the work has ended."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setCancelButton(None)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.setMinimumWidth(360)
        self.finished_work = False

    def reject(self) -> None:
        if self.finished_work:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_work:
            super().closeEvent(event)
        else:
            event.ignore()


def run_busy(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Progress], T],
    *,
    show_after_ms: int = 0,
) -> Outcome[T]:
    """Runs ``work`` in the thread pool and waits for it, the busy dialog shown meanwhile
    (only once ``show_after_ms`` have passed, so that quick work does not flash a window)."""
    dialog = BusyDialog(title, label, parent)
    job = Job(work)
    outcome: Outcome[T] = Outcome()
    loop = QEventLoop()

    def succeeded(result: T) -> None:
        outcome.result = result

    def failed(error: Exception) -> None:
        outcome.error = error

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.finished.connect(loop.quit)
    job.start()

    def show_if_running() -> None:
        if job.running:
            dialog.show()

    if show_after_ms > 0:
        QTimer.singleShot(show_after_ms, dialog, show_if_running)
    else:
        dialog.show()
    loop.exec()
    dialog.finished_work = True
    dialog.close()
    dialog.deleteLater()
    return outcome


def wait_for(parent: QWidget | None, title: str, label: str, job: Job[Any] | None) -> None:
    """Waits, behind the busy dialog, for a job under way to end (its ``finished``
    delivered), taking no clicks meanwhile. Waits in the GUI thread, not in the pool: a
    second job waiting there could wait for a job the pool has no thread left to run."""
    if job is None or not job.running:
        return
    dialog = BusyDialog(title, label, parent)
    dialog.show()
    flags = (
        QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    )
    while job.running:
        QCoreApplication.processEvents(flags)
    dialog.finished_work = True
    dialog.close()
    dialog.deleteLater()
