"""A certificate's QR text, ``OTOP1`` (number, name, date) or ``OTOP2`` (also the products'
number and digest): good for the office that signed it (or, on a province register, for
the district whose key came with its workbook), and refused when forged or altered by even
one letter, with a message that says so; an ``OTOP2`` code also says whether its products
are the register's now."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind, Status
from otop_desktop.errors import UserError
from otop_desktop.models import DistrictKey, Entrepreneur, Office
from otop_desktop.printing.signature import Claim, ProductList, parse_qr_text, qr_text
from otop_desktop.printing.verify import ProductsCheck, known_keys, verify_qr_text
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, create_product, update_product
from tests.conftest import db_of, person

ISSUED = date(2025, 11, 24)


@pytest.fixture
def owner(register: Register) -> Entrepreneur:
    with register.write() as session:
        return create_entrepreneur(session, person(name="กลุ่มทอผ้า|บ้านต้นเปา"))


def signed(register: Register, entrepreneur: Entrepreneur, name: str | None = None) -> str:
    office = register.office()
    assert office is not None
    claim = Claim(entrepreneur.reg_no, name or entrepreneur.name, ISSUED)
    return qr_text(claim, office.signing_private_key)


def check(register: Register, text: str):
    with register.read() as session:
        return verify_qr_text(session, text)


def test_format_is_compact_versioned_and_names_the_fields(register, owner) -> None:
    text = signed(register, owner)
    version, reg_no, rest = text.split("|", 2)
    assert (version, reg_no) == ("OTOP1", owner.reg_no)
    assert rest.startswith("กลุ่มทอผ้า|บ้านต้นเปา|2568-11-24|")  # a | in the name is kept
    assert len(text.rsplit("|", 1)[1]) == 86  # 64 bytes of signature, base64url
    assert parse_qr_text(f"  {text}\n").claim == Claim(owner.reg_no, owner.name, ISSUED)


def test_good_signature_of_an_active_business(register, owner) -> None:
    result = check(register, signed(register, owner))
    assert result.valid and result.active
    assert result.office_name == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    assert result.issued_on == ISSUED
    assert result.message_th.startswith("ถูกต้อง")
    assert "ดำเนินการ" in result.message_th and "Active" in result.message_en


def test_good_signature_but_the_business_closed_or_renamed_or_gone(register, owner) -> None:
    text = signed(register, owner)
    with register.write() as session:
        record = session.get(Entrepreneur, owner.id)
        assert record is not None
        record.status, record.name = Status.CLOSED.value, "กลุ่มทอผ้าบ้านต้นเปาใหม่"
    result = check(register, text)
    assert result.valid and not result.active
    assert result.status is Status.CLOSED
    assert result.current_name == "กลุ่มทอผ้าบ้านต้นเปาใหม่"
    assert "เลิกกิจการ" in result.message_th
    with register.write() as session:
        session.delete(session.get(Entrepreneur, owner.id))
    result = check(register, text)
    assert result.valid and result.status is None
    assert "not in this register" in result.message_en


@pytest.mark.parametrize(
    "alter",
    [
        lambda t: t.replace("บ้านต้นเปา", "บ้านต้นเปาา"),  # the name
        lambda t: t.replace("|2568-11-24|", "|2568-11-25|"),  # the date
        lambda t: t.replace("-0001|", "-0002|"),  # the number
        lambda t: t[:-2] + ("A" if t[-2] != "A" else "B") + t[-1],  # the signature
    ],
)
def test_an_altered_text_fails(register, owner, alter) -> None:
    text = signed(register, owner)
    altered = alter(text)
    assert altered != text
    result = check(register, altered)
    assert not result.valid
    assert result.message_th.startswith("ไม่ผ่าน")
    assert "altered or forged" in result.message_en


def test_a_forgery_with_another_key_fails(register, owner, tmp_path) -> None:
    with init_register(tmp_path / "other.sqlite3", OfficeKind.DISTRICT, "5013") as other:
        forged = signed(other, owner)
    assert not check(register, forged).valid


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("hello", "must start with OTOP2| or OTOP1|"),
        ("OTOP1|5013-2567-0001|ชื่อ", "fields are missing"),
        ("OTOP1|5013-2567-0001|ชื่อ|2025-11-24|" + "A" * 86, "issue date"),
        ("OTOP1|5013-2567-0001|ชื่อ|2568-02-30|" + "A" * 86, "issue date"),
        ("OTOP1|5013-2567-0001|ชื่อ|2568-11-24|" + "A" * 80, "signature is damaged"),
        ("OTOP1|5013-2567-0001|ชื่อ|2568-11-24|" + "A" * 86 + "!!", "signature is damaged"),
        ("OTOP1|5013-2567-0001|ชื่อ|2568-11-24|" + "A" * 85 + "B", "signature is damaged"),
    ],
)
def test_text_that_is_no_certificate_code_is_refused(register, text, words) -> None:
    with pytest.raises(UserError, match=words):
        check(register, text)


def test_province_knows_each_districts_key_for_its_own_numbers_only(
    register, owner, province_register
) -> None:
    text = signed(register, owner)
    assert not check(province_register, text).valid  # the key is not known yet
    district_key = register.office().signing_public_key
    with province_register.write() as session:
        session.add(DistrictKey(district_code="5013", public_key=district_key, period=256810))
        session.add(DistrictKey(district_code="5001", public_key="00" * 32, period=256810))
    with province_register.read() as session:
        assert [k.district_code for k in known_keys(session)] == [None, "5001", "5013"]
    result = check(province_register, text)
    assert result.valid
    assert result.office_name == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    assert result.status is None  # the province has not received this record
    with province_register.write() as session:
        session.delete(session.get(DistrictKey, "5001"))
        session.flush()
        key = session.get(DistrictKey, "5013")
        assert key is not None
        key.district_code = "5001"  # a district's key does not vouch for another's numbers
    assert not check(province_register, text).valid


def test_province_own_key_signs_any_number(province_register) -> None:
    with province_register.read() as session:
        office = session.get(Office, 1)
        assert office is not None
        text = qr_text(Claim("5001-2546-0001", "ร้าน", ISSUED), office.signing_private_key)
    result = check(province_register, text)
    assert result.valid and result.office_name == "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "otop_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_verify_command(register, owner) -> None:
    db = db_of(register)
    text = signed(register, owner)
    good = run("verify", "--db", db, text)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("ถูกต้อง") and "VALID" in good.stdout
    bad = run("verify", "--db", db, text.replace("2568-11-24", "2568-11-23"))
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "NOT VALID" in bad.stderr
    junk = run("verify", "--db", db, "not a code")
    assert junk.returncode == 2 and "Traceback" not in junk.stderr


# --- OTOP2: the products are signed too ------------------------------------------------------


@pytest.fixture
def maker(register: Register) -> Entrepreneur:
    with register.write() as session:
        owner = create_entrepreneur(session, person(name="กลุ่มจักสาน|บ้านป่าตาล"))
        for name in ("กระเป๋าสานกิ่งไม้ไผ่", "ตะกร้าหวาย"):
            create_product(session, owner.id, ProductInput(name=name, category=4))
        return owner


def products_of(register: Register, owner: Entrepreneur) -> list[tuple[str, str]]:
    with register.read() as session:
        found = session.get(Entrepreneur, owner.id)
        assert found is not None
        return [(p.code, p.name) for p in found.products]


def signed2(register: Register, owner: Entrepreneur) -> str:
    office = register.office()
    assert office is not None
    listed = ProductList.of(products_of(register, owner))
    claim = Claim(owner.reg_no, owner.name, ISSUED, listed)
    return qr_text(claim, office.signing_private_key)


def test_otop2_signs_the_products_count_and_digest(register, maker) -> None:
    text = signed2(register, maker)
    version, reg_no, rest = text.split("|", 2)
    assert (version, reg_no) == ("OTOP2", maker.reg_no)
    name, issued, count, digest, signature = rest.rsplit("|", 4)
    assert (name, issued, count) == ("กลุ่มจักสาน|บ้านป่าตาล", "2568-11-24", "2")
    assert len(digest) == 22 and len(signature) == 86
    # The digest does not depend on the order the products come in.
    products = products_of(register, maker)
    assert ProductList.of(reversed(products)) == ProductList.of(products)
    assert parse_qr_text(text).claim.products == ProductList(2, digest)


def test_otop2_good_and_its_products_as_in_the_register(register, maker) -> None:
    result = check(register, signed2(register, maker))
    assert result.valid and result.active and result.version == "OTOP2"
    assert result.products_check is ProductsCheck.SAME
    assert result.products_signed is not None and result.products_signed.count == 2
    assert [name for _, name in result.current_products] == ["กระเป๋าสานกิ่งไม้ไผ่", "ตะกร้าหวาย"]
    assert "ผลิตภัณฑ์ 2 รายการที่ลงนามไว้ตรงกับทะเบียนปัจจุบัน" in result.message_th
    assert "the 2 products signed are those in the register now" in result.message_en


def test_otop2_products_renamed_since_is_said(register, maker) -> None:
    text = signed2(register, maker)
    with register.write() as session:
        found = session.get(Entrepreneur, maker.id)
        assert found is not None
        product = found.products[1]
        update_product(session, product.id, ProductInput(name="ตะกร้าหวายเทียม", category=4))
    result = check(register, text)
    assert result.valid  # the signature is still the office's
    assert result.products_check is ProductsCheck.CHANGED
    assert "ไม่ตรงกับทะเบียนปัจจุบัน" in result.message_th
    assert "differ from the register's now" in result.message_en


@pytest.mark.parametrize(
    "alter",
    [
        lambda t: t.replace("|2|", "|3|"),  # the number of products
        lambda t: t.replace(t.split("|")[-2], "A" * 22),  # the digest
        lambda t: t.replace("บ้านป่าตาล", "บ้านป่าตาลใหม่"),  # the name
        lambda t: t.replace("OTOP2|", "OTOP1|", 1),  # passed off as an old code
    ],
)
def test_an_altered_otop2_text_fails(register, maker, alter) -> None:
    text = signed2(register, maker)
    altered = alter(text)
    assert altered != text
    try:
        result = check(register, altered)
    except UserError:
        return  # no longer even reads as a code: refused all the same
    assert not result.valid
    assert result.message_th.startswith("ไม่ผ่าน")


def test_otop1_still_verifies_and_says_it_signs_no_products(register, owner) -> None:
    result = check(register, signed(register, owner))
    assert result.valid and result.version == "OTOP1"
    assert result.products_signed is None
    assert result.products_check is ProductsCheck.UNKNOWN
    assert (
        "OTOP1" in result.message_en and "does not sign the list of products" in result.message_en
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("OTOP2|5013-2567-0001|ชื่อ|2568-11-24|" + "A" * 86, "fields are missing"),
        ("OTOP2|5013-2567-0001|ชื่อ|2568-11-24|0|" + "A" * 22 + "|" + "A" * 86, "products"),
        ("OTOP2|5013-2567-0001|ชื่อ|2568-11-24|x|" + "A" * 22 + "|" + "A" * 86, "products"),
        ("OTOP2|5013-2567-0001|ชื่อ|2568-11-24|2|" + "A" * 21 + "|" + "A" * 86, "products"),
        ("OTOP2|5013-2567-0001|ชื่อ|2568-11-24|2|" + "A" * 21 + "B|" + "A" * 86, "products"),
    ],
)
def test_otop2_text_that_is_no_certificate_code_is_refused(register, text, words) -> None:
    with pytest.raises(UserError, match=words):
        check(register, text)


def test_verify_command_otop2(register, maker) -> None:
    db = db_of(register)
    good = run("verify", "--db", db, signed2(register, maker))
    assert good.returncode == 0, good.stderr
    assert "the 2 products signed are those in the register now" in good.stdout
    bad = run("verify", "--db", db, signed2(register, maker).replace("|2|", "|1|"))
    assert bad.returncode == 2 and "NOT VALID" in bad.stderr
