"""Starts the desktop program: ``otop-desktop-gui`` (or ``python main.py``)
``[--db DB] [--lang th|en] [--self-test]``.

Without ``--db`` the register lives in the per-user data folder; a register that does not
exist yet is set up through the first-run dialog. ``--self-test`` checks that this build
carries all it needs (ui.selftest) and touches no register of the user's.

The first window comes as early as it can. On a set-up register file
(otop_desktop.first_look, plain sqlite3) it comes before the core (SQLAlchemy, the models)
is even loaded, and the register opens behind it, off the GUI thread
(ui.accounts.opening): with accounts the login (ui.accounts.login.log_in_while_opening),
without them the main window's frame, which shows its pages once the register is open
(MainWindow.opened_register). Any other register — a server's, one still to be set up —
needs the core for its first window (the first-run dialog), imported when it is needed. The
core loads after PySide6, whose import hook looks at every later module for its
``__feature__`` switches: a little longer to load it, the price of first windows that need
no core at all."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from otop_desktop.errors import UserError
from otop_desktop.first_look import first_look
from otop_desktop.logfile import private_log_handler
from otop_desktop.outputs import remove_leftovers
from otop_desktop.paths import default_database
from otop_desktop.version import program_version
from ui.accounts.login import log_in, log_in_while_opening
from ui.accounts.opening import OpeningRegister
from ui.app import LANGUAGES, configure_application
from ui.messages import install_excepthook, show_user_error
from ui.settings.preferences import Preferences

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from otop_desktop.database import Register
    from ui.main_window import MainWindow

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
    # Looked up when called: bench/bench_startup.py puts its own (timed) class in its place.
    from PySide6.QtWidgets import QApplication

    return QApplication(sys.argv[:1])


def offer_first_head(register: Register, *, new_register: bool) -> None:
    # Its module imports the core at once: loaded only for a register without accounts.
    from ui.accounts.first_head import offer_first_head as offer

    offer(register, new_register=new_register)


def make_main_window(register: Register | OpeningRegister, preferences: Preferences) -> MainWindow:
    # Its module is loaded once the first window is decided: a login needs none of it.
    from ui.main_window import MainWindow

    return MainWindow(register, preferences=preferences)


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
        look = first_look(db)
        login_first = look is not None and look.has_accounts
        # The main window: made before its register is open on a set-up register file
        # without accounts (its frame shown meanwhile), else once the register is open.
        window: MainWindow | None = None
        try:
            if look is not None and look.has_accounts:
                # The login first, the register opening behind it; quitting it ends the run.
                register = log_in_while_opening(db, look.office_name)
                if register is None:
                    return status
                new = False
            elif look is not None:
                # Set up already: the main window at once, the register opening behind it.
                window = make_main_window(OpeningRegister(db, look.office_name), preferences)
                window.show()
                register, new = window.opened_register(), False
                if register is None:  # the clerk closed the window while it opened
                    return status
            else:
                from otop_desktop.database import needs_set_up
                from ui.first_run import open_or_set_up

                new = needs_set_up(db)
                register = open_or_set_up(db)
        except UserError as exc:
            show_user_error(window, exc)
            if window is not None:
                window.close()
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
            # (A login shown while the register opened has been passed already.)
            if not login_first and register.has_accounts():
                if log_in(register) is None:
                    if window is not None:
                        window.close()
                    return status
            elif not login_first:
                offer_first_head(register, new_register=new)
            if window is None:
                window = make_main_window(register, preferences)
                window.show()
            else:
                window.fill(register)
            status = app.exec()
        # After a restore the window has let the register go: open the restored one. After
        # File → New/Open register, or a recent one: open that one instead.
        if not window.reopen_requested:
            return status
        if window.next_db is not None:
            db, previous = window.next_db, db
