"""Tests for otop_desktop.demo: the Chiang Mai figures, districts equal to their share of the
province, determinism, refusals, and the nation scale at a reduced size."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import geothai
import pytest
from sqlalchemy import func, select, text

from otop_desktop.database import Register
from otop_desktop.demo import generate, generator
from otop_desktop.demo.apportion import apportion
from otop_desktop.demo.crafts import CHIANG_MAI, GENERIC_CRAFTS
from otop_desktop.demo.district import MAX_PRODUCTS, District
from otop_desktop.demo.plan import nation_plan, province_plan
from otop_desktop.domain import Category, Industry, OfficeKind, SkillLevel
from otop_desktop.errors import UserError
from otop_desktop.models import Entrepreneur, Product
from otop_desktop.search import LIST_ORDER, POSITION_GAP, fts_phrase, search_mask
from otop_desktop.services import status_history
from otop_desktop.services.numbers import allocate_reg_no, registration_counter
from otop_desktop.services.office import init_register
from otop_desktop.textnorm import normalize
from otop_desktop.thaiformat import Period
from otop_desktop.thaiid import is_valid_thai_id

UNTIL = Period(2568, 9)
SALES_2565_SATANG = 1_377_305_566_800
DEMO_TABLES = (
    "entrepreneurs",
    "status_changes",
    "products",
    "star_ratings",
    "product_standards",
    "digital_readiness",
    "sales",
    "households",
    "household_skills",
    "trainings",
    "training_participants",
    "grants",
    "counters",
)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Chiang Mai at province scale, generated once for the module."""
    path = tmp_path_factory.mktemp("province") / "r.sqlite3"
    register = init_register(path, OfficeKind.PROVINCE, "50")
    try:
        generate(register, "province", seed=1, until=UNTIL)
    finally:
        register.close()
    return path


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql, params).fetchall()


def _digest(path: Path) -> str:
    """The demo tables' contents, in row order, without the timestamps."""
    h = hashlib.sha256()
    with sqlite3.connect(path) as con:
        for table in DEMO_TABLES:
            columns = [
                row[1]
                for row in con.execute(f"PRAGMA table_info({table})")
                if row[1] not in ("created_at", "updated_at")
            ]
            h.update(table.encode())
            for row in con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"):
                h.update(repr(row).encode())
    return h.hexdigest()


# --- the Chiang Mai figures -----------------------------------------------------------


def test_province_reproduces_chiang_mai_figures(province: Path) -> None:
    assert _query(province, "SELECT count(*) FROM entrepreneurs") == [(2475,)]
    assert _query(province, "SELECT count(*) FROM products") == [(7324,)]
    total = _query(province, "SELECT sum(amount) FROM sales WHERE period BETWEEN 256501 AND 256512")
    assert total == [(SALES_2565_SATANG,)]
    per_district = dict(
        _query(province, "SELECT district_code, count(*) FROM entrepreneurs GROUP BY 1")
    )
    assert set(per_district) == {d.code for d in geothai.districts("50")}


def test_province_categories_in_chiang_mai_order(province: Path) -> None:
    counts = dict(_query(province, "SELECT category, count(*) FROM products GROUP BY 1"))
    order = sorted(counts, key=counts.__getitem__, reverse=True)
    assert order == [
        Category.TEXTILE,
        Category.UTENSIL,
        Category.FOOD,
        Category.BEVERAGE,
        Category.HERBAL,
    ]


def test_registration_numbers_follow_date_order_and_counters(province: Path) -> None:
    rows = _query(
        province, "SELECT district_code, reg_no, registered_on FROM entrepreneurs ORDER BY id"
    )
    last: dict[tuple[str, int], tuple[int, str]] = {}
    for district, reg_no, registered_on in rows:
        day = date.fromisoformat(registered_on)
        assert date(2003, 1, 1) <= day <= date(2021, 12, 31)
        year_be = day.year + 543
        assert re.fullmatch(rf"{district}-{year_be}-\d{{4}}", reg_no)
        seq = int(reg_no[-4:])
        previous_seq, previous_day = last.get((district, year_be), (0, ""))
        assert seq == previous_seq + 1
        assert registered_on >= previous_day
        last[(district, year_be)] = (seq, registered_on)
    counters = dict(_query(province, "SELECT name, value FROM counters WHERE name LIKE 'reg:%'"))
    assert counters == {registration_counter(d, y): seq for (d, y), (seq, _) in last.items()}


