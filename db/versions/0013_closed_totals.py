"""The businesses closed today and what they hold, kept by month of closing, so that a year's
figures take the businesses closed before it out of the kept totals by summing a few rows
instead of reading their products, standards and checklists one by one.

``business_closures`` holds each business whose latest entries in the history are closings:
the date of the first of them (the business is closed from the day after it on). A business
that counts nowhere else is then closed at the start of a year exactly when that date falls
before it; the businesses with a later reopening or suspension are the few the figures still
look up in the history. ``closed_products``, ``closed_businesses``, ``closed_standards`` and
``closed_readiness`` hold the products (by district of the business, category, Soft Power
line and current stars, as product_totals), the businesses by district, the certificates (by
standard and month of expiry, 0 for none) and the checklists of those businesses, by the
B.E. month key of that date.

``standard_totals`` and ``readiness_totals`` count every certificate (by standard and month
of expiry) and every checklist (by its ticks), which the year's charts otherwise read row by
row; covering indexes let each split of the kept totals be read off one index in order.

On SQLite triggers keep them exact whatever code writes the rows: a change to a business's
history takes its whole holding out under the old closing and puts it back under the new one;
a product, certificate or checklist written moves only its own row, and only for a closed
business (the rest cost one look-up in business_closures). A deleted business is taken out
before SQLite deletes its children (their triggers then find no closing). PostgreSQL
registers compute the figures from the rows and leave these tables empty.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# --- the rules as this revision wrote them (frozen) -------------------------------------------


def _period(day: str) -> str:
    """The B.E. period key (256810) of an ISO date, as SQLite stores dates."""
    return (
        f"(CAST(strftime('%Y', {day}) AS INTEGER) + 543) * 100"
        f" + CAST(strftime('%m', {day}) AS INTEGER)"
    )


CHECKS = (
    "bank_account",
    "promptpay",
    "qr_payment",
    "online_sales",
    "digital_accounts",
    "gov_scheme",
)
_CHECKS = ", ".join(CHECKS)

_KEYS = {
    "closed_products": ("period, district_code, category, soft_power, stars", "products"),
    "closed_businesses": ("period, district_code", "businesses"),
    "closed_standards": ("period, standard, expires_period", "certificates"),
    "closed_readiness": (f"period, {_CHECKS}", "businesses"),
    "standard_totals": ("standard, expires_period", "certificates"),
    "readiness_totals": (_CHECKS, "businesses"),
}


def _into(table: str, select: str) -> str:
    """Adds the rows ``select`` gives (the key columns, then the number) to ``table``."""
    key, number = _KEYS[table]
    # WHERE always present in ``select``: SQLite needs it before an upsert's ON CONFLICT.
    return (
        f"INSERT INTO {table} ({key}, {number}) {select}"
        f" ON CONFLICT ({key}) DO UPDATE SET {number} = {number} + excluded.{number};"
    )


_CLOSED = _period("c.closed_since")


def _whole(business: str, sign: str) -> str:
    """Adds (sign '') or takes away (sign '-') everything a closed business holds."""
    return "".join(
        (
            _into(
                "closed_products",
                f"SELECT {_CLOSED}, e.district_code, COALESCE(p.category, 0),"
                f" COALESCE(p.soft_power, ''), p.current_stars, {sign}COUNT(*)"
                " FROM business_closures c JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
                " JOIN products p ON p.entrepreneur_id = c.entrepreneur_id"
                f" WHERE c.entrepreneur_id = {business} GROUP BY 1, 2, 3, 4, 5",
            ),
            _into(
                "closed_businesses",
                f"SELECT {_CLOSED}, e.district_code, {sign}1"
                " FROM business_closures c JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
                f" WHERE c.entrepreneur_id = {business}",
            ),
            _into(
                "closed_standards",
                f"SELECT {_CLOSED}, s.standard,"
                f" COALESCE({_period('s.expires_on')}, 0), {sign}COUNT(*)"
                " FROM business_closures c JOIN products p ON p.entrepreneur_id = c.entrepreneur_id"
                " JOIN product_standards s ON s.product_id = p.id"
                f" WHERE c.entrepreneur_id = {business} GROUP BY 1, 2, 3",
            ),
            _into(
                "closed_readiness",
                f"SELECT {_CLOSED}, {', '.join('r.' + c for c in CHECKS)}, {sign}1"
                " FROM business_closures c JOIN digital_readiness r"
                " ON r.entrepreneur_id = c.entrepreneur_id"
                f" WHERE c.entrepreneur_id = {business}",
            ),
        )
    )


def _closing(business: str) -> str:
    """The business's closing as its history gives it now: the first of its closing entries
    with no reopening or suspension after them (by date, then entry); none if its latest
    entry is not a closing, or the business is gone."""
    return (
        "INSERT INTO business_closures (entrepreneur_id, closed_since)"
        f" SELECT {business}, since FROM (SELECT MIN(c.changed_on) AS since"
        f" FROM status_changes c WHERE c.entrepreneur_id = {business} AND c.status = 'closed'"
        " AND NOT EXISTS (SELECT 1 FROM status_changes n"
        f" WHERE n.entrepreneur_id = {business} AND n.status <> 'closed'"
        " AND (n.changed_on > c.changed_on OR (n.changed_on = c.changed_on AND n.id > c.id))))"
        f" WHERE since IS NOT NULL AND EXISTS (SELECT 1 FROM entrepreneurs WHERE id = {business});"
    )


def _refresh(business: str) -> str:
    return (
        _whole(business, "-")
        + f"DELETE FROM business_closures WHERE entrepreneur_id = {business};"
        + _closing(business)
        + _whole(business, "")
    )


def _is_closed(business: str) -> str:
    return f"EXISTS (SELECT 1 FROM business_closures WHERE entrepreneur_id = {business})"


def _product(row: str, sign: str) -> str:
    """One product of a closed business."""
    return _into(
        "closed_products",
        f"SELECT {_CLOSED}, e.district_code, COALESCE({row}.category, 0),"
        f" COALESCE({row}.soft_power, ''), {row}.current_stars, {sign}1"
        " FROM business_closures c JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
        f" WHERE c.entrepreneur_id = {row}.entrepreneur_id",
    )


def _standards_of(product: str, business: str, sign: str) -> str:
    """The certificates of one product, under the closing of ``business``."""
    return _into(
        "closed_standards",
        f"SELECT {_CLOSED}, s.standard, COALESCE({_period('s.expires_on')}, 0), {sign}COUNT(*)"
        f" FROM business_closures c JOIN product_standards s ON s.product_id = {product}"
        f" WHERE c.entrepreneur_id = {business} GROUP BY 1, 2, 3",
    )


def _standard(row: str, sign: str) -> str:
    """One certificate, if its product (still there) is a closed business's."""
    return _into(
        "closed_standards",
        f"SELECT {_CLOSED}, {row}.standard, COALESCE({_period(f'{row}.expires_on')}, 0),"
        f" {sign}1 FROM products p"
        " JOIN business_closures c ON c.entrepreneur_id = p.entrepreneur_id"
        f" WHERE p.id = {row}.product_id",
    )


