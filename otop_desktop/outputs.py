"""Every file the program writes — PDFs, workbooks, text reports — is written here, and only
after :func:`check_target` has agreed to the path.

- **Never over data.** A target that is the open register, its ``-wal``, ``-shm`` or
  ``-journal``, a backup (``*.otopbackup``, ``*.otopbackup.json``) or any SQLite database is
  refused, whatever ``force`` says, also when reached through a symlink, a hard link or
  another spelling of the path. An existing file is replaced only with ``force`` (the
  command line's ``--force``; the desktop asks first).
- **Whole or not at all.** Each file is written under a hidden temporary name beside its
  target (``.~NAME.xxxxxxxxxxxx.part``: same folder, so the rename is atomic), fsync'd, and
  renamed into place by :meth:`PendingOutputs.place`; several files are placed together.
- **Undone with the transaction.** Placed files stay undoable until the ``with`` block ends:
  the writer places them inside its ``register.write()`` block, after adding and flushing
  the record of the export, so that a failing commit takes the files out again (or puts
  back the files they replaced) — never a file without its record, nor a record without
  its file.
- **Nothing left by a killed process.** Before a temporary file is made, its path goes into
  a journal of this writer in the user's data folder; the journal is removed when the
  writer is done. :func:`remove_leftovers`, called when the program starts, deletes what a
  killed writer left (and takes out a file it had placed but not seen committed).

    with PendingOutputs(register_db=register_file(register), force=force) as files:
        with register.write() as session:
            files.write(target, data)          # or files.reserve(target) and write there
            session.add(record)
            session.flush()
            files.place()
        # committed: the files stay; an exception anywhere above: nothing is left
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import IO, Any, Self

from otop_desktop.errors import UserError
from otop_desktop.paths import data_dir

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: A register's companion files, by the suffix SQLite adds to its name.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
#: A backup and its sidecar (issue 9's backups); refused as outputs, with or without force.
BACKUP_SUFFIXES = (".otopbackup", ".otopbackup.json")
#: Folder of the data folder holding one journal per writer under way.
JOURNAL_FOLDER = "pending-outputs"
JOURNAL_SUFFIX = ".journal"
#: A journal with nothing in it is left alone this long: its writer may have made it and not
#: yet locked it.
EMPTY_JOURNAL_GRACE_S = 3600
#: The only names remove_leftovers deletes, whatever a journal says.
TEMP_NAME = re.compile(r"^\.~.*\.[0-9a-f]{12}\.(part|old)$", re.DOTALL)
#: Room kept for a target's name inside its temporary file's name (names are ≤ 255 bytes).
NAME_ROOM = 80

# --- permissions ---------------------------------------------------------------------------
#
# A temporary file is made private (0600) and stays so while it is written: a workbook or a
# form holds citizen IDs and phone numbers, and a leftover of a killed process must not be
# readable by the PC's other users until the next start removes it. The placed file gets
# the user's ordinary permissions (0666 less the umask, usually 0644), as any file the user
# saves: documents and workbooks are made to be sent on, opened by other programs, and put
# in shared folders. (mkstemp would leave them 0600; the two writers before this module
# disagreed on exactly this.)

TEMP_MODE = 0o600
_umask_lock = threading.Lock()
_umask: int | None = None


def placed_mode() -> int:
    """The permissions a placed file gets: 0666 less the process's umask."""
    return 0o666 & ~_current_umask()


def _current_umask() -> int:
    global _umask
    with _umask_lock:
        if _umask is None:
            _umask = _read_umask()
        return _umask


def _read_umask() -> int:
    # Linux says it without changing it; elsewhere it is read by setting it, briefly, to the
    # strictest value, so that a file another thread makes meanwhile is private, not open.
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    old = os.umask(0o077)
    os.umask(old)
    return old


# --- the guard -----------------------------------------------------------------------------


