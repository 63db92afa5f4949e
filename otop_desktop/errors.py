"""Errors a clerk may see. Each carries its message in Thai and in English, so the GUI, the
command line and the reports all say the same thing; none of them is ever a traceback."""

from __future__ import annotations

import errno
from dataclasses import dataclass


class UserError(Exception):
    """Something the user can fix: bad input, a missing register, a wrong kind of register."""

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_th = message_th
        self.message_en = message_en

    def one_line(self) -> str:
        return f"{self.message_th} / {self.message_en}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a form or a row."""

    field: str
    message_th: str
    message_en: str


class ValidationError(UserError):
    """A record was refused; nothing was written. ``errors`` name each field at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__(
            "; ".join(f"{e.field}: {e.message_th}" for e in errors),
            "; ".join(f"{e.field}: {e.message_en}" for e in errors),
        )

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class NotFoundError(UserError):
    pass


class StorageError(UserError):
    """The register (or a file) cannot be used just now for a reason outside the program —
    another program writing, a full disk, a read-only or vanished drive, no permission. Nothing
    was changed, and the same action works again once the cause is gone. ``where`` names the
    register or file (a path, or a URL without its password)."""

    def __init__(self, message_th: str, message_en: str, *, where: str) -> None:
        super().__init__(message_th, message_en)
        self.where = where


class RegisterBusyError(StorageError):
    """Another program (or another copy of this one) held the register's write lock for longer
    than the program waits; trying again later works."""


class DiskFullError(StorageError):
    """The disk holding the register or file is full."""


class ReadOnlyError(StorageError):
    """The register file, its folder or its drive cannot be written to."""


class NoPermissionError(StorageError):
    """The user may not open (read) the register or file."""


class DriveGoneError(StorageError):
    """The register or file is no longer where it was opened (a drive removed, a folder moved
    or deleted), its drive fails to read or write, or a database server cannot be reached."""


class DamagedRegisterError(UserError):
    """The file is not a database, or its database is damaged: restore it from a backup."""

    def __init__(self, message_th: str, message_en: str, *, where: str) -> None:
        super().__init__(message_th, message_en)
        self.where = where


class DriverMissingError(UserError):
    """A database URL names a driver that is not installed (PostgreSQL without the
    ``postgres`` extra)."""


@dataclass(frozen=True)
class Subject:
    """What a storage message is about, as it reads inside a sentence: ``ทะเบียน X`` / ``the
    register X``."""

    th: str
    en: str
    where: str

    @classmethod
    def register(cls, where: str) -> Subject:
        return cls(f"ทะเบียน {where}", f"the register {where}", where)

    @classmethod
    def database(cls, where: str) -> Subject:
        return cls(f"ฐานข้อมูล {where}", f"the database {where}", where)

    @classmethod
    def file(cls, where: str) -> Subject:
        return cls(f"ไฟล์ {where}", f"the file {where}", where)


def _say(
    kind: type[StorageError], subject: Subject, th: str, en: str, *, saving: bool
) -> StorageError:
    """``saving``: the error stopped a change, which was rolled back; the message says so."""
    if saving:
        return kind(f"ไม่ได้บันทึก: {th}", f"Not saved: {en}", where=subject.where)
    return kind(th, en[:1].upper() + en[1:], where=subject.where)


def busy_error(
    subject: Subject, waited_s: float | None = None, *, saving: bool = True
) -> StorageError:
    waited_th = f" (รอแล้ว {waited_s:g} วินาที)" if waited_s is not None else ""
    waited_en = f" (waited {waited_s:g} s)" if waited_s is not None else ""
    return _say(
        RegisterBusyError,
        subject,
        f"{subject.th} กำลังถูกโปรแกรมอื่นบันทึกข้อมูลอยู่{waited_th} กรุณาลองอีกครั้งในอีกสักครู่",
        f"{subject.en} is busy: another program is writing to it{waited_en}. "
        "Try again in a moment.",
        saving=saving,
    )


def disk_full_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        DiskFullError,
        subject,
        f"ดิสก์ที่เก็บ{subject.th} เต็ม กรุณาทำให้ดิสก์นั้นมีที่ว่างแล้วลองอีกครั้ง",
        f"the disk holding {subject.en} is full. Free some space on it and try again.",
        saving=saving,
    )


def read_only_drive_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        ReadOnlyError,
        subject,
        f"ไดรฟ์ที่เก็บ{subject.th} เป็นแบบอ่านอย่างเดียว บันทึกลงไม่ได้ (เช่น แฟลชไดรฟ์ที่เลื่อนล็อกไว้ "
        "หรือโฟลเดอร์แชร์ที่ให้อ่านอย่างเดียว) กรุณาทำให้เขียนได้ หรือคัดลอกไปไว้ในโฟลเดอร์ที่เขียนได้",
        f"the drive holding {subject.en} is read-only: nothing can be saved on it (a locked USB "
        "drive, a read-only shared folder). Make it writable, or copy the register to a "
        "writable folder.",
        saving=saving,
    )


def read_only_file_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        ReadOnlyError,
        subject,
        f"{subject.th} เป็นไฟล์อ่านอย่างเดียว หรือคุณไม่มีสิทธิ์แก้ไข กรุณายกเลิกการตั้งค่า "
        "'อ่านอย่างเดียว' ของไฟล์ หรือขอสิทธิ์แก้ไข แล้วลองอีกครั้ง",
        f"{subject.en} is read-only, or you have no permission to change it. Clear the "
        "file's read-only setting or ask for permission to change it, then try again.",
        saving=saving,
    )


def read_only_folder_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        ReadOnlyError,
        subject,
        f"โฟลเดอร์ที่เก็บ{subject.th} เขียนไม่ได้ (อ่านอย่างเดียวหรือไม่มีสิทธิ์) โปรแกรมต้องสร้าง"
        "ไฟล์ทำงาน (-wal, -shm) ไว้ข้างทะเบียน กรุณาขอสิทธิ์เขียนโฟลเดอร์นั้น หรือย้ายทะเบียนไปโฟลเดอร์อื่น",
        f"the folder holding {subject.en} cannot be written to (read-only, or no permission); "
        "the program keeps its working files (-wal, -shm) beside the register. Ask for "
        "permission to write in that folder, or move the register to another one.",
        saving=saving,
    )


def no_permission_error(subject: Subject, *, saving: bool = False) -> StorageError:
    return _say(
        NoPermissionError,
        subject,
        f"คุณไม่มีสิทธิ์เปิด{subject.th} กรุณาขอให้ผู้ดูแลเครื่องให้สิทธิ์ผู้ใช้นี้อ่านและเขียน",
        f"you have no permission to open {subject.en}. Ask whoever looks after this PC to give "
        "your user permission to read and write it.",
        saving=saving,
    )


def gone_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        DriveGoneError,
        subject,
        f"ไม่พบ{subject.th} ที่เดิมแล้ว ไดรฟ์อาจถูกถอดออก หรือโฟลเดอร์ถูกย้าย เปลี่ยนชื่อ หรือลบ "
        "กรุณาเสียบไดรฟ์หรือนำโฟลเดอร์กลับไว้ที่เดิมแล้วลองอีกครั้ง",
        f"{subject.en} is no longer there: its drive was removed, or its folder moved, "
        "renamed or deleted. Put the drive or the folder back and try again.",
        saving=saving,
    )


def io_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        DriveGoneError,
        subject,
        f"อ่านหรือเขียนไดรฟ์ที่เก็บ{subject.th} ไม่ได้ (อุปกรณ์ขัดข้อง) ไดรฟ์อาจถูกถอดออกหรือกำลังเสีย "
        "กรุณาตรวจไดรฟ์แล้วลองอีกครั้ง",
        f"the drive holding {subject.en} could not be read or written (I/O error): it may "
        "have been removed, or be failing. Check the drive and try again.",
        saving=saving,
    )


def unreachable_error(subject: Subject, *, saving: bool = True) -> StorageError:
    return _say(
        DriveGoneError,
        subject,
        f"ติดต่อ{subject.th} ไม่ได้ (เครือข่ายหรือเซิร์ฟเวอร์ขัดข้อง) กรุณาลองอีกครั้งเมื่อใช้งานได้",
        f"cannot reach {subject.en} (the network or the server is down). Try again when it "
        "is back.",
        saving=saving,
    )


def damaged_error(subject: Subject, *, opening: bool = True) -> DamagedRegisterError:
    if opening:
        th = f"เปิด{subject.th} ไม่ได้: ไฟล์เสียหายหรือไม่ใช่ฐานข้อมูล กรุณากู้คืนจากไฟล์สำรอง"
        en = (
            f"Cannot open {subject.en}: the file is damaged or not a database; restore it "
            "from a backup."
        )
    else:
        th = f"{subject.th} เสียหาย ไม่ได้บันทึกสิ่งใด กรุณาตรวจทะเบียนและกู้คืนจากไฟล์สำรอง"
        en = (
            f"{subject.en[:1].upper()}{subject.en[1:]} is damaged; nothing was saved. Check it, "
            "and restore it from a backup."
        )
    return DamagedRegisterError(th, en, where=subject.where)


_FULL = {errno.ENOSPC, errno.EDQUOT}
_GONE = {errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO, errno.ESTALE}


def os_storage_error(exc: OSError, subject: Subject, *, saving: bool = True) -> StorageError | None:
    """The clerk's message for an operating-system error reading or writing ``subject``, by
    its errno; None for one that is not about the drive, the folder or permissions."""
    code = exc.errno
    if code in _FULL:
        return disk_full_error(subject, saving=saving)
    if code == errno.EROFS:
        return read_only_drive_error(subject, saving=saving)
    if code in (errno.EACCES, errno.EPERM):
        return (read_only_file_error if saving else no_permission_error)(subject, saving=saving)
    if code in _GONE:
        return gone_error(subject, saving=saving)
    if code == errno.EIO:
        return io_error(subject, saving=saving)
    return None
