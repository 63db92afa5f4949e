"""Times the refusal of two hostile workbooks a district could send (issue 14): a file of a
million rows, and a 3 MB file whose one metadata value inflates to 488 MB of text. Each is
refused by the province's import (checks, streaming reading, the refusal recorded as the
file's result) and by the old-spreadsheet import's reading, each in a process of its own so
that its peak memory is its own: the process's maximum resident size, the interpreter and
the program's modules included, beside a process that only imports them. Beside them, in the
same run, zlib alone inflating the same file's parts — the least work any reader of the
whole file must do — as a ratio.

    .venv/bin/python bench/bench_hostile_files.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from otop_desktop.submission.workbook_reading import read_workbook

# The hostile files are built as the suite builds them (tests/submission_files.py).
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.submission_files import (  # noqa: E402
    OCT,
    district_register,
    export,
    inflated_text,
    many_rows,
)

ROWS = 1_000_000
INFLATED_BYTES = 488 * 1024 * 1024

# Run in a child process: the work named by argv[1] on the file argv[2]; prints seconds, the
# peak resident size and the reason the file was refused.
CHILD = """
import json, resource, sys, time, zipfile
from pathlib import Path
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.legacy.reading import read_workbook as read_old_spreadsheet
from otop_desktop.services.office import init_register
from otop_desktop.submission.province_import import import_submissions

work, path = sys.argv[1], Path(sys.argv[2])
reason = ""
if work == "province":
    with init_register(path.with_suffix(".sqlite3"), OfficeKind.PROVINCE, "50") as register:
        started = time.perf_counter()
        (result,) = import_submissions(register, [path])
        seconds = time.perf_counter() - started
    assert not result.accepted
    reason = result.reasons[-1].text_en
elif work == "legacy":
    started = time.perf_counter()
    try:
        read_old_spreadsheet(path)
        raise SystemExit("accepted")
    except UserError as exc:
        reason = exc.message_en
    seconds = time.perf_counter() - started
elif work == "inflate":
    started = time.perf_counter()
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            with archive.open(info) as stream:
                while stream.read(1024 * 1024):
                    pass
    seconds = time.perf_counter() - started
else:
    seconds = 0.0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "reason": reason}))
"""


def child(work: str, path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, work, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep the files here (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        with district_register(out) as register:
            good = export(register, OCT, out / "good")
        district = str(read_workbook(good).meta["district_name"])
        files = {
            f"{ROWS:,} rows": many_rows(
                good, out / "million.xlsx", "xl/worksheets/sheet3.xml", ROWS
            ),
            f"{INFLATED_BYTES // 2**20} MB of text": inflated_text(
                good, out / "inflated.xlsx", "xl/worksheets/sheet1.xml", district, INFLATED_BYTES
            ),
        }
        idle = child("idle", good)
        print(f"a process importing the program's modules: {idle['peak_mb']:,.0f} MB resident")
        print(f"{'file':<18}{'size':>8}  {'work':<26}{'s':>7}{'÷ zlib':>8}{'peak MB':>9}")
        for label, path in files.items():
            inflate = child("inflate", path)
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            rows = [("zlib inflating its parts", inflate)]
            rows += [("province import: refused", child("province", path))]
            rows += [("old-spreadsheet reading", child("legacy", path))]
            for work, found in rows:
                seconds = float(found["seconds"])
                ratio = seconds / float(inflate["seconds"])
                print(
                    f"{label:<18}{size:>8}  {work:<26}{seconds:>7.2f}{ratio:>8.2f}"
                    f"{float(found['peak_mb']):>9,.0f}"
                )
            for work, found in rows[1:]:
                print(f"  {work}: {found['reason']}")


if __name__ == "__main__":
    main()
