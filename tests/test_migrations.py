"""Schema migrations: from nothing, from the first schema with data in it, and refusal of a
register made by a newer program."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from otop_desktop.database import Register, current_revision, head_revision, make_engine, upgrade
from otop_desktop.errors import UserError
from otop_desktop.models import Base
from otop_desktop.register_check import search_problems
from otop_desktop.search import POSITION_GAP, coded, search_mask, search_words
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    ProductFilter,
    list_entrepreneurs,
    list_products,
)
from otop_desktop.services.products import ProductInput, create_product
from tests.conftest import ON_POSTGRESQL, new_id, person

FIRST = "0001"


def test_an_empty_file_is_brought_to_the_head_and_matches_the_models(tmp_path) -> None:
    engine = make_engine(tmp_path / "new.sqlite3")
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda obj, name, kind, *_: (
                    not (kind == "table" and "_fts" in (name or ""))
                ),
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_a_register_of_the_first_schema_is_upgraded_on_open_with_its_data(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    upgrade(engine, FIRST)
    ident = new_id()
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, kind, province_code, district_code, name, officer_name,"
                " officer_position, signing_private_key, signing_public_key, created_at)"
                " VALUES (1, 'district', '50', '5013', 'สพอ.สันกำแพง', '', '', :k, :p, :now)"
            ),
            {"k": b"\0" * 32, "p": "00" * 32, "now": "2024-01-01 00:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO entrepreneurs (id, reg_no, district_code, producer_type, name,"
                " contact_name, national_id, house_no, subdistrict_code, phone, status,"
                " status_reason, registered_on, previous_reg_no, next_product_seq, created_at,"
                " updated_at) VALUES (1, '5013-2560-0001', '5013', 2, 'ร้านร่มบ่อสร้าง', 'นายดี',"
                " :ident, '1', '501302', '', 'active', '', :d, '', 2, :now, :now)"
            ),
            {"ident": ident, "d": date(2017, 1, 1), "now": "2024-01-01 00:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO products (id, entrepreneur_id, code, name, category, price, unit,"
                " current_stars, created_at, updated_at) VALUES (1, 1, '5013-2560-0001-P01',"
                " 'ร่มกระดาษสา', 4, 35000, 'คัน', 0, :now, :now)"
            ),
            {"now": "2024-01-01 00:00:00"},
        )
    engine.dispose()

    with Register.open(path) as register:
        assert current_revision(register.engine) == head_revision()
        with register.read() as s:
            # The search index was built for rows that existed before it.
            found = list_entrepreneurs(s, EntrepreneurFilter(query="กระดาษสา"))
            assert [r.reg_no for r in found] == ["5013-2560-0001"]
            # ... and so were the character masks that short queries test.
            found = list_entrepreneurs(s, EntrepreneurFilter(query="ร่"))
            assert [r.reg_no for r in found] == ["5013-2560-0001"]
            (product,) = list_products(s, ProductFilter(query="ร้านร่ม"))
            assert str(product.price) == "350.00"
            # ... and rebuilt with the forgiving key (0008): tone marks left out.
            found = list_entrepreneurs(s, EntrepreneurFilter(query="รมบอสราง"))
            assert [r.reg_no for r in found] == ["5013-2560-0001"]
            assert search_problems(s) == []


def test_a_register_from_a_newer_program_is_refused_untouched(tmp_path) -> None:
    path = tmp_path / "future.sqlite3"
    engine = make_engine(path)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(UserError, match="newer version"):
        Register.open(path)


def test_other_databases_are_not_migrated(tmp_path) -> None:
    path = tmp_path / "other.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (x)"))
    engine.dispose()
    with pytest.raises(UserError, match="not an OTOP register"):
        Register.open(path)
    engine = make_engine(path)
    assert current_revision(engine) is None
    engine.dispose()


def test_downgrade_to_the_first_schema_and_back(tmp_path) -> None:
    from alembic import command

    from otop_desktop.database import alembic_config

    engine = make_engine(tmp_path / "roundtrip.sqlite3")
    upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), FIRST)
    assert current_revision(engine) == FIRST
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


_VERSIONS = Path(__file__).parents[1] / "db" / "versions"


def _migration_source(name: str) -> str:
    return (_VERSIONS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["0002_search_index.py", "0004_search_mask.py", "0008_search_key.py"]
)
def test_search_migrations_do_not_change_with_the_programs_search(name) -> None:
    # They carry frozen copies of the functions they need: a later change of the search key
    # brings a migration of its own, and these keep writing what they always wrote.
    imports = [
        line
        for line in _migration_source(name).splitlines()
        if line.startswith(("from ", "import ")) and "otop_desktop" in line
    ]
    assert imports == []


# SQLite-only: what 0008 rebuilds and 0007 restores is SQLite's own FTS5 index.
@pytest.mark.sqlite_only
def test_0008_rebuilds_the_search_data_and_going_back_to_0007_restores_it(register) -> None:
    from alembic import command

    from otop_desktop.database import alembic_config

    with register.write() as s:
        owner = create_entrepreneur(s, person(name="กลุ่มทอผ้าบ้านแม่วาง"))
        create_product(s, owner.id, ProductInput("ผ้าซิ่นตีนจก", 3, "1200", "ผืน"))
    engine = register.engine
    keyed = _search_data(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0007")
    # Back to the documents of 0002, tone marks kept, and their masks.
    old = [
        "กลุ่มทอผ้าบ้านแม่วาง\nนางแก้ว ใจดี\n5013-2567-0001\nผ้าซิ่นตีนจก",
        "ผ้าซิ่นตีนจก\n5013-2567-0001-p01\nกลุ่มทอผ้าบ้านแม่วาง",
    ]
    assert _search_data(engine) == [(doc, search_mask(doc)) for doc in old]
    assert _fts_hits(engine, "ซิ่นตีน") == [(1,)] and _fts_hits(engine, "ซินตีน") == []
    upgrade(engine)
    assert _search_data(engine) == keyed
    assert keyed[1][0] == (
        f"{coded('ผาซินตีนจก')}\n5013-2567-0001-p01\n{coded('กลุมทอผาบานเเมวาง')}"
        "\nผ้าซิ่นตีนจก\n5013-2567-0001-p01\nกลุ่มทอผ้าบ้านแม่วาง"
    )
    # At the head the index is keyed by the row's place in the list's order (0011).
    assert _fts_hits(engine, coded("ซินตีน")) == _fts_hits(engine, "ซิ่นตีน") == [(POSITION_GAP,)]
    with register.read() as s:
        assert search_problems(s) == []  # documents, masks and the trigram index agree
        assert [r.name for r in list_entrepreneurs(s, EntrepreneurFilter(query="ทอผา"))] == [
            "กลุ่มทอผ้าบ้านแม่วาง"
        ]
        assert [r.name for r in list_products(s, ProductFilter(query="แม่วัง"))] == []
        assert [r.name for r in list_products(s, ProductFilter(query="แมวาง"))] == ["ผ้าซิ่นตีนจก"]


def _search_data(engine) -> list[tuple[str, int | None]]:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT search_text, search_mask FROM entrepreneurs UNION ALL"
            " SELECT search_text, search_mask FROM products"
        ).all()


def _fts_hits(engine, phrase: str) -> list[tuple[int]]:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT rowid FROM products_fts WHERE products_fts MATCH ?", (f'"{phrase}"',)
        ).all()


def test_another_programs_database_is_refused_without_a_byte_changed(tmp_path) -> None:
    path = tmp_path / "accounts.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE ledger (x)")
    con.execute("INSERT INTO ledger VALUES (1)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="not an OTOP register"):
        Register.open(path)
    # Not even switched to WAL (header bytes 18-19), and no -wal or -shm left beside it.
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.db"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="otop_search_words is PostgreSQL's (0018)")
def test_the_servers_search_words_are_the_programs(register) -> None:
    # The column the server computes (0018) and the text the program looks up in it must
    # agree letter for letter, or a search misses. Every coded letter, its neighbours outside
    # the block, the Thai block itself, letters whose UTF-8 shares bytes with the moved ones
    # (U+E0B8, U+EE80, U+0EE8, U+4E00) and a text of every kind at once.
    texts = [
        "".join(map(chr, range(0xE000, 0xE080))),
        "\u0dff\ue080\ue0ff\uefff\uf000\ud7ff",
        "".join(map(chr, range(0x0E00, 0x0E80))),
        "\ue0b8\uee80\uee81\u0ee8\u3e80\u4e00\u4eff",
        "ก\ue001ข 12 abc\\ee80 e0b8\ue041\n\U0001f600ee81",
        # Runs of what is not a letter there: one space each, also at the ends.
        "-1001-25--p01\n\n(ABC) Zé ß\u0e2f.\u0e46 \t/%_\\x",
        "",
    ]
    with register.read() as s:
        for t in texts:
            server = s.execute(text("SELECT otop_search_words(:t)"), {"t": t}).scalar_one()
            assert server == search_words(t)
        assert s.execute(text("SELECT otop_search_words(NULL)")).scalar_one() is None
    # The two blocks do not overlap, and neither holds what a document already had.
    assert set(search_words(texts[0])).isdisjoint(search_words(texts[2]))
    assert set(search_words(texts[0] + texts[2])) == set(map(chr, range(0x4E00, 0x4F00)))
    assert search_words(texts[5]) == " 1001 25 p01 \u4eaf \u4ec6 x"


def _closing_steps(path: Path, closings: int) -> int:
    """SQLite's steps for one more history entry of a closed business, once the register's
    history holds ``closings`` closings of other businesses."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        # The look-up runs whether or not the businesses are there: none are made.
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO status_changes (entrepreneur_id, changed_on, status, reason)"
            " VALUES (?, '2566-01-01', 'closed', '')",
            [(1000 + n,) for n in range(closings)],
        )
        steps = 0

        def step() -> int:
            nonlocal steps
            steps += 1
            return 0

        con.set_progress_handler(step, 1)
        con.execute(
            "INSERT INTO status_changes (entrepreneur_id, changed_on, status, reason)"
            " VALUES (1, '2567-01-01', 'closed', '')"
        )
        con.set_progress_handler(None, 1)
        con.execute("ROLLBACK")
        return steps
    finally:
        con.close()


# SQLite-only: the triggers of 0013 and 0017 are SQLite's.
@pytest.mark.sqlite_only
def test_0017_a_closing_reads_its_own_business_entries_only(tmp_path) -> None:
    path = tmp_path / "r.sqlite3"
    Register.open(path, create=True).close()
    few, many = _closing_steps(path, 10), _closing_steps(path, 2_000)
    # Before 0017 each closing read every closing entry of the register: 12,304 steps
    # beside 364.
    assert many < few + 100
