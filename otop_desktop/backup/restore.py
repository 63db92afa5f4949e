"""Restoring a backup over a register. The backup is checked first (read-only, never
migrated); the current file, WAL included, is copied aside byte for byte, so that even a
damaged register can be restored over and a restore can be undone by restoring the file set
aside; the backup is copied into place with SQLite's backup API and only that copy is
migrated; the numbers drawn since the backup stay drawn."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from otop_desktop.audit.record import note
from otop_desktop.backup import floors, lock, settings, sidecar
from otop_desktop.backup.make import fsync_file, sha256_of
from otop_desktop.backup.sidecar import BackupInfo
from otop_desktop.backup.sqlite_file import (
    integrity_problems,
    is_register,
    office_row,
    read_only,
    unreadable,
)
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.outputs import is_sqlite_file

#: The files SQLite keeps beside a database, moved aside with it.
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Restored:
    source: Path
    #: Where the register that was there went (None: there was none).
    set_aside: Path | None
    register_id: str
    numbers_raised: int


def check_source(source: Path) -> tuple[dict[str, str], BackupInfo | None]:
    """The backup's office and sidecar record, after checking it is a sound register whose
    bytes are those its sidecar recorded. A UserError says what is wrong."""
    if not source.is_file():
        raise UserError(f"ไม่พบไฟล์สำรอง {source}", f"No backup file {source}")
    if not is_sqlite_file(source):
        raise UserError(
            f"{source} ไม่ใช่ไฟล์สำรองของทะเบียน OTOP", f"{source} is not an OTOP register backup"
        )
    info = sidecar.read(source)
    if info is not None and sha256_of(source) != info.sha256:
        raise UserError(
            f"ไฟล์สำรอง {source} ถูกแก้ไขหรือเสียหายหลังจากสำรอง (sha256 ไม่ตรง)",
            f"The backup {source} changed after it was made (its sha256 differs)",
        )
    try:
        with read_only(source) as conn:
            if not is_register(conn):
                raise UserError(
                    f"{source} ไม่ใช่ไฟล์สำรองของทะเบียน OTOP",
                    f"{source} is not an OTOP register backup",
                )
            problems = integrity_problems(conn)
            office = office_row(conn)
    except sqlite3.Error as exc:
        raise unreadable(source, exc) from exc
    if problems:
        raise UserError(
            f"ไฟล์สำรอง {source} เสียหาย: {'; '.join(problems[:3])}",
            f"The backup {source} is damaged: {'; '.join(problems[:3])}",
        )
    return office, info


def _current(db: Path) -> tuple[dict[str, str] | None, str]:
    """The office of the register at ``db`` and its audit trail's head ("id:hash"); None and
    "" when there is none or it cannot be read (a damaged register is what a restore is
    for)."""
    if not db.is_file():
        return None, ""
    try:
        with read_only(db) as conn:
            if not is_register(conn):
                return None, ""
            office = office_row(conn)
            try:
                row = conn.execute(
                    "SELECT last_id, last_hash FROM audit_head WHERE id = 1"
                ).fetchone()
            except sqlite3.Error:  # a register from before the trail
                row = None
    except (sqlite3.Error, UserError):
        return None, ""
    return office, f"{row[0]}:{row[1]}" if row else ""


def newest_good(db: Path) -> Path:
    """The newest backup of the register at ``db`` in its backup folder."""
    office, _head = _current(db)
    if office is None or not office["register_id"]:
        raise UserError(
            f"อ่านทะเบียน {db} ไม่ได้ จึงไม่รู้ว่าไฟล์สำรองใดเป็นของทะเบียนนี้ กรุณาเลือกไฟล์สำรอง",
            f"Cannot read {db}, so its backups are not known; choose a backup file",
        )
    found = sidecar.in_folder(settings.folder_of(office["register_id"]), office["register_id"])
    if not found:
        raise UserError(
            f"ยังไม่มีไฟล์สำรองของทะเบียน {db}", f"There is no backup of the register {db} yet"
        )
    return found[0].file


def _set_aside(db: Path, stamp: str) -> Path | None:
    """Copies the register and the files SQLite keeps beside it, byte for byte, before
    anything opens it for writing (a closing connection folds the WAL into the file)."""
    if not db.exists():
        return None
    aside = db.with_name(f"{db.name}.before-restore-{stamp}")
    n = 1
    while any(aside.with_name(aside.name + s).exists() for s in ("", *COMPANIONS)):
        n += 1  # never over an earlier restore's file set aside
        aside = db.with_name(f"{db.name}.before-restore-{stamp}-{n}")
    copied: list[Path] = []
    try:
        for suffix in ("", *COMPANIONS):
            here = db.with_name(db.name + suffix)
            if here.exists():
                there = aside.with_name(aside.name + suffix)
                copied.append(there)
                shutil.copyfile(here, there)
                fsync_file(there)
    except OSError as exc:
        _remove(copied)
        raise UserError(
            f"เก็บทะเบียนเดิม {db} ไว้ไม่ได้ ({exc.strerror}) จึงไม่ได้กู้คืน",
            f"Cannot keep a copy of the register {db} ({exc.strerror}); nothing was restored",
        ) from exc
    return aside


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()


def _copy_into_place(source: Path, db: Path) -> None:
    temp = db.with_name(f".{db.name}.restoring")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        with read_only(source) as src, closing(sqlite3.connect(temp, isolation_level=None)) as dst:
            src.backup(dst)
        fsync_file(temp)
        os.replace(temp, db)
        # The old register's WAL must never be read into the restored file.
        _remove([db.with_name(db.name + s) for s in COMPANIONS])
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            temp.unlink()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(
            f"คัดลอกไฟล์สำรองไปที่ {db} ไม่ได้ ({reason}) ทะเบียนเดิมยังอยู่ตามเดิม",
            f"Cannot copy the backup to {db} ({reason}); the register was left as it was",
        ) from exc


def restore(db: Path, source: Path | None = None, *, by: str = "") -> Restored:
    """Restores ``source`` (default: the newest backup of the register) over ``db``. The
    register must not be open anywhere, this program included. The restored register's
    audit trail goes on from the backup's with one entry for the restore (``by``: who),
    naming the trail of the register set aside."""
    db = Path(db)
    source = Path(source) if source is not None else newest_good(db)
    if source.resolve() == db.resolve():
        raise UserError("ไฟล์สำรองคือทะเบียนเอง", "The backup is the register itself")
    office, info = check_source(source)
    current, left_head = _current(db)
    if (
        current is not None
        and current["register_id"]
        and office["register_id"]
        and current["register_id"] != office["register_id"]
    ):
        raise UserError(
            f"ไฟล์สำรอง {source} เป็นของทะเบียนอื่น ({office['name']}) ไม่ใช่ของ {current['name']}",
            f"The backup {source} is of another register ({office['name']}), "
            f"not of {current['name']}",
        )
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"สร้างโฟลเดอร์ {db.parent} ไม่ได้ ({exc.strerror})",
            f"Cannot make the folder {db.parent} ({exc.strerror})",
        ) from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = _set_aside(db, stamp)
    try:
        lock.ensure_unused(db)
    except UserError:
        _remove([aside.with_name(aside.name + s) for s in ("", *COMPANIONS)] if aside else [])
        raise
    _copy_into_place(source, db)
    # The restored copy, not the backup, is migrated; then the numbers drawn since the backup
    # (journaled outside every register) are put back out of reach.
    with Register.open(db) as register:
        register_id = _register_id(register)
        kept = floors.outside(register_id, {settings.folder_of(register_id), source.parent})
        if by:
            register.act_as_named(by)
        with register.write(system=True) as session:
            raised = floors.apply(
                session, floors.merge(kept, info.counters if info is not None else {})
            )
            note(
                session,
                "restore",
                detail={
                    "file": str(source),
                    "sha256": info.sha256 if info is not None else sha256_of(source),
                    "made_at": info.made_at.isoformat() if info is not None else "",
                    "set_aside": str(aside) if aside is not None else "",
                    "trail_set_aside": left_head,
                    "numbers_raised": raised,
                },
            )
    return Restored(source=source, set_aside=aside, register_id=register_id, numbers_raised=raised)


def _register_id(register: Register) -> str:
    office = register.office()
    return office.register_id if office is not None else ""
