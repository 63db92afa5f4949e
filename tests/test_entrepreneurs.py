"""Registering entrepreneurs: validation with good and bad values, numbers never reused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from otop_desktop.errors import ValidationError
from otop_desktop.models import Entrepreneur
from otop_desktop.services import entrepreneurs as svc
from otop_desktop.thaiid import make_thai_id
from tests.conftest import new_id, person


def count(register) -> int:
    with register.read() as s:
        return int(s.scalar(select(func.count()).select_from(Entrepreneur)) or 0)


def refused(register, data) -> ValidationError:
    with pytest.raises(ValidationError) as caught, register.write() as s:
        svc.create_entrepreneur(s, data)
    assert count(register) == 0, "a refused record must change nothing"
    return caught.value


def test_valid_entrepreneur_is_registered_with_the_next_number(register) -> None:
    with register.write() as s:
        e = svc.create_entrepreneur(s, person())
    assert e.reg_no == "5013-2567-0001"
    assert e.district_code == "5013"
    assert e.status == "active"


def test_loose_input_is_cleaned(register) -> None:
    raw_id = make_thai_id("310370012345")
    spaced = f"{raw_id[0]}-{raw_id[1:5]}-{raw_id[5:10]}-{raw_id[10:12]}-{raw_id[12]}"
    thai_digits = spaced.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    data = person(
        national_id=thai_digits,
        name="  กลุ่ม\u200bทอผ้า   บ้านดอน ",
        phone="081-234-5678",
        moo="๓",
        registered_on="15 ต.ค. 2567",
    )
    with register.write() as s:
        e = svc.create_entrepreneur(s, data)
    assert e.national_id == raw_id
    assert e.name == "กลุ่มทอผ้า บ้านดอน"
    assert e.phone == "0812345678"
    assert e.moo == 3
    assert e.registered_on == date(2024, 10, 15)
    assert e.reg_no == "5013-2567-0001"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "กรุณากรอก"),
        ({"contact_name": ""}, "contact_name", "กรุณากรอก"),
        ({"national_id": "1234567890123"}, "national_id", "ไม่ถูกต้อง"),
        ({"national_id": "12345"}, "national_id", "13 หลัก"),
        ({"national_id": ""}, "national_id", "กรุณากรอก"),
        ({"subdistrict_code": "500101"}, "subdistrict_code", "ไม่อยู่ในอำเภอ"),
        ({"subdistrict_code": "999999"}, "subdistrict_code", "ไม่พบรหัสตำบล"),
        ({"producer_type": 7}, "producer_type", "ไม่ถูกต้อง"),
        ({"producer_type": None}, "producer_type", "กรุณาเลือก"),
        ({"moo": 0}, "moo", "ระหว่าง"),
        ({"moo": "สาม"}, "moo", "จำนวนเต็ม"),
        ({"phone": "12345"}, "phone", "9–10 หลัก"),
        ({"phone": "โทร 0812345678"}, "phone", "ตัวเลข"),
        ({"registered_on": "15/10/2024"}, "registered_on", "พ.ศ."),
        ({"registered_on": "31/02/2567"}, "registered_on", "29"),
        ({"registered_on": date(2099, 1, 1)}, "registered_on", "อนาคต"),
        ({"producer_type": 1, "member_count": None}, "member_count", "กรุณากรอก"),
        ({"status": "closed"}, "status_reason", "เหตุผล"),
        (
            {"status": "closed", "status_reason": "COVID-19", "status_date": date(2020, 1, 1)},
            "status_date",
            "ก่อนวันที่ลงทะเบียน",
        ),
    ],
)
def test_bad_values_are_refused_with_a_thai_message_on_the_field(
    register, changes, field, words
) -> None:
    error = refused(register, person(**changes))
    messages = error.for_field(field)
    assert messages, f"expected an error on {field}, got {error.errors}"
    assert any(words in m.message_th for m in messages), messages
    assert all(m.message_en for m in error.errors)


def test_all_problems_are_reported_at_once(register) -> None:
    error = refused(register, person(name="", national_id="1", phone="x1"))
    assert {e.field for e in error.errors} >= {"name", "national_id", "phone"}


def test_group_keeps_member_count_and_single_owner_drops_it(register) -> None:
    with register.write() as s:
        group = svc.create_entrepreneur(s, person(producer_type=1, member_count="25"))
        single = svc.create_entrepreneur(s, person(member_count=25))
    assert group.member_count == 25
    assert single.member_count is None


def test_numbers_count_per_district_and_year_and_are_never_reused(register) -> None:
    with register.write() as s:
        a = svc.create_entrepreneur(s, person(registered_on=date(2024, 1, 5)))
        b = svc.create_entrepreneur(s, person(registered_on=date(2024, 2, 5)))
        c = svc.create_entrepreneur(s, person(registered_on=date(2025, 1, 5)))
    assert [a.reg_no, b.reg_no, c.reg_no] == ["5013-2567-0001", "5013-2567-0002", "5013-2568-0001"]
    with register.write() as s:
        assert svc.delete_entrepreneur(s, b.id) == "5013-2567-0002"
    with register.write() as s:
        d = svc.create_entrepreneur(s, person(registered_on=date(2024, 3, 5)))
    assert d.reg_no == "5013-2567-0003"


def test_a_refused_record_does_not_use_up_a_number(register) -> None:
    refused(register, person(name=""))
    with register.write() as s:
        assert svc.create_entrepreneur(s, person()).reg_no == "5013-2567-0001"


def test_province_register_numbers_per_district(province_register) -> None:
    with province_register.write() as s:
        a = svc.create_entrepreneur(s, person(subdistrict_code="501301"))
        b = svc.create_entrepreneur(s, person(subdistrict_code="500101"))
        c = svc.create_entrepreneur(s, person(subdistrict_code="500102"))
    assert [a.reg_no, b.reg_no, c.reg_no] == ["5013-2567-0001", "5001-2567-0001", "5001-2567-0002"]
    with pytest.raises(ValidationError, match="province"), province_register.write() as s:
        svc.create_entrepreneur(s, person(subdistrict_code="100101"))


def test_update_keeps_the_number_and_delete_removes_everything(register) -> None:
    with register.write() as s:
        e = svc.create_entrepreneur(s, person())
    with register.write() as s:
        changed = svc.update_entrepreneur(
            s, e.id, person(name="วิสาหกิจชุมชนทอผ้า", registered_on=date(2025, 3, 1))
        )
        assert changed.reg_no == e.reg_no
    with register.write() as s:
        svc.delete_entrepreneur(s, e.id)
    assert count(register) == 0


def test_same_id_warns_of_existing_records(register) -> None:
    shared = new_id()
    with register.write() as s:
        first = svc.create_entrepreneur(s, person(national_id=shared))
    with register.read() as s:
        assert [d.reg_no for d in svc.same_id(s, shared)] == [first.reg_no]
        assert svc.same_id(s, shared, exclude=first.id) == []


def test_readiness_level_follows_the_checklist(register) -> None:
    with register.write() as s:
        e = svc.create_entrepreneur(s, person())
        r = svc.set_readiness(s, e.id, {"promptpay": True, "qr_payment": True}, None)
        assert r.level == 0  # no bank account: nothing digital works yet
        r = svc.set_readiness(s, e.id, {"bank_account": True, "promptpay": True}, "1/11/2568")
        assert r.level == 1
        assert r.assessed_on == date(2025, 11, 1)
