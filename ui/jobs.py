"""Long work (imports, exports, printing) off the GUI thread, so that the window keeps
painting and the clerk can cancel. The work is a plain function of a ``Progress``; it runs in
Qt's thread pool and reports back only through signals, so it never touches a widget. It
opens its own unit of work (``register.read()`` / ``write()``) in its thread, never a session
of the GUI thread's::

    def export(progress: Progress) -> Path:
        for done, entrepreneur in enumerate(entrepreneurs, 1):
            ...
            progress(done, len(entrepreneurs))  # raises Cancelled once the clerk cancels
        return path

    path = run_with_progress(self, self.tr("Export"), export, label=self.tr("Writing…"))
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from otop_desktop.errors import UserError
from ui.messages import show_user_error

T = TypeVar("T")

# Progress is passed on once per percent (or, with no total, at most this often): a loop
# over 600,000 rows reporting each one would otherwise flood the GUI thread with events.
REPORT_INTERVAL_S = 0.05
# Qt's own "Cancel", which qt_th.ts translates. Passed through a variable so that lupdate does
# not copy it into the program's catalog, where it would be a second, untranslated entry.
QT_CANCEL = ("QPlatformTheme", "Cancel")


class Cancelled(Exception):
    """Raised inside the work by ``Progress`` once the clerk has cancelled; the work lets it
    propagate (after undoing what it must) and the job ends as cancelled."""


class Progress:
    """Given to the work: call it with how far the work has got; read ``cancelled`` to stop
    early between reports. Safe to use from the worker thread."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._cancel = threading.Event()
        self._percent = -1
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int = 0) -> None:
        """``done`` of ``total`` steps (total 0: unknown). Raises Cancelled once cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        if total > 0:
            percent = done * 100 // total
            if percent == self._percent:
                return
            self._percent = percent
        else:
            now = time.monotonic()
            if now - self._last < REPORT_INTERVAL_S:
                return
            self._last = now
        self._report(done, total)


class Job(QObject, Generic[T]):
    """One run of ``work`` in the thread pool. Exactly one of succeeded, failed, cancelled is
    emitted, then finished; all arrive in the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Jobs under way, kept alive until they end: the worker thread emits through the job, so
    # it must outlive a caller that dropped it.
    _running: ClassVar[set[Job[Any]]] = set()

    def __init__(self, work: Callable[[Progress], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.progress = Progress(self.progressed.emit)
        self.running = False
        self.finished.connect(self._ended)

    def start(self) -> None:
        self.running = True
        Job._running.add(self)
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        self.progress.cancel()

    def _run(self) -> None:  # in the worker thread
        try:
            self._work_and_report()
        except RuntimeError:
            # The program quit while the work ran and Qt deleted the job: nobody is left to
            # hear the outcome.
            if shiboken6.isValid(self):
                raise

    def _work_and_report(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:
            self.failed.emit(exc)
        else:
            if self.progress.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        self.finished.emit()

    def _ended(self) -> None:
        self.running = False
        Job._running.discard(self)


def run_with_progress(
    parent: QWidget | None, title: str, work: Callable[[Progress], T], *, label: str = ""
) -> T | None:
    """Runs ``work`` off the GUI thread behind a progress dialog with a Cancel button, and
    returns its result; None when the clerk cancelled or the work failed (the error is
    reported with ``report_error``)."""
    dialog = QProgressDialog(label, QCoreApplication.translate(*QT_CANCEL), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)

    job = Job(work)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def cancel() -> None:
        job.cancel()
        loop.quit()

    job.progressed.connect(progressed)

    def succeeded(result: T) -> None:
        outcome["result"] = result

    def failed(error: Exception) -> None:
        outcome["error"] = error

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.finished.connect(loop.quit)
    dialog.canceled.connect(cancel)
    dialog.rejected.connect(cancel)  # Escape: the dialog hides without a "canceled"
    job.start()
    dialog.show()
    loop.exec()
    if job.running:
        # Cancelled: the work stops at its next report. Wait for it, taking no clicks
        # meanwhile, so that nothing starts while it may still be writing.
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    dialog.close()
    dialog.deleteLater()

    error = outcome.get("error")
    if error is not None:
        report_error(parent, error)
    return outcome.get("result")


def report_error(parent: QWidget | None, error: Exception) -> None:
    """Tells the clerk of an error a job ended with: a UserError in their language, any other
    by the excepthook of ui/messages.py (logged, and the clerk told where)."""
    if isinstance(error, UserError):
        show_user_error(parent, error)
    else:
        sys.excepthook(type(error), error, error.__traceback__)
