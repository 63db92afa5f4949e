"""No command destroys data (issue 9): the output guard refuses the register, its companion
files, backups and any other database, however the path is spelled; an existing file is
replaced only when asked; files are written whole through one helper, private while they
are written; a writer killed half-way leaves nothing once the next start has cleaned up; a
file placed but not committed is taken out again."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from otop_desktop import outputs
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord, PeriodLock
from otop_desktop.outputs import (
    OutputExists,
    PendingOutputs,
    check_target,
    placed_mode,
    remove_leftovers,
    write_file,
)
from otop_desktop.services.office import init_register
from tests.conftest import add_record, set_officer


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def journals() -> list[Path]:
    return sorted(outputs.journal_folder().iterdir())


def records(db: Path) -> int:
    with Register.open(db) as register, register.read() as session:
        return session.scalar(select(func.count()).select_from(ExportRecord)) or 0


def run(*args: object, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "otop_desktop", *map(str, args)]
    if umask is not None:
        command = ["sh", "-c", f'umask {umask:03o} && exec "$@"', "sh", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A district register with two records and a signing officer, closed."""
    path = tmp_path / "d.sqlite3"
    with init_register(path, OfficeKind.DISTRICT, "5013") as register:
        set_officer(register)
        add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
        add_record(register, "กลุ่มทอผ้าบ้านออน")
    return path


@pytest.fixture
def open_register(db: Path) -> Iterator[Register]:
    with Register.open(db) as register:
        yield register


# --- the guard -------------------------------------------------------------------------------


def test_the_register_and_its_companions_are_refused_however_named(
    open_register: Register, tmp_path: Path
) -> None:
    db = open_register.path
    assert db is not None
    with open_register.write() as session:  # a write: the -wal and -shm are there now
        session.add(ExportRecord(kind="test"))
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.pdf").symlink_to(db)
    os.link(db, tmp_path / "hard.pdf")
    for target in (
        db,
        Path(f"{db}-wal"),
        Path(f"{db}-shm"),
        Path(f"{db}-journal"),  # not there: refused by its name
        tmp_path / "sub" / ".." / db.name,
        Path(os.path.relpath(db)),
        tmp_path / "link.pdf",
        tmp_path / "hard.pdf",
    ):
        for force in (False, True):
            with pytest.raises(UserError, match="open register") as refused:
                check_target(target, register_db=db, force=force)
            assert str(target) in refused.value.message_th
            assert not isinstance(refused.value, OutputExists)


def test_backups_and_every_database_are_refused_even_with_force(tmp_path: Path) -> None:
    with init_register(tmp_path / "other.sqlite3", OfficeKind.PROVINCE, "50"):
        pass
    plain = tmp_path / "notes.db"
    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    (tmp_path / "plain.sqlite3-wal").write_bytes(b"")  # beside no database: fine
    for target, words in (
        (tmp_path / "d.otopbackup", "backup"),
        (tmp_path / "D.OTOPBACKUP", "backup"),
        (tmp_path / "d.otopbackup.json", "backup"),
        (tmp_path / "other.sqlite3", "database"),
        (tmp_path / "notes.db", "database"),
        (tmp_path / "other.sqlite3-wal", "SQLite keeps it"),
        (tmp_path / "notes.db-journal", "SQLite keeps it"),
        (tmp_path, "folder"),
    ):
        with pytest.raises(UserError, match=words):
            check_target(target, register_db=None, force=True)
    assert check_target(tmp_path / "plain.sqlite3-wal", force=True).name == "plain.sqlite3-wal"


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    new = tmp_path / "new.pdf"
    assert check_target(new) == new
    new.write_bytes(b"old")
    with pytest.raises(OutputExists) as refused:
        check_target(new)
    assert refused.value.path == new
    assert "มีไฟล์" in refused.value.message_th and "--force" in refused.value.message_en
    assert check_target(new, force=True) == new
    with pytest.raises(OutputExists):
        write_file(new, b"new")
    assert new.read_bytes() == b"old"
    write_file(new, b"new", force=True)
    assert new.read_bytes() == b"new"
    assert hidden(tmp_path) == [] and journals() == []


# --- writing ---------------------------------------------------------------------------------


