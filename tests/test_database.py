"""Two PCs (two engines) on one register, a file or a server's database: writers queue,
readers go on, a failed action leaves nothing behind; a server's refusals are named."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
import threading
import time
import traceback

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from otop_desktop import cli, database, logfile
from otop_desktop.database import (
    Register,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import RegisterBusyError, UserError
from otop_desktop.models import Entrepreneur
from otop_desktop.paths import log_dir
from otop_desktop.services import entrepreneurs
from otop_desktop.services.listing import EntrepreneurFilter, count_entrepreneurs
from otop_desktop.services.office import init_register
from tests.conftest import ON_POSTGRESQL, db_of, new_id, person


def test_a_second_writer_waits_for_the_first_and_readers_are_not_blocked(register) -> None:
    other = Register.open(db_of(register))
    holding = threading.Event()
    results: list[str] = []

    def slow_clerk() -> None:
        with register.write() as s:
            entrepreneurs.create_entrepreneur(s, person(name="ร้านแรก"))
            holding.set()
            time.sleep(0.5)
            results.append("first")  # still inside: the commit comes after this

    worker = threading.Thread(target=slow_clerk)
    worker.start()
    holding.wait(5)
    with other.read() as s:  # WAL: the reader sees the last commit and does not wait
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 0
    with other.write() as s:  # waits on the busy timeout instead of failing
        results.append("second")
        entrepreneurs.create_entrepreneur(s, person(name="ร้านที่สอง"))
    worker.join()
    assert results == ["first", "second"]
    with other.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 2
    other.close()


def test_a_writer_kept_waiting_too_long_is_told_the_register_is_busy(register) -> None:
    impatient = Register.open(db_of(register), busy_timeout_ms=300)
    holding, done = threading.Event(), threading.Event()

    def long_import() -> None:
        with register.write() as s:
            entrepreneurs.create_entrepreneur(s, person(name="ร้านแรก"))
            holding.set()
            done.wait(10)

    worker = threading.Thread(target=long_import)
    worker.start()
    try:
        holding.wait(5)
        started = time.monotonic()
        with pytest.raises(RegisterBusyError, match="busy"), impatient.write() as s:
            entrepreneurs.create_entrepreneur(s, person(name="ร้านที่สอง"))
        assert time.monotonic() - started >= 0.25
    finally:
        done.set()
        worker.join()
    with impatient.write() as s:  # the same register works once the other is done
        entrepreneurs.create_entrepreneur(s, person(name="ร้านที่สอง"))
    impatient.close()


def test_an_error_inside_a_user_action_rolls_all_of_it_back(register) -> None:
    with pytest.raises(RuntimeError), register.write() as s:
        entrepreneurs.create_entrepreneur(s, person())
        entrepreneurs.create_entrepreneur(s, person())
        raise RuntimeError("the PC lost power half-way")
    with register.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 0
    with register.write() as s:  # and the numbers drawn inside it were not used up
        assert entrepreneurs.create_entrepreneur(s, person()).reg_no.endswith("-0001")


# --- durability, and no personal data in errors or logs -------------------------------------


# SQLite's pragmas; a server keeps its commits by its own settings (fsync, synchronous_commit).
@pytest.mark.sqlite_only
def test_every_commit_is_on_the_disk_before_it_is_reported(register) -> None:
    # synchronous=FULL: a power cut keeps every committed action (tests/test_hostile.py shuts
    # a drive down under an open register and finds every reported save).
    with register.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2
        timeout = session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert timeout == database.SQLITE_BUSY_TIMEOUT_MS
    quick = Register.open(register.engine.url.database, busy_timeout_ms=250)
    with quick.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 250
    quick.close()


def test_a_failing_statement_never_shows_its_values(register) -> None:
    citizen_id = new_id()
    with pytest.raises(DBAPIError) as caught, register.write() as s:
        # Refused by the database (the required columns are missing): a fault, not a refusal.
        s.execute(insert(Entrepreneur).values(national_id=citizen_id, contact_name="นางลับ มิดชิด"))
    # What a log gets of it, but for the source lines of the traceback (this test's own).
    told = "".join(traceback.format_exception_only(caught.value)) + repr(caught.value)
    assert "INSERT INTO entrepreneurs" in told  # the statement, to find the fault by
    assert citizen_id not in told and "มิดชิด" not in told


# A trigger that refuses every new entrepreneur as a constraint would (an IntegrityError).
REFUSING_TRIGGER = {
    "sqlite": [
        "CREATE TRIGGER refuse BEFORE INSERT ON entrepreneurs "
        "BEGIN SELECT RAISE(ABORT, 'refused by a test'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'refused by a test' USING ERRCODE = 'check_violation'; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON entrepreneurs "
        "FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


def test_the_command_lines_log_is_the_users_alone_and_holds_no_personal_data(
    register, data_dir, capsys
) -> None:
    with register.write() as s:  # a register that makes the program fail on a citizen's row
        for statement in REFUSING_TRIGGER[register.engine.dialect.name]:
            s.connection().exec_driver_sql(statement)
    argv = ["demo", "--db", db_of(register), "--scale", "district", "--until", "2568-01"]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    log_file = log_dir() / "otop-cli.log"
    assert "Internal error: " in err and str(log_file) in err
    text = log_file.read_text(encoding="utf-8")
    assert "command failed" in text and "refused by a test" in text
    assert "[parameters:" not in text
    if "[SQL:" in text:  # a statement's error (PostgreSQL's COPY has no statement parameters)
        assert "hidden due to hide_parameters" in text
    assert re.search(r"\d{13}", text) is None  # no citizen ID
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_a_log_stays_private_when_it_rotates_and_one_made_before_is_made_private(
    tmp_path,
) -> None:
    old = log_dir() / "otop-desktop.log"
    old.write_text("older version's line\n")
    old.chmod(0o644)
    handler = logfile.private_log_handler("otop-desktop.log")
    handler.maxBytes = 200
    logger = logging.getLogger("tests.private_log")
    logger.addHandler(handler)
    try:
        for n in range(10):
            logger.warning("line %d %s", n, "x" * 50)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(log_dir().glob("otop-desktop.log*"))
    assert len(files) == 1 + logfile.LOG_BACKUPS
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}


# --- a PostgreSQL server's refusals, named with their fix -----------------------------------


def test_a_missing_database_is_named_with_how_to_create_it(pg_server) -> None:
    url = pg_server.url.set(database="otop_no_such_register")
    db = url.render_as_string(hide_password=False)
    with pytest.raises(UserError) as caught:
        Register.open(db)
    told = str(caught.value.message_en)
    assert "There is no database otop_no_such_register" in told
    assert "CREATE DATABASE" in told and "Cannot reach" not in told
    assert "ไม่มีฐานข้อมูล otop_no_such_register" in caught.value.message_th


def test_a_role_without_create_on_the_database_is_told_what_to_ask_for(pg_server, tmp_path) -> None:
    role, database = f"otop_clerk_{os.getpid()}", f"otop_norights_{os.getpid()}"
    with pg_server.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        url = pg_server.url.set(username=role, password=None, database=database)
        with pytest.raises(UserError) as caught:
            init_register(url.render_as_string(hide_password=False), OfficeKind.DISTRICT, "5013")
        told = caught.value.message_en
        assert f"The role {role} has no CREATE right" in told and "pg_trgm" in told
        assert f'GRANT CREATE ON DATABASE "{database}" TO "{role}"' in told
        assert "Cannot reach" not in told
    finally:
        with pg_server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the register's own engine only on a server")
def test_pg_writers_take_turns_on_the_servers_write_lock(register) -> None:
    # Two units of work on one server: the second writer's first statement waits (SQLite's
    # BEGIN IMMEDIATE does the same for files).
    with register.write() as s:
        held = s.scalar(
            text(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                "WHERE d.datname = current_database() AND l.locktype = 'advisory' "
                "AND l.granted AND l.classid = :c AND l.objid = :o"
            ),
            {"c": database.PG_WRITE_LOCK[0], "o": database.PG_WRITE_LOCK[1]},
        )
    assert held == 1


def test_the_head_revision_is_alembics_without_loading_it() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_an_up_to_date_register_does_not_load_alembic(register) -> None:
    # Alembic is half a second of the program's start: it loads only for an upgrade.
    probe = (
        "import sys; from otop_desktop.database import Register; "
        f"Register.open({db_of(register)!r}).close(); print('alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False", done.stderr


@pytest.mark.skipif(not ON_POSTGRESQL, reason="counts the server's connections")
def test_a_register_closed_during_a_background_read_lets_its_connection_go_after_it(
    register, pg_server
) -> None:
    # Issue 15: the overview's background count still held a connection when the register
    # closed; it went back to a disposed pool and stayed open until garbage collection.
    reading, finish = threading.Event(), threading.Event()

    def background_count() -> None:
        with register.read() as s:
            s.scalar(text("SELECT count(*) FROM entrepreneurs"))
            reading.set()
            finish.wait(10)

    def connections() -> int:
        with pg_server.connect() as conn:
            return int(
                conn.scalar(
                    text("SELECT count(*) FROM pg_stat_activity WHERE datname = :d"),
                    {"d": register.engine.url.database},
                )
                or 0
            )

    worker = threading.Thread(target=background_count)
    worker.start()
    reading.wait(5)
    register.close()  # the window closes while the count is under way
    assert connections() == 1
    finish.set()
    worker.join()
    # The server ends a backend a moment after its client hangs up.
    deadline = time.monotonic() + 10
    while connections() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert connections() == 0


def test_an_update_keeps_a_copy_of_the_register_before_upgrading_it(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, kind, province_code, district_code, name, officer_name,"
                " officer_position, signing_private_key, signing_public_key, created_at)"
                " VALUES (1, 'district', '50', '5013', 'สพอ.สันกำแพง', '', '', :k, :p, :now)"
            ),
            {"k": b"\0" * 32, "p": "00" * 32, "now": "2024-01-01 00:00:00"},
        )
    engine.dispose()
    with Register.open(path) as register:
        assert current_revision(register.engine) == head_revision()
    kept = tmp_path / "old.before-upgrade-0001.sqlite3"
    copy = make_engine(kept)
    assert current_revision(copy) == "0001"
    with copy.connect() as conn:
        assert conn.execute(text("SELECT name FROM office")).scalar() == "สพอ.สันกำแพง"
    copy.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_no_upgrade_without_the_copy_before_it(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0001")
    engine.dispose()
    (tmp_path / "old.before-upgrade-0001.sqlite3").mkdir()  # the copy's name is taken
    with pytest.raises(UserError, match="was not upgraded: a copy could not be kept"):
        Register.open(path)
    probe = make_engine(path)
    assert current_revision(probe) == "0001"
    probe.dispose()
