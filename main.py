"""Starts OTOP Desktop: ``python main.py [--db DB] [--lang th|en]``.

Without ``--db`` the register lives in the per-user data folder; a register that does not
exist yet is set up through the first-run dialog."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler

from platformdirs import user_log_path
from PySide6.QtWidgets import QApplication

from otop_desktop.errors import UserError
from otop_desktop.paths import APP_AUTHOR, APP_NAME, default_database
from ui.app import LANGUAGES, configure_application
from ui.first_run import open_or_set_up
from ui.main_window import MainWindow
from ui.messages import install_excepthook, show_user_error
from ui.settings.preferences import Preferences

EXIT_OK, EXIT_CANNOT_OPEN = 0, 2
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="OTOP Desktop")
    parser.add_argument(
        "--db",
        help="register: a file path or a SQLAlchemy URL (default: %(default)s)",
        default=str(default_database()),
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the program (default: as in the settings)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    log_file = user_log_path(APP_NAME, APP_AUTHOR, ensure_exists=True) / "otop-desktop.log"
    # An office PC runs for years: keep the log bounded.
    handler = RotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    # Warnings and faults only: alembic alone logs four lines at INFO on every start.
    logging.basicConfig(
        handlers=[handler],
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    app = QApplication(sys.argv[:1])
    configure_application(app, args.lang or Preferences().language)
    install_excepthook(log_file)
    try:
        register = open_or_set_up(args.db)
    except UserError as exc:
        show_user_error(None, exc)
        return EXIT_CANNOT_OPEN
    if register is None:
        return EXIT_OK
    with register:
        window = MainWindow(register)
        window.show()
        return app.exec()


if __name__ == "__main__":
    sys.exit(main())
