"""The long run of the crash-safety harness (tests/crash_harness.py; the suite runs a few
kills of each kind in tests/test_crash_safety.py): writers killed at random moments — single
edits through the services, a legacy import, district workbooks into a province register,
``demo``, backups — and what each kill left checked.

    .venv/bin/python bench/bench_kill.py [--kills 200] [--seed N] [--fresh] [--keep DIR]

Kills go round the five kinds. ``--fresh`` starts every writer as a new interpreter
(``python -m tests.crash_writers …``) instead of forking it from the writer server. Prints,
per kind and in all: kills, how many found the writer still running, inside a write
transaction (seen from outside) or with an action in flight, the actions reported committed,
damaged registers, committed actions lost, half imports (and half backups listed as good),
anything in a register that was never saved, what of each import was in afterwards, what the
kills left beside the register, and the time. Exit status 1 if any kill failed: the folders
of failed kills are then kept (under --keep, or a temporary folder that is named); else the
run's folder is removed."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.crash_harness import KINDS, Harness, Kill, note_kind  # noqa: E402

COLUMNS = (
    "kills",
    "running",
    "in write",
    "in flight",
    "committed",
    "damaged",
    "lost",
    "half",
    "unexpected",
)


def tally(kills: list[Kill]) -> dict[str, int | str]:
    return {
        "kills": len(kills),
        "running": sum(k.running for k in kills),
        "in write": sum(k.in_write for k in kills),
        "in flight": sum(k.in_flight for k in kills),
        "committed": sum(k.committed for k in kills),
        "damaged": sum(bool(k.damaged) for k in kills),
        "lost": sum(len(k.lost) for k in kills),
        "half": sum(len(k.half) for k in kills),
        "unexpected": sum(len(k.unexpected) for k in kills),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="how many kills (default 200)")
    parser.add_argument("--seed", type=int, help="the seed of the moments (default: random)")
    parser.add_argument("--fresh", action="store_true", help="a new interpreter per writer")
    parser.add_argument("--keep", type=Path, help="where to work (and keep failed kills)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    workdir = Path(tempfile.mkdtemp(prefix="bench-kill-", dir=args.keep))
    # The number floors of the registers made here go to a folder of the run's own.
    os.environ["OTOP_DATA_DIR"] = str(workdir / "data")
    print(f"seed {seed}; {args.kills} kills; {'new interpreters' if args.fresh else 'forked'}")

    started = time.perf_counter()
    kills: dict[str, list[Kill]] = {kind: [] for kind in KINDS}
    failed: list[Kill] = []
    with Harness(workdir, seed, fork=not args.fresh) as harness:
        harness.prepare()
        prepared = time.perf_counter() - started
        for kind in KINDS:
            spec = harness.kinds[kind]
            windows = ", ".join(f"{a:.2f}–{b:.2f}" for a, b in spec.windows[:4])
            print(f"  {kind:<9} an unkilled run: {spec.seconds:.2f} s; writes at {windows or '-'}")
        for number in range(args.kills):
            kill = harness.kill(KINDS[number % len(KINDS)])
            kills[kill.kind].append(kill)
            if kill.failures:
                failed.append(kill)
                print(kill.report(seed), file=sys.stderr)
            else:
                harness.remove(kill)
            if (number + 1) % 25 == 0:
                print(f"  … {number + 1} kills, {len(failed)} failed", flush=True)
    seconds = time.perf_counter() - started

    print()
    print(f"{'kind':<10}" + "".join(f"{c:>11}" for c in COLUMNS))
    for kind in KINDS:
        row = tally(kills[kind])
        print(f"{kind:<10}" + "".join(f"{row[c]:>11}" for c in COLUMNS))
    every = [k for kind in KINDS for k in kills[kind]]
    total = tally(every)
    print(f"{'all':<10}" + "".join(f"{total[c]:>11}" for c in COLUMNS))
    print()
    for kind in KINDS:
        states = Counter(k.state for k in kills[kind] if k.state)
        if states:
            print(f"{kind} afterwards: " + ", ".join(f"{s} {n}" for s, n in sorted(states.items())))
    notes = Counter(note_kind(n) for k in every for n in k.notes)
    for note, n in sorted(notes.items()):
        print(f"note: {n} × {note}")
    print()
    print(
        f"{total['kills']} kills in {seconds:.1f} s ({prepared:.1f} s preparing): damaged "
        f"registers {total['damaged']}, committed actions lost {total['lost']}, half imports "
        f"and half backups listed as good {total['half']}, never saved yet there "
        f"{total['unexpected']}"
    )
    if failed:
        print(f"{len(failed)} kills failed; their folders are kept under {workdir}")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
