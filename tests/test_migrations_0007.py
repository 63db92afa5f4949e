"""Migration 0007: a register of 0006 with producers, products and sales keeps them all,
its search triggers still work, and incomplete records can be stored afterwards; going back
is refused while incomplete records exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from otop_desktop.database import Register, alembic_config, make_engine, upgrade
from otop_desktop.domain import OfficeKind
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.listing import EntrepreneurFilter, list_entrepreneurs
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.services.sales import SaleInput, set_month_sales
from otop_desktop.thaiformat import Period
from tests.conftest import person


def _register_at_0006(tmp_path: Path) -> Path:
    """A register filled through the services, then taken back to 0006 with its data."""
    path = tmp_path / "r.sqlite3"
    with init_register(path, OfficeKind.DISTRICT, "5013") as register, register.write() as s:
        owner = create_entrepreneur(s, person(name="ร้านร่มบ่อสร้าง"))
        product = create_product(s, owner.id, ProductInput("ร่มกระดาษสา", 4, "350", "คัน"))
        set_month_sales(s, owner.id, Period(2567, 6), by_product={product.id: SaleInput("700")})
    engine = make_engine(path)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    engine.dispose()
    return path


def test_a_0006_register_keeps_everything_and_takes_incomplete_records(tmp_path) -> None:
    path = _register_at_0006(tmp_path)
    engine = make_engine(path)
    upgrade(engine, "0007")
    with engine.begin() as conn:
        counts = [
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("entrepreneurs", "products", "sales")
        ]
        assert counts == [1, 1, 1]
        triggers = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        ).scalars()
        assert {f"entrepreneurs_fts_{s}" for s in ("ai", "ad", "au")} <= set(triggers)
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    engine.dispose()
    with Register.open(path) as register:
        with register.write() as s:
            lacking = person(name="ร้านไม่ครบ", producer_type=None, registered_on=None)
            made = create_entrepreneur(
                s, lacking, lacking={"producer_type": "", "registered_on": "1/1/2530"}
            )
            assert (made.producer_type, made.registered_on) == (None, None)
        with register.read() as s:
            # The search index follows rows written after the change.
            found = list_entrepreneurs(s, EntrepreneurFilter(query="ไม่ครบ"))
            assert [r.name for r in found] == ["ร้านไม่ครบ"]
            found = list_entrepreneurs(s, EntrepreneurFilter(query="บ่อสร้าง"))
            assert [r.name for r in found] == ["ร้านร่มบ่อสร้าง"]


def test_going_back_is_refused_while_records_are_incomplete(tmp_path) -> None:
    path = _register_at_0006(tmp_path)
    with Register.open(path) as register, register.write() as s:
        create_entrepreneur(
            s, person(name="ร้านไม่ครบ", producer_type=None), lacking={"producer_type": ""}
        )
    engine = make_engine(path)
    with (
        pytest.raises(RuntimeError, match="1 incomplete entrepreneurs"),
        engine.begin() as conn,
    ):
        command.downgrade(alembic_config(conn), "0006")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM entrepreneurs")).scalar_one() == 2
    engine.dispose()
