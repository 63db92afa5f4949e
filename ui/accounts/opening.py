"""A register opened off the GUI thread while the first window is already on the screen: the
core (SQLAlchemy, the models) loads and the register opens — and is upgraded, if that is
due — while the clerk types their name and password at the login, or while the main
window's frame says that it is opening (ui.launch; otop_desktop.first_look tells beforehand
that the register is set up, and whether it asks for a login)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from otop_desktop.database import Register


class OpeningRegister(QObject):
    """``start()`` opens the register at ``db`` in a thread of its own (a login job in the
    thread pool waits for it, and must not keep it from a thread); ``register()`` waits for
    it (in a worker, or briefly in the GUI thread) and raises what the opening raised, and
    ``close()`` lets it go; both start the opening if nobody has. ``failed`` brings the
    opening's error to the GUI thread, ``finished`` the end of the opening, either way."""

    failed = Signal(object)
    finished = Signal()

    def __init__(self, db: str | Path, office_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.office_name = office_name
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        self._done = threading.Event()
        self._register: Register | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with self._starting:
            if self._thread is None:
                self._thread = threading.Thread(target=self._open, name="opening register")
                self._thread.start()

    def _open(self) -> None:  # in a worker thread
        try:
            # Here, not at the top: loading the core is what the login does not wait for.
            from otop_desktop.database import Register

            self._register = Register.open(self.db)
        except Exception as exc:
            self._error = exc
        self._done.set()
        if self._error is not None:
            self.failed.emit(self._error)
        self.finished.emit()

    @property
    def error(self) -> BaseException | None:
        """What opening the register raised; None while it is under way or when it opened."""
        return self._error

    def register(self) -> Register:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._register is not None  # set when no error was
        return self._register

    def close(self) -> None:
        """Lets the register go, once it is open (the clerk quit at the login)."""
        self.start()
        self._done.wait()
        if self._register is not None:
            self._register.close()
