"""Migration 0003 (month locks, received submissions, district keys) on a register of the
schema before it, with data in it."""

from __future__ import annotations

from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from otop_desktop.database import (
    Register,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)
from otop_desktop.models import DistrictKey, ExportRecord, PeriodLock, ReceivedSubmission

BEFORE = "0002"


def _register_of_0002(path) -> None:
    engine = make_engine(path)
    upgrade(engine, BEFORE)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, kind, province_code, district_code, name, officer_name,"
                " officer_position, signing_private_key, signing_public_key, created_at)"
                " VALUES (1, 'district', '50', '5013', 'สพอ.สันกำแพง', '', '', :k, :p, :now)"
            ),
            {"k": b"\0" * 32, "p": "00" * 32, "now": "2024-01-01 00:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO export_records (id, kind, period, district_code, file_name, sha256,"
                " personal_data, created_by, created_at) VALUES (7, 'monthly', 256709, '5013',"
                " 'OTOP-5013-256709.xlsx', '', 1, 'นางสาวเอ', '2024-10-01 02:00:00')"
            )
        )
    engine.dispose()


def test_a_register_of_0002_is_upgraded_and_keeps_its_exports(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    _register_of_0002(path)
    with Register.open(path) as register:
        assert current_revision(register.engine) == head_revision()
        with register.write() as s:
            export = s.get(ExportRecord, 7)
            assert export is not None and export.file_name == "OTOP-5013-256709.xlsx"
            s.add(PeriodLock(district_code="5013", period=256709, action="submitted", export_id=7))
            s.add(DistrictKey(district_code="5013", public_key="ab" * 32, period=256709))
            s.add(
                ReceivedSubmission(
                    district_code="5013",
                    period=256709,
                    file_name="OTOP-5013-256709.xlsx",
                    sha256="0" * 64,
                    created_at_text="2024-10-01T09:00:00+07:00",
                    program_version="0.1.0",
                    rows_entrepreneurs=1,
                    rows_products=2,
                    rows_sales=3,
                    rows_households=4,
                    rows_support=5,
                    sales_total=Decimal("1234567.50"),
                )
            )
        with register.read() as s:
            lock = s.scalars(select(PeriodLock)).one()
            assert (lock.action, lock.export_id, lock.reason, lock.user) == ("submitted", 7, "", "")
            received = s.scalars(select(ReceivedSubmission)).one()
            assert received.sales_total == Decimal("1234567.50")
            assert received.warnings == "[]"


def test_0003_downgrades_to_0002_and_back(tmp_path) -> None:
    path = tmp_path / "roundtrip.sqlite3"
    _register_of_0002(path)
    engine = make_engine(path)
    upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), BEFORE)
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert "period_locks" not in tables and "export_records" in tables
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
