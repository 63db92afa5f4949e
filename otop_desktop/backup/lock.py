"""Who has a register open. The desktop leaves a lock file beside the register naming its
process and computer; a restore also tries SQLite's exclusive lock, which any open
connection — a second desktop, a command in another window — refuses."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from otop_desktop.errors import UserError


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    since: str

    def alive(self) -> bool:
        """Whether the process still runs; one on another computer is taken as running."""
        if self.host != socket.gethostname():
            return True
        if self.pid == os.getpid():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def read_holder(db: Path) -> Holder | None:
    try:
        data = json.loads(lock_path(db).read_text(encoding="utf-8"))
        return Holder(pid=int(data["pid"]), host=str(data["host"]), since=str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class RegisterLock:
    """The desktop's mark on the register it has open. A stale mark (its process gone) is
    taken over; a live one is left alone, and the restore refuses while it is there."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.path = lock_path(db)
        self.held = False

    def acquire(self) -> None:
        holder = read_holder(self.db)
        if holder is not None and holder.alive():
            return
        text = json.dumps(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "since": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        )
        try:
            temp = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temp.write_text(text, encoding="utf-8")
            os.replace(temp, self.path)
            self.held = True
        except OSError:
            pass  # a read-only folder: the exclusive-lock attempt still protects a restore

    def release(self) -> None:
        if self.held:
            holder = read_holder(self.db)
            if holder is not None and holder.pid == os.getpid():
                with suppress(OSError):
                    self.path.unlink()
            self.held = False


def ensure_unused(db: Path) -> None:
    """Refuses (UserError) while another program has the register open."""
    holder = read_holder(db)
    if holder is not None and holder.alive():
        raise in_use(db, holder)
    if not db.exists():
        return
    try:
        with closing(sqlite3.connect(db, isolation_level=None, timeout=0)) as conn:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise in_use(db, holder) from exc
        # A damaged file cannot be locked either; restoring over it is what it needs.


def in_use(db: Path, holder: Holder | None) -> UserError:
    if holder is not None:
        return UserError(
            f"ทะเบียน {db} เปิดอยู่ในโปรแกรมที่เครื่อง {holder.host} (โปรเซส {holder.pid}) "
            "กรุณาปิดโปรแกรมนั้นก่อน",
            f"The register {db} is open in the program on {holder.host} (process "
            f"{holder.pid}); close it there first",
        )
    return UserError(
        f"ทะเบียน {db} เปิดอยู่ในโปรแกรมอื่น กรุณาปิดโปรแกรมนั้นก่อน",
        f"The register {db} is open in another program; close it first",
    )
