"""Times a backup of the nation register (200,000 entrepreneurs, 600,000 products, 2.2 million
sales rows) through make_backup — SQLite's backup API from one read snapshot, the copy
checked (integrity_check, row counts) and hashed, its sidecar written and the backup
recorded — beside the sqlite3 shell's own .backup of the same file in the same run (the raw
library doing the copy alone). Without the shell (`apt-get install -y sqlite3`) the bare
baseline is Python's sqlite3.Connection.backup, and the table says so. Prints the seconds of
each, the ratio, the backup's and the register's size, and the shares of ours that are the
check and the hash (verify and sha256_of timed alone on the same backup, and the source's
row counts that make_backup compares them with).

The register is made once with the command line (init, then demo: about a minute or two and
about 1 GB for nation) and kept in --cache for the next run; --scale province is a quick run.

    .venv/bin/python bench/bench_backup.py [--scale nation|province] [--repeat 3] [--cache DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TypeVar

from otop_desktop.backup.make import make_backup, sha256_of, verify
from otop_desktop.backup.sqlite_file import read_only, table_counts
from otop_desktop.database import Register
from otop_desktop.paths import DATA_DIR_ENV

T = TypeVar("T")

#: The command line's area options of each scale's register.
AREAS = {
    "district": ["--district", "5013"],
    "province": ["--province", "50"],
    "nation": ["--nation"],
}
UNTIL = "2568-09"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "otop_bench_registers"
SHELL = shutil.which("sqlite3")
MB = 1e6


def cached_register(cache: Path, scale: str) -> Path:
    """The demo register of ``scale``, made once with the command line (``init``, then
    ``demo``) and kept in ``cache`` for the next run (bench_startup_check uses it too)."""
    db = cache / f"{scale}.sqlite3"
    if db.exists():
        return db
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f"{scale}.partial.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    # The number floors the program keeps outside a register go beside the cache, not into
    # the user's data folder.
    env = {**os.environ, DATA_DIR_ENV: str(cache / "data")}
    print(f"making the {scale} register in {db} (once) …", flush=True)
    for command in (
        ["init", "--db", str(partial), *AREAS[scale]],
        ["demo", "--db", str(partial), "--scale", scale, "--until", UNTIL],
    ):
        subprocess.run(
            [sys.executable, "-m", "otop_desktop", *command],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    partial.rename(db)
    return db


def timed(work: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def shell_backup(source: Path, target: Path) -> None:
    """The sqlite3 shell's .backup: the backup API in one step, synced as it commits."""
    assert SHELL is not None
    subprocess.run([SHELL, str(source), f'.backup "{target}"'], check=True)


def python_backup(source: Path, target: Path) -> None:
    """The same through Python's sqlite3 alone (the baseline when the shell is absent)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def file_mb(path: Path) -> float:
    return (
        sum(
            Path(f"{path}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{path}{suffix}").exists()
        )
        / MB
    )


def warm(path: Path) -> None:
    """Reads the file once so that neither side pays for the first read from the disk. Only
    while no connection of this process has it open: closing any descriptor of the file drops
    the process's SQLite locks on it (POSIX), and the shell would then take itself for the
    last reader and delete the WAL under the open register."""
    with path.open("rb") as file:
        while file.read(1 << 24):
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=list(AREAS), default="nation")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument(
        "--python-baseline",
        action="store_true",
        help="use Python's sqlite3 backup as the baseline even when the shell is installed",
    )
    args = parser.parse_args()
    db = cached_register(args.cache, args.scale)
    if SHELL and not args.python_baseline:
        baseline, raw_name = shell_backup, "sqlite3 shell .backup"
    else:
        baseline, raw_name = python_backup, "sqlite3.Connection.backup"
        if not SHELL:
            print(
                "the sqlite3 shell is not installed (apt-get install -y sqlite3): the baseline "
                "is Python's sqlite3.Connection.backup"
            )
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        # make_backup keeps number floors in the data folder: a scratch one, not the user's.
        os.environ[DATA_DIR_ENV] = str(work / "data")
        warm(db)
        register = Register.open(db)
        try:
            with read_only(db) as conn:
                source_counts = table_counts(conn)
            ours, raw, checks, hashes, counts = [], [], [], [], []
            backup_mb = raw_mb = 0.0
            for i in range(args.repeat):
                folder = work / f"ours-{i}"
                folder.mkdir()
                raw_file = work / f"raw-{i}.sqlite3"

                def run_ours(folder: Path = folder) -> None:
                    seconds, info = timed(lambda: make_backup(register, out=folder))
                    ours.append(seconds)
                    nonlocal backup_mb
                    backup_mb = info.size / MB
                    # The parts, timed alone on the same backup just written.
                    check_s, problems = timed(lambda: verify(info.file, info.counts))
                    assert not problems, problems[:3]
                    checks.append(check_s)
                    hashes.append(timed(lambda: sha256_of(info.file))[0])

                def run_raw(raw_file: Path = raw_file) -> None:
                    raw.append(timed(lambda: baseline(db, raw_file))[0])
                    nonlocal raw_mb
                    raw_mb = raw_file.stat().st_size / MB

                # Taking turns, so that a busy machine slows both alike.
                for run in (run_ours, run_raw) if i % 2 == 0 else (run_raw, run_ours):
                    run()
                with read_only(db) as conn:
                    counts.append(timed(lambda conn=conn: table_counts(conn))[0])
                shutil.rmtree(folder)
                raw_file.unlink()
        finally:
            register.close()

    ours_s, raw_s = statistics.median(ours), statistics.median(raw)
    print(
        f"{args.scale} register: {file_mb(db):,.1f} MB — "
        f"{source_counts.get('entrepreneurs', 0):,} entrepreneurs, "
        f"{source_counts.get('products', 0):,} products, "
        f"{source_counts.get('sales', 0):,} sales rows"
    )
    print(f"{'':<27}{'s':>8}{'MB/s':>8}{'backup MB':>11}")
    print(f"{'make_backup (ours)':<27}{ours_s:>8.2f}{backup_mb / ours_s:>8.0f}{backup_mb:>11,.1f}")
    print(f"{raw_name:<27}{raw_s:>8.2f}{raw_mb / raw_s:>8.0f}{raw_mb:>11,.1f}")
    print(
        f"ours/raw {ours_s / raw_s:.2f} (median of {args.repeat}, taking turns; runs: ours "
        + ", ".join(f"{s:.2f}" for s in ours)
        + "; raw "
        + ", ".join(f"{s:.2f}" for s in raw)
        + ")"
    )
    parts = {
        "check of the copy (verify: integrity_check + row counts)": statistics.median(checks),
        "sha256 of the copy": statistics.median(hashes),
        "the register's row counts": statistics.median(counts),
    }
    print("of ours:")
    for name, seconds in parts.items():
        print(f"  {name:<58}{seconds:>7.2f} s {100 * seconds / ours_s:>4.0f}%")
    rest = ours_s - sum(parts.values())
    print(
        f"  {'the rest (copy + fsync, sidecar, record, floors)':<58}{rest:>7.2f} s "
        f"{100 * rest / ours_s:>4.0f}%"
    )


if __name__ == "__main__":
    main()
