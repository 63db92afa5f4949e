"""domain.md's plausible dates and months, and text a clerk cannot see, kept in one place
(validation.Checker) and so refused alike by every service that uses it, the field named."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.errors import ValidationError
from otop_desktop.services import entrepreneurs, households, support
from otop_desktop.services.households import HouseholdInput, SkillInput
from otop_desktop.services.locks import unlock_period
from otop_desktop.services.support import GrantInput, TrainingInput
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period, planned_until
from otop_desktop.validation import Checker, require_ended
from tests.conftest import person

TODAY = date(2026, 12, 3)  # 3 ธันวาคม 2569, in fiscal year 2570


def checked(value: object, **options: bool) -> tuple[date | None, list[str]]:
    check = Checker(today=TODAY)
    found = check.date("registered_on", value, required=True, **options)
    return found, [e.message_th for e in check.errors]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("31/12/2543", "ก่อน พ.ศ. 2544"),  # before OTOP began
        ("4/12/2569", "อนาคต"),  # tomorrow
        ("1/1/2600", "ปี พ.ศ. 2600 ยังมาไม่ถึง (ปีนี้ 2569)"),  # 2600 typed for 2569
        ("1/1/2026", "ค.ศ."),  # a C.E. year
    ],
)
def test_an_event_outside_the_plausible_range_is_refused_with_the_field(
    typed: str, words: str
) -> None:
    found, messages = checked(typed)
    assert found is None
    assert len(messages) == 1 and words in messages[0]


def test_the_field_is_named_in_a_range_message() -> None:
    check = Checker(today=TODAY)
    check.date("granted_on", "1/1/2600", required=True)
    [error] = check.errors
    assert error.field == "granted_on"
    assert error.message_th.startswith("วันที่ได้รับ (01/01/2600)")
    assert error.message_en.startswith("The grant date (01/01/2600) is in the future")


def test_today_and_the_first_day_of_otop_are_taken() -> None:
    assert checked(TODAY) == (TODAY, [])
    assert checked("1/1/2544") == (date(2001, 1, 1), [])


def test_a_planned_training_may_be_dated_to_the_end_of_the_next_fiscal_year() -> None:
    assert planned_until(TODAY) == date(2028, 9, 30)  # 30 ก.ย. 2571
    assert checked("30/9/2571", planned=True) == (date(2028, 9, 30), [])
    found, [message] = checked("1/10/2571", planned=True)
    assert found is None and "ปีงบประมาณหน้า (30/09/2571)" in message
    found, [message] = checked("1/1/2600", planned=True)
    assert found is None


def test_a_date_that_may_lie_ahead_is_bounded_too() -> None:
    """A certificate's expiry: years ahead is fine, 2600 is not."""
    assert checked("1/1/2575", future=True) == (date(2032, 1, 1), [])
    found, [message] = checked("1/1/2600", future=True)
    assert found is None and "ตรวจสอบปีที่พิมพ์" in message


def test_months_that_exist_and_months_that_have_ended() -> None:
    check = Checker(today=TODAY)
    assert check.month("period", Period(2569, 12), ended=False) == Period(2569, 12)
    assert check.month("period", Period(2570, 1), ended=False) is None
    assert check.month("period", Period(2569, 12), ended=True) is None
    assert check.month("period", Period(2569, 11), ended=True) == Period(2569, 11)
    assert check.month("period", Period(2543, 12), ended=True) is None
    assert [e.field for e in check.errors] == ["period"] * 3
    assert "ยังมาไม่ถึง" in check.errors[0].message_th
    assert "ยังไม่สิ้นเดือน" in check.errors[1].message_th
    assert "01/01/2570" in check.errors[1].message_th  # when it can be sent
    require_ended(Period(2569, 11), TODAY)
    with pytest.raises(ValidationError):
        require_ended(Period(2575, 1), TODAY)


