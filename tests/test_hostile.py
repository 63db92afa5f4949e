"""Hostile conditions, each produced for real — no mocks: another program holding a long
write (a second process), a full disk (a small tmpfs), a read-only drive (a read-only bind
mount) and file (``chattr +i``), a drive that vanishes (a lazily unmounted bind mount) or
fails (an ext4 image on a loop device, shut down as a pulled drive is), no permission (a
process run as ``nobody``), a PostgreSQL URL without its driver. Each ends in a clear Thai and
English message naming the register and the cause, changes nothing, and the same open
Register works again once the cause is gone.

The tests that mount need root (tests and CI run as root); elsewhere they skip, saying why.
Every mount is undone (lazily, so even with files still open) when the test ends, passed or
failed."""

from __future__ import annotations

import ctypes
import fcntl
import functools
import hashlib
import importlib.util
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from otop_desktop import cli, database
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import (
    DiskFullError,
    DriveGoneError,
    ReadOnlyError,
    RegisterBusyError,
    StorageError,
    UserError,
)
from otop_desktop.models import Entrepreneur
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.office import init_register
from tests.conftest import add_record, person

ROOT = os.geteuid() == 0
#: ``EXT4_IOC_SHUTDOWN`` (= ``XFS_IOC_GOINGDOWN``) and its flag that drops what the drive has
#: not yet been told to keep: the file system stops as when a USB drive is pulled out.
EXT4_IOC_SHUTDOWN = 0x8004587D
EXT4_GOING_FLAGS_NOLOGFLUSH = 2


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False)


@functools.cache
def cannot_mount() -> str | None:
    """Why file systems cannot be mounted here (None when they can)."""
    if not ROOT:
        return "mounting file systems needs root"
    if shutil.which("mount") is None or shutil.which("umount") is None:
        return "no mount/umount command"
    with tempfile.TemporaryDirectory() as folder:
        done = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder)
        if done.returncode != 0:
            return f"cannot mount a tmpfs here: {done.stderr.strip()}"
        run("umount", folder)
    return None


class Mounts:
    """The test's mounts, each undone at its end."""

    def __init__(self) -> None:
        self.points: list[Path] = []

    def _mount(self, where: Path, *args: str | Path) -> Path:
        where.mkdir(parents=True, exist_ok=True)
        done = run("mount", *args, where)
        if done.returncode != 0:
            pytest.skip(f"cannot mount {' '.join(map(str, args))} here: {done.stderr.strip()}")
        self.points.append(where)
        return where

    def tmpfs(self, where: Path, size: str) -> Path:
        return self._mount(where, "-t", "tmpfs", "-o", f"size={size}", "tmpfs")

    def bind(self, source: Path, where: Path, *, read_only: bool = False) -> Path:
        self._mount(where, "--bind", source)
        if read_only:
            self.remount(where, "remount,bind,ro")
        return where

    def ext4_image(self, image: Path, where: Path, size_mb: int = 16) -> Path:
        """A small ext4 file system in ``image`` (made when missing) on a loop device."""
        if not image.exists():
            if shutil.which("mkfs.ext4") is None:
                pytest.skip("no mkfs.ext4 to make a drive image")
            with image.open("wb") as f:
                f.truncate(size_mb << 20)
            made = run("mkfs.ext4", "-q", "-F", image)
            assert made.returncode == 0, made.stderr
        return self._mount(where, "-o", "loop", image)

    def remount(self, where: Path, options: str) -> None:
        done = run("mount", "-o", options, where)
        assert done.returncode == 0, done.stderr

    def unmount(self, where: Path) -> None:
        """Lazily, as a pulled drive goes: open files keep working on what is no longer
        there, and the path is gone at once."""
        done = run("umount", "-l", where)
        assert done.returncode == 0, done.stderr
        self.points.remove(where)

    def undo_all(self) -> None:
        for where in reversed(self.points):
            run("umount", "-l", where)
        self.points.clear()


@pytest.fixture
def mounts() -> Iterator[Mounts]:
    reason = cannot_mount()
    if reason is not None:
        pytest.skip(reason)
    done = Mounts()
    try:
        yield done
    finally:
        done.undo_all()


