"""Checking a certificate's QR text against the office keys this register knows: its own
office's, and on a province register every district's key from its monthly workbooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.domain import OfficeKind, Status
from otop_desktop.models import DistrictKey, Entrepreneur
from otop_desktop.printing.signature import SignedClaim, parse_qr_text
from otop_desktop.services.office import default_office_name, get_office
from otop_desktop.thaiformat import format_be_date


@dataclass(frozen=True)
class KnownKey:
    public_key: str  # hex
    office_name: str
    #: The district whose registration numbers this key may sign; None for this register's
    #: own office, which signs whatever its register holds.
    district_code: str | None


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

    @property
    def active(self) -> bool:
        return self.status is Status.ACTIVE

    def one_line(self) -> str:
        return f"{self.message_th} / {self.message_en}"


def known_keys(session: Session) -> list[KnownKey]:
    office = get_office(session)
    keys = [KnownKey(office.signing_public_key, office.name, None)]
    rows = session.execute(
        select(DistrictKey.district_code, DistrictKey.public_key).order_by(
            DistrictKey.district_code
        )
    )
    for code, public_key in rows:
        if public_key != office.signing_public_key:
            name = default_office_name(OfficeKind.DISTRICT, code)
            keys.append(KnownKey(public_key, name, code))
    return keys


def _signer(session: Session, signed: SignedClaim) -> KnownKey | None:
    for key in known_keys(session):
        # A district's key vouches only for its own district's numbers.
        if key.district_code and not signed.claim.reg_no.startswith(f"{key.district_code}-"):
            continue
        if signed.matches(key.public_key):
            return key
    return None


def verify_qr_text(session: Session, text: str) -> Verification:
    """Whether ``text`` is a certificate code signed by a known office, and what the register
    says of the business now. Text that is not a certificate code at all is a UserError."""
    signed = parse_qr_text(text)
    claim = signed.claim
    signer = _signer(session, signed)
    found = session.execute(
        select(Entrepreneur.name, Entrepreneur.status).where(Entrepreneur.reg_no == claim.reg_no)
    ).first()
    status = Status(found.status) if found else None
    current_name = found.name if found and found.name != claim.name else None
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
            th += " แต่ไม่พบเลขทะเบียนนี้ในทะเบียน"
            en += "; the number is not in this register"
        else:
            th += f"; สถานะปัจจุบัน: {status.label_th}"
            en += f"; status now: {status.label_en}"
        if current_name:
            th += f" (ชื่อในทะเบียนปัจจุบัน: {current_name})"
            en += f" (the register's name now: {current_name})"
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
    )
