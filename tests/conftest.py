"""Every test gets a fresh register in its own temporary folder: a real SQLite file with
WAL and foreign keys, made by the same migrations the program runs."""

from __future__ import annotations

import os
import subprocess

# No display in CI; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import date
from itertools import count
from pathlib import Path

import pytest

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import get_office, init_register, update_office
from otop_desktop.services.products import ProductInput, create_product
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


def add_record(register: Register, name: str, *, products: bool = True) -> str:
    """A single owner named ``name`` with one product (or none); its registration number."""
    with register.write() as session:
        entrepreneur = create_entrepreneur(session, person(name=name))
        session.flush()
        if products:
            create_product(
                session, entrepreneur.id, ProductInput("ผ้าฝ้ายทอมือ", category=3, price="350")
            )
        return entrepreneur.reg_no


def set_officer(register: Register, name: str = "นายสมชาย ใจดี") -> None:
    """A signing officer for the office: certificates need one."""
    with register.write() as session:
        office = get_office(session)
        update_office(session, name=office.name, officer_name=name, officer_position="พัฒนาการอำเภอ")


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The per-user data folder (number floors, default backups, logs) of each test: its own,
    never the real user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    yield folder


@pytest.fixture
def register(tmp_path) -> Iterator[Register]:  # type: ignore[no-untyped-def]
    with init_register(tmp_path / "district.sqlite3", OfficeKind.DISTRICT, "5013") as reg:
        yield reg


@pytest.fixture
def province_register(tmp_path) -> Iterator[Register]:  # type: ignore[no-untyped-def]
    with init_register(tmp_path / "province.sqlite3", OfficeKind.PROVINCE, "50") as reg:
        yield reg


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Callable[[int], Path]]:  # type: ignore[no-untyped-def]
    """Mounts real, small tmpfs filesystems (size in bytes) for full-disk tests; unmounted
    at the end even when the test fails. Needs root, as the tests have here and in CI."""
    mounted: list[Path] = []

    def mount(size: int) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], check=False)
