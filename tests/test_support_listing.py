"""The lists of trainings and grants: search, fiscal years, area, order and rows; and the
entrepreneur search the forms pick with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from otop_desktop.database import Register
from otop_desktop.errors import ValidationError
from otop_desktop.services import support
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.support import (
    GRANT_ORDER,
    TRAINING_ORDER,
    EntrepreneurChoice,
    GrantFilter,
    GrantInput,
    TrainingFilter,
    TrainingInput,
    count_grants,
    count_trainings,
    delete_training,
    entrepreneur_support,
    find_entrepreneurs,
    grant_fiscal_years,
    grant_ids,
    grant_rows,
    save_grant,
    save_training,
    training_fiscal_years,
    training_ids,
    training_participants,
    training_rows,
)
from otop_desktop.thaiformat import fiscal_year_be
from tests.conftest import person


def people(register: Register) -> tuple[int, int]:
    with register.write() as s:
        weaver = create_entrepreneur(s, person(name="กลุ่มทอผ้าบ้านดอนหลวง")).id
        cook = create_entrepreneur(s, person(name="ร้านน้ำพริกป้าแก้ว", subdistrict_code="501302")).id
    return weaver, cook


def test_trainings_list(register: Register) -> None:
    weaver, cook = people(register)
    with register.write() as s:
        packaging = save_training(
            s,
            TrainingInput(
                date(2024, 9, 30), "ออกแบบบรรจุภัณฑ์", "พัฒนาชุมชนจังหวัด", "15000", [weaver, cook]
            ),
        ).id
        online = save_training(
            s,
            TrainingInput(date(2024, 10, 1), "Online selling", "DEPA", Decimal("2500.50"), [cook]),
        ).id
    with register.read() as s:
        assert training_ids(s, TrainingFilter()) == [packaging, online]
        assert training_ids(s, TrainingFilter(query="บรรจุ")) == [packaging]
        assert training_ids(s, TrainingFilter(query="depa")) == [online]
        # Typed without its thanthakhat, as the other lists forgive.
        assert training_ids(s, TrainingFilter(query="บรรจุภัณฑ")) == [packaging]
        assert training_ids(s, TrainingFilter(fiscal_year=2567)) == [packaging]
        assert training_ids(s, TrainingFilter(fiscal_year=2568)) == [online]
        assert count_trainings(s, TrainingFilter(fiscal_year=2566)) == 0
        for order in TRAINING_ORDER:
            up = training_ids(s, TrainingFilter(), order=order)
            assert training_ids(s, TrainingFilter(), order=order, descending=True) == up[::-1]
        assert training_ids(s, TrainingFilter(), order="participants") == [online, packaging]
        rows = training_rows(s, [packaging, online])
        assert rows[packaging].participant_count == 2
        assert rows[online].budget == Decimal("2500.50")
        assert [c.id for c in training_participants(s, packaging)] == [weaver, cook]
        years = training_fiscal_years(s)
        assert years[0] == max(2568, fiscal_year_be(date.today())) and years[-1] == 2567


def test_grants_list(register: Register) -> None:
    weaver, cook = people(register)
    with register.write() as s:
        looms = save_grant(s, weaver, GrantInput(date(2024, 5, 1), "50000", "กี่ทอผ้า", "อบจ.")).id
        stove = save_grant(s, cook, GrantInput(date(2025, 1, 5), "8000", "เตาแก๊ส", "กองทุนหมู่บ้าน")).id
    with register.read() as s:
        assert grant_ids(s, GrantFilter()) == [looms, stove]
        assert grant_ids(s, GrantFilter(query="ดอนหลวง")) == [looms]
        assert grant_ids(s, GrantFilter(query="เตา")) == [stove]
        assert grant_ids(s, GrantFilter(query="กีทอผา")) == [looms]
        assert grant_ids(s, GrantFilter(query="ทอผา")) == [looms]
        assert grant_ids(s, GrantFilter(query="กองทุน")) == [stove]
        assert grant_ids(s, GrantFilter(subdistrict_code="501302")) == [stove]
        assert grant_ids(s, GrantFilter(district_code="5013")) == [looms, stove]
        assert grant_ids(s, GrantFilter(province_code="50")) == [looms, stove]
        assert grant_ids(s, GrantFilter(province_code="10")) == []
        assert grant_ids(s, GrantFilter(fiscal_year=2568)) == [stove]
        assert count_grants(s, GrantFilter(fiscal_year=2567)) == 1
        for order in GRANT_ORDER:
            up = grant_ids(s, GrantFilter(), order=order)
            assert grant_ids(s, GrantFilter(), order=order, descending=True) == up[::-1]
        assert grant_ids(s, GrantFilter(), order="amount") == [stove, looms]
        row = grant_rows(s, [looms])[looms]
        assert (row.entrepreneur_id, row.entrepreneur_name, row.amount) == (
            weaver,
            "กลุ่มทอผ้าบ้านดอนหลวง",
            Decimal("50000.00"),
        )
        assert grant_fiscal_years(s)[-1] == 2567


def test_no_records_offer_no_years(register: Register) -> None:
    with register.read() as s:
        assert training_fiscal_years(s) == [] and grant_fiscal_years(s) == []


def test_finding_entrepreneurs_to_pick(register: Register) -> None:
    _weaver, cook = people(register)
    with register.read() as s:
        assert find_entrepreneurs(s, "") == []
        found = find_entrepreneurs(s, "น้ำพริก")
        assert [c.id for c in found] == [cook]
        assert isinstance(found[0], EntrepreneurChoice) and found[0].name == "ร้านน้ำพริกป้าแก้ว"
        assert len(find_entrepreneurs(s, "5013", limit=1)) == 1


def test_a_grant_without_its_entrepreneur_or_amount_is_refused_in_its_own_words(
    register: Register,
) -> None:
    with pytest.raises(ValidationError) as caught, register.write() as s:
        save_grant(s, None, GrantInput(date(2025, 1, 5), "-1", "เตาแก๊ส"))
    assert [(e.field, e.message_th, e.message_en) for e in caught.value.errors] == [
        ("entrepreneur", "กรุณาเลือกผู้ประกอบการ", "Choose the entrepreneur"),
        ("amount", "จำนวนเงินต้องไม่ติดลบ", "The amount must not be negative"),
    ]


def test_one_producers_trainings_and_grants_newest_first(register: Register) -> None:
    weaver, cook = people(register)
    with register.write() as s:
        older = save_training(
            s, TrainingInput(date(2024, 9, 30), "ออกแบบบรรจุภัณฑ์", "พช.", "1000", [weaver, cook])
        ).id
        newer = save_training(
            s, TrainingInput(date(2025, 2, 1), "ขายออนไลน์", "DEPA", "0", [weaver])
        ).id
        save_training(s, TrainingInput(date(2025, 3, 1), "บัญชี", "ธกส.", "0", [cook]))
        loom = save_grant(s, weaver, GrantInput(date(2024, 5, 1), "50000", "กี่ทอผ้า", "อบจ.")).id
        save_grant(s, cook, GrantInput(date(2025, 1, 5), "8000", "เตาแก๊ส", "กองทุน"))
    with register.read() as s:
        trainings, grants = entrepreneur_support(s, weaver)
        assert [t.id for t in trainings] == [newer, older]
        assert [g.id for g in grants] == [loom]


def test_the_index_finds_what_a_scan_finds_and_follows_every_change(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    weaver, cook = people(register)
    with register.write() as s:
        training = save_training(
            s, TrainingInput(date(2024, 9, 30), "การแปรรูปผลไม้", "ศูนย์ ๑๒", "900", [weaver])
        ).id
        grant = save_grant(s, cook, GrantInput(date(2025, 1, 5), "8000", "เครื่องบดพริก", "อบต."))
        save_grant(s, weaver, GrantInput(date(2025, 2, 5), "9000", "ด้ายไหม", "แม่แตง"))
        # Changed after it was indexed: the index follows.
        save_grant(s, cook, GrantInput(date(2025, 1, 5), "8000", "เครื่องบดพริกแกง", "อบต."), grant.id)
    queries = ["แปรรูป", "แปรรุป", "ปรแรูป", "ศูนย์ 12", "ศูนย 12", "บดพริกแกง", "บดพริก", "มแ่แตง"]
    queries += ["แม่แตง", "ดอนหลวง", "นำพริก", "zz9", "ผล", "5013-25"]

    def found() -> list[tuple[list[int], list[int], int, int]]:
        with register.read() as s:
            return [
                (
                    training_ids(s, TrainingFilter(query=q)),
                    grant_ids(s, GrantFilter(query=q)),
                    count_trainings(s, TrainingFilter(query=q)),
                    count_grants(s, GrantFilter(query=q)),
                )
                for q in queries
            ]

    indexed = found()
    assert indexed[0][0] == [training] and indexed[5][1] == [grant.id]
    monkeypatch.setattr(support, "indexed", lambda *_a, **_k: None)  # every field scanned
    assert found() == indexed
    with register.write() as s:
        delete_training(s, training)
    monkeypatch.undo()
    with register.read() as s:
        assert training_ids(s, TrainingFilter(query="แปรรูป")) == []