class OutputExists(UserError):
    """The target is an existing file and ``force`` was not given; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"มีไฟล์ {path} อยู่แล้ว ไม่ได้เขียนทับ (ใช้ --force หากต้องการแทนที่)",
            f"{path} already exists and was not replaced (give --force to replace it)",
        )
        self.path = path


def check_target(
    path: Path | str,
    *,
    register_db: Path | str | None = None,
    force: bool = False,
    backup: bool = False,
) -> Path:
    """``path`` as an absolute path if a file may be written there; else a UserError, and
    nothing is written. Refused whatever ``force`` says: the register ``register_db`` or one
    of its companion files, a backup or its sidecar, a folder or a device, and any SQLite
    database — not only OTOP registers: the program writes no SQLite file as an output, and
    telling a register from another database means opening it, which a damaged or locked
    register (the one most in need of protecting) may not allow. Refused without ``force``
    (OutputExists): any other existing file."""
    target = Path(os.path.abspath(Path(path).expanduser()))
    real = Path(os.path.realpath(target))
    if not target.name:
        raise UserError(f"{path} ไม่ใช่ชื่อไฟล์", f"{path} is not a file name")
    for name in {target.name, real.name}:
        # Only a new backup may have a backup's name (and never over an existing file).
        if name.lower().endswith(BACKUP_SUFFIXES) and not (backup and not force):
            raise UserError(
                f"ไม่เขียนทับ {path}: ชื่อนี้เป็นของไฟล์สำรองทะเบียน",
                f"Will not write {path}: the name is a register backup's",
            )
    if register_db is not None:
        base = Path(os.path.abspath(Path(register_db).expanduser()))
        for suffix in ("", *SQLITE_COMPANIONS):
            if _same_file(target, base.with_name(base.name + suffix)):
                raise UserError(
                    f"ไม่เขียนทับ {path}: เป็นไฟล์ของทะเบียนที่เปิดอยู่",
                    f"Will not write {path}: it is a file of the open register",
                )
    for candidate in {target, real}:
        for suffix in SQLITE_COMPANIONS:
            if candidate.name.endswith(suffix):
                owner = candidate.with_name(candidate.name.removesuffix(suffix))
                if is_sqlite_file(owner):
                    raise UserError(
                        f"ไม่เขียนทับ {path}: เป็นไฟล์ประกอบของฐานข้อมูล {owner.name}",
                        f"Will not write {path}: SQLite keeps it beside the database {owner.name}",
                    )
    if not os.path.lexists(target):
        return target
    if real.is_dir():
        raise UserError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{path} is a folder, not a file")
    if real.exists() and not real.is_file():
        raise UserError(
            f"ไม่เขียนทับ {path}: ไม่ใช่ไฟล์ธรรมดา", f"Will not write {path}: not a regular file"
        )
    if real.exists():
        try:
            sqlite = is_sqlite_file(real, strict=True)
        except OSError as exc:
            raise UserError(
                f"ไม่เขียนทับ {path}: อ่านไฟล์เดิมเพื่อตรวจไม่ได้ ({exc.strerror or exc})",
                f"Will not write {path}: the file there cannot be read to check it "
                f"({exc.strerror or exc})",
            ) from exc
        if sqlite:
            raise UserError(
                f"ไม่เขียนทับ {path}: เป็นฐานข้อมูล (อาจเป็นทะเบียน OTOP)",
                f"Will not write {path}: it is a database (perhaps an OTOP register)",
            )
    if not force:
        raise OutputExists(target)
    return target


def _same_file(a: Path, b: Path) -> bool:
    if os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b)):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, and spellings realpath does not join
    except OSError:
        return False


def is_sqlite_file(path: Path, *, strict: bool = False) -> bool:
    """Whether ``path`` starts with SQLite's header (``strict``: an unreadable file raises)."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        if strict:
            raise
        return False


def existing(targets: Iterable[Path]) -> list[Path]:
    """The targets that are already there (what the desktop asks about before replacing)."""
    return [t for t in targets if os.path.lexists(t)]


# --- errors --------------------------------------------------------------------------------


def cannot_write(target: Path, exc: OSError) -> UserError:
    return UserError(
        f"เขียนไฟล์ {target} ไม่ได้: {exc.strerror or exc}",
        f"Cannot write {target}: {exc.strerror or exc}",
    )


