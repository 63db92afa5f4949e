"""Registering, changing and deleting entrepreneurs. Each function works inside the caller's
unit of work (``with register.write() as session``): one user action, one transaction."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.domain import READINESS_ITEMS, ProducerType, Status
from otop_desktop.errors import NotFoundError
from otop_desktop.models import DigitalReadiness, Entrepreneur, length
from otop_desktop.search import entrepreneur_doc, product_doc
from otop_desktop.services import incomplete, status_history
from otop_desktop.services.numbers import allocate_reg_no
from otop_desktop.services.office import get_office
from otop_desktop.services.versions import bump, check_version
from otop_desktop.thaiformat import be_year, thai_today
from otop_desktop.validation import Checker


@dataclass
class EntrepreneurInput:
    """What a form or an import row gives for one producer; loose types (text as typed) are
    accepted and checked."""

    producer_type: ProducerType | int | str | None
    name: str
    national_id: str
    subdistrict_code: str
    contact_name: str = ""
    house_no: str = ""
    moo: int | str | None = None
    phone: str = ""
    member_count: int | str | None = None
    status: Status | str = Status.ACTIVE
    status_reason: str = ""
    status_date: date | str | None = None
    registered_on: date | str | None = None
    previous_reg_no: str = ""


@dataclass(frozen=True)
class DuplicateId:
    """Another record with the same ID number: the form warns, it does not refuse."""

    id: int
    reg_no: str
    name: str


def check_entrepreneur(
    session: Session, data: EntrepreneurInput, *, lacking: Collection[str] = ()
) -> dict[str, object]:
    """The record's values, or a ValidationError naming every field at fault. The fields in
    ``lacking`` (an incomplete import: services.incomplete.ENTREPRENEUR_FIELDS) are not
    checked and come back as None."""
    check = Checker()
    office = get_office(session)
    producer_type = check.choice("producer_type", data.producer_type, ProducerType)
    status = check.choice("status", data.status or Status.ACTIVE, Status)
    values: dict[str, object] = {
        "producer_type": int(producer_type) if producer_type else None,
        "name": check.text("name", data.name, required=True, max_len=length(Entrepreneur.name)),
        "contact_name": check.text(
            "contact_name",
            data.contact_name,
            required=True,
            max_len=length(Entrepreneur.contact_name),
        ),
        "national_id": check.thai_id("national_id", data.national_id),
        "house_no": check.text(
            "house_no", data.house_no, required=True, max_len=length(Entrepreneur.house_no)
        ),
        "moo": check.integer("moo", data.moo, 1, 99, required=False),
        "subdistrict_code": check.subdistrict("subdistrict_code", data.subdistrict_code, office),
        "phone": check.phone("phone", data.phone),
        "member_count": check.integer(
            "member_count",
            data.member_count,
            2,
            100_000,
            required=producer_type is ProducerType.GROUP,
        ),
        "status": status.value if status else None,
        "status_reason": check.text(
            "status_reason",
            data.status_reason,
            required=False,
            max_len=length(Entrepreneur.status_reason),
        ),
        "status_date": check.date("status_date", data.status_date, required=False),
        "registered_on": check.date(
            "registered_on", data.registered_on or thai_today(), required=True
        ),
        "previous_reg_no": check.text(
            "previous_reg_no",
            data.previous_reg_no,
            required=False,
            max_len=length(Entrepreneur.previous_reg_no),
        ),
    }
    if status in (Status.SUSPENDED, Status.CLOSED):
        if not values["status_reason"]:
            check.fail(
                "status_reason",
                "กรุณาระบุเหตุผลที่หยุดหรือเลิกกิจการ",
                "Give the reason the business is suspended or closed",
            )
        if values["status_date"] is None and check.ok("status_date"):
            check.fail(
                "status_date",
                "กรุณาระบุวันที่หยุดหรือเลิกกิจการ",
                "Give the date the business was suspended or closed",
            )
    start, when = values["registered_on"], values["status_date"]
    if isinstance(start, date) and isinstance(when, date) and when < start:
        check.fail(
            "status_date",
            "วันที่เปลี่ยนสถานะต้องไม่ก่อนวันที่ลงทะเบียน",
            "The status date is before the registration date",
        )
    if producer_type is not ProducerType.GROUP:
        values["member_count"] = None
    if lacking:
        check.errors = [e for e in check.errors if e.field not in lacking]
        values.update(dict.fromkeys(lacking))
    check.done()
    return values


def refresh_search(entrepreneur: Entrepreneur) -> None:
    """Rebuilds the search document after the name or the product list changed."""
    entrepreneur.search_text = entrepreneur_doc(
        entrepreneur.name,
        entrepreneur.contact_name,
        entrepreneur.reg_no,
        entrepreneur.previous_reg_no,
        (p.name for p in entrepreneur.products),
    )


def get_entrepreneur(session: Session, entrepreneur_id: int) -> Entrepreneur:
    found = session.get(Entrepreneur, entrepreneur_id)
    if found is None:
        raise NotFoundError(
            f"ไม่พบผู้ประกอบการรหัส {entrepreneur_id} (อาจถูกลบไปแล้ว)",
            f"No entrepreneur {entrepreneur_id} (it may have been deleted)",
        )
    return found


def find_by_reg_no(session: Session, reg_no: str) -> Entrepreneur:
    found = session.scalars(select(Entrepreneur).where(Entrepreneur.reg_no == reg_no)).first()
    if found is None:
        raise NotFoundError(f"ไม่พบเลขทะเบียน {reg_no}", f"No registration number {reg_no}")
    return found


def same_id(session: Session, national_id: str, *, exclude: int | None = None) -> list[DuplicateId]:
    """Records already holding this ID number (the form warns while the clerk types)."""
    stmt = select(Entrepreneur.id, Entrepreneur.reg_no, Entrepreneur.name).where(
        Entrepreneur.national_id == national_id
    )
    if exclude is not None:
        stmt = stmt.where(Entrepreneur.id != exclude)
    return [DuplicateId(*row) for row in session.execute(stmt.order_by(Entrepreneur.reg_no))]


def create_entrepreneur(
    session: Session, data: EntrepreneurInput, *, lacking: Mapping[str, str] | None = None
) -> Entrepreneur:
    """Registers a producer and gives it the next registration number of its district and
    B.E. year of registration. With ``lacking`` (field → what the old spreadsheet held
    there) the record is stored incomplete, without those fields; one without a
    registration date is numbered in the year it is imported."""
    lacking = incomplete.only_entrepreneur_fields(lacking or {})
    values = check_entrepreneur(session, data, lacking=lacking.keys())
    subdistrict_code = str(values["subdistrict_code"])
    registered_on = values["registered_on"]
    assert isinstance(registered_on, date) or "registered_on" in lacking
    district_code = subdistrict_code[:4]
    year = be_year(registered_on if isinstance(registered_on, date) else thai_today())
    entrepreneur = Entrepreneur(
        reg_no=allocate_reg_no(session, district_code, year),
        district_code=district_code,
        missing=incomplete.encode(lacking),
        **values,
    )
    entrepreneur.products = []
    refresh_search(entrepreneur)
    session.add(entrepreneur)
    session.flush()
    status_history.opened(session, entrepreneur)
    session.flush()
    return entrepreneur


def update_entrepreneur(
    session: Session,
    entrepreneur_id: int,
    data: EntrepreneurInput,
    *,
    expected_version: int | None = None,
) -> Entrepreneur:
    """Changes a record. The registration number stays: it was issued and may be printed on a
    certificate, even if the registration date is corrected. With ``expected_version`` (the
    version the form opened) a change made meanwhile is refused (versions.ConflictError).
    Every field is checked, so an incomplete record saved here is complete afterwards."""
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    check_version(session, entrepreneur, expected_version)
    values = check_entrepreneur(session, data)
    renamed = values["name"] != entrepreneur.name
    status_before, registered_before = entrepreneur.status, entrepreneur.registered_on
    for key, value in values.items():
        setattr(entrepreneur, key, value)
    entrepreneur.missing = None
    entrepreneur.district_code = str(values["subdistrict_code"])[:4]
    bump(entrepreneur)
    refresh_search(entrepreneur)
    if renamed:
        # Products are found by their producer's name too.
        for product in entrepreneur.products:
            product.search_text = product_doc(product.name, product.code, entrepreneur.name)
    status_history.changed(
        session, entrepreneur, status_before=status_before, registered_before=registered_before
    )
    session.flush()
    return entrepreneur


def delete_entrepreneur(session: Session, entrepreneur_id: int) -> str:
    """Deletes a producer with its products, sales and support records. Its registration
    number is not given out again. Returns the number, for the confirmation message."""
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    reg_no = entrepreneur.reg_no
    session.delete(entrepreneur)
    session.flush()
    return reg_no


def set_readiness(
    session: Session, entrepreneur_id: int, checks: dict[str, bool], assessed_on: date | None
) -> DigitalReadiness:
    """Records the digital-finance checklist of one entrepreneur (replacing the last one)."""
    check = Checker()
    when = check.date("assessed_on", assessed_on, required=False)
    check.done()
    entrepreneur = get_entrepreneur(session, entrepreneur_id)
    readiness = entrepreneur.readiness or DigitalReadiness(entrepreneur_id=entrepreneur.id)
    for key, _, _ in READINESS_ITEMS:
        setattr(readiness, key, bool(checks.get(key, False)))
    readiness.assessed_on = when
    entrepreneur.readiness = readiness
    session.flush()
    return readiness
