"""Two PCs (two engines) on one register file: writers queue, readers go on, a failed action
leaves nothing behind."""

from __future__ import annotations

import logging
import re
import stat
import threading
import time
import traceback

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from otop_desktop import cli, database
from otop_desktop.database import Register
from otop_desktop.models import Entrepreneur
from otop_desktop.paths import log_dir
from otop_desktop.services import entrepreneurs
from otop_desktop.services.listing import EntrepreneurFilter, count_entrepreneurs
from tests.conftest import new_id, person


def test_a_second_writer_waits_for_the_first_and_readers_are_not_blocked(register) -> None:
    path = register.engine.url.database
    other = Register.open(path)
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


def test_the_command_lines_log_is_the_users_alone_and_holds_no_personal_data(
    register, data_dir, capsys
) -> None:
    path = register.engine.url.database
    with register.write() as s:  # a register that makes the program fail on a citizen's row
        s.connection().exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON entrepreneurs "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test'); END"
        )
    assert cli.main(["demo", "--db", path, "--scale", "district", "--until", "2568-01"]) == 1
    err = capsys.readouterr().err
    log_file = log_dir() / "otop-cli.log"
    assert "Internal error: IntegrityError" in err and str(log_file) in err
    text = log_file.read_text(encoding="utf-8")
    assert "command failed" in text and "refused by a test" in text
    assert "[parameters:" not in text and "hidden due to hide_parameters" in text
    assert re.search(r"\d{13}", text) is None  # no citizen ID
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_a_log_stays_private_when_it_rotates_and_one_made_before_is_made_private(
    tmp_path,
) -> None:
    old = log_dir() / "otop-desktop.log"
    old.write_text("older version's line\n")
    old.chmod(0o644)
    handler = cli.private_log_handler("otop-desktop.log")
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
    assert len(files) == 1 + cli.LOG_BACKUPS
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
