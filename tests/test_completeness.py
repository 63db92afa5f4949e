"""The province's grid of which district has sent which month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from otop_desktop.errors import UserError
from otop_desktop.submission.completeness import completeness, fiscal_year_months
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.thaiformat import Period
from tests.submission_files import NOV, OCT, SEP, district_register, export


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[Period, Path]:
    folder = tmp_path_factory.mktemp("district")
    with district_register(folder) as register:
        return {p: export(register, p, folder / str(p)) for p in (SEP, OCT, NOV)}


def test_an_empty_province_has_every_cell_missing(province_register) -> None:
    with province_register.read() as s:
        grid = completeness(s, SEP, NOV)
    assert len(grid.districts) == 25
    assert grid.districts[12].code == "5013" and grid.districts[12].name_th == "สันกำแพง"
    assert grid.periods == (SEP, OCT, NOV)
    assert len(grid.cells) == 75
    assert grid.sent(OCT) == 0 and len(grid.missing(OCT)) == 25


def test_a_month_not_yet_due_has_no_district_missing(province_register) -> None:
    with province_register.read() as s:
        grid = completeness(s, SEP, NOV, today=date(2025, 11, 15))  # November still runs
    assert grid.due == OCT
    assert (grid.is_due(OCT), grid.is_due(NOV)) == (True, False)
    assert len(grid.missing(OCT)) == 25
    assert grid.missing(NOV) == []


def test_sent_months_show_when_and_what_they_superseded(province_register, files) -> None:
    import_submissions(province_register, [files[OCT], files[NOV], files[OCT]])
    with province_register.read() as s:
        grid = completeness(s, SEP, NOV)
    october = grid.cell("5013", OCT)
    assert october.sent and len(october.superseded) == 1
    assert october.current is not None and october.current.id > october.superseded[0].id
    assert october.current.file_name == "OTOP-5013-256810.xlsx"
    assert str(october.current.sales_total) == "33691.60"
    assert october.current.created_at_text.endswith("+07:00")
    assert october.current.imported_at.tzinfo is not None
    november = grid.cell("5013", NOV)
    assert november.sent and not november.superseded
    assert not grid.cell("5013", SEP).sent
    assert not grid.cell("5001", OCT).sent
    assert grid.sent(OCT) == 1 and "5013" not in {d.code for d in grid.missing(OCT)}


def test_a_dry_run_sends_nothing(province_register, files) -> None:
    import_submissions(province_register, [files[OCT]], dry_run=True)
    with province_register.read() as s:
        assert not completeness(s, OCT, OCT).cell("5013", OCT).sent


def test_the_grid_opens_on_the_fiscal_year_so_far() -> None:
    assert fiscal_year_months(date(2025, 12, 5)) == (Period(2568, 10), Period(2568, 11))
    assert fiscal_year_months(date(2025, 10, 1)) == (Period(2567, 10), Period(2568, 9))


def test_only_a_province_register_has_a_grid_and_ranges_are_bounded(
    register, province_register
) -> None:
    with register.read() as s, pytest.raises(UserError, match="province register"):
        completeness(s, OCT, OCT)
    with province_register.read() as s, pytest.raises(UserError, match="1 to 120 months"):
        completeness(s, NOV, OCT)
