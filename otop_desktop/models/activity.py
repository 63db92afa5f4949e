"""What happens around the register: monthly sales, OFOS households, trainings, grants and
the record of exports."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from otop_desktop.models.base import Base, Money, UTCDateTime, utcnow


class Sale(Base):
    """A month's sales of one entrepreneur: one whole-business row (product_id NULL) or rows
    per product, never both — the service enforces the 'never both'."""

    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        CheckConstraint("online_amount >= 0 AND online_amount <= amount", name="online"),
        Index(None, "period"),
        Index(
            "uq_sales_entrepreneur_period_product",
            "entrepreneur_id",
            "period",
            "product_id",
            unique=True,
        ),
        # NULLs are distinct in a unique index, so the whole-business row needs its own.
        Index(
            "uq_sales_whole_business",
            "entrepreneur_id",
            "period",
            unique=True,
            sqlite_where=text("product_id IS NULL"),
            postgresql_where=text("product_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entrepreneur_id: Mapped[int] = mapped_column(ForeignKey("entrepreneurs.id", ondelete="CASCADE"))
    #: B.E. year * 100 + month, e.g. 256810 (see thaiformat.Period.key).
    period: Mapped[int] = mapped_column()
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    amount: Mapped[Decimal] = mapped_column(Money)
    online_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))


class Household(Base):
    """An OFOS (1 ครอบครัว 1 Soft Power) household survey."""

    __tablename__ = "households"
    __table_args__ = (Index(None, "subdistrict_code", "moo"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    house_no: Mapped[str] = mapped_column(String(20), default="")
    moo: Mapped[int] = mapped_column(SmallInteger)
    subdistrict_code: Mapped[str] = mapped_column(String(6))
    head_name: Mapped[str] = mapped_column(String(200))
    member_count: Mapped[int] = mapped_column(SmallInteger, default=1)
    surveyed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The record's version, raised by every change through the services
    #: (otop_desktop.services.versions): a form saved over a change made since it was opened
    #: is caught instead of silently undoing it.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__: Mapping[str, object] = {
        "version_id_col": version,
        "version_id_generator": False,
    }

    skills: Mapped[list[HouseholdSkill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="HouseholdSkill.id"
    )


class HouseholdSkill(Base):
    __tablename__ = "household_skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    member_name: Mapped[str] = mapped_column(String(200), default="")
    skill: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    training_wanted: Mapped[str] = mapped_column(String(200), default="")


class Training(Base):
    __tablename__ = "trainings"
    __table_args__ = (CheckConstraint("budget >= 0", name="budget"), Index(None, "held_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(300))
    organiser: Mapped[str] = mapped_column(String(200), default="")
    budget: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    #: The record's version, raised by every change through the services
    #: (otop_desktop.services.versions): a form saved over a change made since it was opened
    #: is caught instead of silently undoing it.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__: Mapping[str, object] = {
        "version_id_col": version,
        "version_id_generator": False,
    }

    participants: Mapped[list[TrainingParticipant]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class TrainingParticipant(Base):
    __tablename__ = "training_participants"

    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    entrepreneur_id: Mapped[int] = mapped_column(
        ForeignKey("entrepreneurs.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Grant(Base):
    __tablename__ = "grants"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount"), Index(None, "granted_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    entrepreneur_id: Mapped[int] = mapped_column(
        ForeignKey("entrepreneurs.id", ondelete="CASCADE"), index=True
    )
    granted_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    purpose: Mapped[str] = mapped_column(String(300))
    funder: Mapped[str] = mapped_column(String(200), default="")
    #: The record's version, raised by every change through the services
    #: (otop_desktop.services.versions): a form saved over a change made since it was opened
    #: is caught instead of silently undoing it.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__: Mapping[str, object] = {
        "version_id_col": version,
        "version_id_generator": False,
    }


class ExportRecord(Base):
    """Every file the register writes that leaves the office (PDPA: who took what, when)."""

    __tablename__ = "export_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    period: Mapped[int | None] = mapped_column()
    district_code: Mapped[str | None] = mapped_column(String(4))
    file_name: Mapped[str] = mapped_column(String(500), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    personal_data: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
