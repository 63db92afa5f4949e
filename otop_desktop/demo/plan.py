"""How many producers, products and base-year sales each district gets.

The split is fixed before any district is generated, so that a district register gets
exactly the share that the province demo gives that district."""

from __future__ import annotations

from dataclasses import dataclass

import geothai
from geothai.types import District

from otop_desktop.demo.apportion import apportion
from otop_desktop.demo.crafts import CHIANG_MAI, GENERIC_CRAFTS, Craft

#: Chiang Mai in B.E. 2565 (../shared/spec/domain.md).
CHIANG_MAI_CODE = "50"
CHIANG_MAI_ENTREPRENEURS = 2_475
CHIANG_MAI_PRODUCTS = 7_324
CHIANG_MAI_SALES_BAHT = 13_773_055_668
CHIANG_MAI_DISTRICTS = 25

NATION_ENTREPRENEURS = 200_000
NATION_PRODUCTS_PER_ENTREPRENEUR = 3


@dataclass(frozen=True, slots=True)
class Quota:
    district_code: str
    district_name: str
    province_code: str
    province_name: str
    entrepreneurs: int
    products: int
    #: Whole baht of sales in the base year (B.E. 2565).
    sales_baht: int
    crafts: tuple[tuple[Craft, float], ...]
    chiang_mai: bool


def _scaled(value: int, districts: int) -> int:
    """Chiang Mai's ``value`` for a province of ``districts`` districts (half rounds up)."""
    return (2 * value * districts + CHIANG_MAI_DISTRICTS) // (2 * CHIANG_MAI_DISTRICTS)


def province_plan(province_code: str) -> list[Quota]:
    districts = geothai.districts(province_code)
    if not districts:
        raise ValueError(f"unknown province {province_code!r}")
    if province_code == CHIANG_MAI_CODE:
        profiles = [CHIANG_MAI[d.code] for d in districts]
        return _quotas(
            districts,
            CHIANG_MAI_ENTREPRENEURS,
            CHIANG_MAI_PRODUCTS,
            CHIANG_MAI_SALES_BAHT,
            [p.weight for p in profiles],
            [p.sales for p in profiles],
        )
    n = len(districts)
    weights = [float(len(geothai.subdistricts(d.code))) for d in districts]
    return _quotas(
        districts,
        _scaled(CHIANG_MAI_ENTREPRENEURS, n),
        _scaled(CHIANG_MAI_PRODUCTS, n),
        _scaled(CHIANG_MAI_SALES_BAHT, n),
        weights,
        [1.0] * n,
    )


def nation_plan(entrepreneurs: int = NATION_ENTREPRENEURS) -> list[Quota]:
    """Every district of Thailand, by size, at Chiang Mai's products and sales per producer."""
    districts = [d for p in geothai.provinces() for d in geothai.districts(p.code)]
    weights = [float(len(geothai.subdistricts(d.code))) for d in districts]
    return _quotas(
        districts,
        entrepreneurs,
        entrepreneurs * NATION_PRODUCTS_PER_ENTREPRENEUR,
        entrepreneurs * CHIANG_MAI_SALES_BAHT // CHIANG_MAI_ENTREPRENEURS,
        weights,
        [1.0] * len(districts),
    )


def _quotas(
    districts: list[District],
    entrepreneurs: int,
    products: int,
    sales_baht: int,
    weights: list[float],
    sales_per_producer: list[float],
) -> list[Quota]:
    """``weights``: the districts' shares of producers; ``sales_per_producer``: relative sales
    of a producer in each district."""
    counts = apportion(entrepreneurs, weights)
    # Every producer has a product; the products beyond that go where the producers are.
    extra = apportion(products - entrepreneurs, counts)
    money = apportion(sales_baht, [c * s for c, s in zip(counts, sales_per_producer, strict=True)])
    provinces = {p.code: p.name_th for p in geothai.provinces()}
    return [
        Quota(
            district_code=d.code,
            district_name=d.name_th,
            province_code=d.province_code,
            province_name=provinces[d.province_code],
            entrepreneurs=counts[i],
            products=counts[i] + extra[i],
            sales_baht=money[i],
            crafts=CHIANG_MAI[d.code].crafts if d.code in CHIANG_MAI else GENERIC_CRAFTS,
            chiang_mai=d.code in CHIANG_MAI,
        )
        for i, d in enumerate(districts)
    ]