class _Rollback(Exception):
    pass


def test_a_later_registration_does_not_reuse_a_demo_number(province: Path) -> None:
    register = Register.open(province)
    try:
        with register.read() as session:
            last = session.scalar(
                select(func.max(Entrepreneur.reg_no)).where(Entrepreneur.reg_no.like("5013-2550-%"))
            )
        assert last is not None
        # Rolled back, so that the module's register stays as generated.
        with pytest.raises(_Rollback), register.write() as session:
            assert allocate_reg_no(session, "5013", 2550) == f"5013-2550-{int(last[-4:]) + 1:04d}"
            raise _Rollback
    finally:
        register.close()


def test_producers_are_plausible(province: Path) -> None:
    rows = _query(
        province,
        "SELECT producer_type, name, contact_name, national_id, subdistrict_code, district_code,"
        " moo, phone, member_count, house_no FROM entrepreneurs",
    )
    ids = [r[3] for r in rows]
    assert len(set(ids)) == len(ids)
    for ptype, name, contact, national_id, sub, district, moo, phone, members, house in rows:
        assert is_valid_thai_id(national_id)
        assert geothai.subdistrict(sub).district_code == district
        assert 1 <= moo <= 15
        assert re.fullmatch(r"0[89]\d{8}", phone)
        assert re.fullmatch(r"\d+(/\d)?", house)
        assert re.match(r"(นาย|นาง|นางสาว)\S+ \S+$", contact)
        if ptype == 1:
            assert 7 <= members <= 60
            assert name.startswith(("กลุ่ม", "วิสาหกิจชุมชน"))
        else:
            assert members is None
        if ptype == 3:
            assert national_id.startswith("050")
            assert name.startswith(("บริษัท ", "ห้างหุ้นส่วนจำกัด "))
        else:
            assert national_id[0] in "13"
    assert {r[0] for r in rows} == {1, 2, 3}


def test_products_are_numbered_per_producer(province: Path) -> None:
    rows = _query(
        province,
        "SELECT e.reg_no, e.next_product_seq, count(p.id), group_concat(p.code) "
        "FROM entrepreneurs e JOIN products p ON p.entrepreneur_id = e.id GROUP BY e.id",
    )
    assert len(rows) == 2475
    for reg_no, next_seq, count, codes in rows:
        assert 1 <= count <= MAX_PRODUCTS
        assert next_seq == count + 1
        assert sorted(codes.split(",")) == [f"{reg_no}-P{i:02d}" for i in range(1, count + 1)]


def test_star_ratings_and_standards(province: Path) -> None:
    latest = _query(
        province,
        "SELECT p.current_stars, p.current_star_year, r.stars, r.year_be FROM products p "
        "JOIN star_ratings r ON r.product_id = p.id AND r.year_be = "
        "(SELECT max(year_be) FROM star_ratings WHERE product_id = p.id)",
    )
    rated = _query(province, "SELECT count(*) FROM products WHERE current_stars > 0")[0][0]
    assert 0 < len(latest) == rated < 7324 / 2
    assert all(stars == s and year == y for stars, year, s, y in latest)
    assert {y for *_, y in latest} <= {2562, 2565, 2567}
    standards = dict(
        _query(province, "SELECT standard, count(*) FROM product_standards GROUP BY 1")
    )
    assert standards["มผช."] > standards["อย."] > standards["GMP"] > 0
    food_fda = _query(
        province,
        "SELECT count(*) FROM product_standards s JOIN products p ON p.id = s.product_id "
        "WHERE s.standard = 'อย.' AND p.category NOT IN (1, 2, 5)",
    )
    assert food_fda == [(0,)]


