"""The history of each business's status (opened, suspended, reopened, closed by year),
seeded from today's status: a registration entry (active, on the registration date) for
every record with a registration date, then, for a business not active, its status on its
status date (the registration date when that is not given). The entrepreneur's ``status``
and ``status_date`` stay as the latest entry.

And ``sales_totals``: the sales summed by month, district of the business, category they
count under (the product's; for a whole-business row the business's main category, the
category of most of its products, the lowest code on a tie; 0 for none) and Soft Power line
('' for none). On SQLite it is kept exact by triggers on sales, products and entrepreneurs:
a sale adds or takes away its own amount; a change to a product or to a business's district
takes away the business's whole contribution before and adds it again after, since its main
category may have moved. Rows of deleted parents are skipped by the child triggers (SQLite
removes the parent row before it cascades), the parent's own triggers having done the sums.
``product_totals`` likewise counts the products by district of the business, category
(0 for none), Soft Power line ('' for none) and current stars. PostgreSQL registers compute
the same figures from the rows themselves. Two indexes serve the year's counts: the
businesses by district and registration date, the standards by their expiry.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


# --- sales_totals: the rule as this revision wrote it (frozen) --------------------------------

_MAIN = (
    "(SELECT category FROM products WHERE entrepreneur_id = {e} AND category IS NOT NULL"
    " GROUP BY category ORDER BY count(*) DESC, category LIMIT 1)"
)
_UPSERT = (
    " ON CONFLICT (period, district_code, category, soft_power) DO UPDATE SET"
    " amount = amount + excluded.amount, row_count = row_count + excluded.row_count;"
)


def _one_sale(row: str, sign: str) -> str:
    """Adds (sign '') or takes away (sign '-') one sale row's amount."""
    main = _MAIN.format(e=f"{row}.entrepreneur_id")
    category = f"COALESCE(CASE WHEN {row}.product_id IS NULL THEN {main} ELSE p.category END, 0)"
    return (
        "INSERT INTO sales_totals (period, district_code, category, soft_power, amount, row_count)"
        f" SELECT {row}.period, e.district_code, {category}, COALESCE(p.soft_power, ''),"
        f" {sign}{row}.amount, {sign}1 FROM entrepreneurs e"
        f" LEFT JOIN products p ON p.id = {row}.product_id WHERE e.id = {row}.entrepreneur_id"
        + _UPSERT
    )


def _business(entrepreneur: str, sign: str) -> str:
    """Adds or takes away all sales of one business, as they count now."""
    category = (
        f"COALESCE(CASE WHEN s.product_id IS NULL THEN {_MAIN.format(e='s.entrepreneur_id')}"
        " ELSE p.category END, 0)"
    )
    return (
        "INSERT INTO sales_totals (period, district_code, category, soft_power, amount, row_count)"
        f" SELECT s.period, e.district_code, {category}, COALESCE(p.soft_power, ''),"
        f" {sign}SUM(s.amount), {sign}COUNT(*) FROM sales s"
        " JOIN entrepreneurs e ON e.id = s.entrepreneur_id"
        " LEFT JOIN products p ON p.id = s.product_id"
        f" WHERE s.entrepreneur_id = {entrepreneur} GROUP BY 1, 2, 3, 4" + _UPSERT
    )


_STILL_THERE = "old.product_id IS NULL OR EXISTS (SELECT 1 FROM products WHERE id = old.product_id)"
_SKIP_SAME = "old.entrepreneur_id IS NOT new.entrepreneur_id"

