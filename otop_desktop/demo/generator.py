"""Filling an empty register with realistic demo data: a district, a province or the nation."""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar, cast

import geothai
import sqlalchemy as sa
from sqlalchemy.orm import Session

from otop_desktop.audit.record import note
from otop_desktop.database import Register
from otop_desktop.demo.district import FIRST_PERIOD, District, Ids, Issued, Run
from otop_desktop.demo.loader import (
    COUNTERS,
    ENTREPRENEURS,
    GRANTS,
    HOUSEHOLDS,
    PRODUCTS,
    SALES,
    TABLES,
    TRAININGS,
    Batch,
    foreign_keys_at_end,
    indexes_at_end,
    write,
)
from otop_desktop.demo.plan import NATION_ENTREPRENEURS, Quota, nation_plan, province_plan
from otop_desktop.demo.totals import totals_at_end
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Office
from otop_desktop.search import SEARCHED_TABLES, bulk_load
from otop_desktop.services.numbers import household_counter, registration_counter
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import Period, last_complete, thai_today

#: Rows per batch. Two batches wait in the queue while one is written; the nation demo
#: peaks at about 250 MB.
_BATCH_ROWS = 100_000

#: Tables whose rows get their ids here (Ids), since other rows refer to them.
_GIVEN_IDS = (ENTREPRENEURS, PRODUCTS, HOUSEHOLDS, TRAININGS)

#: Producers from which the districts are generated in worker processes: below it, starting
#: the workers (each imports the program, about a second) costs more than it saves.
_PARALLEL_FROM = 20_000
#: Producers per worker task: about one batch of rows.
_TASK_ENTREPRENEURS = 5_000

T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    """What generate() wrote: rows per kind, and how long it took."""

    scale: str
    until: str
    districts: int
    entrepreneurs: int
    products: int
    sales: int
    households: int
    trainings: int
    grants: int
    #: Rows written to all tables.
    rows: int
    seconds: float


def generate(
    register: Register,
    scale: str,
    seed: int = 1,
    until: Period | None = None,
    *,
    nation_size: int = NATION_ENTREPRENEURS,
) -> DemoSummary:
    """Fills the empty ``register`` with demo data of its own ``scale`` ("district",
    "province" or "nation"), with sales up to the month ``until`` (default: the last complete
    month), in one transaction. The same seed and month give the same data. ``nation_size``
    is the number of producers at nation scale."""
    started = time.perf_counter()
    kind = _kind(scale)
    today = thai_today()
    until = until or last_complete(today)
    if not until.has_ended(today):
        # Its sales, trainings and grants would be dated after today.
        latest = last_complete(today)
        raise UserError(
            f"ข้อมูลตัวอย่างสิ้นสุดได้ถึงเดือนที่จบแล้วเท่านั้น ล่าสุดคือ {latest} (ระบุ {until})",
            f"Demo data can end only in a month that has ended, at the latest {latest} "
            f"(got {until})",
        )
    if until < FIRST_PERIOD:
        raise UserError(
            f"ข้อมูลตัวอย่างเริ่มที่งวด {FIRST_PERIOD} จึงต้องสิ้นสุดไม่ก่อนงวดนั้น (ระบุ {until})",
            f"Demo data starts in {FIRST_PERIOD}; it cannot end before that (got {until})",
        )
    office = register.office()
    if office is None:
        raise UserError("ทะเบียนยังไม่ได้ตั้งค่าสำนักงาน", "The register has no office set up")
    if office.kind != kind.value:
        have = OfficeKind(office.kind)
        raise UserError(
            f"ทะเบียนนี้เป็นทะเบียนระดับ{have.label_th} สร้างข้อมูลตัวอย่างระดับ{kind.label_th}ไม่ได้",
            f"This is a {have.value} register; {kind.value} demo data needs a "
            f"{kind.value} register",
        )
    quotas = _plan(kind, office, nation_size)
    run = Run(
        seed=seed,
        until=until,
        periods=tuple(Period.range(_first_period(kind, until), until)),
        full=kind is not OfficeKind.NATION,
    )
    counts = dict.fromkeys(TABLES, 0)
    with register.write() as session:
        _refuse_if_filled(session)
        _sign_as_demo_officer(session)
        # The rows go in by Core statements; the trail gets one entry for the run.
        note(session, "demo", detail={"scale": kind.value, "until": str(until), "seed": seed})
        ids = Ids(*(_next_id(session, t) for t in _GIVEN_IDS))
        connection = session.connection()
        batches = (
            _parallel_batches(quotas, run, ids)
            if _parallel(quotas, run)
            else _prefetched(_batches(quotas, run, ids))
        )
        # The trigram index is rebuilt once at the end rather than kept row by row, and so
        # are the kept totals and indexes; the larger cache serves those ends too.
        with (
            _large_cache(connection),
            bulk_load(session),
            totals_at_end(connection),
            foreign_keys_at_end(connection),
            indexes_at_end(connection),
        ):
            for batch in batches:
                for table, rows in batch.rows.items():
                    counts[table] += len(rows)
                write(connection, batch)
        _advance_sequences(connection)
    return DemoSummary(
        scale=kind.value,
        until=str(until),
        districts=len(quotas),
        entrepreneurs=counts[ENTREPRENEURS],
        products=counts[PRODUCTS],
        sales=counts[SALES],
        households=counts[HOUSEHOLDS],
        trainings=counts[TRAININGS],
        grants=counts[GRANTS],
        rows=sum(counts.values()),
        seconds=time.perf_counter() - started,
    )


