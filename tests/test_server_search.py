"""PostgreSQL's trigram index answers the forgiving search (migration 0018): the search
documents' words, coded keys and typed Thai alike, have whole-word trigrams there, so a rare
text finds its few rows in the index instead of every row being read and tested."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.search import search_words
from otop_desktop.services import entrepreneurs, products
from otop_desktop.services.listing import ProductFilter, list_products
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput
from tests.conftest import ON_POSTGRESQL, person

pytestmark = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="the server's trigram index: the PostgreSQL pass runs it"
)

PRODUCERS = 40


def _fill(register: Register) -> None:
    with register.write() as s:
        for n in range(PRODUCERS):
            maker = entrepreneurs.create_entrepreneur(s, person(name=f"กลุ่มทอผ้าบ้านที่ {n}"))
            for name in ("ผ้าฝ้ายทอมือ", "ย่ามผ้าฝ้าย"):
                products.create_product(s, maker.id, ProductInput(name, 3, "250", "ผืน"))
        maker = entrepreneurs.create_entrepreneur(s, person(name="ร้านผ้าไหมแพรวา"))
        products.create_product(s, maker.id, ProductInput("ผ้าไหมแพรวาลายโบราณ", 3, "3500", "ผืน"))


@pytest.fixture
def weavers(register: Register) -> Register:
    _fill(register)
    return register


def _plans(register: Register, query: str, found: list[str]) -> Iterator[dict[str, Any]]:
    """The plan of each statement the products list runs for ``query``, as run (EXPLAIN
    ANALYZE), with sequential scans off so that a small table is read through its index."""
    seen: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    with register.read() as s:
        event.listen(register.engine, "before_cursor_execute", grab)
        try:
            rows = list_products(s, ProductFilter(query=query))
        finally:
            event.remove(register.engine, "before_cursor_execute", grab)
        assert sorted(row.name for row in rows) == sorted(found)
        conn = s.connection()
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_indexscan = off"))
        for statement, parameters in seen:
            explained = conn.exec_driver_sql(
                "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters
            ).scalar_one()
            yield explained[0]["Plan"]


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _lookups(register: Register, query: str, found: list[str], index: str) -> list[dict[str, Any]]:
    """The plan nodes that read ``index`` while the products list runs ``query``."""
    return [
        node
        for plan in _plans(register, query, found)
        for node in _nodes(plan)
        if node.get("Index Name") == index
    ]


@pytest.mark.parametrize(
    "query",
    [
        "ผ้าไหมแพรวา",  # as typed
        "ผาไหมแพรวา",  # a tone mark missing: only the coded keys hold it
    ],
)
def test_a_rare_text_is_found_in_the_trigram_index(weavers: Register, query: str) -> None:
    looked_up = _lookups(weavers, query, ["ผ้าไหมแพรวาลายโบราณ"], "ix_products_search_words")
    assert looked_up, "the products' trigram index was not used"
    # The index hands over the one product (and the few whose typed fields spell the key),
    # not every product for a test of its document.
    assert max(node["Actual Rows"] for node in looked_up) <= 2


#: Where two letters stand in a word decides the trigram that holds them: before another
#: letter, before a digit, before other characters, at a field's end.
GONGS = ["ฆ้องทองเหลือง", "ฆ้อ2", "ลายฆ้อ(โบราณ)", "ปี่ฆ้อ"]


def test_two_letters_are_found_by_their_trigrams_wherever_they_stand(weavers: Register) -> None:
    with weavers.write() as s:
        maker = entrepreneurs.create_entrepreneur(s, person(name="ร้านเครื่องดนตรี"))
        for name in GONGS:
            products.create_product(s, maker.id, ProductInput(name, 4, "900", "ชิ้น"))
    # ฆอ: the key of ฆ้อ, typed without its tone mark; อ is in nearly every product's key.
    looked_up = _lookups(weavers, "ฆอ", GONGS, "ix_products_search_words")
    assert looked_up, "the products' trigram index was not used"
    # One rare letter: the index of the keys' characters.
    looked_up = _lookups(weavers, "ฆ", GONGS, "ix_products_search_chars")
    assert looked_up, "the products' index of characters was not used"


#: Short texts, forgiving ones and parts of codes, each through a different lookup.
QUERIES = ["ฆ", "ฆอ", "ฆ้อ", "ฆอ(", "อ.", "ผ้", "ฝ", "ฝ้าย", "ผาฝาย", "ทอผา", "2", "p0", "-p01"]


def _fill_gongs(register: Register) -> None:
    _fill(register)
    with register.write() as s:
        maker = entrepreneurs.create_entrepreneur(s, person(name="ร้านเครื่องดนตรี"))
        for name in GONGS:
            products.create_product(s, maker.id, ProductInput(name, 4, "900", "ชิ้น"))


@pytest.fixture(scope="module")
def sqlite_lists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """What SQLite lists for each of QUERIES, from a register of the same rows."""
    db = tmp_path_factory.mktemp("same") / "same.sqlite3"
    with init_register(db, OfficeKind.DISTRICT, "5013") as local:
        _fill_gongs(local)
        with local.read() as s:
            return {
                query: [row.name for row in list_products(s, ProductFilter(query=query))]
                for query in QUERIES
            }


def test_the_server_lists_what_sqlite_lists(
    register: Register, sqlite_lists: dict[str, list[str]]
) -> None:
    _fill_gongs(register)
    with register.read() as s:
        for query in QUERIES:
            found = [row.name for row in list_products(s, ProductFilter(query=query))]
            assert found == sqlite_lists[query], query


def test_0018_goes_back_to_0017_and_up_again_over_rows(weavers: Register) -> None:
    from alembic import command

    from otop_desktop.database import alembic_config, current_revision, head_revision

    with weavers.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0017")
    assert current_revision(weavers.engine) == "0017"
    with weavers.read() as s:
        indexes = set(s.scalars(text("SELECT indexname FROM pg_indexes")))
    assert {"ix_products_search_trgm", "ix_products_search_chars"} <= indexes  # 0015's, 0011's
    assert "ix_products_search_words" not in indexes
    with weavers.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert current_revision(weavers.engine) == head_revision()
    # The column computed for the rows already there, as the program looks them up.
    with weavers.read() as s:
        for document, words in s.execute(text("SELECT search_text, search_words FROM products")):
            assert words == search_words(document)
    assert list(_plans(weavers, "ผาไหมแพรวา", ["ผ้าไหมแพรวาลายโบราณ"]))
