"""What every command of the command line shares: exit statuses and argument types."""

from __future__ import annotations

import argparse

from otop_desktop.thaiformat import Period, ThaiDateError

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2

DB_HELP = "register: a file path or a SQLAlchemy URL"


def period_arg(text: str) -> Period:
    """A B.E. month such as ``2568-10`` (argparse type)."""
    try:
        return Period.parse(text)
    except ThaiDateError as exc:
        raise argparse.ArgumentTypeError(exc.message_en) from exc
