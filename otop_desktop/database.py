"""Opening a register: the engine (SQLite file or any SQLAlchemy URL), schema migrations on
open, and the unit of work every user action runs in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from otop_desktop.errors import UserError
from otop_desktop.models import Office
from otop_desktop.paths import migrations_dir

SQLITE_BUSY_TIMEOUT_MS = 10_000


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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, so that DDL in migrations
        # is transactional and every unit of work is exactly one BEGIN … COMMIT.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front and so waits (busy_timeout) for another
        # writer instead of failing half-way through its work.
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db: str | Path) -> Engine:
    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision`` in one transaction; refuses a register made by a newer
    program instead of touching it."""
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    current = current_revision(engine)
    if current is not None and current not in known:
        raise UserError(
            "ทะเบียนนี้สร้างโดยโปรแกรมรุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อนเปิด",
            f"This register was made by a newer version of the program (schema {current}); "
            "update the program to open it",
        )
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def _unreachable(url: URL, exc: Exception) -> UserError:
    if url.get_backend_name() == "sqlite":
        return UserError(
            f"เปิดทะเบียน {url.database} ไม่ได้ (ไฟล์เสียหรือไม่ใช่ฐานข้อมูล)",
            f"Cannot open {url.database}: the file is damaged or not a database",
        )
    where = url.render_as_string(hide_password=True)
    return UserError(
        f"ติดต่อฐานข้อมูล {where} ไม่ได้",
        f"Cannot reach the database {where} ({exc.__class__.__name__})",
    )


def needs_set_up(db: str | Path) -> bool:
    """True when there is no register at ``db`` yet, or one whose set-up stopped after the
    schema was made but before the office was recorded (the first-run dialog's question)."""
    url = database_url(db)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        return True
    engine = make_engine(db)
    try:
        if current_revision(engine) is None:
            return False  # not a register at all: Register.open refuses it in its own words
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Office)) == 0
    except DBAPIError:
        return False  # damaged or unreachable: Register.open reports it in its own words
    finally:
        engine.dispose()


class Register:
    """An open register. Each user action is one ``write()`` (or ``read()``) block: one
    session, one transaction, committed at the end or rolled back on any error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str | Path, *, create: bool = False) -> Register:
        """Opens (and upgrades) an existing register; with ``create`` an empty one is made
        first. A register that was never initialised is refused."""
        url = database_url(db)
        if url.get_backend_name() == "sqlite" and not create:
            path = Path(url.database or "")
            if not url.database or not path.is_file():
                raise UserError(
                    f"ไม่พบทะเบียน {db} (สร้างด้วยคำสั่ง init ก่อน)",
                    f"No register at {db} (create it with init first)",
                )
        if url.get_backend_name() == "sqlite" and url.database:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(db)
        try:
            if not create and current_revision(engine) is None:
                # Never migrate a database that is not a register (another program's file).
                raise UserError(
                    f"{db} ไม่ใช่ทะเบียน OTOP (ใช้คำสั่ง init)",
                    f"{db} is not an OTOP register (run init)",
                )
            upgrade(engine)
            register = cls(engine)
            if not create and register.office() is None:
                raise UserError(
                    f"{db} ยังไม่ได้ตั้งค่าสำนักงาน (ใช้คำสั่ง init)",
                    f"{db} is not an initialised register (run init)",
                )
        except DBAPIError as exc:
            engine.dispose()
            raise _unreachable(url, exc) from exc
        except BaseException:
            engine.dispose()
            raise
        return register

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            session.connection(execution_options={"write": True})
            yield session

    def office(self) -> Office | None:
        with self.read() as session:
            return session.get(Office, 1)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
