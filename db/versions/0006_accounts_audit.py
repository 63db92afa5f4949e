"""Accounts and roles, the signing key sealed for the heads, every public key with its dates,
the hash-chained audit trail, and a version on each record a clerk edits.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

VERSIONED = ("entrepreneurs", "products", "households", "trainings", "grants")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('clerk', 'head', 'viewer')", name=op.f("ck_accounts_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_accounts_name")),
    )
    op.create_table(
        "key_wraps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("salt", sa.LargeBinary(length=16), nullable=False),
        sa.Column("nonce", sa.LargeBinary(length=12), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_key_wraps_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_wraps")),
        sa.UniqueConstraint("account_id", name=op.f("uq_key_wraps_account_id")),
    )
    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=4), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_to", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_keys")),
    )
    op.create_index(
        op.f("ix_signing_keys_owner_valid_from"), "signing_keys", ["owner", "valid_from"]
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("record", sa.String(length=40), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    for columns in (["actor", "id"], ["record", "id"], ["action", "id"], ["at"]):
        op.create_index(op.f(f"ix_audit_log_{'_'.join(columns)}"), "audit_log", columns)
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.execute("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '')")
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    # The office: the key of the trail's keyed hashes, the sealed signing key, and a private
    # key that may now be absent (sealed). Batch mode copies the office table: it has no
    # triggers to lose.
    op.add_column("office", sa.Column("audit_key", sa.LargeBinary(length=32), nullable=True))
    op.add_column(
        "office", sa.Column("sealed_signing_key", sa.LargeBinary(length=60), nullable=True)
    )
    op.add_column(
        "office",
        sa.Column("idle_lock_minutes", sa.Integer(), server_default="15", nullable=False),
    )
    op.add_column("entrepreneurs", sa.Column("anonymised_on", sa.Date(), nullable=True))
    op.execute(sa.text("UPDATE office SET audit_key = :k").bindparams(k=os.urandom(32)))
    with op.batch_alter_table("office") as batch:
        batch.alter_column("audit_key", existing_type=sa.LargeBinary(length=32), nullable=False)
        batch.alter_column(
            "signing_private_key", existing_type=sa.LargeBinary(length=32), nullable=True
        )
    # Every public key in use so far, valid since the register was made (district side) or
    # since the workbook that carried it (province side).
    op.execute(
        "INSERT INTO signing_keys (owner, public_key, valid_from) "
        "SELECT coalesce(district_code, province_code, ''), signing_public_key, created_at "
        "FROM office"
    )
    op.execute(
        "INSERT INTO signing_keys (owner, public_key, valid_from) "
        "SELECT district_code, public_key, updated_at FROM district_keys"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE entrepreneurs DROP COLUMN anonymised_on")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("idle_lock_minutes")
        batch.drop_column("sealed_signing_key")
        batch.drop_column("audit_key")
    for table in VERSIONED:
        # Not batch mode: on SQLite that copies the table and loses its search triggers.
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
    for table in ("audit_head", "audit_log", "signing_keys", "key_wraps", "accounts"):
        op.drop_table(table)
