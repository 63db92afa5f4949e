"""Kills writing processes at random moments and looks at what they leave (issue 9, "crash
safety, proven"). Shared by tests/test_crash_safety.py (a few kills of each kind) and
bench/bench_kill.py (the long run).

Each kill starts a writer of tests/crash_writers.py as a process of its own (its own session
and process group, its own data folder, a fresh copy of its register) — forked by the writer
server, which has imported everything once, or (``fork=False``) as a new interpreter — waits
until it says it is ready, tells it to go, and sends SIGKILL to its process group after a delay
drawn from the seeded generator: anywhere in the time an unkilled run of the same writer took
(measured once, in :meth:`Harness.prepare`), or, for half of the kills, inside one of the
stretches that run held the register's write lock. A thread watches the write lock during
every kill (:class:`WriteWatch`), so each kill says whether it came inside a write
transaction. Then:

- ``check_register`` finds nothing wrong with the register (``damaged``);
- every action the writer said it committed is in the register (``lost``);
- nothing is there beyond what it committed and the one action in flight (``unexpected``);
- an import (legacy spreadsheet, ``demo``, each district workbook) is wholly in or not at all
  (``half``): the register's row counts equal those before it or those of a whole run;
- a backup that the backup folder lists as good is whole (its sha256, ``integrity_check`` and
  row counts match its sidecar), every backup said to be done is listed, and the register's
  rows are those it had (``half`` too).

What a kill leaves beside the register that is not wrong but worth knowing — a hidden
half-written backup, a backup file without its sidecar, a good backup not yet recorded as an
export — is noted (``notes``), not failed."""

from __future__ import annotations

import errno
import math
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tests.crash_writers import (
    CREATE,
    DEMO_UNTIL,
    DISTRICT,
    DONE,
    EXIT,
    MARK,
    PHONE,
    PRODUCT,
    READY,
    SALE,
    TRY,
)

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("edits", "legacy", "workbook", "demo", "backup")
#: Kills of an ``edits`` writer land this long after it starts (it runs until killed).
EDITS_WINDOW = 0.5
#: Kills land up to this share of an unkilled run's time after the start, so a few find the
#: writer done (a valid case: everything must then be in).
SPREAD = 1.1
#: The share of kills aimed inside a write transaction of the unkilled run (the others fall
#: anywhere in its time).
IN_WRITE_SHARE = 0.5
#: The share of kills of a one-command writer meant to come after its work was done (a valid
#: case: everything must then be in), and how fast the kills' clock is nudged towards it.
DONE_SHARE = 0.1
KILL_CLOCK_STEP = 0.3
#: How often :class:`WriteWatch` looks at the write lock.
PROBE_SECONDS = 0.002
#: Backups an unkilled ``backup`` writer makes when its time is measured.
CALIBRATION_BACKUPS = 3
#: The legacy spreadsheet's size: producers, and products (one a row).
LEGACY_PRODUCERS, LEGACY_PRODUCTS = 120, 200
#: Districts whose monthly workbooks the ``workbook`` writer imports, in this order.
WORKBOOK_DISTRICTS = ("5021", "5020", "5025")
#: The district whose register the ``backup`` writer backs up.
BACKUP_DISTRICT = DISTRICT
WORKBOOK_PERIOD = "2568-10"
#: How long a writer may take to say ``ready`` or, unkilled, to finish.
READY_TIMEOUT = 120.0
FINISH_TIMEOUT = 300.0


# --- the writer process -------------------------------------------------------------------


class WriterFailed(RuntimeError):
    pass