def test_sales_rows_are_consistent(province: Path) -> None:
    both = _query(
        province,
        "SELECT entrepreneur_id, period FROM sales GROUP BY 1, 2 "
        "HAVING sum(product_id IS NULL) > 0 AND sum(product_id IS NOT NULL) > 0",
    )
    assert both == []
    assert _query(province, "SELECT count(*) FROM sales WHERE online_amount > amount") == [(0,)]
    periods = [p for (p,) in _query(province, "SELECT DISTINCT period FROM sales ORDER BY 1")]
    assert periods == [p.key for p in Period.range(Period(2565, 1), UNTIL)]
    after_stop = _query(
        province,
        "SELECT count(*) FROM sales s JOIN entrepreneurs e ON e.id = s.entrepreneur_id "
        "WHERE e.status_date IS NOT NULL AND s.period > "
        "CAST(strftime('%Y', e.status_date) AS INTEGER) * 100 + 54300 "
        "+ CAST(strftime('%m', e.status_date) AS INTEGER)",
    )
    assert after_stop == [(0,)]
    whole = _query(
        province, "SELECT count(DISTINCT entrepreneur_id) FROM sales WHERE product_id IS NULL"
    )
    assert 0.35 < whole[0][0] / 2475 < 0.65
    # Chiang Mai's cool season sells more than the rains.
    month = dict(
        _query(
            province,
            "SELECT period % 100, sum(amount) FROM sales WHERE period / 100 = 2565 GROUP BY 1",
        )
    )
    assert month[12] > month[7] and month[1] > month[6]


def test_statuses_start_after_2565(province: Path) -> None:
    rows = _query(province, "SELECT status, status_reason, status_date FROM entrepreneurs")
    stopped = [r for r in rows if r[0] != "active"]
    assert 0 < len(stopped) < len(rows) / 4
    for status, reason, day in stopped:
        assert status in ("suspended", "closed")
        assert reason
        assert date(2023, 1, 1) <= date.fromisoformat(day) <= UNTIL.last_day
    assert all(r[2] is None and r[1] == "" for r in rows if r[0] == "active")


def test_status_history_ends_in_each_business_status(province: Path) -> None:
    """Each business's history starts with its registration and ends in its status; the
    COVID-19 suspensions of 2563 show, each reopened before the business's later stop."""
    history: dict[int, list[tuple[str, str, str]]] = {}
    for eid, day, status, reason in _query(
        province,
        "SELECT entrepreneur_id, changed_on, status, reason FROM status_changes "
        "ORDER BY entrepreneur_id, changed_on, id",
    ):
        history.setdefault(eid, []).append((day, status, reason))
    records = _query(province, "SELECT id, registered_on, status, status_date FROM entrepreneurs")
    assert len(history) == len(records)
    for eid, registered_on, status, status_date in records:
        entries = history[eid]
        assert entries[0] == (registered_on, "active", "")
        assert entries[-1][1] == status
        if status_date is not None:
            assert entries[-1][0] == status_date
    covid = [e for entries in history.values() for e in entries[1:] if e[0].startswith("2020-")]
    assert covid
    assert all(e[1] == "suspended" and "COVID-19" in e[2] for e in covid)
    register = Register.open(province)
    try:
        with register.write() as session:
            # Nothing for the services' catch-up to add: the demo wrote the whole history.
            assert status_history.catch_up(session) == 0
            session.rollback()
    finally:
        register.close()


def test_list_positions_follow_registration_numbers_and_codes(province: Path) -> None:
    """The demo numbers the rows' places in list order itself, as bulk_load would."""
    for table, key in LIST_ORDER.items():
        rows = _query(province, f"SELECT search_pos FROM {table} ORDER BY {key}")
        assert [pos for (pos,) in rows] == [n * POSITION_GAP for n in range(1, len(rows) + 1)]


