"""Thai-aware substring search over names, products and registration numbers."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from otop_desktop.demo import generate
from otop_desktop.domain import Standard
from otop_desktop.models import Entrepreneur, Product, ProductStandard
from otop_desktop.search import (
    LIST_ORDER,
    POSITION_GAP,
    SEARCHED_TABLES,
    bulk_load,
    entrepreneur_doc,
    key_contains,
    search_key,
    search_mask,
    search_variants,
)
from otop_desktop.services import entrepreneurs, listing, products
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    ProductFilter,
    count_entrepreneurs,
    list_entrepreneurs,
    list_products,
)
from otop_desktop.services.products import ProductInput, RatingInput
from otop_desktop.textnorm import normalize
from otop_desktop.thaiformat import Period
from tests.conftest import person


@pytest.fixture
def filled(register):
    with register.write() as s:
        water = entrepreneurs.create_entrepreneur(
            s, person(name="กลุ่มน้ำพริกหนุ่มบ้านแม่ออน", producer_type=1, member_count=12)
        )
        products.create_product(s, water.id, ProductInput("น้ำพริกหนุ่ม", 1, "45", "กระปุก"))
        silk = entrepreneurs.create_entrepreneur(s, person(name="ร้านผ้าไหมสันกำแพง"))
        products.create_product(
            s,
            silk.id,
            ProductInput("ผ้าไหมยกดอก", 3, "1250", "ผืน", "Fashion", ratings=[RatingInput(2567, 5)]),
        )
        umbrella = entrepreneurs.create_entrepreneur(
            s, person(name="Bo Sang Umbrella Co.", producer_type=3, subdistrict_code="501302")
        )
        products.create_product(s, umbrella.id, ProductInput("ร่มกระดาษสา", 4, "350", "คัน"))
    return register


def names(register, **filters) -> list[str]:
    with register.read() as s:
        return [r.name for r in list_entrepreneurs(s, EntrepreneurFilter(**filters))]


@pytest.mark.parametrize(
    "query",
    [
        "น้ำพริก",  # sara am as one character
        "น\u0e49\u0e4d\u0e32พริก",  # the same typed as nikhahit + sara aa
        "นํ้าพริก",  # nikhahit before the tone mark
        "น้ำ\u200bพริก",  # a zero-width space pasted from the web
        "  น้ำพริก ",
    ],
)
def test_sara_am_and_invisible_characters_do_not_matter(filled, query) -> None:
    assert names(filled, query=query) == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]


def test_substring_inside_thai_words(filled) -> None:
    assert names(filled, query="ไหมสัน") == ["ร้านผ้าไหมสันกำแพง"]
    assert names(filled, query="แม่ออน") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]


def test_product_names_and_registration_numbers_find_the_producer(filled) -> None:
    assert names(filled, query="ร่มกระดาษ") == ["Bo Sang Umbrella Co."]
    assert names(filled, query="5013-2567-0002") == ["ร้านผ้าไหมสันกำแพง"]
    # Thai digits in the query match Arabic digits in the number.
    assert names(filled, query="๕๐๑๓-๒๕๖๗-๐๐๐๒") == ["ร้านผ้าไหมสันกำแพง"]


def test_english_is_case_insensitive(filled) -> None:
    assert names(filled, query="bo sang") == ["Bo Sang Umbrella Co."]
    assert names(filled, query="UMBRELLA") == ["Bo Sang Umbrella Co."]


def test_one_and_two_character_queries_work(filled) -> None:
    # The producer whose text holds ร่ as typed comes first; the tone mark is forgiven for
    # the others, which hold ร.
    assert names(filled, query="ร่") == [
        "Bo Sang Umbrella Co.",
        "กลุ่มน้ำพริกหนุ่มบ้านแม่ออน",
        "ร้านผ้าไหมสันกำแพง",
    ]
    assert names(filled, query="ผ") == ["ร้านผ้าไหมสันกำแพง"]
    assert names(filled, query="%") == []  # a LIKE wildcard is only a character


def test_short_queries_test_the_character_mask_kept_by_every_write(filled) -> None:
    assert search_mask("ก") == 1 and search_mask("ไก่") == search_mask("กไ")
    assert search_mask("ab12") == 0  # no bit: such queries are plain substring tests
    with filled.read() as s:
        (row,) = list_entrepreneurs(s, EntrepreneurFilter(query="ผ้าไหม"))
        assert s.get(Entrepreneur, row.id).search_mask == search_mask(
            s.get(Entrepreneur, row.id).search_text
        )
    with filled.write() as s:
        entrepreneurs.update_entrepreneur(s, row.id, person(name="ร้านฬาฬิกา"))
    assert names(filled, query="ฬ") == ["ร้านฬาฬิกา"]
    assert names(filled, query="ไห") == ["ร้านฬาฬิกา"]  # still its product's name
    # A row written without the ORM has no mask yet and is always tested in full.
    with filled.write() as s:
        s.execute(text("UPDATE entrepreneurs SET search_mask = NULL WHERE id = :i"), {"i": row.id})
    assert names(filled, query="ฬา") == ["ร้านฬาฬิกา"]


def test_broad_queries_walk_the_sort_order_with_the_same_result(filled, monkeypatch) -> None:
    narrow = names(filled, query="ร้าน") + names(filled, query="กลุ่ม")
    monkeypatch.setattr(listing, "BROAD_MATCH", 0)
    assert names(filled, query="ร้าน") + names(filled, query="กลุ่ม") == narrow
    with filled.read() as s:
        walked = [r.name for r in list_products(s, ProductFilter(query="ผ้าไหม"))]
    assert walked == ["ผ้าไหมยกดอก"]


def test_quotes_and_operators_are_plain_text(filled) -> None:
    assert names(filled, query='"ผ้า') == []
    assert names(filled, query="ผ้า OR ร่ม") == []
    assert names(filled, query="Co.") == ["Bo Sang Umbrella Co."]


def test_filters_combine_with_search(filled) -> None:
    assert names(filled, producer_type=3) == ["Bo Sang Umbrella Co."]
    assert names(filled, subdistrict_code="501302") == ["Bo Sang Umbrella Co."]
    assert names(filled, category=3) == ["ร้านผ้าไหมสันกำแพง"]
    assert names(filled, stars=5) == ["ร้านผ้าไหมสันกำแพง"]
    assert names(filled, query="ผ้า", status="closed") == []
    with filled.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter(query="ร้าน")) == 1
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 3


def test_readiness_lacking_lists_the_unassessed_and_those_assessed_without_it(filled) -> None:
    with filled.write() as s:
        ids = {r.name: r.id for r in list_entrepreneurs(s, EntrepreneurFilter())}
        entrepreneurs.set_readiness(
            s, ids["ร้านผ้าไหมสันกำแพง"], {"bank_account": True, "promptpay": True}, None
        )
        entrepreneurs.set_readiness(s, ids["Bo Sang Umbrella Co."], {"bank_account": True}, None)
    # The water group was never assessed; the umbrella maker was, without PromptPay.
    assert names(filled, readiness_lacking="promptpay") == [
        "กลุ่มน้ำพริกหนุ่มบ้านแม่ออน",
        "Bo Sang Umbrella Co.",
    ]
    assert names(filled, readiness_lacking="bank_account") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]
    assert names(filled, readiness_lacking="promptpay", query="umbrella") == [
        "Bo Sang Umbrella Co."
    ]
    with filled.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter(readiness_lacking="gov_scheme")) == 3
    with pytest.raises(ValueError, match="not a readiness check"):
        EntrepreneurFilter(readiness_lacking="level")
    # Levels: the silk shop has a bank account and one practice, the umbrella maker only the
    # account; the water group is counted as never assessed.
    assert names(filled, readiness_level=1) == ["ร้านผ้าไหมสันกำแพง"]
    assert names(filled, readiness_level=0) == ["Bo Sang Umbrella Co."]
    assert names(filled, readiness_level=-1) == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]
    assert names(filled, readiness_level=2) == []


def test_the_standard_filter_lists_the_products_holding_it(filled) -> None:
    with filled.write() as s:
        silk = s.scalar(select(Product).where(Product.name == "ผ้าไหมยกดอก"))
        s.add(ProductStandard(product_id=silk.id, standard=Standard.TCPS.value, cert_no="1-2567"))
    with filled.read() as s:
        held = [r.name for r in list_products(s, ProductFilter(standard=Standard.TCPS.value))]
        assert held == ["ผ้าไหมยกดอก"]
        assert list_products(s, ProductFilter(standard=Standard.GMP.value)) == []
        assert (
            listing.count_products(s, ProductFilter(standard=Standard.TCPS.value, query="ผ้า")) == 1
        )


def test_search_follows_changes_and_deletes(filled) -> None:
    with filled.read() as s:
        (row,) = list_entrepreneurs(s, EntrepreneurFilter(query="ผ้าไหม"))
    with filled.write() as s:
        entrepreneurs.update_entrepreneur(s, row.id, person(name="ร้านไหมทองคำ"))
    assert names(filled, query="ไหมสัน") == []
    assert names(filled, query="ไหมทอง") == ["ร้านไหมทองคำ"]
    with filled.read() as s:
        (product,) = list_products(s, ProductFilter(query="ไหมทอง"))  # producer's new name
    assert product.name == "ผ้าไหมยกดอก"
    with filled.write() as s:
        entrepreneurs.delete_entrepreneur(s, row.id)
    assert names(filled, query="ไหมทอง") == []


def test_product_list_filters_and_sorts(filled) -> None:
    with filled.read() as s:
        rows = list_products(s, ProductFilter(), order="price", descending=True)
        assert [r.name for r in rows] == ["ผ้าไหมยกดอก", "ร่มกระดาษสา", "น้ำพริกหนุ่ม"]
        assert [r.name for r in list_products(s, ProductFilter(soft_power="Fashion"))] == [
            "ผ้าไหมยกดอก"
        ]
        assert [r.name for r in list_products(s, ProductFilter(subdistrict_code="501302"))] == [
            "ร่มกระดาษสา"
        ]
        assert [r.name for r in list_products(s, ProductFilter(query="น้ำ", category=1))] == [
            "น้ำพริกหนุ่ม"
        ]


def test_paging(filled) -> None:
    with filled.read() as s:
        first = list_entrepreneurs(s, EntrepreneurFilter(), limit=2)
        rest = list_entrepreneurs(s, EntrepreneurFilter(), offset=2, limit=2)
    assert [r.reg_no for r in first + rest] == [
        "5013-2567-0001",
        "5013-2567-0002",
        "5013-2567-0003",
    ]
    assert first[0].product_count == 1


def _machinery(register) -> set[str]:
    """What keeps the search indexes: on SQLite the triggers of the trigram index and of the
    list order, on PostgreSQL the GIN indexes of the documents."""
    with register.read() as s:
        conn = s.connection()
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fts%'"
                " AND tbl_name IN ('entrepreneurs', 'products')"
            )
        else:
            rows = conn.execute(
                text("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin%'")
            )
        return {r[0] for r in rows}


def test_bulk_load_rebuilds_the_index_and_restores_the_triggers(register) -> None:
    before = _machinery(register)
    # Per table, on SQLite: the index's three triggers and two placing a row in list order;
    # on PostgreSQL: the trigram and the character index.
    assert len(before) == (10 if register.engine.dialect.name == "sqlite" else 4)
    with register.write() as s, bulk_load(s):
        entrepreneurs.create_entrepreneur(s, person(name="กลุ่มจักสานไม้ไผ่"))
        # Loaded without the triggers: no place in the list's order until the load ends.
        assert s.scalar(select(Entrepreneur.search_pos)) is None
    assert _machinery(register) == before
    if register.engine.dialect.name == "sqlite":
        with register.read() as s:
            assert s.scalar(select(Entrepreneur.search_pos)) == POSITION_GAP
    assert names(register, query="จักสาน") == ["กลุ่มจักสานไม้ไผ่"]
    assert names(register, query="ฬ") == []  # the character index, on PostgreSQL
    # Rows written after the load are indexed by the triggers again.
    with register.write() as s:
        entrepreneurs.create_entrepreneur(s, person(name="กลุ่มทอผ้าฝ้าย"))
    assert names(register, query="ทอผ้า") == ["กลุ่มทอผ้าฝ้าย"]


def test_a_failed_bulk_load_leaves_everything_as_it_was(register) -> None:
    before = _machinery(register)
    with pytest.raises(RuntimeError), register.write() as s, bulk_load(s):
        entrepreneurs.create_entrepreneur(s, person(name="กลุ่มจักสานไม้ไผ่"))
        raise RuntimeError("power cut")
    assert _machinery(register) == before
    assert names(register) == []


def test_a_province_filter_keeps_its_districts(filled) -> None:
    assert len(names(filled, province_code="50")) == 3
    assert names(filled, province_code="51") == []
    with filled.read() as s:
        assert len(list_products(s, ProductFilter(province_code="50"))) == 3
        assert list_products(s, ProductFilter(province_code="51")) == []


# --- forgiving what Thai typists commonly get wrong ---------------------------------------


@pytest.fixture
def weavers(register):
    """Producers whose names differ only in tone marks and the order of a leading vowel."""
    with register.write() as s:
        for name, product in [
            ("กลุ่มทอผ้าบ้านป่าตาล", "ผ้าทอมือ"),  # as the register should spell it
            ("กลุ่มทอผาบ้านดง", "ผ้าฝ้าย"),  # typed without the tone mark
            ("กลุ่มท่อผ้าบ้านเหล่า", "แกงฮังเล"),  # a different tone mark
            ("ร้านกแงเหนือ", "เเคบหมู"),  # a leading vowel typed after its consonant; แ as เเ
        ]:
            owner = entrepreneurs.create_entrepreneur(s, person(name=name))
            products.create_product(s, owner.id, ProductInput(product, 1, "50", "ถุง"))
    return register


def test_a_missing_tone_mark_is_forgiven_and_the_query_as_typed_comes_first(weavers) -> None:
    assert names(weavers, query="ทอผา") == [
        "กลุ่มทอผาบ้านดง",  # holds ทอผา as typed
        "กลุ่มทอผ้าบ้านป่าตาล",
        "กลุ่มท่อผ้าบ้านเหล่า",
    ]
    assert names(weavers, query="ทอผ้า") == [
        "กลุ่มทอผ้าบ้านป่าตาล",
        "กลุ่มทอผาบ้านดง",
        "กลุ่มท่อผ้าบ้านเหล่า",
    ]
    with weavers.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter(query="ทอผา")) == 3
        found = [r.entrepreneur_name for r in list_products(s, ProductFilter(query="บานปาตาล"))]
    assert found == ["กลุ่มทอผ้าบ้านป่าตาล"]


def test_a_different_tone_mark_is_forgiven(weavers) -> None:
    assert names(weavers, query="ท่อผ้า") == [
        "กลุ่มท่อผ้าบ้านเหล่า",
        "กลุ่มทอผ้าบ้านป่าตาล",
        "กลุ่มทอผาบ้านดง",
    ]
    assert names(weavers, query="บ้านเหล้า") == ["กลุ่มท่อผ้าบ้านเหล่า"]


def test_a_leading_vowel_is_found_typed_either_side_of_its_consonant(weavers) -> None:
    # Typed as spoken (consonant first), the query finds the name as written ...
    assert names(weavers, query="กแงฮังลเ") == ["กลุ่มท่อผ้าบ้านเหล่า"]
    assert names(weavers, query="บ้านหเล่า") == ["กลุ่มท่อผ้าบ้านเหล่า"]
    # ... and typed as written, it finds a name that was typed as spoken.
    assert names(weavers, query="แกงเหนือ") == ["ร้านกแงเหนือ"]
    # Sara ae typed as two sara e, in the register or in the query.
    assert names(weavers, query="แคบหมู") == ["ร้านกแงเหนือ"]
    assert names(weavers, query="เเกงฮังเล") == ["กลุ่มท่อผ้าบ้านเหล่า"]


@pytest.mark.parametrize("query", ["ทอผา", "ผ้", "ผ"])
@pytest.mark.parametrize("order", ["reg_no", "name"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_plan_lists_the_same_rows_in_the_same_order(
    weavers, monkeypatch, query, order, descending
) -> None:
    f = EntrepreneurFilter(query=query)

    def pages() -> tuple[list[int], list[int]]:
        with weavers.read() as s:
            whole = listing.entrepreneur_ids(s, f, order=order, descending=descending)
            paged = [
                i
                for offset in range(0, 5)
                for i in listing.entrepreneur_ids(
                    s, f, order=order, descending=descending, offset=offset, limit=1
                )
            ]
        return whole, paged

    narrow = pages()
    monkeypatch.setattr(listing, "BROAD_MATCH", 0)  # the sort order walked, twice
    assert pages() == narrow
    whole, paged = narrow
    assert whole == paged and len(whole) >= 2
    with weavers.read() as s:
        rows = list_entrepreneurs(s, f, order=order, descending=descending)
    typed = [r.id for r in rows if query in r.name + _product_names(weavers, r.id)]
    assert whole[: len(typed)] == typed


def test_todays_exact_queries_find_what_they_found_first(filled) -> None:
    # What a query found before forgiving (the query in a record's own text) comes first,
    # in the list's order; the forgiven matches follow.
    with filled.read() as s:
        everyone = list_entrepreneurs(s, EntrepreneurFilter())
    for query in ["น้ำพริก", "ผ้าไหม", "ร่ม", "5013-2567", "ไห", "ม", "bo sang"]:
        found = names(filled, query=query)
        exact = [
            r.name
            for r in everyone
            if normalize(query) in normalize(r.name)
            or normalize(query) in r.reg_no
            or query in _product_names(filled, r.id)
        ]
        assert found[: len(exact)] == exact, query


def _product_names(register, entrepreneur_id: int) -> str:
    with register.read() as s:
        return " ".join(
            r.name for r in list_products(s, ProductFilter(entrepreneur_id=entrepreneur_id))
        )


def test_the_search_key() -> None:
    assert search_key("ทอผ้า") == search_key("ท่อผา") == "ทอผา"
    assert search_key("เก็บ ส์") == "เกบ ส"  # mai taikhu and thanthakhat too
    assert search_key("แกง") == search_key("เเกง") == "เเกง"
    assert search_key(" น้ำพริก ๑๒ ABC ") == "นำพริก 12 abc"  # and all that normalize does
    assert search_variants("กเเง") == ["กเเง", "เเกง", "กงเเ"]
    assert search_variants("ทอผา") == ["ทอผา"]


def test_key_contains_forgives_in_lists_without_a_search_document(filled) -> None:
    with filled.read() as s:

        def matching(query: str) -> list[str]:
            condition = key_contains(Entrepreneur.name, query)
            return sorted(s.scalars(select(Entrepreneur.name).where(condition)))

        assert matching("ผาไหม") == ["ร้านผ้าไหมสันกำแพง"]
        assert matching("นํ้าพริก") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]
        assert matching("บานมแออน") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]
        assert matching("UMBRELLA") == ["Bo Sang Umbrella Co."]
        assert matching("%") == []
        assert matching("\u0e48") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน"]  # a tone mark alone: as typed
        assert matching("\u0e49") == ["กลุ่มน้ำพริกหนุ่มบ้านแม่ออน", "ร้านผ้าไหมสันกำแพง"]
    assert key_contains(Entrepreneur.name, " \u200b") is None


# --- the index in the list's order (migration 0011) ---------------------------------------


def _in_list_order(register) -> None:
    """Positions follow each list's default order, and the trigram index agrees with them."""
    with register.read() as s:
        conn = s.connection()
        for table, key in LIST_ORDER.items():
            by_pos = conn.exec_driver_sql(f"SELECT {key} FROM {table} ORDER BY search_pos").all()
            by_key = conn.exec_driver_sql(f"SELECT {key} FROM {table} ORDER BY {key}").all()
            assert by_pos == by_key, table
            fts = f"{table}_fts"
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


