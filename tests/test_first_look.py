"""otop_desktop.first_look: what the desktop reads of a register file through plain sqlite3
before the core is loaded (whether its login comes first), and that it leaves the file as it
was and answers nothing for what the ordinary way must judge."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from otop_desktop.accounts.service import add_account
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.first_look import FirstLook, first_look
from otop_desktop.models.accounts import HEAD
from otop_desktop.services.office import init_register


def test_a_set_up_register_is_seen_with_its_office_and_whether_it_has_accounts(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.sqlite3"
    with init_register(db, OfficeKind.DISTRICT, "5013") as register:
        office = register.office()
        assert office is not None
        assert first_look(db) == FirstLook(office_name=office.name, has_accounts=False)
        with register.write(system=True) as session:
            add_account(session, "somchai", HEAD, "head-password-1")
    assert first_look(str(db)) == FirstLook(office_name=office.name, has_accounts=True)


def test_the_register_is_read_only_and_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    init_register(db, OfficeKind.DISTRICT, "5013").close()
    before = db.read_bytes()
    assert first_look(db) is not None
    # (SQLite's -wal and -shm files beside it are its own, for any reader of a WAL file.)
    assert db.read_bytes() == before


def test_anything_but_a_set_up_register_file_is_left_to_the_ordinary_way(
    tmp_path: Path,
) -> None:
    assert first_look(tmp_path / "missing.sqlite3") is None
    assert first_look(tmp_path) is None  # a folder
    assert first_look("postgresql+psycopg://clerk@server/otop") is None
    assert first_look(f"sqlite:///{tmp_path / 'r.sqlite3'}") is None
    with Register.open(tmp_path / "schema-only.sqlite3", create=True):
        pass  # set up stopped before the office was recorded
    assert first_look(tmp_path / "schema-only.sqlite3") is None
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 1000)
    assert first_look(tmp_path / "junk.sqlite3") is None
    foreign = tmp_path / "ledger.sqlite3"
    with closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE ledger (amount INTEGER)")
    assert first_look(foreign) is None


def test_a_register_another_program_holds_locked_is_left_to_the_ordinary_way(
    tmp_path: Path,
) -> None:
    db = tmp_path / "r.sqlite3"
    init_register(db, OfficeKind.DISTRICT, "5013").close()
    with closing(sqlite3.connect(db, isolation_level=None)) as holder:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE office SET name = name")
        assert first_look(db) is None  # at once: Register.open waits for the lock, and says so
    assert first_look(db) is not None