def test_a_grant_in_the_future_and_a_training_far_ahead_are_refused(register) -> None:
    with register.write() as s:
        owner = entrepreneurs.create_entrepreneur(s, person()).id
    with pytest.raises(ValidationError) as info, register.write() as s:
        support.save_grant(s, owner, GrantInput("1/1/2600", "1000", "ทุนหมุนเวียน"))
    assert [e.field for e in info.value.errors] == ["granted_on"]
    with pytest.raises(ValidationError) as info, register.write() as s:
        support.save_training(s, TrainingInput("1/1/2600", "การย้อมสีธรรมชาติ"))
    assert [e.field for e in info.value.errors] == ["held_on"]
    with pytest.raises(ValidationError) as info, register.write() as s:
        support.save_training(s, TrainingInput("31/12/2543", "การย้อมสีธรรมชาติ"))
    assert [e.field for e in info.value.errors] == ["held_on"]


def test_an_export_of_a_month_not_ended_writes_and_locks_nothing(register, tmp_path) -> None:
    out = tmp_path / "out"
    for period in (Period(2575, 1), Period.of(date.today())):
        with pytest.raises(ValidationError) as info:
            export_monthly(register, period, out)
        assert [e.field for e in info.value.errors] == ["period"]
    assert not out.exists()


def training(**changes: object) -> TrainingInput:
    data = TrainingInput("1/11/2569", "การย้อมสีธรรมชาติ", "สำนักงานพัฒนาชุมชน", Decimal(0))
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.mark.parametrize("hidden", ["\x00", "\x1b", "\x07", "\x85", "\u202e", "\u2067"])
def test_hidden_characters_are_refused_in_every_free_text_field(register, hidden: str) -> None:
    with register.write() as s:
        owner = entrepreneurs.create_entrepreneur(s, person()).id
    cases = [
        (lambda s: support.save_training(s, training(topic=f"ย้อม{hidden}สี")), "topic"),
        (lambda s: support.save_training(s, training(organiser=f"พช{hidden}")), "organiser"),
        (
            lambda s: support.save_grant(s, owner, GrantInput("1/11/2569", "1", f"ทุน{hidden}")),
            "purpose",
        ),
        (
            lambda s: households.create_household(
                s,
                HouseholdInput(
                    "นายมา ดี",
                    "501301",
                    3,
                    "9",
                    skills=[SkillInput(f"ทอผ้า{hidden}", Industry.FASHION, SkillLevel.EXPERT)],
                ),
            ),
            "skills",
        ),
        (
            lambda s: households.create_household(
                s, HouseholdInput(f"นาย{hidden}", "501301", 3, "9")
            ),
            "head_name",
        ),
    ]
    for action, field in cases:
        with pytest.raises(ValidationError) as info, register.write() as s:
            action(s)
        assert field in [e.field for e in info.value.errors]
        assert "มองไม่เห็น" in info.value.for_field(field)[0].message_th


def test_tab_and_line_breaks_in_a_one_line_field_become_spaces(register) -> None:
    with register.write() as s:
        saved = support.save_training(s, training(topic="การย้อม\tสี\r\nธรรมชาติ"))
        assert saved.topic == "การย้อม สี ธรรมชาติ"


def test_an_unlock_reason_and_an_exporters_name_are_checked_like_any_text(
    register, tmp_path
) -> None:
    with pytest.raises(ValidationError) as info, register.write() as s:
        unlock_period(s, "5013", Period(2568, 10), reason="แก้\x1bยอด", user="")
    assert [e.field for e in info.value.errors] == ["reason"]
    with pytest.raises(ValidationError) as info, register.write() as s:
        unlock_period(s, "5013", Period(2568, 10), reason=" \t ", user="")
    assert info.value.errors[0].message_th == "กรุณากรอกเหตุผลที่ปลดล็อก"
    with pytest.raises(ValidationError) as info, register.write() as s:
        unlock_period(s, "5013", Period(2568, 10), reason="แก้ยอด", user="\x07")
    assert [e.field for e in info.value.errors] == ["user"]
    with pytest.raises(ValidationError) as info:
        export_monthly(register, Period(2568, 10), tmp_path / "o", user="a\u202eb")
    assert [e.field for e in info.value.errors] == ["user"]
