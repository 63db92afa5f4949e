"""Generated district workbooks against the province's import (issue 14): a real workbook
changed cell by cell, type by type and part by part, some sealed again so that the changed
values reach the row checks. For every one: no exception escapes, the file is accepted or
refused with reasons, a refused file changes nothing, an accepted file's figures are the
file's. Derandomized (tests/hypothesis_profiles.py), so a run is repeatable; the long run is
bench/bench_fuzz.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from otop_desktop.submission.province_import import import_submissions
from tests import hypothesis_profiles
from tests.submission_files import OCT, SEP, district_register, export
from tests.workbook_mutations import Case, Counts, cases, fingerprint, judge

#: Generated runs, each importing FILES workbooks (at least 500 files in all, within 60 s).
RUNS, FILES = 100, 5


@pytest.fixture(scope="module")
def base_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("district")
    with district_register(folder) as register:
        return {
            "sep": export(register, SEP, folder / "sep"),
            "oct": export(register, OCT, folder / "oct"),
        }


@pytest.fixture(scope="module")
def province(tmp_path_factory, base_files) -> Iterator[Register]:
    """One province register for every case, holding the district's September: each case
    leaves it as it found it (a refused file changes nothing, an accepted one is withdrawn)."""
    folder = tmp_path_factory.mktemp("province")
    with init_register(folder / "province.sqlite3", OfficeKind.PROVINCE, "50") as register:
        (result,) = import_submissions(register, [base_files["sep"]])
        assert result.accepted
        yield register


COUNTS = Counts()


def test_generated_workbooks_are_judged_each_on_its_own(
    province, base_files, tmp_path_factory
) -> None:
    base = fingerprint(province)
    folder = tmp_path_factory.mktemp("cases")
    data = base_files["oct"].read_bytes()

    @settings(settings.get_profile(hypothesis_profiles.CI), max_examples=RUNS)
    @given(st.lists(cases(), min_size=FILES, max_size=FILES))
    def run(batch: list[Case]) -> None:
        judge(province, data, [case.build(data) for case in batch], folder, base, COUNTS)

    run()
    # The files reached both outcomes, and none was refused by a fault of the reader.
    assert COUNTS.accepted + COUNTS.refused >= RUNS * FILES
    assert COUNTS.accepted and COUNTS.refused
    assert COUNTS.faults == 0
