"""Files a district could really send that once took the province's import down or froze a
district: a year typed as 2600, a sales figure of 1e20, a period that has not ended, a
registration date before OTOP began. Each file is judged on its own (issue 14)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.workbook import Workbook

from otop_desktop.cli import main
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import FileResult, import_submissions
from otop_desktop.thaiformat import THAI_TIME, Period
from tests.conftest import db_of
from tests.submission_files import (
    NOV,
    OCT,
    SEP,
    district_register,
    edited,
    export,
    set_meta,
)
from tests.test_submission_import import month_total, one, reasons_of, snapshot


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("district")
    with district_register(folder) as register:
        return {
            "sep": export(register, SEP, folder / "sep"),
            "oct": export(register, OCT, folder / "oct"),
            "nov": export(register, NOV, folder / "nov"),
        }


def _cell(sheet: spec.DataSheet, row: int, column: int, value: object):
    def edit(book: Workbook) -> None:
        book[sheet.name].cell(row, column).value = value

    return edit


def _period(period: Period):
    """The file made out for ``period``: its metadata and its sales rows (its trainings and
    grants are dropped, as they would be outside the period)."""

    def edit(book: Workbook) -> None:
        set_meta(book, "period", str(period))
        sales = book[spec.SALES.name]
        for row in range(2, sales.max_row + 1):
            if sales.cell(row, 3).value:
                sales.cell(row, 3).value = str(period)
        book[spec.SUPPORT.name].delete_rows(2, 100)

    return edit


HOSTILE = [
    pytest.param(
        _cell(spec.SUPPORT, 2, 3, datetime(2600, 10, 15)),
        "sheet “การอบรมและสนับสนุน”, row 2, column C (วันที่): the date 3143-10-15 (B.E.) is after",
        id="training-dated-2600",
    ),
    pytest.param(
        _cell(spec.SUPPORT, 4, 3, datetime(2600, 10, 20)),
        "sheet “การอบรมและสนับสนุน”, row 4, column C (วันที่): the date 3143-10-20 (B.E.)",
        id="grant-dated-2600",
    ),
    pytest.param(
        _cell(spec.SALES, 2, 4, 1e20),
        "sheet “ยอดจำหน่าย”, row 2, column D (ยอดจำหน่าย (บาท)): the amount is too large",
        id="sales-1e20",
    ),
    pytest.param(
        _cell(spec.SALES, 2, 4, 1e300),
        "sheet “ยอดจำหน่าย”, row 2, column D (ยอดจำหน่าย (บาท)): the amount is too large",
        id="sales-1e300",
    ),
    pytest.param(
        _cell(spec.PRODUCTS, 2, 8, 1e20),
        "sheet “ผลิตภัณฑ์”, row 2, column H (ราคา (บาท)): the amount is too large",
        id="price-1e20",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), HOSTILE)
def test_a_hostile_file_in_the_middle_of_a_batch_is_refused_alone(
    province_register, files, tmp_path, capsys, edit, expected
) -> None:
    bad = edited(files["oct"], edit, tmp_path / "OTOP-5013-256810.xlsx")
    heard: list[FileResult] = []
    results = import_submissions(
        province_register, [files["sep"], bad, files["nov"]], on_result=heard.append
    )
    assert heard == results
    first, middle, last = results
    assert first.accepted and last.accepted
    assert any(expected in r for r in reasons_of(middle)), reasons_of(middle)
    assert all(r.text_th and r.sheet and r.row and r.column for r in middle.reasons)
    assert month_total(province_register, SEP) == Decimal("16845.80")
    assert month_total(province_register, OCT) == Decimal("0.00")  # nothing of it stored
    assert month_total(province_register, NOV) == Decimal("50537.40")

    # the command line: every file's fate, exit 2, no internal error; nothing changed again
    before = snapshot(province_register)
    db = db_of(province_register)
    paths = [str(files["sep"]), str(bad), str(files["nov"])]
    assert main(["import", "submission", "--db", db, *paths]) == 2
    out, err = capsys.readouterr()
    assert out.count("accepted: ") == 2 and str(files["sep"]) in out and str(files["nov"]) in out
    assert f"rejected: {bad}" in err and expected in err
    assert "Internal error" not in out + err
    after = snapshot(province_register)
    del before["received_submissions"], after["received_submissions"]  # a log of every file
    assert after == before


def test_each_files_fate_is_printed_as_it_happens(
    province_register, files, tmp_path, capsys, monkeypatch
) -> None:
    """The first file's line is out before the second file is read."""
    import otop_desktop.submission.province_import as importer

    bad = edited(files["oct"], _cell(spec.SALES, 2, 4, 1e20), tmp_path / "OTOP-5013-256810.xlsx")
    seen: list[tuple[str, str]] = []
    real = importer._import_one

    def spying(register, path, *args, **kwargs):
        out, err = capsys.readouterr()
        seen.append((out, err))
        return real(register, path, *args, **kwargs)

    monkeypatch.setattr(importer, "_import_one", spying)
    db = db_of(province_register)
    assert (
        main(["import", "submission", "--db", db, str(files["sep"]), str(bad), str(files["nov"])])
        == 2
    )
    assert seen[1][0].startswith("รับแล้ว / accepted: ") and str(files["sep"]) in seen[1][0]
    assert f"rejected: {bad}" in seen[2][1]
    assert "accepted: " in capsys.readouterr().out


