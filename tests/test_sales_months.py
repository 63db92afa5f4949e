"""Sales only in months a business traded in, and only in months that exist: a month before
its registration, after the month it closed or was suspended in, or after the current month
is refused by the service with the month named, and is not counted as missing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from otop_desktop.database import Register
from otop_desktop.errors import ValidationError
from otop_desktop.models import Sale
from otop_desktop.services import entrepreneurs, sales
from otop_desktop.services.locks import MonthState, period_state
from otop_desktop.services.sales import MonthChange, SaleInput, expected, not_trading
from otop_desktop.submission.export import export_monthly
from otop_desktop.thaiformat import Period, thai_today
from tests.conftest import person

REGISTERED = date(2025, 4, 5)  # 5 April 2568
APRIL = Period(2568, 4)


def add(register: Register, **changes: object) -> int:
    with register.write() as s:
        return entrepreneurs.create_entrepreneur(s, person(**changes)).id


def saved(register: Register, entrepreneur_id: int) -> list[tuple[int, Decimal]]:
    with register.read() as s:
        return [
            (sale.period, sale.amount)
            for sale in s.scalars(select(Sale).where(Sale.entrepreneur_id == entrepreneur_id))
        ]


def test_a_month_before_registration_is_refused_naming_the_month(register) -> None:
    owner = add(register, registered_on=REGISTERED)
    with pytest.raises(ValidationError) as info, register.write() as s:
        sales.set_month_sales(s, owner, APRIL.prev(), whole=SaleInput("500"))
    [error] = info.value.errors
    assert error.field == "amount"
    assert "มีนาคม 2568" in error.message_th and "ลงทะเบียนเมื่อ 05/04/2568" in error.message_th
    assert "2568-03" in error.message_en and "registered on 05/04/2568" in error.message_en
    assert saved(register, owner) == []
    with register.write() as s:  # the month it registered in counts
        sales.set_month_sales(s, owner, APRIL, whole=SaleInput("500"))
    assert saved(register, owner) == [(256804, Decimal("500.00"))]


def test_the_sheet_shows_a_month_before_registration_as_not_expected(register) -> None:
    early = add(register, registered_on=date(2024, 5, 1))
    late = add(register, registered_on=REGISTERED)
    with register.read() as s:
        rows = {r.entrepreneur_id: r for r in sales.month_sheet(s, APRIL.prev())}
    assert (rows[early].expected, rows[early].not_trading) == (True, None)
    assert rows[late].expected is False
    assert rows[late].not_trading == ("ลงทะเบียนเมื่อ 05/04/2568", "registered on 05/04/2568")


@pytest.mark.parametrize(
    ("status", "th", "en"),
    [
        ("closed", "เลิกกิจการเมื่อ 15/06/2568", "closed on 15/06/2568"),
        ("suspended", "พักกิจการตั้งแต่ 15/06/2568", "suspended since 15/06/2568"),
    ],
)
def test_months_after_a_closure_or_suspension_are_refused(
    register, status: str, th: str, en: str
) -> None:
    owner = add(register, status=status, status_reason="COVID-19", status_date="15/06/2568")
    june, july = Period(2568, 6), Period(2568, 7)
    with register.write() as s:  # it traded half of June
        sales.set_month_sales(s, owner, june, whole=SaleInput("100"))
    with pytest.raises(ValidationError) as info, register.write() as s:
        sales.set_month_sales(s, owner, july, whole=SaleInput("100"))
    assert th in info.value.errors[0].message_th
    assert en in info.value.errors[0].message_en
    with register.read() as s:
        listed = [r.entrepreneur_id for r in sales.month_sheet(s, july)]
        assert [r.entrepreneur_id for r in sales.month_sheet(s, june)] == [owner]
    assert owner not in listed


def test_a_month_after_the_current_one_is_refused_and_the_current_one_taken(register) -> None:
    owner = add(register)
    this_month = Period.of(thai_today())
    with pytest.raises(ValidationError) as info, register.write() as s:
        sales.set_month_sales(s, owner, this_month.next(), whole=SaleInput("1"))
    [error] = info.value.errors
    assert error.field == "period"
    assert "ยังมาไม่ถึง" in error.message_th and str(this_month.next()) in error.message_en
    with pytest.raises(ValidationError), register.write() as s:
        sales.save_month_sheet(s, Period(2575, 1), [MonthChange(owner, whole=SaleInput("1"))])
    with register.write() as s:  # a month's sales may be entered while it runs
        sales.set_month_sales(s, owner, this_month, whole=SaleInput("1"))
    assert saved(register, owner) == [(this_month.key, Decimal("1.00"))]


def test_a_whole_sheet_names_each_business_with_a_month_it_did_not_trade_in(register) -> None:
    ok = add(register, registered_on=date(2024, 5, 1))
    late = add(register, registered_on=REGISTERED)
    with register.read() as s:
        reg_no = entrepreneurs.get_entrepreneur(s, late).reg_no
    changes = [MonthChange(ok, whole=SaleInput("9")), MonthChange(late, whole=SaleInput("9"))]
    with pytest.raises(ValidationError) as info, register.write() as s:
        sales.save_month_sheet(s, APRIL.prev(), changes)
    [error] = info.value.errors
    assert error.field == reg_no and error.message_th.startswith(f"{reg_no}: ")
    assert saved(register, ok) == []  # the whole sheet rolled back


def test_figures_that_stand_in_a_month_not_traded_can_be_removed(register) -> None:
    """Figures entered before this rule (or by an old import) are cleared, not kept."""
    owner = add(register, registered_on=REGISTERED)
    with register.write() as s:
        s.execute(
            insert(Sale).values(
                entrepreneur_id=owner, period=APRIL.prev().key, amount=5, online_amount=0
            )
        )
    with register.read() as s:
        [row] = [r for r in sales.month_sheet(s, APRIL.prev()) if r.entrepreneur_id == owner]
    assert row.whole is not None and row.expected is False
    with register.write() as s:
        sales.save_month_sheet(s, APRIL.prev(), [MonthChange(owner)])
    assert saved(register, owner) == []


def test_a_business_closed_at_a_date_not_recorded_is_not_owed_figures() -> None:
    """An old register's closed business without a date: its figures are kept, not asked for."""
    assert not_trading(APRIL, REGISTERED, "closed", None) is None
    assert not expected(APRIL, REGISTERED, "closed", None)
    assert expected(APRIL, REGISTERED, "closed", date(2025, 4, 30))
    assert expected(APRIL, REGISTERED, "active", None)
    assert not expected(APRIL.prev(), REGISTERED, "active", None)


def test_the_export_refuses_figures_of_a_month_not_traded_naming_the_business(
    register, tmp_path
) -> None:
    owner = add(register, registered_on=REGISTERED)
    with register.write() as s:
        reg_no = entrepreneurs.get_entrepreneur(s, owner).reg_no
        s.execute(
            insert(Sale).values(
                entrepreneur_id=owner, period=APRIL.prev().key, amount=5, online_amount=0
            )
        )
    out = tmp_path / "out.xlsx"
    with pytest.raises(ValidationError) as info:
        export_monthly(register, APRIL.prev(), out)
    [error] = info.value.errors
    assert error.field == reg_no
    assert "ลงทะเบียนเมื่อ 05/04/2568" in error.message_th
    assert "Monthly sales page" in error.message_en
    assert not out.exists()
    with register.read() as s:
        assert period_state(s, "5013", APRIL.prev()).state is MonthState.OPEN
