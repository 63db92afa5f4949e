"""Checking a certificate's QR text against the office keys this register knows: its own
office's, and on a province register every district's key from its monthly workbooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.domain import OfficeKind, Status
from otop_desktop.models import DistrictKey, Entrepreneur, Product, SigningKey
from otop_desktop.printing.signature import ProductList, SignedClaim, parse_qr_text
from otop_desktop.services.office import default_office_name, get_office
from otop_desktop.thaiformat import THAI_TIME, format_be_date


@dataclass(frozen=True)
class KnownKey:
    public_key: str  # hex
    office_name: str
    #: The district whose registration numbers this key may sign; None for this register's
    #: own office, which signs whatever its register holds.
    district_code: str | None
    #: The days the key was the office's (a certificate's issue date must fall in them).
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to
        )


class ProductsCheck(Enum):
    """How the products an ``OTOP2`` code signed compare with the register's now."""

    #: Same codes and names as the register holds now.
    SAME = "same"
    #: A product added, dropped or renamed since the certificate was issued.
    CHANGED = "changed"
    #: An ``OTOP1`` code (signs no products), or the number is not in this register.
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verification:
    """The answer for one QR text. ``valid``: a known office signed exactly this text."""

    valid: bool
    reg_no: str
    name: str
    issued_on: date
    #: The office whose key signed it (when valid).
    office_name: str | None
    #: The business's status in this register, None when the number is not in it.
    status: Status | None
    #: The name the register holds now, when it differs from the certificate's.
    current_name: str | None
    message_th: str
    message_en: str
    #: ``OTOP1`` or ``OTOP2``.
    version: str = "OTOP2"
    #: What an ``OTOP2`` code signed of the products (None for ``OTOP1``).
    products_signed: ProductList | None = None
    products_check: ProductsCheck = ProductsCheck.UNKNOWN
    #: The register's products now, (code, name) in code order (empty when not in it).
    current_products: tuple[tuple[str, str], ...] = ()

    @property
    def active(self) -> bool:
        return self.status is Status.ACTIVE

    @property
    def in_register(self) -> bool:
        return self.status is not None

    def one_line(self) -> str:
        return f"{self.message_th} / {self.message_en}"


def known_keys(session: Session) -> list[KnownKey]:
    """Every public key this register knows, with the days each was valid: the office's own
    (all it has had) and, on a province register, each district's from its workbooks."""
    office = get_office(session)
    own = office.district_code or office.province_code or ""
    keys = [KnownKey(office.signing_public_key, office.name, None)]
    rows = session.execute(
        select(
            SigningKey.owner, SigningKey.public_key, SigningKey.valid_from, SigningKey.valid_to
        ).order_by(SigningKey.owner, SigningKey.valid_from)
    )
    for owner, public_key, valid_from, valid_to in rows:
        day_from = _local_day(valid_from)
        day_to = _local_day(valid_to) if valid_to is not None else None
        if owner == own:
            if public_key != office.signing_public_key:
                keys.append(KnownKey(public_key, office.name, None, day_from, day_to))
            continue
        name = default_office_name(OfficeKind.DISTRICT, owner)
        keys.append(KnownKey(public_key, name, owner, day_from, day_to))
    listed = {(k.public_key, k.district_code) for k in keys}
    for code, public_key in session.execute(
        select(DistrictKey.district_code, DistrictKey.public_key).order_by(
            DistrictKey.district_code
        )
    ):
        if (public_key, code) not in listed and public_key != office.signing_public_key:
            keys.append(KnownKey(public_key, default_office_name(OfficeKind.DISTRICT, code), code))
    return keys


def _local_day(at: datetime) -> date:
    """A key's change as the office's calendar day (Thai time, as certificates are dated)."""
    return at.astimezone(THAI_TIME).date()


def _signer(session: Session, signed: SignedClaim) -> KnownKey | None:
    for key in known_keys(session):
        # A district's key vouches only for its own district's numbers.
        if key.district_code and not signed.claim.reg_no.startswith(f"{key.district_code}-"):
            continue
        if not key.valid_on(signed.claim.issued_on):
            continue
        if signed.matches(key.public_key):
            return key
    return None