TRIGGERS = {
    "sales_totals_sale_ai": f"AFTER INSERT ON sales BEGIN {_one_sale('new', '')} END",
    "sales_totals_sale_ad": (
        f"AFTER DELETE ON sales WHEN {_STILL_THERE} BEGIN {_one_sale('old', '-')} END"
    ),
    "sales_totals_sale_au": (
        "AFTER UPDATE OF period, amount, product_id, entrepreneur_id ON sales BEGIN "
        f"{_one_sale('old', '-')} {_one_sale('new', '')} END"
    ),
    "sales_totals_product_bi": (
        f"BEFORE INSERT ON products BEGIN {_business('new.entrepreneur_id', '-')} END"
    ),
    "sales_totals_product_ai": (
        f"AFTER INSERT ON products BEGIN {_business('new.entrepreneur_id', '')} END"
    ),
    "sales_totals_product_bu": (
        "BEFORE UPDATE OF category, soft_power, entrepreneur_id ON products BEGIN "
        f"{_business('old.entrepreneur_id', '-')} "
        f"{_business(f'(SELECT new.entrepreneur_id WHERE {_SKIP_SAME})', '-')} END"
    ),
    "sales_totals_product_au": (
        "AFTER UPDATE OF category, soft_power, entrepreneur_id ON products BEGIN "
        f"{_business('old.entrepreneur_id', '')} "
        f"{_business(f'(SELECT new.entrepreneur_id WHERE {_SKIP_SAME})', '')} END"
    ),
    "sales_totals_product_bd": (
        f"BEFORE DELETE ON products BEGIN {_business('old.entrepreneur_id', '-')} END"
    ),
    "sales_totals_product_ad": (
        f"AFTER DELETE ON products BEGIN {_business('old.entrepreneur_id', '')} END"
    ),
    "sales_totals_business_bu": (
        f"BEFORE UPDATE OF district_code ON entrepreneurs BEGIN {_business('old.id', '-')} END"
    ),
    "sales_totals_business_au": (
        f"AFTER UPDATE OF district_code ON entrepreneurs BEGIN {_business('new.id', '')} END"
    ),
    "sales_totals_business_bd": (
        f"BEFORE DELETE ON entrepreneurs BEGIN {_business('old.id', '-')} END"
    ),
}

_PRODUCT_UPSERT = (
    " ON CONFLICT (district_code, category, soft_power, stars) DO UPDATE SET"
    " products = products + excluded.products;"
)


def _one_product(row: str, sign: str, district: str = "") -> str:
    """Adds or takes away one product; its business's district unless ``district`` is given."""
    where = f"FROM entrepreneurs e WHERE e.id = {row}.entrepreneur_id"
    return (
        "INSERT INTO product_totals (district_code, category, soft_power, stars, products)"
        f" SELECT {district or 'e.district_code'}, COALESCE({row}.category, 0),"
        f" COALESCE({row}.soft_power, ''), {row}.current_stars, {sign}1 {where}" + _PRODUCT_UPSERT
    )


def _products_of(entrepreneur: str, district: str, sign: str) -> str:
    """Adds or takes away all products of one business, under ``district``."""
    return (
        "INSERT INTO product_totals (district_code, category, soft_power, stars, products)"
        f" SELECT {district}, COALESCE(category, 0), COALESCE(soft_power, ''), current_stars,"
        f" {sign}COUNT(*) FROM products WHERE entrepreneur_id = {entrepreneur}"
        " GROUP BY 1, 2, 3, 4" + _PRODUCT_UPSERT
    )


PRODUCT_TRIGGERS = {
    "product_totals_ai": f"AFTER INSERT ON products BEGIN {_one_product('new', '')} END",
    # A business being deleted has gone already: its own trigger took its products away.
    "product_totals_ad": f"AFTER DELETE ON products BEGIN {_one_product('old', '-')} END",
    "product_totals_au": (
        "AFTER UPDATE OF category, soft_power, current_stars, entrepreneur_id ON products"
        f" BEGIN {_one_product('old', '-')} {_one_product('new', '')} END"
    ),
    "product_totals_business_au": (
        "AFTER UPDATE OF district_code ON entrepreneurs BEGIN "
        f"{_products_of('new.id', 'old.district_code', '-')} "
        f"{_products_of('new.id', 'new.district_code', '')} END"
    ),
    "product_totals_business_bd": (
        "BEFORE DELETE ON entrepreneurs BEGIN "
        f"{_products_of('old.id', 'old.district_code', '-')} END"
    ),
}

PRODUCT_RECOUNT = (
    "INSERT INTO product_totals (district_code, category, soft_power, stars, products)"
    " SELECT e.district_code, COALESCE(p.category, 0), COALESCE(p.soft_power, ''),"
    " p.current_stars, COUNT(*) FROM products p JOIN entrepreneurs e ON e.id = p.entrepreneur_id"
    " GROUP BY 1, 2, 3, 4"
)