@contextmanager
def another_program_writing(path: Path) -> Iterator[None]:
    """A second process (another copy of the program, a sync tool) in the middle of a long
    write on the register: it holds the write lock until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('holding', flush=True)\n"
            "sys.stdin.readline()\n"
            "c.execute('ROLLBACK')\n",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield
    finally:
        assert holder.stdin is not None
        holder.communicate("\n", timeout=30)
        holder.wait(30)


def names(register: Register) -> list[str]:
    with register.read() as session:
        return list(session.scalars(select(Entrepreneur.name).order_by(Entrepreneur.id)))


def add(register: Register, name: str) -> None:
    with register.write() as session:
        create_entrepreneur(session, person(name=name))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def says(error: UserError, path: Path, th: str, en: str) -> None:
    """The message names the register and the cause, in both languages."""
    assert str(path) in error.message_th and str(path) in error.message_en
    assert th in error.message_th, error.message_th
    assert en in error.message_en, error.message_en


def refused_on_the_command_line(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    """Runs a command that must be refused with exit 2 and one line (never an internal
    error); returns the line."""
    capsys.readouterr()
    status = cli.main([str(a) for a in args])
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Internal error" not in err and len(err.strip().splitlines()) == 1, err
    return err


# --- another program holding a long write ---------------------------------------------------


# SQLite-only: another program holds the file's write lock (tests/test_database.py waits on both).
@pytest.mark.sqlite_only
def test_a_long_write_by_another_program_is_waited_for_then_named_and_the_next_save_works(
    register: Register,
) -> None:
    path = register.path
    assert path is not None
    add_record(register, "ร้านแรก")
    clerk = Register.open(path, busy_timeout_ms=300)
    try:
        with another_program_writing(path):
            with pytest.raises(RegisterBusyError) as caught, clerk.write() as session:
                create_entrepreneur(session, person(name="ร้านที่สอง"))
            assert names(clerk) == ["ร้านแรก"]  # reading goes on meanwhile
        says(caught.value, path, "โปรแกรมอื่น", "another program is writing to it")
        assert caught.value.message_en.startswith("Not saved: ")
        assert "0.3 s" in caught.value.message_en
        add(clerk, "ร้านที่สอง")  # the other program is done: the same register saves
        assert names(clerk) == ["ร้านแรก", "ร้านที่สอง"]
    finally:
        clerk.close()


# SQLite-only: another program holds the file's write lock.
@pytest.mark.sqlite_only
def test_the_command_line_says_the_register_is_busy(
    register: Register, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = register.path
    assert path is not None
    # The command line waits SQLITE_BUSY_TIMEOUT_MS (10 s); a test need not.
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    with another_program_writing(path):
        err = refused_on_the_command_line(
            capsys, "demo", "--db", path, "--scale", "district", "--until", "2568-01"
        )
    assert "busy: another program is writing" in err and str(path) in err
    assert names(register) == []
    assert cli.main(["demo", "--db", str(path), "--scale", "district", "--until", "2568-01"]) == 0


# --- a full disk ---------------------------------------------------------------------------


def fill(disk: Path) -> Path:
    """Takes every free byte of ``disk``."""
    filler = disk / "filler"
    # Unbuffered: a buffered file would try its unwritten rest again on closing, and fail.
    with filler.open("wb", buffering=0) as f:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == 28  # ENOSPC
    assert shutil.disk_usage(disk).free == 0
    return filler


def test_a_full_disk_during_a_save_changes_nothing_and_saving_works_once_there_is_room(
    mounts: Mounts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disk = mounts.tmpfs(tmp_path / "disk", "4m")
    path = disk / "r.sqlite3"
    with init_register(path, OfficeKind.DISTRICT, "5013") as register:
        # Fold the WAL into the file, as the last close does: every save must grow it again.
        with register.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(disk)

        with pytest.raises(DiskFullError) as caught, register.write() as session:
            create_entrepreneur(session, person(name="ร้านแรก"))
        says(caught.value, path, "เต็ม", "is full. Free some space")
        assert caught.value.message_th.startswith("ไม่ได้บันทึก: ")
        assert names(register) == []
        err = refused_on_the_command_line(capsys, "demo", "--db", path, "--scale", "district")
        assert "is full" in err
        assert names(register) == []

        filler.unlink()
        add(register, "ร้านแรก")
        assert names(register) == ["ร้านแรก"]
    assert integrity(path) == "ok"


# --- read-only ----------------------------------------------------------------------------


def test_a_register_on_a_read_only_drive_is_refused_in_plain_words(
    mounts: Mounts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    with init_register(store / "r.sqlite3", OfficeKind.DISTRICT, "5013") as register:
        add(register, "ร้านแรก")
    before = digest(store / "r.sqlite3")
    drive = mounts.bind(store, tmp_path / "locked-usb", read_only=True)
    path = drive / "r.sqlite3"

    with pytest.raises(ReadOnlyError) as caught:
        Register.open(path)
    says(caught.value, path, "อ่านอย่างเดียว", "is read-only")
    assert "damaged" not in caught.value.message_en
    err = refused_on_the_command_line(capsys, "stats", "--db", path)
    assert "read-only" in err
    assert digest(store / "r.sqlite3") == before

    mounts.remount(drive, "remount,bind,rw")  # the drive's lock slid back
    with Register.open(path) as register:
        add(register, "ร้านที่สอง")
        assert names(register) == ["ร้านแรก", "ร้านที่สอง"]


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """``chattr +i``: not even root may change the file (chmod stops no one here: root)."""
    if shutil.which("chattr") is None:
        pytest.skip("no chattr")
    done = run("chattr", "+i", path)
    if done.returncode != 0:
        pytest.skip(f"chattr +i does not work here: {done.stderr.strip()}")
    try:
        yield
    finally:
        run("chattr", "-i", path)


@pytest.mark.skipif(not ROOT, reason="chattr +i needs root")
def test_a_read_only_register_file_opens_for_reading_and_saves_once_writable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.sqlite3"
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    before = digest(path)
    with immutable(path):
        register = Register.open(path)  # the clerk can still look and print
        try:
            assert names(register) == []
            with pytest.raises(ReadOnlyError) as caught, register.write() as session:
                create_entrepreneur(session, person(name="ร้านแรก"))
            says(caught.value, path, "อ่านอย่างเดียว", "is read-only")
            err = refused_on_the_command_line(capsys, "demo", "--db", path, "--scale", "district")
            assert "read-only" in err
            assert names(register) == []
            assert digest(path) == before
        except BaseException:
            register.close()
            raise
    try:
        add(register, "ร้านแรก")  # the file's read-only setting was cleared
        assert names(register) == ["ร้านแรก"]
    finally:
        register.close()
    assert integrity(path) == "ok"


# --- a drive or folder that goes away -------------------------------------------------------


def test_a_pulled_drive_is_named_and_the_register_saves_again_when_it_is_back(
    mounts: Mounts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    store.mkdir()
    usb = mounts.bind(store, tmp_path / "usb")
    path = usb / "otop" / "r.sqlite3"
    register = init_register(path, OfficeKind.DISTRICT, "5013")
    try:
        add(register, "ร้านแรก")
        mounts.unmount(usb)  # pulled out: the path is gone, the open files are not

        with pytest.raises(DriveGoneError) as caught, register.write() as session:
            create_entrepreneur(session, person(name="หายไปกับไดรฟ์"))
        says(caught.value, path, "ไดรฟ์อาจถูกถอดออก", "its drive was removed")
        with pytest.raises(DriveGoneError):
            names(register)
        err = refused_on_the_command_line(capsys, "stats", "--db", path)
        assert "there is no folder" in err

        mounts.bind(store, usb)  # put back
        add(register, "ร้านที่สอง")
        assert names(register) == ["ร้านแรก", "ร้านที่สอง"]
    finally:
        register.close()
    assert integrity(store / "otop" / "r.sqlite3") == "ok"


def test_a_folder_moved_away_under_an_open_register_is_named_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "office"
    path = folder / "r.sqlite3"
    with init_register(path, OfficeKind.DISTRICT, "5013") as register:
        add(register, "ร้านแรก")
        folder.rename(tmp_path / "moved")
        # SQLite would go on writing into the moved file, which the clerk no longer has open.
        with pytest.raises(DriveGoneError) as caught, register.write() as session:
            create_entrepreneur(session, person(name="ร้านที่สอง"))
        says(caught.value, path, "โฟลเดอร์ถูกย้าย", "folder moved, renamed or deleted")
        (tmp_path / "moved").rename(folder)
        assert names(register) == ["ร้านแรก"]
        add(register, "ร้านที่สาม")
        assert names(register) == ["ร้านแรก", "ร้านที่สาม"]


def shut_down(drive: Path) -> None:
    """Stops the file system as a drive that is pulled out or dies: every read and write
    fails with EIO from now on, and what was not yet on the disk is lost."""
    fd = os.open(drive, os.O_RDONLY)
    try:
        fcntl.ioctl(fd, EXT4_IOC_SHUTDOWN, struct.pack("I", EXT4_GOING_FLAGS_NOLOGFLUSH))
    except OSError as exc:
        pytest.skip(f"this kernel cannot shut an ext4 file system down: {exc}")
    finally:
        os.close(fd)


def test_a_failing_drive_is_named_and_keeps_every_committed_save(
    mounts: Mounts, tmp_path: Path
) -> None:
    image = tmp_path / "usb.img"
    usb = mounts.ext4_image(image, tmp_path / "usb")
    path = usb / "r.sqlite3"
    register = init_register(path, OfficeKind.DISTRICT, "5013")
    try:
        for name in ("ร้านแรก", "ร้านที่สอง", "ร้านที่สาม"):
            add(register, name)
        shut_down(usb)

        with pytest.raises(DriveGoneError) as caught, register.write() as session:
            create_entrepreneur(session, person(name="ไม่ได้บันทึก"))
        says(caught.value, path, "อ่านหรือเขียนไดรฟ์", "could not be read or written (I/O error)")

        mounts.unmount(usb)
        mounts.ext4_image(image, usb)  # the drive is back
        # synchronous=FULL: each of the three saves was on the drive when it was reported.
        assert names(register) == ["ร้านแรก", "ร้านที่สอง", "ร้านที่สาม"]
        add(register, "ร้านที่สี่")
        assert names(register)[-1] == "ร้านที่สี่"
    finally:
        register.close()
    assert integrity(path) == "ok"


# --- no permission --------------------------------------------------------------------------


PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2
# Loaded before any fork: the child only calls it (no dlopen between fork and exec).
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None


def without_permission_override() -> None:
    """In the child, before it runs: drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its
    capability bounding set, so that it runs as root but is refused a file whose mode refuses
    its owner — as a clerk's account is refused a file it may not open. (A process as
    ``nobody`` cannot run here: Python lives in root's 0700 home.)"""
    assert _prctl is not None
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if _prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_a_user_without_permission(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=without_permission_override,
        check=False,
        timeout=120,
    )


