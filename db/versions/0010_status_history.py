"""The history of each business's status (opened, suspended, reopened, closed by year),
seeded from today's status: a registration entry (active, on the registration date) for
every record with a registration date, then, for a business not active, its status on its
status date (the registration date when that is not given). The entrepreneur's ``status``
and ``status_date`` stay as the latest entry.

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


def upgrade() -> None:
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


def downgrade() -> None:
    op.drop_index(op.f("ix_status_changes_status_changed_on"), table_name="status_changes")
    op.drop_index(op.f("ix_status_changes_entrepreneur_id_changed_on"), table_name="status_changes")
    op.drop_table("status_changes")
