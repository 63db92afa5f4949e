"""The month's sales as one sheet: who it lists, in what order, with which figures, in a fixed
number of queries; and saving many entrepreneurs' figures in one transaction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import event

from otop_desktop.database import Register
from otop_desktop.errors import ValidationError
from otop_desktop.services import entrepreneurs, products, sales
from otop_desktop.services.products import ProductInput
from otop_desktop.services.sales import Figure, MonthChange, SaleInput
from otop_desktop.textnorm import to_arabic_digits
from otop_desktop.thaiformat import Period
from tests.conftest import person

OCT = Period(2568, 10)


def add_owner(register: Register, *product_names: str, **changes: object) -> tuple[int, list[int]]:
    with register.write() as s:
        owner = entrepreneurs.create_entrepreneur(s, person(**changes))
        ids = [
            products.create_product(s, owner.id, ProductInput(name, 3, "100", "ผืน")).id
            for name in product_names
        ]
        return owner.id, ids


def sheet(
    register: Register, period: Period = OCT, district: str | None = None
) -> list[sales.SheetRow]:
    with register.read() as s:
        return sales.month_sheet(s, period, district)


def test_the_sheet_lists_every_active_entrepreneur_with_products_and_figures(register) -> None:
    a, (silk, cotton) = add_owner(register, "ผ้าไหม", "ผ้าฝ้าย")
    b, _ = add_owner(register)
    c, _ = add_owner(register, "ร่ม")
    with register.write() as s:
        sales.set_month_sales(s, a, OCT, by_product={silk: SaleInput("1,250.50", "250")})
        sales.set_month_sales(s, b, OCT, whole=SaleInput("900"))
        sales.set_month_sales(s, c, OCT.prev(), whole=SaleInput("5"))  # another month
    rows = sheet(register)
    assert [r.reg_no for r in rows] == [
        "5013-2567-0001",
        "5013-2567-0002",
        "5013-2567-0003",
    ]
    first, second, third = rows
    assert [(p.id, p.code, p.name, p.category) for p in first.products] == [
        (silk, "5013-2567-0001-P01", "ผ้าไหม", 3),
        (cotton, "5013-2567-0001-P02", "ผ้าฝ้าย", 3),
    ]
    assert [p.figure for p in first.products] == [
        Figure(Decimal("1250.50"), Decimal("250.00")),
        None,
    ]
    assert (first.whole, first.per_product) == (None, True)
    assert (second.whole, second.per_product, second.products) == (
        Figure(Decimal("900.00"), Decimal("0.00")),
        False,
        (),
    )
    assert (third.whole, third.per_product) == (None, False)
    assert [p.figure for p in third.products] == [None]


def test_a_closed_business_is_listed_up_to_the_month_it_closed(register) -> None:
    active, _ = add_owner(register)
    gone, _ = add_owner(
        register, status="closed", status_reason="COVID-19", status_date="15/10/2568"
    )
    with register.write() as s:
        sales.set_month_sales(s, gone, OCT, whole=SaleInput("10"))  # traded half the month
    assert [(r.entrepreneur_id, r.status, r.expected) for r in sheet(register)] == [
        (active, "active", True),
        (gone, "closed", True),
    ]
    assert [r.entrepreneur_id for r in sheet(register, OCT.next())] == [active]


def test_a_month_without_figures_proposes_last_months_way(register) -> None:
    by_product, (p,) = add_owner(register, "ผ้าไหม")
    whole, _ = add_owner(register, "ร่ม")
    with register.write() as s:
        sales.set_month_sales(s, by_product, OCT.prev(), by_product={p: SaleInput("1")})
        sales.set_month_sales(s, whole, OCT.prev(), whole=SaleInput("1"))
    assert [r.per_product for r in sheet(register)] == [True, False]
    with register.write() as s:  # this month's own way wins
        sales.set_month_sales(s, by_product, OCT, whole=SaleInput("3"))
    assert [r.per_product for r in sheet(register)] == [False, False]


def test_a_province_sheet_can_be_narrowed_to_one_district(province_register) -> None:
    here, _ = add_owner(province_register, subdistrict_code="501301")
    there, _ = add_owner(province_register, "แคบหมู", subdistrict_code="500101")
    with province_register.write() as s:
        sales.set_month_sales(s, here, OCT, whole=SaleInput("7"))
        sales.set_month_sales(s, there, OCT, whole=SaleInput("8"))
    assert [r.entrepreneur_id for r in sheet(province_register)] == [there, here]
    [only] = sheet(province_register, district="5001")
    assert (only.entrepreneur_id, only.whole) == (there, Figure(Decimal("8.00"), Decimal(0)))
    assert [p.name for p in only.products] == ["แคบหมู"]


def count_queries(register: Register, period: Period) -> int:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(register.engine, "before_cursor_execute", record)
    try:
        sheet(register, period)
    finally:
        event.remove(register.engine, "before_cursor_execute", record)
    return sum(s.lstrip().upper().startswith("SELECT") for s in seen)


def test_the_sheet_takes_the_same_few_queries_for_any_number_of_entrepreneurs(register) -> None:
    add_owner(register, "ผ้าไหม")
    small = count_queries(register, OCT)
    for n in range(12):
        owner, ids = add_owner(register, "ผ้าไหม", "ร่ม")
        with register.write() as s:
            if n % 2:
                sales.set_month_sales(s, owner, OCT, whole=SaleInput("1"))
            else:
                sales.set_month_sales(s, owner, OCT, by_product={ids[0]: SaleInput("2")})
    assert len(sheet(register)) == 13
    assert count_queries(register, OCT) == small <= 4


def test_saving_a_sheet_writes_many_entrepreneurs_at_once(register) -> None:
    a, (silk, cotton) = add_owner(register, "ผ้าไหม", "ผ้าฝ้าย")
    b, _ = add_owner(register)
    c, _ = add_owner(register)
    with register.write() as s:
        sales.set_month_sales(s, c, OCT, whole=SaleInput("77"))
    with register.write() as s:
        saved = sales.save_month_sheet(
            s,
            OCT,
            [
                MonthChange(
                    a, by_product={silk: SaleInput("๑,๐๐๐", "100"), cotton: SaleInput("5")}
                ),
                MonthChange(b, whole=SaleInput("2,500.75", "0.75")),
                MonthChange(c),  # clears the month
            ],
        )
    assert saved == 3
    rows = {r.entrepreneur_id: r for r in sheet(register)}
    assert [p.figure for p in rows[a].products] == [
        Figure(Decimal("1000.00"), Decimal("100.00")),
        Figure(Decimal("5.00"), Decimal("0.00")),
    ]
    assert rows[b].whole == Figure(Decimal("2500.75"), Decimal("0.75"))
    assert rows[c].whole is None and not rows[c].per_product


def test_one_bad_figure_saves_nothing_and_every_error_names_its_row(register) -> None:
    a, (silk,) = add_owner(register, "ผ้าไหม")
    b, _ = add_owner(register)
    c, _ = add_owner(register)
    with register.write() as s:
        sales.set_month_sales(s, c, OCT, whole=SaleInput("77"))
    with pytest.raises(ValidationError) as caught, register.write() as s:
        sales.save_month_sheet(
            s,
            OCT,
            [
                MonthChange(c),
                MonthChange(a, by_product={silk: SaleInput("100", "150")}),
                MonthChange(b, whole=SaleInput("-1")),
                MonthChange(b + 1, whole=SaleInput("สิบบาท")),
            ],
        )
    assert [(e.field, e.message_th) for e in caught.value.errors] == [
        ("5013-2567-0001-P01", "5013-2567-0001-P01: ยอดขายออนไลน์ต้องไม่เกินยอดจำหน่ายทั้งหมด"),
        ("5013-2567-0002", "5013-2567-0002: ยอดจำหน่ายต้องไม่ติดลบ"),
        ("5013-2567-0003", "5013-2567-0003: ยอดจำหน่ายต้องเป็นตัวเลข"),
    ]
    assert caught.value.errors[1].message_en == "5013-2567-0002: The sales must not be negative"
    rows = {r.entrepreneur_id: r for r in sheet(register)}
    assert rows[c].whole == Figure(Decimal("77.00"), Decimal(0))  # its clearing rolled back
    assert rows[a].products[0].figure is None


def test_whole_and_per_product_together_is_refused_by_registration_number(register) -> None:
    a, (silk,) = add_owner(register, "ผ้าไหม")
    with pytest.raises(ValidationError) as caught, register.write() as s:
        sales.save_month_sheet(
            s, OCT, [MonthChange(a, whole=SaleInput("1"), by_product={silk: SaleInput("1")})]
        )
    [error] = caught.value.errors
    assert error.field == "5013-2567-0001"
    assert "อย่างใดอย่างหนึ่ง" in error.message_th


@pytest.mark.parametrize(
    ("amount", "online", "fields"),
    [
        ("1,250.50", "", []),
        ("๒๐๐", "๕๐", []),
        ("", "", ["amount"]),
        ("", "5", ["amount"]),
        ("10", "20", ["online_amount"]),
        ("abc", "-1", ["amount", "online_amount"]),
    ],
)
def test_a_figure_as_typed_is_checked_cell_by_cell(
    amount: str, online: str, fields: list[str]
) -> None:
    figure, errors = sales.check_sale(SaleInput(amount, online))
    assert [e.field for e in errors] == fields
    if not errors:
        assert figure.amount == Decimal(to_arabic_digits(amount).replace(",", ""))
