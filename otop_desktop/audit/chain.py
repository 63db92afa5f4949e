"""The trail's hash chain: each entry's hash covers its fields and the previous entry's hash,
so an entry edited, deleted or cut off the end no longer matches. The newest hash is also
kept outside the register (the data folder, backups' sidecars, the monthly workbook)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.models import AuditEntry
from otop_desktop.paths import data_dir

log = logging.getLogger(__name__)

_BATCH = 20_000


def canonical_time(at: datetime) -> str:
    """The entry's time as hashed: UTC, microseconds, the same on every engine."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


#: The entry's fields its hash covers, in order.
HASHED = ("id", "at", "actor", "action", "entity", "record", "changes", "detail", "prev_hash")


def fields_hash(values: Mapping[str, Any]) -> str:
    """The hash of an entry given as its column values."""
    fields = [canonical_time(v) if k == "at" else v for k, v in ((k, values[k]) for k in HASHED)]
    data = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    return fields_hash({key: getattr(entry, key) for key in HASHED})


@dataclass(frozen=True)
class Head:
    """The newest entry of a trail: its id and hash (0 and "" for an empty trail)."""

    last_id: int
    last_hash: str

    def text(self) -> str:
        return f"{self.last_id}:{self.last_hash}"

    @classmethod
    def parse(cls, text: str) -> Head | None:
        number, _, digest = text.strip().partition(":")
        number, digest = number.lstrip("0") or "0", digest.strip()
        if not number.isdigit() or (digest and len(digest) != 64):
            return None
        return cls(int(number), digest)


def head_path(register_id: str) -> Path:
    return data_dir() / "registers" / register_id / "audit_head"


def keep_head(register_id: str, head: Head) -> None:
    """Writes the newest hash to the data folder (after each commit that added entries): one
    write of a fixed-length record over the last, no fsync (it doubled a save's time). A
    power cut may leave an older head, which the chain still holds, or a torn one, which
    reads as none: only the newest entries go unwatched then."""
    path = head_path(register_id)
    record = f"{head.last_id:020d}:{head.last_hash:<64}".encode("ascii")
    try:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        except FileNotFoundError:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.pwrite(fd, record, 0)
        finally:
            os.close(fd)
    except OSError as exc:
        log.warning("cannot keep the audit head: %s", exc.strerror)


def kept_head(register_id: str) -> Head | None:
    try:
        return Head.parse(head_path(register_id).read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class ChainBreak:
    """Where the trail stops matching: the entry's id and what is wrong with it."""

    entry_id: int
    what_th: str
    what_en: str


def verify(session: Session, *, outside: Head | None = None) -> list[ChainBreak]:
    """Walks the whole trail: every hash recomputed, every link to the previous entry, ids
    without gaps, and the head kept outside the register found in it."""
    breaks: list[ChainBreak] = []
    previous_hash, previous_id = "", 0
    seen_outside = outside is None or outside.last_id == 0
    last = 0
    while True:
        batch = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last).order_by(AuditEntry.id).limit(_BATCH)
        ).all()
        if not batch:
            break
        for entry in batch:
            if entry.id != previous_id + 1:
                breaks.append(
                    ChainBreak(
                        entry.id,
                        f"รายการบันทึกการใช้งาน {previous_id + 1}–{entry.id - 1} หายไป",
                        f"audit entries {previous_id + 1}–{entry.id - 1} are missing",
                    )
                )
            if entry.prev_hash != previous_hash:
                breaks.append(
                    ChainBreak(
                        entry.id,
                        f"รายการบันทึกการใช้งาน {entry.id} ไม่ต่อกับรายการก่อนหน้า",
                        f"audit entry {entry.id} does not follow the one before it",
                    )
                )
            if entry_hash(entry) != entry.hash:
                breaks.append(
                    ChainBreak(
                        entry.id,
                        f"รายการบันทึกการใช้งาน {entry.id} ถูกแก้ไข",
                        f"audit entry {entry.id} was changed",
                    )
                )
            if outside is not None and entry.id == outside.last_id:
                seen_outside = entry.hash == outside.last_hash
            previous_hash, previous_id = entry.hash, entry.id
        last = batch[-1].id
        session.expunge_all()
    if not seen_outside and outside is not None:
        breaks.append(
            ChainBreak(
                outside.last_id,
                f"บันทึกการใช้งานถูกตัดหรือแก้ไข: รายการ {outside.last_id} ที่บันทึกไว้นอกทะเบียน"
                " ไม่ตรงกับในทะเบียน",
                f"the audit trail was cut or changed: entry {outside.last_id}, kept outside the "
                "register, is not in it as it was",
            )
        )
    return breaks
