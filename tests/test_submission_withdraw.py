"""A head withdraws an accepted district workbook: the district's register and months come
back as they were before the file (newest first, one transaction, recorded); anyone else,
or a file with a later one after it, is refused and nothing changes. The reasons for a
refused file are saved to send back to the district."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from otop_desktop.accounts import service
from otop_desktop.cli import main
from otop_desktop.errors import UserError
from otop_desktop.models import AuditEntry
from otop_desktop.outputs import OutputExists
from otop_desktop.submission import spec
from otop_desktop.submission.province_import import import_submissions
from otop_desktop.submission.reasons import ReasonsFormat, save_reasons
from otop_desktop.submission.withdraw import withdraw
from tests.conftest import db_of
from tests.submission_files import NOV, OCT, SEP, district_register, edited, export
from tests.test_submission_import import snapshot


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("district")
    with district_register(folder) as register:
        out = {
            "sep": export(register, SEP, folder / "sep"),
            "oct": export(register, OCT, folder / "oct"),
            "nov": export(register, NOV, folder / "nov"),
        }

    def drop_cook_and_rename(book) -> None:
        # A newer month that takes a producer (with its products and every month of its
        # sales) away and renames the other: what a mistaken file may do.
        for sheet in spec.DATA_SHEETS:
            ws = book[sheet.name]
            for row in range(ws.max_row, 1, -1):
                if "0002" in str(ws.cell(row, 1).value or ""):
                    ws.delete_rows(row)
        book[spec.ENTREPRENEURS.name].cell(2, 3).value = "ชื่อที่พิมพ์ผิด"

    (folder / "bad").mkdir()
    out["bad_nov"] = edited(out["nov"], drop_cook_and_rename, folder / "bad" / out["nov"].name)
    return out


def accepted(register, *paths: Path) -> None:
    results = import_submissions(register, list(paths))
    assert all(r.accepted for r in results), [r.reasons for r in results]


def trail(register) -> list[tuple[str, str]]:
    with register.read() as s:
        return [(e.action, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_a_withdrawn_file_brings_back_the_register_and_months_before_it(
    province_register, files
) -> None:
    accepted(province_register, files["sep"], files["oct"])
    before = snapshot(province_register)
    accepted(province_register, files["bad_nov"])
    assert snapshot(province_register) != before
    done = withdraw(province_register, district="5013", period=NOV)
    assert (done.district_code, done.period, done.file_name) == ("5013", NOV, files["nov"].name)
    assert snapshot(province_register) == before
    action, detail = trail(province_register)[-1]
    assert action == "withdraw" and '"district": "5013"' in detail and "2568-11" in detail
    # Withdrawn newest first, down to the register before any file.
    withdraw(province_register, district="5013", period=OCT)
    withdraw(province_register, district="5013", period=SEP)
    empty = snapshot(province_register)
    assert all(not rows for rows in empty.values())


def test_a_replaced_file_of_the_same_month_comes_back(province_register, files) -> None:
    accepted(province_register, files["nov"])
    before = snapshot(province_register)
    accepted(province_register, files["bad_nov"])
    withdraw(province_register, district="5013", period=NOV)
    assert snapshot(province_register) == before


def test_an_older_month_sent_late_is_withdrawn_without_touching_the_newer(
    province_register, files
) -> None:
    accepted(province_register, files["nov"])
    before = snapshot(province_register)
    accepted(province_register, files["oct"])
    (received_id,) = [
        row["id"]
        for row in _received(province_register)
        if row["period"] == OCT.key  # the file's number, as the desktop's grid has it
    ]
    withdraw(province_register, received_id=received_id)
    assert snapshot(province_register) == before


def _received(register) -> list[dict[str, int]]:
    from otop_desktop.models import ReceivedSubmission

    with register.read() as s:
        return [
            {"id": r.id, "period": r.period}
            for r in s.scalars(select(ReceivedSubmission).order_by(ReceivedSubmission.id))
        ]


def test_refused_withdrawals_change_nothing(province_register, files) -> None:
    with pytest.raises(UserError, match="nothing to withdraw"):
        withdraw(province_register, district="5013", period=OCT)
    with pytest.raises(UserError, match="nothing to withdraw"):
        withdraw(province_register, received_id=99)
    accepted(province_register, files["oct"], files["nov"])
    before = snapshot(province_register)
    with pytest.raises(UserError, match="withdraw that one first") as refused:
        withdraw(province_register, district="5013", period=OCT)
    assert "ให้ถอนฉบับหลังก่อน" in refused.value.message_th
    assert snapshot(province_register) == before


def test_only_a_head_withdraws(province_register, files) -> None:
    accepted(province_register, files["oct"])
    with province_register.write(system=True) as session:
        service.add_account(session, "somchai", "head", "head-pass-1")
    province_register.login("somchai", "head-pass-1")
    with province_register.write() as session:
        service.add_account(session, "kaew", "clerk", "clerk-pass-1")
    before = snapshot(province_register)
    province_register.login("kaew", "clerk-pass-1")
    with pytest.raises(UserError, match="may not withdraw an accepted workbook; it takes a head"):
        withdraw(province_register, district="5013", period=OCT)
    assert snapshot(province_register) == before
    province_register.login("somchai", "head-pass-1")
    withdraw(province_register, district="5013", period=OCT)
    assert not snapshot(province_register)["entrepreneurs"]


def test_the_withdraw_command(province_register, files, capsys) -> None:
    accepted(province_register, files["oct"])
    db = db_of(province_register)
    assert main(["import", "withdraw", "--db", db, "--district", "5013"]) == 2
    assert "--period" in capsys.readouterr().err
    assert (
        main(["import", "withdraw", "--db", db, "--district", "5013", "--period", "2568-10"]) == 0
    )
    assert "withdrawn: OTOP-5013-256810.xlsx" in capsys.readouterr().out
    assert (
        main(["import", "withdraw", "--db", db, "--district", "5013", "--period", "2568-10"]) == 2
    )
    err = capsys.readouterr().err
    assert "nothing to withdraw" in err and "Traceback" not in err


# --- the reasons of a refused file ---------------------------------------------------------


def _refused_file(files: dict[str, Path], folder: Path) -> Path:
    def break_a_price(book) -> None:
        book[spec.PRODUCTS.name].cell(2, 8).value = "=1+1"

    folder.mkdir()
    return edited(files["oct"], break_a_price, folder / files["oct"].name, seal=False)


def test_the_reasons_are_saved_as_a_workbook_and_as_text(
    province_register, files, tmp_path
) -> None:
    bad = _refused_file(files, tmp_path / "in")
    results = import_submissions(province_register, [bad, files["nov"]])
    assert [r.accepted for r in results] == [False, True]
    (saved,) = save_reasons(results, tmp_path / "out")
    assert saved.name == "OTOP-5013-256810-reasons.xlsx"
    book = load_workbook(saved, read_only=True)
    rows = list(book["เหตุผลที่ไม่รับ"].iter_rows(values_only=True))
    book.close()
    assert rows[0][:3] == ("ไฟล์ / file", "ชีต / sheet", "แถว / row")
    assert len(rows) == 1 + len(results[0].reasons)
    assert all(r[0] == bad.name for r in rows[1:])
    assert any(r[1] == spec.PRODUCTS.name and r[2] == 2 and "formula" in r[5] for r in rows[1:])
    # Never over an existing file unless asked; as text, Thai and English.
    with pytest.raises(OutputExists):
        save_reasons(results, tmp_path / "out")
    (text,) = save_reasons(results, tmp_path / "out", ReasonsFormat.TEXT)
    body = text.read_text(encoding="utf-8-sig")
    assert bad.name in body and "formula" in body and "สูตร" in body


def test_the_import_command_saves_the_reasons(province_register, files, tmp_path, capsys) -> None:
    bad = _refused_file(files, tmp_path / "in")
    db = db_of(province_register)
    out = tmp_path / "reasons"
    args = ["import", "submission", "--db", db, str(bad), str(files["nov"]), "--reasons", str(out)]
    assert main(args) == 2
    assert "reasons saved in" in capsys.readouterr().err
    load_workbook(out / "OTOP-5013-256810-reasons.xlsx", read_only=True).close()
    # A reasons file already there stops the run before any workbook is read.
    before = snapshot(province_register)
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err
    assert snapshot(province_register) == before
    assert main([*args, "--force", "--reasons-as", "txt"]) == 2
    assert (out / "OTOP-5013-256810-reasons.txt").exists()


def test_a_file_whose_earlier_state_was_not_kept_is_not_withdrawn(province_register, files) -> None:
    # As a file accepted before withdrawals existed: its district's earlier data is unknown.
    from otop_desktop.submission.withdraw import UNDO

    accepted(province_register, files["oct"])
    with province_register.write() as session:
        session.execute(UNDO.delete())
    before = snapshot(province_register)
    with pytest.raises(UserError, match="was not kept") as refused:
        withdraw(province_register, district="5013", period=OCT)
    assert "นำเข้าแบบฟอร์มฉบับที่ถูกต้องของอำเภอแทน" in refused.value.message_th
    assert snapshot(province_register) == before


def test_two_refused_files_of_one_name_keep_their_own_reasons(
    province_register, files, tmp_path
) -> None:
    first = _refused_file(files, tmp_path / "a")
    second = _refused_file(files, tmp_path / "b")
    results = import_submissions(province_register, [first, second])
    assert [r.accepted for r in results] == [False, False]
    saved = save_reasons(results, tmp_path / "out", ReasonsFormat.TEXT)
    assert [p.name for p in saved] == [
        "OTOP-5013-256810-reasons.txt",
        "OTOP-5013-256810-reasons-2.txt",
    ]
