"""The long run of generated district workbooks (issue 14): the suite's 500 files
(tests/test_submission_fuzz.py) taken to 100,000 or more. Each file is a real exported
workbook changed cell by cell, type by type and part by part (tests/workbook_mutations.py),
imported into one province register, and checked: no exception escapes, accepted or refused
with reasons, a refused file changes nothing, an accepted file's figures are the file's (it
is then withdrawn). Prints the counts, the files per second, and beside them openpyxl's bare
read-only reading of the same files' cells in the same run (the ratio: what judging and
storing a file costs against only reading it).

    python bench/bench_fuzz.py                 # 100,000 files
    python bench/bench_fuzz.py --files 5000    # a shorter run
    python bench/bench_fuzz.py --seed 7        # other files than the default run's
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OTOP_DATA_DIR", tempfile.mkdtemp(prefix="otop-bench-fuzz-"))

from hypothesis import given, seed, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from otop_desktop.submission.province_import import import_submissions
from tests import hypothesis_profiles
from tests.submission_files import OCT, SEP, district_register, export
from tests.workbook_mutations import Case, Counts, cases, fingerprint, judge

BATCH = 10
#: One batch in this many is also read bare by openpyxl, for the ratio.
BASELINE_EVERY = 10


def bare_read(data: bytes) -> None:
    """openpyxl's read-only reading of every cell, as the baseline; a file it cannot read
    costs what it took to find that out."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True)
            for ws in book.worksheets:
                for _row in ws.iter_rows(values_only=True):
                    pass
            book.close()
    except Exception:  # the baseline only times; the import judges
        return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="otop-fuzz-"))
    with district_register(folder / "district") as register:
        sep = export(register, SEP, folder / "sep")
        base_oct = export(register, OCT, folder / "oct").read_bytes()
    province = init_register(folder / "province.sqlite3", OfficeKind.PROVINCE, "50")
    assert import_submissions(province, [sep])[0].accepted
    base = fingerprint(province)
    counts = Counts()
    failures: list[str] = []
    timed = {"judged": 0.0, "judged_files": 0, "bare": 0.0}
    batches = 0
    started = time.perf_counter()

    @seed(args.seed)
    @settings(
        settings.get_profile(hypothesis_profiles.CI),
        derandomize=False,
        max_examples=max(1, args.files // BATCH),
        phases=["generate"],  # a long run counts what it finds; the suite shrinks
    )
    @given(st.lists(cases(), min_size=BATCH, max_size=BATCH))
    def run(batch: list[Case]) -> None:
        nonlocal batches
        files = [case.build(base_oct) for case in batch]
        t = time.perf_counter()
        try:
            judge(province, base_oct, files, folder / "cases", base, counts)
        except Exception as exc:  # noted, and the register put back for the next batch
            failures.append(f"{exc!r:.300} in {batch!r:.2000}")
            return
        finally:
            timed["judged"] += time.perf_counter() - t
            timed["judged_files"] += len(files)
        batches += 1
        if batches % BASELINE_EVERY == 0:
            t = time.perf_counter()
            for data in files:
                bare_read(data)
            timed["bare"] += (time.perf_counter() - t) * BASELINE_EVERY
        if batches % 100 == 0:
            done = counts.accepted + counts.refused
            rate = done / (time.perf_counter() - started)
            print(f"  {done:,} files, {rate:.1f}/s, {counts}", flush=True)

    run()
    province.close()
    done = counts.accepted + counts.refused
    seconds = time.perf_counter() - started
    print(
        f"{done:,} files in {seconds:.0f} s ({done / seconds:.1f} files/s): "
        f"{counts.accepted:,} accepted, {counts.refused:,} refused, "
        f"{counts.faults} refused by a reader fault, {len(failures)} batches broke the contract"
    )
    if timed["bare"]:
        ratio = timed["judged"] / timed["bare"]
        print(
            f"judged and stored: {timed['judged'] / timed['judged_files'] * 1000:.1f} ms a file;"
            f" openpyxl's bare read of the same files: "
            f"{timed['bare'] / timed['judged_files'] * 1000:.1f} ms a file; ratio {ratio:.2f}x"
        )
    for failure in failures[:20]:
        print("  broke:", failure)
    return 1 if failures or counts.faults else 0


if __name__ == "__main__":
    sys.exit(main())
