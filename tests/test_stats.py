"""The register's figures, exact to the satang."""

from __future__ import annotations

import json
from datetime import date

from otop_desktop.cli import main
from otop_desktop.services import entrepreneurs, products, sales
from otop_desktop.services.products import ProductInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.services.stats import register_stats
from otop_desktop.thaiformat import Period
from tests.conftest import db_of, person


def test_sales_totals_by_year_and_period_are_exact(province_register) -> None:
    with province_register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(subdistrict_code="501301"))
        b = entrepreneurs.create_entrepreneur(s, person(subdistrict_code="500101"))
        p = products.create_product(s, b.id, ProductInput("แคบหมู", 1, "60", "ถุง"))
        sales.set_month_sales(s, a.id, Period(2567, 12), whole=SaleInput("1234567.25", "0.25"))
        sales.set_month_sales(s, a.id, Period(2568, 1), whole=SaleInput("0.10"))
        sales.set_month_sales(s, b.id, Period(2568, 1), by_product={p.id: SaleInput("0.20")})
    with province_register.read() as s:
        figures = register_stats(s)
    assert figures["sales_by_year"] == {"2567": "1234567.25", "2568": "0.30"}
    assert figures["sales_by_period"] == {"2567-12": "1234567.25", "2568-01": "0.30"}
    assert figures["entrepreneurs_by_district"] == {"5001": 1, "5013": 1}
    assert (figures["entrepreneurs"], figures["products"], figures["sales"]) == (2, 1, 3)
    assert figures["office"]["kind"] == "province"


def test_sales_by_fiscal_year_and_one_years_figures(province_register, capsys) -> None:
    with province_register.write() as s:
        a = entrepreneurs.create_entrepreneur(
            s, person(subdistrict_code="501301", registered_on=date(2023, 3, 1))
        )
        b = entrepreneurs.create_entrepreneur(
            s, person(subdistrict_code="500101", registered_on=date(2024, 11, 1))
        )
        p = products.create_product(s, b.id, ProductInput("แคบหมู", 1, "60", "ถุง"))
        products.create_product(s, a.id, ProductInput("ผ้าทอ", 3, "60", "ผืน"))
        sales.set_month_sales(s, a.id, Period(2567, 9), whole=SaleInput("5"))
        sales.set_month_sales(s, a.id, Period(2567, 10), whole=SaleInput("1.25"))
        sales.set_month_sales(s, b.id, Period(2568, 1), by_product={p.id: SaleInput("2")})
    with province_register.read() as s:
        figures = register_stats(s, 2568)
        calendar = register_stats(s, 2567, calendar=True)
    # Fiscal 2568 runs October 2567 to September 2568.
    assert figures["sales_by_fiscal_year"] == {"2567": "5.00", "2568": "3.25"}
    assert figures["sales_by_year"] == {"2567": "6.25", "2568": "2.00"}
    year = figures["year"]
    assert (year["entrepreneurs"], year["products"], year["sales"]) == (2, 2, "3.25")
    assert year["by_district"] == {
        "5001": {"entrepreneurs": 1, "products": 1, "sales": "2.00"},
        "5013": {"entrepreneurs": 1, "products": 1, "sales": "1.25"},
    }
    assert year["by_category"] == {
        "1": {"products": 1, "sales": "2.00"},
        "3": {"products": 1, "sales": "1.25"},
    }
    # Calendar 2567 (2024): b registered in November counts; its sales came in 2568.
    assert calendar["year"]["entrepreneurs"] == 2
    assert calendar["year"]["sales"] == "6.25"
    assert main(["stats", "--db", db_of(province_register), "--year", "2568"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["year"] == year
    assert main(["stats", "--db", db_of(province_register), "--year", "2025"]) == 2
    assert "2565" in capsys.readouterr().err
