"""The shared entry widgets: the B.E. date field with its calendar, the messages under
fields, and the small tables of rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from otop_desktop.errors import FieldError
from otop_desktop.thaiformat import thai_today
from ui.widgets.be_date import BEDateEdit, add_months
from ui.widgets.field_error import FieldRows, Level
from ui.widgets.row_table import RowTable

TypeText = Callable[[QLineEdit, str], None]


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


@pytest.fixture
def date_edit(qtbot: QtBot) -> Iterator[BEDateEdit]:
    """A date field in a window of its own, with a second field to move the focus to."""
    window = QWidget()
    form = QFormLayout(window)
    edit = BEDateEdit()
    form.addRow("date", edit)
    form.addRow("other", QLineEdit())
    shown(qtbot, window)
    window.activateWindow()
    edit.setFocus()
    yield edit  # not return: qtbot holds the window weakly, this frame keeps it alive


def finish(qtbot: QtBot, edit: BEDateEdit) -> None:
    """Leaves the field with Enter, as a clerk finishes typing a date."""
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Return)


@pytest.fixture
def english() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def test_a_typed_numeric_date_is_read_as_buddhist_era(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    qtbot.keyClicks(date_edit.line_edit, "15/10/2568")
    with qtbot.waitSignal(date_edit.dateChanged) as changed:
        finish(qtbot, date_edit)
    assert changed.args == [date(2025, 10, 15)]
    assert date_edit.date() == date(2025, 10, 15)
    assert date_edit.text() == "15/10/2568"


@pytest.mark.parametrize(
    "typed",
    ["15 ต.ค. 2568", "15 ตุลาคม 2568", "๑๕/๑๐/๒๕๖๘", "๑๕ ต.ค. ๒๕๖๘", "วันที่ 15 ตุลาคม พ.ศ. 2568"],
)
def test_thai_month_names_and_digits_are_read_and_shown_as_numbers(
    qtbot: QtBot, date_edit: BEDateEdit, type_text: TypeText, typed: str
) -> None:
    type_text(date_edit.line_edit, typed)
    finish(qtbot, date_edit)
    assert date_edit.date() == date(2025, 10, 15)
    assert date_edit.text() == "15/10/2568"
    assert date_edit.message is not None and date_edit.message.isHidden()


def test_a_wrong_date_is_kept_with_its_thai_message(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    date_edit.setDate(date(2025, 10, 15))
    date_edit.line_edit.clear()
    qtbot.keyClicks(date_edit.line_edit, "31/02/2568")
    with qtbot.waitSignal(date_edit.dateChanged) as changed:
        finish(qtbot, date_edit)
    assert changed.args == [None]
    assert date_edit.date() is None
    assert date_edit.text() == "31/02/2568"  # kept, so the clerk sees what to fix
    assert date_edit.message is not None and date_edit.message.isVisible()
    assert date_edit.message.text().startswith("ไม่มีวันที่ 31 ในกุมภาพันธ์ 2568")
    assert date_edit.entered() == "31/02/2568"  # handed on, for the service to refuse
    # Typing again clears the message; it comes back only if the text is still wrong.
    qtbot.keyClick(date_edit.line_edit, Qt.Key.Key_Backspace)
    assert date_edit.message.isHidden()


def test_a_christian_year_is_refused_with_a_hint(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    qtbot.keyClicks(date_edit.line_edit, "15/10/2025")
    finish(qtbot, date_edit)
    assert date_edit.date() is None
    assert date_edit.message is not None
    assert "ค.ศ." in date_edit.message.text()


def test_empty_is_allowed_unless_required(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    date_edit.setDate(date(2025, 10, 15))
    date_edit.line_edit.clear()
    finish(qtbot, date_edit)
    assert date_edit.date() is None and date_edit.entered() is None
    assert date_edit.error() == ""
    date_edit.setRequired(True)
    finish(qtbot, date_edit)
    assert date_edit.error() == "กรุณากรอกวันที่"
    assert date_edit.message is not None and date_edit.message.text() == "กรุณากรอกวันที่"


def test_set_date_shows_it_and_signals_only_a_change(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    with qtbot.waitSignal(date_edit.dateChanged):
        date_edit.setDate(date(2024, 2, 29))
    assert date_edit.text() == "29/02/2567"
    with qtbot.assertNotEmitted(date_edit.dateChanged):
        date_edit.setDate(date(2024, 2, 29))
    date_edit.setDate(None)
    assert date_edit.text() == "" and date_edit.date() is None


def test_the_calendar_shows_buddhist_years_and_thai_months(
    qtbot: QtBot, date_edit: BEDateEdit
) -> None:
    date_edit.setDate(date(2025, 10, 15))
    qtbot.keyClick(date_edit.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = date_edit.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.title.text() == "ตุลาคม 2568"
    assert calendar.grid.hasFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageDown)
    assert calendar.title.text() == "พฤศจิกายน 2568"
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert calendar.title.text() == "พฤศจิกายน 2569"
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(calendar.grid, Qt.Key.Key_PageUp)
    assert calendar.title.text() == "ตุลาคม 2568"


def test_a_day_is_picked_from_the_calendar_by_keyboard(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    date_edit.setDate(date(2025, 10, 15))
    qtbot.keyClick(date_edit.line_edit, Qt.Key.Key_F4)
    calendar = date_edit.calendar
    assert calendar is not None
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Right)  # 16
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Down)  # 23
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Down)  # 30
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Right)  # 31
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Right)  # 1 November: the month turns
    assert calendar.title.text() == "พฤศจิกายน 2568"
    with qtbot.waitSignal(date_edit.dateChanged) as changed:
        qtbot.keyClick(calendar.grid, Qt.Key.Key_Return)
    assert changed.args == [date(2025, 11, 1)]
    assert not calendar.isVisible()
    assert date_edit.text() == "01/11/2568"
    assert date_edit.line_edit.hasFocus()


def test_escape_closes_the_calendar_without_a_change(qtbot: QtBot, date_edit: BEDateEdit) -> None:
    date_edit.setDate(date(2025, 10, 15))
    date_edit.open_calendar()
    calendar = date_edit.calendar
    assert calendar is not None
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Left)
    with qtbot.assertNotEmitted(date_edit.dateChanged):
        qtbot.keyClick(calendar.grid, Qt.Key.Key_Escape)
    assert not calendar.isVisible()
    assert date_edit.date() == date(2025, 10, 15)


def test_the_calendar_opens_on_today_when_the_field_is_empty(
    qtbot: QtBot, date_edit: BEDateEdit
) -> None:
    date_edit.open_calendar()
    assert date_edit.calendar is not None
    assert date_edit.calendar.grid.cursor_day() == thai_today()
    qtbot.mouseClick(date_edit.calendar.today_button, Qt.MouseButton.LeftButton)
    assert date_edit.date() == thai_today()


def test_the_calendar_in_english_names_the_month_in_english_with_the_be_year(
    qtbot: QtBot, date_edit: BEDateEdit, english: None
) -> None:
    date_edit.setDate(date(2025, 10, 15))
    date_edit.open_calendar()
    assert date_edit.calendar is not None
    assert date_edit.calendar.title.text() == "October 2568"


def test_add_months_keeps_the_day_or_takes_the_last() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    assert add_months(date(2025, 3, 31), -13) == date(2024, 2, 29)


def test_errors_go_under_their_fields_and_the_first_field_gets_the_focus(qtbot: QtBot) -> None:
    window = QWidget()
    form = QFormLayout(window)
    rows = FieldRows()
    name, phone, moo = QLineEdit(), QLineEdit(), QSpinBox()
    rows.add_row(form, "&Name", name, "name")
    rows.add_row(form, "&Phone", phone, "phone")
    rows.add_row(form, "&Moo", moo, "moo")
    shown(qtbot, window)
    window.activateWindow()
    unplaced = rows.show_errors(
        [
            FieldError("moo", "หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99", "moo"),
            FieldError("phone", "โทรศัพท์ต้องเป็นตัวเลข", "phone"),
            FieldError("search", "ไม่มีช่องนี้", "no such field"),
        ]
    )
    assert [e.field for e in unplaced] == ["search"]
    assert rows.message("name").isHidden()
    assert rows.message("phone").text() == "โทรศัพท์ต้องเป็นตัวเลข"
    assert rows.message("phone").level is Level.ERROR
    assert rows.message("moo").isVisible()
    # Phone comes first in the form, though the service named moo first.
    assert phone.hasFocus()
    qtbot.keyClicks(phone, "0")
    assert rows.message("phone").isHidden()
    assert rows.message("moo").isVisible()


def test_a_label_mnemonic_focuses_its_field(qtbot: QtBot) -> None:
    window = QWidget()
    form = QFormLayout(window)
    rows = FieldRows()
    first, second = QLineEdit(), QLineEdit()
    rows.add_row(form, "&First", first, "first")
    label = rows.add_row(form, "&Second", second, "second")
    shown(qtbot, window)
    assert label is not None and label.buddy() is second
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(first, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert second.hasFocus()


def test_rows_are_added_and_removed_in_tab_order(qtbot: QtBot) -> None:
    window = QWidget()
    before = QLineEdit()
    table = RowTable(["a", "b"], "&Add", lambda: [QLineEdit(), QLineEdit()])
    after = QLineEdit()
    form = QFormLayout(window)
    form.addRow(before)
    form.addRow(table)
    form.addRow(after)
    shown(qtbot, window)
    window.activateWindow()
    assert table.empty_label.isVisible()
    with qtbot.waitSignal(table.edited):
        first = table.add_row()
    second = table.add_row()
    assert not table.empty_label.isVisible()
    assert second[0].hasFocus()
    before.setFocus()
    visited = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    # Each row: its two cells, then its remove button; then Add, then what follows.
    assert visited[:2] == first
    assert visited[3:5] == second
    assert visited[6:] == [table.add_button, after]
    qtbot.mouseClick(visited[2], Qt.MouseButton.LeftButton)
    assert table.rows() == [second]
    table.remove_row(0)
    assert table.rows() == []
    assert table.empty_label.isVisible()
