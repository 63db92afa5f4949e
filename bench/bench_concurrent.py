"""Concurrent writers: 8 processes each register 100 producers with a product of their own
and add products to one producer they all share (the race issue 15 found: 26 of 40 product
codes collided on PostgreSQL), through the services, one transaction per producer. Counts
the errors and checks that the numbers drawn have no gap and no duplicate, on SQLite and, with
--pg, on a PostgreSQL server; beside the same work done by one process in the same run.

    .venv/bin/python bench/bench_concurrent.py [--pg postgresql+psycopg://USER@HOST:PORT/postgres]

--pg names the server's maintenance database: a scratch database is made there and dropped."""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from otop_desktop.domain import OfficeKind
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.office import init_register
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.thaiid import make_thai_id

WORKERS = 8
PRODUCERS = 100
#: Products each worker adds to the shared producer (codes have two digits: 99 at most).
SHARED = 10
DISTRICT = "5013"
REGISTERED = date(2024, 5, 1)  # B.E. 2567: every number is drawn from one counter


def _producer(worker: int, n: int) -> EntrepreneurInput:
    return EntrepreneurInput(
        producer_type=2,
        name=f"ร้านทดสอบ {worker}-{n}",
        contact_name="นางแก้ว ใจดี",
        national_id=make_thai_id(f"1{worker:03d}{n:08d}"),
        house_no="1",
        moo=1,
        subdistrict_code="501301",
        phone="0812345678",
        registered_on=REGISTERED,
    )


def work(db: str, worker: int, shared_id: int, start: Any, out: Any) -> None:
    """One writer's producers and shared products; puts how many transactions failed."""
    from otop_desktop.database import Register

    register = Register.open(db)
    errors = 0
    start.wait()
    try:
        for n in range(PRODUCERS):
            try:
                with register.write() as session:
                    owner = create_entrepreneur(session, _producer(worker, n))
                    session.flush()
                    create_product(session, owner.id, ProductInput("ผ้าฝ้าย", 3, "100", "ผืน"))
                    if n < SHARED:
                        create_product(session, shared_id, ProductInput("ผ้าไหม", 3, "500", "ผืน"))
            except Exception as exc:  # counted and shown: this benchmark measures failures
                errors += 1
                print(f"  worker {worker}: {type(exc).__name__}: {exc}"[:200])
    finally:
        register.close()
    out.put(errors)


def _fresh(db: str) -> int:
    """An empty district register with the shared producer; its id."""
    with init_register(db, OfficeKind.DISTRICT, DISTRICT) as register, register.write() as s:
        shared = create_entrepreneur(s, _producer(999, 0))
        s.flush()
        return shared.id


def _gaps(db: str) -> list[str]:
    """What is wrong with the numbers drawn: gaps or duplicates."""
    engine = sa.create_engine(db if "://" in db else f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            reg_nos = [r for (r,) in conn.execute(sa.text("SELECT reg_no FROM entrepreneurs"))]
            codes = [
                c
                for (c,) in conn.execute(
                    sa.text(
                        "SELECT p.code FROM products p JOIN entrepreneurs e ON e.id = "
                        "p.entrepreneur_id WHERE e.name = :name"
                    ),
                    {"name": _producer(999, 0).name},
                )
            ]
    finally:
        engine.dispose()
    wrong = []
    seqs = sorted(int(r.rsplit("-", 1)[1]) for r in reg_nos)
    if seqs != list(range(1, len(seqs) + 1)):
        wrong.append(f"registration numbers not 1..{len(seqs)}")
    product_seqs = sorted(int(c.rsplit("-P", 1)[1]) for c in codes)
    if product_seqs != list(range(1, len(product_seqs) + 1)):
        wrong.append(f"shared producer's product codes not 1..{len(product_seqs)}")
    return wrong


def run(db: str) -> tuple[float, int, list[str]]:
    shared = _fresh(db)
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    workers = [
        context.Process(target=work, args=(db, w, shared, start, out)) for w in range(WORKERS)
    ]
    for process in workers:
        process.start()
    time.sleep(3)  # let every worker open the register; the clock starts at the signal
    started = time.perf_counter()
    start.set()
    errors = sum(out.get() for _ in workers)
    seconds = time.perf_counter() - started
    for process in workers:
        process.join()
    return seconds, errors, _gaps(db)


def serial(db: str) -> float:
    """The same 8 x 100 producers written by one process, one after another."""
    shared = _fresh(db)
    context = multiprocessing.get_context("spawn")
    start, out = context.Event(), context.Queue()
    start.set()
    started = time.perf_counter()
    for w in range(WORKERS):
        work(db, w, shared, start, out)
    return time.perf_counter() - started


def _server_db(url: str, name: str) -> str:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return str(sa.make_url(url).set(database=name).render_as_string(hide_password=False))


def _drop(url: str, name: str) -> None:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="a PostgreSQL server's maintenance database URL")
    args = parser.parse_args()
    print(
        f"{WORKERS} processes x {PRODUCERS} producers with a product each, "
        f"+ {WORKERS * SHARED} products of one shared producer"
    )
    print(f"{'engine':<11}{'8 procs s':>10}{'errors':>8}{'1 proc s':>10}{'ratio':>8}  numbers")
    with tempfile.TemporaryDirectory() as temp:
        engines = [("sqlite", lambda n: str(Path(temp) / f"{n}.sqlite3"), None)]
        if args.pg:
            engines.append(("postgresql", lambda n: _server_db(args.pg, f"bench_{n}"), args.pg))
        for name, make, server in engines:
            try:
                seconds, errors, wrong = run(make("concurrent"))
                one = serial(make("serial"))
            finally:
                if server:
                    _drop(server, "bench_concurrent")
                    _drop(server, "bench_serial")
            print(
                f"{name:<11}{seconds:>10.2f}{errors:>8}{one:>10.2f}{seconds / one:>8.2f}  "
                f"{'; '.join(wrong) or 'no gap, no duplicate'}"
            )


if __name__ == "__main__":
    main()
