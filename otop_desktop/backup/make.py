"""Making a backup: SQLite's online backup API from a read snapshot of the register (never a
copy of a live file, whose last commits may still be in its WAL), written under a hidden
name, checked as a read-only file, then named and described by its sidecar. A folder that is
missing or full fails with a message and removes nothing: older backups are let go by
rotation only after a new one is good."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from otop_desktop.audit.chain import Head
from otop_desktop.audit.record import actor_of
from otop_desktop.backup import floors, rotation, settings, sidecar
from otop_desktop.backup.sidecar import BACKUP_SUFFIX, BackupInfo
from otop_desktop.backup.sqlite_file import (
    highest_numbers,
    integrity_problems,
    office_row,
    read_only,
    schema_revision,
    table_counts,
)
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord
from otop_desktop.outputs import PendingOutputs
from otop_desktop.version import program_version

log = logging.getLogger(__name__)

MANUAL, DAILY, CLOSING = "manual", "daily", "closing"
EXPORT_KIND = "backup"
_CHUNK = 1 << 20


def register_file(register: Register) -> Path:
    """The SQLite file of an open register; a server's register has none."""
    if register.path is None:
        raise UserError(
            "ทะเบียนบนเซิร์ฟเวอร์ PostgreSQL สำรองข้อมูลด้วย pg_dump ของเซิร์ฟเวอร์ (คำสั่ง backup "
            "--db URL --out FOLDER ที่เครื่องเซิร์ฟเวอร์) ไม่ใช่ด้วยการสำรองอัตโนมัติของโปรแกรมนี้",
            "A register on a PostgreSQL server is backed up by the server's pg_dump (the command "
            "backup --db URL --out FOLDER on the server machine), not by this program's "
            "automatic backups",
        )
    return register.path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    """Waits until ``path``'s bytes are on the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _no_room(where: Path, exc: BaseException) -> UserError:
    return UserError(
        f"สำรองข้อมูลไม่สำเร็จ: พื้นที่ใน {where} ไม่พอ (ไม่ได้ลบไฟล์สำรองเก่า)",
        f"Backup failed: {where} is full (no older backup was removed)",
    )


def _cannot_write(where: Path, exc: BaseException) -> UserError:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return _no_room(where, exc)
    if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return _no_room(where, exc)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return UserError(
        f"สำรองข้อมูลไปที่ {where} ไม่ได้: {reason}", f"Cannot write the backup to {where}: {reason}"
    )


def _target(register_id: str, code: str, out: Path | None, made_at: datetime, reason: str) -> Path:
    """The backup's file: ``out`` itself when it names a new file, else a dated name in the
    folder ``out`` (or the register's backup folder)."""
    if out is not None and out.suffix == BACKUP_SUFFIX:
        if out.exists():
            raise UserError(
                f"มีไฟล์ {out} อยู่แล้ว: ไฟล์สำรองไม่เขียนทับไฟล์ใด",
                f"{out} exists: a backup never replaces a file",
            )
        folder = out.parent
    else:
        folder = out if out is not None else settings.folder_of(register_id)
    if out is None and folder == settings.default_folder(register_id):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not folder.is_dir():
        # A chosen folder is never made: on a pulled USB drive that would put the backup on
        # the PC's own disk under the drive's path, and the clerk would think it was safe.
        raise UserError(
            f"ไม่พบโฟลเดอร์สำรองข้อมูล {folder} (เสียบไดรฟ์ USB หรือเลือกโฟลเดอร์ใหม่ในการตั้งค่า)",
            f"The backup folder {folder} is not there (plug in the USB drive, or choose another "
            "folder in the settings)",
        )
    if out is not None and out.suffix == BACKUP_SUFFIX:
        return out
    stamp = made_at.astimezone().strftime("%Y%m%d-%H%M%S")
    base = f"{code or 'register'}-{stamp}-{reason}"
    candidate = folder / f"{base}{BACKUP_SUFFIX}"
    n = 1
    while candidate.exists() or sidecar.sidecar_of(candidate).exists():
        n += 1
        candidate = folder / f"{base}-{n}{BACKUP_SUFFIX}"
    return candidate


def _copy(source: Path, temp: Path) -> tuple[dict[str, int], dict[str, int], str]:
    """Copies the register into ``temp`` (made private, 0600, before SQLite opens it: a
    backup holds every citizen ID) from one read snapshot; returns the row counts, the
    number counters and the audit trail's head ("id:hash") of that same snapshot."""
    with read_only(source) as src:
        src.execute("BEGIN")  # one snapshot for the counts, the counters and the copy
        counts = table_counts(src)
        counters = dict(src.execute("SELECT name, value FROM counters").fetchall())
        head = src.execute("SELECT last_id, last_hash FROM audit_head WHERE id = 1").fetchone()
        with closing(sqlite3.connect(temp, isolation_level=None)) as dst:
            src.backup(dst)  # all pages in one step: no restart when a clerk saves meanwhile
            # A backup is a plain file: read-only opens of it leave no -wal or -shm behind.
            dst.execute("PRAGMA journal_mode=DELETE")
        src.execute("COMMIT")
    fsync_file(temp)
    return counts, counters, Head(*head).text() if head else ""


def verify(path: Path, counts: dict[str, int] | None = None) -> list[str]:
    """Problems of a backup file opened read-only: integrity, and row counts against those
    of the source's snapshot when given. Empty when it is good."""
    with read_only(path) as conn:
        problems = integrity_problems(conn)
        if counts is not None and not problems:
            have = table_counts(conn)
            problems += [
                f"{table}: {have.get(table)} rows, the register had {n}"
                for table, n in counts.items()
                if have.get(table) != n
            ]
    return problems


def make_backup(
    register: Register, out: Path | None = None, *, reason: str = MANUAL, user: str = ""
) -> BackupInfo:
    """Backs the register up into its backup folder (or ``out``: a folder, or a new file
    ending .otopbackup), checks it, describes it, records it, and rotates the folder."""
    source = register_file(register)
    made_at = datetime.now(UTC)
    with read_only(source) as conn:
        office = office_row(conn)
        schema = schema_revision(conn) or ""
        highest = highest_numbers(conn)
    register_id = office["register_id"]
    code = office["district_code"] or office["province_code"]
    target = _target(register_id, code, out, made_at, reason)
    # Journaled hidden files (otop_desktop.outputs): a backup killed half-way leaves nothing
    # a later start does not remove; the backup, its sidecar and its record in the register
    # are placed in one transaction, or none of them is.
    with PendingOutputs(register_db=register.path, backups=True) as files:
        try:
            temp = files.reserve(target)
            counts, counters, audit_head = _copy(source, temp)
        except (OSError, sqlite3.Error) as exc:
            raise _cannot_write(target.parent, exc) from exc
        except UserError as exc:  # the folder refused the hidden file (outputs' words)
            raise _cannot_write(target.parent, exc.__cause__ or exc) from exc
        problems = verify(temp, counts)
        if problems:
            raise UserError(
                f"ไฟล์สำรองที่เพิ่งทำไม่ผ่านการตรวจ ({'; '.join(problems[:3])}) จึงไม่ได้เก็บไว้",
                f"The new backup failed its check ({'; '.join(problems[:3])}) and was not kept",
            )
        info = BackupInfo(
            file=target,
            made_at=made_at,
            reason=reason,
            register_id=register_id,
            office_kind=office["kind"],
            office_code=code,
            office_name=office["name"],
            schema=schema,
            program_version=program_version(),
            sha256=sha256_of(temp),
            size=temp.stat().st_size,
            counts=counts,
            highest=highest,
            counters=counters,
            audit_head=audit_head,
        )
        try:
            files.write(sidecar.sidecar_of(target), info.to_json().encode("utf-8"))
        except UserError as exc:
            raise _cannot_write(target.parent, exc.__cause__ or exc) from exc
        with register.write() as session:
            session.add(
                ExportRecord(
                    kind=EXPORT_KIND,
                    file_name=str(target),
                    sha256=info.sha256,
                    personal_data=True,
                    created_by=user or actor_of(session).name,
                )
            )
            session.flush()
            try:
                files.place()
            except UserError as exc:
                raise _cannot_write(target.parent, exc.__cause__ or exc) from exc
    _keep_floors(register, register_id, target.parent)
    for old in rotation.to_remove(sidecar.in_folder(target.parent, register_id)):
        for path in (old.file, sidecar.sidecar_of(old.file)):
            with suppress(OSError):
                path.unlink()
    return info


def _keep_floors(register: Register, register_id: str, folder: Path) -> None:
    """Writes the numbers drawn so far beside the backups and compacts the data folder's
    journal: the floors a restore of any backup will not go below."""
    with register.read() as session:
        now = floors.merge(floors.in_register(session), floors.outside(register_id, [folder]))
    for path in (floors.folder_journal(folder, register_id), floors.journal_path(register_id)):
        try:
            floors.write_snapshot(path, now)
        except OSError as exc:
            log.warning("cannot keep number floors in %s: %s", path.parent, exc.strerror)


def newest(register_id: str, folder: Path | None = None) -> BackupInfo | None:
    found = sidecar.in_folder(folder or settings.folder_of(register_id), register_id)
    return found[0] if found else None
