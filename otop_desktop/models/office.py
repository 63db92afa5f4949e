"""The office that keeps this register, and the counters behind its numbers."""

from __future__ import annotations

import os
import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base, UTCDateTime, utcnow


class Office(Base):
    """One row: what kind of register this is and who signs its certificates. It lives in
    the database so that the command line and every PC on the register see the same office."""

    __tablename__ = "office"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("kind IN ('district', 'province', 'nation')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    kind: Mapped[str] = mapped_column(String(10))
    province_code: Mapped[str | None] = mapped_column(String(2))
    district_code: Mapped[str | None] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(200), default="")
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    officer_position: Mapped[str] = mapped_column(String(200), default="")
    # Ed25519 raw keys: 32 bytes private; the public key as hex, as the workbook carries it.
    # The private key is here only while the register has no accounts; from the first head
    # on it is sealed (``sealed_signing_key``) and signing needs a head's password.
    signing_private_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    #: nonce (12 bytes) + AES-GCM ciphertext of the private key under the vault key.
    sealed_signing_key: Mapped[bytes | None] = mapped_column(LargeBinary(60))
    signing_public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Shared by every copy and backup of this register: the key of its number floors kept
    #: outside the database (otop_desktop.backup.floors).
    register_id: Mapped[str] = mapped_column(
        String(32), default=lambda: uuid.uuid4().hex, server_default=""
    )
    #: Minutes without input after which the desktop locks its screen (a head sets it).
    idle_lock_minutes: Mapped[int] = mapped_column(default=15, server_default="15")
    #: The key of the audit trail's keyed hashes of personal fields (citizen ID, phone).
    audit_key: Mapped[bytes] = mapped_column(LargeBinary(32), default=lambda: os.urandom(32))
    #: The office's telephone, after its name in a memo's ส่วนราชการ line.
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    #: The Garuda emblem a memo carries top left, as the PNG or JPEG file the office chose
    #: in settings (the program does not ship it). Kept in the register rather than as a
    #: path, so that every PC of the register and every backup prints the same memo.
    emblem_image: Mapped[bytes | None] = mapped_column(LargeBinary)


class Counter(Base):
    """Named sequences that only ever go up: registration numbers (per district and B.E.
    year) and household codes. A deleted record never gives its number back."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