def test_private_while_written_and_ordinary_once_placed(tmp_path: Path) -> None:
    target = tmp_path / "form.pdf"
    with PendingOutputs() as files:
        temp = files.reserve(target)
        assert temp.parent == tmp_path and temp.name.startswith(".~form.pdf.")
        assert temp.name.endswith(".part")
        assert temp.stat().st_mode & 0o777 == 0o600
        temp.write_bytes(b"%PDF- citizen IDs")
        assert temp.stat().st_mode & 0o777 == 0o600
        [entry] = [json.loads(line) for line in journals()[0].read_text().splitlines()]
        assert entry == {"op": "temp", "path": str(temp), "target": str(target)}
        files.place()
    umask = os.umask(0o022)
    os.umask(umask)
    assert placed_mode() == 0o666 & ~umask
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert hidden(tmp_path) == [] and journals() == []


def test_the_placed_file_follows_the_umask(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    done = run("print", "register", "--db", db, "--out", out, umask=0o027)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o640


def test_several_files_are_placed_together_or_not_at_all(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.xlsx" for n in "abc")
    c.write_bytes(b"old c")
    with pytest.raises(RuntimeError), PendingOutputs(force=True) as files:
        for target in (a, b, c):
            files.write(target, target.name.encode())
        files.place()
        assert a.read_bytes() == b"a.xlsx" and c.read_bytes() == b"c.xlsx"
        raise RuntimeError("the commit failed")
    # Taken out again; the file replaced is back.
    assert not a.exists() and not b.exists() and c.read_bytes() == b"old c"
    assert hidden(tmp_path) == [] and journals() == []

    with PendingOutputs(force=True) as files:
        for target in (a, b, c):
            files.write(target, b"new")
        assert files.place() == [a, b, c]
    assert [p.read_bytes() for p in (a, b, c)] == [b"new"] * 3
    assert hidden(tmp_path) == [] and journals() == []


def test_a_folder_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Cannot write"):
        write_file(blocker / "x.pdf", b"data")
    with pytest.raises(UserError, match="Cannot write"):
        write_file(Path("/proc/no-such-folder/x.pdf"), b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]
    assert journals() == []


# --- what a killed writer leaves ---------------------------------------------------------------


def test_remove_leftovers_deletes_a_dead_writer_s_temporary_files(tmp_path: Path) -> None:
    temp = tmp_path / ".~OTOP-5013-256810.xlsx.0123456789ab.part"
    temp.write_bytes(b"half a workbook")
    precious = tmp_path / "register.sqlite3"
    precious.write_bytes(b"not to be touched")
    journal = outputs.journal_folder() / "999999-dead.journal"
    journal.write_text(
        json.dumps({"op": "temp", "path": str(temp), "target": "x"})
        + "\n"
        + json.dumps({"op": "temp", "path": str(precious), "target": "x"})  # not our name
        + "\nnot json\n",
        encoding="utf-8",
    )
    assert remove_leftovers() == [temp]
    assert not temp.exists() and precious.read_bytes() == b"not to be touched"
    assert journals() == []


def test_remove_leftovers_leaves_a_live_writer_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    with PendingOutputs() as files:
        temp = files.reserve(target)
        assert remove_leftovers() == []
        assert temp.exists() and len(journals()) == 1
        files.place()
    assert target.exists() and journals() == []


KILLER = """
import os, signal, sys
from otop_desktop import cli, outputs
from otop_desktop.submission import workbook

def die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)

point, *argv = sys.argv[1:]
if point == "writing":  # half-way through a workbook's rows
    workbook.RowProgress.advance = die
elif point == "written":  # a whole temporary file, not yet placed
    outputs.PendingOutputs.place = die
elif point == "placed":  # placed, the record flushed, the commit not yet made
    place = outputs.PendingOutputs.place

    def placed(self):
        place(self)
        die()

    outputs.PendingOutputs.place = placed
sys.exit(cli.main(argv))
"""


def killed(point: str, *argv: object) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLER, point, *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_an_export_killed_half_way_leaves_nothing_after_the_next_start(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sent"
    killed("writing", "export", "monthly", "--db", db, "--period", "2568-10", "--out", out)
    [leftover] = hidden(out)
    assert leftover.startswith(".~OTOP-5013-256810.xlsx.") and leftover.endswith(".part")
    assert (out / leftover).stat().st_mode & 0o777 == 0o600  # private meanwhile
    assert len(journals()) == 1

    assert remove_leftovers() == [out / leftover]
    assert list(out.iterdir()) == [] and journals() == []
    assert records(db) == 0
    with Register.open(db) as register, register.read() as session:
        assert session.scalar(select(func.count()).select_from(PeriodLock)) == 0


def test_a_print_killed_before_placing_leaves_nothing(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    killed("written", "print", "form", "--db", db, "--all", "--out", out)
    [leftover] = hidden(tmp_path)
    assert (tmp_path / leftover).stat().st_mode & 0o777 == 0o600
    assert remove_leftovers() == [tmp_path / leftover]
    assert hidden(tmp_path) == [] and not out.exists() and journals() == []
    assert records(db) == 0


def test_a_file_placed_but_never_committed_is_taken_out(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    killed("placed", "print", "form", "--db", db, "--all", "--out", out)
    assert out.exists() and records(db) == 0  # a file without its record, until…
    assert remove_leftovers() == [out]
    assert not out.exists() and hidden(tmp_path) == [] and journals() == []

    # Replacing a file: the old one is put back.
    out.write_bytes(b"the forms printed last week")
    killed("placed", "print", "form", "--db", db, "--all", "--out", out, "--force")
    assert out.read_bytes().startswith(b"%PDF")
    assert len(hidden(tmp_path)) == 1  # the old file, kept to be put back
    remove_leftovers()
    assert out.read_bytes() == b"the forms printed last week"
    assert hidden(tmp_path) == [] and journals() == [] and records(db) == 0


def test_a_failed_commit_takes_the_file_out_again(open_register: Register, tmp_path: Path) -> None:
    from otop_desktop.printing.documents import DocumentKind, PrintOptions, render

    def refuse(_session: Session) -> None:
        raise RuntimeError("disk I/O error")

    out = tmp_path / "list.pdf"
    out.write_bytes(b"old list")
    event.listen(Session, "before_commit", refuse)
    try:
        with pytest.raises(RuntimeError, match="disk I/O"):
            render(
                open_register,
                DocumentKind.REGISTER,
                PrintOptions(show_personal=True),
                out=out,
                force=True,
            )
    finally:
        event.remove(Session, "before_commit", refuse)
    assert out.read_bytes() == b"old list" and hidden(tmp_path) == [] and journals() == []
    with open_register.read() as session:
        assert session.scalar(select(func.count()).select_from(ExportRecord)) == 0


# --- the command line ------------------------------------------------------------------------


def test_no_command_writes_over_a_register(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "province.sqlite3"
    with init_register(other, OfficeKind.PROVINCE, "50"):
        pass
    (tmp_path / "link.pdf").symlink_to(db)
    before, other_before = sha256(db), sha256(other)
    for command in (
        ("print", "register", "--db", db, "--out", db),
        ("print", "register", "--db", db, "--out", db, "--force"),
        ("print", "register", "--db", db, "--out", f"{db}-wal", "--force"),
        ("print", "form", "--db", db, "--all", "--out", tmp_path / "link.pdf", "--force"),
        ("print", "monthly", "--db", db, "--period", "2568-10", "--out", other, "--force"),
        ("print", "register", "--db", db, "--out", tmp_path / "d.otopbackup", "--force"),
        ("export", "monthly", "--db", db, "--period", "2568-10", "--out", db, "--force"),
        ("export", "monthly", "--db", db, "--period", "2568-10", "--out", f"{db}-shm"),
        ("export", "province", "--db", other, "--period", "2568-10", "--out", db),
        ("export", "province", "--db", other, "--period", "2568-10", "--out", other),
    ):
        done = run(*command)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        [line] = done.stderr.strip().splitlines()
        assert "Traceback" not in line and " / " in line
    assert (sha256(db), sha256(other)) == (before, other_before)
    assert hidden(tmp_path) == [] and journals() == []
    stats = run("stats", "--db", db)
    assert stats.returncode == 0 and json.loads(stats.stdout)["office"]["district_code"] == "5013"


def test_an_existing_output_is_replaced_only_with_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    out.write_bytes(b"keep me")
    refused = run("print", "register", "--db", db, "--show-personal", "--out", out)
    assert refused.returncode == 2
    assert str(out) in refused.stderr and "--force" in refused.stderr
    assert "อยู่แล้ว" in refused.stderr
    assert out.read_bytes() == b"keep me" and records(db) == 0

    done = run("print", "register", "--db", db, "--show-personal", "--out", out, "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and records(db) == 1
    assert hidden(tmp_path) == [] and journals() == []