def test_ofos_households_and_support(province: Path) -> None:
    subdistricts = {s.code for d in geothai.districts("50") for s in geothai.subdistricts(d.code)}
    households = _query(province, "SELECT code, subdistrict_code, moo FROM households")
    assert {h[1] for h in households} == subdistricts
    for code, sub, moo in households:
        assert code.startswith(f"{sub}-{moo:02d}-")
    skills = _query(province, "SELECT DISTINCT industry, level FROM household_skills")
    assert {i for i, _ in skills} <= {i.value for i in Industry}
    assert {level for _, level in skills} == {level.value for level in SkillLevel}
    no_skill = _query(
        province,
        "SELECT count(*) FROM households h WHERE NOT EXISTS "
        "(SELECT 1 FROM household_skills s WHERE s.household_id = h.id)",
    )
    assert no_skill[0][0] > 0
    other_district = _query(
        province,
        "SELECT count(*) FROM training_participants tp "
        "JOIN entrepreneurs e ON e.id = tp.entrepreneur_id "
        "JOIN training_participants first ON first.training_id = tp.training_id "
        "JOIN entrepreneurs e1 ON e1.id = first.entrepreneur_id "
        "WHERE e.district_code <> e1.district_code",
    )
    assert other_district == [(0,)]
    assert _query(province, "SELECT min(held_on) >= '2022-01-01' FROM trainings") == [(1,)]
    assert _query(province, "SELECT count(*) > 0 FROM grants") == [(1,)]
    assert _query(province, "SELECT count(*) FROM digital_readiness")[0][0] > 2475 * 0.7


