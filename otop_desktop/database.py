"""Opening a register: the engine (SQLite file or any SQLAlchemy URL), schema migrations on
open, and the unit of work every user action runs in."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    DisconnectionError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from otop_desktop.accounts.roles import RANK, has_accounts, require
from otop_desktop.accounts.service import login, recover, signing_key
from otop_desktop.audit.record import ACTOR, OFFICE_FACTS, Actor, OfficeFacts, note, os_actor
from otop_desktop.backup import floors
from otop_desktop.errors import (
    DiskFullError,
    DriverMissingError,
    RegisterBusyError,
    StorageError,
    Subject,
    UserError,
    busy_error,
    damaged_error,
    disk_full_error,
    gone_error,
    io_error,
    no_permission_error,
    os_storage_error,
    read_only_drive_error,
    read_only_file_error,
    read_only_folder_error,
    unreachable_error,
)
from otop_desktop.models import Office
from otop_desktop.models.accounts import CLERK, HEAD
from otop_desktop.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: How long a writer waits for another program's write to finish before it gives up with
#: :class:`RegisterBusyError` (``Register.open(..., busy_timeout_ms=)`` sets it per register).
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: Free space (bytes) under which an I/O error while writing is taken for a full disk.
NEARLY_FULL_BYTES = 1 << 20


def database_url(db: str | Path) -> URL:
    """A file path becomes a SQLite URL; anything with '://' is taken as a SQLAlchemy URL."""
    text = str(db)
    if "://" in text:
        try:
            return make_url(text)
        except ArgumentError as exc:
            raise UserError(
                f"ที่อยู่ฐานข้อมูลไม่ถูกต้อง: {text}", f"Not a valid database URL: {text}"
            ) from exc
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser()))


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    path = register_file(engine.url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        # Take transaction control away from the sqlite3 module, so that DDL in migrations
        # is transactional and every unit of work is exactly one BEGIN … COMMIT.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # A power cut keeps every committed action: each commit is on the disk (an fsync of
        # the WAL) before the program says it is saved.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()
        if path is not None and path.exists() and not os.access(path, os.W_OK):
            # SQLite opened a read-only file read-only, and this connection stays so.
            record.info["read_only"] = True

    @event.listens_for(engine, "checkout")
    def _on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("read_only") and path is not None and os.access(path, os.W_OK):
            # The file was made writable meanwhile: the pool opens a new connection instead.
            raise DisconnectionError("the register can be written to now")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front and so waits (busy_timeout) for another
        # writer instead of failing half-way through its work.
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def without_values(error: BaseException) -> str | None:
    """Cuts a PostgreSQL error down to its primary message, which names the constraint or
    column at fault: the server's DETAIL and CONTEXT carry the row's values ("Failing row
    contains (…, citizen ID, …)", "Key (national_id)=(…)", "COPY entrepreneurs, line 1: …"),
    and an error ends in a log. The new message, or None when there was nothing to cut. Errors
    of statements run through SQLAlchemy are cut by the engine; code that runs the driver
    itself (COPY) passes its errors here."""
    primary = getattr(getattr(error, "diag", None), "message_primary", None)
    if not primary or str(error) == primary:
        return None
    error.args = (primary,)
    return str(primary)


#: The transaction-level advisory lock every writer of a PostgreSQL register takes first (two
#: keys: "OTOP", then the register's write lock). Advisory locks are per database.
PG_WRITE_LOCK = (0x4F544F50, 1)


def _configure_postgresql(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # A writer waits for another's locks as long as a SQLite writer does, then gives up
        # with RegisterBusyError (lock_not_available) instead of waiting for ever.
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET lock_timeout = {int(busy_timeout_ms)}")
        cursor.close()
        dbapi_connection.commit()  # a session setting, kept: not undone with a rollback

    @event.listens_for(engine, "handle_error")
    def _without_values(context: Any) -> None:
        orig = context.original_exception
        primary = without_values(orig)
        if primary is not None and context.sqlalchemy_exception is not None:
            kind = f"{orig.__class__.__module__}.{orig.__class__.__name__}"
            context.sqlalchemy_exception.args = (f"({kind}) {primary}",)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take turns as on SQLite (BEGIN IMMEDIATE): a second writer waits for the
        # first to commit before it reads anything, so every read-then-write of a unit of
        # work (a counter, a version, the audit trail's head) sees the last commit. Readers
        # take no lock and are never held up.
        if conn.get_execution_options().get("write", False):
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock({}, {})".format(*PG_WRITE_LOCK))


def _foreign_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is another program's SQLite database (no migration record), told
    read-only: opening it through the engine would switch it to WAL, changing its header
    before it could be refused. Anything else (not SQLite, unreadable) is left to the
    engine's own errors."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        found = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
    except sqlite3.Error:
        return False
    finally:
        con.close()
    return found is None


def make_engine(db: str | Path, *, busy_timeout_ms: int | None = None) -> Engine:
    """The engine of a register. Statement parameters (citizen IDs, names, phones) never
    appear in its errors, and so never in a log. ``busy_timeout_ms``: how long a SQLite writer
    waits for another's write lock (default :data:`SQLITE_BUSY_TIMEOUT_MS`)."""
    url = database_url(db)
    timeout_ms = SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(
                url, hide_parameters=True, connect_args={"timeout": timeout_ms / 1000}
            )
            _configure_sqlite(engine, timeout_ms)
            return engine
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        if url.get_backend_name() == "postgresql":
            _configure_postgresql(engine, timeout_ms)
        return engine
    except NoSuchModuleError as exc:
        where = url.render_as_string(hide_password=True)
        raise UserError(
            f"ไม่รู้จักชนิดฐานข้อมูล {url.drivername} ใน {where}",
            f"Unknown kind of database {url.drivername!r} in {where}",
        ) from exc
    except ImportError as exc:
        raise _driver_missing(url, exc) from exc


#: The drivers ``pip install .[postgres]`` installs.
_POSTGRES_EXTRA_DRIVERS = ("psycopg",)


def _driver_missing(url: URL, exc: ImportError) -> DriverMissingError:
    where = url.render_as_string(hide_password=True)
    module = exc.name or url.get_driver_name()
    if url.get_backend_name() != "postgresql":
        return DriverMissingError(
            f"ยังไม่ได้ติดตั้งไดรเวอร์ฐานข้อมูล {module} ที่ {where} ต้องใช้",
            f"The database driver {module} that {where} needs is not installed",
        )
    if url.get_driver_name() in _POSTGRES_EXTRA_DRIVERS:
        how_th = how_en = "pip install .[postgres]"
    else:
        how_th = f"pip install {module} หรือใช้ postgresql+psycopg:// หลัง pip install .[postgres]"
        how_en = f"pip install {module}, or use postgresql+psycopg:// after pip install .[postgres]"
    return DriverMissingError(
        f"ยังไม่ได้ติดตั้งไดรเวอร์ PostgreSQL ({module}) ที่ {where} ต้องใช้: ติดตั้งด้วย {how_th}",
        f"The PostgreSQL driver ({module}) that {where} needs is not installed: {how_en}",
    )


def alembic_config(connection: Any = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest migration's revision, without loading Alembic (half a second of the
    program's start): revisions are numbered as their files are, ``0001_….py`` onwards."""
    versions = migrations_dir() / "versions"
    return max(p.name[:4] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def current_revision(engine: Engine) -> str | None:
    """The register's schema revision; None for a database that is not a register (yet)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision`` in one transaction; refuses a register made by a newer
    program instead of touching it."""
    from alembic import command
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    current = current_revision(engine)
    if current is not None and current not in known:
        raise UserError(
            "ทะเบียนนี้สร้างโดยโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อนเปิด",
            f"This register was made by a newer version of the program (schema {current}); "
            "update the program to open it",
        )
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            _check_trigram_rights(conn, engine.url)
        command.upgrade(alembic_config(conn), revision)


def _check_trigram_rights(conn: Any, url: URL) -> None:
    """The search index needs the pg_trgm extension in the database (migration 0002): a role
    that may not create it is told what to ask of the server's administrator, instead of a
    permission error half-way through making the register."""
    installed, available, may_create = conn.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'),"
            " EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'),"
            " has_database_privilege(current_database(), 'CREATE')"
        )
    ).one()
    if installed:
        return
    where = url.render_as_string(hide_password=True)
    database = url.database or ""
    if not available:
        raise UserError(
            f"เซิร์ฟเวอร์ของฐานข้อมูล {where} ไม่มีส่วนขยาย pg_trgm ที่การค้นหาต้องใช้ "
            "กรุณาให้ผู้ดูแลเซิร์ฟเวอร์ติดตั้งแพ็กเกจ contrib ของ PostgreSQL "
            "(เช่น postgresql-contrib) แล้วลองอีกครั้ง",
            f"The server of the database {where} lacks the pg_trgm extension the search "
            "needs: ask the server's administrator to install PostgreSQL's contrib package "
            "(postgresql-contrib) and try again",
        )
    if not may_create:
        role = url.username or "(this role)"
        raise UserError(
            f"ผู้ใช้ {role} ไม่มีสิทธิ์ CREATE ในฐานข้อมูล {where} จึงสร้างส่วนขยาย pg_trgm "
            "ที่การค้นหาต้องใช้ไม่ได้ กรุณาให้ผู้ดูแลเซิร์ฟเวอร์สั่ง "
            f"CREATE EXTENSION pg_trgm; ในฐานข้อมูล {database} หรือ GRANT CREATE ON DATABASE "
            f'"{database}" TO "{role}"; แล้วลองอีกครั้ง',
            f"The role {role} has no CREATE right on the database {where}, so it cannot create "
            "the pg_trgm extension the search needs: ask the server's administrator to run "
            f"CREATE EXTENSION pg_trgm; in the database {database}, or GRANT CREATE ON DATABASE "
            f'"{database}" TO "{role}";, then try again',
        )


# SQLite's result codes (the low byte of ``sqlite_errorcode``) and the extended ones used here.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_PROTOCOL, _SQLITE_NOTADB = 15, 26
_SQLITE_READONLY_DBMOVED = _SQLITE_READONLY | (4 << 8)

# PostgreSQL's SQLSTATEs for the same conditions.
_PG_LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout passed
_PG_BUSY = {"40001", "40P01"}  # serialisation failure, deadlock
_PG_UNREACHABLE = {"57P01", "57P02", "57P03", "53300"}  # shut down, cannot connect now, full


_DRIVE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


def register_subject(url: URL) -> Subject:
    """How messages name a register: its file, or its URL without the password."""
    if url.get_backend_name() == "sqlite":
        return Subject.register(url.database or ":memory:")
    return Subject.database(url.render_as_string(hide_password=True))


def register_file(url: URL) -> Path | None:
    """The file of a SQLite register; None for a server or an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.query.get("mode") == "memory":
        return None
    return Path(url.database).absolute()


def _read_only_drive(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def file_condition(path: Path, subject: Subject, *, saving: bool) -> StorageError | None:
    """What keeps a register file from being opened or written, found by looking at the file
    and its folder (never by opening them: closing another descriptor of the file would drop
    this process's SQLite locks on it). None when nothing is found."""
    for place in (path.parent, path):
        try:
            os.stat(place)
        except OSError as exc:
            return os_storage_error(exc, subject, saving=saving) or io_error(subject, saving=saving)
    if not os.access(path, os.R_OK):
        return no_permission_error(subject, saving=saving)
    if _read_only_drive(path.parent):
        return read_only_drive_error(subject, saving=saving)
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    if not os.access(path, os.W_OK) or any(
        c.exists() and not os.access(c, os.W_OK) for c in companions
    ):
        return read_only_file_error(subject, saving=saving)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return read_only_folder_error(subject, saving=saving)
    return None


def storage_error(
    exc: BaseException,
    url: URL,
    *,
    saving: bool,
    busy_timeout_ms: int | None = None,
) -> UserError | None:
    """The clerk's message for a database error that comes from outside the program —
    another program's write lock, a full disk, a read-only or vanished drive, no permission,
    a damaged file, an unreachable server — or None for one that is the program's own fault
    (which the caller lets through to its last-resort handler). ``saving``: the error stopped
    a change (rolled back), which the message says."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    subject = register_subject(url)
    if isinstance(orig, sqlite3.Error):
        timeout_ms = SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        return _sqlite_condition(orig, subject, register_file(url), saving, timeout_ms)
    if not isinstance(exc, DBAPIError):
        return None
    state = str(getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or "")
    if state == _PG_LOCK_NOT_AVAILABLE:
        timeout_ms = SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        return busy_error(subject, timeout_ms / 1000, saving=saving)
    if state in _PG_BUSY:
        return busy_error(subject, saving=saving)
    if state == "53100":
        return disk_full_error(subject, saving=saving)
    if state == "25006":
        return read_only_drive_error(subject, saving=saving)
    if state == "42501":
        return no_permission_error(subject, saving=saving)
    if (
        state.startswith("08")
        or state in _PG_UNREACHABLE
        or exc.connection_invalidated
        or (not state and isinstance(exc, OperationalError))
    ):
        return unreachable_error(subject, saving=saving)
    return None


def _sqlite_condition(
    orig: sqlite3.Error, subject: Subject, path: Path | None, saving: bool, timeout_ms: int
) -> UserError | None:
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_PROTOCOL):
        return busy_error(subject, timeout_ms / 1000, saving=saving)
    if primary == _SQLITE_FULL:
        return disk_full_error(subject, saving=saving)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged_error(subject, opening=not saving)
    if code == _SQLITE_READONLY_DBMOVED:
        return gone_error(subject, saving=saving)
    if primary not in (_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_PERM):
        return None
    found = file_condition(path, subject, saving=saving) if path is not None else None
    if found is not None:
        return found
    if primary == _SQLITE_IOERR:
        if path is not None and _nearly_full(path.parent):
            return disk_full_error(subject, saving=saving)
        return io_error(subject, saving=saving)
    if primary == _SQLITE_CANTOPEN:
        return io_error(subject, saving=saving)
    if primary == _SQLITE_PERM:
        return no_permission_error(subject, saving=saving)
    return read_only_file_error(subject, saving=saving)


def _unreachable(url: URL, exc: Exception) -> UserError:
    """Opening failed for a reason :func:`storage_error` does not name."""
    if url.get_backend_name() == "sqlite":
        reason = getattr(getattr(exc, "orig", exc), "sqlite_errorname", exc.__class__.__name__)
        return UserError(
            f"เปิดทะเบียน {url.database} ไม่ได้ ({reason})",
            f"Cannot open the register {url.database} ({reason})",
        )
    where = url.render_as_string(hide_password=True)
    return UserError(
        f"ติดต่อฐานข้อมูล {where} ไม่ได้",
        f"Cannot reach the database {where} ({exc.__class__.__name__})",
    )


def _server_refusal(url: URL, exc: Exception) -> UserError | None:
    """A PostgreSQL server that answered but refused the connection: a database that does not
    exist, a role that does not, a wrong password. Its words come without a SQLSTATE, so the
    missing database is asked of the server itself; None for a server that did not answer."""
    orig = getattr(exc, "orig", None)
    if url.get_backend_name() != "postgresql" or not isinstance(exc, OperationalError):
        return None
    if getattr(orig, "sqlstate", None) or "FATAL:" not in str(orig):
        return None
    where = url.render_as_string(hide_password=True)
    if url.database and _server_lacks_database(url):
        return UserError(
            f"ไม่มีฐานข้อมูล {url.database} บนเซิร์ฟเวอร์ของ {where} กรุณาสร้างก่อน "
            "(ดูหัวข้อเซิร์ฟเวอร์ของสำนักงานใน README: CREATE DATABASE … LOCALE 'C.UTF-8' "
            "TEMPLATE template0) หรือตรวจชื่อฐานข้อมูลในที่อยู่",
            f"There is no database {url.database} on the server of {where}: create it first "
            "(see the README's office server section: CREATE DATABASE … LOCALE 'C.UTF-8' "
            "TEMPLATE template0), or check the database's name in the URL",
        )
    # The server's own line (a missing role, a failed password): it names no personal data.
    said = str(orig).partition("FATAL:")[2].strip().splitlines()[0][:200]
    return UserError(
        f"เซิร์ฟเวอร์ของฐานข้อมูล {where} ไม่ยอมให้เชื่อมต่อ: {said} "
        "กรุณาตรวจชื่อผู้ใช้และรหัสผ่านในที่อยู่ หรือขอให้ผู้ดูแลเซิร์ฟเวอร์สร้างผู้ใช้นี้",
        f"The server of the database {where} refused the connection: {said}. Check the user "
        "name and password in the URL, or ask the server's administrator to create the role",
    )


def _server_lacks_database(url: URL) -> bool:
    """Whether the server answers, on its maintenance database, that ``url``'s database does
    not exist (the connection error itself carries no SQLSTATE to tell it by)."""
    probe = create_engine(url.set(database="postgres"), poolclass=NullPool)
    try:
        with probe.connect() as conn:
            found = conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
    except (DBAPIError, ImportError):
        return False
    finally:
        probe.dispose()
    return found is None


def needs_set_up(db: str | Path) -> bool:
    """True when there is no register at ``db`` yet, or one whose set-up stopped after the
    schema was made but before the office was recorded (the first-run dialog's question)."""
    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        try:
            if not Path(url.database or "").is_file():
                return True
        except OSError:
            return False  # a folder that may not be looked into: Register.open names it
    engine = make_engine(db)
    try:
        if current_revision(engine) is None:
            return False  # not a register at all: Register.open refuses it in its own words
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Office)) == 0
    except (DBAPIError, sqlite3.Error):
        return False  # damaged or unreachable: Register.open reports it in its own words
    finally:
        engine.dispose()


def keep_before_upgrade(path: Path, revision: str) -> Path:
    """A checked copy of a SQLite register at its old schema, beside it, before an update of
    the program upgrades it (``NAME.before-upgrade-REV.sqlite3``): SQLite's backup API reads
    one snapshot, WAL included. The upgrade is refused, nothing changed, when the copy
    cannot be made."""
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}{path.suffix}")
    partial = target.with_name(f".{target.name}.partial")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                if copy.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise sqlite3.DatabaseError("the copy failed its check")
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(
            f"ไม่ได้ปรับรุ่นทะเบียน {path}: ทำสำเนาก่อนปรับรุ่นไว้ที่ {target.parent} ไม่ได้ ({reason}) "
            "ทะเบียนยังเป็นรุ่นเดิม",
            f"The register {path} was not upgraded: a copy could not be kept in "
            f"{target.parent} first ({reason}); the register is as it was",
        ) from exc
    log.info("kept %s before upgrading it from schema %s", target.name, revision)
    return target