def _positions(register) -> dict[str, int]:
    with register.read() as s:
        return dict(s.execute(select(Entrepreneur.reg_no, Entrepreneur.search_pos)).all())


@pytest.mark.sqlite_only  # positions are kept by SQLite's triggers; PostgreSQL's index has no order
def test_every_write_keeps_its_row_in_the_list_order(register) -> None:
    with register.write() as s:
        # Registered in 2568 first, then in 2566 and 2567: the ids run against the order.
        late = entrepreneurs.create_entrepreneur(s, person(name="ร้านทอง", registered_on="5/1/2568"))
        for year in (2566, 2567):
            entrepreneurs.create_entrepreneur(
                s, person(name=f"ร้านเงิน {year}", registered_on=f"1/3/{year}")
            )
        products.create_product(s, late.id, ProductInput("สร้อยทอง", 3, "900", "เส้น"))
    _in_list_order(register)
    assert names(register, query="ร้าน") == ["ร้านเงิน 2566", "ร้านเงิน 2567", "ร้านทอง"]
    # No free place between two rows: the next one between them moves the later ones up.
    first, second, third = sorted(_positions(register))
    with register.write() as s:
        for reg_no, place in ((first, 10), (second, 11), (third, 12)):
            s.execute(
                text("UPDATE entrepreneurs SET search_pos = :p WHERE reg_no = :r"),
                {"p": place, "r": reg_no},
            )
        entrepreneurs.create_entrepreneur(s, person(name="ร้านนาก", registered_on="1/6/2566"))
    places = _positions(register)
    assert places[second] == 11 + POSITION_GAP and places[third] == 12 + POSITION_GAP
    _in_list_order(register)
    assert names(register, query="ร้าน") == [
        "ร้านเงิน 2566",
        "ร้านนาก",
        "ร้านเงิน 2567",
        "ร้านทอง",
    ]
    # A number changed by hand moves the row; a deleted row leaves the index.
    with register.write() as s:
        s.execute(
            text("UPDATE entrepreneurs SET reg_no = '5013-2565-0009' WHERE reg_no = :r"),
            {"r": third},
        )
    _in_list_order(register)
    assert names(register, query="ร้าน")[0] == "ร้านทอง"
    with register.write() as s:
        entrepreneurs.delete_entrepreneur(s, late.id)
    _in_list_order(register)
    assert names(register, query="ร้านทอง") == []


