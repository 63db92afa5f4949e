"""The rows of one district's demo data, drawn from the district's own random stream.

Everything a district gets depends only on the seed, its quota (plan.py) and the last month,
never on the districts generated before it: so a district register and the province demo
hold the same rows for that district. Only the row ids differ."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar

import geothai

from otop_desktop.demo import names
from otop_desktop.demo.apportion import apportion
from otop_desktop.demo.crafts import SIZE_RANK, Craft, Item
from otop_desktop.demo.loader import (
    DIGITAL_READINESS,
    ENTREPRENEURS,
    GRANTS,
    HOUSEHOLD_SKILLS,
    HOUSEHOLDS,
    PRODUCT_STANDARDS,
    PRODUCTS,
    SALES,
    STAR_RATINGS,
    STATUS_CHANGES,
    TRAINING_PARTICIPANTS,
    TRAININGS,
    Batch,
)
from otop_desktop.demo.plan import Quota
from otop_desktop.domain import Category, Industry, ProducerType, SkillLevel, SoftPower, Standard
from otop_desktop.search import POSITION_GAP, entrepreneur_doc, product_doc, search_mask
from otop_desktop.services.numbers import (
    format_household_code,
    format_product_code,
    format_reg_no,
)
from otop_desktop.thaiformat import Period, be_year, ce_year
from otop_desktop.thaiid import make_thai_id

#: Sales are constrained in this B.E. year; later years grow from it.
BASE_YEAR = 2565
FIRST_PERIOD = Period(BASE_YEAR, 1)
SATANG = 100
#: Most producers have a few products; the cap keeps product codes at two digits with room.
MAX_PRODUCTS = 8

T = TypeVar("T")

_REGISTRATION_YEARS = tuple(range(2546, 2565))
# OTOP registration came in waves: the first big round in 2546, later rounds in 2552 and 2559.
_REGISTRATION_WEIGHTS = tuple(
    accumulate(
        {2546: 14, 2547: 8, 2552: 7, 2559: 7, 2560: 6, 2564: 3}.get(y, 4.5)
        for y in _REGISTRATION_YEARS
    )
)
_TYPES = (ProducerType.GROUP, ProducerType.SINGLE_OWNER, ProducerType.SME)
_TYPE_WEIGHTS = tuple(accumulate((0.46, 0.41, 0.13)))
#: Relative yearly sales and product range of each producer type.
_TYPE_SALES = {ProducerType.GROUP: 1.0, ProducerType.SINGLE_OWNER: 0.6, ProducerType.SME: 2.6}
_TYPE_PRODUCTS = {ProducerType.GROUP: 1.2, ProducerType.SINGLE_OWNER: 0.8, ProducerType.SME: 1.6}

# Chiang Mai sells most in the cool season (Yi Peng in November, New Year, flower festival)
# and least in the rains; elsewhere the OTOP City fair in December is the peak.
_SEASON_CHIANG_MAI = (1.25, 1.05, 0.95, 1.05, 0.8, 0.75, 0.75, 0.8, 0.8, 0.95, 1.25, 1.4)
_SEASON_OTHER = (1.05, 0.95, 0.95, 1.0, 0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.1, 1.3)

#: B.E. years of the national OTOP Product Champion selections.
SELECTION_YEARS = (2562, 2565, 2567)
_STAR_WEIGHTS = tuple(accumulate((5, 12, 38, 30, 15)))

#: (standard, share of products of the category holding it, years valid or None)
_STANDARDS: dict[Category, tuple[tuple[Standard, float, int | None], ...]] = {
    Category.FOOD: (
        (Standard.FDA, 0.65, None),
        (Standard.TCPS, 0.35, 3),
        (Standard.GMP, 0.08, 3),
        (Standard.HACCP, 0.03, 3),
        (Standard.HALAL, 0.04, 2),
        (Standard.ORGANIC, 0.03, 2),
        (Standard.GAP, 0.04, 3),
    ),
    Category.BEVERAGE: (
        (Standard.FDA, 0.7, None),
        (Standard.TCPS, 0.3, 3),
        (Standard.GMP, 0.1, 3),
        (Standard.HALAL, 0.02, 2),
        (Standard.ORGANIC, 0.06, 2),
        (Standard.GAP, 0.04, 3),
    ),
    Category.TEXTILE: ((Standard.TCPS, 0.45, 3), (Standard.TIS, 0.02, 5)),
    Category.UTENSIL: ((Standard.TCPS, 0.4, 3), (Standard.TIS, 0.03, 5)),
    Category.HERBAL: (
        (Standard.FDA, 0.5, None),
        (Standard.TCPS, 0.35, 3),
        (Standard.GMP, 0.08, 3),
        (Standard.ORGANIC, 0.04, 2),
    ),
}
_SOFT_POWER = {
    Category.FOOD: (SoftPower.FOOD.value, 0.3),
    Category.BEVERAGE: (SoftPower.FOOD.value, 0.3),
    Category.TEXTILE: (SoftPower.FASHION.value, 0.4),
}

_STATUS_WINDOW = (date(2023, 1, 1), date(2025, 12, 31))  # B.E. 2566–2568
_SUSPENDED_REASONS = (
    "ได้รับผลกระทบจาก COVID-19",
    "ขาดแคลนวัตถุดิบ",
    "ผู้ประกอบการเจ็บป่วย",
    "ปรับปรุงสถานที่ผลิต",
)
_CLOSED_REASONS = (
    "ได้รับผลกระทบจาก COVID-19",
    "ผู้ประกอบการเสียชีวิต",
    "ย้ายไปประกอบอาชีพอื่น",
    "ขาดทุนต่อเนื่อง",
    "สมาชิกกลุ่มแยกย้าย",
)
#: COVID-19 closed many businesses from March 2563 (B.E.); most reopened from mid-2564.
_COVID_FROM = date(2020, 3, 15)
_COVID_SUSPENDED = (_COVID_FROM, date(2020, 12, 31))
_COVID_REOPENED = (date(2021, 6, 1), date(2022, 6, 30))
_COVID_SHARE = 0.15
_COVID_REASON = "ได้รับผลกระทบจาก COVID-19"
_REOPENED_REASON = "กลับมาดำเนินการหลังสถานการณ์ COVID-19"
#: Registration for the government's digital-money scheme opened on 1 August 2567.
_GOV_SCHEME_OPENED = date(2024, 8, 1)
#: The OFOS (1 ครอบครัว 1 Soft Power) household survey began in 2567.
_OFOS_STARTED = date(2024, 2, 1)

_TRAINING_TOPICS = (
    "การพัฒนาบรรจุภัณฑ์และตราสินค้า",
    "การตลาดออนไลน์และการขายผ่านแพลตฟอร์ม",
    "การขอรับรองมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)",
    "การทำบัญชีรายรับรายจ่ายแบบดิจิทัล",
    "การถ่ายภาพสินค้าด้วยโทรศัพท์มือถือ",
    "การเล่าเรื่องผลิตภัณฑ์ (Storytelling)",
    "การพัฒนาผลิตภัณฑ์สู่ Soft Power",
    "การเตรียมความพร้อมคัดสรรสุดยอด OTOP",
    "การรับชำระเงินด้วย QR Code และพร้อมเพย์",
    "การออกแบบลายผ้าร่วมสมัย",
    "การแปรรูปอาหารให้ได้มาตรฐาน อย.",
)
_GRANT_PURPOSES = (
    "จัดซื้อเครื่องมือและอุปกรณ์การผลิต",
    "พัฒนาบรรจุภัณฑ์",
    "ปรับปรุงสถานที่ผลิตให้ได้มาตรฐาน",
    "ค่าใช้จ่ายออกงานแสดงสินค้า OTOP City",
    "เงินทุนหมุนเวียนจัดซื้อวัตถุดิบ",
    "จัดทำช่องทางขายออนไลน์",
)
_SKILLS = (
    ("ทอผ้าตีนจก", Industry.FASHION),
    ("ทอผ้าฝ้าย", Industry.FASHION),
    ("ตัดเย็บเสื้อผ้า", Industry.FASHION),
    ("ทำอาหารพื้นเมือง", Industry.FOOD),
    ("ทำขนมไทย", Industry.FOOD),
    ("ทำไส้อั่ว", Industry.FOOD),
    ("ทำโคมยี่เป็ง", Industry.FESTIVAL),
    ("ทำกระทงและเครื่องสักการะ", Industry.FESTIVAL),
    ("ตีกลองสะบัดชัย", Industry.MUSIC),
    ("เล่นสะล้อซอซึง", Industry.MUSIC),
    ("มวยไทย", Industry.SPORT),
    ("ตะกร้อ", Industry.SPORT),
    ("มัคคุเทศก์ท้องถิ่น", Industry.TOURISM),
    ("จัดโฮมสเตย์", Industry.TOURISM),
    ("เขียนเรื่องเล่าชุมชน", Industry.BOOK),
    ("ถ่ายทำและตัดต่อวิดีโอสั้น", Industry.FILM),
    ("ออกแบบตัวละครเกม", Industry.GAME),
    ("ฟ้อนเล็บ", Industry.ART),
    ("วาดภาพลายเส้นล้านนา", Industry.ART),
    ("แกะสลักไม้", Industry.ART),
    ("ออกแบบลายผ้า", Industry.DESIGN),
    ("ออกแบบบรรจุภัณฑ์", Industry.DESIGN),
)
_LEVELS = tuple(SkillLevel)
_TRAINING_WANTED = (
    "การตลาดออนไลน์",
    "การออกแบบบรรจุภัณฑ์",
    "ภาษาอังกฤษเพื่อการท่องเที่ยว",
    "การถ่ายภาพและตัดต่อวิดีโอ",
    "การทำบัญชี",
    "การย้อมสีธรรมชาติ",
)


@dataclass(frozen=True, slots=True)
class Run:
    """What is the same for every district of one demo."""

    seed: int
    until: Period
    periods: tuple[Period, ...]
    #: Province and district registers get per-product sales, trainings, grants and OFOS
    #: households; the nation register only whole-business sales.
    full: bool


@dataclass(slots=True)
class Ids:
    """The next free id of the tables whose ids other rows refer to."""

    entrepreneur: int
    product: int
    household: int
    training: int


@dataclass(slots=True)
class Issued:
    """The last numbers a district issued: registrations per (district, B.E. year) and
    household codes per (subdistrict, หมู่ที่)."""

    registrations: dict[tuple[str, int], int] = field(default_factory=dict)
    households: dict[tuple[str, int], int] = field(default_factory=dict)


@dataclass(slots=True)
class _Producer:
    id: int
    producer_type: ProducerType
    craft: Craft
    registered_on: date
    name: str
    stop: date | None  # suspended or closed on this day
    online_percent: int
    products: list[tuple[int, int]]  # (product id, price in satang)


def _position(row_id: int) -> int:
    """The row's place in its list's order (search.LIST_ORDER), as search.bulk_load would
    number it. A demo fills an empty register (ids from 1) with districts in code order and
    each district's producers in date order, so ids follow registration numbers and product
    codes: numbering the rows here spares the load an UPDATE of every row."""
    return row_id * POSITION_GAP


@lru_cache(maxsize=65536)
def _field_mask(text: str) -> int:
    return search_mask(product_doc(text, "", ""))


def _mask(*fields: str) -> int:
    """search_mask of a document of ``fields`` (and of numbers, which have no bit). The mask
    takes each character that has a bit, so a document's is the union of its fields' own
    documents': worked out once per field, since names repeat across documents, where the
    document's own is a set of every character of every document (a sixth of the work of
    generating a nation). tests/test_demo.py compares it with the document's."""
    mask = 0
    for text in fields:
        mask |= _field_mask(text)
    return mask


