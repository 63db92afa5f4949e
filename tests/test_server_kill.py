"""The kill test of the district workbook import on a PostgreSQL server (issue 15): ``import
submission`` of three districts' workbooks into a province register on the server, killed
(SIGKILL, its whole process group) at moments drawn from a seed. The server rolls the killed
connection's transaction back: each district is wholly in or not at all, only in the order
given, the register passes ``check``, and the next import works. tests/test_crash_safety.py
kills the same import (and the other writers) on SQLite files, through tests/crash_harness.py,
whose workbooks and per-district row counts this uses."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.paths import DATA_DIR_ENV
from otop_desktop.register_check import check_register
from tests.conftest import ON_POSTGRESQL, db_of
from tests.crash_harness import _DISTRICT_ROWS, WORKBOOK_DISTRICTS, Harness

pytestmark = pytest.mark.skipif(not ON_POSTGRESQL, reason="kills a writer on a server")

SEED = int(os.environ.get("OTOP_CRASH_SEED") or random.SystemRandom().randrange(1 << 32))
KILLS = 5
ROOT = Path(__file__).resolve().parents[1]


def district_rows(register: Register, district: str) -> dict[str, int]:
    with register.read() as session:
        return {
            table: int(session.scalar(text(query.replace("?", ":d")), {"d": district}) or 0)
            for table, query in _DISTRICT_ROWS.items()
        }


def start_import(db: str, files: list[Path], pc: Path) -> subprocess.Popen[str]:
    """The import as a clerk's PC runs it, with ``pc`` as its per-user data folder."""
    argv = [sys.executable, "-m", "otop_desktop", "import", "submission", "--db", db]
    return subprocess.Popen(
        [*argv, *map(str, files)],
        cwd=ROOT,
        env={**os.environ, DATA_DIR_ENV: str(pc)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill takes all of it
    )


def test_a_killed_workbook_import_on_a_server_leaves_each_district_whole_or_out(
    fresh_register: Callable[..., Register],
    data_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Harness(tmp_path_factory.mktemp("kill"), SEED, fork=False) as harness:
        files = harness.workbooks()
    none = dict.fromkeys(_DISTRICT_ROWS, 0)

    def new_register() -> tuple[Register, Path]:
        """A fresh province register and the data folder of the PC that imports into it
        (every copy shares the template's id, so each has its own numbers and trail head)."""
        register = fresh_register(OfficeKind.PROVINCE, "50")
        pc = tmp_path_factory.mktemp("pc")
        shutil.copytree(data_dir, pc, dirs_exist_ok=True)
        return register, pc

    unkilled, pc = new_register()
    started = time.monotonic()
    done = start_import(db_of(unkilled), files, pc)
    assert done.stdout is not None
    # When each file's fate was printed: the kills land across the import's working time.
    lines = [time.monotonic() - started for _line in done.stdout]
    _out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err[-2000:]
    assert len(lines) >= len(files), lines
    per_file = (lines[-1] - lines[0]) / max(len(lines) - 1, 1)
    window = (max(lines[0] - 1.5 * per_file, 0.0), lines[-1])
    whole = {d: district_rows(unkilled, d) for d in WORKBOOK_DISTRICTS}
    assert none not in whole.values()

    rng = random.Random(SEED)
    for kill in range(KILLS):
        register, pc = new_register()
        writer = start_import(db_of(register), files, pc)
        delay = rng.uniform(*window)
        try:
            writer.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(writer.pid, signal.SIGKILL)
        writer.communicate(timeout=60)
        said = f"seed {SEED}, kill {kill} after {delay:.2f} s (files done at {lines})"
        held = []
        for number, district in enumerate(WORKBOOK_DISTRICTS):
            have = district_rows(register, district)
            assert have in (none, whole[district]), f"{said}: {district} half in: {have}"
            if have == whole[district]:
                held.append(number)
        assert held == list(range(len(held))), f"{said}: districts in out of order: {held}"
        with monkeypatch.context() as patch:
            patch.setenv(DATA_DIR_ENV, str(pc))
            assert check_register(register) == [], said
    # The last register takes the whole import afterwards: no lock or half row left behind
    # (a workbook it held already is received once more, its rows replaced).
    again = start_import(db_of(register), files, pc)
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err[-2000:]
    for district in WORKBOOK_DISTRICTS:
        have = district_rows(register, district)
        assert have.pop("received_submissions") >= 1
        assert have == {k: v for k, v in whole[district].items() if k != "received_submissions"}
