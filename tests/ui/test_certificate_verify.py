"""File → Verify a certificate… with a code of the current version (OTOP2): the dialog shows
what was signed of the products and whether they are the register's now, and refuses a
code whose product count or digest was altered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.printing.signature import Claim, ProductList, qr_text
from otop_desktop.services.entrepreneurs import find_by_reg_no
from otop_desktop.services.office import get_office
from otop_desktop.services.products import ProductInput, update_product
from tests.conftest import add_record
from ui.printing import VerifyDialog

TypeText = Callable[[QLineEdit, str], None]


@pytest.fixture
def dialog(qtbot: QtBot, district_register: Register) -> VerifyDialog:
    widget = VerifyDialog(district_register)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def signed(register: Register, reg_no: str) -> str:
    """The OTOP2 text a certificate printed now carries."""
    with register.read() as session:
        key = get_office(session).signing_private_key
        found = find_by_reg_no(session, reg_no)
        products = ProductList.of((p.code, p.name) for p in found.products)
        return qr_text(Claim(reg_no, found.name, date(2025, 11, 24), products), key)


def test_otop2_shows_the_products_signed_and_that_they_match(
    dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "กลุ่มทอผ้าบ้านกิ่งแก้ว")
    type_text(dialog.text_edit, signed(district_register, reg_no))
    result = dialog.check()
    assert result is not None and result.valid
    shown = dialog.products.text()
    assert shown.startswith("ลงนามไว้ 1 รายการ")
    assert "✔" in shown and f"{reg_no}-P01  ผ้าฝ้ายทอมือ" in shown
    assert dialog.products.isVisible()


def test_otop2_products_renamed_since_are_flagged(
    dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "ร้านผ้าฝ้าย")
    text = signed(district_register, reg_no)
    with district_register.write() as session:
        product = find_by_reg_no(session, reg_no).products[0]
        update_product(session, product.id, ProductInput("ผ้าไหมทอมือ", category=3, price="350"))
    type_text(dialog.text_edit, text)
    result = dialog.check()
    assert result is not None and result.valid
    assert "✘" in dialog.products.text() and "ผ้าไหมทอมือ" in dialog.products.text()


def test_otop2_with_an_altered_product_count_is_not_genuine(
    dialog: VerifyDialog, district_register: Register, type_text: TypeText
) -> None:
    reg_no = add_record(district_register, "ร้านป้าแก้ว")
    type_text(dialog.text_edit, signed(district_register, reg_no).replace("|1|", "|2|"))
    result = dialog.check()
    assert result is not None and not result.valid
    assert "ไม่ใช่ของจริง" in dialog.verdict.text()