def test_masks_are_their_documents_and_the_index_is_whole(province: Path) -> None:
    # The generator works a mask out from the document's fields (district._mask).
    for table in LIST_ORDER:
        rows = _query(province, f"SELECT search_text, search_mask FROM {table}")
        assert rows and all(mask == search_mask(doc) for doc, mask in rows), table
        # Rebuilt with a larger hash of pending terms, which is gone again.
        _query(province, f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')")
        assert _query(province, f"SELECT k FROM {table}_fts_config") == [("version",)]


def test_orm_reads_demo_rows_and_search_finds_them(province: Path) -> None:
    register = Register.open(province)
    try:
        with register.read() as session:
            product = session.get(Product, 1)
            assert product is not None
            assert isinstance(product.price, Decimal) and product.price > 0
            assert product.created_at.tzinfo is not None
            entrepreneur = product.entrepreneur
            assert entrepreneur.registered_on.year <= 2021
            assert product.name in entrepreneur.search_text
            hits = session.connection().exec_driver_sql(
                "SELECT count(*) FROM products_fts WHERE products_fts MATCH ?",
                (fts_phrase(normalize("ผ้าซิ่นตีนจก")),),
            )
            assert hits.scalar_one() > 0
    finally:
        register.close()


# --- a district is its share of the province --------------------------------------------


def _district_content(path: Path, district: str) -> dict[str, list[tuple]]:
    """What a district's demo holds, keyed by codes instead of row ids."""
    return {
        "entrepreneurs": _query(
            path,
            "SELECT reg_no, producer_type, name, contact_name, national_id, house_no, moo, "
            "subdistrict_code, phone, member_count, status, status_reason, status_date, "
            "registered_on, next_product_seq, search_text FROM entrepreneurs "
            "WHERE district_code = ? ORDER BY reg_no",
            district,
        ),
        "products": _query(
            path,
            "SELECT p.code, p.name, p.category, p.price, p.unit, p.soft_power, p.current_stars,"
            " p.current_star_year, p.search_text FROM products p JOIN entrepreneurs e "
            "ON e.id = p.entrepreneur_id WHERE e.district_code = ? ORDER BY p.code",
            district,
        ),
        "sales": _query(
            path,
            "SELECT e.reg_no, s.period, p.code, s.amount, s.online_amount FROM sales s "
            "JOIN entrepreneurs e ON e.id = s.entrepreneur_id "
            "LEFT JOIN products p ON p.id = s.product_id WHERE e.district_code = ? "
            "ORDER BY 1, 2, 3",
            district,
        ),
        "households": _query(
            path,
            "SELECT h.code, h.house_no, h.head_name, h.member_count, h.surveyed_on, "
            "group_concat(s.skill || '/' || s.level, ';') FROM households h "
            "LEFT JOIN household_skills s ON s.household_id = h.id "
            "WHERE substr(h.subdistrict_code, 1, 4) = ? GROUP BY h.id ORDER BY h.code",
            district,
        ),
        "trainings": _query(
            path,
            "SELECT t.held_on, t.topic, t.budget, group_concat(e.reg_no) FROM trainings t "
            "JOIN training_participants tp ON tp.training_id = t.id "
            "JOIN entrepreneurs e ON e.id = tp.entrepreneur_id WHERE e.district_code = ? "
            "GROUP BY t.id ORDER BY 1, 2, 4",
            district,
        ),
        "grants": _query(
            path,
            "SELECT e.reg_no, g.granted_on, g.amount, g.purpose FROM grants g "
            "JOIN entrepreneurs e ON e.id = g.entrepreneur_id WHERE e.district_code = ? "
            "ORDER BY 1, 2, 3",
            district,
        ),
        "counters": _query(
            path,
            "SELECT name, value FROM counters WHERE name LIKE ? OR name LIKE ? ORDER BY 1",
            f"reg:{district}:%",
            f"hh:{district}%",
        ),
    }


def test_district_equals_its_share_of_the_province(province: Path, tmp_path: Path) -> None:
    register = init_register(tmp_path / "r.sqlite3", OfficeKind.DISTRICT, "5013")
    try:
        summary = generate(register, "district", seed=1, until=UNTIL)
    finally:
        register.close()
    district = _district_content(tmp_path / "r.sqlite3", "5013")
    expected = _district_content(province, "5013")
    assert summary.entrepreneurs == len(expected["entrepreneurs"]) > 0
    for table, rows in expected.items():
        assert rows, table
        assert district[table] == rows, table
    sales_2565 = _query(
        tmp_path / "r.sqlite3", "SELECT sum(amount) FROM sales WHERE period / 100 = 2565"
    )[0][0]
    assert sales_2565 == sum(r[3] for r in expected["sales"] if r[1] // 100 == 2565)


# --- determinism ----------------------------------------------------------------------


def _district_digest(path: Path, seed: int) -> str:
    register = init_register(path, OfficeKind.DISTRICT, "5020")
    try:
        generate(register, "district", seed=seed, until=UNTIL)
    finally:
        register.close()
    return _digest(path)


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    first = _district_digest(tmp_path / "a.sqlite3", seed=7)
    assert _district_digest(tmp_path / "b.sqlite3", seed=7) == first
    assert _district_digest(tmp_path / "c.sqlite3", seed=8) != first


# --- refusals -------------------------------------------------------------------------


def _count(path: Path, table: str) -> int:
    return _query(path, f"SELECT count(*) FROM {table}")[0][0]


@pytest.mark.parametrize(
    ("kind", "code", "scale"),
    [
        (OfficeKind.PROVINCE, "50", "district"),
        (OfficeKind.DISTRICT, "5013", "province"),
        (OfficeKind.PROVINCE, "50", "nation"),
        (OfficeKind.NATION, None, "province"),
    ],
)
def test_scale_must_match_theinit_register(
    tmp_path: Path, kind: OfficeKind, code: str | None, scale: str
) -> None:
    register = init_register(tmp_path / "r.sqlite3", kind, code)
    try:
        with pytest.raises(UserError) as info:
            generate(register, scale, until=UNTIL)
    finally:
        register.close()
    assert "ทะเบียนนี้เป็นทะเบียนระดับ" in info.value.message_th
    assert scale in info.value.message_en
    assert _count(tmp_path / "r.sqlite3", "entrepreneurs") == 0


def test_unknown_scale_and_early_month_are_refused(tmp_path: Path) -> None:
    register = init_register(tmp_path / "r.sqlite3", OfficeKind.DISTRICT, "5020")
    try:
        with pytest.raises(UserError, match="Unknown demo scale"):
            generate(register, "village", until=UNTIL)
        with pytest.raises(UserError) as info:
            generate(register, "district", until=Period(2564, 12))
        assert "2565-01" in info.value.message_th and "2564-12" in info.value.message_en
    finally:
        register.close()
    assert _count(tmp_path / "r.sqlite3", "entrepreneurs") == 0


def test_a_register_with_data_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    register = init_register(path, OfficeKind.DISTRICT, "5020")
    try:
        generate(register, "district", until=UNTIL)
        before = _digest(path)
        with pytest.raises(UserError) as info:
            generate(register, "district", seed=2, until=UNTIL)
    finally:
        register.close()
    assert "มีข้อมูลอยู่แล้ว" in info.value.message_th
    assert _digest(path) == before


def test_a_failure_half_way_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.sqlite3"
    register = init_register(path, OfficeKind.PROVINCE, "50")
    triggers = _triggers(path)
    # Small batches: several are written before the failure.
    monkeypatch.setattr(generator, "_BATCH_ROWS", 2_000)
    households = District._households

    def failing(self: District, *args: object) -> None:
        if self.q.district_code == "5005":
            raise RuntimeError("disk full")
        households(self, *args)

    monkeypatch.setattr(District, "_households", failing)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            generate(register, "province", until=UNTIL)
    finally:
        register.close()
    for table in DEMO_TABLES:
        assert _count(path, table) == 0, table
    # The triggers set aside for the load are back.
    assert _triggers(path) == triggers


KEPT_TABLES = (
    "sales_totals",
    "product_totals",
    "status_totals",
    "business_totals",
    "business_closures",
    "closed_products",
    "closed_businesses",
    "closed_standards",
    "closed_readiness",
    "standard_totals",
    "readiness_totals",
)


def _triggers(path: Path) -> list[tuple]:
    """The triggers and indexes, which the load sets aside."""
    return _query(
        path, "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY 1"
    )


def _kept(path: Path) -> dict[str, list[tuple]]:
    """The kept totals' tables without their empty rows (a number of 0, left by triggers
    that took a row's count away and put it back)."""
    kept = {}
    for table in KEPT_TABLES:
        rows = _query(path, f"SELECT * FROM {table}")
        kept[table] = sorted(row for row in rows if row[-1] != 0)
    return kept


def test_kept_totals_summed_at_the_end_equal_the_triggers(
    province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept totals the demo sums once after its load are those its triggers keep row by
    row, and the triggers are there again."""
    path = tmp_path / "r.sqlite3"
    register = init_register(path, OfficeKind.PROVINCE, "50")
    monkeypatch.setattr(generator, "totals_at_end", lambda connection: nullcontext())
    try:
        generate(register, "province", seed=1, until=UNTIL)
    finally:
        register.close()
    summed = _kept(province)
    assert all(summed.values())
    assert summed == _kept(path)
    assert _triggers(province) == _triggers(path)


def _constraints(register: Register) -> list[tuple]:
    """The schema's triggers and indexes (SQLite) or foreign keys and indexes (PostgreSQL),
    which the load sets aside."""
    with register.read() as session:
        if session.get_bind().dialect.name == "sqlite":
            sql = (
                "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY 1"
            )
        else:
            sql = (
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE contype = 'f' UNION ALL SELECT indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema() ORDER BY 1"
            )
        return [tuple(row) for row in session.execute(text(sql))]


def test_province_on_the_runs_engine(province_register: Register) -> None:
    """The seed figures on either engine, and the keys and triggers set aside for the load
    are back after it."""
    before = _constraints(province_register)
    assert before
    generate(province_register, "province", seed=1, until=UNTIL)
    with province_register.read() as session:
        assert session.scalar(select(func.count()).select_from(Entrepreneur)) == 2475
        assert session.scalar(select(func.count()).select_from(Product)) == 7324
        total = session.execute(
            text("SELECT sum(amount) FROM sales WHERE period BETWEEN 256501 AND 256512")
        ).scalar_one()
        assert int(total) == SALES_2565_SATANG
    assert _constraints(province_register) == before


# --- nation at a reduced size and other provinces ---------------------------------------


def test_nation_at_reduced_size(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    register = init_register(path, OfficeKind.NATION, None)
    try:
        summary = generate(register, "nation", until=UNTIL, nation_size=1_000)
    finally:
        register.close()
    assert (summary.entrepreneurs, summary.products) == (1_000, 3_000)
    assert summary.households == summary.trainings == summary.grants == 0
    periods = [p for (p,) in _query(path, "SELECT DISTINCT period FROM sales ORDER BY 1")]
    assert periods == [p.key for p in Period.range(Period(2567, 10), UNTIL)]
    assert (
        _count(path, "sales")
        == _query(path, "SELECT count(*) FROM sales WHERE product_id IS NULL")[0][0]
    )
    provinces = _query(
        path, "SELECT count(DISTINCT substr(district_code, 1, 2)) FROM entrepreneurs"
    )
    assert provinces == [(len(geothai.provinces()),)]


def test_nation_in_worker_processes_equals_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The nation's districts generated in worker processes give the same rows, ids and
    counters as generated in this one."""
    digests = []
    used = []
    parallel_batches = generator._parallel_batches

    def spied(*args: Any) -> Iterator[Any]:
        used.append(True)
        return parallel_batches(*args)

    monkeypatch.setattr(generator, "_parallel_batches", spied)
    for parallel_from in (10**9, 0):
        monkeypatch.setattr(generator, "_PARALLEL_FROM", parallel_from)
        # Several tasks of several districts each, in flight together.
        monkeypatch.setattr(generator, "_TASK_ENTREPRENEURS", 300)
        path = tmp_path / f"r{parallel_from}.sqlite3"
        register = init_register(path, OfficeKind.NATION, None)
        try:
            generate(register, "nation", until=UNTIL, nation_size=2_000)
        finally:
            register.close()
        digests.append(_digest(path))
    assert used == [True]
    assert digests[0] == digests[1]


def test_nation_plan_full_size() -> None:
    quotas = nation_plan()
    assert sum(q.entrepreneurs for q in quotas) == 200_000
    assert sum(q.products for q in quotas) == 600_000
    assert len(quotas) == sum(len(geothai.districts(p.code)) for p in geothai.provinces())
    assert all(q.products >= q.entrepreneurs for q in quotas)


def test_other_provinces_get_chiang_mai_averages_per_district() -> None:
    lamphun = province_plan("51")
    assert len(lamphun) == 8
    assert sum(q.entrepreneurs for q in lamphun) == round(2475 * 8 / 25)
    assert sum(q.products for q in lamphun) == round(7324 * 8 / 25)
    assert all(q.crafts == GENERIC_CRAFTS for q in lamphun)


# --- building blocks ------------------------------------------------------------------


def test_apportion_is_exact() -> None:
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    assert apportion(100, [0.5, 0.3, 0.2]) == [50, 30, 20]
    assert apportion(7, [5, 1, 1, 0], cap=3) == [3, 2, 2, 0]
    assert apportion(0, [0, 0]) == [0, 0]
    parts = apportion(SALES_2565_SATANG, [0.1 * i + 1e-6 for i in range(2475)])
    assert sum(parts) == SALES_2565_SATANG
    with pytest.raises(ValueError):
        apportion(10, [1, 1], cap=4)


def test_chiang_mai_profiles_match_geothai() -> None:
    assert set(CHIANG_MAI) == {d.code for d in geothai.districts("50")}
    crafts = {c for profile in CHIANG_MAI.values() for c, _ in profile.crafts}
    crafts |= {c for c, _ in GENERIC_CRAFTS}
    for craft in crafts:
        kinds = [(item.name, v) for item in craft.items for v in item.variants]
        assert len(set(kinds)) >= MAX_PRODUCTS, craft.work
        assert all(0 < item.low <= item.high for item in craft.items)
