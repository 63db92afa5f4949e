"""Every test gets a fresh register: a real SQLite file with WAL and foreign keys in its own
temporary folder, or with ``OTOP_TEST_DB=postgresql`` a database of its own on the PostgreSQL
server at ``OTOP_TEST_PG_URL`` (.ci/run starts one). Either is a copy of a template register
made once per test run (per pytest-xdist worker) by the same migrations the program runs: a
file copy, or ``CREATE DATABASE … TEMPLATE``. A test that can only run on SQLite says so with
``@pytest.mark.sqlite_only`` and its reason in a comment."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

# No display in CI; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import NullPool

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.thaiid import make_thai_id

_ids = count(1)

#: The engine switch of the test run: ``postgresql`` runs the registers on a server.
TEST_DB_ENV = "OTOP_TEST_DB"
#: The server's URL, with a database the tests may connect to (not one they make).
TEST_PG_URL_ENV = "OTOP_TEST_PG_URL"
ON_POSTGRESQL = os.environ.get(TEST_DB_ENV, "sqlite").lower() == "postgresql"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only: the test can only run on a SQLite register (the reason in a comment)",
    )


#: The fixtures through which a test's register is on the run's engine.
ENGINE_FIXTURES = frozenset(
    {"register", "province_register", "district_register", "fresh_register", "pg_server"}
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL pass: tests marked sqlite_only are skipped, and so are those that
    use no register of the run's engine (they make their own SQLite files, or none, and ran
    the same in the SQLite pass)."""
    if not ON_POSTGRESQL:
        return
    sqlite_only = pytest.mark.skip(reason="SQLite only (OTOP_TEST_DB=postgresql)")
    no_engine = pytest.mark.skip(reason="no register on the run's engine: the SQLite pass ran it")
    for item in items:
        if item.get_closest_marker("sqlite_only") is not None:
            item.add_marker(sqlite_only)
        elif not ENGINE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(no_engine)


def db_of(register: Register) -> str:
    """What the command line and other processes are given for ``register``: its file, or
    its server URL with the password."""
    if register.path is not None:
        return str(register.path)
    return register.engine.url.render_as_string(hide_password=False)


