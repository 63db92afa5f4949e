"""A register file looked at with sqlite3 alone: read-only, never migrated, never written.
Backups are checked this way, and a restore's source is, before anything is moved."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote

from otop_desktop.errors import UserError

#: Tables every OTOP register has, whatever its schema revision.
REGISTER_TABLES = {"office", "alembic_version"}


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection (a missing file is not created)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise unreadable(path, exc) from exc
    with closing(conn):
        yield conn


def unreadable(path: Path, exc: Exception) -> UserError:
    return UserError(
        f"อ่านไฟล์ {path} ไม่ได้ (ไฟล์เสียหรือไม่ใช่ทะเบียน: {exc})",
        f"Cannot read {path}: damaged or not a register ({exc})",
    )


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the file, the search index's own tables included (they are rows a
    restore must bring back too), in a fixed order."""
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def is_register(conn: sqlite3.Connection) -> bool:
    return set(user_tables(conn)) >= REGISTER_TABLES


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    # Virtual tables are counted through their shadow tables; counting an FTS5 table itself
    # would read its content table a second time.
    virtual = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
    }
    return {
        table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in user_tables(conn)
        if table not in virtual
    }


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What ``integrity_check`` (or ``quick_check``) reports; empty when the file is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    return [] if rows == ["ok"] else rows


def highest_numbers(conn: sqlite3.Connection) -> dict[str, str]:
    """The highest registration number per district and B.E. year, e.g. ``{"5013-2567":
    "5013-2567-0042"}``: what a list of backups shows of each."""
    rows = conn.execute(
        "SELECT substr(reg_no, 1, 9), max(reg_no) FROM entrepreneurs GROUP BY 1 ORDER BY 1"
    )
    return dict(rows.fetchall())


def schema_revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def office_row(conn: sqlite3.Connection) -> dict[str, str]:
    """The office's kind, area, name and register id (empty id before schema 0005)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(office)")}
    wanted = ["kind", "province_code", "district_code", "name"]
    if "register_id" in columns:
        wanted.append("register_id")
    row = conn.execute(f"SELECT {', '.join(wanted)} FROM office WHERE id = 1").fetchone()
    found = dict(zip(wanted, row, strict=True)) if row else {}
    return {key: found.get(key) or "" for key in [*wanted[:4], "register_id"]}
