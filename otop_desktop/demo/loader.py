"""Bulk inserts of plain row tuples, much faster than the ORM and than executemany.

Rows go in as multi-row ``INSERT … VALUES (…), (…), …`` statements of some thousand rows.
Measured on SQLite with nation-size data, that nearly halves the time of executemany for a
plain table (sales), and it is more than three times faster for the tables with a full-text
index: FTS5 flushes its pending index at the end of every statement, so executemany (one
statement per row) writes one tiny index segment per row and then spends its time merging
them.

PostgreSQL gets its rows by COPY instead: a statement of thousands of placeholders costs
psycopg more to build than the server takes to run it (some 60% of a demo's time), while
COPY streams the rows as they are."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from otop_desktop.database import without_values


def _table(name: str, columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns.split()))


# Tuples follow the column order given here. Money columns take whole satang (the Money
# type's storage), dates ISO text, timestamps the text SQLAlchemy stores for SQLite.
ENTREPRENEURS = _table(
    "entrepreneurs",
    "id reg_no district_code producer_type name contact_name national_id house_no moo "
    "subdistrict_code phone member_count status status_reason status_date registered_on "
    "previous_reg_no next_product_seq search_text search_mask search_pos created_at updated_at",
)
STATUS_CHANGES = _table("status_changes", "entrepreneur_id changed_on status reason")
PRODUCTS = _table(
    "products",
    "id entrepreneur_id code name category price unit soft_power current_stars "
    "current_star_year search_text search_mask search_pos created_at updated_at",
)
STAR_RATINGS = _table("star_ratings", "product_id year_be stars")
PRODUCT_STANDARDS = _table("product_standards", "product_id standard cert_no expires_on")
DIGITAL_READINESS = _table(
    "digital_readiness",
    "entrepreneur_id bank_account promptpay qr_payment online_sales digital_accounts "
    "gov_scheme assessed_on",
)
SALES = _table("sales", "entrepreneur_id period product_id amount online_amount")
HOUSEHOLDS = _table(
    "households",
    "id code house_no moo subdistrict_code head_name member_count surveyed_on created_at",
)
HOUSEHOLD_SKILLS = _table(
    "household_skills", "household_id member_name skill industry level training_wanted"
)
TRAININGS = _table("trainings", "id held_on topic organiser budget")
TRAINING_PARTICIPANTS = _table("training_participants", "training_id entrepreneur_id")
GRANTS = _table("grants", "entrepreneur_id granted_on amount purpose funder")
COUNTERS = _table("counters", "name value")

#: Parents before children, so that every foreign key finds its row.
TABLES = (
    ENTREPRENEURS,
    STATUS_CHANGES,
    PRODUCTS,
    STAR_RATINGS,
    PRODUCT_STANDARDS,
    DIGITAL_READINESS,
    SALES,
    HOUSEHOLDS,
    HOUSEHOLD_SKILLS,
    TRAININGS,
    TRAINING_PARTICIPANTS,
    GRANTS,
    COUNTERS,
)

# SQLite allows 32,766 parameters per statement, PostgreSQL 65,535.
_MAX_PARAMS = 32_000
#: Positional markers of the drivers (sqlite3, psycopg).
_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s"}


class Batch:
    """Rows waiting to be written, per table."""

    def __init__(self) -> None:
        self.rows: dict[sa.TableClause, list[tuple[object, ...]]] = {t: [] for t in TABLES}

    def __len__(self) -> int:
        return sum(len(r) for r in self.rows.values())


def write(connection: Connection, batch: Batch) -> None:
    for table in TABLES:
        _insert(connection, table, batch.rows[table])


def _insert(connection: Connection, table: sa.TableClause, rows: list[tuple[object, ...]]) -> None:
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
        return
    mark = _PLACEHOLDER[connection.dialect.paramstyle]
    quote = connection.dialect.identifier_preparer.quote
    width = len(table.c)
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in table.c)}) VALUES "
    one = "(" + ", ".join([mark] * width) + ")"
    for chunk in _chunks(rows, _MAX_PARAMS // width):
        params = tuple(chain.from_iterable(chunk))
        connection.exec_driver_sql(head + ", ".join([one] * len(chunk)), params)


def _copy(connection: Connection, table: sa.TableClause, rows: list[tuple[object, ...]]) -> None:
    """COPY of ``rows`` in the connection's transaction (the driver's own connection, so
    that a failure later rolls them back with everything else)."""
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c.name) for c in table.c)
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection always has one
    try:
        with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    except Exception as error:
        # The server's CONTEXT quotes the refused row (a citizen's ID, a name), and an error
        # ends in the log: only its primary message goes on.
        without_values(error)
        raise


@contextmanager
def foreign_keys_at_end(connection: Connection) -> Iterator[None]:
    """On PostgreSQL, the loaded tables' foreign keys dropped for the load and added again
    after it, in the caller's transaction: the server checks a key row by row as it is
    copied (a look-up of the parent per row, a good part of the load), and a key added to a
    filled table in one pass over both. Elsewhere it does nothing (SQLite checks a key as
    cheaply as it writes the row)."""
    if connection.dialect.name != "postgresql":
        yield
        return
    names = ", ".join(f"'{table.name}'" for table in TABLES)
    keys = connection.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        f" WHERE contype = 'f' AND conrelid::regclass::text IN ({names})"
        " AND connamespace = current_schema()::regnamespace ORDER BY 1, 2"
    ).all()
    quote = connection.dialect.identifier_preparer.quote
    for table, name, _ in keys:
        connection.exec_driver_sql(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    yield
    for table, name, definition in keys:
        connection.exec_driver_sql(
            f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
        )


@contextmanager
def indexes_at_end(connection: Connection) -> Iterator[None]:
    """The loaded tables' secondary indexes dropped for the load and made again after it
    from their own definitions, in the caller's transaction: an index made over a filled
    table is one sort, where kept row by row it is a random write per row. Indexes that
    back a primary key or unique constraint stay (SQLite cannot drop those)."""
    names = ", ".join(f"'{table.name}'" for table in TABLES)
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({names}) ORDER BY 1"
        ).all()
    elif connection.dialect.name == "postgresql":
        found = connection.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            f" AND tablename IN ({names}) AND indexname NOT IN"
            " (SELECT conname FROM pg_constraint WHERE conindid <> 0) ORDER BY 1"
        ).all()
    else:
        found = []
    quote = connection.dialect.identifier_preparer.quote
    for name, _ in found:
        connection.exec_driver_sql(f"DROP INDEX {quote(name)}")
    yield
    for _, definition in found:
        connection.exec_driver_sql(definition)
    if connection.dialect.name == "postgresql":
        # The planner's figures for the filled tables, which choose between a search index
        # and a walk of a list's order; the server's autovacuum would take them minutes later.
        for table in TABLES:
            connection.exec_driver_sql(f"ANALYZE {quote(table.name)}")


def _chunks(rows: list[tuple[object, ...]], size: int) -> Iterator[list[tuple[object, ...]]]:
    """Statements of ``size`` rows, the rest in powers of two. A prepared statement of some
    thousand rows holds megabytes in the driver's statement cache; few distinct lengths keep
    that cache small (one length per batch ran a nation demo up to 600 MB)."""
    start = 0
    while len(rows) - start >= size:
        yield rows[start : start + size]
        start += size
    while start < len(rows):
        step = 1 << ((len(rows) - start).bit_length() - 1)
        yield rows[start : start + step]
        start += step
