"""What the printed documents show, read from the register in a few queries whatever its
size: the records chosen for a batch, place names, citizen IDs as shown and the month's
sales totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import geothai
from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from otop_desktop.domain import Category, Status
from otop_desktop.errors import NotFoundError, UserError
from otop_desktop.models import Entrepreneur, Office, Product, Sale
from otop_desktop.models.base import SATANG
from otop_desktop.services.incomplete import (
    IncompleteHeld,
    held_out,
    incomplete_with_sales,
    list_incomplete,
)
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period
from otop_desktop.thaiid import format_thai_id

# SQLite allows 32,766 bound parameters; stay far below it for any backend.
_CHUNK = 500
BANGKOK = "10"


@dataclass(frozen=True)
class Place:
    subdistrict: str
    district: str
    province: str
    postal_code: str

    def words(self) -> tuple[str, str, str]:
        """``ตำบล…``, ``อำเภอ…``, ``จังหวัด…`` (แขวง, เขต and no จังหวัด in Bangkok)."""
        if self.province == "กรุงเทพมหานคร":
            return f"แขวง{self.subdistrict}", f"เขต{self.district}", self.province
        return f"ตำบล{self.subdistrict}", f"อำเภอ{self.district}", f"จังหวัด{self.province}"


@lru_cache(maxsize=8192)
def place(subdistrict_code: str) -> Place:
    sub = geothai.subdistrict(subdistrict_code)
    if sub is None:
        return Place(subdistrict_code, "", "", "")
    district = geothai.district(sub.district_code)
    province = geothai.province(sub.province_code)
    return Place(
        sub.name_th,
        district.name_th if district else sub.district_code,
        province.name_th if province else sub.province_code,
        sub.postal_codes[0] if sub.postal_codes else "",
    )


def address(house_no: str, moo: int | None, subdistrict_code: str) -> str:
    """``71/2 หมู่ที่ 3 ตำบลสันกำแพง อำเภอสันกำแพง จังหวัดเชียงใหม่ 50130``."""
    where = place(subdistrict_code)
    parts = [f"เลขที่ {house_no}" if house_no else "", f"หมู่ที่ {moo}" if moo else ""]
    parts += [*where.words(), where.postal_code]
    return " ".join(part for part in parts if part)


def district_name(district_code: str) -> str:
    found = geothai.district(district_code)
    return found.name_th if found else district_code


def show_id(national_id: str) -> str:
    return format_thai_id(national_id) if len(national_id) == 13 else national_id


def signing_office(session: Session) -> Office:
    """The office record, refused when no officer is set to sign certificates."""
    office = get_office(session)
    if not office.officer_name.strip():
        raise UserError(
            "ยังไม่ได้ระบุชื่อเจ้าหน้าที่ผู้ลงนาม (ตั้งค่าในหน้าตั้งค่าสำนักงาน) จึงพิมพ์หนังสือรับรองไม่ได้",
            "No signing officer is set (see the office settings), so certificates cannot "
            "be printed",
        )
    return office


def chosen_ids(
    session: Session,
    registrations: Sequence[str],
    *,
    district_code: str | None = None,
    active_only: bool = True,
) -> list[int]:
    """Ids of the records to print, in the order given, or with no numbers given every
    (active) record of the register or of ``district_code`` in registration-number order.
    Unknown numbers are refused, all of them named. Incomplete records (imported without
    all required details, services.incomplete) are held out: left out of "every record",
    and refused, each named with what it lacks, when asked for by number."""
    if not registrations:
        stmt = select(Entrepreneur.id).where(~held_out()).order_by(Entrepreneur.reg_no)
        if district_code:
            stmt = stmt.where(Entrepreneur.district_code == district_code)
        if active_only:
            stmt = stmt.where(Entrepreneur.status == Status.ACTIVE.value)
        ids = list(session.scalars(stmt))
        if not ids:
            raise NotFoundError(
                "ไม่มีผู้ประกอบการที่ดำเนินการอยู่และมีข้อมูลครบให้พิมพ์",
                "There are no active, complete records to print",
            )
        return ids
    wanted = list(dict.fromkeys(reg.strip() for reg in registrations))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        rows = session.execute(
            select(Entrepreneur.reg_no, Entrepreneur.id).where(Entrepreneur.reg_no.in_(part))
        )
        found.update((reg, id_) for reg, id_ in rows)
    missing = [reg for reg in wanted if reg not in found]
    if missing:
        shown = ", ".join(missing[:10]) + (
            f" … (+{len(missing) - 10})" if len(missing) > 10 else ""
        )
        raise NotFoundError(f"ไม่พบเลขทะเบียน {shown}", f"No registration number {shown}")
    ids = [found[reg] for reg in wanted]
    asked = set(ids)
    held = [r for r in list_incomplete(session) if r.entrepreneur_id in asked]
    if held:
        raise IncompleteHeld(held, "พิมพ์เอกสาร", "print these documents")
    return ids


def load_entrepreneurs(
    session: Session, ids: Sequence[int], *, full: bool = False
) -> list[Entrepreneur]:
    """The records of ``ids`` in that order with their products (and with ``full`` their
    standards, ratings and digital readiness) in four to six queries."""
    options = [selectinload(Entrepreneur.products)]
    if full:
        options = [
            selectinload(Entrepreneur.products).selectinload(Product.standards),
            selectinload(Entrepreneur.products).selectinload(Product.ratings),
            selectinload(Entrepreneur.readiness),
        ]
    loaded = {
        e.id: e
        for e in session.scalars(
            select(Entrepreneur).where(Entrepreneur.id.in_(ids)).options(*options)
        )
    }
    return [loaded[i] for i in ids]


def chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[start : start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


# --- the register list -----------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    reg_no: str
    name: str
    producer_type: int
    contact_name: str
    national_id: str
    house_no: str
    moo: int | None
    subdistrict_code: str
    phone: str
    status: str
    products: int


def register_rows(session: Session, district_code: str | None = None) -> list[ListRow]:
    """Every complete record, by subdistrict then registration number, with its product
    count. Incomplete records (services.incomplete) are held out: the printed list shows
    each producer's type, which such a record may lack."""
    counts = (
        select(Product.entrepreneur_id, func.count().label("n"))
        .group_by(Product.entrepreneur_id)
        .subquery()
    )
    stmt = (
        select(
            Entrepreneur.reg_no,
            Entrepreneur.name,
            Entrepreneur.producer_type,
            Entrepreneur.contact_name,
            Entrepreneur.national_id,
            Entrepreneur.house_no,
            Entrepreneur.moo,
            Entrepreneur.subdistrict_code,
            Entrepreneur.phone,
            Entrepreneur.status,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.entrepreneur_id == Entrepreneur.id)
        .where(~held_out())
        .order_by(Entrepreneur.subdistrict_code, Entrepreneur.reg_no)
    )
    if district_code:
        stmt = stmt.where(Entrepreneur.district_code == district_code)
    rows = []
    for (
        reg_no,
        name,
        producer_type,
        contact_name,
        national_id,
        house_no,
        moo,
        subdistrict_code,
        phone,
        status,
        products,
    ) in session.execute(stmt):
        # Complete records only (held_out() above), and a complete record has its type.
        assert producer_type is not None
        rows.append(
            ListRow(
                reg_no,
                name,
                producer_type,
                contact_name,
                national_id,
                house_no,
                moo,
                subdistrict_code,
                phone,
                status,
                products,
            )
        )
    if not rows:
        raise NotFoundError(
            "ไม่มีผู้ประกอบการในทะเบียนให้พิมพ์", "There are no records in the register to print"
        )
    return rows


