"""Password work off the GUI thread. Checking a password or deriving a key from one is
Argon2id on purpose slow (a third of a second and more), so a dialog runs it as a job: its
fields and buttons are disabled and the cursor busy meanwhile, the window keeps painting,
and the outcome comes back to the dialog in the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from otop_desktop.errors import UserError
from ui.jobs import Job, Progress, report_error

T = TypeVar("T")


class Background(QObject):
    """One piece of work at a time for ``owner``. ``run(work, done, refused)``: ``done``
    gets the result, ``refused`` a UserError (to show next to the fields); any other error
    goes to the last-resort hook. ``idle`` is emitted after either."""

    idle = Signal()

    def __init__(self, owner: QWidget, widgets: Sequence[QWidget] = ()) -> None:
        super().__init__(owner)
        self._owner = owner
        self._widgets = list(widgets)
        self._job: Job[Any] | None = None
        # The enabled state of each widget before the work began, given back after it.
        self._was_enabled: list[bool] = []
        self._focus: QWidget | None = None
        self._default: QPushButton | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        self._widgets = list(widgets)

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        refused: Callable[[UserError], None],
    ) -> None:
        if self._job is not None:
            return

        def job_work(_progress: Progress) -> T:
            return work()

        self._was_enabled = [w.isEnabled() for w in self._widgets]
        # Disabling the focused field moves the focus, and with it the dialog's default
        # button (Enter): both are given back afterwards.
        self._focus = QApplication.focusWidget()
        self._default = next(
            (b for b in self._owner.findChildren(QPushButton) if b.isDefault()), None
        )
        for widget in self._widgets:
            widget.setEnabled(False)
        self._owner.setCursor(Qt.CursorShape.BusyCursor)
        job: Job[T] = Job(job_work)
        self._job = job

        def succeeded(result: T) -> None:
            self._end()
            done(result)
            self.idle.emit()

        def failed(error: Exception) -> None:
            self._end()
            if isinstance(error, UserError):
                refused(error)
            else:
                report_error(self._owner, error)
            self.idle.emit()

        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.start()

    def _end(self) -> None:
        self._job = None
        self._owner.unsetCursor()
        for widget, enabled in zip(self._widgets, self._was_enabled, strict=False):
            widget.setEnabled(enabled)
        if self._default is not None and shiboken6.isValid(self._default):
            self._default.setDefault(True)
        focus = self._focus
        if focus is not None and shiboken6.isValid(focus) and focus.isEnabled():
            focus.setFocus()
