"""Saving a list to .xlsx: its rows in order with the filter applied, text that stays text,
and no file replaced without being asked or left half-written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from otop_desktop import list_workbook
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.list_workbook import ShownList, save_list, sheet_name
from otop_desktop.outputs import OutputExists
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    EntrepreneurRow,
    entrepreneur_ids,
    entrepreneur_rows,
)
from tests.conftest import add_record

HEADERS = ["เลขทะเบียน", "ชื่อ", "โทรศัพท์"]


def table(f: EntrepreneurFilter, *, descending: bool = False) -> ShownList[EntrepreneurRow]:
    def ids_of(session: Session) -> list[int]:
        return entrepreneur_ids(session, f, order="name", descending=descending, limit=None)

    def cells(row: EntrepreneurRow) -> Sequence[str]:
        return [row.reg_no, row.name, row.phone]

    return ShownList(
        title="ผู้ประกอบการ",
        headers=HEADERS,
        cells=cells,
        ids_of=ids_of,
        rows_of=entrepreneur_rows,
        about=["ตัวกรอง: คำค้น “ผ้า”"],
        about_title="รายละเอียด",
    )


def sheet_rows(path: Path) -> tuple[list[list[object]], list[list[object]]]:
    wb = load_workbook(path)
    try:
        main, about = wb.worksheets
        assert main.title == "ผู้ประกอบการ" and about.title == "รายละเอียด"
        return (
            [list(r) for r in main.iter_rows(values_only=True)],
            [list(r) for r in about.iter_rows(values_only=True)],
        )
    finally:
        wb.close()


def test_the_list_is_saved_as_shown_in_its_order_with_its_filter(
    register: Register, tmp_path: Path
) -> None:
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    add_record(register, "กลุ่มจักสานบ้านดอน", products=False)
    add_record(register, '=HYPERLINK("http://x")ผ้าไหม')
    target = tmp_path / "รายชื่อ.xlsx"
    saved = save_list(register, target, table(EntrepreneurFilter(query="ผ้า"), descending=True))
    assert saved.rows == 2 and saved.path == target
    rows, about = sheet_rows(target)
    assert rows[0] == HEADERS
    # Newest name first, as the list was sorted; a formula-like name stays text.
    assert [r[1] for r in rows[1:]] == ["ร้านผ้าฝ้ายป้าแก้ว", '=HYPERLINK("http://x")ผ้าไหม']
    assert rows[1][0] == "5013-2567-0001"
    assert about == [["ผู้ประกอบการ"], ["ตัวกรอง: คำค้น “ผ้า”"]]


def test_a_list_longer_than_one_read_is_saved_whole(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        add_record(register, f"ร้านที่ {n}", products=False)
    monkeypatch.setattr(list_workbook, "CHUNK", 2)
    saved = save_list(register, tmp_path / "all.xlsx", table(EntrepreneurFilter()))
    rows, _ = sheet_rows(saved.path)
    assert [r[1] for r in rows[1:]] == ["ร้านที่ 0", "ร้านที่ 1", "ร้านที่ 2"]


def test_an_existing_file_is_replaced_only_when_asked(register: Register, tmp_path: Path) -> None:
    add_record(register, "ร้านผ้าฝ้ายป้าแก้ว")
    target = tmp_path / "list.xlsx"
    target.write_bytes(b"the clerk's own file")
    with pytest.raises(OutputExists):
        save_list(register, target, table(EntrepreneurFilter()))
    assert target.read_bytes() == b"the clerk's own file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []
    save_list(register, target, table(EntrepreneurFilter()), force=True)
    rows, _ = sheet_rows(target)
    assert len(rows) == 2


# SQLite-only: a server's register has no file to write over.
@pytest.mark.sqlite_only
def test_the_register_itself_is_never_written(register: Register) -> None:
    assert register.path is not None
    with pytest.raises(UserError):
        save_list(register, register.path, table(EntrepreneurFilter()), force=True)
    assert register.path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_sheet_names_follow_excels_rules() -> None:
    assert sheet_name("ผลิตภัณฑ์ [ทั้งหมด]: 2568/69") == "ผลิตภัณฑ์ ทั้งหมด 2568 69"
    assert len(sheet_name("ก" * 40)) == 31
    assert sheet_name("  ") == "Sheet"