@pytest.mark.skipif(not ROOT or sys.platform != "linux", reason="needs root on Linux")
def test_a_register_the_user_may_not_open_is_named_as_such_not_as_damaged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.sqlite3"
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    path.chmod(0o000)
    try:
        probe = as_a_user_without_permission("-c", f"open({str(path)!r}, 'rb')")
        if "PermissionError" not in probe.stderr:
            pytest.skip(f"cannot take the permission away here: {probe.stderr.strip()[-200:]}")

        done = as_a_user_without_permission("-m", "otop_desktop", "stats", "--db", path)
        assert done.returncode == 2, done.stderr
        assert "Internal error" not in done.stderr and "damaged" not in done.stderr
        assert "no permission to open the register" in done.stderr
        assert "ไม่มีสิทธิ์เปิดทะเบียน" in done.stderr and str(path) in done.stderr

        path.chmod(0o600)  # given back
        done = as_a_user_without_permission("-m", "otop_desktop", "stats", "--db", path)
        assert done.returncode == 0, done.stderr
    finally:
        path.chmod(0o600)


# --- PostgreSQL ----------------------------------------------------------------------------


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@pytest.mark.parametrize("driver", ["psycopg2", "pg8000"])
def test_a_postgresql_url_whose_driver_is_not_installed_says_so(
    driver: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if _installed(driver):
        pytest.skip(f"{driver} is installed here")
    url = f"postgresql+{driver}://clerk:secret@localhost/otop"
    err = refused_on_the_command_line(capsys, "stats", "--db", url)
    assert f"PostgreSQL driver ({driver})" in err and f"pip install {driver}" in err
    assert "secret" not in err


@pytest.mark.skipif(_installed("psycopg"), reason="psycopg is installed here (CI has it not)")
def test_postgresql_without_the_postgres_extra_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = refused_on_the_command_line(
        capsys, "stats", "--db", "postgresql://clerk:secret@localhost/otop"
    )
    assert "PostgreSQL driver (psycopg)" in err and "pip install .[postgres]" in err


@pytest.mark.skipif(not _installed("psycopg"), reason="psycopg is not installed")
def test_a_postgresql_server_that_cannot_be_reached_is_named_without_its_password() -> None:
    url = "postgresql+psycopg://clerk:secret@127.0.0.1:9/otop?connect_timeout=5"
    with pytest.raises(StorageError) as caught:
        Register.open(url)
    assert "cannot reach the database" in caught.value.message_en.lower()
    assert "127.0.0.1:9" in caught.value.message_en
    assert "secret" not in caught.value.message_en + caught.value.message_th


NOBODY = 65534


class PostgreSQLServer:
    """A PostgreSQL server of its own, run as nobody (it refuses root)."""

    def __init__(self, pg_ctl: str, home: Path, port: int) -> None:
        self.home, self.port = home, port
        self.url = f"postgresql+psycopg://otop@127.0.0.1:{port}/postgres"
        options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1"
        self._ctl = [pg_ctl, "-D", str(home / "data"), "-o", options, "-l", str(home / "log")]

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            cwd=self.home,
            user=NOBODY,
            group=NOBODY,
            extra_groups=[],
            check=False,
            timeout=120,
        )

    def start(self) -> None:
        done = self.run(*self._ctl, "-w", "start")
        assert done.returncode == 0, done.stderr

    def stop(self) -> None:
        self.run(*self._ctl, "-m", "immediate", "-w", "stop")


