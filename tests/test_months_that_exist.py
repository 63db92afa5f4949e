"""Only the months that exist, on the command line: a month that has not ended is neither
exported nor locked, and demo data does not run past the last month that ended; each refusal
is a clear message and a non-zero exit. Demo registers can print at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_desktop.cli import main
from otop_desktop.database import Register
from otop_desktop.demo import generate
from otop_desktop.demo.generator import DEMO_OFFICER
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import ExportRecord, PeriodLock
from otop_desktop.services.office import get_office, init_register
from otop_desktop.thaiformat import Period, thai_today


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    return path


def recorded(db: Path) -> tuple[int, int]:
    with Register.open(db) as register, register.read() as session:
        return (
            session.scalar(select(func.count()).select_from(ExportRecord)) or 0,
            session.scalar(select(func.count()).select_from(PeriodLock)) or 0,
        )


@pytest.mark.parametrize("period", ["2575-01", str(Period.of(thai_today()))])
def test_export_monthly_of_a_month_not_ended_exits_non_zero_and_locks_nothing(
    db: Path, tmp_path: Path, capsys, period: str
) -> None:
    out = tmp_path / "out"
    status = main(["export", "monthly", "--db", str(db), "--period", period, "--out", str(out)])
    err = capsys.readouterr().err
    assert status != 0
    assert period in err and ("ยังมาไม่ถึง" in err or "ยังไม่สิ้นเดือน" in err)
    assert recorded(db) == (0, 0)
    assert not out.exists()


def test_the_last_month_that_ended_is_exported_and_locked(db: Path, tmp_path: Path) -> None:
    last = str(Period.of(thai_today()).prev())
    status = main(
        ["export", "monthly", "--db", str(db), "--period", last, "--out", str(tmp_path / "o")]
    )
    assert status == 0
    assert recorded(db) == (1, 1)


@pytest.mark.parametrize("until", ["2575-01", str(Period.of(thai_today()))])
def test_demo_until_a_month_not_ended_is_refused(db: Path, capsys, until: str) -> None:
    status = main(["demo", "--db", str(db), "--scale", "district", "--until", until])
    err = capsys.readouterr().err
    assert status != 0
    assert until in err and str(Period.of(thai_today()).prev()) in err
    with Register.open(db) as register, pytest.raises(UserError):
        generate(register, "district", until=Period.parse(until))


def test_a_demo_register_has_a_fictional_signing_officer(db: Path) -> None:
    with Register.open(db) as register:
        generate(register, "district", until=Period(2565, 3))
        with register.read() as session:
            office = get_office(session)
            assert office.officer_name == DEMO_OFFICER
            assert office.officer_position == "พัฒนาการอำเภอสันกำแพง"