def _iso_time(d: date) -> str:
    """09:00 Thai time on ``d`` as SQLAlchemy stores a naive UTC datetime in SQLite."""
    return f"{d.isoformat()} 02:00:00.000000"


def _pick(rng: random.Random, options: tuple[T, ...], cumulative: tuple[float, ...]) -> T:
    """One of ``options`` by cumulative weights (random.choices, without its set-up per call)."""
    return options[bisect(cumulative, rng.random() * cumulative[-1])]


def _below(rng: random.Random, n: int) -> int:
    """0 ≤ result < n; randrange() costs ten times more, which tells at nation scale."""
    return int(rng.random() * n)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=_below(rng, (last - first).days + 1))


def _years_later(d: date, years: int) -> date:
    # 29 February has no anniversary in most years.
    return d.replace(year=d.year + years, day=28 if (d.month, d.day) == (2, 29) else d.day)


def _price(rng: random.Random, item: Item, variant: str) -> int:
    """Satang, rounded as shops price: to 5 baht when cheap, to 10 or 50 baht when dearer.
    A size gets its own part of the item's price range."""
    low: float = item.low
    high: float = item.high
    if variant in SIZE_RANK:
        rank, sizes = SIZE_RANK[variant]
        low, high = low + (high - low) * rank / sizes, low + (high - low) * (rank + 1) / sizes
    step = 5 if item.high <= 200 else 10 if item.high <= 1000 else 50
    baht = max(item.low, round(rng.uniform(low, high) / step) * step)
    return baht * SATANG


