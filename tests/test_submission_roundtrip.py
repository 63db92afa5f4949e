"""The round trip the province relies on: every district of the Chiang Mai demo exports its
month, an empty province register imports the 25 files, and it then holds that month exactly
as the source does — every row of every sheet, every satang. Importing the files again
changes nothing."""

from __future__ import annotations

from pathlib import Path

import geothai
from sqlalchemy import select

from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Base
from otop_desktop.services.office import init_register
from otop_desktop.services.stats import register_stats
from otop_desktop.submission.collect import collect
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.thaiformat import Period

MONTH = Period(2568, 10)
CODES = [d.code for d in geothai.districts("50")]
#: What the province keeps of its own: when each file came, and the ids rows happen to get.
OWN_COLUMNS = {"id", "created_at", "updated_at", "imported_at"}


def month_rows(register) -> dict[str, tuple[list[object], ...]]:
    with register.read() as s:
        return {code: rows.sheets() for code, rows in collect(s, MONTH, CODES).items()}


def every_row(register) -> dict[str, list[str]]:
    found = {}
    with register.read() as s:
        for table in Base.metadata.sorted_tables:
            # What records each import (the files received, what each replaced, the trail)
            # grows with each one.
            if table.name in (
                "received_submissions",
                "received_submission_undo",
                "office",
                "audit_log",
                "audit_head",
            ):
                continue
            columns = [c for c in table.columns if c.name not in OWN_COLUMNS]
            found[table.name] = sorted(map(repr, s.execute(select(*columns)).all()))
    return found


def test_the_provinces_month_survives_export_and_import(tmp_path: Path) -> None:
    with init_register(tmp_path / "source.sqlite3", OfficeKind.PROVINCE, "50") as source:
        generate(source, "province", seed=1, until=MONTH)
        files = [
            r.path for r in export_monthly(source, MONTH, tmp_path / "out", all_districts=True)
        ]
        expected = month_rows(source)
        with source.read() as s:
            expected_total = register_stats(s)["sales_by_period"][str(MONTH)]
    assert len(files) == 25

    with init_register(tmp_path / "province.sqlite3", OfficeKind.PROVINCE, "50") as province:
        results = import_submissions(province, files)
        assert [r.path for r in results if not r.accepted] == []
        assert month_rows(province) == expected
        with province.read() as s:
            figures = register_stats(s)
        assert figures["sales_by_period"] == {str(MONTH): expected_total}
        assert expected_total == "1108529950.00"

        before = every_row(province)
        again = import_submissions(province, files)
        assert all(r.accepted and r.replaced for r in again)
        assert every_row(province) == before