def test_a_fault_the_checks_missed_refuses_that_file_only(
    province_register, files, monkeypatch
) -> None:
    """The last line of defence: an error while storing a file refuses it, rolls its
    transaction back, and the next file still goes in."""
    import otop_desktop.submission.province_import as importer

    real = importer.store_submission

    def failing(session, submission):
        stored = real(session, submission)
        if submission.period == OCT:  # after its rows were written
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return stored

    monkeypatch.setattr(importer, "store_submission", failing)
    first, middle, last = import_submissions(
        province_register, [files["sep"], files["oct"], files["nov"]]
    )
    assert first.accepted and last.accepted
    assert (
        "OverflowError" in reasons_of(middle)[0] and "nothing was changed" in reasons_of(middle)[0]
    )
    assert month_total(province_register, OCT) == Decimal("0.00")
    assert month_total(province_register, NOV) == Decimal("50537.40")


def _thai_today() -> date:
    return datetime.now(THAI_TIME).date()


def test_a_period_that_has_not_ended_is_refused(province_register, files, tmp_path) -> None:
    today = _thai_today()
    running = Period.of(today)
    if today == running.last_day:  # the day of grace: the running month is taken as ended
        running = running.next()
    for period in (Period(2600, 10), running):
        before = snapshot(province_register)
        bad = edited(files["oct"], _period(period), tmp_path / f"OTOP-5013-{period.key}.xlsx")
        reasons = reasons_of(one(province_register, bad))
        assert any(
            f"column B (period): the period {period} has not ended yet" in r for r in reasons
        ), reasons
        assert snapshot(province_register) == before
    # the month before is taken
    done = Period.of(today).prev()
    ok = edited(files["oct"], _period(done), tmp_path / f"OTOP-5013-{done.key}.xlsx")
    assert one(province_register, ok).accepted


def test_a_period_is_taken_from_its_last_day_by_the_provinces_clock(
    province_register, files, tmp_path
) -> None:
    """One day of grace for a district whose clock runs ahead."""
    oct_last = OCT.last_day
    assert not one(province_register, files["oct"], today=oct_last - timedelta(days=1)).accepted
    assert one(province_register, files["oct"], today=oct_last).accepted
    early = edited(files["oct"], _period(Period(2543, 12)), tmp_path / "OTOP-5013-254312.xlsx")
    assert any(
        "the period 2543-12 is before 2544 B.E." in r
        for r in reasons_of(one(province_register, early))
    )


def test_a_registration_date_before_2544_or_in_the_future_is_refused(
    province_register, files, tmp_path
) -> None:
    for when, expected in (
        (datetime(2000, 12, 31), "2543-12-31 (B.E.) is before 2544 B.E."),
        (datetime.now(THAI_TIME).replace(tzinfo=None) + timedelta(days=3), "which cannot be"),
    ):
        bad = edited(
            files["oct"], _cell(spec.ENTREPRENEURS, 2, 12, when), tmp_path / "OTOP-5013-256810.xlsx"
        )
        reasons = reasons_of(one(province_register, bad))
        where = "sheet “ผู้ประกอบการ”, row 2, column L (วันที่ลงทะเบียน): the date "
        assert any(r.startswith(where) and expected in r for r in reasons), reasons


def test_a_registration_date_outside_its_numbers_year_is_flagged_not_refused(
    province_register, files, tmp_path
) -> None:
    renumbered = edited(
        files["oct"],
        _cell(spec.ENTREPRENEURS, 2, 12, datetime(2023, 5, 1)),
        tmp_path / "OTOP-5013-256810.xlsx",
    )
    result = one(province_register, renumbered)
    assert result.accepted, reasons_of(result)
    flagged = [w.text_en for w in result.warnings if "registration date" in w.text_en]
    assert flagged == [
        "sheet “ผู้ประกอบการ”, row 2, column L (วันที่ลงทะเบียน): the registration date "
        "2566-05-01 (B.E.) is not in the year of its number 5013-2567-0001"
    ]