#: The signing officer of a demo register: plainly fictional ("สมมติ" is "made up"), so that
#: its certificates print at once and are never taken for real ones.
DEMO_OFFICER = "นายสมมติ ตัวอย่าง"


def demo_officer_position(office: Office) -> str:
    """The post that signs for the office: its district's or province's development officer,
    or the department's director-general for the nation."""
    if office.district_code:
        found = geothai.district(office.district_code)
        return f"พัฒนาการอำเภอ{found.name_th if found else office.district_code}"
    if office.province_code:
        found_province = geothai.province(office.province_code)
        name = found_province.name_th if found_province else office.province_code
        return f"พัฒนาการจังหวัด{name}"
    return "อธิบดีกรมการพัฒนาชุมชน"


def _sign_as_demo_officer(session: Session) -> None:
    """Gives a demo register a signing officer, unless it has one already."""
    office = get_office(session)
    if not office.officer_name:
        office.officer_name = DEMO_OFFICER
    if not office.officer_position:
        office.officer_position = demo_officer_position(office)


def _kind(scale: str) -> OfficeKind:
    try:
        return OfficeKind(scale)
    except ValueError:
        raise UserError(
            f"ไม่รู้จักระดับข้อมูลตัวอย่าง {scale} (ใช้ district, province หรือ nation)",
            f"Unknown demo scale {scale} (use district, province or nation)",
        ) from None


def _plan(kind: OfficeKind, office: Office, nation_size: int) -> list[Quota]:
    if kind is OfficeKind.NATION:
        return nation_plan(nation_size)
    quotas = province_plan(office.province_code or "")
    if kind is OfficeKind.PROVINCE:
        return quotas
    return [q for q in quotas if q.district_code == office.district_code]


def _first_period(kind: OfficeKind, until: Period) -> Period:
    """Sales since 2565; the nation register holds only the last twelve months."""
    if kind is not OfficeKind.NATION:
        return FIRST_PERIOD
    first = until
    for _ in range(11):
        first = first.prev()
    return max(first, FIRST_PERIOD)


def _refuse_if_filled(session: Session) -> None:
    """Demo numbers start at 0001, so a register that has issued any number is refused too."""
    for table in (ENTREPRENEURS, HOUSEHOLDS, COUNTERS):
        if session.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            raise UserError(
                "ทะเบียนนี้มีข้อมูลอยู่แล้ว ข้อมูลตัวอย่างใส่ได้เฉพาะทะเบียนที่ว่าง",
                "This register already holds data; demo data goes only into an empty register",
            )


#: SQLite page cache during a load, in KiB (its default is 2 MB): the nation's indexes and
#: trigram index outgrow the default many times over, and each miss is a read from the OS.
_LOAD_CACHE_KIB = 128 * 1024
#: FTS5's hash of pending terms during a load, in bytes (its default, which the program never
#: changes, is 1 MB). The trigram index is rebuilt from the loaded rows, and each time the
#: pending terms fill the hash they go out as a segment that merges then rewrite: at 128 MB
#: the nation's products make a few segments instead of hundreds (rebuild 25.6 s to 10.3 s).
_LOAD_HASH_BYTES = 128 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024


@contextmanager
def _large_cache(connection: sa.Connection) -> Iterator[None]:
    """A larger page cache and FTS5 pending-terms hash on SQLite for the load (entered
    before search.bulk_load, so that its rebuild of the index has them), then the
    connection's own cache and the index's default hash again."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{_LOAD_CACHE_KIB}")
    _fts_hash(connection, _LOAD_HASH_BYTES)
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
        _fts_hash(connection, _DEFAULT_HASH_BYTES)
        for table in SEARCHED_TABLES:
            # Once set, even the default is a row of the index's configuration, which a
            # register made by the migrations does not have.
            connection.exec_driver_sql(f"DELETE FROM {table}_fts_config WHERE k = 'hashsize'")


def _fts_hash(connection: sa.Connection, size: int) -> None:
    for table in SEARCHED_TABLES:
        connection.exec_driver_sql(
            f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('hashsize', {size})"
        )


def _advance_sequences(connection: sa.Connection) -> None:
    """PostgreSQL draws ids from sequences, which rows inserted with their ids leave behind."""
    if connection.dialect.name != "postgresql":
        return
    for table in _GIVEN_IDS:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), max(id)) "
            f"FROM {table.name} HAVING count(*) > 0"
        )


def _next_id(session: Session, table: sa.TableClause) -> int:
    # An aggregate's one row, never NULL through coalesce.
    highest = session.scalars(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).one()
    return int(highest) + 1


def _batches(quotas: list[Quota], run: Run, ids: Ids) -> Iterator[Batch]:
    """The rows of all districts, some hundred thousand at a time; the last batch also
    holds the counters, so that numbers issued later continue after the demo's."""
    batch = Batch()
    issued = Issued()
    for quota in quotas:
        out = District(quota, run).generate(ids, batch)
        issued.registrations.update(out.registrations)
        issued.households.update(out.households)
        if len(batch) >= _BATCH_ROWS:
            yield batch
            batch = Batch()
    batch.rows[COUNTERS] = _counters(issued)
    yield batch


