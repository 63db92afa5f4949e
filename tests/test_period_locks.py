"""A submitted month: its sales are refused until an explicit, recorded unlock, after which
the month needs sending again; each event is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.errors import UserError, ValidationError
from otop_desktop.models import PeriodLock, Sale
from otop_desktop.services import sales
from otop_desktop.services.locks import (
    MonthState,
    PeriodLockedError,
    ensure_open,
    period_state,
    unlock_period,
)
from otop_desktop.services.sales import MonthChange, SaleInput
from otop_desktop.submission.export import export_monthly
from tests.test_submission_export import OCT, fill


@pytest.fixture
def submitted(register: Register, tmp_path: Path) -> dict[str, int]:
    ids = fill(register)
    export_monthly(register, OCT, tmp_path / "out", user="นางสาวส่ง")
    return ids


def test_a_month_never_sent_is_open(register) -> None:
    with register.read() as s:
        state = period_state(s, "5013", OCT)
    assert state.state is MonthState.OPEN and not state.locked and state.at is None


def test_export_locks_the_month_and_its_sales_are_refused(register, submitted) -> None:
    with register.read() as s:
        state = period_state(s, "5013", OCT)
    assert state.state is MonthState.SUBMITTED and state.locked
    assert state.user == "นางสาวส่ง"
    assert state.file_name.endswith("OTOP-5013-256810.xlsx")
    with pytest.raises(PeriodLockedError) as caught, register.write() as s:
        sales.set_month_sales(s, submitted["b"], OCT, whole=SaleInput("1"))
    assert "ส่งจังหวัดแล้ว" in caught.value.message_th
    assert "ปลดล็อก" in caught.value.message_th
    assert "2568-10" in caught.value.message_en and "unlock" in caught.value.message_en
    with pytest.raises(PeriodLockedError), register.write() as s:
        sales.save_month_sheet(s, OCT, [MonthChange(submitted["b"], whole=SaleInput("2"))])
    with register.read() as s:  # nothing changed
        amounts = s.scalars(select(Sale.amount).where(Sale.entrepreneur_id == submitted["b"]))
        assert sorted(str(a) for a in amounts) == ["1000.00", "999.00"]


def test_other_months_stay_open(register, submitted) -> None:
    with register.write() as s:
        sales.set_month_sales(s, submitted["b"], OCT.next(), whole=SaleInput("10"))
        sales.save_month_sheet(s, OCT.prev(), [MonthChange(submitted["b"], whole=SaleInput("5"))])
        ensure_open(s, ["5013"], OCT.prev())
    with register.read() as s:
        for month, amount in ((OCT.prev(), "5.00"), (OCT.next(), "10.00")):
            assert period_state(s, "5013", month).state is MonthState.OPEN
            (sale,) = sales.month_sales(s, submitted["b"], month)
            assert str(sale.amount) == amount
        assert period_state(s, "5013", OCT).locked


def test_unlock_needs_a_reason_and_is_recorded(register, submitted) -> None:
    with pytest.raises(ValidationError, match="reason"), register.write() as s:
        unlock_period(s, "5013", OCT, reason="  ", user="นายแก้")
    with register.write() as s:
        unlock_period(s, "5013", OCT, reason="ยอดร้านกลุ่มทอผ้าพิมพ์ผิด", user="นายแก้")
    with register.read() as s:
        state = period_state(s, "5013", OCT)
    assert state.state is MonthState.UNLOCKED and not state.locked
    assert (state.reason, state.user) == ("ยอดร้านกลุ่มทอผ้าพิมพ์ผิด", "นายแก้")
    assert state.file_name.endswith("OTOP-5013-256810.xlsx")  # the file still to be replaced
    with register.write() as s:
        sales.set_month_sales(s, submitted["b"], OCT, whole=SaleInput("1100"))
    with pytest.raises(UserError, match="nothing to unlock"), register.write() as s:
        unlock_period(s, "5013", OCT, reason="อีกครั้ง", user="นายแก้")


def test_sending_again_locks_again_and_the_history_is_kept(register, submitted, tmp_path) -> None:
    with register.write() as s:
        unlock_period(s, "5013", OCT, reason="แก้ยอด", user="นายแก้")
    export_monthly(register, OCT, tmp_path / "again.xlsx", user="นางสาวส่ง")
    with register.read() as s:
        events = s.scalars(select(PeriodLock).order_by(PeriodLock.id)).all()
        state = period_state(s, "5013", OCT)
    assert [e.action for e in events] == ["submitted", "unlocked", "submitted"]
    assert state.locked and state.file_name.endswith("again.xlsx")
    with pytest.raises(PeriodLockedError), register.write() as s:
        sales.set_month_sales(s, submitted["b"], OCT, whole=SaleInput("1"))


def test_unlocking_a_month_never_sent_is_refused(register) -> None:
    with pytest.raises(UserError, match="not submitted"), register.write() as s:
        unlock_period(s, "5013", OCT, reason="ลอง", user="x")
    with register.read() as s:
        assert s.scalars(select(PeriodLock)).all() == []
