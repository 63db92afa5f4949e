"""Restore: the backup checked first, the current register (WAL included) set aside byte for
byte, an older schema migrated only as the restored copy, refused while the register is open
elsewhere, and no number handed out after the backup handed out again."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from otop_desktop.backup import floors
from otop_desktop.backup.lock import RegisterLock
from otop_desktop.backup.make import make_backup
from otop_desktop.backup.restore import restore
from otop_desktop.backup.sqlite_file import read_only, schema_revision
from otop_desktop.database import Register, head_revision, make_engine, upgrade
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.services.entrepreneurs import create_entrepreneur, find_by_reg_no
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, create_product
from tests.conftest import add_record, person

# Backups of a SQLite file; a server's register is backed up by the server's pg_dump
# (tests/test_server_backup.py).
pytestmark = pytest.mark.sqlite_only


def db_of(register: Register) -> Path:
    return Path(register.engine.url.database)


def names(db: Path) -> list[str]:
    with Register.open(db) as register, register.read() as session:
        return list(session.scalars(select(Entrepreneur.name).order_by(Entrepreneur.reg_no)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_brings_back_the_backup_and_sets_the_register_aside(register) -> None:
    add_record(register, "ร้านก่อนสำรอง")
    info = make_backup(register)
    db = db_of(register)
    register.close()
    # A program that died after its last commit: that commit is only in the WAL.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys; from tests.conftest import add_record;"
            " from otop_desktop.database import Register;"
            " add_record(Register.open(sys.argv[1]), 'ร้านหลังสำรอง');"
            " os.kill(os.getpid(), signal.SIGKILL)",
            str(db),
        ],
        check=False,
    )
    files = {s: digest(Path(f"{db}{s}")) for s in ("", "-wal") if Path(f"{db}{s}").exists()}
    assert "-wal" in files  # the last commit is still in the WAL: it must be kept too

    done = restore(db)

    assert done.source == info.file
    assert names(db) == ["ร้านก่อนสำรอง"]
    aside = done.set_aside
    assert aside is not None
    assert {s: digest(Path(f"{aside}{s}")) for s in files} == files
    # The register set aside is whole (its WAL beside it) and can be restored back: undo.
    again = restore(db, aside)
    assert names(db) == ["ร้านก่อนสำรอง", "ร้านหลังสำรอง"]
    assert again.set_aside is not None


def test_no_number_drawn_after_the_backup_is_drawn_again(register) -> None:
    first = add_record(register, "ร้านหนึ่ง")
    make_backup(register)
    later = add_record(register, "ร้านสอง")  # a certificate with this number is out there
    with register.write() as session:
        owner = find_by_reg_no(session, first)
        product = create_product(session, owner.id, ProductInput("ผ้าทอ", category=3, price="9"))
        later_code = product.code
    db = db_of(register)
    register.close()
    done = restore(db)
    assert done.numbers_raised >= 1  # the counters are raised as it opens, the products here
    with Register.open(db) as restored, restored.write() as session:
        fresh = create_entrepreneur(session, person(name="ร้านใหม่"))
        session.flush()
        assert fresh.reg_no > later
        owner = find_by_reg_no(session, first)
        code = create_product(session, owner.id, ProductInput("ผ้า", category=3, price="9")).code
        assert code > later_code


def test_a_new_pc_restores_from_the_usb_folder_and_keeps_its_numbers(
    register, tmp_path, monkeypatch
) -> None:
    add_record(register, "ร้านหนึ่ง")
    usb = tmp_path / "usb"
    usb.mkdir()
    make_backup(register, usb)
    second = add_record(register, "ร้านสอง")
    make_backup(register, usb)  # the newest floors go beside the backups too
    first_backup = sorted(usb.glob("*.otopbackup"))[0]
    register.close()
    # A new PC: an empty data folder, and no register yet.
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "new-pc"))
    db = tmp_path / "new-pc" / "otop-register.sqlite3"
    done = restore(db, first_backup)
    assert done.set_aside is None
    with Register.open(db) as restored, restored.write() as session:
        assert create_entrepreneur(session, person(name="ร้านใหม่")).reg_no > second


def test_an_older_schema_backup_is_migrated_only_as_the_restored_copy(tmp_path) -> None:
    old = tmp_path / "old.otopbackup"
    engine = make_engine(old)
    upgrade(engine, "0004")
    engine.dispose()
    with closing(sqlite3.connect(old, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO office (id, kind, province_code, district_code, name, officer_name,"
            " officer_position, signing_private_key, signing_public_key, created_at)"
            " VALUES (1, 'district', '50', '5013', 'สพอ.สันกำแพง', '', '', ?, ?, ?)",
            (b"\0" * 32, "00" * 32, "2024-01-01 00:00:00"),
        )
        conn.execute("PRAGMA journal_mode=DELETE")
    before = digest(old)
    db = tmp_path / "register.sqlite3"
    restore(db, old)
    assert digest(old) == before  # the backup itself is never migrated
    with read_only(db) as conn:
        assert schema_revision(conn) == head_revision()
        assert len(conn.execute("SELECT register_id FROM office").fetchone()[0]) == 32


def test_a_damaged_register_can_be_restored_over(register) -> None:
    add_record(register, "ร้านหนึ่ง")
    info = make_backup(register)
    db = db_of(register)
    register.close()
    with db.open("r+b") as file:  # garbage over the file's pages, header included
        file.write(os.urandom(8192))
    done = restore(db, info.file)
    assert names(db) == ["ร้านหนึ่ง"] and done.set_aside is not None


def test_a_backup_that_changed_or_is_not_a_register_is_refused(register, tmp_path) -> None:
    info = make_backup(register)
    db = db_of(register)
    register.close()
    before = digest(db)
    with info.file.open("r+b") as file:
        file.seek(5000)
        file.write(b"tampered")
    with pytest.raises(UserError, match="sha256"):
        restore(db, info.file)
    other = tmp_path / "notes.sqlite3"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (t TEXT)")
    with pytest.raises(UserError, match="not an OTOP register backup"):
        restore(db, other)
    text_file = tmp_path / "letter.otopbackup"
    text_file.write_text("not a database")
    with pytest.raises(UserError, match="not an OTOP register backup"):
        restore(db, text_file)
    assert digest(db) == before and not list(db.parent.glob("*.before-restore-*"))


def test_a_backup_of_another_register_is_refused(register, tmp_path) -> None:
    with init_register(tmp_path / "other.sqlite3", OfficeKind.DISTRICT, "5001") as other:
        foreign = make_backup(other, tmp_path)
    db = db_of(register)
    register.close()
    with pytest.raises(UserError, match="another register"):
        restore(db, foreign.file)


def test_restore_is_refused_while_the_register_is_open_elsewhere(register) -> None:
    info = make_backup(register)
    db = db_of(register)
    register.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('SELECT count(*) FROM office').fetchone(); print('open', flush=True);"
            " time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(UserError, match="open in another program"):
            restore(db, info.file)
    finally:
        holder.kill()
        holder.communicate()
    assert not list(db.parent.glob("*.before-restore-*"))


def test_restore_names_the_desktop_that_holds_the_register(register) -> None:
    info = make_backup(register)
    db = db_of(register)
    register.close()
    # The desktop's lock file, left by a live process of this computer (the test's parent).
    lock = RegisterLock(db)
    lock.acquire()
    lock.path.write_text(lock.path.read_text().replace(str(os.getpid()), str(os.getppid())))
    try:
        with pytest.raises(UserError) as caught:
            restore(db, info.file)
        assert f"process {os.getppid()}" in caught.value.message_en
    finally:
        lock.path.unlink()
    # A stale lock file (its process gone) does not stand in the way.
    lock.acquire()
    stale = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    ).stdout.strip()
    lock.path.write_text(lock.path.read_text().replace(str(os.getpid()), stale))
    time.sleep(0.05)
    assert restore(db, info.file).set_aside is not None


def test_the_restore_command(register) -> None:
    add_record(register, "ร้านหนึ่ง")
    make_backup(register)
    add_record(register, "ร้านสอง")
    db = db_of(register)
    register.close()
    done = subprocess.run(
        [sys.executable, "-m", "otop_desktop", "restore", "--db", str(db)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "before-restore" in done.stdout
    assert names(db) == ["ร้านหนึ่ง"]
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "otop_desktop",
            "restore",
            "--db",
            str(db),
            "--from",
            "nope.otopbackup",
        ],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "nope.otopbackup" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_floors_journal_the_numbers_each_commit_draws(register) -> None:
    number = add_record(register, "ร้านหนึ่ง")
    office = register.office()
    assert office is not None
    journal = floors.read(floors.journal_path(office.register_id))
    assert journal[f"reg:5013:{number[5:9]}"] == int(number[-4:])
    assert journal[floors.product_floor_name(number)] == 1
    # A rolled-back action draws nothing.
    with pytest.raises(RuntimeError), register.write() as session:
        create_entrepreneur(session, person(name="ร้านที่ไม่ได้บันทึก"))
        session.flush()
        raise RuntimeError
    assert floors.read(floors.journal_path(office.register_id)) == journal
