"""What the audit trail costs: 1,000 single edits through the services, and the legacy import
of Chiang Mai's 2,475 producers and 7,324 products, each with the trail and without it (the
trail's session listeners taken off) in the same run, taking turns, as a ratio (goal ≤ 1.3).

    .venv/bin/python bench/bench_audit.py [--edits 1000] [--producers 2475] [--products 7324]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_durability import person, spreadsheet
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from otop_desktop.audit import record
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.legacy import import_table, suggest_mapping
from otop_desktop.models import AuditEntry, Entrepreneur
from otop_desktop.services.entrepreneurs import create_entrepreneur, update_entrepreneur
from otop_desktop.services.office import init_register

LISTENERS = (
    ("after_flush", record._rows_to_entries),
    ("before_commit", record._write_entries),
    ("after_commit", record._keep_head_outside),
)


@contextmanager
def without_trail() -> Iterator[None]:
    for name, listener in LISTENERS:
        event.remove(Session, name, listener)
    try:
        yield
    finally:
        for name, listener in LISTENERS:
            event.listen(Session, name, listener)


def entries(register: Register) -> int:
    with register.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def edits(register: Register, ids: list[int], count: int, round_: int) -> float:
    """``count`` single saves, each its own unit of work (a phone changed)."""
    started = time.perf_counter()
    for n in range(count):
        eid = ids[n % len(ids)]
        with register.write() as session:
            current = session.get(Entrepreneur, eid)
            assert current is not None
            data = person(eid)
            data.national_id = current.national_id
            data.phone = f"08{round_ % 10}{n:07d}"
            update_entrepreneur(session, eid, data)
    return time.perf_counter() - started


def turns(rounds: int, runs: dict[str, Callable[[int], float]]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in runs}
    for i in range(rounds):
        order = list(runs) if i % 2 == 0 else list(reversed(runs))
        for name in order:
            times[name].append(runs[name](i))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--producers", type=int, default=2475)
    parser.add_argument("--products", type=int, default=7324)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    os.environ.setdefault("OTOP_DATA_DIR", str(folder / "data"))

    with init_register(folder / "edits.sqlite3", OfficeKind.DISTRICT, "5013") as register:
        with register.write() as session:
            ids = [create_entrepreneur(session, person(n)).id for n in range(50)]
        per_round = max(args.edits // args.rounds, 1)

        def trail(i: int) -> float:
            return edits(register, ids, per_round, i)

        def bare(i: int) -> float:
            with without_trail():
                return edits(register, ids, per_round, i + 100)

        before = entries(register)
        edit_times = turns(args.rounds, {"with trail": trail, "without": bare})
        written = entries(register) - before

    table = spreadsheet(folder, args.producers, args.products)
    mapping = suggest_mapping(table.headings)

    def importing(with_trail: bool) -> Callable[[int], float]:
        def run(i: int) -> float:
            db = folder / f"import-{with_trail}-{i}.sqlite3"
            with init_register(db, OfficeKind.DISTRICT, "5013") as target:
                started = time.perf_counter()
                if with_trail:
                    import_table(target, table, mapping)
                else:
                    with without_trail():
                        import_table(target, table, mapping)
                return time.perf_counter() - started

        return run

    import_times = turns(2, {"with trail": importing(True), "without": importing(False)})

    print(f"audit trail cost ({folder})")
    total = {k: sum(v) for k, v in edit_times.items()}
    print(
        f"  {args.edits:,} single edits: with trail {total['with trail']:.2f} s, "
        f"without {total['without']:.2f} s, ratio {total['with trail'] / total['without']:.2f}"
        f" ({written:,} entries written)"
    )
    med = {k: statistics.median(v) for k, v in import_times.items()}
    print(
        f"  legacy import {args.producers:,}/{args.products:,}: with trail "
        f"{med['with trail']:.2f} s, without {med['without']:.2f} s, "
        f"ratio {med['with trail'] / med['without']:.2f}"
    )


if __name__ == "__main__":
    main()
