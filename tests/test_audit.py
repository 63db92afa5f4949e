"""The audit trail: every change with its old and new values (personal fields as keyed
hashes), exports, prints and backups; bulk work as one entry; hash-chained, so an edited,
deleted or cut-off entry is found by ``check``; unbroken across an upgrade and a restore."""

from __future__ import annotations

import hashlib
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from otop_desktop.audit.chain import kept_head, verify
from otop_desktop.backup.make import make_backup
from otop_desktop.backup.restore import restore
from otop_desktop.database import Register, make_engine, upgrade
from otop_desktop.legacy import open_table
from otop_desktop.legacy.headings import suggest_mapping
from otop_desktop.legacy.importing import import_table
from otop_desktop.models import AuditEntry, Office
from otop_desktop.register_check import check_register
from otop_desktop.services.entrepreneurs import find_by_reg_no, update_entrepreneur
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.spec import META_SHEET
from otop_desktop.submission.workbook_reading import read_workbook
from tests.conftest import add_record, person, tamper
from tests.data.legacy.files import good_rows, write_xlsx
from tests.test_submission_export import OCT, fill


def entries(register: Register) -> list[AuditEntry]:
    with register.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def raw(register: Register, *statements: str) -> None:
    """Changes the register behind the program's back, as someone covering their tracks would."""
    tamper(register, *statements)


def problems(register: Register) -> str:
    return "\n".join(p.en for p in check_register(register))


def test_a_change_is_recorded_field_by_field_without_the_personal_values(register) -> None:
    number = add_record(register, "ร้านหนึ่ง")
    with register.write() as session:
        record = find_by_reg_no(session, number)
        old_id = record.national_id
        data = person(name="ร้านหนึ่งใหม่", phone="0899999999", national_id=old_id)
        update_entrepreneur(session, record.id, data)
    last = entries(register)[-1]
    assert (last.action, last.entity, last.record) == ("update", "entrepreneur", number)
    changes = json.loads(last.changes)
    assert changes["name"] == ["ร้านหนึ่ง", "ร้านหนึ่งใหม่"]
    assert set(changes) == {"name", "phone"}
    old_phone, new_phone = changes["phone"]
    assert old_phone.startswith("hmac:") and new_phone.startswith("hmac:")
    assert "0899999999" not in last.changes and "0812345678" not in last.changes
    created = next(e for e in entries(register) if e.action == "create" and e.record == number)
    assert old_id not in created.changes


# SQLite-only: make_backup copies a SQLite file (a server's backups are pg_dump's).
@pytest.mark.sqlite_only
def test_exports_and_backups_are_recorded(register, tmp_path) -> None:
    fill(register)
    export_monthly(register, OCT, tmp_path / "out", user="")
    make_backup(register, tmp_path)
    kinds = [(e.action, json.loads(e.detail or "{}").get("kind")) for e in entries(register)]
    assert ("export", "monthly") in kinds and ("backup", "backup") in kinds
    assert ("submitted", None) in kinds


def test_a_legacy_import_is_one_entry_with_its_file(register, tmp_path) -> None:
    table = open_table(write_xlsx(tmp_path / "old.xlsx", good_rows()))
    before = len(entries(register))
    import_table(register, table, suggest_mapping(table.headings))
    new = entries(register)[before:]
    assert [e.action for e in new] == ["import_legacy"]
    detail = json.loads(new[0].detail)
    assert detail["producers"] == 3 and detail["products"] == 4 and len(detail["sha256"]) == 64


def test_the_chain_holds_and_an_edited_entry_is_found(register) -> None:
    for i in range(3):
        add_record(register, f"ร้าน {i}")
    assert check_register(register) == []
    raw(register, "UPDATE audit_log SET actor = 'someone else' WHERE id = 3")
    assert "audit entry 3 was changed" in problems(register)


def test_a_deleted_entry_is_found(register) -> None:
    for i in range(3):
        add_record(register, f"ร้าน {i}")
    raw(register, "DELETE FROM audit_log WHERE id = 4")
    assert "audit entries 4–4 are missing" in problems(register)


def test_a_trail_cut_off_at_the_end_is_found_by_the_head_kept_outside(register) -> None:
    for i in range(3):
        add_record(register, f"ร้าน {i}")
    last = entries(register)[-1]
    raw(
        register,
        f"DELETE FROM audit_log WHERE id >= {last.id - 1}",
        "UPDATE audit_head SET last_id = last_id - 2",
    )
    assert f"entry {last.id}, kept outside the register" in problems(register)


# SQLite-only: make_backup copies a SQLite file (a server's backups are pg_dump's).
@pytest.mark.sqlite_only
def test_the_newest_hash_goes_outside_with_each_backup_and_workbook(register, tmp_path) -> None:
    fill(register)
    head = entries(register)[-1]
    info = make_backup(register, tmp_path)
    assert info.audit_head == f"{head.id}:{head.hash}"
    office = register.office()
    assert office is not None
    kept = kept_head(office.register_id)
    assert kept is not None and kept.last_id == head.id + 1  # the backup's own entry
    results = export_monthly(register, OCT, tmp_path / "out", user="")
    book = load_workbook(results[0].path, read_only=True)
    meta = {key: value for key, value, *_ in book[META_SHEET].iter_rows(values_only=True)}
    book.close()
    assert str(meta["audit_head"]).split(":")[0] == str(head.id + 1)
    assert read_workbook(results[0].path).meta["district_code"] == "5013"  # still format 1


def test_the_chain_is_unbroken_across_an_upgrade_and_a_restore(tmp_path) -> None:
    db = tmp_path / "old.sqlite3"
    engine = make_engine(db)
    upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (id, kind, province_code, district_code, name, officer_name,"
                " officer_position, signing_private_key, signing_public_key, created_at,"
                " register_id) VALUES (1, 'district', '50', '5013', 'สพอ.', '', '', :k, :p,"
                " '2024-01-01 00:00:00', 'abc')"
            ),
            {"k": b"\1" * 32, "p": "00" * 32},
        )
    engine.dispose()
    with Register.open(db) as register:
        assert [e.action for e in entries(register)] == ["upgrade"]
        add_record(register, "ร้านหนึ่ง")
        backup = make_backup(register, tmp_path)
        add_record(register, "ร้านสอง")
        assert check_register(register) == []
    done = restore(db, backup.file, by="somchai")
    with Register.open(db) as restored:
        trail = entries(restored)
        assert trail[-1].action == "restore" and trail[-1].actor == "somchai"
        assert json.loads(trail[-1].detail)["set_aside"] == str(done.set_aside)
        with restored.read() as session:
            assert verify(session) == []
        assert check_register(restored) == []


def test_the_office_emblem_is_recorded_by_its_digest(register) -> None:
    """An emblem image changes the office record by up to 2 MB: the trail names the file
    by its digest instead of holding its bytes."""
    image = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400
    with register.write() as session:
        office = session.scalars(select(Office)).one()
        office.emblem_image = image
    last = entries(register)[-1]
    assert (last.action, last.entity) == ("update", "office")
    changes = json.loads(last.changes)
    assert changes["emblem_image"][1] == "sha256:" + hashlib.sha256(image).hexdigest()
    assert len(last.changes) < 1_000
