"""The audit trail screen: who did what and when, newest first, narrowed by person, record
(registration number or product / household code), kind of action and B.E. dates; older
entries come as the list is scrolled; the filtered trail is exported to a workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.audit.query import AuditFilter, actions, actors
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.thaiformat import be_year, thai_today
from ui.accounts.background import Background
from ui.audit.model import AuditTableModel
from ui.audit.texts import action_text
from ui.file_dialogs import save_file_name
from ui.headings import heading
from ui.jobs import Job, Progress
from ui.messages import message_title, show_user_error
from ui.widgets.be_date import BEDateEdit
from ui.widgets.confirm import confirm
from ui.widgets.field_error import FieldMessage

if TYPE_CHECKING:
    from otop_desktop.audit.workbook import WrittenTrail

# Typical cells, to size the columns by (the last, what changed, takes the rest).
SAMPLES = (
    "30/12/2568 23:59:59",
    "somchai.k",
    "Revealed personal data",
    "ผู้ประกอบการ 5013-2567-0042",
)


def audit_table(model: AuditTableModel) -> QTableView:
    """A read-only, row-selecting view of the trail with its columns sized for their texts."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    metrics = view.fontMetrics()
    for column, sample in enumerate(SAMPLES):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        view.setColumnWidth(column, width + 24)
    return view