def verify_qr_text(session: Session, text: str) -> Verification:
    """Whether ``text`` is a certificate code signed by a known office, and what the register
    says of the business now (for an ``OTOP2`` code also whether its products are the ones
    signed). Text that is not a certificate code at all is a UserError."""
    signed = parse_qr_text(text)
    claim = signed.claim
    signer = _signer(session, signed)
    found = session.execute(
        select(Entrepreneur.id, Entrepreneur.name, Entrepreneur.status).where(
            Entrepreneur.reg_no == claim.reg_no
        )
    ).first()
    status = Status(found.status) if found else None
    current_name = found.name if found and found.name != claim.name else None
    current_products: tuple[tuple[str, str], ...] = ()
    if found:
        rows = session.execute(
            select(Product.code, Product.name)
            .where(Product.entrepreneur_id == found.id)
            .order_by(Product.code)
        )
        current_products = tuple((code, name) for code, name in rows)
    check = ProductsCheck.UNKNOWN
    if claim.products is not None and found:
        same = ProductList.of(current_products) == claim.products
        check = ProductsCheck.SAME if same else ProductsCheck.CHANGED
    issued = format_be_date(claim.issued_on, "long")
    issued_en = format_be_date(claim.issued_on)
    what = f"{claim.reg_no} {claim.name}"
    if signer is None:
        th = (
            f"ไม่ผ่าน: ลายมือชื่อดิจิทัลของหนังสือรับรอง {what} (ออกเมื่อ {issued}) "
            "ไม่ตรงกับกุญแจของสำนักงานที่ทะเบียนนี้รู้จัก ข้อความอาจถูกแก้ไขหรือปลอมขึ้น"
        )
        en = (
            f"NOT VALID: the signature of certificate {what} (issued {issued_en}) does "
            "not match any office key this register knows; the text may be altered or forged"
        )
    else:
        th = f"ถูกต้อง: หนังสือรับรอง {what} ออกเมื่อ {issued} ลงนามโดย{signer.office_name}"
        en = f"VALID: certificate {what} issued {issued_en}, signed by {signer.office_name}"
        if status is None:
            th = (
                f"ระวัง: ลายมือชื่อของหนังสือรับรอง {what} ถูกต้อง แต่ไม่พบเลขทะเบียนนี้ในทะเบียน"
                " (กิจการที่ไม่มีอยู่ หรือทะเบียนนี้ไม่ใช่ของสำนักงานที่ออก) อย่าเชื่อถือจนกว่าจะตรวจสอบ"
            )
            en = (
                f"WARNING: certificate {what} has a good signature, but the number is not in "
                "this register (a business that does not exist, or another office's register);"
                " do not rely on it until checked"
            )
        else:
            th += f"; สถานะปัจจุบัน: {status.label_th}"
            en += f"; status now: {status.label_en}"
        if current_name:
            th += f" (ชื่อในทะเบียนปัจจุบัน: {current_name})"
            en += f" (the register's name now: {current_name})"
        th_products, en_products = _products_words(claim.products, check)
        th += th_products
        en += en_products
    return Verification(
        valid=signer is not None,
        reg_no=claim.reg_no,
        name=claim.name,
        issued_on=claim.issued_on,
        office_name=signer.office_name if signer else None,
        status=status,
        current_name=current_name,
        message_th=th,
        message_en=en,
        version=claim.version,
        products_signed=claim.products,
        products_check=check,
        current_products=current_products,
    )


def _products_words(signed: ProductList | None, check: ProductsCheck) -> tuple[str, str]:
    """What the messages add about the products, after a good signature."""
    if signed is None:
        return (
            "; รหัสรุ่นเก่า (OTOP1) ไม่ได้ลงนามรายการผลิตภัณฑ์",
            "; an old (OTOP1) code: it does not sign the list of products",
        )
    n = signed.count
    if check is ProductsCheck.SAME:
        return (
            f"; ผลิตภัณฑ์ {n} รายการที่ลงนามไว้ตรงกับทะเบียนปัจจุบัน",
            f"; the {n} products signed are those in the register now",
        )
    if check is ProductsCheck.CHANGED:
        return (
            f"; ผลิตภัณฑ์ {n} รายการที่ลงนามไว้ไม่ตรงกับทะเบียนปัจจุบัน"
            " (เพิ่ม ลบ หรือเปลี่ยนชื่อภายหลัง หรือรายการที่พิมพ์ถูกแก้ไข)",
            f"; the {n} products signed differ from the register's now (added, dropped or"
            " renamed since, or the printed list was altered)",
        )
    return (f"; ลงนามรายการผลิตภัณฑ์ {n} รายการ", f"; {n} products signed")
