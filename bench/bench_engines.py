"""PostgreSQL beside SQLite, the same work through the same services in the same run: the
demo at nation scale (200,000 producers, 600,000 products), a district's monthly workbook
exported from the province register, and the province's import of its 25 district workbooks
(into an empty register, then the same files again). Prints each engine's seconds and the
ratio PostgreSQL / SQLite (issue 15's goal for the demo: <= 1.5). The search lists on both
engines are bench_search.py --pg; concurrent writers are bench_concurrent.py.

    .venv/bin/python bench/bench_engines.py --pg postgresql+psycopg://USER@HOST:PORT/postgres
        [--scale nation|province]

--pg names the server's maintenance database: scratch databases are made there and dropped.
The server should run with a UTF-8 character locale (C.UTF-8), as the README says."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from otop_desktop.demo import generate
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.thaiformat import Period

MONTH = Period(2568, 10)
DISTRICT = "5013"
AREAS = {"nation": None, "province": "50"}

#: A place for a register: (name → its --db text), and what to do when done with it.
Place = Callable[[str], str]


def _admin(url: str) -> sa.Engine:
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


@contextmanager
def server(url: str) -> Iterator[Place]:
    """Scratch databases on the server, dropped at the end."""
    made: list[str] = []

    def place(name: str) -> str:
        database = f"bench_engines_{name}"
        admin = _admin(url)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            conn.exec_driver_sql(f"CREATE DATABASE {database}")
        admin.dispose()
        made.append(database)
        return sa.make_url(url).set(database=database).render_as_string(hide_password=False)

    try:
        yield place
    finally:
        admin = _admin(url)
        with admin.connect() as conn:
            for database in made:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        admin.dispose()


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def tasks(place: Place, folder: Path, scale: str) -> dict[str, float]:
    seconds: dict[str, float] = {}
    with init_register(place(scale), OfficeKind(scale), AREAS[scale]) as register:
        seconds[f"demo {scale}"] = timed(lambda: generate(register, scale, seed=1, until=MONTH))
    with init_register(place("source"), OfficeKind.PROVINCE, "50") as source:
        generate(source, "province", seed=1, until=MONTH)
        seconds[f"export {DISTRICT}"] = timed(
            lambda: export_monthly(source, MONTH, folder / "one", district_code=DISTRICT)
        )
        files = [r.path for r in export_monthly(source, MONTH, folder / "all", all_districts=True)]
    with init_register(place("province"), OfficeKind.PROVINCE, "50") as province:
        for label in ("import 25", "import 25 again"):
            started = time.perf_counter()
            results = import_submissions(province, files)
            seconds[label] = time.perf_counter() - started
            if not all(r.accepted for r in results):
                raise SystemExit(f"{label}: a workbook was refused")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", required=True, help="the server's maintenance database URL")
    parser.add_argument("--scale", choices=list(AREAS), default="nation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        sqlite = tasks(lambda name: str(root / f"{name}.sqlite3"), root / "sqlite", args.scale)
        loads = {"SQLite": os.getloadavg()}
        with server(args.pg) as place:
            postgres = tasks(place, root / "pg", args.scale)
        loads["PostgreSQL"] = os.getloadavg()
    print(f"{'task':<18}{'SQLite s':>10}{'PostgreSQL s':>14}{'PG/SQLite':>11}")
    for task, seconds in sqlite.items():
        print(f"{task:<18}{seconds:>10.2f}{postgres[task]:>14.2f}{postgres[task] / seconds:>11.2f}")
    # Other work on the machine slows both engines: the load says how much there was.
    for engine, load in loads.items():
        print(f"load average after {engine}: {' '.join(f'{n:.2f}' for n in load)}")


if __name__ == "__main__":
    main()
