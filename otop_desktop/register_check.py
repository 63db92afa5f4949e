"""Checking a register: SQLite's own checks of the file, then the register's rules — number
counters at or above every number used, the search index and masks equal to the rows, sales
only of existing products, month locks matching the exports they name. Each problem is named
in Thai and English; an empty list means the register is sound."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from otop_desktop.audit.chain import Head, kept_head
from otop_desktop.audit.chain import verify as verify_chain
from otop_desktop.backup.make import newest as newest_backup
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models import (
    AuditEntry,
    Entrepreneur,
    ExportRecord,
    Household,
    Office,
    PeriodLock,
    Product,
    Sale,
)
from otop_desktop.models.submission import MONTHLY_EXPORT as MONTHLY
from otop_desktop.models.submission import SUBMITTED
from otop_desktop.search import (
    SEARCHED_TABLES,
    coded,
    entrepreneur_doc,
    product_doc,
    search_key,
    search_mask,
    search_words,
)
from otop_desktop.services.numbers import (
    household_counter,
    parse_household_code,
    parse_reg_no,
    registration_counter,
)

#: Problems of one kind beyond this are counted, not listed.
SHOWN_PER_RULE = 20
_PRODUCT_SEQ = re.compile(r"-P(\d+)$")


@dataclass(frozen=True)
class Problem:
    th: str
    en: str

    def one_line(self) -> str:
        return f"{self.th} / {self.en}"


def _capped(problems: Iterable[Problem], what_th: str, what_en: str) -> list[Problem]:
    listed = list(problems)
    if len(listed) <= SHOWN_PER_RULE:
        return listed
    more = len(listed) - SHOWN_PER_RULE
    return [
        *listed[:SHOWN_PER_RULE],
        Problem(f"…และ{what_th}อีก {more:,} รายการ", f"…and {more:,} more {what_en}"),
    ]


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def file_problems(session: Session, *, quick: bool = False) -> list[Problem]:
    """SQLite's integrity_check (or quick_check) and, in full, foreign_key_check."""
    if not _is_sqlite(session):
        return []
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in session.execute(text(f"PRAGMA {pragma}"))]
    except DatabaseError as exc:  # damage bad enough that the check itself cannot go on
        return [Problem(f"ไฟล์เสียหาย: {exc.orig}", f"Damaged file: {exc.orig}")]
    problems = (
        [] if rows == ["ok"] else [Problem(f"ไฟล์เสียหาย: {r}", f"Damaged file: {r}") for r in rows]
    )
    if not quick:
        problems += [
            Problem(
                f"ตาราง {table} แถว {rowid} อ้างถึง {parent} ที่ไม่มีอยู่",
                f"Table {table} row {rowid} refers to a missing {parent} row",
            )
            for table, rowid, parent, _ in session.execute(text("PRAGMA foreign_key_check"))
        ]
    return _capped(problems, "ปัญหาของไฟล์", "file problems")


def ensure_sound(session: Session) -> None:
    """Refuses (UserError) to start bulk work on a register whose file fails SQLite's
    integrity_check: rows written into a damaged file may be lost with it."""
    problems = file_problems(session)
    if problems:
        raise UserError(
            "ทะเบียนเสียหาย จึงไม่ได้นำเข้าข้อมูลใด กรุณากู้คืนจากไฟล์สำรอง: "
            + "; ".join(p.th for p in problems[:3]),
            "The register is damaged, so nothing was imported; restore it from a backup: "
            + "; ".join(p.en for p in problems[:3]),
        )


def counter_problems(session: Session) -> list[Problem]:
    counters: dict[str, int] = {
        name: value for name, value in session.execute(text("SELECT name, value FROM counters"))
    }
    highest: dict[str, tuple[int, str]] = {}

    def seen(name: str, seq: int, number: str) -> None:
        if seq > highest.get(name, (0, ""))[0]:
            highest[name] = (seq, number)

    for (reg_no,) in session.execute(select(Entrepreneur.reg_no)):
        if parsed := parse_reg_no(reg_no):
            seen(registration_counter(*parsed[:2]), parsed[2], reg_no)
    for (code,) in session.execute(select(Household.code)):
        if parsed := parse_household_code(code):
            seen(household_counter(*parsed[:2]), parsed[2], code)
    problems = [
        Problem(
            f"ตัวนับเลข {name} อยู่ที่ {counters.get(name, 0)} แต่มีเลข {number} ใช้ไปแล้ว",
            f"The number counter {name} is at {counters.get(name, 0)} but {number} is in use",
        )
        for name, (seq, number) in sorted(highest.items())
        if counters.get(name, 0) < seq
    ]
    rows = session.execute(
        select(Product.code, Entrepreneur.reg_no, Entrepreneur.next_product_seq).join(
            Entrepreneur, Product.entrepreneur_id == Entrepreneur.id
        )
    )
    for code, reg_no, next_seq in rows:
        match = _PRODUCT_SEQ.search(code)
        if match and int(match[1]) >= next_seq:
            problems.append(
                Problem(
                    f"ลำดับรหัสผลิตภัณฑ์ถัดไปของ {reg_no} คือ {next_seq} แต่มีรหัส {code} แล้ว",
                    f"{reg_no}'s next product number is {next_seq} but {code} exists",
                )
            )
    return _capped(problems, "ตัวนับเลข", "number counters")