def _checklist(row: str, sign: str) -> str:
    return _into(
        "closed_readiness",
        f"SELECT {_CLOSED}, {', '.join(f'{row}.{c}' for c in CHECKS)}, {sign}1"
        f" FROM business_closures c WHERE c.entrepreneur_id = {row}.entrepreneur_id",
    )


def _certificate(row: str, sign: str) -> str:
    return _into(
        "standard_totals",
        f"SELECT {row}.standard, COALESCE({_period(f'{row}.expires_on')}, 0), {sign}1 WHERE 1",
    )


def _assessment(row: str, sign: str) -> str:
    return _into(
        "readiness_totals", f"SELECT {', '.join(f'{row}.{c}' for c in CHECKS)}, {sign}1 WHERE 1"
    )


_MOVED = "(SELECT new.entrepreneur_id WHERE old.entrepreneur_id IS NOT new.entrepreneur_id)"
_LEFT = "(SELECT old.entrepreneur_id WHERE old.entrepreneur_id IS NOT new.entrepreneur_id)"

TRIGGERS = {
    # A reopening or suspension of a business not closed cannot close it: skipped (the
    # registrations a bulk load's catch-up writes cost one look-up each).
    "closed_history_ai": (
        "AFTER INSERT ON status_changes"
        f" WHEN new.status = 'closed' OR {_is_closed('new.entrepreneur_id')}"
        f" BEGIN {_refresh('new.entrepreneur_id')} END"
    ),
    "closed_history_ad": (
        "AFTER DELETE ON status_changes"
        f" WHEN {_is_closed('old.entrepreneur_id')} OR EXISTS (SELECT 1 FROM status_changes"
        " WHERE entrepreneur_id = old.entrepreneur_id AND status = 'closed')"
        f" BEGIN {_refresh('old.entrepreneur_id')} END"
    ),
    "closed_history_au": (
        "AFTER UPDATE OF changed_on, status, entrepreneur_id ON status_changes BEGIN"
        f" {_refresh('old.entrepreneur_id')} {_refresh(_MOVED)} END"
    ),
    "closed_product_ai": (
        f"AFTER INSERT ON products WHEN {_is_closed('new.entrepreneur_id')}"
        f" BEGIN {_product('new', '')} END"
    ),
    # Before: its certificates are still there (SQLite deletes them after the product).
    "closed_product_bd": (
        f"BEFORE DELETE ON products WHEN {_is_closed('old.entrepreneur_id')}"
        f" BEGIN {_product('old', '-')} {_standards_of('old.id', 'old.entrepreneur_id', '-')} END"
    ),
    "closed_product_au": (
        "AFTER UPDATE OF category, soft_power, current_stars, entrepreneur_id ON products BEGIN"
        f" {_product('old', '-')} {_product('new', '')}"
        f" {_standards_of('new.id', _LEFT, '-')}"
        f" {_standards_of('new.id', _MOVED, '')} END"
    ),
    "closed_standard_ai": f"AFTER INSERT ON product_standards BEGIN {_standard('new', '')} END",
    "closed_standard_ad": f"AFTER DELETE ON product_standards BEGIN {_standard('old', '-')} END",
    "closed_standard_au": (
        "AFTER UPDATE OF standard, expires_on, product_id ON product_standards BEGIN"
        f" {_standard('old', '-')} {_standard('new', '')} END"
    ),
    "closed_readiness_ai": (f"AFTER INSERT ON digital_readiness BEGIN {_checklist('new', '')} END"),
    "closed_readiness_ad": (
        f"AFTER DELETE ON digital_readiness BEGIN {_checklist('old', '-')} END"
    ),
    "closed_readiness_au": (
        f"AFTER UPDATE OF {_CHECKS}, entrepreneur_id ON digital_readiness BEGIN"
        f" {_checklist('old', '-')} {_checklist('new', '')} END"
    ),
    "standard_totals_ai": f"AFTER INSERT ON product_standards BEGIN {_certificate('new', '')} END",
    "standard_totals_ad": f"AFTER DELETE ON product_standards BEGIN {_certificate('old', '-')} END",
    "standard_totals_au": (
        "AFTER UPDATE OF standard, expires_on ON product_standards BEGIN"
        f" {_certificate('old', '-')} {_certificate('new', '')} END"
    ),
    "readiness_totals_ai": f"AFTER INSERT ON digital_readiness BEGIN {_assessment('new', '')} END",
    "readiness_totals_ad": f"AFTER DELETE ON digital_readiness BEGIN {_assessment('old', '-')} END",
    "readiness_totals_au": (
        f"AFTER UPDATE OF {_CHECKS} ON digital_readiness BEGIN"
        f" {_assessment('old', '-')} {_assessment('new', '')} END"
    ),
    "closed_business_bu": (
        f"BEFORE UPDATE OF district_code ON entrepreneurs WHEN {_is_closed('old.id')}"
        f" BEGIN {_whole('old.id', '-')} END"
    ),
    "closed_business_au": (
        f"AFTER UPDATE OF district_code ON entrepreneurs WHEN {_is_closed('new.id')}"
        f" BEGIN {_whole('new.id', '')} END"
    ),
    "closed_business_bd": (
        f"BEFORE DELETE ON entrepreneurs WHEN {_is_closed('old.id')} BEGIN"
        f" {_whole('old.id', '-')} DELETE FROM business_closures WHERE entrepreneur_id = old.id;"
        " END"
    ),
}

