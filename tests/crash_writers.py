"""Writer programs for the crash-safety harness (tests/crash_harness.py), each run as a real
process and killed at a random moment:

    python -u -m tests.crash_writers edits    DB SEED
    python -u -m tests.crash_writers legacy   DB FILE.xlsx
    python -u -m tests.crash_writers workbook PROVINCE_DB FILE.xlsx …
    python -u -m tests.crash_writers demo     DB
    python -u -m tests.crash_writers backup   DB OUT_FOLDER [COUNT]

Each imports what it needs, says ``ready`` and waits for one line on standard input before it
writes anything, so that the harness's delay counts from the start of the work and not from
Python's start-up. Then it works through the program's own services and commands and says,
before each action, what it tries, and right after the action's commit has returned, what it
committed. Those lines go to standard output, each written whole by one ``write``, marked
with :data:`MARK` and the time (the commands print lines of their own in between); a line cut
short by the kill has no newline and does not count.

``edits``: single actions through the services, each its own unit of work — register a
producer, add a product, change a phone, enter a month's whole-business sales — until
:data:`EDIT_SECONDS` have passed. ``legacy``, ``demo``, ``workbook``: one ``import legacy``,
``demo`` or ``import submission`` command (the last with every file: each is imported in its
own transaction). ``backup``: one ``backup --out OUT_FOLDER/N`` command after another, each
into a new folder (so that rotation never removes an earlier one), COUNT of them or until
killed.

    python -u -m tests.crash_writers serve

starts writers quickly: it imports what every writer needs once and then, for each
``spawn`` line it reads, forks a child that runs one writer as above — a process of its own,
in a session (and process group) of its own, with standard output and error in files, its
own data folder, and its go read from a named pipe instead of standard input — and answers
with the child's process id; ``reap PID`` waits for that child and answers with its exit
status. Killing such a child is killing a writer; only Python's start-up (more than half a
second of CPU a writer, most of a short kill's cost) is not repeated."""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

MARK = "@@"
#: Lines the writers say (fields after the mark are separated by tabs); ``exit`` is said by
#: a forked writer that ends by itself.
READY, TRY, DONE, EXIT = "ready", "try", "done", "exit"
#: A named pipe a forked writer reads its go from (standard input is the server's).
GO_ENV = "OTOP_CRASH_GO"
#: Single-edit actions.
CREATE, PRODUCT, PHONE, SALE = "create", "product", "phone", "sale"
#: An ``edits`` writer that is never killed stops after this long.
EDIT_SECONDS = 60.0
#: A ``backup`` writer that is never killed stops after this many backups.
BACKUP_LIMIT = 1000
#: The months whose sales the ``edits`` writer enters (open months of the demo's range).
SALE_PERIODS = ("2568-06", "2568-07", "2568-08", "2568-09")
#: The month the ``demo`` writer's data ends with (fixed, so every run writes the same rows).
DEMO_UNTIL = "2568-10"
DISTRICT = "5013"
SUBDISTRICT = "501301"


def say(*fields: object) -> None:
    """One line of the protocol, written whole by a single system call, with the time it was
    said (``time.monotonic()``: one clock for every process of the machine)."""
    line = "\t".join([MARK, f"{time.monotonic():.6f}", *(str(f) for f in fields)]) + "\n"
    os.write(sys.stdout.fileno(), line.encode("utf-8"))


def ready() -> None:
    """Says ``ready`` and waits for the harness's go; an empty read (the harness is gone)
    ends the writer before it writes anything."""
    say(READY)
    go = os.environ.get(GO_ENV)
    if go:
        with open(go, encoding="utf-8") as pipe:
            line = pipe.readline()
    else:
        line = sys.stdin.readline()
    if not line:
        raise SystemExit(3)


def citizen_id(seed: int, step: int) -> str:
    from otop_desktop.thaiid import make_thai_id

    return make_thai_id(f"1{seed % 1000:03d}{step:08d}")


def producer_name(seed: int, step: int) -> str:
    return f"ร้านทดสอบ {seed % 1000} ที่ {step}"


def phone_of(step: int) -> str:
    return f"08{step:08d}"


def sale_amount(step: int) -> str:
    return f"{1000 + step}.50"