def search_problems(session: Session) -> list[Problem]:
    """Each row's search document and mask recomputed, and on SQLite the FTS5 index checked
    against its rows."""
    problems: list[Problem] = []
    names: dict[int, list[str]] = {}
    owners = dict(session.execute(select(Entrepreneur.id, Entrepreneur.name)).all())
    stale_products = []
    for eid, name, code, doc, mask in session.execute(
        select(
            Product.entrepreneur_id,
            Product.name,
            Product.code,
            Product.search_text,
            Product.search_mask,
        ).order_by(Product.entrepreneur_id, Product.code)
    ):
        names.setdefault(eid, []).append(name)
        want = product_doc(name, code, owners.get(eid, ""))
        if doc != want or mask != search_mask(want):
            stale_products.append(code)
    stale_entrepreneurs = []
    for eid, name, contact, reg_no, previous, doc, mask in session.execute(
        select(
            Entrepreneur.id,
            Entrepreneur.name,
            Entrepreneur.contact_name,
            Entrepreneur.reg_no,
            Entrepreneur.previous_reg_no,
            Entrepreneur.search_text,
            Entrepreneur.search_mask,
        )
    ):
        want = entrepreneur_doc(name, contact, reg_no, previous, names.get(eid, ()))
        if doc != want or mask != search_mask(want):
            stale_entrepreneurs.append(reg_no)
    problems += [
        Problem(
            f"ข้อมูลค้นหาของ {number} ไม่ตรงกับระเบียน", f"The search data of {number} does not match"
        )
        for number in [*stale_entrepreneurs, *stale_products]
    ]
    if _is_sqlite(session):
        for table in SEARCHED_TABLES:
            fts = f"{table}_fts"
            try:
                with session.begin_nested():
                    session.execute(
                        text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
                    )
            except Exception as exc:  # FTS5 reports a damaged index as a generic error
                problems.append(
                    Problem(
                        f"ดัชนีค้นหาของตาราง {table} ไม่ตรงกับข้อมูล ({exc.__class__.__name__})",
                        f"The search index of {table} does not match its rows",
                    )
                )
    return _capped(problems, "ข้อมูลค้นหา", "search problems")


def sales_problems(session: Session) -> list[Problem]:
    orphans = session.execute(
        select(Sale.id, Sale.period, Sale.product_id)
        .outerjoin(Product, Sale.product_id == Product.id)
        .where(Sale.product_id.is_not(None), Product.id.is_(None))
    )
    return _capped(
        (
            Problem(
                f"ยอดขายเดือน {period} อ้างถึงผลิตภัณฑ์ {pid} ที่ไม่มีอยู่",
                f"A sales figure of {period} is for product {pid}, which does not exist",
            )
            for _sid, period, pid in orphans
        ),
        "ยอดขาย",
        "sales problems",
    )


def lock_problems(session: Session) -> list[Problem]:
    problems = []
    rows = session.execute(
        select(PeriodLock, ExportRecord)
        .outerjoin(ExportRecord, PeriodLock.export_id == ExportRecord.id)
        .where(PeriodLock.action == SUBMITTED)
    )
    for event, export in rows:
        where = f"{event.district_code} {event.period}"
        if export is None:
            problems.append(
                Problem(
                    f"เดือน {where} ถูกล็อกว่าส่งแล้ว แต่ไม่มีบันทึกการส่งออก",
                    f"Month {where} is locked as sent but has no export record",
                )
            )
        elif export.kind != MONTHLY or export.period != event.period:
            problems.append(
                Problem(
                    f"การล็อกเดือน {where} อ้างถึงการส่งออกของเดือนอื่น ({export.period})",
                    f"The lock of month {where} names an export of another month",
                )
            )
    return _capped(problems, "การล็อกเดือน", "month-lock problems")


