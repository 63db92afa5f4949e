"""The desktop's loop over registers (ui.launch, which main.py starts): File → New/Open
register closes the window and opens the other register; when that one's set-up is
cancelled, the register open before comes back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from otop_desktop.domain import OfficeKind
from otop_desktop.services.office import init_register
from ui import launch
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow


def test_a_cancelled_new_register_goes_back_to_the_one_open_before(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: list[str]
) -> None:
    first = tmp_path / "first.sqlite3"
    init_register(first, OfficeKind.DISTRICT, "5013").close()
    other = tmp_path / "other.sqlite3"
    init_register(other, OfficeKind.DISTRICT, "5019").close()
    new = tmp_path / "new.sqlite3"
    foreign = tmp_path / "ledger.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE ledger (amount INTEGER)")
    connection.close()
    monkeypatch.setattr(launch, "offer_first_head", lambda *_args, **_kw: None)
    set_up: list[str] = []

    def cancel_set_up(dialog: FirstRunDialog) -> int:
        set_up.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunDialog, "exec", cancel_set_up)
    titles: list[str] = []
    # What the clerk does in each window the loop opens, in turn.
    steps = [
        lambda w: w.change_register(str(new)),  # File → New register…, then cancelled
        lambda w: w.change_register(str(foreign)),  # another program's database: refused
        lambda w: w.change_register(str(other)),  # back in the first: open another
        lambda w: w.close(),  # in the other: quit
    ]

    def run_window() -> int:
        [window] = [
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        titles.append(window.windowTitle())
        steps.pop(0)(window)
        window.deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", run_window)
    assert launch.main(["--db", str(first)]) == 0
    opened = [t.split("(")[-1] for t in titles]
    assert opened == ["first.sqlite3)"] * 3 + ["other.sqlite3)"]
    assert set_up == ["ตั้งค่าทะเบียน OTOP"]
    assert not new.exists()
    # Refused in the core's words, with nothing of a register set up in it.
    assert desktop == [f"{foreign} is not an OTOP register (run init)"]
    with sqlite3.connect(foreign) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        assert tables.fetchall() == [("ledger",)]
    connection.close()
    # The desktop fixture hands launch the same preferences each time it asks.
    assert launch.Preferences().recent_registers() == [str(other), str(first)]
