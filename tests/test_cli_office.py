"""``office``: the office record shown as JSON, and set in one recorded transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from otop_desktop.accounts import service
from otop_desktop.cli import main
from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.models import AuditEntry
from otop_desktop.services.office import init_register
from otop_desktop.services.stats import register_stats

KEYS = {"kind", "province_code", "district_code", "name", "officer_name", "officer_position"}
HEAD_PW, CLERK_PW = "head-pass-1", "clerk-pass-1"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.sqlite3"
    init_register(path, OfficeKind.DISTRICT, "5013").close()
    return path


def office(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict, str]:
    status = main(["office", "--db", str(db), *args])
    captured = capsys.readouterr()
    shown = json.loads(captured.out) if status == 0 else {}
    return status, shown, captured.err


def office_entries(db: Path) -> list[AuditEntry]:
    with Register.open(db) as register, register.read() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "office", AuditEntry.action == "update"
                )
            )
        )


def test_without_options_it_prints_the_record(db: Path, capsys) -> None:
    status, shown, _err = office(db, capsys)
    assert status == 0
    assert set(shown) == KEYS  # never the signing key or any other secret of the row
    with Register.open(db) as register, register.read() as session:
        stats_office = register_stats(session)["office"]
    assert isinstance(stats_office, dict)
    assert {k: shown[k] for k in stats_office} == stats_office
    assert (shown["officer_name"], shown["officer_position"]) == ("", "")


def test_setting_changes_only_what_is_given_in_one_recorded_transaction(db: Path, capsys) -> None:
    status, shown, err = office(
        db, capsys, "--officer", "นางสาวกิ่งแก้ว ปี่ทอง", "--position", "พัฒนาการอำเภอสันกำแพง"
    )
    assert status == 0, err
    assert shown["officer_name"] == "นางสาวกิ่งแก้ว ปี่ทอง"
    assert shown["name"] == "สำนักงานพัฒนาชุมชนอำเภอสันกำแพง"
    status, shown, err = office(db, capsys, "--name", "  สำนักงานพัฒนาชุมชน   อำเภอสันกำแพง ")
    assert status == 0, err
    assert shown["name"] == "สำนักงานพัฒนาชุมชน อำเภอสันกำแพง"
    assert shown["officer_position"] == "พัฒนาการอำเภอสันกำแพง"
    assert office(db, capsys)[1] == shown
    entries = office_entries(db)
    assert len(entries) == 2  # one per command, each naming only the fields it changed
    assert set(json.loads(entries[0].changes)) == {"officer_name", "officer_position"}
    assert set(json.loads(entries[1].changes)) == {"name"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--name", "X"), ("officer_name", "ชื่อเจ้าหน้าที่ผู้ลงนาม", "officer's name")),
        (("--officer", "นาย ก", "--position", " "), ("officer_position", "ตำแหน่ง")),
        (("--officer", "นาย\x1bก", "--position", "พัฒนาการ"), ("officer_name", "U+001B")),
    ],
)
def test_bad_values_are_refused_with_the_field_named_and_nothing_changes(
    db: Path, capsys, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    status, _shown, err = office(db, capsys, *args)
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    for word in words:
        assert word in err
    assert office(db, capsys)[1]["officer_name"] == ""
    assert office_entries(db) == []


def test_a_missing_register_is_refused(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.sqlite3"
    status, _shown, err = office(missing, capsys)
    assert status == 2 and "none.sqlite3" in err
    assert not missing.exists()


def test_with_accounts_only_a_head_sets_it(db: Path, capsys, monkeypatch) -> None:
    with Register.open(db) as register:
        with register.write(system=True) as session:
            service.add_account(session, "somchai", "head", HEAD_PW)
        register.login("somchai", HEAD_PW)
        with register.write() as session:
            service.add_account(session, "kaew", "clerk", CLERK_PW)
    setting = ("--officer", "นาย ก", "--position", "พัฒนาการอำเภอ")
    status, _shown, err = office(db, capsys, *setting)
    assert status == 2 and "--user" in err
    monkeypatch.setenv("OTOP_PASSWORD", CLERK_PW)
    status, _shown, err = office(db, capsys, *setting, "--user", "kaew")
    assert status == 2 and "head" in err and "kaew" in err
    assert office(db, capsys)[1]["officer_name"] == ""  # reading needs no login
    monkeypatch.setenv("OTOP_PASSWORD", HEAD_PW)
    status, shown, err = office(db, capsys, *setting, "--user", "somchai")
    assert status == 0, err
    assert shown["officer_name"] == "นาย ก"
    assert [e.actor for e in office_entries(db)] == ["somchai"]