def audit_problems(session: Session) -> list[Problem]:
    """The trail's hash chain unbroken, and the newest hash kept outside the register (in the
    data folder, and in the sidecar of the newest backup) still in it: an entry edited,
    deleted or cut off the end is found."""
    office = session.get(Office, 1)
    register_id = office.register_id if office is not None else ""
    outside = [
        h for h in (kept_head(register_id), _backup_head(session, register_id)) if h is not None
    ]
    newest = max(outside, key=lambda h: h.last_id, default=None)
    return _capped(
        (Problem(b.what_th, b.what_en) for b in verify_chain(session, outside=newest)),
        "ปัญหาของบันทึกการใช้งาน",
        "audit-trail problems",
    )


def _backup_head(session: Session, register_id: str) -> Head | None:
    """The head in the newest backup's sidecar — unless a restore came after that backup
    (the trail then goes on from the restored backup's, not from the newest one's)."""
    found = newest_backup(register_id) if register_id else None
    if found is None or not found.audit_head:
        return None
    restored_at = session.scalar(
        select(AuditEntry.at).where(AuditEntry.action == "restore").order_by(AuditEntry.id.desc())
    )
    if restored_at is not None and restored_at >= found.made_at:
        return None
    return Head.parse(found.audit_head)


RULES: tuple[Callable[[Session], list[Problem]], ...] = (
    file_problems,
    counter_problems,
    search_problems,
    sales_problems,
    lock_problems,
    audit_problems,
)


def check_register(register: Register) -> list[Problem]:
    """Every check; the register is only read (the FTS5 check runs in a savepoint that is
    rolled back)."""
    problems: list[Problem] = []
    try:
        with register.read() as session:
            for rule in RULES:
                problems += rule(session)
                if rule is file_problems and problems:
                    break  # a damaged file's rows are not worth reading rule by rule
    except UserError as exc:  # the read itself failed: damaged, gone, busy
        problems.append(Problem(exc.message_th, exc.message_en))
    return problems


#: A Thai word the search index must cut into trigrams (issue 15: with LC_CTYPE=C it is not).
THAI_PROBE = "ผ้าไหม"


def thai_search_warning(register: Register) -> Problem | None:
    """On PostgreSQL, pg_trgm makes trigrams only of what the database's character locale
    (LC_CTYPE) calls letters: under ``C`` no Thai letter is one, and every Thai search reads
    the whole table. Told by behaviour, not by the locale's name; None when Thai is indexed
    (and always on SQLite, whose index is the program's own)."""
    if register.engine.dialect.name != "postgresql":
        return None
    with register.read() as session:
        # As the search index holds Thai (migration 0018): keys moved to CJK ideographs.
        held = search_words(coded(search_key(THAI_PROBE)))
        trigrams = session.scalar(text("SELECT show_trgm(:word)"), {"word": held})
        ctype = session.scalar(
            text("SELECT datctype FROM pg_database WHERE datname = current_database()")
        )
    if trigrams:
        return None
    name = register.engine.url.database
    return Problem(
        f"ฐานข้อมูล {name} ใช้ locale ของตัวอักษร (LC_CTYPE) {ctype} ซึ่งไม่นับอักษรไทยเป็นตัวอักษร "
        "ดัชนีค้นหาจึงใช้กับคำไทยไม่ได้และการค้นหาจะช้า วิธีแก้: สร้างฐานข้อมูลใหม่ด้วย "
        f"CREATE DATABASE … LOCALE 'C.UTF-8' TEMPLATE template0 แล้วย้ายทะเบียนไป "
        "(pg_dump แล้ว pg_restore)",
        f"The database {name} has the character locale (LC_CTYPE) {ctype}, which counts no Thai "
        "letter as a letter: the search index misses Thai words and every Thai search reads "
        "the whole table. To fix it, make a database with CREATE DATABASE … LOCALE 'C.UTF-8' "
        "TEMPLATE template0 and move the register into it (pg_dump, then pg_restore)",
    )


def quick_check(register: Register) -> list[Problem]:
    """What the program runs at start: SQLite's quick_check of the file."""
    problems: list[Problem] = []
    try:
        with register.read() as session:
            problems += file_problems(session, quick=True)
    except UserError as exc:
        problems.append(Problem(exc.message_th, exc.message_en))
    return problems