def _index_whole(register) -> None:
    with register.write() as s:
        for table in SEARCHED_TABLES:
            # FTS5 compares its index with the records: raises if they disagree.
            s.execute(
                text(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES('integrity-check', 1)")
            )


@pytest.mark.sqlite_only  # the trigram index and its triggers are SQLite's
def test_text_and_number_written_in_one_statement_keep_the_index_whole(register) -> None:
    """A withdrawn workbook puts records back by whole rows: the text and the number (the
    same or another) in one UPDATE. Migration 0011's triggers then told the index to drop
    text it did not hold, and SQLite called the register damaged (fixed by 0014)."""
    with register.write() as s:
        shop = entrepreneurs.create_entrepreneur(s, person(name="ร้านทอง"))
        entrepreneurs.create_entrepreneur(s, person(name="ร้านเงิน"))
        s.flush()
        reg_no = shop.reg_no
    for new_reg_no, name in ((reg_no, "ร้านนาก"), ("5013-2565-0009", "ร้านเพชร")):
        with register.write() as s:
            s.execute(
                text(
                    "UPDATE entrepreneurs SET reg_no = :new, name = :name, search_text = :doc"
                    " WHERE reg_no = :old"
                ),
                {
                    "new": new_reg_no,
                    "name": name,
                    "doc": entrepreneur_doc(name, "", new_reg_no, "", []),
                    "old": reg_no,
                },
            )
        reg_no = new_reg_no
        _index_whole(register)
        _in_list_order(register)
        assert names(register, query=name) == [name]
    assert names(register, query="ร้าน")[0] == "ร้านเพชร"


# Every class of query: words common and rare, as typed and forgiven, numbers, fragments of
# registration numbers and product codes, one and two characters, tone marks alone, none.
PLAN_QUERIES = [
    "ผ้าไหม",
    "ผาไหม",
    "กลุ่ม",
    "ทอผา",
    "แม่ปู",
    "มแ่ปู",
    "5013-25",
    "2567",
    "-p01",
    "zz9",
    "ผ้",
    "ไห",
    "เก",
    "กเ",
    "ขน",
    "ผ",
    "ร",
    "ฬ",
    "ฤๅ",
    "7",
    "\u0e49",
]


@pytest.fixture
def demo(register):
    """The district demo, with a few records registered later for earlier years (their ids run
    against the list's order)."""
    generate(register, "district", seed=1, until=Period(2568, 10))
    with register.write() as s:
        for year, name in ((2567, "กลุ่มทอผ้าไหม"), (2555, "ร้านฬาฬิกา"), (2560, "กลุ่มแม่ปู")):
            owner = entrepreneurs.create_entrepreneur(
                s, person(name=f"{name} {year}", registered_on=f"1/3/{year}")
            )
            products.create_product(s, owner.id, ProductInput("ผ้าไหมมัดหมี่", 3, "900", "ผืน"))
    return register


def _every_page(session: Session, ids_of, f, order: str, descending: bool) -> list[list[int]]:
    whole = ids_of(session, f, order=order, descending=descending)
    pages = [
        ids_of(session, f, order=order, descending=descending, offset=offset, limit=limit)
        for offset, limit in ((0, 50), (40, 25))
    ]
    return [whole, *pages]


@pytest.mark.parametrize(
    ("ids_of", "make_filter", "orders"),
    [
        (listing.entrepreneur_ids, EntrepreneurFilter, listing.ENTREPRENEUR_ORDER),
        (listing.product_ids, ProductFilter, listing.PRODUCT_ORDER),
    ],
)
def test_every_plan_lists_the_demo_alike_for_every_query_and_sort(
    demo, monkeypatch, ids_of, make_filter, orders
) -> None:
    """What the index-backed plans list (the index's own order for the default sort, the
    trigrams that begin a rare short query) is what the general plan lists, page by page."""

    def lists() -> dict[tuple[str, str, bool], list[list[int]]]:
        with demo.read() as s:
            return {
                (query, order, descending): _every_page(
                    s, ids_of, make_filter(query=query), order, descending
                )
                for query in PLAN_QUERIES
                for order in orders
                for descending in (False, True)
            }

    chosen = lists()
    with monkeypatch.context() as m:
        # Every short query looked up by its index, and on a server every longer one.
        m.setattr(listing, "COMMON_IN_SAMPLE", dict.fromkeys(listing.COMMON_IN_SAMPLE, 10**9))
        m.setattr(listing, "SPREAD_IN_SAMPLE", 10**9)
        assert lists() == chosen
    # Today's general plan: every short query walked, every longer one by its hits (on a
    # server walked too).
    monkeypatch.setattr(listing, "_in_index_order", lambda *_a, **_k: None)
    monkeypatch.setattr(listing, "COMMON_IN_SAMPLE", dict.fromkeys(listing.COMMON_IN_SAMPLE, 0))
    monkeypatch.setattr(listing, "BROAD_MATCH", 0)
    monkeypatch.setattr(listing, "SPREAD_IN_SAMPLE", 0)
    assert lists() == chosen
    found = {query: len(pages[0]) for (query, *_), pages in chosen.items()}
    assert found["zz9"] == found["ฤๅ"] == 0
    assert found["ฬ"] == 1 and found["มแ่ปู"] == found["แม่ปู"] > 1