class Writer:
    """One writer process: waited for until ready, told to go, killed (or left to finish),
    its protocol lines read back."""

    def __init__(self, folder: Path, data_dir: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        data_dir.mkdir(parents=True, exist_ok=True)
        self.out = folder / "writer.out"
        self.err = folder / "writer.err"
        self.started = 0.0

    def ended(self) -> bool:
        raise NotImplementedError

    def wait_ready(self) -> None:
        ends = time.monotonic() + READY_TIMEOUT
        while not any(f[:1] == [READY] for f in self.lines()):
            if self.ended():
                raise WriterFailed(f"the writer ended before it was ready: {self.stderr_tail()}")
            if time.monotonic() > ends:
                self.kill()
                raise WriterFailed("the writer was not ready in time")
            time.sleep(0.002)

    def go(self) -> None:
        raise NotImplementedError

    def kill(self) -> bool:
        """SIGKILL to the writer's whole process group, and waits for its end; True when it
        was still running."""
        raise NotImplementedError

    def finish(self) -> float:
        """Waits for an unkilled writer; the seconds from go to its end."""
        raise NotImplementedError

    def timed(self) -> list[tuple[float, list[str]]]:
        """The protocol lines said so far, whole lines only: when each was said (seconds
        after go) and its fields."""
        try:
            text = self.out.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:  # a forked writer not yet running
            return []
        whole = text[: text.rfind("\n") + 1]
        said = []
        for line in whole.splitlines():
            if line.startswith(MARK + "\t"):
                _, at, *fields = line.split("\t")
                said.append((float(at) - self.started, fields))
        return said

    def lines(self) -> list[list[str]]:
        """The protocol lines said so far, as fields after the mark and time."""
        return [fields for _, fields in self.timed()]

    def stderr_tail(self, chars: int = 1500) -> str:
        with suppress(OSError):
            return self.err.read_text(encoding="utf-8", errors="replace")[-chars:]
        return ""


class Spawned(Writer):
    """``python -u -m tests.crash_writers KIND …``: a new interpreter, in a session (and
    process group) of its own, its go on standard input."""

    def __init__(self, argv: Sequence[str], folder: Path, data_dir: Path) -> None:
        super().__init__(folder, data_dir)
        env = dict(os.environ, OTOP_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-u", "-m", "tests.crash_writers", *argv],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )

    def ended(self) -> bool:
        return self.proc.poll() is not None

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.started = time.monotonic()
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def kill(self) -> bool:
        running = self.proc.poll() is None
        if running:  # not yet reaped, so its process group is still its own
            with suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._close()
        return running

    def finish(self) -> float:
        """Waits for an unkilled writer; the seconds from go to its end."""
        try:
            rc = self.proc.wait(FINISH_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise WriterFailed("an unkilled writer did not finish in time") from None
        seconds = time.monotonic() - self.started
        self._close()
        if rc != 0:
            raise WriterFailed(f"an unkilled writer failed (exit {rc}): {self.stderr_tail()}")
        return seconds

    def _close(self) -> None:
        if self.proc.stdin is not None:
            with suppress(OSError):
                self.proc.stdin.close()


class Server:
    """``python -u -m tests.crash_writers serve``: forks writers that need not import
    anything (see tests/crash_writers.py)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "server.err").open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-u", "-m", "tests.crash_writers", "serve"],
                cwd=ROOT,
                env=dict(os.environ, PYTHONUNBUFFERED="1"),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                start_new_session=True,
            )
        self.err = folder / "server.err"
        self._answer(READY)

    def _ask(self, *fields: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(("\t".join(str(f) for f in fields) + "\n").encode())
        self.proc.stdin.flush()

    def _answer(self, what: str) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode().rstrip("\n")
        name, _, value = line.partition("\t")
        if name != what:
            tail = self.err.read_text(encoding="utf-8", errors="replace")[-1500:]
            raise WriterFailed(f"the writer server said {line!r}, not {what}: {tail}")
        return value

    def spawn(self, out: Path, err: Path, go: Path, data_dir: Path, argv: Sequence[str]) -> int:
        self._ask("spawn", out, err, go, data_dir, *argv)
        return int(self._answer("pid"))

    def reap(self, pid: int) -> int:
        self._ask("reap", pid)
        return int(self._answer("status"))

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with suppress(OSError):
                    stream.close()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


class Forked(Writer):
    """A writer forked by the :class:`Server`, its go through a named pipe."""

    def __init__(self, server: Server, argv: Sequence[str], folder: Path, data_dir: Path) -> None:
        super().__init__(folder, data_dir)
        self.server = server
        self.go_pipe = folder / "go"
        os.mkfifo(self.go_pipe, 0o600)
        self.pid = server.spawn(self.out, self.err, self.go_pipe, data_dir, argv)
        self.status: int | None = None

    def ended(self) -> bool:
        return self.status is not None or any(f[:1] == [EXIT] for f in self.lines())

    def go(self) -> None:
        # The writer opens the pipe right after it says ready; until then there is no reader.
        ends = time.monotonic() + READY_TIMEOUT
        while True:
            try:
                fd = os.open(self.go_pipe, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError as exc:
                if exc.errno != errno.ENXIO or time.monotonic() > ends or self.ended():
                    raise
                time.sleep(0.0005)
        try:
            self.started = time.monotonic()
            os.write(fd, b"go\n")
        finally:
            os.close(fd)

    def kill(self) -> bool:
        if self.status is None:  # not yet reaped, so its process group is still its own
            with suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGKILL)
            self.status = self.server.reap(self.pid)
        return self.status == -signal.SIGKILL

    def finish(self) -> float:
        ends = time.monotonic() + FINISH_TIMEOUT
        while not self.ended():
            if time.monotonic() > ends:
                self.kill()
                raise WriterFailed("an unkilled writer did not finish in time")
            time.sleep(0.005)
        seconds = time.monotonic() - self.started
        self.status = self.server.reap(self.pid)
        if self.status != 0:
            raise WriterFailed(
                f"an unkilled writer failed (exit {self.status}): {self.stderr_tail()}"
            )
        return seconds


# --- what a kill left ---------------------------------------------------------------------


@dataclass
class Kill:
    kind: str
    number: int
    folder: Path
    #: Seconds from go to the kill.
    delay: float
    #: The writer was still running when it was killed (else it had finished by itself).
    running: bool = True
    #: Actions (edits, files, backups, a whole import) the writer said it committed.
    committed: int = 0
    #: An action had been started and not reported done when the kill came.
    in_flight: bool = False
    #: The writer held the register's write lock when it was killed (seen from outside, at
    #: most :data:`PROBE_SECONDS` before).
    in_write: bool = False
    #: Seconds after go the writer said its last commit was done (None: it said none).
    last_done: float | None = None
    #: What of an import is in: ``none``, ``all``, or for workbooks how many files.
    state: str = ""
    damaged: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    half: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    said: list[list[str]] = field(default_factory=list)
    stderr: str = ""
    #: Seconds spent waiting for the writer to be ready, and checking what it left.
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failures(self) -> list[str]:
        return [
            *(f"damaged: {p}" for p in self.damaged),
            *(f"lost: {p}" for p in self.lost),
            *(f"half: {p}" for p in self.half),
            *(f"unexpected: {p}" for p in self.unexpected),
        ]

    def report(self, seed: int) -> str:
        said = ["\t".join(f) for f in self.said[-6:]]
        return "\n".join(
            [
                f"{self.kind} kill #{self.number} (seed {seed}; replay with "
                f"OTOP_CRASH_SEED={seed}, though where a kill lands depends on the machine's "
                f"speed too): killed {self.delay:.3f} s after go, "
                f"{'while running' if self.running else 'after it ended'}, "
                f"{'inside' if self.in_write else 'outside'} a write transaction, "
                f"{self.committed} committed"
                + (
                    f" (the last {self.delay - self.last_done:.3f} s before)"
                    if self.last_done is not None
                    else ""
                )
                + f", {'one' if self.in_flight else 'no'} action in flight",
                *self.failures,
                *(f"note: {n}" for n in self.notes),
                f"register and writer output kept in {self.folder}",
                "last lines said: " + " | ".join(said),
                "stderr: " + self.stderr[-800:],
            ]
        )


def _exchanges(said: list[list[str]]) -> tuple[list[list[str]], list[str] | None]:
    """The actions reported done (their fields after ``done``), and the one in flight (the
    fields after ``try`` of a last try without its done), or None."""
    done: list[list[str]] = []
    in_flight: list[str] | None = None
    for fields in said:
        if fields[0] == TRY:
            in_flight = fields[1:]
        elif fields[0] == DONE:
            done.append(fields[1:])
            in_flight = None
    return done, in_flight


@contextmanager
def _data_dir(folder: Path) -> Iterator[None]:
    """This process's data folder pointed at ``folder`` for a while (so that opening a killed
    register reads no number floors but its own)."""
    old = os.environ.get("OTOP_DATA_DIR")
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["OTOP_DATA_DIR"] = str(folder)
    try:
        yield
    finally:
        if old is None:
            del os.environ["OTOP_DATA_DIR"]
        else:
            os.environ["OTOP_DATA_DIR"] = old


def check(db: Path, folder: Path) -> list[str]:
    """``check_register``'s problems with the register, opened as the program opens it."""
    from otop_desktop.database import Register
    from otop_desktop.register_check import check_register

    with _data_dir(folder / "check-data"):
        try:
            with Register.open(db) as register:
                return [p.en for p in check_register(register)]
        except Exception as exc:  # a register that cannot even be opened is damaged
            return [f"cannot open the register: {exc.__class__.__name__}: {exc}"]


def _connect(db: Path) -> closing[sqlite3.Connection]:
    uri = f"file:{db}?mode=ro"
    return closing(sqlite3.connect(uri, uri=True, isolation_level=None))


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table, the search index's own tables left out (their rows follow from the
    others and are checked by ``check``)."""
    with _connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _differences(have: dict[str, int], want: dict[str, int]) -> str:
    return ", ".join(
        f"{t} {have.get(t)} (want {want.get(t)})"
        for t in sorted(set(have) | set(want))
        if have.get(t) != want.get(t)
    )


class WriteWatch:
    """When a writer holds the register's write lock, seen from outside: a thread tries to
    take the lock (``BEGIN IMMEDIATE``, never waiting) every :data:`PROBE_SECONDS` and lets it
    go at once — as another program on the register would, now and then delaying the writer's
    own lock by a moment."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.since = time.monotonic()
        self.held: list[tuple[float, bool]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        with closing(
            sqlite3.connect(self.db, timeout=0, isolation_level=None, check_same_thread=False)
        ) as conn:
            while not self._stop.is_set():
                at = time.monotonic()
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("ROLLBACK")
                    self.held.append((at, False))
                except sqlite3.OperationalError:
                    self.held.append((at, True))
                self._stop.wait(PROBE_SECONDS)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()

    def __enter__(self) -> WriteWatch:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def holding(self) -> bool:
        """Whether the lock was held at the last look."""
        return bool(self.held) and self.held[-1][1]

    @property
    def windows(self) -> list[tuple[float, float]]:
        """The stretches the lock was held, in seconds after :attr:`since`."""
        found: list[tuple[float, float]] = []
        start: float | None = None
        for at, held in self.held:
            if held and start is None:
                start = at
            elif not held and start is not None:
                found.append((start - self.since, at - self.since))
                start = None
        if start is not None:
            found.append((start - self.since, self.held[-1][0] + PROBE_SECONDS - self.since))
        return [(max(0.0, a), b) for a, b in found if b > 0]


# --- the kinds ----------------------------------------------------------------------------


class Kind:
    """One kind of writer: what it needs (made once), how it starts, how long an unkilled run
    takes, and what its kill must have left."""

    name = ""
    #: The writer's last ``done`` comes when its work is done (one command).
    ends_with_done = False

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.seconds = EDITS_WINDOW
        #: When an unkilled run held the register's write lock: (start, end) seconds after go.
        self.windows: list[tuple[float, float]] = []
        self.said: list[list[str]] = []
        #: When the unkilled run said its work was done, and the kills' clock (see delay).
        self.done_at: float | None = None
        self.scale = 1.0

    def prepare(self) -> None:
        """Makes the kind's files and times one unkilled run."""

    def setup(
        self, folder: Path, rng: random.Random, *, whole: bool = False
    ) -> tuple[list[str], Path]:
        """A writer's command line (after ``python -m tests.crash_writers``) and its register,
        made ready in ``folder``; ``whole``: for the unkilled run."""
        raise NotImplementedError

    def delay(self, rng: random.Random) -> float:
        """When to kill, in seconds after go: anywhere in the time an unkilled run took, or
        (half of the kills) inside one of its write transactions — on a clock scaled to how
        long the work takes now (see :meth:`observe`)."""
        if self.windows and rng.random() < IN_WRITE_SHARE:
            start, end = rng.choices(self.windows, [end - start for start, end in self.windows])[0]
            return rng.uniform(start, end) * self.scale
        return rng.uniform(0, self.seconds * SPREAD) * self.scale

    def observe(self, kill: Kill) -> None:
        """Keeps about :data:`DONE_SHARE` of the kills of a one-command writer coming after
        its work was done. The unkilled run's time is one sample of a time that changes with
        the machine's load, and a kill that finds the work done says only that it took less
        than the delay; so the clock is nudged after every kill — slower after one that came
        too late, a little faster after one that came in time — which settles where that share
        of kills comes late."""
        if not self.ends_with_done:
            return
        late = kill.last_done is not None
        step = KILL_CLOCK_STEP * ((DONE_SHARE - 1) if late else DONE_SHARE)
        self.scale = min(3.0, max(0.3, self.scale * math.exp(step)))

    def verify(self, kill: Kill, db: Path) -> None:
        raise NotImplementedError

    def copy_register(self, template: Path, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "register.sqlite3"
        shutil.copyfile(template, db)
        return db

    def calibrate(self) -> Path:
        """One unkilled run: its time is what kills are spread over; its register is what a
        whole run leaves."""
        folder = self.harness.workdir / f"{self.name}-whole"
        argv, db = self.setup(folder, random.Random(0), whole=True)
        writer = self.harness.writer(argv, folder)
        writer.wait_ready()
        with WriteWatch(db) as watch:
            writer.go()
            watch.since = writer.started
            self.seconds = writer.finish()
        self.windows = watch.windows
        timed = writer.timed()
        self.said = [fields for _, fields in timed]
        self.done_at = max((at for at, fields in timed if fields[:1] == [DONE]), default=None)
        problems = check(db, folder)
        if problems:
            raise WriterFailed(
                f"an unkilled {self.name} writer left a damaged register: {problems}"
            )
        return db


class Edits(Kind):
    """Single actions through the services, until killed."""

    name = "edits"

    def setup(
        self, folder: Path, rng: random.Random, *, whole: bool = False
    ) -> tuple[list[str], Path]:
        db = self.copy_register(self.harness.empty_district, folder)
        return ["edits", str(db), str(rng.randrange(1_000_000))], db

    def verify(self, kill: Kill, db: Path) -> None:
        done, flight = _exchanges(kill.said)
        kill.committed = len(done)
        kill.in_flight = flight is not None
        with _connect(db) as conn:
            producers = dict(conn.execute("SELECT reg_no, name FROM entrepreneurs").fetchall())
            phones = dict(conn.execute("SELECT reg_no, phone FROM entrepreneurs").fetchall())
            products = dict(
                conn.execute(
                    "SELECT p.code, e.reg_no FROM products p "
                    "JOIN entrepreneurs e ON e.id = p.entrepreneur_id"
                ).fetchall()
            )
            sales = {
                (reg_no, str(period)): amount
                for reg_no, period, amount in conn.execute(
                    "SELECT e.reg_no, s.period, s.amount FROM sales s "
                    "JOIN entrepreneurs e ON e.id = s.entrepreneur_id "
                    "WHERE s.product_id IS NULL"
                )
            }
        # What the register must hold after the done actions, and may hold besides: the
        # action in flight.
        made: dict[str, str] = {}  # reg_no -> name
        phone: dict[str, set[str]] = {}
        codes: dict[str, str] = {}
        sale: dict[tuple[str, str], set[int]] = {}
        for action, *rest in done:
            if action == CREATE:
                name, phone_no, reg_no = rest
                made[reg_no] = name
                phone[reg_no] = {phone_no}
            elif action == PRODUCT:
                reg_no, code = rest
                codes[code] = reg_no
            elif action == PHONE:
                reg_no, phone_no = rest
                phone[reg_no] = {phone_no}
            elif action == SALE:
                reg_no, period, amount = rest
                sale[(reg_no, _period_key(period))] = {_satang(amount)}
        extra_producer = extra_product = None
        if flight is not None:
            action, *rest = flight
            if action == CREATE:
                extra_producer = rest[0]
            elif action == PRODUCT:
                extra_product = rest[0]
            elif action == PHONE:
                phone[rest[0]].add(rest[1])
            elif action == SALE:
                key = (rest[0], _period_key(rest[1]))
                # -1: a month without a figure before may still be without one.
                sale[key] = sale.get(key, {-1}) | {_satang(rest[2])}
        for reg_no, name in made.items():
            if producers.get(reg_no) != name:
                kill.lost.append(f"producer {reg_no} {name} (register: {producers.get(reg_no)})")
            elif phones.get(reg_no) not in phone[reg_no]:
                kill.lost.append(
                    f"phone of {reg_no}: {phones.get(reg_no)}, want one of {sorted(phone[reg_no])}"
                )
        for reg_no in set(producers) - set(made):
            if producers[reg_no] != extra_producer:
                kill.unexpected.append(f"producer {reg_no} {producers[reg_no]} was never saved")
        for code, reg_no in codes.items():
            if products.get(code) != reg_no:
                kill.lost.append(f"product {code} of {reg_no}")
        extra = sorted(set(products) - set(codes))
        if len(extra) > 1 or any(products[code] != extra_product for code in extra):
            kill.unexpected.append(f"products {extra} were never saved")
        for key, amounts in sale.items():
            if sales.get(key, -1) not in amounts:
                kill.lost.append(f"sales of {key}: {sales.get(key)}, want one of {amounts}")
        for key in set(sales) - set(sale):
            kill.unexpected.append(f"sales of {key} were never saved")


def _period_key(period: str) -> str:
    year, month = period.split("-")
    return f"{int(year)}{int(month):02d}"


def _satang(amount: str) -> int:
    return int(Decimal(amount) * 100)


class WholeImport(Kind):
    """A writer whose whole work is one transaction: afterwards the register's rows are
    those before it or those of a whole run."""

    template: Path
    whole: dict[str, int]
    ends_with_done = True

    def argv(self, db: Path) -> list[str]:
        raise NotImplementedError

    def setup(
        self, folder: Path, rng: random.Random, *, whole: bool = False
    ) -> tuple[list[str], Path]:
        db = self.copy_register(self.template, folder)
        return self.argv(db), db

    def prepare(self) -> None:
        self.before = row_counts(self.template)
        self.whole = row_counts(self.calibrate())
        if self.whole == self.before:
            raise WriterFailed(f"an unkilled {self.name} writer wrote nothing")

    def verify(self, kill: Kill, db: Path) -> None:
        done, flight = _exchanges(kill.said)
        kill.committed = sum(1 for fields in done if fields[-1] == "0")
        kill.in_flight = flight is not None
        have = row_counts(db)
        kill.state = "all" if have == self.whole else "none" if have == self.before else "half"
        if have == self.whole:
            return
        if have != self.before:
            kill.half.append(
                f"{self.name}: the rows are neither those before nor those of a whole run: "
                + _differences(have, self.whole)
            )
        elif kill.committed:
            kill.lost.append(f"{self.name} said it was done, but nothing of it is in")


class Legacy(WholeImport):
    name = "legacy"

    def prepare(self) -> None:
        self.template = self.harness.empty_district
        self.file = self.harness.workdir / "legacy.xlsx"
        legacy_sheet(self.file)
        super().prepare()

    def argv(self, db: Path) -> list[str]:
        return ["legacy", str(db), str(self.file)]


class Demo(WholeImport):
    name = "demo"

    def prepare(self) -> None:
        self.template = self.harness.empty_district
        super().prepare()

    def argv(self, db: Path) -> list[str]:
        return ["demo", str(db)]


#: One district's rows in a province register, per table.
_DISTRICT_ROWS = {
    "received_submissions": "SELECT count(*) FROM received_submissions WHERE district_code = ?",
    "entrepreneurs": "SELECT count(*) FROM entrepreneurs WHERE district_code = ?",
    "products": "SELECT count(*) FROM products p JOIN entrepreneurs e "
    "ON e.id = p.entrepreneur_id WHERE e.district_code = ?",
    "sales": "SELECT count(*) FROM sales s JOIN entrepreneurs e "
    "ON e.id = s.entrepreneur_id WHERE e.district_code = ?",
    "grants": "SELECT count(*) FROM grants g JOIN entrepreneurs e "
    "ON e.id = g.entrepreneur_id WHERE e.district_code = ?",
    "households": "SELECT count(*) FROM households WHERE substr(subdistrict_code, 1, 4) = ?",
    "district_keys": "SELECT count(*) FROM district_keys WHERE district_code = ?",
}


def district_rows(db: Path, district: str) -> dict[str, int]:
    with _connect(db) as conn:
        return {t: conn.execute(q, (district,)).fetchone()[0] for t, q in _DISTRICT_ROWS.items()}


class Workbook(Kind):
    """District workbooks into a province register, one ``import submission`` of them all: each
    district is wholly in or not at all, and only in the order the files were given."""

    name = "workbook"
    ends_with_done = True

    def prepare(self) -> None:
        self.files = self.harness.workbooks()
        db = self.calibrate()
        self.whole = {d: district_rows(db, d) for d in WORKBOOK_DISTRICTS}
        self.none = dict.fromkeys(_DISTRICT_ROWS, 0)
        if any(rows == self.none for rows in self.whole.values()):
            raise WriterFailed("an unkilled workbook writer left a district out")

    def setup(
        self, folder: Path, rng: random.Random, *, whole: bool = False
    ) -> tuple[list[str], Path]:
        db = self.copy_register(self.harness.empty_province, folder)
        return ["workbook", str(db), *(str(f) for f in self.files)], db

    def verify(self, kill: Kill, db: Path) -> None:
        done, flight = _exchanges(kill.said)
        kill.committed = sum(1 for fields in done if fields[-1] == "0")
        kill.in_flight = flight is not None
        held = []
        for number, district in enumerate(WORKBOOK_DISTRICTS):
            have = district_rows(db, district)
            if have == self.whole[district]:
                held.append(number)
            elif have != self.none:
                kill.half.append(
                    f"workbook of {district}: {_differences(have, self.whole[district])}"
                )
            if kill.committed and have != self.whole[district]:
                kill.lost.append(f"the workbook of {district} was said to be imported")
        kill.state = f"{len(held)} of {len(WORKBOOK_DISTRICTS)}"
        if held != list(range(len(held))):
            kill.unexpected.append(f"workbooks in out of order: {held}")


#: The tables a backup writes to: its record as an export, and the audit trail's entry of it.
BACKUP_RECORDS = ("export_records", "audit_log")


class Backup(Kind):
    """``backup`` commands one after another, each into its own folder."""

    name = "backup"

    def prepare(self) -> None:
        self.template = self.harness.filled_district()
        self.before = row_counts(self.template)
        db = self.calibrate()
        kill = Kill(self.name, 0, db.parent, self.seconds, running=False, said=self.said)
        self.verify(kill, db)
        if kill.failures or kill.committed != CALIBRATION_BACKUPS or kill.notes:
            raise WriterFailed("an unkilled backup writer: " + kill.report(self.harness.seed))

    def setup(
        self, folder: Path, rng: random.Random, *, whole: bool = False
    ) -> tuple[list[str], Path]:
        db = self.copy_register(self.template, folder)
        count = [str(CALIBRATION_BACKUPS)] if whole else []
        return ["backup", str(db), str(folder / "out"), *count], db

    def verify(self, kill: Kill, db: Path) -> None:
        from otop_desktop.backup import sidecar
        from otop_desktop.backup.make import sha256_of, verify

        done, flight = _exchanges(kill.said)
        reported = {int(fields[0]) for fields in done if fields[-1] == "0"}
        kill.committed = len(reported)
        kill.in_flight = flight is not None
        out = kill.folder / "out"
        folders = sorted(out.iterdir(), key=lambda p: int(p.name)) if out.is_dir() else []
        listed_count = 0
        for folder in folders:
            listed = sidecar.in_folder(folder)
            listed_count += len(listed)
            number = int(folder.name)
            if number in reported and len(listed) != 1:
                kill.lost.append(f"backup {number} was said to be done; {len(listed)} listed")
            for info in listed:
                if not info.file.is_file():
                    kill.half.append(f"{info.file.name} is listed as good but is not there")
                    continue
                if sha256_of(info.file) != info.sha256:
                    kill.half.append(f"{info.file.name} is listed as good; its sha256 differs")
                problems = verify(info.file, info.counts)
                if problems:
                    kill.half.append(f"{info.file.name} is listed as good: {problems[:3]}")
            listed_files = {info.file.name for info in listed}
            for path in folder.iterdir():
                if path.name.endswith(sidecar.SIDECAR_SUFFIX) or path.name in listed_files:
                    continue
                if path.suffix == ".numbers":  # the number floors kept beside backups
                    continue
                kill.notes.append(f"left in backup folder {number}: {path.name}")
        kill.state = f"{listed_count} listed"
        # The register is as it was, but for one export record per backup made (and the audit
        # trail's entries of them).
        counts = row_counts(db)
        have = {t: n for t, n in counts.items() if t not in BACKUP_RECORDS}
        records = counts["export_records"] - self.before["export_records"]
        want = {t: n for t, n in self.before.items() if t not in BACKUP_RECORDS}
        if have != want:
            kill.half.append("the register's rows changed: " + _differences(have, want))
        if not len(reported) <= records <= len(reported) + 1:
            kill.unexpected.append(
                f"{records} backups recorded as exports, {len(reported)} said to be done"
            )
        if records < listed_count:
            kill.notes.append(
                f"{listed_count - records} good backup(s) listed but not recorded as an export"
            )


def note_kind(note: str) -> str:
    """A note's kind, for counting: what was left beside the backups, or an unrecorded one."""
    name = note.rpartition(": ")[2]
    if note.startswith("left in backup folder"):
        if ".otopbackup.part" in name:
            return "a hidden half-written backup (.part, or its -journal, -wal, -shm) left"
        if name.endswith(".tmp"):
            return "a hidden temporary file (.tmp) left"
        if name.endswith(".otopbackup"):
            return "a whole backup left without its sidecar (not listed)"
        return f"another file left ({name})"
    if "not recorded as an export" in note:
        return "a good backup listed but not recorded as an export"
    return note


# --- the harness --------------------------------------------------------------------------


class Harness:
    """Makes what the writers need once, in ``workdir``, and kills writers there: forked by a
    writer server (the default), or each a new interpreter (``fork=False``: slower, the same
    work)."""

    def __init__(self, workdir: Path, seed: int, *, fork: bool = True) -> None:
        self.workdir = workdir
        self.seed = seed
        self.fork = fork
        self.rng = {kind: random.Random(f"{seed}-{kind}") for kind in KINDS}
        self.kinds: dict[str, Kind] = {
            k.name: k(self) for k in (Edits, Legacy, Workbook, Demo, Backup)
        }
        self.counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        self._made: dict[str, Path] = {}
        self._server: Server | None = None
        self._prepared: set[str] = set()

    @property
    def empty_district(self) -> Path:
        return self._register("empty-district", "district", DISTRICT)

    @property
    def empty_province(self) -> Path:
        return self._register("empty-province", "province", "50")

    def _register(self, name: str, kind: str, code: str) -> Path:
        if name not in self._made:
            from otop_desktop.domain import OfficeKind
            from otop_desktop.services.office import init_register

            path = self.workdir / "templates" / f"{name}.sqlite3"
            path.parent.mkdir(parents=True, exist_ok=True)
            init_register(path, OfficeKind(kind), code).close()
            self._made[name] = path
        return self._made[name]

    def district_register(self, district: str) -> Path:
        """A district register filled by ``demo`` (sales until :data:`DEMO_UNTIL`), with its
        monthly workbook of :data:`WORKBOOK_PERIOD` exported beside it."""
        name = f"district-{district}"
        if name not in self._made:
            from otop_desktop.demo import generate
            from otop_desktop.domain import OfficeKind
            from otop_desktop.services.office import init_register
            from otop_desktop.submission.export import export_monthly
            from otop_desktop.thaiformat import Period

            folder = self.workdir / "templates"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{name}.sqlite3"
            with (
                _data_dir(folder / f"{name}-data"),
                init_register(path, OfficeKind.DISTRICT, district) as register,
            ):
                generate(register, "district", until=Period.parse(DEMO_UNTIL))
                export_monthly(register, Period.parse(WORKBOOK_PERIOD), folder / "workbooks")
            self._made[name] = path
        return self._made[name]

    def workbooks(self) -> list[Path]:
        folder = self.workdir / "templates" / "workbooks"
        period = WORKBOOK_PERIOD.replace("-", "")
        paths = []
        for district in WORKBOOK_DISTRICTS:
            self.district_register(district)
            paths.append(folder / f"OTOP-{district}-{period}.xlsx")
        return paths

    def filled_district(self) -> Path:
        return self.district_register(BACKUP_DISTRICT)

    def prepare(self, kinds: Sequence[str] = KINDS) -> None:
        """Makes each kind's files and times an unkilled run of it, once."""
        for kind in kinds:
            if kind not in self._prepared:
                self.kinds[kind].prepare()
                self._prepared.add(kind)

    def writer(self, argv: list[str], folder: Path) -> Writer:
        if not self.fork:
            return Spawned(argv, folder, folder / "data")
        if self._server is None:
            self._server = Server(self.workdir / "server")
        return Forked(self._server, argv, folder, folder / "data")

    def kill(self, kind: str) -> Kill:
        """Starts a writer of ``kind``, kills it after a random delay, and looks at what it
        left."""
        spec = self.kinds[kind]
        rng = self.rng[kind]
        number = self.counts[kind] = self.counts[kind] + 1
        folder = self.workdir / f"{kind}-{number:04d}"
        argv, db = spec.setup(folder, rng)
        delay = spec.delay(rng)
        began = time.monotonic()
        writer = self.writer(argv, folder)
        watch = WriteWatch(db)
        try:
            writer.wait_ready()
            waited = time.monotonic() - began
            watch.start()
            writer.go()
            watch.since = writer.started
            time.sleep(delay)
            watch.stop()  # its last look is the moment of the kill, give or take a probe
        finally:
            watch.stop()
            running = writer.kill()
        kill = Kill(kind, number, folder, time.monotonic() - writer.started, running=running)
        kill.in_write = watch.holding
        done = [at for at, fields in writer.timed() if fields[:1] == [DONE]]
        kill.last_done = done[-1] if done else None
        kill.said = writer.lines()
        kill.stderr = writer.stderr_tail()
        checking = time.monotonic()
        kill.damaged = check(db, folder)
        if not kill.damaged:
            spec.verify(kill, db)
        kill.seconds = {"ready": waited, "check": time.monotonic() - checking}
        spec.observe(kill)
        return kill

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def __enter__(self) -> Harness:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def remove(self, kill: Kill) -> None:
        """Deletes a kill's folder (the long run keeps only those that failed)."""
        shutil.rmtree(kill.folder, ignore_errors=True)


def legacy_sheet(path: Path) -> Path:
    """A clerk's old spreadsheet of :data:`LEGACY_PRODUCERS` producers and
    :data:`LEGACY_PRODUCTS` products, one product a row: a producer's first row carries its
    details, later rows only its ID number and the product."""
    from otop_desktop.thaiid import make_thai_id
    from tests.data.legacy.files import HEADINGS, write_xlsx

    kinds = ["กลุ่มผู้ผลิตชุมชน", "เจ้าของรายเดียว", "SME"]
    categories = ["อาหาร", "เครื่องดื่ม", "ผ้า เครื่องแต่งกาย", "ของที่ระลึก", "สมุนไพร"]
    assert len(HEADINGS) == 16
    rows: list[list[object]] = []
    for p in range(LEGACY_PRODUCTS):
        owner = p % LEGACY_PRODUCERS
        first = p < LEGACY_PRODUCERS
        kind = owner % 3

        def given(value: object, first: bool = first) -> object:
            return value if first else ""

        rows.append(
            [
                str(p + 1),
                given(f"กลุ่มผลิตภัณฑ์ชุมชนที่ {owner + 1}"),
                given(f"นางสมใจ ทดสอบ{owner + 1}"),
                make_thai_id(f"3{owner + 1:011d}"),
                given(kinds[kind]),
                given(f"{owner % 200 + 1}/{owner % 7 + 1}"),
                given(f"หมู่ {owner % 12 + 1}"),
                given("501301"),
                given(f"08{owner:08d}"),
                given(f"{owner % 28 + 1} ต.ค. 2566"),
                f"ผลิตภัณฑ์ที่ {p + 1}",
                categories[p % 5],
                f"{(p % 50) * 10 + 25}.00",
                "ชิ้น",
                "",
                given(str(10 + owner % 20) if kind == 0 else ""),
            ]
        )
    return write_xlsx(path, rows)
