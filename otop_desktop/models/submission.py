"""The monthly submission's traces in the register: on the district side each month's
lock history; on the province side the files accepted and each district's public key."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otop_desktop.models.base import Base, Money, UTCDateTime, utcnow

SUBMITTED = "submitted"
UNLOCKED = "unlocked"
#: ``ExportRecord.kind`` of a district's monthly workbook and of the provincial workbook: here,
#: so that the services listing past exports need not import the workbook writers.
MONTHLY_EXPORT = "monthly"
PROVINCE_EXPORT = "province"


class DistrictKey(Base):
    """A district office's Ed25519 public key as its latest workbook carried it (province
    side): it verifies the certificates that district prints."""

    __tablename__ = "district_keys"

    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # hex
    #: The workbook period (thaiformat.Period.key) the key came from.
    period: Mapped[int] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PeriodLock(Base):
    """One event in a month's history (district side): submitted with an export, or
    unlocked with a reason. The last event per (district_code, period) is the state."""

    __tablename__ = "period_locks"
    __table_args__ = (
        CheckConstraint("action IN ('submitted', 'unlocked')", name="action"),
        Index(None, "district_code", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    district_code: Mapped[str] = mapped_column(String(4))
    period: Mapped[int] = mapped_column()
    action: Mapped[str] = mapped_column(String(10))
    export_id: Mapped[int | None] = mapped_column(ForeignKey("export_records.id"))
    reason: Mapped[str] = mapped_column(String(300), default="")
    user: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReceivedSubmission(Base):
    """A district workbook the province accepted; the latest id per (district_code, period)
    is the current one."""

    __tablename__ = "received_submissions"
    __table_args__ = (Index(None, "district_code", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_code: Mapped[str] = mapped_column(String(4))
    period: Mapped[int] = mapped_column()
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    #: The metadata's created_at, as the district wrote it.
    created_at_text: Mapped[str] = mapped_column(String(40))
    program_version: Mapped[str] = mapped_column(String(40))
    rows_entrepreneurs: Mapped[int] = mapped_column()
    rows_products: Mapped[int] = mapped_column()
    rows_sales: Mapped[int] = mapped_column()
    rows_households: Mapped[int] = mapped_column()
    rows_support: Mapped[int] = mapped_column()
    sales_total: Mapped[Decimal] = mapped_column(Money)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: JSON list of {"th": ..., "en": ...}: what was flagged without rejecting the file.
    warnings: Mapped[str] = mapped_column(Text, default="[]")


class ReceivedSubmissionUndo(Base):
    """What an accepted district workbook changed, as it was before (zlib-compressed JSON of
    the district's rows): a head can withdraw the file and bring it back
    (submission.withdraw). Only each district's last few files keep one."""

    __tablename__ = "received_submission_undo"

    received_id: Mapped[int] = mapped_column(
        ForeignKey("received_submissions.id", ondelete="CASCADE"), primary_key=True
    )
    district_code: Mapped[str] = mapped_column(String(4), index=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