class District:
    """Generates the rows of one district into a batch."""

    def __init__(self, quota: Quota, run: Run) -> None:
        self.q = quota
        self.run = run
        self.rng = random.Random(f"{run.seed}:{quota.district_code}")
        # The status history draws from its own stream, so that it leaves every other row
        # as it was before the register kept a history.
        self.history_rng = random.Random(f"{run.seed}:{quota.district_code}:status")
        self.subdistricts = geothai.subdistricts(quota.district_code)
        # Each craft with its distinct products: (item, variant) pairs.
        self.crafts = tuple(
            (c, [(item, v) for item in c.items for v in item.variants]) for c, _ in quota.crafts
        )
        self.craft_weights = tuple(accumulate(w for _, w in quota.crafts))
        self.season = _SEASON_CHIANG_MAI if quota.chiang_mai else _SEASON_OTHER
        self.citizen_ids: set[str] = set()
        self.juristic_seq = 0
        self.last_day = run.until.last_day

    def generate(self, ids: Ids, batch: Batch) -> Issued:
        out = Issued()
        producers = self._producers(ids, batch, out)
        self._sales(producers, batch)
        if self.run.full:
            self._trainings(producers, ids, batch)
            self._grants(producers, batch)
            self._households(ids, batch, out)
        return out

    # --- producers and products -------------------------------------------------------

    def _producers(self, ids: Ids, batch: Batch, out: Issued) -> list[_Producer]:
        rng = self.rng
        n = self.q.entrepreneurs
        # Drawing the days first and sorting them numbers the producers in date order.
        days = sorted(self._registration_day() for _ in range(n))
        types = [_pick(rng, _TYPES, _TYPE_WEIGHTS) for _ in range(n)]
        counts = [
            1 + c
            for c in apportion(
                self.q.products - n,
                [_TYPE_PRODUCTS[t] * (0.2 + rng.random()) for t in types],
                cap=MAX_PRODUCTS - 1,
            )
        ]
        status_last = min(_STATUS_WINDOW[1], self.last_day)
        producers = []
        rows = batch.rows[ENTREPRENEURS]
        for registered_on, producer_type, count in zip(days, types, counts, strict=True):
            year_be = be_year(registered_on)
            key = (self.q.district_code, year_be)
            seq = out.registrations.get(key, 0) + 1
            out.registrations[key] = seq
            reg_no = format_reg_no(self.q.district_code, year_be, seq)
            craft, kinds = _pick(rng, self.crafts, self.craft_weights)
            subdistrict = rng.choice(self.subdistricts)
            contact = names.person(rng)
            name, national_id, members = self._identity(
                producer_type, craft, contact, subdistrict.name_th, year_be
            )
            status, reason, stop = "active", "", None
            if status_last >= _STATUS_WINDOW[0]:
                r = rng.random()
                if r < 0.12:
                    stop = _day(rng, _STATUS_WINDOW[0], status_last)
                    status, reasons = (
                        ("suspended", _SUSPENDED_REASONS)
                        if r < 0.05
                        else ("closed", _CLOSED_REASONS)
                    )
                    reason = rng.choice(reasons)
            producer = _Producer(
                id=ids.entrepreneur,
                producer_type=producer_type,
                craft=craft,
                registered_on=registered_on,
                name=name,
                stop=stop,
                online_percent=0 if rng.random() < 0.35 else 3 + _below(rng, 58),
                products=[],
            )
            ids.entrepreneur += 1
            product_names = self._products(producer, reg_no, rng.sample(kinds, count), ids, batch)
            created = _iso_time(registered_on)
            rows.append(
                (
                    producer.id,
                    reg_no,
                    self.q.district_code,
                    int(producer_type),
                    name,
                    contact,
                    national_id,
                    self._house_no(),
                    1 + _below(rng, 15),
                    subdistrict.code,
                    f"0{8 + _below(rng, 2)}{_below(rng, 10**8):08d}",
                    members,
                    status,
                    reason,
                    stop.isoformat() if stop else None,
                    registered_on.isoformat(),
                    "",
                    count + 1,
                    entrepreneur_doc(name, contact, reg_no, "", product_names),
                    _mask(name, contact, *product_names),
                    _position(producer.id),
                    created,
                    _iso_time(stop) if stop else created,
                )
            )
            self._history(producer, status, reason, batch)
            self._readiness(producer, batch)
            producers.append(producer)
        return producers

    def _history(self, producer: _Producer, status: str, reason: str, batch: Batch) -> None:
        """The business's status history: its registration; for some registered before
        COVID-19 a suspension in 2563 and a reopening; its suspension or closure, if any."""
        rng = self.history_rng
        rows = batch.rows[STATUS_CHANGES]
        rows.append((producer.id, producer.registered_on.isoformat(), "active", ""))
        if producer.registered_on < _COVID_FROM and rng.random() < _COVID_SHARE:
            suspended = _day(rng, *_COVID_SUSPENDED)
            reopened = _day(rng, *_COVID_REOPENED)
            rows.append((producer.id, suspended.isoformat(), "suspended", _COVID_REASON))
            rows.append((producer.id, reopened.isoformat(), "active", _REOPENED_REASON))
        if producer.stop is not None:
            rows.append((producer.id, producer.stop.isoformat(), status, reason))

    def _registration_day(self) -> date:
        year_be = _pick(self.rng, _REGISTRATION_YEARS, _REGISTRATION_WEIGHTS)
        year = ce_year(year_be)
        return _day(self.rng, date(year, 1, 1), date(year, 12, 31))

    def _identity(
        self, producer_type: ProducerType, craft: Craft, contact: str, place: str, year_be: int
    ) -> tuple[str, str, int | None]:
        """Name, 13-digit ID and member count of a producer whose contact is ``contact``."""
        rng = self.rng
        if producer_type is ProducerType.SME:
            brand = rng.choice(names.BRANDS)
            company = rng.random() < 0.6
            name = (
                f"บริษัท {brand}{craft.trade} จำกัด"
                if company
                else f"ห้างหุ้นส่วนจำกัด {brand}{craft.trade}"
            )
            # Juristic ID: 0, registrar (province), kind (5 company, 3 partnership), B.E. year,
            # running number; the district's digits in the running number keep IDs unique.
            self.juristic_seq += 1
            first12 = (
                f"0{self.q.province_code}{5 if company else 3}{year_be % 100:02d}"
                f"{self.q.district_code[2:]}{self.juristic_seq:04d}"
            )
            return name, make_thai_id(first12), None
        national_id = self._citizen_id()
        if producer_type is ProducerType.SINGLE_OWNER:
            r = rng.random()
            if r < 0.6:
                return contact, national_id, None
            given = names.given_name(contact)
            if r < 0.85:
                return f"ร้าน{craft.trade}{given}", national_id, None
            return f"{rng.choice(names.BRANDS)}{craft.trade}", national_id, None
        where = f"บ้าน{rng.choice(names.VILLAGES)}" if rng.random() < 0.6 else f"ตำบล{place}"
        r = rng.random()
        prefix = "กลุ่ม" if r < 0.5 else "วิสาหกิจชุมชน" if r < 0.85 else "กลุ่มแม่บ้าน"
        members = round(rng.triangular(7, 60, 15))
        # The group's ID is its chair's.
        return f"{prefix}{craft.work}{where}", national_id, members

    def _citizen_id(self) -> str:
        """Born before 2527 (first digit 3) or after (1), registered in this district; unique
        within the district, and so across districts."""
        rng = self.rng
        while True:
            first = "3" if rng.random() < 0.75 else "1"
            candidate = make_thai_id(f"{first}{self.q.district_code}{_below(rng, 10**7):07d}")
            if candidate not in self.citizen_ids:
                self.citizen_ids.add(candidate)
                return candidate

    def _house_no(self) -> str:
        rng = self.rng
        number = round(rng.triangular(1, 300, 40))
        return f"{number}/{1 + _below(rng, 9)}" if rng.random() < 0.3 else str(number)

    def _products(
        self,
        producer: _Producer,
        reg_no: str,
        kinds: list[tuple[Item, str]],
        ids: Ids,
        batch: Batch,
    ) -> list[str]:
        rng = self.rng
        craft = producer.craft
        category = int(craft.category)
        created = _iso_time(producer.registered_on)
        soft = _SOFT_POWER.get(craft.category)
        rows = batch.rows[PRODUCTS]
        product_names = []
        for seq, (item, variant) in enumerate(kinds, start=1):
            name = f"{item.name}{variant and ' '}{variant}"
            code = format_product_code(reg_no, seq)
            price = _price(rng, item, variant)
            product_id = ids.product
            ids.product += 1
            stars, star_year = self._ratings(product_id, producer.registered_on, batch)
            self._standards(product_id, craft.category, producer.registered_on, batch)
            rows.append(
                (
                    product_id,
                    producer.id,
                    code,
                    name,
                    category,
                    price,
                    item.unit,
                    soft[0] if soft and rng.random() < soft[1] else None,
                    stars,
                    star_year,
                    product_doc(name, code, producer.name),
                    _mask(name, producer.name),
                    _position(product_id),
                    created,
                    created,
                )
            )
            producer.products.append((product_id, price))
            product_names.append(name)
        return product_names

    def _ratings(
        self, product_id: int, registered_on: date, batch: Batch
    ) -> tuple[int, int | None]:
        """A minority of products entered the selections; a rating moves by a star at most
        from one selection to the next."""
        rng = self.rng
        if rng.random() >= 0.3:
            return 0, None
        stars, year = 0, None
        for selection in SELECTION_YEARS:
            if selection > self.run.until.year_be or selection < be_year(registered_on):
                continue
            if rng.random() < 0.6:
                if stars:
                    stars = min(5, max(1, stars + rng.choice((-1, 0, 0, 1))))
                else:
                    stars = bisect(_STAR_WEIGHTS, rng.random() * _STAR_WEIGHTS[-1]) + 1
                year = selection
                batch.rows[STAR_RATINGS].append((product_id, selection, stars))
        return stars, year

    def _standards(
        self, product_id: int, category: Category, registered_on: date, batch: Batch
    ) -> None:
        rng = self.rng
        rows = batch.rows[PRODUCT_STANDARDS]
        for standard, share, years in _STANDARDS[category]:
            if rng.random() >= share:
                continue
            # Most certificates are current; some have lapsed and await renewal.
            issued = _day(
                rng, max(registered_on, self.last_day - timedelta(days=3 * 365)), self.last_day
            )
            expires = None if years is None else _years_later(issued, years)
            rows.append(
                (
                    product_id,
                    standard.value,
                    self._cert_no(standard, issued),
                    expires.isoformat() if expires else None,
                )
            )

    def _cert_no(self, standard: Standard, issued: date) -> str:
        rng = self.rng
        year_be = be_year(issued)
        province = self.q.province_code
        if standard is Standard.FDA:
            # Food serial number: province, kind of premises, premises no., office, product no.
            return (
                f"{province}-{1 + _below(rng, 2)}-{1 + _below(rng, 99999):05d}-"
                f"{rng.choice('1256')}-{1 + _below(rng, 9999):04d}"
            )
        if standard is Standard.TCPS:
            return f"{1 + _below(rng, 1999)}/{year_be}"
        if standard is Standard.TIS:
            return (
                f"ท{rng.randrange(1, 10000):04d}-{rng.randrange(1, 100)}/{rng.randrange(1, 3000)}"
            )
        return f"{standard.value.upper()}-{province}-{rng.randrange(1, 100000):05d}/{year_be % 100}"

    def _readiness(self, producer: _Producer, batch: Batch) -> None:
        rng = self.rng
        if rng.random() >= 0.85:
            return
        assessed = _day(rng, self.last_day - timedelta(days=364), self.last_day)
        bank = rng.random() < 0.95
        promptpay = bank and rng.random() < 0.85
        batch.rows[DIGITAL_READINESS].append(
            (
                producer.id,
                bank,
                promptpay,
                promptpay and rng.random() < 0.8,
                producer.online_percent > 0,
                bank and rng.random() < 0.35,
                assessed >= _GOV_SCHEME_OPENED and rng.random() < 0.6,
                assessed.isoformat(),
            )
        )

    # --- sales ---------------------------------------------------------------------------

    def _sales(self, producers: list[_Producer], batch: Batch) -> None:
        """Base-year sales are apportioned exactly: district → producers → months → products;
        later years grow from the same month of the base year."""
        rng = self.rng
        yearly = apportion(
            self.q.sales_baht,
            [
                _TYPE_SALES[p.producer_type] * rng.lognormvariate(0, 0.8) * len(p.products) ** 0.5
                for p in producers
            ],
        )
        rows = batch.rows[SALES]
        periods = [(p.key, p.first_day, p.month - 1, p.year_be) for p in self.run.periods]
        last_year = self.run.periods[-1].year_be
        season = self.season
        random_ = rng.random
        for producer, total in zip(producers, yearly, strict=True):
            months = apportion(total, [s * (0.85 + 0.3 * random_()) for s in season])
            growth = {BASE_YEAR: 1.0}
            for year in range(BASE_YEAR + 1, last_year + 1):
                growth[year] = growth[year - 1] * (1 + rng.gauss(0.04, 0.05))
            per_product = self.run.full and random_() < 0.5
            weights = [
                (price / SATANG) ** 0.5 * (0.3 + random_()) for _, price in producer.products
            ]
            share = producer.online_percent
            stop = producer.stop
            pid = producer.id
            for key, first_day, month, year_be in periods:
                if stop is not None and first_day > stop:
                    break
                amount = (
                    months[month]
                    if year_be == BASE_YEAR
                    else round(months[month] * growth[year_be] * (0.9 + 0.2 * random_()))
                )
                online = min(60, max(0, share + _below(rng, 11) - 5)) if share else 0
                if per_product:
                    for (product_id, _), part in zip(
                        producer.products, apportion(amount, weights), strict=True
                    ):
                        rows.append(
                            (
                                pid,
                                key,
                                product_id,
                                part * SATANG,
                                part * SATANG * online // 100,
                            )
                        )
                else:
                    rows.append((pid, key, None, amount * SATANG, amount * SATANG * online // 100))

    # --- support and OFOS ----------------------------------------------------------------

    def _organisers(self) -> tuple[str, ...]:
        province = self.q.province_name
        return (
            f"สำนักงานพัฒนาชุมชนอำเภอ{self.q.district_name}",
            f"สำนักงานพัฒนาชุมชนจังหวัด{province}",
            f"สำนักงานอุตสาหกรรมจังหวัด{province}",
            f"สำนักงานพาณิชย์จังหวัด{province}",
            "กรมการพัฒนาชุมชน",
        )

    def _trainings(self, producers: list[_Producer], ids: Ids, batch: Batch) -> None:
        rng = self.rng
        organisers = self._organisers()
        for year_be in range(BASE_YEAR, self.run.until.year_be + 1):
            first = date(ce_year(year_be), 1, 1)
            last = min(date(ce_year(year_be), 12, 31), self.last_day)
            for _ in range(rng.randint(2, 4)):
                held_on = _day(rng, first, last)
                training_id = ids.training
                ids.training += 1
                batch.rows[TRAININGS].append(
                    (
                        training_id,
                        held_on.isoformat(),
                        rng.choice(_TRAINING_TOPICS),
                        rng.choice(organisers),
                        rng.randrange(15, 121) * 1000 * SATANG,
                    )
                )
                active = [p.id for p in producers if p.stop is None or p.stop > held_on]
                for entrepreneur_id in sorted(
                    rng.sample(active, min(len(active), rng.randint(8, 25)))
                ):
                    batch.rows[TRAINING_PARTICIPANTS].append((training_id, entrepreneur_id))

    def _grants(self, producers: list[_Producer], batch: Batch) -> None:
        rng = self.rng
        funders = (
            "กองทุนพัฒนาบทบาทสตรี",
            "กองทุนหมู่บ้านและชุมชนเมือง",
            f"สำนักงานพัฒนาชุมชนจังหวัด{self.q.province_name}",
            "กรมการพัฒนาชุมชน",
        )
        start = FIRST_PERIOD.first_day
        for p in producers:
            if rng.random() >= 0.12:
                continue
            last = min(self.last_day, p.stop or self.last_day)
            for _ in range(rng.randint(1, 2)):
                batch.rows[GRANTS].append(
                    (
                        p.id,
                        _day(rng, start, last).isoformat(),
                        rng.randrange(20, 401) * 500 * SATANG,
                        rng.choice(_GRANT_PURPOSES),
                        rng.choice(funders),
                    )
                )

    def _households(self, ids: Ids, batch: Batch, out: Issued) -> None:
        """A few OFOS households per subdistrict, surveyed since the programme began."""
        if self.last_day < _OFOS_STARTED:
            return
        rng = self.rng
        for subdistrict in (s.code for s in self.subdistricts):
            for _ in range(rng.randint(2, 5)):
                moo = rng.randint(1, 15)
                seq = out.households.get((subdistrict, moo), 0) + 1
                out.households[(subdistrict, moo)] = seq
                head = names.person(rng)
                surveyed = _day(rng, _OFOS_STARTED, self.last_day)
                household_id = ids.household
                ids.household += 1
                batch.rows[HOUSEHOLDS].append(
                    (
                        household_id,
                        format_household_code(subdistrict, moo, seq),
                        self._house_no(),
                        moo,
                        subdistrict,
                        head,
                        rng.randint(1, 7),
                        surveyed.isoformat(),
                        _iso_time(surveyed),
                    )
                )
                if rng.random() < 0.2:
                    continue  # surveyed, no skill recorded
                for k in range(rng.randint(1, 3)):
                    skill, industry = rng.choice(_SKILLS)
                    batch.rows[HOUSEHOLD_SKILLS].append(
                        (
                            household_id,
                            head if k == 0 else names.relative(rng, head),
                            skill,
                            industry.value,
                            rng.choice(_LEVELS).value,
                            rng.choice(_TRAINING_WANTED) if rng.random() < 0.5 else "",
                        )
                    )
