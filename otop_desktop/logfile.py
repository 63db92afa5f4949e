"""The program's log files: bounded, private to the user, warnings and faults only. Kept
apart from the command line so that the desktop starts without importing every command."""

from __future__ import annotations

import logging
import os
from contextlib import suppress
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler

from otop_desktop.paths import log_dir

#: An office PC runs for years: each log is kept bounded.
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateLogHandler(RotatingFileHandler):
    """A bounded log file that only its user may read (0600, in the 0700 log folder): a
    log names registers and files, and a fault's details may quote a record."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # one an older version made 0644
        # Mode "a", as RotatingFileHandler always opens a bounded log (and as O_APPEND says).
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def private_log_handler(file_name: str) -> PrivateLogHandler:
    """The handler of the log ``file_name`` in :func:`otop_desktop.paths.log_dir`; the file is
    made on the first record (warnings and faults only, so most runs leave none)."""
    folder = log_dir()
    with suppress(OSError):
        os.chmod(folder, 0o700)  # a folder an older version made 0755
    handler = PrivateLogHandler(
        folder / file_name,
        maxBytes=LOG_MAX_BYTES,
        backupCount=LOG_BACKUPS,
        encoding="utf-8",
        delay=True,
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(logging.WARNING)  # alembic alone logs four lines at INFO on every start
    return handler
