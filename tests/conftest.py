"""Every test gets a fresh register in its own temporary folder: a real SQLite file with
WAL and foreign keys, made by the same migrations the program runs."""

from __future__ import annotations

import os

# No display in CI; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from itertools import count

import pytest

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services.entrepreneurs import EntrepreneurInput
from otop_desktop.services.office import init_register
from otop_desktop.thaiid import make_thai_id

_ids = count(1)


def new_id() -> str:
    """A valid, unique 13-digit citizen ID."""
    return make_thai_id(f"1{next(_ids):011d}")


def person(**changes: object) -> EntrepreneurInput:
    """A valid single-owner entrepreneur in San Kamphaeng (5013); tests change one field."""
    data = EntrepreneurInput(
        producer_type=2,
        name="ร้านผ้าฝ้ายป้าแก้ว",
        contact_name="นางแก้ว ใจดี",
        national_id=new_id(),
        house_no="71/2",
        moo=3,
        subdistrict_code="501301",
        phone="0812345678",
        registered_on=date(2024, 5, 1),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def register(tmp_path) -> Iterator[Register]:  # type: ignore[no-untyped-def]
    with init_register(tmp_path / "district.sqlite3", OfficeKind.DISTRICT, "5013") as reg:
        yield reg


@pytest.fixture
def province_register(tmp_path) -> Iterator[Register]:  # type: ignore[no-untyped-def]
    with init_register(tmp_path / "province.sqlite3", OfficeKind.PROVINCE, "50") as reg:
        yield reg
