"""Starts the desktop program: ``otop-desktop-gui`` (or ``python main.py``)
``[--db DB] [--lang th|en] [--self-test]``.

Without ``--db`` the register lives in the per-user data folder; a register that does not
exist yet is set up through the first-run dialog. ``--self-test`` checks that this build
carries all it needs (ui.selftest) and touches no register of the user's.

The main window's module and the pages under it are imported only once the first window
(the first-run dialog or the login) has been shown: they take most of the start-up time.
What the first window needs is imported here, at the top: the core (SQLAlchemy, the models)
before PySide6, which once imported checks every later import for its ``__feature__``
switches; the core's several hundred modules load a good sixth faster without that."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from otop_desktop.database import needs_set_up
from otop_desktop.errors import UserError
from otop_desktop.logfile import private_log_handler
from otop_desktop.outputs import remove_leftovers
from otop_desktop.paths import default_database
from otop_desktop.version import program_version
from ui.accounts.first_head import offer_first_head
from ui.accounts.login import log_in
from ui.app import LANGUAGES, configure_application
from ui.first_run import open_or_set_up
from ui.messages import install_excepthook, show_user_error
from ui.settings.preferences import Preferences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

EXIT_OK, EXIT_CANNOT_OPEN = 0, 2


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="otop-desktop-gui", description="OTOP Desktop")
    parser.add_argument(
        "--db",
        help="register: a file path or a SQLAlchemy URL (default: the per-user data folder's)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the program (default: as in the settings)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the program has all it needs (a temporary register, offscreen), "
        "print what was checked and exit 0 when all is well",
    )
    parser.add_argument("--version", action="version", version=f"OTOP Desktop {program_version()}")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test:
        from ui.selftest import run_self_test

        return run_self_test()
    return run_desktop(args.db or str(default_database()), args.lang)


def make_application() -> QApplication:
    from PySide6.QtWidgets import QApplication  # after the core: see the module's docstring

    return QApplication(sys.argv[:1])


def run_desktop(db: str, language: str | None) -> int:
    # Bounded, private to the user (0600 in a 0700 folder), warnings and faults only.
    handler = private_log_handler("otop-desktop.log")
    log_file = Path(handler.baseFilename)
    logging.basicConfig(handlers=[handler], level=logging.WARNING)
    remove_leftovers()  # what a writer killed half-way left beside its files
    app = make_application()
    preferences = Preferences()
    configure_application(app, language or preferences.language)
    install_excepthook(log_file)
    status = EXIT_OK
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
            from ui.main_window import MainWindow

            window = MainWindow(register, preferences=preferences)
            window.show()
            status = app.exec()
        # After a restore the window has let the register go: open the restored one. After
        # File → New/Open register, or a recent one: open that one instead.
        if not window.reopen_requested:
            return status
        if window.next_db is not None:
            db, previous = window.next_db, db
