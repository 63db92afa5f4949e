"""The command line's exit statuses and messages, run as a clerk or a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from otop_desktop.cli import main


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "otop_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_init_then_stats(tmp_path) -> None:
    db = tmp_path / "r.sqlite3"
    result = run("init", "--db", db, "--district", "5013")
    assert result.returncode == 0, result.stderr
    assert "สันกำแพง" in result.stdout
    # init again is an upgrade of the same register, not an error
    assert run("init", "--db", db, "--district", "5013").returncode == 0
    stats = run("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    assert figures["entrepreneurs"] == 0
    assert figures["products"] == 0
    assert figures["sales_by_year"] == {}
    assert figures["office"]["district_code"] == "5013"


def test_output_to_a_reader_that_stops_early_is_not_an_error(tmp_path) -> None:
    """`stats | head -1`: the reader closes the pipe after its first line."""
    db = tmp_path / "r.sqlite3"
    assert run("init", "--db", db, "--district", "5013").returncode == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "otop_desktop", "stats", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with process:
        assert process.stdout is not None and process.stderr is not None
        # Closed before the first line: every write fails, as after `head -1` is done.
        process.stdout.close()
        stderr = process.stderr.read()
        assert process.wait(timeout=120) == 0
    assert stderr == ""


def test_init_accepts_a_sqlalchemy_url(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    assert run("init", "--db", url, "--province", "50").returncode == 0
    assert json.loads(run("stats", "--db", url).stdout)["office"]["kind"] == "province"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("init", "--db", "{db}", "--district", "9999"), ("9999", "อำเภอ", "district")),
        (("init", "--db", "{db}", "--province", "99"), ("99", "จังหวัด", "province")),
        (("init", "--db", "{db}"), ("--district",)),
        (("init", "--db", "{db}", "--district", "5013", "--nation"), ("not allowed",)),
        (("stats", "--db", "{db}"), ("ไม่พบทะเบียน", "No register")),
        (("demo", "--db", "{db}", "--scale", "city"), ("city",)),
        (("demo", "--db", "{db}", "--scale", "district", "--until", "2569-13"), ("month",)),
        (("demo", "--db", "{db}", "--scale", "district", "--seed", "x"), ("seed",)),
        (("frobnicate",), ("frobnicate",)),
        ((), ("command",)),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, args, words) -> None:
    # In-process (main() is what ``python -m`` calls) to keep the suite fast.
    db = tmp_path / "missing.sqlite3"
    status = main([str(a).format(db=db) for a in args])
    captured = capsys.readouterr()
    assert_refused(subprocess.CompletedProcess(args, status, captured.out, captured.err), *words)
    assert not db.exists(), "bad input must not create a register"


def test_a_register_of_another_kind_or_area_is_refused(tmp_path) -> None:
    db = tmp_path / "r.sqlite3"
    assert run("init", "--db", db, "--district", "5013").returncode == 0
    assert_refused(run("init", "--db", db, "--district", "5001"), "5013")
    assert_refused(run("init", "--db", db, "--province", "50"), "district")
    assert_refused(run("demo", "--db", db, "--scale", "province"), "province")


def test_a_file_that_is_not_a_register_is_refused(tmp_path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    assert_refused(run("stats", "--db", junk), "junk.sqlite3")
    assert junk.read_text() == "not a database"
