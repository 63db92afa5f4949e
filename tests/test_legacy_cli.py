"""``import legacy`` as a clerk runs it: the mapping printed as JSON and taken back, every
row's problems, exit status 2 and nothing written when any row is at fault."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_desktop.cli import main
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.models import Entrepreneur
from otop_desktop.services.office import init_register
from tests.data.legacy.files import ID_A, ID_B, good_rows, write_csv, write_xlsx


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    return path


def producers(db: Path) -> int:
    with Register.open(db) as register, register.read() as session:
        return session.scalar(select(func.count()).select_from(Entrepreneur)) or 0


def test_import_as_a_command(db, tmp_path) -> None:
    path = write_csv(tmp_path / "old.csv", good_rows(), "cp874")
    result = subprocess.run(
        [sys.executable, "-m", "otop_desktop", "import", "legacy", "--db", str(db), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["national_id"] == "เลขบัตรประชาชน"
    assert "5: 5013-2566-0001 (สก.001/2550) กลุ่มทอผ้าบ้านป่าตาล" in result.stderr
    assert "Imported 3 producers, 4 products" in result.stderr
    assert producers(db) == 3


def test_dry_run_checks_and_writes_nothing(db, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "old.xlsx", good_rows())
    assert main(["import", "legacy", "--db", str(db), str(path), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["subdistrict_code"] == "ตำบล"
    assert "headings on row 4: 4 data rows, 2 skipped" in err
    assert "3 producers, 4 products (nothing written" in err
    assert producers(db) == 0


@pytest.mark.parametrize("dry_run", [False, True])
def test_any_bad_row_exits_2_naming_every_problem(db, tmp_path, capsys, dry_run) -> None:
    rows = good_rows()
    rows[0][3] = "3-1005-00000-01-0"
    rows[3][12] = "สี่ร้อย"
    path = write_xlsx(tmp_path / "old.xlsx", rows)
    args = ["import", "legacy", "--db", str(db), str(path)] + (["--dry-run"] if dry_run else [])
    assert main(args) == 2
    out, err = capsys.readouterr()
    json.loads(out)  # the mapping is still printed, to be corrected and given back
    lines = err.splitlines()
    assert any(
        line.startswith("แถว 5 คอลัมน์ “เลขบัตรประชาชน” (เลขประจำตัว):")
        and "row 5, column “เลขบัตรประชาชน” (ID number): This ID number is not valid" in line
        for line in lines
    ), err
    assert any("row 8, column “ราคา (บาท)” (price)" in line for line in lines), err
    assert "2 rows with problems" in lines[-1]
    assert "Traceback" not in err
    assert producers(db) == 0


def test_the_printed_mapping_can_be_changed_and_given_back(db, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "old.xlsx", good_rows())
    assert main(["import", "legacy", "--db", str(db), str(path), "--dry-run"]) == 0
    mapping = json.loads(capsys.readouterr().out)
    # The clerk says the phone column is not to be imported.
    del mapping["phone"]
    saved = tmp_path / "mapping.json"
    saved.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    args = ["import", "legacy", "--db", str(db), str(path), "--mapping", str(saved)]
    assert main(args) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out) == mapping
    with Register.open(db) as register, register.read() as session:
        assert set(session.scalars(select(Entrepreneur.phone))) == {""}


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p / "nothing.xlsx", ("nothing.xlsx",)),
        (lambda p: _file(p / "bad.xlsx", b"PK\x03\x04broken"), ("bad.xlsx", "damaged")),
    ],
)
def test_an_unreadable_file_exits_2_with_one_line(db, tmp_path, capsys, make, words) -> None:
    assert main(["import", "legacy", "--db", str(db), str(make(tmp_path))]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    for word in words:
        assert word in err


def test_a_mapping_naming_a_missing_column_exits_2(db, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "old.xlsx", good_rows())
    saved = tmp_path / "m.json"
    saved.write_text('{"name": "ชื่อร้าน"}', encoding="utf-8")
    assert main(["import", "legacy", "--db", str(db), str(path), "--mapping", str(saved)]) == 2
    err = capsys.readouterr().err
    assert "m.json" in err and "ชื่อร้าน" in err and "ผู้ประกอบการ" in err
    assert producers(db) == 0


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


SPARSE = "ชื่อผู้ประกอบการ,เลขบัตรประชาชน,บ้านเลขที่,ตำบล,วันที่ลงทะเบียน,ชื่อผลิตภัณฑ์,ราคา\n"


def test_fill_gives_a_whole_column_and_is_printed_with_the_mapping(db, tmp_path, capsys) -> None:
    path = tmp_path / "owners.csv"
    path.write_text(SPARSE + f'ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,"1,250.-"\n', encoding="utf-8")
    args = ["import", "legacy", "--db", str(db), str(path)]
    fills = ["--fill", "producer_type=รายเดียว", "--fill", "category=อาหาร"]
    assert main([*args, *fills]) == 0
    out, err = capsys.readouterr()
    printed = json.loads(out)
    assert printed["fill"] == {"producer_type": "รายเดียว", "category": "อาหาร"}
    assert "Imported 1 producers, 1 products" in err and "incomplete" not in err
    # The printed mapping, fill and all, is what --mapping takes back.
    saved = tmp_path / "mapping.json"
    saved.write_text(out, encoding="utf-8")
    again = tmp_path / "more.csv"
    again.write_text(SPARSE + f"ร้านสอง,{ID_B},2,ทรายมูล,1/1/2560,แคบหมู,60\n", encoding="utf-8")
    assert main(["import", "legacy", "--db", str(db), "--mapping", str(saved), str(again)]) == 0
    assert json.loads(capsys.readouterr().out)["fill"]["category"] == "อาหาร"
    assert main(["stats", "--db", str(db)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["incomplete_entrepreneurs"], figures["incomplete_products"]) == (0, 0)


def test_without_fill_the_rows_go_in_incomplete_and_stats_counts_them(db, tmp_path, capsys) -> None:
    path = tmp_path / "owners.csv"
    path.write_text(SPARSE + f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,,น้ำพริก,100\n", encoding="utf-8")
    assert main(["import", "legacy", "--db", str(db), str(path)]) == 0
    out, err = capsys.readouterr()
    assert "fill" not in json.loads(out)
    assert "ร้านหนึ่ง * ขาด ประเภทผู้ผลิต, วันที่ลงทะเบียน, ประเภทผลิตภัณฑ์ / " in err
    assert "lacks producer type, registration date, product category" in err
    assert "(1 incomplete: complete them before certificates or submissions)" in err
    assert main(["stats", "--db", str(db)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["incomplete_entrepreneurs"], figures["incomplete_products"]) == (1, 1)


def test_a_wrong_fill_is_refused_before_anything(db, tmp_path, capsys) -> None:
    path = tmp_path / "owners.csv"
    path.write_text(SPARSE + f"ร้านหนึ่ง,{ID_A},1,ทรายมูล,1/1/2560,น้ำพริก,100\n", encoding="utf-8")
    code = main(["import", "legacy", "--db", str(db), str(path), "--fill", "producer_type=xyz"])
    assert code == 2
    assert "--fill: “xyz” for every row's producer type is not right" in capsys.readouterr().err
    assert producers(db) == 0


def test_rejects_imports_the_good_rows_and_saves_the_others(db, tmp_path, capsys) -> None:
    rows = good_rows()
    rows[2][3] = "3-1005-00000-01-0"  # a wrong check digit
    path = write_xlsx(tmp_path / "old.xlsx", rows)
    rejects = tmp_path / "to-fix.xlsx"
    args = ["import", "legacy", "--db", str(db), str(path), "--rejects", str(rejects)]
    assert main(args) == 0
    _, err = capsys.readouterr()
    assert "Imported 2 producers, 3 products" in err
    assert f"1 rows refused, saved with their reasons to {rejects}" in err
    assert producers(db) == 2
    assert rejects.exists()
    # Never over a file that is there.
    assert main([*args[:-2], "--rejects", str(rejects)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert producers(db) == 2
