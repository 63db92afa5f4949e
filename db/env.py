"""Alembic environment. The program runs migrations itself when it opens a register
(otop_desktop.database.upgrade) and hands over its connection; a developer may also run
``alembic -c db/alembic.ini -x db=PATH_OR_URL upgrade head``."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from otop_desktop.models import Base

config = context.config


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # The full-text index is SQLite's own virtual table (and its shadow tables), kept by
    # triggers made in migration 0002; it has no place in the ORM metadata.
    return not (type_ == "table" and name is not None and "_fts" in name)


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    from otop_desktop.database import make_engine

    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("pass the register with -x db=PATH_OR_URL")
    engine = make_engine(db)
    with engine.begin() as conn:
        run_on(conn)
    engine.dispose()
