"""A first look at a register file, read-only through plain sqlite3, before anything heavier
is loaded: whether it is set up, whether it asks for a login, and the office's name that the
login dialog shows. The desktop shows its login on that alone and opens the register
(SQLAlchemy, the models, an upgrade if one is due) while the clerk types; loading those first
would keep the window waiting about half a second more.

Only a set-up register file gets an answer; anything else — a server URL, no file yet, a
set-up that never finished, another program's database, a damaged or unreadable file — is
None, and the caller takes the ordinary way (needs_set_up, Register.open), which says what is
wrong in its own words."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FirstLook:
    office_name: str
    has_accounts: bool


def first_look(db: str | Path) -> FirstLook | None:
    """What the register file at ``db`` holds, when it is a set-up register; None otherwise
    (see the module's docstring)."""
    text = str(db)
    if "://" in text:
        return None  # a URL (PostgreSQL, or SQLite spelt as one): the ordinary way
    try:
        path = Path(text).expanduser()
        if not path.is_file():
            return None
        # Read-only: the file is left exactly as it was (no WAL switch, no journal). No wait
        # for a lock another program holds: the ordinary way waits, and says so.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=0)) as con:
            set_up = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if set_up is None:
                return None
            office = con.execute("SELECT name FROM office WHERE id = 1").fetchone()
            accounts = con.execute("SELECT EXISTS (SELECT 1 FROM accounts)").fetchone()
    except (OSError, ValueError, sqlite3.Error):
        return None
    if office is None:
        return None
    return FirstLook(office_name=str(office[0] or ""), has_accounts=bool(accounts[0]))
