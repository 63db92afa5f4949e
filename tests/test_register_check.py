"""``check``: SQLite's own checks and the register's rules, each problem named in Thai and
English; a sound register (the demo's too) has none."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Entrepreneur
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.register_check import check_register, quick_check, thai_search_warning
from otop_desktop.search import search_mask
from otop_desktop.services.entrepreneurs import refresh_search
from otop_desktop.services.office import init_register
from otop_desktop.submission.export import export_monthly
from tests.conftest import add_record, tamper
from tests.data.legacy.files import good_rows, write_xlsx
from tests.test_submission_export import OCT, fill


def messages(register: Register) -> str:
    return "\n".join(p.one_line() for p in check_register(register))


def test_a_sound_register_has_no_problems(register, tmp_path) -> None:
    fill(register)
    with register.write() as session:  # fill() sets contact names behind the services' back
        for entrepreneur in session.scalars(select(Entrepreneur)):
            refresh_search(entrepreneur)
            entrepreneur.search_mask = search_mask(entrepreneur.search_text)
    export_monthly(register, OCT, tmp_path / "out", user="นางสาวส่ง")
    assert check_register(register) == []
    assert quick_check(register) == []


def test_the_demo_register_is_sound(register) -> None:
    generate(register, "district", seed=3, until=OCT)
    assert check_register(register) == []


def test_a_counter_behind_the_numbers_in_use_is_named(register) -> None:
    number = add_record(register, "ร้านหนึ่ง")
    tamper(
        register, "UPDATE counters SET value = 0", "UPDATE entrepreneurs SET next_product_seq = 1"
    )
    found = messages(register)
    assert f"but {number} is in use" in found and "ตัวนับเลข" in found
    assert f"{number}'s next product number is 1 but {number}-P01 exists" in found


def test_search_data_out_of_step_with_the_rows_is_named(register) -> None:
    number = add_record(register, "ร้านหนึ่ง")
    tamper(register, "UPDATE entrepreneurs SET search_mask = 0")
    assert f"The search data of {number} does not match" in messages(register)


# SQLite's FTS5 index; on a server the trigram index is the server's, kept by it.
@pytest.mark.sqlite_only
def test_a_damaged_search_index_is_named(register) -> None:
    add_record(register, "ร้านหนึ่ง")
    # Rows written with the index's triggers gone: the index no longer has them.
    tamper(
        register,
        "DROP TRIGGER entrepreneurs_fts_au",
        "UPDATE entrepreneurs SET search_text = 'ใหม่'",
    )
    assert "The search index of entrepreneurs does not match its rows" in messages(register)


# Foreign keys switched off behind the program's back: a server enforces them always.
@pytest.mark.sqlite_only
def test_sales_of_a_product_that_is_gone_are_named(register) -> None:
    ids = fill(register)
    tamper(register, "DELETE FROM products")
    found = messages(register)
    assert "refers to a missing products row" in found
    assert ids  # fill() made sales per product


def test_a_month_locked_without_its_export_is_named(register, tmp_path) -> None:
    fill(register)
    export_monthly(register, OCT, tmp_path / "out", user="นางสาวส่ง")
    tamper(register, "UPDATE period_locks SET export_id = NULL")
    assert f"Month 5013 {OCT.key} is locked as sent but has no export record" in messages(register)


# A bad sector in the file: a server guards its own pages (and checks them itself).
@pytest.mark.sqlite_only
def test_a_damaged_file_is_found_by_the_quick_check_at_start(register) -> None:
    for i in range(200):
        add_record(register, f"ร้านค้าชุมชนแห่งที่ {i}")
    damage_a_page_of(Path(tamper(register)), "products")
    register.engine.dispose()  # the next connection reads the disk, not a page cache
    assert quick_check(register)
    assert check_register(register)


def damage_a_page_of(db: Path, table: str) -> None:
    """A bad sector on one page of ``table``: the file still opens, integrity_check fails."""
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = ?", (table,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * 16)


@pytest.mark.sqlite_only  # a damaged file, as above
def test_no_legacy_import_into_a_damaged_register(register, tmp_path) -> None:
    for i in range(200):
        add_record(register, f"ร้านค้าชุมชนแห่งที่ {i}")
    db = Path(register.engine.url.database)
    register.close()
    damage_a_page_of(db, "products")
    path = write_xlsx(tmp_path / "old.xlsx", good_rows())
    done = subprocess.run(
        [sys.executable, "-m", "otop_desktop", "import", "legacy", "--db", str(db), str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    assert "The register is damaged, so nothing was imported" in done.stderr
    assert "Traceback" not in done.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM entrepreneurs").fetchone()[0] == 200


def test_the_check_command(register, tmp_path) -> None:
    add_record(register, "ร้านหนึ่ง")
    db = tamper(register, "UPDATE counters SET value = 0")
    register.close()
    # Another PC: no number floors there to put the counter right as the register opens.
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "other-pc")}
    command = [sys.executable, "-m", "otop_desktop", "check", "--db", db]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "ตัวนับเลข" in done.stderr and "Traceback" not in done.stderr
    # Here, the floors kept outside the register raise the counter again when it opens.
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0 and "sound" in done.stdout


# SQLite's own count of changes to the file; the check reads in a read-only unit of work
# (register.read) on either engine.
@pytest.mark.sqlite_only
@pytest.mark.parametrize("quick", [True, False])
def test_checks_only_read(register, quick) -> None:
    add_record(register, "ร้านหนึ่ง")
    db = Path(register.engine.url.database)
    with closing(sqlite3.connect(db)) as conn:
        before = conn.execute("SELECT total_changes()").fetchone()
        data_version = conn.execute("PRAGMA data_version").fetchone()
        (quick_check if quick else check_register)(register)
        assert conn.execute("PRAGMA data_version").fetchone() == data_version
        assert conn.execute("SELECT total_changes()").fetchone() == before


def test_thai_search_is_indexed_on_the_test_runs_database(register) -> None:
    assert thai_search_warning(register) is None  # SQLite, or a server's C.UTF-8 database


def test_a_server_database_whose_locale_has_no_thai_letters_is_warned_of(
    pg_server, tmp_path
) -> None:
    name = f"otop_ctype_c_{os.getpid()}"
    with pg_server.connect() as conn:
        conn.execute(
            text(f"CREATE DATABASE \"{name}\" LC_CTYPE 'C' LC_COLLATE 'C' TEMPLATE template0")
        )
    try:
        db = pg_server.url.set(database=name).render_as_string(hide_password=False)
        with init_register(db, OfficeKind.DISTRICT, "5013") as register:
            warning = thai_search_warning(register)
        assert warning is not None
        assert f"The database {name} has the character locale (LC_CTYPE) C" in warning.en
        assert "LOCALE 'C.UTF-8' TEMPLATE template0" in warning.en and "อักษรไทย" in warning.th
        # init says so and still succeeds (the register works, only slower).
        done = subprocess.run(
            [sys.executable, "-m", "otop_desktop", "init", "--db", db, "--district", "5013"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert "LC_CTYPE" in done.stderr
    finally:
        with pg_server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