@pytest.fixture
def postgresql_server() -> Iterator[PostgreSQLServer]:
    """Skips where there is no server program, no psycopg, or no root to change user."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not _installed("psycopg") or initdb is None or pg_ctl is None or not ROOT:
        pytest.skip("needs psycopg, PostgreSQL's initdb and pg_ctl, and root")
    home = Path(tempfile.mkdtemp(prefix="otop-pg-"))  # pytest's folders are root's alone
    os.chown(home, NOBODY, NOBODY)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = PostgreSQLServer(pg_ctl, home, port)
    try:
        made = server.run(initdb, "-D", str(home / "data"), "-U", "otop", "--auth=trust")
        if made.returncode != 0:
            pytest.skip(f"initdb cannot run here: {made.stderr.strip()[-200:]}")
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


def test_postgresql_busy_and_down_are_named_and_the_register_saves_again(
    postgresql_server: PostgreSQLServer,
) -> None:
    import psycopg

    url = postgresql_server.url
    init_register(url, OfficeKind.DISTRICT, "5013").close()
    register = Register.open(url, busy_timeout_ms=300)
    try:
        add(register, "ร้านแรก")
        other = psycopg.connect(url.replace("+psycopg", ""))
        try:  # another program's long write holds the numbers' table
            other.execute("LOCK TABLE counters IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(RegisterBusyError) as caught:
                add(register, "ร้านที่สอง")
            assert "another program is writing to it (waited 0.3 s)" in caught.value.message_en
        finally:
            other.rollback()
            other.close()
        add(register, "ร้านที่สอง")

        postgresql_server.stop()
        with pytest.raises(DriveGoneError) as down:
            add(register, "ร้านที่สาม")
        assert "cannot reach the database" in down.value.message_en
        assert f"127.0.0.1:{postgresql_server.port}" in down.value.message_en
        postgresql_server.start()
        add(register, "ร้านที่สาม")
        assert names(register) == ["ร้านแรก", "ร้านที่สอง", "ร้านที่สาม"]
    finally:
        register.close()


def test_an_unknown_kind_of_database_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    err = refused_on_the_command_line(capsys, "stats", "--db", "oracle2://x/y")
    assert "Unknown kind of database" in err


# --- the program's own faults ---------------------------------------------------------------


def test_a_fault_of_the_program_is_left_to_the_last_resort_as_it_is(register: Register) -> None:
    with pytest.raises(DBAPIError) as caught, register.write() as session:
        session.execute(text("SELECT no_such_column FROM entrepreneurs"))
    assert not isinstance(caught.value, UserError)
