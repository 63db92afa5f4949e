"""Products with standards and ratings; monthly sales; households; trainings and grants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from otop_desktop.errors import ValidationError
from otop_desktop.models import Product, Sale
from otop_desktop.services import entrepreneurs, households, products, sales, support
from otop_desktop.services.products import ProductInput, RatingInput, StandardInput
from otop_desktop.services.sales import SaleInput
from otop_desktop.thaiformat import Period
from tests.conftest import person

OCT = Period(2568, 10)


@pytest.fixture
def owner(register) -> int:
    with register.write() as s:
        return entrepreneurs.create_entrepreneur(s, person()).id


def silk(**changes: object) -> ProductInput:
    data = ProductInput(name="ผ้าไหมยกดอก", category=3, price="1,250.50", unit="ผืน")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_product_codes_follow_the_registration_number_and_are_never_reused(register, owner) -> None:
    with register.write() as s:
        a = products.create_product(s, owner, silk())
        b = products.create_product(s, owner, silk(name="ร่มบ่อสร้าง", category=4))
    assert (a.code, b.code) == ("5013-2567-0001-P01", "5013-2567-0001-P02")
    assert a.price == Decimal("1250.50")
    with register.write() as s:
        products.delete_product(s, b.id)
        c = products.create_product(s, owner, silk(name="ผ้าฝ้าย"))
    assert c.code == "5013-2567-0001-P03"


def test_ratings_set_the_current_stars_and_standards_are_kept(register, owner) -> None:
    data = silk(
        ratings=[RatingInput(2565, 4), RatingInput("๒๕๖๗", "5"), RatingInput(2562, 3)],
        standards=[StandardInput("มผช.", "มผช. 17/2567", "1/1/2570"), StandardInput("อย.")],
        soft_power="Fashion",
    )
    with register.write() as s:
        p = products.create_product(s, owner, data)
        assert (p.current_stars, p.current_star_year) == (5, 2567)
        assert [r.year_be for r in p.ratings] == [2562, 2565, 2567]
        assert [x.standard for x in p.standards] == ["มผช.", "อย."]
        assert p.standards[0].expires_on == date(2027, 1, 1)
    with register.write() as s:  # the same rows again, one changed
        data.ratings[0] = RatingInput(2565, 5)
        p = products.update_product(s, p.id, data)
        assert [(r.year_be, r.stars) for r in p.ratings] == [(2562, 3), (2565, 5), (2567, 5)]
        assert [x.standard for x in p.standards] == ["มผช.", "อย."]
    with register.write() as s:
        p = products.update_product(s, p.id, silk(ratings=[]))
        assert (p.current_stars, p.current_star_year) == (0, None)
        assert p.standards == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "product_name"),
        ({"category": 6}, "category"),
        ({"price": "-5"}, "price"),
        ({"price": "12.345"}, "price"),
        ({"price": "สิบบาท"}, "price"),
        ({"soft_power": "Music"}, "soft_power"),
        ({"ratings": [RatingInput(2565, 6)]}, "ratings"),
        ({"ratings": [RatingInput(2565, 3), RatingInput(2565, 4)]}, "ratings"),
        ({"ratings": [RatingInput(2030, 3)]}, "ratings"),
        ({"standards": [StandardInput("ISO")]}, "standards"),
        ({"standards": [StandardInput("GMP"), StandardInput("GMP")]}, "standards"),
    ],
)
def test_bad_products_are_refused(register, owner, changes, field) -> None:
    with pytest.raises(ValidationError) as caught, register.write() as s:
        products.create_product(s, owner, silk(**changes))
    assert caught.value.for_field(field)
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0


def test_whole_business_or_per_product_never_both(register, owner) -> None:
    with register.write() as s:
        p = products.create_product(s, owner, silk())
    with register.write() as s:
        sales.set_month_sales(s, owner, OCT, whole=SaleInput("15000", "2500.25"))
    with register.write() as s:
        rows = sales.month_sales(s, owner, OCT)
        assert [(r.product_id, r.amount, r.online_amount) for r in rows] == [
            (None, Decimal("15000.00"), Decimal("2500.25"))
        ]
    with pytest.raises(ValidationError), register.write() as s:
        sales.set_month_sales(
            s, owner, OCT, whole=SaleInput("1"), by_product={p.id: SaleInput("2")}
        )
    # Switching to per-product figures replaces the whole-business row.
    with register.write() as s:
        sales.set_month_sales(s, owner, OCT, by_product={p.id: SaleInput("9000", "0")})
    with register.read() as s:
        rows = sales.month_sales(s, owner, OCT)
        assert [(r.product_id, r.amount) for r in rows] == [(p.id, Decimal("9000.00"))]


@pytest.mark.parametrize(
    ("item", "words"),
    [
        (SaleInput("-1"), "ติดลบ"),
        (SaleInput("100", "150"), "ไม่เกินยอดจำหน่ายทั้งหมด"),
        (SaleInput(""), "กรุณากรอก"),
        (SaleInput("1.005"), "ทศนิยม"),
    ],
)
def test_bad_sales_change_nothing(register, owner, item, words) -> None:
    with register.write() as s:
        sales.set_month_sales(s, owner, OCT, whole=SaleInput("500"))
    with pytest.raises(ValidationError) as caught, register.write() as s:
        sales.set_month_sales(s, owner, OCT, whole=item)
    assert any(words in e.message_th for e in caught.value.errors)
    with register.read() as s:
        assert [r.amount for r in sales.month_sales(s, owner, OCT)] == [Decimal("500.00")]


def test_deleting_an_entrepreneur_takes_its_products_and_sales(register, owner) -> None:
    with register.write() as s:
        products.create_product(s, owner, silk())
        sales.set_month_sales(s, owner, OCT, whole=SaleInput("1"))
    with register.write() as s:
        entrepreneurs.delete_entrepreneur(s, owner)
    with register.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0
        assert s.scalar(select(func.count()).select_from(Sale)) == 0


def test_household_codes_per_subdistrict_and_moo(register) -> None:
    data = households.HouseholdInput(
        head_name="นายสม ใจงาม",
        subdistrict_code="501301",
        moo=4,
        house_no="12",
        member_count=5,
        skills=[households.SkillInput("ทอผ้าตีนจก", "แฟชั่น", "ชำนาญ", "นางแก้ว", "การตลาดออนไลน์")],
    )
    with register.write() as s:
        a = households.create_household(s, data)
        b = households.create_household(s, data)
    assert (a.code, b.code) == ("501301-04-0001", "501301-04-0002")
    bad = households.HouseholdInput(
        head_name="",
        subdistrict_code="501301",
        moo=None,
        skills=[households.SkillInput("ร้องเพลง", "คาราโอเกะ", "สูงมาก")],
    )
    with pytest.raises(ValidationError) as caught, register.write() as s:
        households.create_household(s, bad)
    assert {e.field for e in caught.value.errors} >= {"head_name", "moo", "skills", "house_no"}


def test_trainings_and_grants(register, owner) -> None:
    with register.write() as s:
        t = support.save_training(
            s,
            support.TrainingInput(
                held_on="5/11/2568", topic="การขายออนไลน์", budget="30000", participant_ids=[owner]
            ),
        )
        g = support.save_grant(
            s, owner, support.GrantInput("1/11/2568", "50000", "ซื้อกี่ทอผ้า", "อบจ.")
        )
        assert [p.entrepreneur_id for p in t.participants] == [owner]
        assert g.amount == Decimal("50000.00")
    with pytest.raises(ValidationError) as caught, register.write() as s:
        support.save_training(
            s, support.TrainingInput(held_on=None, topic="x", participant_ids=[999])
        )
    assert {e.field for e in caught.value.errors} == {"held_on", "participants"}
    with pytest.raises(ValidationError), register.write() as s:
        support.save_grant(s, owner, support.GrantInput("1/11/2568", "-1", "x"))