def edits(db: str, seed: int) -> int:
    from otop_desktop.database import Register
    from otop_desktop.services.entrepreneurs import (
        EntrepreneurInput,
        create_entrepreneur,
        update_entrepreneur,
    )
    from otop_desktop.services.products import ProductInput, create_product
    from otop_desktop.services.sales import SaleInput, set_month_sales
    from otop_desktop.thaiformat import Period

    rng = random.Random(seed)
    made: list[tuple[str, int, EntrepreneurInput]] = []  # reg_no, id, what it was given
    with Register.open(db) as register:
        ready()
        ends = time.monotonic() + EDIT_SECONDS
        step = 0
        while time.monotonic() < ends:
            step += 1
            action = CREATE if not made else rng.choices(ACTIONS, WEIGHTS)[0]
            if action == CREATE:
                name = producer_name(seed, step)
                data = EntrepreneurInput(
                    producer_type=2,
                    name=name,
                    contact_name="นางทดลอง ใจดี",
                    national_id=citizen_id(seed, step),
                    house_no=f"{step}/1",
                    moo=3,
                    subdistrict_code=SUBDISTRICT,
                    phone=phone_of(step),
                    registered_on=date(2024, 5, 1),
                )
                say(TRY, CREATE, name, data.phone)
                with register.write() as session:
                    entrepreneur = create_entrepreneur(session, data)
                    reg_no, eid = entrepreneur.reg_no, entrepreneur.id
                say(DONE, CREATE, name, data.phone, reg_no)
                made.append((reg_no, eid, data))
                continue
            reg_no, eid, data = rng.choice(made)
            if action == PRODUCT:
                name = f"ผลิตภัณฑ์ทดสอบที่ {step}"
                say(TRY, PRODUCT, reg_no, name)
                with register.write() as session:
                    product = create_product(
                        session, eid, ProductInput(name, category=3, price="350", unit="ผืน")
                    )
                    code = product.code
                say(DONE, PRODUCT, reg_no, code)
            elif action == PHONE:
                phone = phone_of(step)
                say(TRY, PHONE, reg_no, phone)
                data.phone = phone
                with register.write() as session:
                    update_entrepreneur(session, eid, data)
                say(DONE, PHONE, reg_no, phone)
            else:
                period = rng.choice(SALE_PERIODS)
                amount = sale_amount(step)
                say(TRY, SALE, reg_no, period, amount)
                with register.write() as session:
                    set_month_sales(
                        session, eid, Period.parse(period), whole=SaleInput(Decimal(amount))
                    )
                say(DONE, SALE, reg_no, period, amount)
    return 0


ACTIONS = (CREATE, PRODUCT, PHONE, SALE)
WEIGHTS = (3, 3, 2, 2)


def _command_modules() -> None:
    """The modules the commands import when they run, imported before ``ready`` so that the
    work after it is the command's own."""
    import otop_desktop.backup.make
    import otop_desktop.cli
    import otop_desktop.demo
    import otop_desktop.legacy
    import otop_desktop.submission.province_import  # noqa: F401


def _all_modules() -> None:
    """What every writer imports: the server's, before it forks."""
    _command_modules()
    import otop_desktop.services.entrepreneurs
    import otop_desktop.services.products
    import otop_desktop.services.sales
    import otop_desktop.thaiid  # noqa: F401


def command(argv: list[str]) -> int:
    from otop_desktop.cli import main

    return main(argv)


def legacy(db: str, file: str) -> int:
    _command_modules()
    ready()
    say(TRY, file)
    rc = command(["import", "legacy", "--db", db, file])
    say(DONE, file, rc)
    return rc


def demo(db: str) -> int:
    _command_modules()
    ready()
    say(TRY, DEMO_UNTIL)
    rc = command(["demo", "--db", db, "--scale", "district", "--until", DEMO_UNTIL])
    say(DONE, DEMO_UNTIL, rc)
    return rc


def workbook(db: str, files: list[str]) -> int:
    _command_modules()
    ready()
    say(TRY, len(files))
    rc = command(["import", "submission", "--db", db, *files])
    say(DONE, len(files), rc)
    return rc


def backup(db: str, out: str, count: int = BACKUP_LIMIT) -> int:
    _command_modules()
    ready()
    for number in range(count):
        folder = Path(out) / str(number)
        folder.mkdir(parents=True)
        say(TRY, number, folder)
        rc = command(["backup", "--db", db, "--out", str(folder)])
        say(DONE, number, folder, rc)
        if rc:
            return rc
    return 0


def _fork(out: str, err: str, go: str, data_dir: str, argv: list[str]) -> int:
    """Starts one writer as a child of the server; its process id."""
    pid = os.fork()
    if pid:
        return pid
    rc = 1
    try:
        os.setsid()
        for fd, path, flags in (
            (0, os.devnull, os.O_RDONLY),
            (1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
            (2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        ):
            opened = os.open(path, flags, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        os.environ["OTOP_DATA_DIR"] = data_dir
        os.environ[GO_ENV] = go
        rc = main(argv)
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            say(EXIT, rc)
        finally:
            os._exit(rc)
    return 0  # not reached


def serve() -> int:
    """Forks writers on request (see the module's description) until standard input ends."""
    _all_modules()

    def answer(*fields: object) -> None:
        os.write(sys.stdout.fileno(), ("\t".join(str(f) for f in fields) + "\n").encode())

    answer(READY)
    for line in sys.stdin:
        command, *fields = line.rstrip("\n").split("\t")
        if command == "spawn":
            out, err, go, data_dir, *argv = fields
            answer("pid", _fork(out, err, go, data_dir, argv))
        elif command == "reap":
            _, status = os.waitpid(int(fields[0]), 0)
            answer("status", os.waitstatus_to_exitcode(status))
    return 0


def main(argv: list[str]) -> int:
    kind, *rest = argv
    if kind == "serve":
        return serve()
    db = rest.pop(0)
    if kind == "edits":
        return edits(db, int(rest[0]))
    if kind == "legacy":
        return legacy(db, rest[0])
    if kind == "workbook":
        return workbook(db, rest)
    if kind == "demo":
        return demo(db)
    if kind == "backup":
        return backup(db, rest[0], *(int(n) for n in rest[1:2]))
    raise SystemExit(f"unknown writer {kind}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
