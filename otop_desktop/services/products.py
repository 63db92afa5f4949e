"""Products of an entrepreneur, with their standards and star ratings."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from otop_desktop.backup.floors import note_issued, product_floor_name
from otop_desktop.domain import Category, SoftPower, Standard
from otop_desktop.errors import NotFoundError
from otop_desktop.models import Entrepreneur, Product, ProductStandard, StarRating, length
from otop_desktop.search import product_doc
from otop_desktop.services import incomplete
from otop_desktop.services.entrepreneurs import get_entrepreneur, refresh_search
from otop_desktop.services.numbers import format_product_code
from otop_desktop.services.versions import bump, check_version
from otop_desktop.thaiformat import be_year, thai_today
from otop_desktop.validation import Checker

# A declarative class's __table__ is typed as any FROM clause; this one is a plain table.
_ENTREPRENEURS = cast(Table, Entrepreneur.__table__)

# The national OTOP Product Champion selection began in 2546 B.E.
FIRST_SELECTION_YEAR = 2546


@dataclass
class StandardInput:
    standard: Standard | str
    cert_no: str = ""
    expires_on: date | str | None = None


@dataclass
class RatingInput:
    year_be: int | str
    stars: int | str


@dataclass
class ProductInput:
    name: str
    category: Category | int | str | None
    price: Decimal | str | int = Decimal(0)
    unit: str = ""
    soft_power: SoftPower | str | None = None
    standards: list[StandardInput] = field(default_factory=list)
    ratings: list[RatingInput] = field(default_factory=list)


def check_product(
    data: ProductInput, *, lacking: Collection[str] = ()
) -> tuple[dict[str, object], list[ProductStandard], list[StarRating]]:
    """The product's values, standards and ratings, or a ValidationError naming every field
    at fault. The fields in ``lacking`` (an incomplete import) are not checked and come back
    as None."""
    check = Checker()
    category = check.choice("category", data.category, Category)
    soft_power = check.choice("soft_power", data.soft_power or None, SoftPower, required=False)
    values: dict[str, object] = {
        "name": check.text("product_name", data.name, required=True, max_len=length(Product.name)),
        "category": int(category) if category else None,
        "price": check.money("price", data.price, required=False),
        "unit": check.text("unit", data.unit, required=False, max_len=length(Product.unit)),
        "soft_power": soft_power.value if soft_power else None,
    }
    standards: list[ProductStandard] = []
    for item in data.standards:
        standard = check.choice("standards", item.standard, Standard)
        if standard is None:
            continue
        if any(s.standard == standard.value for s in standards):
            check.fail(
                "standards", f"มาตรฐาน {standard.value} ซ้ำ", f"{standard.value} is listed twice"
            )
            continue
        standards.append(
            ProductStandard(
                standard=standard.value,
                cert_no=check.text(
                    "standards",
                    item.cert_no,
                    required=False,
                    max_len=length(ProductStandard.cert_no),
                ),
                expires_on=check.date("standards", item.expires_on, required=False, future=True),
            )
        )
    ratings: list[StarRating] = []
    this_year = be_year(thai_today())
    for rating in data.ratings:
        year = check.integer(
            "ratings", rating.year_be, FIRST_SELECTION_YEAR, this_year, required=True
        )
        stars = check.integer("ratings", rating.stars, 1, 5, required=True)
        if year is None or stars is None:
            continue
        if any(r.year_be == year for r in ratings):
            check.fail("ratings", f"ปีคัดสรร {year} ซ้ำ", f"The selection year {year} is listed twice")
            continue
        ratings.append(StarRating(year_be=year, stars=stars))
    if lacking:
        check.errors = [e for e in check.errors if e.field not in lacking]
        values.update(dict.fromkeys(lacking))
    check.done()
    return values, standards, ratings


def _apply(
    product: Product,
    values: dict[str, object],
    standards: list[ProductStandard],
    ratings: list[StarRating],
) -> None:
    for key, value in values.items():
        setattr(product, key, value)
    product.standards = standards
    product.ratings = sorted(ratings, key=lambda r: r.year_be)
    latest = product.ratings[-1] if product.ratings else None
    product.current_stars = latest.stars if latest else 0
    product.current_star_year = latest.year_be if latest else None


def get_product(session: Session, product_id: int) -> Product:
    found = session.get(Product, product_id)
    if found is None:
        raise NotFoundError(
            f"ไม่พบผลิตภัณฑ์รหัส {product_id} (อาจถูกลบไปแล้ว)",
            f"No product {product_id} (it may have been deleted)",
        )
    return found


def _draw_product_seq(session: Session, entrepreneur: Entrepreneur) -> int:
    """The producer's next product sequence, drawn and raised in one statement (as the
    counters of services.numbers are): two clerks adding products to one producer at once
    never draw the same code, on either engine."""
    drawn = session.execute(
        update(_ENTREPRENEURS)
        .where(_ENTREPRENEURS.c.id == entrepreneur.id)
        .values(next_product_seq=_ENTREPRENEURS.c.next_product_seq + 1)
        .returning(_ENTREPRENEURS.c.next_product_seq)
    ).scalar_one()
    # The loaded record learns the new value as the database's, not as a change of its own.
    set_committed_value(entrepreneur, "next_product_seq", drawn)
    return int(drawn) - 1


def create_product(
    session: Session,
    entrepreneur_id: int,
    data: ProductInput,
    *,
    lacking: Mapping[str, str] | None = None,
) -> Product:
    """Adds a product; its code is the producer's registration number and the next product
    sequence, never one a deleted product had. With ``lacking`` (field → what the old
    spreadsheet held there) it is stored incomplete, without those fields."""
    lacking = incomplete.only_product_fields(lacking or {})
    values, standards, ratings = check_product(data, lacking=lacking.keys())
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    seq = _draw_product_seq(session, entrepreneur)
    product = Product(code=format_product_code(entrepreneur.reg_no, seq))
    note_issued(session, product_floor_name(entrepreneur.reg_no), seq)
    _apply(product, values, standards, ratings)
    product.missing = incomplete.encode(lacking)
    product.search_text = product_doc(product.name, product.code, entrepreneur.name)
    entrepreneur.products.append(product)
    refresh_search(entrepreneur)
    session.flush()
    return product


def update_product(
    session: Session, product_id: int, data: ProductInput, *, expected_version: int | None = None
) -> Product:
    """Changes a product (its code stays); ``expected_version`` as in update_entrepreneur.
    Every field is checked, so an incomplete product saved here is complete afterwards."""
    values, standards, ratings = check_product(data)
    product = get_product(session, product_id)
    check_version(session, product, expected_version)
    # The new standard and rating rows would be inserted before the old ones are deleted, and
    # a year or standard kept would break the unique constraints: clear them first.
    product.standards, product.ratings = [], []
    session.flush()
    _apply(product, values, standards, ratings)
    product.missing = None
    bump(product)
    product.search_text = product_doc(product.name, product.code, product.entrepreneur.name)
    refresh_search(product.entrepreneur)
    session.flush()
    return product


def delete_product(session: Session, product_id: int) -> str:
    """Deletes a product with its sales rows; returns its code for the confirmation."""
    product = get_product(session, product_id)
    entrepreneur, code = product.entrepreneur, product.code
    entrepreneur.products.remove(product)
    refresh_search(entrepreneur)
    session.flush()
    return code
