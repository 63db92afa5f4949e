"""Times the start-up check (register_check.quick_check: SQLite's quick_check through the
register's session) at province and nation scale beside a bare PRAGMA quick_check through
plain sqlite3 on the same file, and the full check (register_check.check_register, what
`check --db` runs: integrity_check and foreign_key_check, then the register's own rules)
beside a plain PRAGMA integrity_check, in the same run, taking turns. Prints the median
seconds, the ratios, and what each of the full check's rules takes.

The registers are the demo ones bench_backup makes once with the command line and keeps in
--cache (the nation one takes a minute or two and about 1 GB). The file is read once before
timing, so both sides find it in the OS's cache; a check right after the PC starts reads it
from the disk and takes longer, ours and raw alike.

    .venv/bin/python bench/bench_startup_check.py [--scale province|nation|all] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

from bench_backup import DEFAULT_CACHE, cached_register, file_mb, warm

from otop_desktop.database import Register
from otop_desktop.register_check import RULES, check_register, quick_check

SCALES = ("province", "nation")


def taking_turns(
    repeat: int, ours: Callable[[], object], raw: Callable[[], object]
) -> tuple[list[float], list[float]]:
    """Times of each, the two taking turns so that a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(repeat):
        order = ((0, ours), (1, raw)) if i % 2 == 0 else ((1, raw), (0, ours))
        for side, run in order:
            started = time.perf_counter()
            run()
            times[side].append(time.perf_counter() - started)
    return times


def pragma(conn: sqlite3.Connection, name: str) -> None:
    rows = conn.execute(f"PRAGMA {name}").fetchall()
    assert rows == [("ok",)], rows[:3]


def sound(check: Callable[[Register], Sequence[object]], register: Register) -> Callable[[], None]:
    def run() -> None:
        problems = check(register)
        assert not problems, problems[:3]

    return run


def rule_seconds(register: Register) -> dict[str, float]:
    """Each rule of the full check alone, in one read session as check_register runs them."""
    seconds = {}
    with register.read() as session:
        for rule in RULES:
            started = time.perf_counter()
            rule(session)
            seconds[rule.__name__.removesuffix("_problems")] = time.perf_counter() - started
    return seconds


def bench_scale(db: Path, repeat: int) -> tuple[list[str], str]:
    warm(db)  # before any connection: closing a plain descriptor drops SQLite's locks (POSIX)
    register = Register.open(db)
    try:
        with closing(sqlite3.connect(db)) as raw:
            quick = taking_turns(
                repeat, sound(quick_check, register), lambda: pragma(raw, "quick_check")
            )
            full = taking_turns(
                repeat, sound(check_register, register), lambda: pragma(raw, "integrity_check")
            )
            started = time.perf_counter()
            raw.execute("PRAGMA foreign_key_check").fetchall()
            foreign_keys = time.perf_counter() - started
        rules = rule_seconds(register)
    finally:
        register.close()
    lines = []
    for name, raw_name, (ours, theirs) in (
        ("start-up: quick_check()", "PRAGMA quick_check", quick),
        ("check: check_register()", "PRAGMA integrity_check", full),
    ):
        ours_s, raw_s = statistics.median(ours), statistics.median(theirs)
        lines.append(f"{name:<26}{ours_s:>8.2f}{raw_name:>24}{raw_s:>8.2f}{ours_s / raw_s:>10.2f}")
    detail = ", ".join(f"{name} {s:.2f}" for name, s in rules.items())
    return lines, (
        f"  check_register's rules, s: {detail} (file = integrity_check + foreign_key_check; "
        f"plain foreign_key_check alone {foreign_keys:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=[*SCALES, "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    scales = SCALES if args.scale == "all" else (args.scale,)
    registers = {scale: cached_register(args.cache, scale) for scale in scales}
    for scale, db in registers.items():
        lines, detail = bench_scale(db, args.repeat)
        print(f"{scale} register, {file_mb(db):,.1f} MB")
        print(f"{'ours':<26}{'s':>8}{'raw (plain sqlite3)':>24}{'s':>8}{'ours/raw':>10}")
        for line in lines:
            print(line)
        print(detail, flush=True)
    print(f"(median of {args.repeat}, taking turns; the file in the OS's cache)")


if __name__ == "__main__":
    main()
