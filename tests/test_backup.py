"""Backups: made with SQLite's backup API from one snapshot, checked read-only, described by a
sidecar, recorded, kept by rotation; a missing or full folder fails and removes nothing."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from otop_desktop.backup import rotation, settings, sidecar
from otop_desktop.backup.make import CLOSING, DAILY, make_backup, newest, sha256_of, verify
from otop_desktop.backup.sidecar import BackupInfo
from otop_desktop.backup.sqlite_file import read_only, table_counts
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord
from tests.conftest import add_record

# Backups of a SQLite file; a server's register is backed up by the server's pg_dump
# (tests/test_server_backup.py).
pytestmark = pytest.mark.sqlite_only


def register_id(register: Register) -> str:
    office = register.office()
    assert office is not None
    return office.register_id


def test_a_backup_is_a_checked_copy_with_its_figures_beside_it(register) -> None:
    numbers = [add_record(register, f"ร้านที่ {i}") for i in range(3)]
    info = make_backup(register)
    assert info.file.parent == settings.default_folder(register_id(register))
    assert info.file.suffix == ".otopbackup"
    assert info.counts["entrepreneurs"] == 3 and info.counts["products"] == 3
    assert info.highest == {"5013-2567": max(numbers)}
    assert info.sha256 == sha256_of(info.file) and info.size == info.file.stat().st_size
    assert verify(info.file, info.counts) == []
    # A plain file: opening it read-only leaves nothing beside it, and it is private.
    with read_only(info.file) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert sorted(p.name for p in info.file.parent.iterdir()) == sorted(
        [info.file.name, f"{info.file.name}.json", f"{register_id(register)}.numbers"]
    )
    assert stat.S_IMODE(info.file.stat().st_mode) == 0o600
    listed = sidecar.in_folder(info.file.parent, register_id(register))
    assert [i.file for i in listed] == [info.file] and listed[0].counts == info.counts
    assert newest(register_id(register)).file == info.file
    with register.read() as session:
        record = session.scalars(select(ExportRecord).where(ExportRecord.kind == "backup")).one()
        assert record.personal_data and record.sha256 == info.sha256


def test_commits_still_in_the_wal_are_in_the_backup(register, tmp_path) -> None:
    """The clerk who copied the file by hand lost the records still in the -wal file."""
    db = Path(register.engine.url.database)
    # A reader holding a snapshot keeps SQLite from checkpointing the WAL into the file.
    with closing(sqlite3.connect(db, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM entrepreneurs").fetchone()
        for i in range(30):
            add_record(register, f"ร้าน {i}", products=False)
        assert Path(f"{db}-wal").stat().st_size > 0
        info = make_backup(register, tmp_path)
        reader.execute("COMMIT")
    assert info.counts["entrepreneurs"] == 30
    with read_only(info.file) as conn:
        assert conn.execute("SELECT count(*) FROM entrepreneurs").fetchone()[0] == 30


def test_a_backup_to_a_new_file_and_never_over_an_existing_one(register, tmp_path) -> None:
    out = tmp_path / "usb" / "office.otopbackup"
    out.parent.mkdir()
    info = make_backup(register, out)
    assert info.file == out and sidecar.read(out) is not None
    before = out.read_bytes()
    with pytest.raises(UserError, match="never replaces"):
        make_backup(register, out)
    assert out.read_bytes() == before


def test_a_missing_usb_folder_is_named_and_nothing_is_made_or_removed(register, tmp_path) -> None:
    first = make_backup(register)
    rid = register_id(register)
    settings.save(rid, settings.BackupSettings(folder=str(tmp_path / "usb-drive" / "otop")))
    with pytest.raises(UserError) as caught:
        make_backup(register, reason=DAILY)
    assert "usb-drive" in caught.value.message_en and "USB" in caught.value.message_th
    assert not (tmp_path / "usb-drive").exists()
    assert first.file.is_file() and sidecar.read(first.file) is not None


def test_a_full_disk_fails_clearly_and_keeps_the_older_backups(register, small_disk) -> None:
    for i in range(40):
        add_record(register, f"ร้านค้าชุมชนลำดับที่ {i}")
    # Room for two backups, not three: the second is refused while a filler takes the rest.
    with register.read() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        page_size = session.connection().exec_driver_sql("PRAGMA page_size").scalar()
    disk = small_disk(2 * pages * page_size + 200_000)
    rid = register_id(register)
    settings.save(rid, settings.BackupSettings(folder=str(disk)))
    first = make_backup(register)
    kept = first.file.read_bytes()
    # Fill the disk so that a second copy cannot fit.
    filler = disk / "filler"
    # Unbuffered: the disk-full error comes from a write, never from the close.
    with filler.open("wb", buffering=0) as file, pytest.raises(OSError):
        while True:
            file.write(b"\0" * 65536)
    with pytest.raises(UserError) as caught:
        make_backup(register)
    assert "full" in caught.value.message_en and "ไม่พอ" in caught.value.message_th
    assert "no older backup was removed" in caught.value.message_en
    assert first.file.read_bytes() == kept
    assert not [p for p in disk.iterdir() if p.name.startswith(".")]  # no half backup
    assert [i.file for i in sidecar.in_folder(disk, rid)] == [first.file]
    filler.unlink()
    assert make_backup(register).file.is_file()  # works again once there is room


def _info(made_at: datetime) -> BackupInfo:
    return BackupInfo(
        file=Path(f"{made_at:%Y%m%d%H%M}.otopbackup"),
        made_at=made_at,
        reason=DAILY,
        register_id="r",
        office_kind="district",
        office_code="5013",
        office_name="",
        schema="0005",
        program_version="0",
        sha256="",
        size=0,
    )


def test_rotation_keeps_7_daily_4_weekly_and_12_monthly() -> None:
    now = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
    # Two backups a day (daily and on closing) for two years.
    backups = [_info(now - timedelta(hours=12 * i)) for i in range(2 * 730)]
    kept = set(backups) - set(rotation.to_remove(backups))
    days = {i.made_at.astimezone().date() for i in kept}
    assert backups[0] in kept
    assert len([d for d in days if (now.date() - d).days < 7]) == 7
    months = {(i.made_at.astimezone().year, i.made_at.astimezone().month) for i in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert min(i.made_at for i in kept) > now - timedelta(days=366)


def test_rotation_lets_older_backups_go_only_after_a_new_good_one(register, tmp_path) -> None:
    (tmp_path / "old").mkdir()
    old = make_backup(register, tmp_path)
    # Rotation keeps each day's newest: a second backup of the day replaces the first, only
    # once it is good. A year-old backup is still the newest of its month and stays.
    year_old = make_backup(register, tmp_path / "old", reason=DAILY)
    for info, age in ((old, timedelta(minutes=1)), (year_old, timedelta(days=400))):
        meta = sidecar.sidecar_of(info.file)
        meta.write_text(
            meta.read_text(encoding="utf-8").replace(
                info.made_at.isoformat(), (info.made_at - age).isoformat()
            ),
            encoding="utf-8",
        )
    year_old.file.rename(tmp_path / year_old.file.name)
    sidecar.sidecar_of(year_old.file).rename(tmp_path / f"{year_old.file.name}.json")
    new = make_backup(register, tmp_path, reason=CLOSING)
    assert not old.file.exists() and not sidecar.sidecar_of(old.file).exists()
    assert (tmp_path / year_old.file.name).exists() and new.file.exists()


def test_the_backup_commands(register, tmp_path) -> None:
    add_record(register, "ร้านผ้าทอ")
    db = register.engine.url.database
    register.close()
    env_run = [sys.executable, "-m", "otop_desktop"]
    made = subprocess.run([*env_run, "backup", "--db", db], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert "5013-2567-0001" in made.stdout
    listed = subprocess.run([*env_run, "backups", "--db", db], capture_output=True, text=True)
    assert listed.returncode == 0 and "1 ไฟล์สำรอง/backups" in listed.stdout
    assert "1 ผู้ประกอบการ/entrepreneurs" in listed.stdout
    with Register.open(db) as again, again.read() as session:
        assert session.scalars(select(ExportRecord.kind)).all() == ["backup"]


def test_a_server_register_is_backed_up_by_the_server() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "otop_desktop", "backups", "--db", "postgresql://x@127.0.0.1:1/x"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_verify_finds_missing_rows(register, tmp_path) -> None:
    add_record(register, "ร้านผ้าทอ")
    info = make_backup(register, tmp_path)
    with read_only(info.file) as conn:
        counts = table_counts(conn)
    counts["entrepreneurs"] += 1
    assert verify(info.file, counts) == ["entrepreneurs: 1 rows, the register had 2"]
