"""Entrepreneurs and their products: the register proper."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from otop_desktop.domain import READINESS_ITEMS, readiness_level
from otop_desktop.models.base import Base, Money, UTCDateTime, utcnow
from otop_desktop.search import search_mask


class Entrepreneur(Base):
    __tablename__ = "entrepreneurs"
    __table_args__ = (
        CheckConstraint("producer_type BETWEEN 1 AND 3", name="producer_type"),
        CheckConstraint("status IN ('active', 'suspended', 'closed')", name="status"),
        CheckConstraint("moo IS NULL OR moo BETWEEN 1 AND 99", name="moo"),
        # What the lists filter and sort by.
        Index(None, "district_code", "subdistrict_code"),
        Index(None, "status"),
        Index(None, "producer_type"),
        Index(None, "national_id"),
        Index(None, "name"),
        Index(None, "registered_on"),
        # A year's businesses by district (services.figures) from the index alone.
        Index(None, "district_code", "registered_on"),
        Index(None, "missing"),
        # Short searches walk the list's default order and test the mask (search.search_mask).
        Index(None, "reg_no", "search_mask"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reg_no: Mapped[str] = mapped_column(String(20), unique=True)
    # Kept beside subdistrict_code so that a province register filters by district on an index.
    district_code: Mapped[str] = mapped_column(String(4))
    # NULL only on a record imported incomplete (see ``missing``).
    producer_type: Mapped[int | None] = mapped_column(SmallInteger)
    name: Mapped[str] = mapped_column(String(300))
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    national_id: Mapped[str] = mapped_column(String(13))
    house_no: Mapped[str] = mapped_column(String(20), default="")
    moo: Mapped[int | None] = mapped_column(SmallInteger)
    subdistrict_code: Mapped[str] = mapped_column(String(6))
    phone: Mapped[str] = mapped_column(String(20), default="")
    member_count: Mapped[int | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default="active")
    status_reason: Mapped[str] = mapped_column(String(300), default="")
    status_date: Mapped[date | None] = mapped_column(Date)
    # NULL only on a record imported incomplete: a missing date is not taken as today's,
    # which would hide the business's sales history.
    registered_on: Mapped[date | None] = mapped_column(Date)
    # A number the producer had before (e.g. from an imported spreadsheet); never reissued.
    previous_reg_no: Mapped[str] = mapped_column(String(40), default="")
    next_product_seq: Mapped[int] = mapped_column(default=1)
    #: When a head removed the person's data of this closed business (PDPA retention): the
    #: figures stay, the business leaves the province's snapshot.
    anonymised_on: Mapped[date | None] = mapped_column(Date)
    #: What an incomplete record lacks (otop_desktop.services.incomplete): JSON, field → what
    #: the old spreadsheet held there ('' for nothing); NULL once complete.
    missing: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # NULL when written without the ORM (bulk loads): such a row is always a candidate.
    search_mask: Mapped[int | None] = mapped_column(BigInteger)
    #: the row's place in the list's default order, kept by the database (migration 0011): on
    #: SQLite the rowid of its search index, so the index lists hits in the list's order
    search_pos: Mapped[int | None] = mapped_column(BigInteger, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: The record's version, raised by every change through the services
    #: (otop_desktop.services.versions): a form saved over a change made since it was opened
    #: is caught instead of silently undoing it.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__: Mapping[str, object] = {
        "version_id_col": version,
        "version_id_generator": False,
    }

    products: Mapped[list[Product]] = relationship(
        back_populates="entrepreneur",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Product.code",
    )
    readiness: Mapped[DigitalReadiness | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("search_text")
    def _keep_mask(self, _key: str, text: str) -> str:
        self.search_mask = search_mask(text)
        return text


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("category BETWEEN 1 AND 5", name="category"),
        CheckConstraint("price >= 0", name="price"),
        CheckConstraint("current_stars BETWEEN 0 AND 5", name="current_stars"),
        CheckConstraint("soft_power IS NULL OR soft_power IN ('Food', 'Fashion')", name="soft"),
        Index(None, "entrepreneur_id"),
        Index(None, "category"),
        Index(None, "current_stars"),
        Index(None, "missing"),
        Index(None, "name"),
        Index(None, "code", "search_mask"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entrepreneur_id: Mapped[int] = mapped_column(ForeignKey("entrepreneurs.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    # NULL only on a product imported incomplete (see ``missing``).
    category: Mapped[int | None] = mapped_column(SmallInteger)
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    unit: Mapped[str] = mapped_column(String(40), default="")
    soft_power: Mapped[str | None] = mapped_column(String(10))
    # The latest rating, kept here so that lists filter by stars on an index; the service
    # updates it with the ratings.
    current_stars: Mapped[int] = mapped_column(SmallInteger, default=0)
    current_star_year: Mapped[int | None] = mapped_column(SmallInteger)
    #: As Entrepreneur.missing.
    missing: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # NULL when written without the ORM (bulk loads): such a row is always a candidate.
    search_mask: Mapped[int | None] = mapped_column(BigInteger)
    #: the row's place in the list's default order, kept by the database (migration 0011): on
    #: SQLite the rowid of its search index, so the index lists hits in the list's order
    search_pos: Mapped[int | None] = mapped_column(BigInteger, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: The record's version, raised by every change through the services
    #: (otop_desktop.services.versions): a form saved over a change made since it was opened
    #: is caught instead of silently undoing it.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__: Mapping[str, object] = {
        "version_id_col": version,
        "version_id_generator": False,
    }

    entrepreneur: Mapped[Entrepreneur] = relationship(back_populates="products")
    standards: Mapped[list[ProductStandard]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ProductStandard.id"
    )
    ratings: Mapped[list[StarRating]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="StarRating.year_be"
    )

    @validates("search_text")
    def _keep_mask(self, _key: str, text: str) -> str:
        self.search_mask = search_mask(text)
        return text


class ProductStandard(Base):
    __tablename__ = "product_standards"
    __table_args__ = (
        UniqueConstraint("product_id", "standard"),
        # A year's standards held (services.figures) from the index alone.
        Index(None, "standard", "expires_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    standard: Mapped[str] = mapped_column(String(20))
    cert_no: Mapped[str] = mapped_column(String(60), default="")
    expires_on: Mapped[date | None] = mapped_column(Date)


class StarRating(Base):
    __tablename__ = "star_ratings"
    __table_args__ = (
        UniqueConstraint("product_id", "year_be"),
        # The latest selection year (services.figures) without reading every rating.
        Index(None, "year_be"),
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    year_be: Mapped[int] = mapped_column(SmallInteger)
    stars: Mapped[int] = mapped_column(SmallInteger)


class DigitalReadiness(Base):
    """The digital-finance checklist of one entrepreneur."""

    __tablename__ = "digital_readiness"
    # A year's checklists counted by their ticks (services.figures) in the index's order.
    __table_args__ = (
        Index(
            "ix_digital_readiness_checks",
            "bank_account",
            "promptpay",
            "qr_payment",
            "online_sales",
            "digital_accounts",
            "gov_scheme",
        ),
    )

    entrepreneur_id: Mapped[int] = mapped_column(
        ForeignKey("entrepreneurs.id", ondelete="CASCADE"), primary_key=True
    )
    bank_account: Mapped[bool] = mapped_column(Boolean, default=False)
    promptpay: Mapped[bool] = mapped_column(Boolean, default=False)
    qr_payment: Mapped[bool] = mapped_column(Boolean, default=False)
    online_sales: Mapped[bool] = mapped_column(Boolean, default=False)
    digital_accounts: Mapped[bool] = mapped_column(Boolean, default=False)
    gov_scheme: Mapped[bool] = mapped_column(Boolean, default=False)
    assessed_on: Mapped[date | None] = mapped_column(Date)

    @property
    def level(self) -> int:
        return readiness_level({key: getattr(self, key) for key, _, _ in READINESS_ITEMS})


class StatusChange(Base):
    """The business's status from ``changed_on`` on: its history, of which the entrepreneur's
    ``status`` and ``status_date`` are the latest entry. The first entry is the registration
    (active); businesses opened, suspended, reopened and closed by year are read from here
    (otop_desktop.services.status_history writes it, otop_desktop.services.figures reads it)."""

    __tablename__ = "status_changes"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'suspended', 'closed')", name="status"),
        # The status at a date (the latest entry before it) and the changes of a year.
        Index(None, "entrepreneur_id", "changed_on"),
        Index(None, "status", "changed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entrepreneur_id: Mapped[int] = mapped_column(ForeignKey("entrepreneurs.id", ondelete="CASCADE"))
    changed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(300), default="")


class SalesTotal(Base):
    """The sales summed by month, district of the business, category they count under (the
    product's, or the business's main category for a whole-business row: see
    otop_desktop.services.figures; 0 for none) and Soft Power line ('' for none). Kept exact
    by the database's own triggers on sales, products and entrepreneurs (migration 0010,
    SQLite), whatever code writes them, so that a year's figures of a national register
    are read from some thousand rows instead of millions."""

    __tablename__ = "sales_totals"

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    category: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    soft_power: Mapped[str] = mapped_column(String(10), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    row_count: Mapped[int] = mapped_column()


class ProductTotal(Base):
    """The products counted by district of the business, category (0 for none), Soft Power
    line ('' for none) and current stars; kept exact by triggers as SalesTotal."""

    __tablename__ = "product_totals"
    # Covering (migration 0013): each split is read off one index in order.
    __table_args__ = tuple(
        Index(f"ix_product_totals_{column}_products", column, "products")
        for column in ("district_code", "category", "soft_power", "stars")
    )

    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    category: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    soft_power: Mapped[str] = mapped_column(String(10), primary_key=True)
    stars: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    products: Mapped[int] = mapped_column()


class StatusTotal(Base):
    """The history's entries by month (B.E. period key) and status, and the registrations
    as status 'opened'; kept exact by triggers (migration 0010, SQLite) as SalesTotal."""

    __tablename__ = "status_totals"

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(10), primary_key=True)
    entries: Mapped[int] = mapped_column()


class BusinessTotal(Base):
    """The businesses by district; kept exact by triggers as SalesTotal."""

    __tablename__ = "business_totals"

    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    businesses: Mapped[int] = mapped_column()


class BusinessClosure(Base):
    """A business whose latest entries in its history are closings, with the date of the
    first of them; kept exact by triggers (migration 0013, SQLite) as SalesTotal. The
    Closed* tables below hold what these businesses hold, by the B.E. month key of that date,
    so a year's figures take out the businesses closed before it from a few rows."""

    __tablename__ = "business_closures"

    entrepreneur_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    closed_since: Mapped[date] = mapped_column(Date)