#: The closings as the history gives them, set-wise (the rule of _closing).
SEED_CLOSINGS = (
    "INSERT INTO business_closures (entrepreneur_id, closed_since)"
    " SELECT c.entrepreneur_id, MIN(c.changed_on) FROM status_changes c"
    " WHERE c.status = 'closed' AND NOT EXISTS (SELECT 1 FROM status_changes n"
    " WHERE n.entrepreneur_id = c.entrepreneur_id AND n.status <> 'closed'"
    " AND (n.changed_on > c.changed_on OR (n.changed_on = c.changed_on AND n.id > c.id)))"
    " GROUP BY c.entrepreneur_id"
)

#: What the closed businesses hold, summed afresh.
SEED_HOLDINGS = (
    _into(
        "closed_products",
        f"SELECT {_CLOSED}, e.district_code, COALESCE(p.category, 0),"
        " COALESCE(p.soft_power, ''), p.current_stars, COUNT(*)"
        " FROM business_closures c JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
        " JOIN products p ON p.entrepreneur_id = c.entrepreneur_id WHERE 1 GROUP BY 1, 2, 3, 4, 5",
    ),
    _into(
        "closed_businesses",
        f"SELECT {_CLOSED}, e.district_code, COUNT(*)"
        " FROM business_closures c JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
        " WHERE 1 GROUP BY 1, 2",
    ),
    _into(
        "closed_standards",
        f"SELECT {_CLOSED}, s.standard, COALESCE({_period('s.expires_on')}, 0), COUNT(*)"
        " FROM business_closures c JOIN products p ON p.entrepreneur_id = c.entrepreneur_id"
        " JOIN product_standards s ON s.product_id = p.id WHERE 1 GROUP BY 1, 2, 3",
    ),
    _into(
        "closed_readiness",
        f"SELECT {_CLOSED}, {', '.join('r.' + c for c in CHECKS)}, COUNT(*)"
        " FROM business_closures c JOIN digital_readiness r"
        f" ON r.entrepreneur_id = c.entrepreneur_id WHERE 1 GROUP BY 1, 2, 3, 4, 5, 6, 7",
    ),
)


