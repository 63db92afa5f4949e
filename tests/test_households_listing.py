"""The list of OFOS households: search, filters, order, rows, and the หมู่ที่ offered."""

from __future__ import annotations

from datetime import date

import pytest

from otop_desktop.database import Register
from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.errors import ValidationError
from otop_desktop.services import households
from otop_desktop.services.households import (
    HOUSEHOLD_ORDER,
    HouseholdFilter,
    HouseholdInput,
    SkillInput,
    count_households,
    create_household,
    delete_household,
    household_ids,
    household_moos,
    household_rows,
    update_household,
)


def add(
    register: Register, head: str, subdistrict: str, moo: int, house_no: str, *skills: Industry
) -> int:
    with register.write() as session:
        return create_household(
            session,
            HouseholdInput(
                head_name=head,
                subdistrict_code=subdistrict,
                moo=moo,
                house_no=house_no,
                member_count=4,
                surveyed_on=date(2025, 1, 10),
                skills=[SkillInput("ทอผ้า", i, SkillLevel.SKILLED) for i in skills],
            ),
        ).id


def ids(register: Register, **f: object) -> list[int]:
    with register.read() as session:
        return household_ids(session, HouseholdFilter(**f))


def test_search_filters_and_counts(register: Register) -> None:
    weaver = add(register, "นางบัวคำ ใจมา", "501301", 3, "12/1", Industry.FASHION, Industry.FOOD)
    cook = add(register, "นายสมศักดิ์ ทองดี", "501301", 5, "๔๕", Industry.FOOD)
    singer = add(register, "Mr. Somchai", "501302", 3, "7")
    assert ids(register) == [weaver, cook, singer]
    assert ids(register, query="บัวคำ") == [weaver]
    # A thanthakhat left out still finds them, as the other lists forgive.
    assert ids(register, query="สมศักดิ ทอง") == [cook]
    # Case does not matter; Thai and Arabic digits are one.
    assert ids(register, query="somchai") == [singer]
    assert ids(register, query="45") == [cook]
    assert ids(register, query="12/") == [weaver]
    assert ids(register, query="501302-03") == [singer]
    assert ids(register, subdistrict_code="501301") == [weaver, cook]
    assert ids(register, district_code="5013") == [weaver, cook, singer]
    assert ids(register, district_code="5014") == []
    assert ids(register, province_code="50") == [weaver, cook, singer]
    assert ids(register, province_code="10") == []
    assert ids(register, moo=3) == [weaver, singer]
    assert ids(register, industry=Industry.FOOD.value) == [weaver, cook]
    assert ids(register, industry=Industry.FOOD.value, moo=5) == [cook]
    assert ids(register, query="%") == []
    with register.read() as session:
        assert count_households(session, HouseholdFilter(moo=3)) == 2
        assert household_moos(session, HouseholdFilter()) == [3, 5]
        assert household_moos(session, HouseholdFilter(subdistrict_code="501302")) == [3]


def test_every_order_sorts_both_ways(register: Register) -> None:
    first = add(register, "ข", "501301", 2, "1")
    second = add(register, "ก", "501301", 1, "2")
    with register.read() as session:
        for order in HOUSEHOLD_ORDER:
            up = household_ids(session, HouseholdFilter(), order=order)
            down = household_ids(session, HouseholdFilter(), order=order, descending=True)
            assert sorted(up) == [first, second] and down == up[::-1], order
        assert household_ids(session, HouseholdFilter(), order="head_name") == [second, first]
        # By code, the default: หมู่ 1 before หมู่ 2.
        assert household_ids(session, HouseholdFilter(), limit=1) == [second]


def test_rows_name_the_industries_once_in_their_order(register: Register) -> None:
    weaver = add(
        register, "นางบัวคำ", "501301", 3, "12", Industry.FASHION, Industry.FOOD, Industry.FASHION
    )
    bare = add(register, "นายดำ", "501301", 3, "13")
    with register.read() as session:
        rows = household_rows(session, [weaver, bare, 999])
    assert set(rows) == {weaver, bare}
    row = rows[weaver]
    assert row.industries == (Industry.FOOD, Industry.FASHION)
    assert (row.code, row.house_no, row.moo, row.head_name) == (
        "501301-03-0001",
        "12",
        3,
        "นางบัวคำ",
    )
    assert (row.member_count, row.surveyed_on) == (4, date(2025, 1, 10))
    assert rows[bare].industries == ()


def test_each_skill_row_at_fault_is_named(register: Register) -> None:
    data = HouseholdInput(
        head_name="นายดำ",
        subdistrict_code="501301",
        moo=1,
        house_no="1",
        skills=[
            SkillInput("ทอผ้า", Industry.FASHION, SkillLevel.EXPERT),
            SkillInput("", "", "สูงมาก"),
        ],
    )
    with pytest.raises(ValidationError) as caught, register.write() as session:
        create_household(session, data)
    assert [(e.field, e.message_th) for e in caught.value.errors] == [
        ("skills", "ทักษะแถวที่ 2: กรุณากรอกทักษะ"),
        ("skills", "ทักษะแถวที่ 2: กรุณาเลือกสาขา Soft Power"),
        ("skills", "ทักษะแถวที่ 2: ระดับทักษะไม่ถูกต้อง: สูงมาก"),
    ]
    assert caught.value.errors[1].message_en == "Skill row 2: choose the Soft Power industry"


def test_the_index_finds_what_a_scan_finds_and_follows_every_change(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    weaver = add(register, "นางแก้วตา เเสงดี", "501301", 3, "๑๒/๓")
    cook = add(register, "นายสมศักดิ์ ทองดี", "501301", 5, "45")
    with register.write() as session:
        # Renamed after it was indexed: the index follows.
        update_household(
            session,
            cook,
            HouseholdInput("นายสมศักดิ์ ทองคำ", "501301", 5, "45", 4, date(2025, 1, 10)),
        )
    queries = ["แก้วตา", "เเกวตา", "กแ้วตา", "แสงดี", "12/3", "๑๒/", "ทองคำ", "ทองดี", "สมศักด"]
    queries += ["501301-05", "zz9", "ตา", "45"]

    def found() -> list[tuple[list[int], int]]:
        with register.read() as session:
            return [
                (
                    household_ids(session, HouseholdFilter(query=q)),
                    count_households(session, HouseholdFilter(query=q)),
                )
                for q in queries
            ]

    indexed = found()
    assert indexed[:7] == [([weaver], 1)] * 5 + [([weaver], 1), ([cook], 1)]
    assert indexed[7] == ([], 0)
    monkeypatch.setattr(households, "indexed", lambda *_a, **_k: None)  # every field scanned
    assert found() == indexed
    monkeypatch.undo()
    with register.write() as session:
        delete_household(session, weaver)
    assert ids(register, query="แก้วตา") == []
