"""Backups of a register on a PostgreSQL server are the server's job: ``backup`` and
``restore`` run the server's own ``pg_dump`` and ``pg_restore`` where they are installed (on
the server machine, of the server's version or newer), and otherwise say so and how. A clerk's
PC makes no automatic backups of a server's register, and a restore is refused while any other
program is connected to the database."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from otop_desktop.database import Register, database_url
from otop_desktop.errors import UserError

#: What a dump of a server's register is called (pg_dump's custom format).
DUMP_SUFFIX = ".pgdump"
_VERSION = re.compile(r"\(PostgreSQL\) (\d+)")


def server_major(register: Register) -> int:
    """The server's major version (15 for 15.x)."""
    with register.read() as session:
        number = int(session.scalar(text("SHOW server_version_num")) or 0)
    return number // 10000


def _candidates(name: str, major: int) -> list[Path]:
    exe = f"{name}.exe" if sys.platform == "win32" else name
    places = [
        Path(f"/usr/lib/postgresql/{major}/bin") / exe,  # Debian, Ubuntu
        Path(f"/usr/pgsql-{major}/bin") / exe,  # Red Hat's PGDG packages
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
        / "PostgreSQL"
        / str(major)
        / "bin"
        / exe,
    ]
    found = shutil.which(exe)
    return [p for p in places if p.is_file()] + ([Path(found)] if found else [])


def tool_major(path: Path) -> int | None:
    try:
        done = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    match = _VERSION.search(done.stdout)
    return int(match[1]) if match else None


def find_tool(name: str, major: int) -> Path:
    """``pg_dump`` or ``pg_restore`` of the server's major version or newer (an older one
    refuses a newer server); a UserError saying how to get one otherwise."""
    for path in _candidates(name, major):
        found = tool_major(path)
        if found is not None and found >= major:
            return path
    raise UserError(
        f"ไม่พบ {name} ของ PostgreSQL {major} ขึ้นไปในเครื่องนี้: การสำรองและกู้คืนทะเบียนบน"
        f"เซิร์ฟเวอร์ทำที่เครื่องเซิร์ฟเวอร์ (ติดตั้งแพ็กเกจ postgresql-client-{major} หรือสั่ง "
        f"{name} ของเซิร์ฟเวอร์เอง)",
        f"No {name} of PostgreSQL {major} or newer on this computer: a server's register is "
        f"backed up and restored on the server machine (install postgresql-client-{major}, or "
        f"run the server's own {name})",
    )


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The connection for pg_dump/pg_restore: a libpq URL without the password, which goes
    in the environment (never on a command line other users can read)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(argv: list[str], env: dict[str, str], what_th: str, what_en: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["?"])[-1][:300]
        raise UserError(f"{what_th}ไม่สำเร็จ: {said}", f"{what_en} failed: {said}")


def dump(register: Register, out: Path | None) -> Path:
    """``pg_dump`` of the register into ``out`` (a folder, or a new file ending .pgdump;
    default: the current folder). Never over an existing file."""
    url = register.engine.url
    tool = find_tool("pg_dump", server_major(register))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = out if out is not None and out.suffix != DUMP_SUFFIX else None
    target = (
        out
        if out is not None and folder is None
        else (folder or Path.cwd()) / f"{url.database}-{stamp}{DUMP_SUFFIX}"
    )
    if target.exists():
        raise UserError(
            f"มีไฟล์ {target} อยู่แล้ว (ไม่เขียนทับ)", f"{target} already exists (not replaced)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    where, env = _libpq(url)
    _run(
        [str(tool), "--format=custom", f"--file={target}", f"--dbname={where}"],
        env,
        "สำรองฐานข้อมูลด้วย pg_dump ",
        "Backing the database up with pg_dump",
    )
    return target


def others_connected(register: Register) -> int:
    """How many other connections the register's database has (other clerks' programs)."""
    with register.read() as session:
        own = session.scalar(text("SELECT pg_backend_pid()"))
        return int(
            session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> :own"
                ),
                {"own": own},
            )
            or 0
        )


def restore_dump(db: str, source: Path) -> None:
    """``pg_restore`` of ``source`` over the register at ``db``, in one transaction; refused
    while another program is connected to it."""
    if not source.is_file():
        raise UserError(f"ไม่พบไฟล์สำรอง {source}", f"No backup file {source}")
    with Register.open(db) as register:
        major = server_major(register)
        others = others_connected(register)
        register.engine.dispose()
    if others:
        raise UserError(
            f"ยังมีโปรแกรมอื่นเชื่อมต่อฐานข้อมูลนี้อยู่ {others} รายการ กรุณาปิดโปรแกรมที่เครื่องอื่นทุกเครื่องก่อนกู้คืน",
            f"{others} other program(s) are connected to this database: close the program on "
            "every other computer before restoring",
        )
    tool = find_tool("pg_restore", major)
    where, env = _libpq(database_url(db))
    _run(
        [
            str(tool),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={where}",
            str(source),
        ],
        env,
        "กู้คืนฐานข้อมูลด้วย pg_restore ",
        "Restoring the database with pg_restore",
    )
    # Opening it raises the counters to the numbers this PC knows were handed out since.
    Register.open(db).close()
