"""The province office's side: import the districts' workbooks, see which district has sent
which month of a fiscal year (and, as a head, withdraw a workbook accepted by mistake), and
write the consolidated provincial workbook (or every district's workbook) for a month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.outputs import existing
from otop_desktop.services.exports import past_exports
from otop_desktop.submission.completeness import completeness
from otop_desktop.submission.export import ExportResult, export_monthly, monthly_targets
from otop_desktop.submission.province_import import FileResult, import_submissions
from otop_desktop.submission.provincial import ProvinceResult, export_province, province_file_name
from otop_desktop.submission.withdraw import withdraw
from otop_desktop.thaiformat import Period, fiscal_year_of_period, last_complete, thai_today
from ui.file_dialogs import existing_directory, open_file_names
from ui.jobs import Progress, run_with_progress
from ui.lang import pick
from ui.messages import show_user_error
from ui.submission.models import CompletenessModel
from ui.submission.results import ImportResults, ResultRelay
from ui.submission.texts import district_text, period_text, rows_label
from ui.submission.widgets import (
    ExportSummary,
    PastExports,
    ask_save_path,
    ask_to_replace,
    default_folder,
)
from ui.widgets.confirm import confirm
from ui.widgets.month_picker import FIRST_YEAR_BE, MonthPicker

#: Districts still missing the last due month that the note above the grid names.
MISSING_NAMED = 6


class ProvincePanel(QWidget):
    def __init__(
        self, register: Register, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._register = register
        office = register.office()
        assert office is not None
        self.province_code = office.province_code or ""
        self.due = last_complete(today or thai_today())
        self.folder = default_folder()

        self.import_button = QPushButton(self.tr("Import district workbooks…"))
        self.import_button.setToolTip(
            self.tr(
                "Reads the monthly workbooks the districts sent; each file is accepted or "
                "refused on its own."
            )
        )
        self.picker = MonthPicker(today=today)
        self.province_button = QPushButton(self.tr("Export the provincial workbook…"))
        self.province_button.setToolTip(
            self.tr("Every district's rows of the month and a summary by district and category.")
        )
        self.districts_button = QPushButton(self.tr("Export every district's workbook…"))
        self.districts_button.setToolTip(
            self.tr("One monthly workbook per district, written to a folder.")
        )

        #: Shown by the page beside its title.
        self.header_button = self.import_button

        self.tabs = QTabWidget()
        self.tabs.addTab(self._grid_tab(), self.tr("Who has sent"))
        self.results = ImportResults()
        self.tabs.addTab(self.results, self.tr("Import results"))
        self.summary = ExportSummary()
        self.exports = PastExports()
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Month:")))
        export_row.addWidget(self.picker)
        export_row.addWidget(self.province_button)
        export_row.addWidget(self.districts_button)
        export_row.addStretch(1)
        self.exports_tab = QWidget()
        exports_layout = QVBoxLayout(self.exports_tab)
        exports_layout.addLayout(export_row)
        exports_layout.addWidget(self.summary)
        exports_layout.addWidget(self.exports, 1)
        self.tabs.addTab(self.exports_tab, self.tr("Exports"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)

        self.import_button.clicked.connect(self.import_workbooks)
        self.province_button.clicked.connect(self.export_province)
        self.districts_button.clicked.connect(self.export_districts)
        self.year_spin.valueChanged.connect(self.refresh_grid)
        self.refresh()

    def _grid_tab(self) -> QWidget:
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR_BE, fiscal_year_of_period(self.due.next()))
        self.year_spin.setValue(fiscal_year_of_period(self.due))
        self.year_spin.setPrefix(self.tr("Fiscal year B.E. "))
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.setAccessibleName(self.tr("Fiscal year (B.E.)"))
        self.grid_note = QLabel()
        self.grid_note.setWordWrap(True)
        self.grid_model = CompletenessModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        metrics = self.grid.fontMetrics()
        self.grid.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(
            metrics.horizontalAdvance("ก.ค. 68") + 12
        )

        self.withdraw_button = QPushButton(self.tr("Withdraw the workbook…"))
        self.withdraw_button.setToolTip(
            self.tr(
                "A head only: the selected district's data go back to what they were before "
                "the workbook of the selected month was imported."
            )
        )
        self.withdraw_button.setEnabled(False)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.grid.selectionModel().currentChanged.connect(self._selection_changed)

        row = QHBoxLayout()
        row.addWidget(self.year_spin)
        row.addWidget(self.grid_note, 1)
        row.addWidget(self.withdraw_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.grid, 1)
        return tab

    def fiscal_year(self) -> tuple[Period, Period]:
        year = self.year_spin.value()
        return Period(year - 1, 10), Period(year, 9)

    def refresh(self) -> None:
        self.refresh_grid()
        with self._register.read() as session:
            self.exports.load(past_exports(session))

    def refresh_grid(self) -> None:
        with self._register.read() as session:
            grid = completeness(session, *self.fiscal_year())
        self.grid_model.load(grid, self.due)
        self._selection_changed()
        due = [p for p in grid.periods if p <= self.due]
        if not due:
            self.grid_note.setText(self.tr("No month of this fiscal year is due yet."))
            return
        last = due[-1]
        missing = grid.missing(last)
        text = self.tr("{month}: {sent} of {count} districts have sent their workbook.").format(
            month=period_text(last), sent=grid.sent(last), count=len(grid.districts)
        )
        if 0 < len(missing) <= MISSING_NAMED:
            names = ", ".join(pick(d.name_th, d.name_en) for d in missing)
            text += " " + self.tr("Not yet: {names}.").format(names=names)
        self.grid_note.setText(text)

    # --- importing ---------------------------------------------------------------------

    def import_workbooks(self) -> None:
        chosen = open_file_names(
            self,
            self.tr("District workbooks to import"),
            str(self.folder),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if not chosen:
            return
        paths = [Path(p) for p in chosen]
        self.folder = paths[0].parent
        register = self._register
        relay = ResultRelay()
        relay.result.connect(self.results.add)
        self.results.begin(len(paths))
        self.tabs.setCurrentWidget(self.results)

        def work(progress: Progress) -> list[FileResult]:
            # Each file's result reaches the list as soon as its transaction has ended, so
            # a cancelled (or killed) import still shows which files went in.
            return import_submissions(
                register, paths, progress=progress, on_result=relay.result.emit
            )

        run_with_progress(
            self,
            self.tr("Import"),
            work,
            label=self.tr("Reading {count} workbook(s)…").format(count=len(paths)),
        )
        self.results.finish(len(paths) - len(self.results.results))
        self.refresh()

    # --- withdrawing -------------------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        index = self.grid.currentIndex()
        sent = index.isValid() and self.grid_model.grid is not None
        self.withdraw_button.setEnabled(sent and self.grid_model.cell(index).sent)

    def withdraw_selected(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        cell = self.grid_model.cell(index)
        if cell.current is None:
            return
        text = self.tr(
            "Withdraw {file}, the workbook of {district} for {month}?\n\n"
            "The district's register and sales go back to what they were before it was "
            "imported. The withdrawal is recorded in the audit trail."
        ).format(
            file=cell.current.file_name,
            district=district_text(cell.district_code),
            month=period_text(cell.period),
        )
        if not confirm(self, text, self.tr("Withdraw"), self.tr("Do not withdraw")):
            return
        try:
            withdraw(self._register, received_id=cell.current.id)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.refresh()

    # --- exporting ---------------------------------------------------------------------

    def export_province(self) -> None:
        period = self.picker.period()
        target = ask_save_path(
            self,
            self.tr("Export the provincial workbook of {month}").format(month=period_text(period)),
            self.folder,
            province_file_name(self.province_code, period),
        )
        if target is None:
            return
        self.folder = target.parent
        register = self._register

        def work(progress: Progress) -> ProvinceResult:
            # force: ask_save_path had the clerk agree to replace an existing file.
            return export_province(register, period, target, force=True, progress=progress)

        result = run_with_progress(
            self,
            self.tr("Export"),
            work,
            label=self.tr("Writing the provincial workbook of {month}…").format(
                month=period_text(period)
            ),
        )
        if result is not None:
            self.summary.show_export(
                str(result.path),
                result.path.parent,
                [
                    (self.tr("Districts with data"), result.districts_with_data),
                    *((rows_label(key), n) for key, n in result.rows.items()),
                ],
                result.sales_total,
            )
            self.tabs.setCurrentWidget(self.exports_tab)
        self.refresh()

    def export_districts(self) -> None:
        period = self.picker.period()
        chosen = existing_directory(
            self,
            self.tr("Folder for every district's workbook of {month}").format(
                month=period_text(period)
            ),
            str(self.folder),
        )
        if not chosen:
            return
        folder = Path(chosen)
        self.folder = folder
        register = self._register
        try:
            there = existing(monthly_targets(register, period, folder, all_districts=True))
        except UserError as exc:
            show_user_error(self, exc)
            return
        if there and not ask_to_replace(self, there):
            return
        replace = bool(there)  # a workbook that appears meanwhile is refused, not replaced

        def work(progress: Progress) -> list[ExportResult]:
            return export_monthly(
                register, period, folder, all_districts=True, force=replace, progress=progress
            )

        results = run_with_progress(
            self,
            self.tr("Export"),
            work,
            label=self.tr("Writing every district's workbook of {month}…").format(
                month=period_text(period)
            ),
        )
        if results:
            totals: dict[str, int] = {}
            for r in results:
                for key, n in r.rows.items():
                    totals[key] = totals.get(key, 0) + n
            self.summary.show_export(
                self.tr("{count} workbooks in {folder}").format(count=len(results), folder=folder),
                folder,
                [(rows_label(key), n) for key, n in totals.items()],
                sum((r.sales_total for r in results), Decimal("0.00")),
            )
            self.tabs.setCurrentWidget(self.exports_tab)
        self.refresh()