def _period(day: str) -> str:
    """The B.E. period key (256810) of an ISO date, as SQLite stores dates."""
    return (
        f"(CAST(strftime('%Y', {day}) AS INTEGER) + 543) * 100"
        f" + CAST(strftime('%m', {day}) AS INTEGER)"
    )


def _status(period: str, status: str, sign: str) -> str:
    return (
        f"INSERT INTO status_totals (period, status, entries) VALUES ({period}, {status}, {sign}1)"
        " ON CONFLICT (period, status) DO UPDATE SET entries = entries + excluded.entries;"
    )


def _district_count(district: str, sign: str) -> str:
    return (
        f"INSERT INTO business_totals (district_code, businesses) VALUES ({district}, {sign}1)"
        " ON CONFLICT (district_code) DO UPDATE SET"
        " businesses = businesses + excluded.businesses;"
    )


OPENED = "'opened'"

#: status_totals: the entries of the history by month and status, and the registrations
#: (status 'opened'); business_totals: the businesses by district.
COUNT_TRIGGERS = {
    "status_totals_ai": (
        "AFTER INSERT ON status_changes BEGIN "
        f"{_status(_period('new.changed_on'), 'new.status', '')} END"
    ),
    "status_totals_ad": (
        "AFTER DELETE ON status_changes BEGIN "
        f"{_status(_period('old.changed_on'), 'old.status', '-')} END"
    ),
    "status_totals_au": (
        "AFTER UPDATE OF changed_on, status ON status_changes BEGIN "
        f"{_status(_period('old.changed_on'), 'old.status', '-')} "
        f"{_status(_period('new.changed_on'), 'new.status', '')} END"
    ),
    "status_totals_opened_ai": (
        "AFTER INSERT ON entrepreneurs WHEN new.registered_on IS NOT NULL BEGIN "
        f"{_status(_period('new.registered_on'), OPENED, '')} END"
    ),
    "status_totals_opened_ad": (
        "AFTER DELETE ON entrepreneurs WHEN old.registered_on IS NOT NULL BEGIN "
        f"{_status(_period('old.registered_on'), OPENED, '-')} END"
    ),
    "status_totals_opened_au_old": (
        "AFTER UPDATE OF registered_on ON entrepreneurs WHEN old.registered_on IS NOT NULL"
        f" BEGIN {_status(_period('old.registered_on'), OPENED, '-')} END"
    ),
    "status_totals_opened_au_new": (
        "AFTER UPDATE OF registered_on ON entrepreneurs WHEN new.registered_on IS NOT NULL"
        f" BEGIN {_status(_period('new.registered_on'), OPENED, '')} END"
    ),
    "business_totals_ai": (
        f"AFTER INSERT ON entrepreneurs BEGIN {_district_count('new.district_code', '')} END"
    ),
    "business_totals_ad": (
        f"AFTER DELETE ON entrepreneurs BEGIN {_district_count('old.district_code', '-')} END"
    ),
    "business_totals_au": (
        "AFTER UPDATE OF district_code ON entrepreneurs BEGIN "
        f"{_district_count('old.district_code', '-')} "
        f"{_district_count('new.district_code', '')} END"
    ),
}

COUNT_RECOUNTS = (
    "INSERT INTO status_totals (period, status, entries)"
    f" SELECT {_period('changed_on')}, status, COUNT(*) FROM status_changes GROUP BY 1, 2",
    "INSERT INTO status_totals (period, status, entries)"
    f" SELECT {_period('registered_on')}, 'opened', COUNT(*) FROM entrepreneurs"
    " WHERE registered_on IS NOT NULL GROUP BY 1",
    "INSERT INTO business_totals (district_code, businesses)"
    " SELECT district_code, COUNT(*) FROM entrepreneurs GROUP BY 1",
)

#: The digital-readiness checks, in their index's order.
CHECKS = (
    "bank_account",
    "promptpay",
    "qr_payment",
    "online_sales",
    "digital_accounts",
    "gov_scheme",
)

