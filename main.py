"""Starts OTOP Desktop: ``python main.py [--db DB] [--lang th|en]``.

Without ``--db`` the register lives in the per-user data folder; a register that does not
exist yet is set up through the first-run dialog."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from otop_desktop.cli import private_log_handler
from otop_desktop.database import needs_set_up
from otop_desktop.errors import UserError
from otop_desktop.outputs import remove_leftovers
from otop_desktop.paths import default_database
from ui.accounts import log_in, offer_first_head
from ui.app import LANGUAGES, configure_application
from ui.first_run import open_or_set_up
from ui.main_window import MainWindow
from ui.messages import install_excepthook, show_user_error
from ui.settings.preferences import Preferences

EXIT_OK, EXIT_CANNOT_OPEN = 0, 2


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
    # Bounded, private to the user (0600 in a 0700 folder), warnings and faults only.
    handler = private_log_handler("otop-desktop.log")
    log_file = Path(handler.baseFilename)
    logging.basicConfig(handlers=[handler], level=logging.WARNING)
    remove_leftovers()  # what a writer killed half-way left beside its files
    app = QApplication(sys.argv[:1])
    configure_application(app, args.lang or Preferences().language)
    install_excepthook(log_file)
    status = EXIT_OK
    preferences = Preferences()
    db: str = args.db
    # The register this run had open before File → New/Open register: back to it when the
    # other one cannot be opened or its set-up is cancelled.
    previous: str | None = None
    while True:
        try:
            new = needs_set_up(db)
            register = open_or_set_up(db)
        except UserError as exc:
            show_user_error(None, exc)
            if previous is None:
                return EXIT_CANNOT_OPEN
            db, previous = previous, None
            continue
        if register is None:
            if previous is None:
                return status
            db, previous = previous, None
            continue
        preferences.remember_register(db)  # File → Recent registers (never a password)
        with register:
            # A register with accounts: a login first (the restored one may hold others).
            # Without: the first head is offered once, which seals the signing key.
            if register.has_accounts():
                if log_in(register) is None:
                    return status
            else:
                offer_first_head(register, new_register=new)
            window = MainWindow(register, preferences=preferences)
            window.show()
            status = app.exec()
        # After a restore the window has let the register go: open the restored one. After
        # File → New/Open register, or a recent one: open that one instead.
        if not window.reopen_requested:
            return status
        if window.next_db is not None:
            db, previous = window.next_db, db


if __name__ == "__main__":
    sys.exit(main())