class AuditPage(QWidget):
    """Read again each time it is shown (the trail grows with every action)."""

    #: The export was written (its WrittenTrail).
    exported = Signal(object)

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register

        self.person = QComboBox()
        self.person.setMinimumContentsLength(12)
        self.record = QLineEdit()
        self.record.setMaxLength(40)
        self.record.setClearButtonEnabled(True)
        self.record.setPlaceholderText(self.tr("registration number or code"))
        self.record.setMinimumWidth(
            self.record.fontMetrics().horizontalAdvance(self.record.placeholderText()) + 32
        )
        self.action = QComboBox()
        self.action.setMinimumContentsLength(16)
        self.since = BEDateEdit()
        self.until = BEDateEdit()
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.filter_message = FieldMessage()
        self._fill_combo(self.person, [], self.tr("Everyone"), str)
        self._fill_combo(self.action, [], self.tr("Every action"), action_text)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        self._add_filter(filters, 0, 0, self.tr("&Person:"), self.person)
        self._add_filter(filters, 0, 2, self.tr("&Record:"), self.record)
        self._add_filter(filters, 0, 4, self.tr("&Action:"), self.action)
        self._add_filter(filters, 1, 0, self.tr("&From:"), self.since)
        self._add_filter(filters, 1, 2, self.tr("&To:"), self.until)
        filters.addWidget(self.clear_button, 1, 5, Qt.AlignmentFlag.AlignLeft)
        filters.setColumnStretch(6, 1)

        self.model = AuditTableModel(register, parent=self)
        self.model.failed.connect(lambda error: show_user_error(self, error))
        self.model.fetched.connect(self._show_count)
        self.table = audit_table(self.model)

        self.count = QLabel()
        self.export_button = QPushButton(self.tr("&Export to .xlsx…"))
        self.export_button.setToolTip(
            self.tr("Write the entries shown by the filters to a workbook")
        )
        self.export_button.clicked.connect(self.export)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Audit trail")))
        layout.addLayout(filters)
        layout.addWidget(self.filter_message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.background = Background(self, [self.export_button])
        self._choices_job: Job[tuple[list[str], list[str]]] | None = None
        self.person.currentIndexChanged.connect(self.apply_filters)
        self.action.currentIndexChanged.connect(self.apply_filters)
        self.record.returnPressed.connect(self.apply_filters)
        self.record.editingFinished.connect(self._record_left)
        self.since.dateChanged.connect(self.apply_filters)
        self.until.dateChanged.connect(self.apply_filters)
        self._applied: AuditFilter | None = None

    @staticmethod
    def _add_filter(grid: QGridLayout, row: int, column: int, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field.focusProxy() or field)
        grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(field, row, column + 1)

    # Showing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """The newest entries for the filters as set, and the people and kinds of action the
        trail holds (read off the GUI thread: it walks the whole trail)."""
        self.apply_filters(force=True)
        self._read_choices()

    def _read_choices(self) -> None:
        register = self._register

        def read(_progress: Progress) -> tuple[list[str], list[str]]:
            with register.read() as session:
                return actors(session), actions(session)

        job: Job[tuple[list[str], list[str]]] = Job(read)
        self._choices_job = job
        job.succeeded.connect(self._show_choices)
        job.start()

    def _show_choices(self, choices: tuple[list[str], list[str]]) -> None:
        self._choices_job = None
        people, kinds = choices
        self._fill_combo(self.person, people, self.tr("Everyone"), str)
        self._fill_combo(self.action, kinds, self.tr("Every action"), action_text)

    @property
    def choices_read(self) -> bool:
        return self._choices_job is None

    @staticmethod
    def _fill_combo(
        combo: QComboBox, values: list[str], everything: str, text: Callable[[str], str]
    ) -> None:
        """``everything`` (no filter) and then each value by its text, keeping the choice."""
        chosen = combo.currentData() or ""
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(text(value), value)
            if chosen and combo.findData(chosen) < 0:
                combo.addItem(text(chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    # Filters ------------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            actor=self.person.currentData() or "",
            record=self.record.text().strip(),
            action=self.action.currentData() or "",
            since=self.since.date(),
            until=self.until.date(),
        )

    def _record_left(self) -> None:
        # Leaving the field applies what was typed, as Enter does.
        if self.record.text().strip() != (self._applied.record if self._applied else ""):
            self.apply_filters()

    def apply_filters(self, *_args: object, force: bool = False) -> None:
        where = self.current_filter()
        if not force and where == self._applied:
            return
        since, until = where.since, where.until
        if since is not None and until is not None and since > until:
            self.filter_message.show_message(self.tr("The first date is after the last date"))
            return
        self.filter_message.clear_message()
        try:
            self.model.set_filter(where)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._applied = where
        if self.model.rowCount():
            self.table.scrollToTop()

    def clear_filters(self) -> None:
        for combo in (self.person, self.action):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.record.clear()
        for field in (self.since, self.until):
            field.blockSignals(True)
            field.setDate(None)
            field.blockSignals(False)
        self.apply_filters()

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        locale = self.locale()
        if shown == 0:
            text = self.tr("No entries match the filters")
        elif self.model.complete:
            text = self.tr("{n} entries, newest first").format(n=locale.toString(shown))
        else:
            text = self.tr("The newest {n} entries; older ones follow as you scroll").format(
                n=locale.toString(shown)
            )
        self.count.setText(text)

    # Export -------------------------------------------------------------------------------

    def default_export_path(self) -> Path:
        today = thai_today()
        return Path.home() / f"audit-{be_year(today)}-{today:%m-%d}.xlsx"

    def export(self) -> None:
        """The entries the filters select, to a workbook the clerk names (asking before an
        existing file is replaced); written off the GUI thread."""
        name = save_file_name(
            self,
            self.tr("Export the audit trail"),
            str(self.default_export_path()),
            self.tr("Excel workbooks (*.xlsx)"),
            confirm_overwrite=False,
        )
        if not name:
            return
        out = Path(name)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        force = False
        if out.exists():
            question = self.tr("{file} exists already. Replace it?").format(file=out)
            if not confirm(self, question, self.tr("Replace"), self.tr("Keep the file")):
                return
            force = True
        # openpyxl (a quarter of a second and more to import) only when a trail is saved,
        # not before the first window.
        from otop_desktop.audit.workbook import write_trail

        register, where = self._register, self.model.where
        self.count.setText(self.tr("Writing {file}…").format(file=out.name))
        self.background.run(
            lambda: write_trail(register, where, out, force=force),
            self._exported,
            self._export_refused,
        )

    def _exported(self, written: WrittenTrail) -> None:
        self.apply_filters(force=True)  # the export is in the trail now
        QMessageBox.information(
            self,
            message_title(),
            self.tr("{n} entries were written to {file}").format(
                n=self.locale().toString(written.rows), file=written.path
            ),
        )
        self.exported.emit(written)

    def _export_refused(self, error: UserError) -> None:
        self._show_count()
        show_user_error(self, error)
