"""Start-up of the built bundle: the time from starting the bundle's program to its first
window mapped on an X display, beside a bare PySide6 window (QApplication and an empty
QWidget, from this venv) started and watched the same way in the same run, and the ratio.

bench_startup.py times the program from its sources with an event filter inside the process;
a bundle cannot take one, so here both are watched from outside: ``xdotool`` polls the X
server for a visible window of the started process (Qt sets ``_NET_WM_PID``). The registers
are bench_startup's (one with a head's account: the login dialog first; one without: the
main window first). Runs alternate bare/bundle; medians are shown.

    .venv/bin/python bench/bench_bundle_startup.py --bundle "dist/OTOP Desktop 1.0.0" [--repeats 5]

Without ``DISPLAY`` an Xvfb of its own is started (``apt-get install xvfb xdotool``)."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import GOAL, make_registers

BARE = (
    "from PySide6 import QtWidgets\n"
    "app = QtWidgets.QApplication([])\n"
    "window = QtWidgets.QWidget()\n"
    "window.show()\n"
    "app.exec()\n"
)
# Seconds between looks at the X server: both windows are seen up to this late alike. Looking
# every 5 ms made Xvfb refuse new clients now and then ("could not connect to display").
POLL = 0.02


def first_window(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to a visible window of its process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)],
                capture_output=True,
                env=env,
            )
            if found.stdout.strip():
                return time.perf_counter() - start
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} ended before showing a window")
            if time.perf_counter() - start > 60:
                raise SystemExit(f"{command[0]} showed no window within 60 s")
            time.sleep(POLL)
    finally:
        process.kill()
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the one-folder bundle")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    executable = next(
        (p for p in args.bundle.iterdir() if p.is_file() and os.access(p, os.X_OK)), None
    )
    if executable is None or shutil.which("xdotool") is None:
        raise SystemExit("needs a bundle folder with its program, and xdotool")
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as temp:
        folder = Path(temp)
        env = {
            **os.environ,
            "OTOP_DATA_DIR": str(folder / "data"),
            "HOME": str(folder / "home"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        }
        env.pop("QT_QPA_PLATFORM", None)  # a real X display: the window must be mapped
        xvfb = None
        if "DISPLAY" not in env:
            xvfb = subprocess.Popen(
                ["Xvfb", ":97", "-screen", "0", "1366x768x24", "-nolisten", "tcp"]
            )
            env["DISPLAY"] = ":97"
            time.sleep(1)
        try:
            registers = make_registers(folder, {**env, "QT_QPA_PLATFORM": "offscreen"})
            # An untimed first start of each: the disk cache warmed, as for the bare window.
            first_window([sys.executable, "-c", BARE], env)
            for db in registers.values():
                first_window([str(executable), "--db", db, "--lang", "th"], env)
            print(f"bundle: {executable}")
            print(f"{'first window':<14}{'bare ms':>10}{'bundle ms':>11}{'ratio':>8}")
            for name, db in registers.items():
                bare, ours = [], []
                for _ in range(args.repeats):
                    bare.append(first_window([sys.executable, "-c", BARE], env))
                    ours.append(first_window([str(executable), "--db", db, "--lang", "th"], env))
                b, o = statistics.median(bare), statistics.median(ours)
                print(f"{name:<14}{b * 1000:>10.0f}{o * 1000:>11.0f}{o / b:>7.1f}x")
            load = os.getloadavg()[0]
            print(f"goal: within {GOAL:g}x; load average {load:.1f} on {os.cpu_count()} processors")
        finally:
            if xvfb is not None:
                xvfb.terminate()


if __name__ == "__main__":
    main()
