"""The backups of the window's register: File → Back up now, the daily backup while the
program is open, the backup when it closes, the status bar's label, the lock file that tells
other programs the register is open here, and the window's part of a restore (letting go of
the register, and taking it back when the restore fails).

Automatic backups are for SQLite registers only; a PostgreSQL server's backups are the
server's, and on such a register this object does nothing but say so."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import event

from otop_desktop.backup import settings
from otop_desktop.backup.lock import RegisterLock
from otop_desktop.backup.make import CLOSING, DAILY, MANUAL, make_backup, newest, register_file
from otop_desktop.backup.restore import Restored, restore
from otop_desktop.backup.sidecar import BackupInfo
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from ui.backup.busy import run_busy, wait_for
from ui.backup.status import BackupStatus
from ui.backup.texts import when_text
from ui.jobs import Job, Progress, report_error
from ui.messages import show_error, show_user_error, user_message

log = logging.getLogger(__name__)

# How often the open program looks whether the day's backup is due.
DAILY_CHECK_MS = 10 * 60 * 1000
# A backup older than this is due (the daily one; on closing, even with nothing saved).
DAILY_AGE = timedelta(days=1)
# The closing backup's dialog appears only if the backup takes longer than this.
CLOSING_SHOW_AFTER_MS = 300
# How long "Backed up …" stays in the status bar.
MESSAGE_MS = 60_000
# How long a restore waits for the window's reads under way to end before it goes on.
JOBS_WAIT_MS = 10_000


class Backups(QObject):
    """Call ``start()`` once the window is built and ``stop()`` when it closes."""

    # A backup was made and checked (its BackupInfo).
    backed_up = Signal(object)

    def __init__(self, register: Register, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.register = register
        try:
            self.db: Path | None = register_file(register)
        except UserError:
            self.db = None
        office = register.office()
        self.register_id = office.register_id if office is not None else ""
        self.status = BackupStatus()
        self.status.setVisible(self.available)
        self.lock = RegisterLock(self.db) if self.db is not None else None
        self.daily_timer = QTimer(self)
        self.daily_timer.setInterval(DAILY_CHECK_MS)
        self.daily_timer.timeout.connect(self.check_daily)
        # The automatic (daily) backup under way, if any.
        self.automatic_job: Job[BackupInfo | None] | None = None
        # No automatic backups: the register failed its check at start, and a backup of it
        # would fail its own check anyway.
        self.suspended = False
        self._status_job: Job[Any] | None = None
        self._status_seq = 0
        # Writes committed through the register since the window opened, and the count
        # when the last backup of this session began: a closing backup with nothing saved
        # since the last one is not made again.
        self._writes = 0
        self._writes_lock = threading.Lock()
        self._writes_at_backup = 0
        self._listening = False

    @property
    def available(self) -> bool:
        """Whether this program backs the register up: a SQLite register with its id."""
        return self.db is not None and bool(self.register_id)

    # --- the window's register ---------------------------------------------------------

    def start(self) -> None:
        """Marks the register as open here, and starts the daily check and the status."""
        if not self.available:
            return
        assert self.lock is not None
        self.lock.acquire()
        if not self._listening:
            event.listen(self.register.engine, "commit", self._committed)
            self._listening = True
        self.daily_timer.start()
        self.refresh_status()

    def stop(self) -> None:
        """Ends the daily check (waiting for a backup under way) and lets go of the lock."""
        self.daily_timer.stop()
        self._wait_for_automatic(self.tr("Finishing the backup under way…"))
        if self._listening:
            event.remove(self.register.engine, "commit", self._committed)
            self._listening = False
        if self.lock is not None:
            self.lock.release()

    def _committed(self, connection: Any) -> None:  # any thread
        if connection.get_execution_options().get("write", False):
            with self._writes_lock:
                self._writes += 1

    def _write_count(self) -> int:
        with self._writes_lock:
            return self._writes

    def changed_since_backup(self) -> bool:
        """Whether anything was saved since the window opened or its last backup began (the
        backup's own record of itself is one write)."""
        return self._write_count() > self._writes_at_backup

    def _backed_up(self, info: BackupInfo, writes_before: int) -> None:
        self._writes_at_backup = writes_before + 1
        self.refresh_status()
        self.backed_up.emit(info)

    # --- the status bar ----------------------------------------------------------------

    def refresh_status(self) -> None:
        """Looks in the backup folder (off the GUI thread: it may be a slow network share)
        and shows the newest backup, or the warning."""
        if not self.available:
            return
        register_id = self.register_id
        self._status_seq += 1
        seq = self._status_seq

        def look(_progress: Progress) -> tuple[Path, bool, BackupInfo | None]:
            folder = settings.folder_of(register_id)
            # The default folder is made by the first backup; a chosen one never is.
            found = folder.is_dir() or folder == settings.default_folder(register_id)
            return folder, found, newest(register_id, folder) if found else None

        def show(result: tuple[Path, bool, BackupInfo | None]) -> None:
            if seq == self._status_seq:  # not overtaken by a later look or a backup
                folder, found, info = result
                self.status.show_newest(info, folder, folder_found=found)

        self._status_job = Job(look, self)
        self._status_job.succeeded.connect(show)
        self._status_job.start()

    # --- backups -----------------------------------------------------------------------

    def unavailable_error(self) -> UserError:
        """Why this register is not backed up (or restored) by the program."""
        try:
            register_file(self.register)
        except UserError as exc:
            return exc
        return UserError("ทะเบียนนี้ยังไม่มีรหัสทะเบียน", "This register has no register id yet")

    def back_up_now(self) -> BackupInfo | None:
        """File → Back up now: a backup behind a busy dialog; where and when it went is said
        in the status bar, a failure in a message."""
        if not self.available:
            show_user_error(self._window, self.unavailable_error())
            return None
        self._wait_for_automatic(self.tr("Finishing the backup under way…"))
        writes = self._write_count()
        register = self.register
        outcome = run_busy(
            self._window,
            self.tr("Back up now"),
            self.tr("Backing up the register…"),
            lambda _progress: make_backup(register, reason=MANUAL),
        )
        if outcome.error is not None:
            self.refresh_status()
            report_error(self._window, outcome.error)
            return None
        info = outcome.result
        assert info is not None
        self._backed_up(info, writes)
        self._window.statusBar().showMessage(
            self.tr("Backed up {when} to {file}").format(
                when=when_text(info.made_at), file=info.file
            ),
            MESSAGE_MS,
        )
        return info

    def automatic(self) -> bool:
        return self.available and not self.suspended and settings.load(self.register_id).automatic

    def check_daily(self) -> None:
        """The timer's check: a backup when the newest is over a day old (off the GUI
        thread, without a dialog; the status bar says it is under way)."""
        if not self.automatic() or self._automatic_running():
            return
        register, register_id = self.register, self.register_id
        writes = self._write_count()

        def work(progress: Progress) -> BackupInfo | None:
            last = newest(register_id)
            if last is not None and datetime.now(UTC) - last.made_at < DAILY_AGE:
                return None
            progress(0)  # the status bar says a backup is under way
            return make_backup(register, reason=DAILY)

        def done(info: BackupInfo | None) -> None:
            if info is not None:
                self._backed_up(info, writes)
            else:
                self.refresh_status()

        def failed(error: Exception) -> None:
            if not isinstance(error, UserError):
                log.error("daily backup failed", exc_info=(type(error), error, None))
            self.status.show_failure(self._reason(error))

        self.automatic_job = Job(work, self)
        self.automatic_job.succeeded.connect(done)
        self.automatic_job.failed.connect(failed)
        self.automatic_job.progressed.connect(lambda _done, _total: self.status.show_busy())
        self._status_seq += 1  # a look under way would say what was before this backup
        self.automatic_job.start()

    def back_up_on_closing(self) -> BackupInfo | None:
        """The backup when the program closes: made when automatic backups are on and
        something was saved since the last backup (or the newest is over a day old). A
        failure is told, and the program closes all the same."""
        if not self.automatic():
            return None
        self._wait_for_automatic(self.tr("Backing up the register before the program closes…"))
        changed = self.changed_since_backup()
        register, register_id = self.register, self.register_id

        def work(_progress: Progress) -> BackupInfo | None:
            if not changed:
                last = newest(register_id)
                if last is not None and datetime.now(UTC) - last.made_at < DAILY_AGE:
                    return None
            return make_backup(register, reason=CLOSING)

        outcome = run_busy(
            self._window,
            self.tr("Closing"),
            self.tr("Backing up the register before the program closes…"),
            work,
            show_after_ms=CLOSING_SHOW_AFTER_MS,
        )
        if outcome.error is not None:
            if not isinstance(outcome.error, UserError):
                log.error(
                    "backup on closing failed",
                    exc_info=(type(outcome.error), outcome.error, outcome.error.__traceback__),
                )
            show_error(
                self._window,
                self.tr(
                    "The backup on closing failed:\n{reason}\n\nThe program closes all the "
                    "same; what you saved is in the register."
                ).format(reason=self._reason(outcome.error)),
            )
        return outcome.result

    def _reason(self, error: Exception) -> str:
        if isinstance(error, UserError):
            return user_message(error)
        return self.tr("an internal error (its details are in the program's log)")

    def _automatic_running(self) -> bool:
        return self.automatic_job is not None and self.automatic_job.running

    def _wait_for_automatic(self, label: str) -> None:
        """Waits for a daily backup under way, behind the busy dialog: two backups at once
        would race for the folder's names, and a restore needs the register let go."""
        wait_for(self._window, self.tr("Backups"), label, self.automatic_job)

    # --- restoring ---------------------------------------------------------------------

    def restore(self, source: Path) -> Restored | None:
        """Lets go of the register (its connections and the lock), restores ``source`` over
        it, and returns what was done. On failure the register is taken back as it was,
        the reason told, and None returned."""
        if not self.available:
            show_user_error(self._window, self.unavailable_error())
            return None
        assert self.db is not None
        db = self.db
        self.daily_timer.stop()
        self._wait_for_automatic(self.tr("Finishing the backup under way…"))
        self.stop()
        # Reads under way (a page's counts) end first: they hold connections to the file.
        QThreadPool.globalInstance().waitForDone(JOBS_WAIT_MS)
        self.register.close()
        outcome = run_busy(
            self._window,
            self.tr("Restore"),
            self.tr("Restoring the register from the backup…"),
            lambda _progress: restore(db, source),
        )
        if outcome.error is not None:
            self.start()
            report_error(self._window, outcome.error)
            return None
        return outcome.result