#: Every certificate and checklist, summed afresh.
SEED_TOTALS = (
    _into(
        "standard_totals",
        f"SELECT standard, COALESCE({_period('expires_on')}, 0), COUNT(*) FROM product_standards"
        " WHERE 1 GROUP BY 1, 2",
    ),
    _into(
        "readiness_totals",
        f"SELECT {_CHECKS}, COUNT(*) FROM digital_readiness WHERE 1 GROUP BY {_CHECKS}",
    ),
)

#: Covering indexes: each chart's split of the kept totals is read off one index in order,
#: without sorting the table's rows.
INDEXES = {
    "ix_product_totals_district_code_products": ("product_totals", ["district_code", "products"]),
    "ix_product_totals_category_products": ("product_totals", ["category", "products"]),
    "ix_product_totals_soft_power_products": ("product_totals", ["soft_power", "products"]),
    "ix_product_totals_stars_products": ("product_totals", ["stars", "products"]),
    "ix_closed_products_period_products": ("closed_products", ["period", "products"]),
    "ix_closed_products_district_code": (
        "closed_products",
        ["district_code", "period", "products"],
    ),
    "ix_closed_products_category": ("closed_products", ["category", "period", "products"]),
    "ix_closed_products_soft_power": ("closed_products", ["soft_power", "period", "products"]),
    "ix_closed_products_stars": ("closed_products", ["stars", "period", "products"]),
    "ix_closed_businesses_district_code": (
        "closed_businesses",
        ["district_code", "period", "businesses"],
    ),
}


def _number(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False)


def _key(name: str, kind: sa.types.TypeEngine) -> sa.Column:
    return sa.Column(name, kind, autoincrement=False, nullable=False)


def upgrade() -> None:
    op.create_table(
        "business_closures",
        sa.Column("entrepreneur_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("closed_since", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("entrepreneur_id", name=op.f("pk_business_closures")),
    )
    op.create_table(
        "closed_products",
        _key("period", sa.Integer()),
        _key("district_code", sa.String(length=4)),
        _key("category", sa.SmallInteger()),
        _key("soft_power", sa.String(length=10)),
        _key("stars", sa.SmallInteger()),
        _number("products"),
        sa.PrimaryKeyConstraint(
            "period",
            "district_code",
            "category",
            "soft_power",
            "stars",
            name=op.f("pk_closed_products"),
        ),
    )
    op.create_table(
        "closed_businesses",
        _key("period", sa.Integer()),
        _key("district_code", sa.String(length=4)),
        _number("businesses"),
        sa.PrimaryKeyConstraint("period", "district_code", name=op.f("pk_closed_businesses")),
    )
    op.create_table(
        "closed_standards",
        _key("period", sa.Integer()),
        _key("standard", sa.String(length=20)),
        _key("expires_period", sa.Integer()),
        _number("certificates"),
        sa.PrimaryKeyConstraint(
            "period", "standard", "expires_period", name=op.f("pk_closed_standards")
        ),
    )
    op.create_table(
        "closed_readiness",
        _key("period", sa.Integer()),
        *(_key(check, sa.Boolean()) for check in CHECKS),
        _number("businesses"),
        sa.PrimaryKeyConstraint("period", *CHECKS, name=op.f("pk_closed_readiness")),
    )
    op.create_table(
        "standard_totals",
        _key("standard", sa.String(length=20)),
        _key("expires_period", sa.Integer()),
        _number("certificates"),
        sa.PrimaryKeyConstraint("standard", "expires_period", name=op.f("pk_standard_totals")),
    )
    op.create_table(
        "readiness_totals",
        *(_key(check, sa.Boolean()) for check in CHECKS),
        _number("businesses"),
        sa.PrimaryKeyConstraint(*CHECKS, name=op.f("pk_readiness_totals")),
    )
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SEED_CLOSINGS)
        for statement in (*SEED_HOLDINGS, *SEED_TOTALS):
            op.execute(statement)
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
    for table in (
        "readiness_totals",
        "standard_totals",
        "closed_readiness",
        "closed_standards",
        "closed_businesses",
        "closed_products",
        "business_closures",
    ):
        op.drop_table(table)
