"""A register on a PostgreSQL server is backed up and restored by the server's own pg_dump and
pg_restore, never by a clerk's PC copying files: ``backup`` writes a .pgdump, ``restore``
brings it back in one transaction and is refused while another program is connected; without
the tools the commands say so and how."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from otop_desktop.backup import server
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur
from tests.conftest import ON_POSTGRESQL, add_record, db_of

pytestmark = pytest.mark.skipif(not ON_POSTGRESQL, reason="a PostgreSQL server's register")


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "otop_desktop", *argv], capture_output=True, text=True, timeout=120
    )


def names(register: Register) -> list[str]:
    with register.read() as session:
        return list(session.scalars(select(Entrepreneur.name).order_by(Entrepreneur.reg_no)))


def test_backup_and_restore_commands_run_the_servers_tools(register, tmp_path) -> None:
    add_record(register, "ร้านหนึ่ง")
    db = db_of(register)
    made = run("backup", "--db", db, "--out", str(tmp_path))
    assert made.returncode == 0, made.stderr
    [dump] = tmp_path.glob(f"*{server.DUMP_SUFFIX}")
    assert str(dump) in made.stdout and dump.read_bytes().startswith(b"PGDMP")
    again = run("backup", "--db", db, "--out", str(dump))
    assert again.returncode == 2 and "not replaced" in again.stderr

    add_record(register, "ร้านสอง")
    register.close()  # the only program on the database now
    restored = run("restore", "--db", db, "--from", str(dump))
    assert restored.returncode == 0, restored.stderr
    with Register.open(db) as back:
        assert names(back) == ["ร้านหนึ่ง"]
        # A number drawn after the backup is not drawn again (the floors this PC kept).
        assert add_record(back, "ร้านสาม").endswith("-0003")

    needs_file = run("restore", "--db", db)
    assert needs_file.returncode == 2 and "--from FILE.pgdump" in needs_file.stderr
    assert "Traceback" not in needs_file.stderr


def test_a_restore_is_refused_while_another_program_is_connected(register, tmp_path) -> None:
    add_record(register, "ร้านหนึ่ง")
    dump = server.dump(register, tmp_path)
    add_record(register, "ร้านสอง")  # this program keeps its connection: another clerk's PC
    with pytest.raises(UserError, match="other program"):
        server.restore_dump(db_of(register), dump)
    assert names(register) == ["ร้านหนึ่ง", "ร้านสอง"]


def test_without_the_servers_tools_the_command_says_how(register, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(server, "_candidates", lambda name, major: [])
    with pytest.raises(UserError) as caught:
        server.dump(register, tmp_path)
    told = caught.value.message_en
    assert "No pg_dump of PostgreSQL" in told and "postgresql-client-" in told
    assert "on the server machine" in told
    assert list(tmp_path.iterdir()) == []