def _counters(issued: Issued) -> list[tuple[object, ...]]:
    # The counters table was empty (_refuse_if_filled): setting them is raising them, so they
    # go in with the last batch's other rows.
    return [
        *((registration_counter(d, y), seq) for (d, y), seq in issued.registrations.items()),
        *((household_counter(s, m), seq) for (s, m), seq in issued.households.items()),
    ]


def _parallel(quotas: list[Quota], run: Run) -> bool:
    """Whether the districts are generated in worker processes. Only the nation's are: its
    districts use exactly their quota of producer and product ids, so each task knows its
    first ids beforehand (trainings and households, drawn per district, would not)."""
    return (
        not run.full
        and (os.cpu_count() or 1) > 1
        and sum(q.entrepreneurs for q in quotas) >= _PARALLEL_FROM
    )


def _tasks(quotas: list[Quota], ids: Ids) -> Iterator[tuple[list[Quota], Ids]]:
    """Runs of districts of about _TASK_ENTREPRENEURS producers, each with its first ids."""
    first = Ids(ids.entrepreneur, ids.product, ids.household, ids.training)
    task: list[Quota] = []
    for quota in quotas:
        task.append(quota)
        if sum(q.entrepreneurs for q in task) >= _TASK_ENTREPRENEURS:
            yield task, first
            first = _after(task, first)
            task = []
    if task:
        yield task, first


def _after(task: list[Quota], ids: Ids) -> Ids:
    return Ids(
        ids.entrepreneur + sum(q.entrepreneurs for q in task),
        ids.product + sum(q.products for q in task),
        ids.household,
        ids.training,
    )


def _generate_task(
    task: list[Quota], run: Run, first: Ids
) -> tuple[list[list[tuple[object, ...]]], Issued]:
    """A worker's task: the rows of ``task``'s districts (in TABLES order) and the numbers
    they issued."""
    ids = Ids(first.entrepreneur, first.product, first.household, first.training)
    batch = Batch()
    issued = Issued()
    for quota in task:
        out = District(quota, run).generate(ids, batch)
        issued.registrations.update(out.registrations)
    if ids != _after(task, first):
        # A later change to district.py drew more or fewer ids than the quota: the tasks'
        # ids would overlap, so this is a bug, never a user's mistake.
        raise RuntimeError("demo district used ids outside its quota")
    return [batch.rows[t] for t in TABLES], issued


def _parallel_batches(quotas: list[Quota], run: Run, ids: Ids) -> Iterator[Batch]:
    """_batches, with the districts generated in worker processes while this one writes.
    The rows and ids are the same as _batches gives. A few tasks wait ahead, not all, so
    memory stays that of a few batches."""
    workers = os.cpu_count() or 2
    issued = Issued()
    # spawn, not fork: the caller may hold threads (a desktop, the test runner), which a
    # forked child would copy in whatever state they were.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[tuple[list[list[tuple[object, ...]]], Issued]]] = deque()
        tasks = _tasks(quotas, ids)
        try:
            for task, first in tasks:
                pending.append(pool.submit(_generate_task, task, run, first))
                if len(pending) > workers:
                    yield _batch_of(pending.popleft().result(), issued)
            while pending:
                yield _batch_of(pending.popleft().result(), issued)
        finally:
            for future in pending:
                future.cancel()
    last = Batch()
    last.rows[COUNTERS] = _counters(issued)
    yield last


def _batch_of(result: tuple[list[list[tuple[object, ...]]], Issued], issued: Issued) -> Batch:
    rows, out = result
    issued.registrations.update(out.registrations)
    batch = Batch()
    for table, table_rows in zip(TABLES, rows, strict=True):
        batch.rows[table] = table_rows
    return batch


def _prefetched(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items``, made in a thread while the caller works on the previous ones. SQLite lets go
    of the GIL while it writes, so generating the next batch overlaps writing this one."""
    slots: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(kind: str, value: object) -> None:
        while not stop.is_set():
            try:
                slots.put((kind, value), timeout=0.1)
                return
            except queue.Full:
                continue

    def produce() -> None:
        try:
            for item in items:
                put("item", item)
                if stop.is_set():
                    return
            put("end", None)
        except BaseException as exc:  # handed to the caller's thread and raised there
            put("error", exc)

    worker = threading.Thread(target=produce, name="demo-generator", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = slots.get()
            if kind == "error":
                raise cast(BaseException, value)
            if kind == "end":
                return
            yield cast(T, value)
    finally:
        stop.set()
        worker.join()