def tamper(register: Register, *statements: str) -> str:
    """Changes the register behind the program's back (as another tool, someone covering
    their tracks or a bad disk would): the file with SQLite's foreign keys off, or the
    server's database through a connection of its own. The register's file or URL."""
    db = db_of(register)
    register.engine.dispose()
    if register.path is None:
        other = create_engine(db, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with other.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
        other.dispose()
        return db
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            conn.execute(statement)
    return db


def new_id() -> str:
    """A valid, unique 13-digit citizen ID."""
    return make_thai_id(f"1{next(_ids):011d}")


def person(**changes: object) -> EntrepreneurInput:
    """A valid single-owner entrepreneur in San Kamphaeng (5013); tests change one field."""
    data = EntrepreneurInput(
        producer_type=2,
        name="ร้านผ้าฝ้ายป้าแก้ว",
        contact_name="นางแก้ว ใจดี",
        national_id=new_id(),
        house_no="71/2",
        moo=3,
        subdistrict_code="501301",
        phone="0812345678",
        registered_on=date(2024, 5, 1),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def add_record(register: Register, name: str, *, products: bool = True) -> str:
    """A single owner named ``name`` with one product (or none); its registration number."""
    with register.write() as session:
        entrepreneur = create_entrepreneur(session, person(name=name))
        session.flush()
        if products:
            create_product(
                session, entrepreneur.id, ProductInput("ผ้าฝ้ายทอมือ", category=3, price="350")
            )
        return entrepreneur.reg_no


def set_officer(register: Register, name: str = "นายสมชาย ใจดี") -> None:
    """A signing officer for the office: certificates need one."""
    with register.write() as session:
        office = get_office(session)
        update_office(session, name=office.name, officer_name=name, officer_position="พัฒนาการอำเภอ")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Iterator[object]:
    """The per-user data folder (number floors, default backups, logs) of each test: its own,
    never the real user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    yield folder


#: How many ended tests' databases stay on the server before they are dropped.
KEPT_ENDED = 4


class Templates:
    """Registers made once per test run (per xdist worker) and copied for each test: a fresh
    register by migrations takes some 300 ms, a copy a millisecond (SQLite) or some tens
    (PostgreSQL). The per-user data the making left (the trail's head kept outside the
    register) is copied into each test's data folder with it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[tuple[OfficeKind, str], tuple[str, Path]] = {}
        self.server: Engine | None = None
        self.prefix = f"otop_test_{os.getpid()}_{os.environ.get('PYTEST_XDIST_WORKER', 'gw')}"
        self.numbers = count(1)
        #: Databases of tests that ended, dropped a few tests later: a test's widgets and
        #: timers (torn down after its fixtures, or when garbage is collected) may still read
        #: theirs, as they may a SQLite file that is still in its folder.
        self.ended: list[str] = []
        if ON_POSTGRESQL:
            url = os.environ.get(TEST_PG_URL_ENV)
            if not url:
                raise pytest.UsageError(
                    f"{TEST_DB_ENV}=postgresql needs {TEST_PG_URL_ENV} (a server URL; "
                    ".ci/run starts a server and sets it)"
                )
            self.server = create_engine(url, isolation_level="AUTOCOMMIT")

    def _database_url(self, name: str) -> URL:
        assert self.server is not None
        return self.server.url.set(database=name)

    def _admin(self, statement: str) -> None:
        assert self.server is not None
        with self.server.connect() as conn:
            conn.execute(text(statement))

    def template(self, kind: OfficeKind, code: str) -> tuple[str, Path]:
        """The template's database (a file path or a URL) and the data folder it left."""
        key = (kind, code)
        if key not in self.made:
            data = self.folder / f"data-{kind.value}-{code}"
            data.mkdir()
            if self.server is not None:
                name = f"{self.prefix}_tpl_{kind.value}_{code}"
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                self._admin(f'CREATE DATABASE "{name}"')
                db = self._database_url(name).render_as_string(hide_password=False)
            else:
                db = str(self.folder / f"{kind.value}-{code}.sqlite3")
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(DATA_DIR_ENV, str(data))
                init_register(db, kind, code).close()
            self.made[key] = (db, data)
        return self.made[key]

    def copy(self, kind: OfficeKind, code: str, file: Path, data_dir: Path) -> str:
        """A fresh register of ``kind`` for ``code`` (at ``file``, or a database on the
        server), its per-user data copied into ``data_dir``."""
        db, data = self.template(kind, code)
        shutil.copytree(data, data_dir, dirs_exist_ok=True)
        if self.server is None:
            shutil.copyfile(db, file)
            return str(file)
        while len(self.ended) > KEPT_ENDED:
            self._drop(self.ended.pop(0))
        name = f"{self.prefix}_{next(self.numbers)}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(db).database}"')
        return self._database_url(name).render_as_string(hide_password=False)

    def drop(self, db: str) -> None:
        """A test's database is done with (SQLite files go with their temporary folder)."""
        if self.server is not None:
            self.ended.append(db)

    def _drop(self, db: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{make_url(db).database}" WITH (FORCE)')

    def close(self) -> None:
        if self.server is None:
            return
        for db in [*self.ended, *(db for db, _data in self.made.values())]:
            self._drop(db)
        self.server.dispose()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    made = Templates(tmp_path_factory.mktemp("templates"))
    yield made
    made.close()


@pytest.fixture
def pg_server(templates: Templates) -> Engine:
    """The test run's PostgreSQL server (autocommit, on its maintenance database), for
    tests of what only a server has: databases, roles, locales. Skipped on SQLite."""
    if templates.server is None:
        pytest.skip(f"needs a PostgreSQL server ({TEST_DB_ENV}=postgresql)")
    return templates.server


@pytest.fixture
def fresh_register(
    templates: Templates, tmp_path: Path, data_dir: Path
) -> Iterator[Callable[..., Register]]:
    """Opens fresh registers (kind, area code, and on SQLite the file's name in the test's
    folder) on the test run's engine; each is closed and its database dropped when the test
    ends."""
    opened: list[tuple[Register, str]] = []

    def make(kind: OfficeKind, code: str, name: str | None = None) -> Register:
        db = templates.copy(kind, code, tmp_path / (name or f"{kind.value}.sqlite3"), data_dir)
        register = Register.open(db)
        opened.append((register, db))
        return register

    yield make
    for register, db in reversed(opened):
        register.close()
        templates.drop(db)


@pytest.fixture
def register(fresh_register) -> Register:
    """A fresh San Kamphaeng (5013) district register."""
    return fresh_register(OfficeKind.DISTRICT, "5013")


@pytest.fixture
def province_register(fresh_register) -> Register:
    """A fresh Chiang Mai (50) province register."""
    return fresh_register(OfficeKind.PROVINCE, "50")


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Callable[[int], Path]]:
    """Mounts real, small tmpfs filesystems (size in bytes) for full-disk tests; unmounted
    at the end even when the test fails. Needs root, as the tests have here and in CI."""
    mounted: list[Path] = []

    def mount(size: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], check=False)
