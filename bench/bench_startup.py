"""Start-up benchmark: the time from starting the program to its first window on the screen,
beside a bare PySide6 window (QApplication and an empty QWidget) started the same way in the
same run, and the ratio between them (issue 16's goal: within 3×).

Each run is a new process (cold imports, as a clerk's double-click), offscreen, timed from
just before the process starts to the first window's Expose event. Two first
windows of the program: the login dialog (a register with accounts) and the main window (a
register without accounts, whose first head was already offered); each run checks that its
first window is the one expected. The runs alternate bare/program so that a busy machine
weighs on both alike; the medians are shown. Both show before the register is open, which
opens behind them (ui.accounts.opening): when it is open — when a Log in would be answered
without waiting for it — is shown beside them, and for the main window also when it is
filled: its pages built and the window painted with them (the overview's figures, read off
the GUI thread, may come a little later).

The program's modules are compiled once (an untimed run of each kind) into a bytecode cache
of the run's own, as an installed program (pip, the bundle) has them compiled: without it,
as under PYTHONDONTWRITEBYTECODE, each start would compile the program's sources again
(about as long again for the main window). --no-bytecode measures that case.

    .venv/bin/python bench/bench_startup.py [--repeats 5] [--no-bytecode]"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from otop_desktop.database import Register

ROOT = Path(__file__).resolve().parent.parent
GOAL = 3.0
PASSWORD = "bench-startup-password-1"
# What each run's first window is, by its class.
FIRST_WINDOWS = {"bare": "QWidget", "login dialog": "LoginDialog", "main window": "MainWindow"}


def child(mode: str, db: str) -> None:
    """Runs in the timed process: reports the first top-level window's Expose and its class,
    when the register opened behind it and, for the main window, when it is filled; then
    ends."""
    opening: list[threading.Event] = []
    if mode != "bare":
        # The program's modules first, in their own order.
        from ui.accounts.opening import OpeningRegister
        from ui.launch import main

        open_register = OpeningRegister._open

        def timed_open(self: OpeningRegister) -> None:
            opened = threading.Event()
            opening.append(opened)
            open_register(self)
            print(f"register {time.time():.6f}", flush=True)
            opened.set()

        OpeningRegister._open = timed_open  # type: ignore[method-assign]  # the bench's watch
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow

    def end() -> None:
        for opened in opening:
            opened.wait()
        os._exit(0)

    if mode == "main window":
        from ui.main_window import MainWindow

        fill = MainWindow.fill

        def timed_fill(self: MainWindow, register: Register) -> None:
            fill(self, register)
            self.repaint()  # the pages drawn now, not when the loop comes to it
            print(f"filled {time.time():.6f}", flush=True)
            QTimer.singleShot(0, end)

        MainWindow.fill = timed_fill  # type: ignore[method-assign]  # the bench's watch

    class FirstWindow(QObject):
        shown = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.shown
                and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
            ):
                self.shown = True
                [widget] = [
                    w
                    for w in QtWidgets.QApplication.topLevelWidgets()
                    if w.windowHandle() == watched
                ]
                print(f"window {time.time():.6f} {type(widget).__name__}", flush=True)
                if mode != "main window":  # which ends once it is filled
                    # After the timers already set: the login's starts the register's opening.
                    QTimer.singleShot(0, end)
            return False

    watcher = FirstWindow()

    class TimedApplication(QtWidgets.QApplication):
        def __init__(self, argv: list[str]) -> None:
            super().__init__(argv)
            self.installEventFilter(watcher)

    if mode == "bare":
        app = TimedApplication(sys.argv[:1])
        window = QtWidgets.QWidget()
        window.show()
        app.exec()
        return
    # The program's own start, with the application it makes watched the same way.
    QtWidgets.QApplication = TimedApplication  # the bench's watch only
    main(["--db", db, "--lang", "th"])


def make_registers(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """A register with a head's account (login first) and one without (main window first)."""
    script = f"""
import sys
from PySide6.QtCore import QSettings
from otop_desktop.accounts.service import add_account
from otop_desktop.domain import OfficeKind
from otop_desktop.paths import APP_AUTHOR, APP_NAME
from otop_desktop.services.office import init_register
from ui.accounts.first_head import remember_first_head_asked
with init_register(sys.argv[1], OfficeKind.DISTRICT, "5013") as register:
    with register.write() as session:
        add_account(session, "head", "head", {PASSWORD!r})
with init_register(sys.argv[2], OfficeKind.DISTRICT, "5013") as register:
    remember_first_head_asked(register, QSettings(APP_AUTHOR, APP_NAME))
"""
    login, main_window = folder / "login.sqlite3", folder / "main.sqlite3"
    subprocess.run(
        [sys.executable, "-c", script, str(login), str(main_window)], env=env, check=True
    )
    return {"login dialog": str(login), "main window": str(main_window)}


def timed(mode: str, db: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from the start to the first window (``window``) and, behind it, to the
    register open (``register``) and the main window filled (``filled``)."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--db", db],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0 or "window" not in done.stdout:
        raise SystemExit(f"{mode} run failed:\n{done.stdout}\n{done.stderr}")
    times: dict[str, float] = {}
    for what, at, *first in map(str.split, done.stdout.splitlines()):
        times[what] = float(at) - start
        if first != ([FIRST_WINDOWS[mode]] if what == "window" else []):
            raise SystemExit(f"{mode} run: the first window was {first}:\n{done.stdout}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="no bytecode cache: every start compiles the program's sources",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db)
        return
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temp:
        folder = Path(temp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "OTOP_DATA_DIR": str(folder / "data"),
            "HOME": str(folder / "home"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "PYTHONPATH": str(ROOT),
        }
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")  # not in the checkout
        registers = make_registers(folder, env)
        for name, db in registers.items():  # compiles what each first window imports
            timed(name, db, env)
        bare: list[float] = []
        program: dict[str, list[dict[str, float]]] = {name: [] for name in registers}
        for _ in range(args.repeats):
            for name, db in registers.items():
                bare.append(timed("bare", db, env)["window"])
                program[name].append(timed(name, db, env))
    base = statistics.median(bare)
    print(f"bare PySide6 window:  {base * 1000:7.0f} ms (median of {len(bare)})")
    for name, runs in program.items():
        times = [run["window"] for run in runs]
        ratio = statistics.median(times) / base
        verdict = "within" if ratio <= GOAL else "over"
        listed = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"{name + ':':21} {statistics.median(times) * 1000:7.0f} ms  {ratio:4.1f}× the bare "
            f"window ({verdict} the goal of {GOAL:.0f}×; runs {listed} s)"
        )
        opened = [run["register"] for run in runs if "register" in run]
        if opened:
            print(
                f"{'  register open:':21} {statistics.median(opened) * 1000:7.0f} ms  behind "
                "the window, off the GUI thread"
            )
        filled = [run["filled"] for run in runs if "filled" in run]
        if filled:
            listed = ", ".join(f"{t:.2f}" for t in filled)
            print(
                f"{'  window filled:':21} {statistics.median(filled) * 1000:7.0f} ms  "
                f"{statistics.median(filled) / base:4.1f}× the bare window (its pages built "
                f"and painted; runs {listed} s)"
            )


if __name__ == "__main__":
    main()
