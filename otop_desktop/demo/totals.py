"""The kept totals (migrations 0010 and 0013) set aside during a demo load on SQLite and
summed once at its end.

Triggers keep those tables exact row by row: every sale, product, certificate, checklist,
history entry and business written adds itself to them by an upsert. For a load of millions
of rows that is most of the work. The demo fills an empty register, whose rows are all
its own, so it loads them without those triggers and then sums each table once, by the rule
its triggers keep (as the migrations seeded an existing register; sales_totals with each
business's main category looked up once), and makes the triggers again: all in the caller's
transaction. tests/test_demo.py compares the sums with the triggers' totals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from otop_desktop.services.readiness import CHECKS as _CHECKS

#: The triggers that run when a demo's rows are inserted, but for the trigram index's
#: (search.bulk_load sets those aside).
_TRIGGERS = (
    "sales_totals_sale_ai",
    "sales_totals_product_bi",
    "sales_totals_product_ai",
    "product_totals_ai",
    "status_totals_ai",
    "status_totals_opened_ai",
    "business_totals_ai",
    "closed_history_ai",
    "closed_product_ai",
    "closed_standard_ai",
    "closed_readiness_ai",
    "standard_totals_ai",
    "readiness_totals_ai",
)


def _period(day: str) -> str:
    """The B.E. period key (256810) of an ISO date, as SQLite stores dates."""
    return (
        f"(CAST(strftime('%Y', {day}) AS INTEGER) + 543) * 100"
        f" + CAST(strftime('%m', {day}) AS INTEGER)"
    )


_CLOSED = _period("c.closed_since")
#: Each business's main category: that of most of its products, the lowest code on a tie;
#: looked up once per business (the trigger looks it up once per sale), in a table keyed by
#: business so that each sale finds it at once.
_MAIN = (
    "CREATE TEMP TABLE demo_main_category (entrepreneur_id INTEGER PRIMARY KEY, category)",
    "INSERT INTO demo_main_category SELECT entrepreneur_id, category FROM (SELECT"
    " entrepreneur_id, category, row_number() OVER (PARTITION BY entrepreneur_id"
    " ORDER BY count(*) DESC, category) AS n FROM products WHERE category IS NOT NULL"
    " GROUP BY entrepreneur_id, category) WHERE n = 1",
)

#: Every kept table summed from the rows, into the empty tables.
_SUMS = (
    # Sales by month, district, the category they count under (a whole-business row's is
    # the business's main category; 0 for none) and Soft Power line.
    *_MAIN,
    "INSERT INTO sales_totals (period, district_code, category, soft_power, amount, row_count)"
    " SELECT s.period, e.district_code,"
    " COALESCE(CASE WHEN s.product_id IS NULL THEN m.category ELSE p.category END, 0),"
    " COALESCE(p.soft_power, ''), SUM(s.amount), COUNT(*)"
    " FROM sales s JOIN entrepreneurs e ON e.id = s.entrepreneur_id"
    " LEFT JOIN products p ON p.id = s.product_id"
    " LEFT JOIN demo_main_category m ON m.entrepreneur_id = s.entrepreneur_id"
    " GROUP BY 1, 2, 3, 4",
    "DROP TABLE demo_main_category",
    "INSERT INTO product_totals (district_code, category, soft_power, stars, products)"
    " SELECT e.district_code, COALESCE(p.category, 0), COALESCE(p.soft_power, ''),"
    " p.current_stars, COUNT(*) FROM products p JOIN entrepreneurs e ON e.id = p.entrepreneur_id"
    " GROUP BY 1, 2, 3, 4",
    # The history's entries by month and status, and the registrations as 'opened' (a
    # status no entry has).
    "INSERT INTO status_totals (period, status, entries)"
    f" SELECT {_period('changed_on')}, status, COUNT(*) FROM status_changes GROUP BY 1, 2",
    "INSERT INTO status_totals (period, status, entries)"
    f" SELECT {_period('registered_on')}, 'opened', COUNT(*) FROM entrepreneurs"
    " WHERE registered_on IS NOT NULL GROUP BY 1",
    "INSERT INTO business_totals (district_code, businesses)"
    " SELECT district_code, COUNT(*) FROM entrepreneurs GROUP BY 1",
    # Each business whose latest entries are closings, from the first of them (by date,
    # then entry); then what those businesses hold.
    "INSERT INTO business_closures (entrepreneur_id, closed_since)"
    " SELECT c.entrepreneur_id, MIN(c.changed_on) FROM status_changes c"
    " WHERE c.status = 'closed' AND NOT EXISTS (SELECT 1 FROM status_changes n"
    " WHERE n.entrepreneur_id = c.entrepreneur_id AND n.status <> 'closed'"
    " AND (n.changed_on > c.changed_on OR (n.changed_on = c.changed_on AND n.id > c.id)))"
    " GROUP BY c.entrepreneur_id",
    "INSERT INTO closed_products (period, district_code, category, soft_power, stars, products)"
    f" SELECT {_CLOSED}, e.district_code, COALESCE(p.category, 0), COALESCE(p.soft_power, ''),"
    " p.current_stars, COUNT(*) FROM business_closures c"
    " JOIN entrepreneurs e ON e.id = c.entrepreneur_id"
    " JOIN products p ON p.entrepreneur_id = c.entrepreneur_id GROUP BY 1, 2, 3, 4, 5",
    "INSERT INTO closed_businesses (period, district_code, businesses)"
    f" SELECT {_CLOSED}, e.district_code, COUNT(*) FROM business_closures c"
    " JOIN entrepreneurs e ON e.id = c.entrepreneur_id GROUP BY 1, 2",
    "INSERT INTO closed_standards (period, standard, expires_period, certificates)"
    f" SELECT {_CLOSED}, s.standard, COALESCE({_period('s.expires_on')}, 0), COUNT(*)"
    " FROM business_closures c JOIN products p ON p.entrepreneur_id = c.entrepreneur_id"
    " JOIN product_standards s ON s.product_id = p.id GROUP BY 1, 2, 3",
    f"INSERT INTO closed_readiness (period, {', '.join(_CHECKS)}, businesses)"
    f" SELECT {_CLOSED}, {', '.join('r.' + c for c in _CHECKS)}, COUNT(*)"
    " FROM business_closures c JOIN digital_readiness r ON r.entrepreneur_id = c.entrepreneur_id"
    " GROUP BY 1, 2, 3, 4, 5, 6, 7",
    # Every certificate by standard and month of expiry (0 for none), every checklist.
    "INSERT INTO standard_totals (standard, expires_period, certificates)"
    f" SELECT standard, COALESCE({_period('expires_on')}, 0), COUNT(*) FROM product_standards"
    " GROUP BY 1, 2",
    f"INSERT INTO readiness_totals ({', '.join(_CHECKS)}, businesses)"
    f" SELECT {', '.join(_CHECKS)}, COUNT(*) FROM digital_readiness GROUP BY {', '.join(_CHECKS)}",
)


@contextmanager
def totals_at_end(conn: Connection) -> Iterator[None]:
    """Wraps a demo load into an empty SQLite register (elsewhere, where the figures are
    read from the rows, it does nothing)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    names = ", ".join(f"'{name}'" for name in _TRIGGERS)
    triggers = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})"
    ).all()
    if len(triggers) != len(_TRIGGERS):
        # A register's schema is at the program's revision: a bug, never a user's mistake.
        raise RuntimeError("the register lacks a kept totals' trigger the demo sets aside")
    for name, _ in triggers:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for statement in _SUMS:
        conn.exec_driver_sql(statement)
    for _, sql in triggers:
        conn.exec_driver_sql(sql)