class ClosedProducts(Base):
    """The products of the closed businesses, keyed as ProductTotal and by month closed."""

    __tablename__ = "closed_products"
    __table_args__ = (
        Index("ix_closed_products_period_products", "period", "products"),
        *(
            Index(f"ix_closed_products_{column}", column, "period", "products")
            for column in ("district_code", "category", "soft_power", "stars")
        ),
    )

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    category: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    soft_power: Mapped[str] = mapped_column(String(10), primary_key=True)
    stars: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    products: Mapped[int] = mapped_column()


class ClosedBusinesses(Base):
    """The closed businesses by month closed and district."""

    __tablename__ = "closed_businesses"
    __table_args__ = (
        Index("ix_closed_businesses_district_code", "district_code", "period", "businesses"),
    )

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    district_code: Mapped[str] = mapped_column(String(4), primary_key=True)
    businesses: Mapped[int] = mapped_column()


class ClosedStandards(Base):
    """The certificates of the closed businesses' products by month closed, standard and
    month of expiry (period key; 0: none)."""

    __tablename__ = "closed_standards"

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    standard: Mapped[str] = mapped_column(String(20), primary_key=True)
    expires_period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    certificates: Mapped[int] = mapped_column()


class ClosedReadiness(Base):
    """The closed businesses' checklists by month closed and ticks."""

    __tablename__ = "closed_readiness"

    period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    bank_account: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    promptpay: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    qr_payment: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    online_sales: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    digital_accounts: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    gov_scheme: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    businesses: Mapped[int] = mapped_column()


class StandardTotal(Base):
    """Every certificate counted by standard and month of expiry (period key; 0: none);
    kept exact by triggers (migration 0013, SQLite) as SalesTotal."""

    __tablename__ = "standard_totals"

    standard: Mapped[str] = mapped_column(String(20), primary_key=True)
    expires_period: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    certificates: Mapped[int] = mapped_column()


class ReadinessTotal(Base):
    """Every checklist counted by its ticks; kept exact by triggers as SalesTotal."""

    __tablename__ = "readiness_totals"

    bank_account: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    promptpay: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    qr_payment: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    online_sales: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    digital_accounts: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    gov_scheme: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    businesses: Mapped[int] = mapped_column()
