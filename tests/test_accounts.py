"""Accounts and roles, enforced in the register's unit of work (not only by hidden buttons);
logins with a growing back-off; the signing key sealed so that a copied register cannot
sign; the recovery code; a district's records read-only on a province register."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from otop_desktop.accounts import service
from otop_desktop.accounts.roles import NotLoggedIn, PermissionDenied
from otop_desktop.accounts.signing import SigningLocked
from otop_desktop.database import Register
from otop_desktop.domain import Status
from otop_desktop.errors import UserError
from otop_desktop.models import Account, AuditEntry, Entrepreneur, Office
from otop_desktop.printing.documents import DocumentKind, PrintOptions, render
from otop_desktop.services import personal
from otop_desktop.services.entrepreneurs import create_entrepreneur, find_by_reg_no
from otop_desktop.services.locks import unlock_period
from otop_desktop.submission.collect import collect
from otop_desktop.submission.export import export_monthly
from otop_desktop.submission.province_import import import_submissions
from tests.conftest import add_record, db_of, person, set_officer
from tests.test_submission_export import OCT, fill

HEAD_PW, CLERK_PW, VIEWER_PW = "head-pass-1", "clerk-pass-1", "viewer-pass-1"


def with_accounts(register: Register) -> str:
    """A head (somchai), a clerk (kaew) and a viewer (dao); the recovery code."""
    with register.write(system=True) as session:
        code = service.add_account(session, "somchai", "head", HEAD_PW).recovery_code
    register.login("somchai", HEAD_PW)
    with register.write() as session:
        service.add_account(session, "kaew", "clerk", CLERK_PW)
        service.add_account(session, "dao", "viewer", VIEWER_PW)
    register.logout()
    assert code is not None
    return code


def actions(register: Register) -> list[tuple[str, str, str]]:
    with register.read() as session:
        return [
            (e.actor, e.action, e.record)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def test_a_register_without_accounts_works_as_before(register) -> None:
    assert not register.has_accounts() and register.actor is None
    add_record(register, "ร้านหนึ่ง")
    assert register.signing_key() is not None


def test_the_first_account_must_be_a_head_and_seals_the_key(register) -> None:
    with pytest.raises(UserError, match="first account"), register.write(system=True) as s:
        service.add_account(s, "kaew", "clerk", CLERK_PW)
    code = with_accounts(register)
    assert len(code.replace("-", "")) == 20
    office = register.office()
    assert office is not None
    assert office.signing_private_key is None and office.sealed_signing_key is not None
    with register.read() as session:
        stored = session.scalars(select(Account.password_hash)).all()
    assert all(h.startswith("$argon2id$") for h in stored)


def test_roles_are_enforced_in_the_register_not_only_on_screen(register) -> None:
    with_accounts(register)
    with pytest.raises(NotLoggedIn), register.write() as session:
        create_entrepreneur(session, person())
    register.login("dao", VIEWER_PW)
    with pytest.raises(PermissionDenied, match="viewer"), register.write() as session:
        create_entrepreneur(session, person())
    with register.read() as session:  # a viewer reads
        assert session.scalars(select(Entrepreneur)).all() == []
    register.login("kaew", CLERK_PW)
    number = add_record(register, "ร้านหนึ่ง")
    with pytest.raises(PermissionDenied, match="head"), register.write() as session:
        service.add_account(session, "new", "clerk", CLERK_PW)
    with pytest.raises(PermissionDenied), register.write() as session:
        unlock_period(session, "5013", OCT, reason="แก้ยอด", user="kaew")
    with pytest.raises(PermissionDenied):
        render(register, DocumentKind.REGISTER, PrintOptions(show_personal=True))
    with register.read() as session:
        entrepreneur = find_by_reg_no(session, number)
    with pytest.raises(PermissionDenied), register.write() as session:
        personal.reveal(session, entrepreneur.id, "national_id")
    register.login("somchai", HEAD_PW)
    with register.write() as session:
        assert personal.reveal(session, entrepreneur.id, "national_id") == entrepreneur.national_id
    assert ("somchai", "reveal", number) in actions(register)


def test_wrong_passwords_are_recorded_and_make_the_next_try_wait(register) -> None:
    with_accounts(register)
    for _ in range(service.FREE_FAILURES + 1):
        with pytest.raises(service.LoginRefused, match="wrong"):
            register.login("kaew", "not-the-password")
    with pytest.raises(service.LoginRefused, match="wait"):
        register.login("kaew", CLERK_PW)  # even the right one, until the wait is over
    with register.write(system=True) as session:
        account = service.find(session, "kaew")
        assert account.failed_logins == service.FREE_FAILURES + 1
        account.locked_until -= timedelta(minutes=1)  # the wait is over
    assert register.login("kaew", CLERK_PW).role == "clerk"
    failed = [a for a in actions(register) if a[1] == "login_failed"]
    assert len(failed) == service.FREE_FAILURES + 1


def test_a_password_hashed_with_older_parameters_is_rehashed_at_login(register) -> None:
    with_accounts(register)
    weak = PasswordHasher(time_cost=1, memory_cost=8192).hash(CLERK_PW)
    with register.write(system=True) as session:
        service.find(session, "kaew").password_hash = weak
    register.login("kaew", CLERK_PW)
    with register.read() as session:
        assert service.find(session, "kaew").password_hash != weak


# SQLite-only: a copy of the register's file is the theft this is about.
@pytest.mark.sqlite_only
def test_a_copied_register_cannot_sign_without_a_heads_password(register, tmp_path) -> None:
    set_officer(register)
    number = add_record(register, "ร้านหนึ่ง")
    with_accounts(register)
    register.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(register.engine.url.database, copy)
    with Register.open(copy) as stolen:
        assert stolen.signing_key() is None
        options = PrintOptions(registrations=(number,))
        with pytest.raises(SigningLocked):
            render(stolen, DocumentKind.CERTIFICATE, options, out=tmp_path / "c.pdf")
        preview = render(stolen, DocumentKind.CERTIFICATE, options)
        assert preview.unsigned
        with pytest.raises(UserError):
            stolen.unlock_signing("kaew", CLERK_PW)  # a clerk's password unlocks nothing
        stolen.login("kaew", CLERK_PW)
        stolen.unlock_signing("somchai", HEAD_PW)
        printed = render(stolen, DocumentKind.CERTIFICATE, options, out=tmp_path / "c.pdf")
        assert not printed.unsigned
        assert ("kaew", "unlock_key", "somchai") in actions(stolen)


def test_the_recovery_code_makes_a_new_head_once(register) -> None:
    code = with_accounts(register)
    fresh = register.recover(code.lower().replace("-", " "), "new-head", "brand-new-pass")
    assert fresh != code
    register.login("new-head", "brand-new-pass")
    register.unlock_signing("new-head", "brand-new-pass")
    with pytest.raises(service.LoginRefused):
        register.recover(code, "other", "another-pass-1")  # used up


def test_the_last_head_stays(register) -> None:
    with_accounts(register)
    register.login("somchai", HEAD_PW)
    with pytest.raises(UserError, match="at least one head"), register.write() as session:
        service.set_role(session, "somchai", "clerk")
    with pytest.raises(UserError, match="at least one head"), register.write() as session:
        service.set_disabled(session, "somchai", True)
    with register.write() as session:
        service.set_role(
            session, "kaew", "head", new_password="kaew-head-pw", acting_password=HEAD_PW
        )
    register.login("kaew", "kaew-head-pw")
    register.unlock_signing("kaew", "kaew-head-pw")  # the new head's password opens the key


def test_a_disabled_account_cannot_log_in(register) -> None:
    with_accounts(register)
    register.login("somchai", HEAD_PW)
    with register.write() as session:
        service.set_disabled(session, "kaew", True)
    with pytest.raises(service.LoginRefused):
        register.login("kaew", CLERK_PW)


def test_a_closed_business_is_anonymised_after_retention(register) -> None:
    with_accounts(register)
    register.login("somchai", HEAD_PW)
    number = add_record(register, "ร้านปิด")
    with register.write() as session:
        record = find_by_reg_no(session, number)
        record.status, record.status_date = Status.CLOSED.value, date(2019, 3, 1)
        entrepreneur_id = record.id
    with pytest.raises(UserError, match="kept until"), register.write() as session:
        personal.anonymise(session, entrepreneur_id, today=date(2023, 1, 1))
    with register.write() as session:
        personal.anonymise(session, entrepreneur_id, today=date(2025, 1, 1))
    others = add_record(register, "ร้านเปิด")
    with register.read() as session:
        record = find_by_reg_no(session, number)
        assert (record.national_id, record.phone) == ("", "")
        assert record.name == "ร้านปิด" and record.anonymised_on == date(2025, 1, 1)
        # The business leaves the snapshot the province gets; the others stay in it.
        listed = [row[0] for row in collect(session, OCT, ["5013"])["5013"].entrepreneurs]
        assert number not in listed and others in listed


def test_a_districts_records_on_a_province_register_change_only_by_its_workbook(
    register, province_register, tmp_path
) -> None:
    fill(register)
    files = [r.path for r in export_monthly(register, OCT, tmp_path / "out")]
    assert all(r.accepted for r in import_submissions(province_register, files))
    with province_register.read() as session:
        some = session.scalars(select(Entrepreneur.id)).first()
    with pytest.raises(PermissionDenied, match="workbook"), province_register.write() as s:
        s.get(Entrepreneur, some).phone = "0899999999"
    # A district the province keeps itself stays editable.
    with province_register.write() as session:
        create_entrepreneur(session, person(subdistrict_code="500101"))


def test_the_user_and_audit_commands(register, tmp_path) -> None:
    db = db_of(register)
    register.close()
    env = {**os.environ, "OTOP_NEW_PASSWORD": HEAD_PW}

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "otop_desktop", *args],
            capture_output=True,
            text=True,
            env={**env, **extra},
            stdin=subprocess.DEVNULL,
        )

    first = run("user", "add", "--db", db, "somchai", "--role", "head")
    assert first.returncode == 0, first.stderr
    assert "recovery code" in first.stdout
    refused = run("user", "list", "--db", db)
    assert refused.returncode == 2 and "--user" in refused.stderr
    no_password = run("user", "list", "--db", db, "--user", "somchai")
    assert no_password.returncode == 2 and "OTOP_PASSWORD" in no_password.stderr
    clerk = run(
        "user", "add", "--db", db, "kaew", "--role", "clerk", "--user", "somchai",
        OTOP_PASSWORD=HEAD_PW, OTOP_NEW_PASSWORD=CLERK_PW,
    )  # fmt: skip
    assert clerk.returncode == 0, clerk.stderr
    listed = run("user", "list", "--db", db, "--user", "kaew", OTOP_PASSWORD=CLERK_PW)
    assert "kaew\tclerk" in listed.stdout and "somchai\thead" in listed.stdout
    trail = run("audit", "--db", db, "--user", "somchai", "--by", "somchai",
                OTOP_PASSWORD=HEAD_PW)  # fmt: skip
    assert trail.returncode == 0 and "\tcreate\taccount\tkaew" in trail.stdout
    out = tmp_path / "trail.xlsx"
    written = run("audit", "--db", db, "--user", "somchai", "--out", str(out),
                  OTOP_PASSWORD=HEAD_PW)  # fmt: skip
    assert written.returncode == 0 and out.is_file()
    demo = run("demo", "--db", db, "--scale", "district", "--user", "kaew",
               OTOP_PASSWORD="wrong-pass")  # fmt: skip
    assert demo.returncode == 2 and "wrong" in demo.stderr
    with Register.open(db) as again, again.read() as session:
        office = session.get(Office, 1)
        assert office is not None and office.signing_private_key is None