def writable_folder(folder: Path, *, register_db: Path | str | None = None) -> Path:
    """``folder``, made if missing; a UserError if it cannot be, or if its name is one
    check_target refuses (a folder named ``register.sqlite3-wal`` would stop the register
    opening)."""
    if not folder.is_dir():
        check_target(folder, register_db=register_db, force=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(folder, exc) from exc
    if not folder.is_dir():
        raise UserError(f"{folder} ไม่ใช่โฟลเดอร์", f"{folder} is not a folder")
    return folder


# --- the journal ---------------------------------------------------------------------------


def journal_folder() -> Path:
    folder = data_dir() / JOURNAL_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _lock(file: IO[bytes]) -> bool:
    """An exclusive lock on ``file`` without waiting; False if another holds it. The lock
    dies with its process, which is how a killed writer's journal is told from a live one."""
    try:
        if sys.platform == "win32":
            import msvcrt

            file.seek(0)
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class _Journal:
    """One writer's journal: a JSON object per line, each written and fsync'd before what it
    announces is done."""

    def __init__(self) -> None:
        folder = journal_folder()
        self.path = folder / f"{os.getpid()}-{uuid.uuid4().hex}{JOURNAL_SUFFIX}"
        self._file = open(self.path, "x+b")  # noqa: SIM115 (kept open, and locked, till done)
        if not _lock(self._file):  # a new file: only a fault of the system stops this
            self._file.close()
            raise OSError(f"cannot lock {self.path}")

    def add(self, **entry: Any) -> None:
        self._file.seek(0, os.SEEK_END)
        self._file.write(json.dumps(entry, ensure_ascii=False).encode() + b"\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self, *, remove: bool = True) -> None:
        """Done; ``remove``: nothing of this writer is left to clean up."""
        self._file.close()
        if remove:
            with suppress(OSError):
                self.path.unlink()


def remove_leftovers() -> list[Path]:
    """Deletes the hidden temporary files that writers killed half-way left beside their
    targets, and takes out again a file one had placed without living to see its
    transaction committed (putting back the file it replaced). Writers still running, in
    this process or another, are left alone. Returns the files deleted; never raises (a
    file that cannot be deleted is logged and kept for the next start). To be called when
    the program (desktop or command line) starts."""
    try:
        journals = sorted(journal_folder().glob(f"*{JOURNAL_SUFFIX}"))
    except OSError as exc:
        log.warning("cannot read the journals of unfinished writes: %s", exc)
        return []
    removed: list[Path] = []
    for journal in journals:
        try:
            removed += _clean_up(journal)
        except OSError as exc:
            log.warning("cannot clean up after %s: %s", journal.name, exc)
    return removed


def _clean_up(journal: Path) -> list[Path]:
    with open(journal, "r+b") as file:
        if not _lock(file):
            return []  # its writer is still at work
        text = file.read()
        if not text.strip() and time.time() - os.fstat(file.fileno()).st_mtime < (
            EMPTY_JOURNAL_GRACE_S
        ):
            return []  # perhaps made this instant by a writer that has not locked it yet
        entries = []
        for line in text.splitlines():
            with suppress(ValueError):
                entry = json.loads(line)
                if isinstance(entry, dict):
                    entries.append(entry)
        removed = _undo(entries)
    journal.unlink()
    return removed


def _undo(entries: list[dict[str, Any]]) -> list[Path]:
    removed: list[Path] = []
    # Not seen committed ("done" is noted after the commit): the placed files come out
    # again, the last placed first, each only if it is still, to the inode, the file that
    # writer placed; a file it replaced is put back.
    committed = any(entry.get("op") == "done" for entry in entries)
    for entry in reversed(entries):
        if committed or entry.get("op") != "place":
            continue
        target = Path(entry["target"])
        kept = Path(entry["kept"]) if entry.get("kept") else None
        try:
            if _identity(target) != entry.get("identity"):
                continue
            if kept is None:
                target.unlink()
                removed.append(target)
                log.warning("removed %s: its writer was killed before committing", target)
            elif TEMP_NAME.match(kept.name) and os.path.lexists(kept):
                os.replace(kept, target)
                log.warning("put back %s: its replacement was not committed", target)
        except OSError as exc:
            log.warning("cannot undo the placing of %s: %s", target, exc)
    for entry in entries:
        if entry.get("op") not in ("temp", "keep"):
            continue
        temp = Path(entry["path"])
        if not TEMP_NAME.match(temp.name):
            continue  # a journal says what to delete only among the program's own names
        # SQLite's own files beside a temporary database (a backup being copied) too.
        for path in (temp, *(temp.with_name(temp.name + s) for s in SQLITE_COMPANIONS)):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.warning("cannot remove %s: %s", path, exc)
                continue
            removed.append(path)
    return removed


def _identity(path: Path) -> list[int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


# --- writing -------------------------------------------------------------------------------


def hidden_name(target: Path, kind: str = "part") -> Path:
    """``.~NAME.xxxxxxxxxxxx.part`` beside ``target`` (``old``: the file it replaces)."""
    return target.with_name(f".~{target.name[:NAME_ROOM]}.{uuid.uuid4().hex[:12]}.{kind}")


class PendingOutputs:
    """Files written under hidden temporary names beside their targets and renamed into
    place together by :meth:`place`. Leaving the ``with`` block normally keeps what was
    placed and removes what was not; leaving it by an exception (a failed commit, a cancel,
    a full disk) removes everything, placed files included, and puts back any file a placed
    one replaced. Every target passes :func:`check_target` first."""

    def __init__(
        self,
        *,
        register_db: Path | str | None = None,
        force: bool = False,
        backups: bool = False,
    ) -> None:
        """``backups``: the files are a register's backups: new ones only, under a backup's
        name, and private (0600) once placed, like the register they copy."""
        self.register_db = register_db
        self.force = force
        self.backups = backups
        self._pending: dict[Path, Path] = {}
        #: (target, the hidden copy of the file it replaced or None), in placing order.
        self._placed: list[tuple[Path, Path | None]] = []
        self._journal: _Journal | None = None

    def check(self, target: Path | str) -> Path:
        return check_target(
            target, register_db=self.register_db, force=self.force, backup=self.backups
        )

    def reserve(self, target: Path | str) -> Path:
        """Checks ``target`` and makes its (empty, private) temporary file now, so that a
        folder that cannot be written is found before any work is done; returns the
        temporary file's path, for a writer that wants a path."""
        path = self.check(target)
        if path in self._pending:
            return self._pending[path]
        temp = hidden_name(path)
        self._note(op="temp", path=str(temp), target=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, TEMP_MODE))
        except OSError as exc:
            raise cannot_write(path, exc) from exc
        self._pending[path] = temp
        return temp

    def temp_path(self, target: Path | str) -> Path:
        """The temporary file of a reserved target."""
        return self._pending[Path(os.path.abspath(Path(target).expanduser()))]

    def write(self, target: Path | str, data: bytes) -> None:
        temp = self.reserve(target)
        try:
            with open(temp, "wb") as file:
                file.write(data)
        except OSError as exc:
            raise cannot_write(Path(target), exc) from exc

    def place(self) -> list[Path]:
        """Renames every temporary file to its target, each fsync'd first: the targets are
        whole files now, and stay so unless the ``with`` block ends by an exception."""
        placed = []
        for target, temp in list(self._pending.items()):
            try:
                self._place_one(target, temp)
            except OSError as exc:
                raise cannot_write(target, exc) from exc
            del self._pending[target]
            placed.append(target)
        return placed

    def _place_one(self, target: Path, temp: Path) -> None:
        with open(temp, "r+b") as file:
            os.fsync(file.fileno())
        os.chmod(temp, TEMP_MODE if self.backups else placed_mode())
        kept = None
        if os.path.lexists(target):
            kept = hidden_name(target, "old")
            self._note(op="keep", path=str(kept), target=str(target))
            _keep(target, kept)
        self._placed.append((target, kept))
        # A rename keeps the inode, size and time: the journal can name the placed file
        # before it is placed, so that a kill just after the rename is undone too.
        self._note(
            op="place", target=str(target), kept=kept and str(kept), identity=_identity(temp)
        )
        os.replace(temp, target)
        _sync_folder(target.parent)

    def undo(self) -> bool:
        """Takes out the files placed so far, newest first, putting back what they replaced;
        False if one could not be (logged; the next start tries again)."""
        done = True
        while self._placed:
            target, kept = self._placed.pop()
            try:
                if kept is not None:
                    os.replace(kept, target)
                else:
                    target.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot take out %s again: %s", target, exc)
                done = False
        return done

    def discard(self) -> bool:
        """Removes every temporary file not yet placed; False if one could not be."""
        done = True
        for temp in self._pending.values():
            try:
                temp.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove %s: %s", temp, exc)
                done = False
        self._pending.clear()
        return done

    def _note(self, **entry: Any) -> None:
        if self._journal is None:
            try:
                self._journal = _Journal()
            except OSError as exc:
                raise cannot_write(journal_folder_path(), exc) from exc
        self._journal.add(**entry)

    def _finish(self, *, keep_placed: bool) -> None:
        clean = self.discard()
        if keep_placed:
            if self._placed:
                self._note(op="done")  # committed: a later clean-up must not undo them
            for _target, kept in self._placed:
                if kept is not None:
                    try:
                        kept.unlink(missing_ok=True)
                    except OSError as exc:
                        log.warning("cannot remove %s: %s", kept, exc)
                        clean = False
            self._placed.clear()
        else:
            clean = self.undo() and clean
        if self._journal is not None:
            # Kept when something could not be removed: remove_leftovers tries again.
            self._journal.close(remove=clean)
            self._journal = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_exc: object) -> None:
        self._finish(keep_placed=exc_type is None)


def journal_folder_path() -> Path:
    """Where the journals are, without making the folder (for messages)."""
    return data_dir() / JOURNAL_FOLDER


def _keep(target: Path, kept: Path) -> None:
    """A second name for the file ``target`` holds now, to put it back with: a hard link
    (instant, and the target is never missing), else a private copy (FAT drives have no
    links)."""
    try:
        os.link(target, kept, follow_symlinks=False)
        return
    except (OSError, NotImplementedError):
        pass
    with open(target, "rb") as source:
        fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, TEMP_MODE)
        with os.fdopen(fd, "wb") as copy:
            while chunk := source.read(1 << 20):
                copy.write(chunk)


def _sync_folder(folder: Path) -> None:
    """Makes a rename in ``folder`` durable (POSIX; Windows has no folder handles to sync)."""
    if sys.platform == "win32":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file(
    path: Path | str,
    data: bytes,
    *,
    register_db: Path | str | None = None,
    force: bool = False,
) -> Path:
    """Writes one file whole (see PendingOutputs); its absolute path."""
    with PendingOutputs(register_db=register_db, force=force) as files:
        files.write(path, data)
        (placed,) = files.place()
    return placed
