"""Creating a register and keeping its office record: kind, area, officer, signing key."""

from __future__ import annotations

from pathlib import Path

import geothai
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from otop_desktop.accounts.roles import require
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import NotFoundError, UserError
from otop_desktop.models import Office, length
from otop_desktop.models.accounts import HEAD
from otop_desktop.validation import Checker


def default_office_name(kind: OfficeKind, code: str | None = None) -> str:
    """The office's usual name for a register of ``kind`` over the area ``code``."""
    return _area(kind, code)[2]


def _area(kind: OfficeKind, code: str | None) -> tuple[str | None, str | None, str]:
    """(province code, district code, default office name) for a kind and a geothai code."""
    if kind is OfficeKind.NATION:
        return None, None, "กรมการพัฒนาชุมชน"
    if kind is OfficeKind.PROVINCE:
        province = geothai.province(code or "")
        if province is None:
            raise UserError(f"ไม่พบรหัสจังหวัด {code}", f"Unknown province code {code}")
        return province.code, None, f"สำนักงานพัฒนาชุมชนจังหวัด{province.name_th}"
    district = geothai.district(code or "")
    if district is None:
        raise UserError(f"ไม่พบรหัสอำเภอ {code}", f"Unknown district code {code}")
    return district.province_code, district.code, f"สำนักงานพัฒนาชุมชนอำเภอ{district.name_th}"


def _new_key() -> tuple[bytes, str]:
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return private, public.hex()


def init_register(db: str | Path, kind: OfficeKind, code: str | None = None) -> Register:
    """Creates a register of ``kind`` for the area ``code`` (a district or province code), or
    upgrades an existing one of the same kind and area. A register of another kind or area is
    refused and left as it is."""
    province_code, district_code, name = _area(kind, code)
    register = Register.open(db, create=True)
    try:
        with register.write() as session:
            office = session.get(Office, 1)
            if office is None:
                private, public = _new_key()
                session.add(
                    Office(
                        kind=kind.value,
                        province_code=province_code,
                        district_code=district_code,
                        name=name,
                        signing_private_key=private,
                        signing_public_key=public,
                    )
                )
            elif (office.kind, office.province_code, office.district_code) != (
                kind.value,
                province_code,
                district_code,
            ):
                have = office.district_code or office.province_code or ""
                raise UserError(
                    f"ทะเบียนนี้เป็นทะเบียนระดับ{OfficeKind(office.kind).label_th} {have} อยู่แล้ว",
                    f"This register is already a {office.kind} register {have}".rstrip(),
                )
    except BaseException:
        register.close()
        raise
    return register


def get_office(session: Session) -> Office:
    office = session.get(Office, 1)
    if office is None:
        raise NotFoundError("ทะเบียนยังไม่ได้ตั้งค่าสำนักงาน", "The register has no office set up")
    return office


def office_record(session: Session) -> dict[str, str | None]:
    """The office as the command line shows it: what ``stats`` calls the office, and the
    officer who signs. Never the signing key, nor any other secret of the row."""
    office = get_office(session)
    return {
        "kind": office.kind,
        "province_code": office.province_code,
        "district_code": office.district_code,
        "name": office.name,
        "officer_name": office.officer_name,
        "officer_position": office.officer_position,
    }


def update_office(
    session: Session, *, name: str, officer_name: str, officer_position: str
) -> Office:
    """The office name and the officer who signs certificates (first-run set-up, settings,
    ``office``). All three are required: a register without its signing officer cannot print
    a certificate. On a register with accounts, only a head changes them."""
    require(session, HEAD, "แก้ไขข้อมูลสำนักงาน", "change the office record")
    check = Checker()
    office = get_office(session)
    values = {
        "name": check.text("office_name", name, required=True, max_len=length(Office.name)),
        "officer_name": check.text(
            "officer_name", officer_name, required=True, max_len=length(Office.officer_name)
        ),
        "officer_position": check.text(
            "officer_position",
            officer_position,
            required=True,
            max_len=length(Office.officer_position),
        ),
    }
    check.done()
    for key, value in values.items():
        if getattr(office, key) != value:  # the trail records only what changed
            setattr(office, key, value)
    return office


def change_office(
    session: Session,
    *,
    name: str | None = None,
    officer_name: str | None = None,
    officer_position: str | None = None,
) -> Office:
    """Changes the fields given and keeps the others (the ``office`` command)."""
    office = get_office(session)
    return update_office(
        session,
        name=office.name if name is None else name,
        officer_name=office.officer_name if officer_name is None else officer_name,
        officer_position=office.officer_position if officer_position is None else officer_position,
    )
