"""Who may do what, and the trail of what they did: local accounts with their roles, the
office's signing key wrapped for each head, every public key the office has used, and the
append-only, hash-chained audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base, UTCDateTime, utcnow

CLERK, HEAD, VIEWER = "clerk", "head", "viewer"
ROLES = (CLERK, HEAD, VIEWER)


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("role IN ('clerk', 'head', 'viewer')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    #: Argon2id, in argon2-cffi's encoded form (its parameters travel with it).
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(default=0)
    #: No login before this moment (the growing back-off after failed logins).
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KeyWrap(Base):
    """The office's vault key (which encrypts the signing key) encrypted with a key derived
    from one head's password — or, without an account, from the one-time recovery code."""

    __tablename__ = "key_wraps"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), unique=True
    )
    salt: Mapped[bytes] = mapped_column(LargeBinary(16))
    nonce: Mapped[bytes] = mapped_column(LargeBinary(12))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary(64))


class SigningKey(Base):
    """A public key an office signed certificates with, and when (district side: the
    office's own; province side: each district's, as its workbooks carried them). A
    certificate verifies against the key valid on the day it was signed."""

    __tablename__ = "signing_keys"
    __table_args__ = (Index(None, "owner", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The district or province code of the office that holds the private key.
    owner: Mapped[str] = mapped_column(String(4))
    public_key: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    valid_to: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """One action. ``hash`` covers the entry and the previous entry's hash, so an entry
    edited, deleted or cut off the end is found by ``check``."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index(None, "actor", "id"),
        Index(None, "record", "id"),
        Index(None, "action", "id"),
        Index(None, "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30), default="")
    #: The registration number, product or household code the action was about.
    record: Mapped[str] = mapped_column(String(40), default="")
    #: JSON {field: [old, new]}; personal fields as keyed hashes.
    changes: Mapped[str] = mapped_column(Text, default="")
    #: JSON: a file's name and sha256, counts of a bulk run, a reason.
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the newest entry's id and hash. Writers lock it, so the chain has one order
    on every engine, and the head is read without scanning the trail."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    last_id: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
