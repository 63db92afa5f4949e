"""The desktop on a register kept by a PostgreSQL server: its start warns of a database whose
locale leaves Thai out of the search index (and goes on working), and it makes no automatic
backups of the server's register."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from tests.conftest import add_record
from ui.main_window import MainWindow


@pytest.fixture
def c_locale_register(pg_server: Engine) -> Iterator[Register]:
    """A register in a database made with LC_CTYPE=C (pg_trgm makes no Thai trigrams)."""
    name = f"otop_ui_ctype_c_{os.getpid()}"
    with pg_server.connect() as conn:
        conn.execute(text(f"CREATE DATABASE \"{name}\" LOCALE 'C' TEMPLATE template0"))
    db = pg_server.url.set(database=name).render_as_string(hide_password=False)
    try:
        with init_register(db, OfficeKind.DISTRICT, "5013") as register:
            yield register
    finally:
        with pg_server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_a_database_without_thai_letters_is_warned_of_at_start_and_still_works(
    qtbot: QtBot, c_locale_register: Register
) -> None:
    window = MainWindow(c_locale_register)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    check = window.startup_check
    qtbot.waitUntil(
        lambda: check.warning_box is not None and check.warning_box.isVisible(), timeout=5000
    )
    assert check.warning_box is not None
    told = check.warning_box.text()
    assert "LC_CTYPE" in told and "C.UTF-8" in told and "template0" in told
    assert check.problems == [] and not check.writes_refused
    check.warning_box.accept()
    add_record(c_locale_register, "ร้านผ้าไหมแม่ศรี")  # a warning, not a refusal
    # A clerk's PC makes no backups of a server's register: the server does.
    assert not window.backups.available
    assert window.close()
