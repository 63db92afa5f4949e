"""The register's figures, exact to the satang."""

from __future__ import annotations

from otop_desktop.services import entrepreneurs, products, sales
from otop_desktop.services.products import ProductInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.services.stats import overview, register_stats
from otop_desktop.thaiformat import Period
from tests.conftest import person


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


def test_overview_gives_the_latest_year(province_register) -> None:
    with province_register.write() as s:
        a = entrepreneurs.create_entrepreneur(s, person(subdistrict_code="501301"))
        sales.set_month_sales(s, a.id, Period(2567, 12), whole=SaleInput("9"))
        sales.set_month_sales(s, a.id, Period(2568, 1), whole=SaleInput("1.25"))
        sales.set_month_sales(s, a.id, Period(2568, 2), whole=SaleInput("2"))
    with province_register.read() as s:
        figures = overview(s)
    assert (figures.entrepreneurs, figures.products, figures.latest_year) == (1, 0, 2568)
    assert str(figures.latest_year_sales) == "3.25"
