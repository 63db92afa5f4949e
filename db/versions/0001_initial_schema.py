"""The first schema: office, register, sales, OFOS, support and exports.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "entrepreneurs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reg_no", sa.String(length=20), nullable=False),
        sa.Column("district_code", sa.String(length=4), nullable=False),
        sa.Column("producer_type", sa.SmallInteger(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("national_id", sa.String(length=13), nullable=False),
        sa.Column("house_no", sa.String(length=20), nullable=False),
        sa.Column("moo", sa.SmallInteger(), nullable=True),
        sa.Column("subdistrict_code", sa.String(length=6), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_reason", sa.String(length=300), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("previous_reg_no", sa.String(length=40), nullable=False),
        sa.Column("next_product_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'suspended', 'closed')", name=op.f("ck_entrepreneurs_status")
        ),
        sa.CheckConstraint(
            "moo IS NULL OR moo BETWEEN 1 AND 99", name=op.f("ck_entrepreneurs_moo")
        ),
        sa.CheckConstraint(
            "producer_type BETWEEN 1 AND 3", name=op.f("ck_entrepreneurs_producer_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entrepreneurs")),
        sa.UniqueConstraint("reg_no", name=op.f("uq_entrepreneurs_reg_no")),
    )
    with op.batch_alter_table("entrepreneurs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_entrepreneurs_district_code_subdistrict_code"),
            ["district_code", "subdistrict_code"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_entrepreneurs_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_entrepreneurs_national_id"), ["national_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_entrepreneurs_producer_type"), ["producer_type"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_entrepreneurs_registered_on"), ["registered_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_entrepreneurs_status"), ["status"], unique=False)

    op.create_table(
        "export_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("period", sa.Integer(), nullable=True),
        sa.Column("district_code", sa.String(length=4), nullable=True),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_records")),
    )
    with op.batch_alter_table("export_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_export_records_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("house_no", sa.String(length=20), nullable=False),
        sa.Column("moo", sa.SmallInteger(), nullable=False),
        sa.Column("subdistrict_code", sa.String(length=6), nullable=False),
        sa.Column("head_name", sa.String(length=200), nullable=False),
        sa.Column("member_count", sa.SmallInteger(), nullable=False),
        sa.Column("surveyed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
        sa.UniqueConstraint("code", name=op.f("uq_households_code")),
    )
    with op.batch_alter_table("households", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_households_subdistrict_code_moo"),
            ["subdistrict_code", "moo"],
            unique=False,
        )

    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("district_code", sa.String(length=4), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("officer_name", sa.String(length=200), nullable=False),
        sa.Column("officer_position", sa.String(length=200), nullable=False),
        sa.Column("signing_private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("signing_public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('district', 'province', 'nation')", name=op.f("ck_office_kind")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_office_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
    )
    op.create_table(
        "trainings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("organiser", sa.String(length=200), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("budget >= 0", name=op.f("ck_trainings_budget")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trainings")),
    )
    with op.batch_alter_table("trainings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trainings_held_on"), ["held_on"], unique=False)

    op.create_table(
        "digital_readiness",
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("bank_account", sa.Boolean(), nullable=False),
        sa.Column("promptpay", sa.Boolean(), nullable=False),
        sa.Column("qr_payment", sa.Boolean(), nullable=False),
        sa.Column("online_sales", sa.Boolean(), nullable=False),
        sa.Column("digital_accounts", sa.Boolean(), nullable=False),
        sa.Column("gov_scheme", sa.Boolean(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_digital_readiness_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entrepreneur_id", name=op.f("pk_digital_readiness")),
    )
    op.create_table(
        "grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("funder", sa.String(length=200), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_grants_amount")),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_grants_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grants")),
    )
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grants_entrepreneur_id"), ["entrepreneur_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_grants_granted_on"), ["granted_on"], unique=False)

    op.create_table(
        "household_skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("member_name", sa.String(length=200), nullable=False),
        sa.Column("skill", sa.String(length=200), nullable=False),
        sa.Column("industry", sa.String(length=40), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("training_wanted", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_household_skills_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_skills")),
    )
    with op.batch_alter_table("household_skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_skills_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("category", sa.SmallInteger(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("soft_power", sa.String(length=10), nullable=True),
        sa.Column("current_stars", sa.SmallInteger(), nullable=False),
        sa.Column("current_star_year", sa.SmallInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "soft_power IS NULL OR soft_power IN ('Food', 'Fashion')", name=op.f("ck_products_soft")
        ),
        sa.CheckConstraint("category BETWEEN 1 AND 5", name=op.f("ck_products_category")),
        sa.CheckConstraint("current_stars BETWEEN 0 AND 5", name=op.f("ck_products_current_stars")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_products_price")),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_products_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("code", name=op.f("uq_products_code")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_products_current_stars"), ["current_stars"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_products_entrepreneur_id"), ["entrepreneur_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_products_name"), ["name"], unique=False)

    op.create_table(
        "training_participants",
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_training_participants_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_id"],
            ["trainings.id"],
            name=op.f("fk_training_participants_training_id_trainings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "training_id", "entrepreneur_id", name=op.f("pk_training_participants")
        ),
    )
    with op.batch_alter_table("training_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_participants_entrepreneur_id"),
            ["entrepreneur_id"],
            unique=False,
        )

    op.create_table(
        "product_standards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("standard", sa.String(length=20), nullable=False),
        sa.Column("cert_no", sa.String(length=60), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_standards_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_standards")),
        sa.UniqueConstraint(
            "product_id", "standard", name=op.f("uq_product_standards_product_id_standard")
        ),
    )
    op.create_table(
        "sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entrepreneur_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("online_amount", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_sales_amount")),
        sa.CheckConstraint(
            "online_amount >= 0 AND online_amount <= amount", name=op.f("ck_sales_online")
        ),
        sa.ForeignKeyConstraint(
            ["entrepreneur_id"],
            ["entrepreneurs.id"],
            name=op.f("fk_sales_entrepreneur_id_entrepreneurs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_sales_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
    )
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_period"), ["period"], unique=False)
        batch_op.create_index(
            "uq_sales_entrepreneur_period_product",
            ["entrepreneur_id", "period", "product_id"],
            unique=True,
        )
        batch_op.create_index(
            "uq_sales_whole_business",
            ["entrepreneur_id", "period"],
            unique=True,
            sqlite_where=sa.text("product_id IS NULL"),
            postgresql_where=sa.text("product_id IS NULL"),
        )

    op.create_table(
        "star_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("year_be", sa.SmallInteger(), nullable=False),
        sa.Column("stars", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_star_ratings_stars")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_star_ratings_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_star_ratings")),
        sa.UniqueConstraint(
            "product_id", "year_be", name=op.f("uq_star_ratings_product_id_year_be")
        ),
    )


def downgrade() -> None:
    for table in (
        "star_ratings",
        "sales",
        "product_standards",
        "training_participants",
        "products",
        "household_skills",
        "grants",
        "digital_readiness",
        "trainings",
        "office",
        "households",
        "export_records",
        "entrepreneurs",
        "counters",
    ):
        op.drop_table(table)