#: Every sale as it counts: what the triggers keep, summed afresh.
RECOUNT = (
    "INSERT INTO sales_totals (period, district_code, category, soft_power, amount, row_count)"
    " SELECT s.period, e.district_code,"
    f" COALESCE(CASE WHEN s.product_id IS NULL THEN {_MAIN.format(e='s.entrepreneur_id')}"
    " ELSE p.category END, 0), COALESCE(p.soft_power, ''), SUM(s.amount), COUNT(*)"
    " FROM sales s JOIN entrepreneurs e ON e.id = s.entrepreneur_id"
    " LEFT JOIN products p ON p.id = s.product_id GROUP BY 1, 2, 3, 4"
)


def upgrade() -> None:
    op.create_table(
        "sales_totals",
        sa.Column("period", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("category", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("soft_power", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "period", "district_code", "category", "soft_power", name=op.f("pk_sales_totals")
        ),
    )
    op.create_table(
        "product_totals",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("category", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("soft_power", sa.String(length=10), nullable=False),
        sa.Column("stars", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("products", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "district_code", "category", "soft_power", "stars", name=op.f("pk_product_totals")
        ),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(RECOUNT)
        op.execute(PRODUCT_RECOUNT)
        for name, body in {**TRIGGERS, **PRODUCT_TRIGGERS}.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    op.create_index(
        op.f("ix_entrepreneurs_district_code_registered_on"),
        "entrepreneurs",
        ["district_code", "registered_on"],
    )
    op.create_index(
        op.f("ix_product_standards_standard_expires_on"),
        "product_standards",
        ["standard", "expires_on"],
    )
    op.create_index(op.f("ix_star_ratings_year_be"), "star_ratings", ["year_be"])
    op.create_index(op.f("ix_digital_readiness_checks"), "digital_readiness", list(CHECKS))
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'suspended', 'closed')", name=op.f("ck_status_changes_status")
        ),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_status_changes_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
    )
    # The registrations first, so that on one day the later entry (higher id) is the status.
    op.execute(
        "INSERT INTO status_changes (entrepreneur_id, changed_on, status, reason)"
        " SELECT id, registered_on, 'active', '' FROM entrepreneurs"
        " WHERE registered_on IS NOT NULL ORDER BY id"
    )
    op.execute(
        "INSERT INTO status_changes (entrepreneur_id, changed_on, status, reason)"
        " SELECT id, COALESCE(status_date, registered_on), status, status_reason"
        " FROM entrepreneurs WHERE status <> 'active'"
        " AND COALESCE(status_date, registered_on) IS NOT NULL ORDER BY id"
    )
    op.create_index(
        op.f("ix_status_changes_entrepreneur_id_changed_on"),
        "status_changes",
        ["entrepreneur_id", "changed_on"],
    )
    op.create_index(
        op.f("ix_status_changes_status_changed_on"), "status_changes", ["status", "changed_on"]
    )
    op.create_table(
        "status_totals",
        sa.Column("period", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("period", "status", name=op.f("pk_status_totals")),
    )
    op.create_table(
        "business_totals",
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("businesses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("district_code", name=op.f("pk_business_totals")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in COUNT_RECOUNTS:
            op.execute(statement)
        for name, body in COUNT_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in COUNT_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_index(op.f("ix_status_changes_status_changed_on"), table_name="status_changes")
    op.drop_index(op.f("ix_status_changes_entrepreneur_id_changed_on"), table_name="status_changes")
    op.drop_table("status_changes")
    op.drop_table("business_totals")
    op.drop_table("status_totals")
    op.drop_index(op.f("ix_digital_readiness_checks"), table_name="digital_readiness")
    op.drop_index(op.f("ix_star_ratings_year_be"), table_name="star_ratings")
    op.drop_index(op.f("ix_product_standards_standard_expires_on"), table_name="product_standards")
    op.drop_index(op.f("ix_entrepreneurs_district_code_registered_on"), table_name="entrepreneurs")
    if op.get_bind().dialect.name == "sqlite":
        for name in {**TRIGGERS, **PRODUCT_TRIGGERS}:
            op.execute(f"DROP TRIGGER {name}")
    op.drop_table("product_totals")
    op.drop_table("sales_totals")
