"""SQLite: the closings' triggers (0013) find a business's closing entries through the index by
business, not through the index of every closing entry.

To find a business's closing, closed_history_ai, _ad and _au read its entries with
``c.entrepreneur_id = … AND c.status = 'closed'``, and _ad tests for any with
``entrepreneur_id = … AND status = 'closed'``. Without statistics SQLite takes the index on
(status, changed_on) for both, so each new history entry of a closed business, and each
deleted one, read every closing entry of the register: a load of many closings cost their
number squared. The status test is now kept off the index (a unary +), which leaves SQLite
the index on (entrepreneur_id, changed_on): a few entries per business. The triggers do the
same otherwise; tests/test_migrations.py counts the steps of a closing as the register's
closings grow.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TRIGGERS = ("closed_history_ai", "closed_history_ad", "closed_history_au")
#: The status tests as 0013 wrote them, and as they are now.
TESTS = {
    " AND c.status = 'closed'": " AND +c.status = 'closed'",
    " AND status = 'closed')": " AND +status = 'closed')",
}


def _rewrite(changes: dict[str, str]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        sql = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).scalar_one()
        for old, new in changes.items():
            sql = sql.replace(old, new)
        op.execute(f"DROP TRIGGER {name}")
        op.execute(sql)


def upgrade() -> None:
    _rewrite(TESTS)


def downgrade() -> None:
    _rewrite({new: old for old, new in TESTS.items()})