# --- the monthly sales report ------------------------------------------------------------


@dataclass(frozen=True)
class SalesLine:
    """One line of a total: who reported, how much in all and online."""

    entrepreneurs: int
    amount: Decimal
    online: Decimal


@dataclass(frozen=True)
class MonthlySales:
    period: Period
    district_code: str | None
    #: Sales reported per product, by the product's category.
    by_category: dict[Category, SalesLine]
    #: Sales reported for the whole business, not per product (no category to put them in).
    whole_business: SalesLine
    by_subdistrict: dict[str, SalesLine]
    total: SalesLine


def _line(entrepreneurs: int | None, amount: int | None, online: int | None) -> SalesLine:
    return SalesLine(int(entrepreneurs or 0), _baht(amount), _baht(online))


def _baht(satang: int | None) -> Decimal:
    return (Decimal(int(satang or 0)) / 100).quantize(SATANG)


def monthly_sales(session: Session, period: Period, district_code: str | None) -> MonthlySales:
    """The month's totals by product category and by subdistrict, summed as whole satang;
    refused while an incomplete record has sales in the month (its sales belong to no
    category yet, and the report would not add up)."""
    held = incomplete_with_sales(session, period, district_code=district_code)
    if held:
        raise IncompleteHeld(
            held,
            f"พิมพ์รายงานยอดจำหน่ายเดือน{period.label_th}",
            f"print the sales report of {period}",
        )
    amount = func.sum(type_coerce(Sale.amount, BigInteger))
    online = func.sum(type_coerce(Sale.online_amount, BigInteger))
    people = func.count(Sale.entrepreneur_id.distinct())
    where = [Sale.period == period.key]
    if district_code:
        where.append(Entrepreneur.district_code == district_code)
    base = select().select_from(Sale).join(Entrepreneur, Entrepreneur.id == Sale.entrepreneur_id)
    by_category = {
        Category(category): _line(n, a, o)
        for category, n, a, o in session.execute(
            base.add_columns(Product.category, people, amount, online)
            .join(Product, Product.id == Sale.product_id)
            .where(*where)
            .group_by(Product.category)
            .order_by(Product.category)
        )
    }
    whole = session.execute(
        base.add_columns(people, amount, online).where(*where, Sale.product_id.is_(None))
    ).one()
    by_subdistrict = {
        code: _line(n, a, o)
        for code, n, a, o in session.execute(
            base.add_columns(Entrepreneur.subdistrict_code, people, amount, online)
            .where(*where)
            .group_by(Entrepreneur.subdistrict_code)
            .order_by(Entrepreneur.subdistrict_code)
        )
    }
    total = session.execute(base.add_columns(people, amount, online).where(*where)).one()
    if not total[0]:
        where_th = f" ของอำเภอ{district_name(district_code)}" if district_code else ""
        where_en = f" for district {district_code}" if district_code else ""
        raise NotFoundError(
            f"ยังไม่มียอดจำหน่ายเดือน{period.label_th}{where_th} จึงไม่มีรายงานให้พิมพ์",
            f"No sales are recorded for {period}{where_en}, so there is no report to print",
        )
    return MonthlySales(
        period, district_code, by_category, _line(*whole), by_subdistrict, _line(*total)
    )