class Register:
    """An open register. Each user action is one ``write()`` (or ``read()``) block: one
    session, one transaction, committed at the end or rolled back on any error.

    Conditions outside the program — another program holding a long write, a full disk, a
    read-only or vanished drive or folder, no permission, a damaged file, an unreachable
    server — come out of ``open``, ``read`` and ``write`` as a :class:`StorageError` (or
    :class:`DamagedRegisterError`) that names the register and the cause; nothing was
    changed, and the same Register works again once the cause is gone."""

    def __init__(self, engine: Engine, *, busy_timeout_ms: int | None = None) -> None:
        self.engine = engine
        self.busy_timeout_ms = (
            SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        )
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        #: Who acts (audit.record.Actor): set by ``login``; None on a register without
        #: accounts (the computer's user acts, with every right, as before accounts).
        self.actor: Actor | None = None
        #: Set when the start-up check found the file damaged: every write is refused.
        self._refusal: UserError | None = None
        #: The office's private key once a head unlocked it (kept for this program run).
        self._signing_key: bytes | None = None
        #: The office's fixed facts (audit.record.OfficeFacts), read by the first unit of
        #: work that needs them and handed to every later one.
        self._facts: OfficeFacts | None = None
        self.path = register_file(engine.url)
        self.subject = register_subject(engine.url)
        self._identity = self._file_identity() if self.path is not None else None
        #: Units of work under way (any thread), and whether close() was called: the pool
        #: is let go only once the last of them has given its connection back.
        self._active = 0
        self._closed = False
        self._guard = threading.Lock()

    @classmethod
    def open(
        cls, db: str | Path, *, create: bool = False, busy_timeout_ms: int | None = None
    ) -> Register:
        """Opens (and upgrades) an existing register; with ``create`` an empty one is made
        first. A register that was never initialised is refused."""
        url = database_url(db)
        path = register_file(url)
        subject = register_subject(url)
        if path is not None and not create:
            try:
                found = path.is_file()
            except OSError as exc:
                raise _open_failure(exc, path, subject) from exc
            if not found:
                if not path.parent.is_dir():
                    raise UserError(
                        f"ไม่พบทะเบียน {db}: ไม่มีโฟลเดอร์ {path.parent} (ไดรฟ์ถูกถอดออก "
                        "หรือโฟลเดอร์ถูกย้าย เปลี่ยนชื่อ หรือลบ?)",
                        f"No register at {db}: there is no folder {path.parent} (a drive "
                        "removed, a folder moved, renamed or deleted?)",
                    )
                raise UserError(
                    f"ไม่พบทะเบียน {db} (สร้างด้วยคำสั่ง init ก่อน)",
                    f"No register at {db} (create it with init first)",
                )
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                # A full, read-only or failing drive, or no permission; any other reason (a
                # file where the folder should be) goes to the caller as it is.
                if exc.errno not in _DRIVE_ERRNOS:
                    raise
                error = os_storage_error(exc, subject, saving=False)
                raise (error or exc) from exc
        if path is not None and not create and _foreign_sqlite_file(path):
            raise UserError(
                f"{db} ไม่ใช่ทะเบียน OTOP (ใช้คำสั่ง init)",
                f"{db} is not an OTOP register (run init)",
            )
        engine = make_engine(db, busy_timeout_ms=busy_timeout_ms)
        try:
            if not create and current_revision(engine) is None:
                # Never migrate a database that is not a register (another program's file).
                raise UserError(
                    f"{db} ไม่ใช่ทะเบียน OTOP (ใช้คำสั่ง init)",
                    f"{db} is not an OTOP register (run init)",
                )
            before = current_revision(engine)
            if before != head_revision():
                if before is not None and path is not None:
                    keep_before_upgrade(path, before)
                upgrade(engine)  # Alembic loads only when there is an upgrade to make
            register = cls(engine, busy_timeout_ms=busy_timeout_ms)
            if not create and register.office() is None:
                raise UserError(
                    f"{db} ยังไม่ได้ตั้งค่าสำนักงาน (ใช้คำสั่ง init)",
                    f"{db} is not an initialised register (run init)",
                )
            register._after_open(before)
        except (DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            refusal = _server_refusal(url, exc) or storage_error(
                exc, url, saving=False, busy_timeout_ms=busy_timeout_ms
            )
            raise (refusal or _unreachable(url, exc)) from exc
        except BaseException:
            engine.dispose()
            raise
        return register

    def _after_open(self, revision_before: str | None) -> None:
        """Records an upgrade in the trail, and raises the number counters to the floors kept
        outside the register (an old copy put over it by hand must not reuse a number)."""
        upgraded = revision_before not in (None, head_revision())
        with self._sessions() as session, session.begin():
            office = session.get(Office, 1)
            if office is None:
                return
            behind = floors.counters_behind(session, floors.outside(office.register_id))
        if not (upgraded or behind):
            return  # nothing to write: a read-only register opens for reading
        with self._sessions() as session, session.begin():
            session.connection(execution_options={"write": True})
            session.info[ACTOR] = os_actor()
            if upgraded:
                note(session, "upgrade", detail={"from": revision_before, "to": head_revision()})
            floors.apply(session, behind, products=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        self._check_in_place(saving=False)
        try:
            with self._in_use(), self._sessions() as session, session.begin():
                session.info[ACTOR] = self.actor
                yield session
        except (DBAPIError, sqlite3.Error) as exc:
            error = self._translated(exc, saving=False)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def write(self, *, system: bool = False) -> Iterator[Session]:
        """One user action: a clerk's or a head's (a viewer's is refused, and on a register
        with accounts nobody's before a login). ``system``: the program's own bookkeeping
        that needs no rights (a login's counters, setting up the first head)."""
        if self._refusal is not None:
            raise self._refusal
        self._check_in_place(saving=True)
        try:
            with self._in_use(), self._sessions() as session, session.begin():
                session.connection(execution_options={"write": True})
                session.info[ACTOR] = self.actor
                if self._facts is not None:
                    session.info[OFFICE_FACTS] = self._facts
                if not system:
                    require(session, CLERK, "แก้ไขทะเบียน", "change the register")
                yield session
                self._facts = session.info.get(OFFICE_FACTS, self._facts)
                self._check_still_there()
        except (DBAPIError, sqlite3.Error) as exc:
            error = self._translated(exc, saving=True)
            if error is None:
                raise
            raise error from exc

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        with self._guard:
            self._active += 1
        try:
            yield
        finally:
            with self._guard:
                self._active -= 1
                last = self._closed and self._active == 0
            if last:
                self.engine.dispose()

    def storage_error(self, exc: BaseException, *, saving: bool) -> UserError | None:
        """The clerk's message for a database error met on this register (see
        :func:`storage_error`); None for the program's own faults."""
        return storage_error(
            exc, self.engine.url, saving=saving, busy_timeout_ms=self.busy_timeout_ms
        )

    def _translated(self, exc: BaseException, *, saving: bool) -> UserError | None:
        error = self.storage_error(exc, saving=saving)
        if error is None:
            return None
        log.warning("%s: %s", self.subject.where, error.message_en)
        if not isinstance(error, (RegisterBusyError, DiskFullError)):
            # The pool's connections may be on a file that is no longer there, or opened
            # read-only: the next action starts on fresh ones.
            self.engine.dispose()
        return error

    def _file_identity(self) -> tuple[int, int] | None:
        assert self.path is not None
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_in_place(self, *, saving: bool) -> None:
        """Before an action: the register is still at its path. A drive put back or a folder
        restored may hold it as another file: then the action starts on new connections,
        never on ones left on the file that went away."""
        if self.path is None:
            return
        try:
            st = os.stat(self.path)
        except OSError as exc:
            if self._identity is None:
                return  # not made yet (a Register on an engine of a new file): SQLite makes it
            self.engine.dispose()
            raise (
                file_condition(self.path, self.subject, saving=saving)
                or os_storage_error(exc, self.subject, saving=saving)
                or io_error(self.subject, saving=saving)
            ) from exc
        identity = (st.st_dev, st.st_ino)
        if identity != self._identity:
            if self._identity is not None:
                log.warning("%s is another file than before: reconnecting", self.path)
            self.engine.dispose()
            self._identity = identity

    def _check_still_there(self) -> None:
        """Before a commit: the register has not vanished during the action (a drive pulled,
        a folder moved or deleted). SQLite would commit into the file it has open, which is
        no longer the clerk's register, and the action would be lost without a word."""
        if self.path is None or self._identity is None or self.path.exists():
            return
        self.engine.dispose()
        raise gone_error(self.subject, saving=True)

    def office(self) -> Office | None:
        with self.read() as session:
            return session.get(Office, 1)

    def has_accounts(self) -> bool:
        with self.read() as session:
            return has_accounts(session)

    def may(self, role: str) -> bool:
        """Whether whoever acts now holds ``role`` or a higher one (anyone, on a register
        without accounts): the desktop shows what the services would refuse as read-only."""
        if not self.has_accounts():
            return True
        actor = self.actor
        return actor is not None and actor.account_id is not None and RANK[actor.role] >= RANK[role]

    def login(self, name: str, password: str) -> Actor:
        """Logs ``name`` in for every later action on this register. A wrong password is
        recorded (and counted towards the back-off) before LoginRefused is raised."""
        refused: UserError | None = None
        with self.write(system=True) as session:
            try:
                actor = login(session, name, password)
            except UserError as exc:
                refused = exc
        if refused is not None:
            raise refused
        self.actor = actor
        return actor

    def act_as_named(self, name: str) -> None:
        """On a register without accounts: the name the trail records (``--user``)."""
        self.actor = Actor(name=name[:60], role=HEAD)

    def logout(self) -> None:
        self.actor = None

    def recover(self, code: str, head_name: str, new_password: str) -> str:
        """The recovery code makes ``head_name`` a head; returns the new code."""
        fresh = ""
        refused: UserError | None = None
        with self.write(system=True) as session:
            try:
                fresh = recover(session, code, head_name, new_password)
            except UserError as exc:
                refused = exc
        if refused is not None:
            raise refused
        return fresh

    def signing_key(self) -> bytes | None:
        """The office's private key: as stored on a register without accounts, once a head
        unlocked it on one with accounts; None while it is locked."""
        if self._signing_key is not None:
            return self._signing_key
        office = self.office()
        return office.signing_private_key if office is not None else None

    def unlock_signing(self, head_name: str, password: str) -> None:
        """A head's password unlocks the signing key for the rest of this program run (the
        unlocking is recorded; a wrong password too)."""
        refused: UserError | None = None
        with self.write(system=True) as session:
            try:
                self._signing_key = signing_key(session, head_name, password)
            except UserError as exc:
                note(session, "unlock_failed", entity="account", record=head_name)
                refused = exc
        if refused is not None:
            raise refused

    def lock_signing(self) -> None:
        """Forgets the unlocked signing key (the screen locked: a head unlocks it again)."""
        self._signing_key = None

    def refuse_writes(self, error: UserError) -> None:
        """From now on every write is refused with ``error`` (a damaged file found by the
        start-up check: nothing may be written into it)."""
        self._refusal = error

    def close(self) -> None:
        """Lets the register's connections go — at once, or when the units of work still
        under way (a background count, another thread's save) end: a connection checked out
        while the pool is disposed would go back to a pool nobody closes (and a server's
        connection would stay open until the garbage collector finds it)."""
        with self._guard:
            self._closed = True
            busy = self._active > 0
        if not busy:
            self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_failure(exc: OSError, path: Path, subject: Subject) -> UserError:
    return (
        file_condition(path, subject, saving=False)
        or os_storage_error(exc, subject, saving=False)
        or UserError(
            f"เปิด{subject.th} ไม่ได้: {exc.strerror or exc}",
            f"Cannot open {subject.en}: {exc.strerror or exc}",
        )
    )
