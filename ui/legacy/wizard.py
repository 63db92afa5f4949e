"""Importing a clerk's old spreadsheet of producers and products, step by step: choose the
file, confirm or change which column holds which field (or give one value for every row of
a field the file has no column for), look over every row with its problems and what it
lacks, import (all rows or none; or the good rows, with the refused ones saved to a file to
correct), and see the numbers the producers were given. Rows lacking only details an old
register often lacks go in incomplete, to be completed on the "to complete" page.

Reading, checking and importing run off the GUI thread (ui.jobs) behind a progress dialog
with Cancel; a cancelled import writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from otop_desktop.database import Register
from otop_desktop.domain import Category, ProducerType, SoftPower, Status
from otop_desktop.errors import UserError
from otop_desktop.legacy import (
    ImportResult,
    Mapping,
    Preview,
    RowsRefused,
    Table,
    check_mapping,
    import_table,
    open_table,
    preview_table,
    suggest_mapping,
)
from otop_desktop.legacy.cleaning import text_of
from otop_desktop.legacy.filling import FILL_FIELDS, Fill, check_fill
from otop_desktop.legacy.headings import (
    PRODUCER_FIELDS,
    PRODUCT_FIELDS,
    STATUS_FIELDS,
    address_parts,
)
from otop_desktop.services.incomplete import describe
from ui.file_dialogs import open_file_name, save_file_name
from ui.jobs import Progress, run_with_progress
from ui.lang import Labelled, label_of, pick
from ui.legacy.preview_model import PreviewModel, field_label
from ui.messages import message_title, show_user_error

HINT_STYLE = "color: palette(placeholder-text);"
ERROR_STYLE = "color: #9b1c1c;"
INCOMPLETE_STYLE = "color: #92400e;"
# Columns are sized to their contents up to these widths; a cell's tool tip shows it all.
MAX_WIDTH = 240
MAX_PROBLEMS_WIDTH = 340
# Rows looked through for an example value of each column.
SAMPLE_ROWS = 20
# The fields a value for every row is chosen from a list for: field → (text, value) pairs.
_CHOICES: dict[str, list[tuple[Labelled, str]]] = {
    "producer_type": [(t, str(int(t))) for t in ProducerType],
    "category": [(c, str(int(c))) for c in Category],
    "status": [(s, s.value) for s in Status],
    "soft_power": [(s, s.value) for s in SoftPower],
}


class FillEdit(QWidget):
    """ "Every row: …" beside a field the file has no column for: a list for codes, a line
    for the rest. Shown only while the field's column is "not in the file"."""

    def __init__(self, field: str) -> None:
        super().__init__()
        self.field = field
        self.combo: QComboBox | None = None
        self.line: QLineEdit | None = None
        editor: QWidget
        if field in _CHOICES:
            self.combo = QComboBox()
            # Narrow, so that the page fits 1366 pixels: the list itself shows the long names.
            self.combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.combo.setMinimumContentsLength(14)
            self.combo.addItem(self.tr("— leave empty —"), None)
            for value, code in _CHOICES[field]:
                self.combo.addItem(label_of(value), code)
            editor = self.combo
        else:
            self.line = QLineEdit()
            self.line.setPlaceholderText(self.tr("leave empty"))
            self.line.setMaximumWidth(160)
            editor = self.line
        editor.setToolTip(self.tr("One value for every row of the file"))
        if self.combo is not None:
            # The narrow list may cut a long name: the tip shows it whole.
            combo = self.combo
            combo.currentIndexChanged.connect(
                lambda: combo.setToolTip(
                    combo.currentText()
                    if combo.currentData()
                    else self.tr("One value for every row of the file")
                )
            )
        prefix = QLabel(self.tr("Every row:"))
        prefix.setBuddy(editor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(prefix)
        layout.addWidget(editor, 1 if self.combo is not None else 0)
        if self.line is not None:
            layout.addStretch(1)
        self.setFocusProxy(editor)

    def value(self) -> str:
        if self.combo is not None:
            return self.combo.currentData() or ""
        assert self.line is not None
        return self.line.text().strip()

    def set_value(self, value: str) -> None:
        if self.combo is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(value or None)))
        elif self.line is not None:
            self.line.setText(value)


class FilePage(QWizardPage):
    def __init__(self, wizard: LegacyImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(
            self.tr(
                "An Excel file (.xlsx or the older .xls) or a CSV file in UTF-8 or Thai "
                "Windows (TIS-620) encoding. Title rows above the headings and total rows "
                "below the data are found and left out."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path of the file"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("File:")))
        layout.addLayout(row)
        layout.addStretch(1)

    def _browse(self) -> None:
        path = open_file_name(
            self,
            self.tr("Choose the spreadsheet"),
            self.path_edit.text(),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv *.txt);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        table = run_with_progress(
            self,
            self.tr("Reading the file"),
            lambda _progress: open_table(path),
            label=self.tr("Reading {name}…").format(name=path.name),
        )
        if table is None:
            return False
        self._wizard.set_table(table)
        return True


class MappingPage(QWizardPage):
    """A combo per field of the register, offering the file's headings; the suggested ones
    are chosen already, and an example value from the file shows beside each."""

    def __init__(self, wizard: LegacyImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Which column holds what"))
        self.combos: dict[str, QComboBox] = {}
        self._examples: dict[str, QLabel] = {}
        # "Every row: …" of the fields a whole column may be given for.
        self.fills: dict[str, FillEdit] = {}
        self.source = QLabel()
        self.source.setWordWrap(True)
        producer = self._box(
            self.tr("Producer"), [f for f in PRODUCER_FIELDS if f not in STATUS_FIELDS]
        )
        # The status sits under the products, where there is room: the producer's box is the
        # longer.
        product = self._box(self.tr("Product"), PRODUCT_FIELDS)
        status = self._box(self.tr("Status of the business"), STATUS_FIELDS)
        right = QVBoxLayout()
        right.addWidget(product)
        right.addWidget(status)
        right.addStretch(1)
        groups = QHBoxLayout()
        groups.addWidget(producer, 3, Qt.AlignmentFlag.AlignTop)
        groups.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addLayout(groups)
        layout.addStretch(1)

    def _box(self, title: str, fields: Sequence[str]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for field in fields:
            combo = QComboBox()
            combo.setMinimumContentsLength(18)
            # All of them: choosing the address column changes what its parts say.
            combo.currentIndexChanged.connect(self._show_examples)
            example = QLabel()
            example.setStyleSheet(HINT_STYLE)
            example.setMinimumWidth(160)
            cell = QHBoxLayout()
            cell.addWidget(combo)
            cell.addWidget(example, 1)
            if field in FILL_FIELDS:
                fill = FillEdit(field)
                fill.hide()
                cell.addWidget(fill, 1)
                self.fills[field] = fill
            form.addRow(field_label(field), cell)
            self.combos[field] = combo
            self._examples[field] = example
        return box

    def initializePage(self) -> None:
        table = self._wizard.table
        assert table is not None
        self.setSubTitle(
            self.tr(
                "Sheet “{sheet}”, headings on row {row}. Check the suggested columns; choose "
                "“not in the file” for a field the file does not have, and give a value for "
                "every row where one fits (e.g. every row a single owner). Rows still lacking "
                "a producer type, member count, registration date or category are imported "
                "as incomplete, to be completed later."
            ).format(sheet=table.sheet, row=table.heading_row)
        )
        self.source.setText(table.file.name)
        suggested = self._wizard.mapping or suggest_mapping(table.headings)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), None)
            for heading in table.headings:
                combo.addItem(heading, heading)
            chosen = suggested.get(field)
            combo.setCurrentIndex(combo.findData(chosen) if chosen else 0)
            combo.blockSignals(False)
        for field, fill in self.fills.items():
            fill.set_value(self._wizard.fill.get(field, ""))
        self._show_examples()

    def _show_examples(self) -> None:
        table = self._wizard.table
        mapping = self.mapping()
        filled = address_parts(mapping)
        for field, example in self._examples.items():
            heading = mapping.get(field)
            text = ""
            if table is not None and heading:
                column = table.column(heading)
                for _, cells in table.rows[:SAMPLE_ROWS]:
                    if column < len(cells) and (text := text_of(cells[column])):
                        break
            if text:
                example.setText(self.tr("e.g. {value}").format(value=text))
            elif field in filled:
                example.setText(
                    self.tr("from the address (“{heading}”)").format(heading=mapping["address"])
                )
            else:
                example.setText("")
            if field in self.fills:
                self.fills[field].setVisible(not heading)
                example.setVisible(bool(heading) or field in filled)

    def mapping(self) -> Mapping:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}

    def fill(self) -> Fill:
        """The values given for every row, of the fields without a column."""
        mapping = self.mapping()
        return {
            f: edit.value() for f, edit in self.fills.items() if f not in mapping and edit.value()
        }

    def validatePage(self) -> bool:
        table = self._wizard.table
        assert table is not None
        try:
            mapping = check_mapping(self.mapping(), table, self.tr("Mapping"))
            fill = check_fill(self.fill(), mapping, self.tr("Every row"))
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self._wizard.mapping = mapping
        self._wizard.fill = fill
        return self._wizard.check()


class PreviewPage(QWizardPage):
    """Every row as it would be imported; the import is offered once no row has a problem,
    or, when the clerk chooses, for the good rows with the others saved to a file. "Check
    again" reads the file anew, for a clerk who corrects it in Excel meanwhile."""

    def __init__(self, wizard: LegacyImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check the rows"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems_only = QCheckBox(self.tr("Only rows with problems"))
        self.recheck = QPushButton(self.tr("Check again"))
        self.recheck.setToolTip(self.tr("Read the file again, after correcting it"))
        self.recheck.clicked.connect(self._check_again)
        self.model = PreviewModel(self)
        self.problems_only.toggled.connect(self.model.set_problems_only)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setWordWrap(False)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setStyleSheet(ERROR_STYLE)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.modelReset.connect(self.details.clear)
        bar = QHBoxLayout()
        bar.addWidget(self.problems_only)
        bar.addStretch(1)
        bar.addWidget(self.recheck)
        self.rejects_box = QCheckBox(
            self.tr("Import the good rows now, and save the rows with problems to correct in:")
        )
        self.rejects_box.setToolTip(
            self.tr(
                "The rows with problems, and the other rows of their producers, go to a new "
                "workbook with the reason beside each; correct it and import it later"
            )
        )
        self.rejects_path = QLineEdit()
        self.rejects_path.setEnabled(False)
        self.rejects_browse = QPushButton(self.tr("Choose…"))
        self.rejects_browse.setEnabled(False)
        self.rejects_browse.clicked.connect(self._browse_rejects)
        self.rejects_box.toggled.connect(self.rejects_path.setEnabled)
        self.rejects_box.toggled.connect(self.rejects_browse.setEnabled)
        self.rejects_box.toggled.connect(self.completeChanged)
        self.rejects_path.textChanged.connect(self.completeChanged)
        rejects = QHBoxLayout()
        rejects.addWidget(self.rejects_box)
        rejects.addWidget(self.rejects_path, 1)
        rejects.addWidget(self.rejects_browse)
        self.rejects_row = QWidget()
        self.rejects_row.setLayout(rejects)
        rejects.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.rejects_row)

    def _show_details(self, current: QModelIndex) -> None:
        """The problems of the row under the cursor in full, each with its column."""
        if not current.isValid():
            self.details.clear()
            return
        row = self.model.row_at(current.row())
        lines = []
        for problem in row.problems:
            where = self.tr("Row {row}").format(row=problem.row)
            if problem.heading:
                where += " · " + self.tr("column “{heading}”").format(heading=problem.heading)
            lines.append(f"{where}: {pick(problem.message_th, problem.message_en)}")
        if row.incomplete:
            lines.append(
                self.tr("Row {row}: imported incomplete, lacking {what}").format(
                    row=row.number, what=pick(*describe(row.lacking_all()))
                )
            )
        self.details.setText("\n".join(lines))
        self.details.setStyleSheet(ERROR_STYLE if row.problems else INCOMPLETE_STYLE)

    def initializePage(self) -> None:
        self.show_preview()

    def show_preview(self) -> None:
        preview = self._wizard.preview
        self.model.set_preview(preview)
        if preview is None:
            return
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            widest = MAX_PROBLEMS_WIDTH if column == self.model.problems_column else MAX_WIDTH
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        bad = sum(1 for row in preview.rows if not row.ok)
        good, refused = preview.split()
        counts = self.tr(
            "{rows} rows: {producers} producers, {products} products; {skipped} blank or "
            "total rows left out."
        ).format(
            rows=len(preview.rows),
            producers=preview.producer_count,
            products=preview.product_count,
            skipped=len(preview.skipped),
        )
        if not preview.rows:
            verdict = self.tr("The sheet has no data rows below its headings.")
        elif bad:
            verdict = self.tr(
                "{bad} rows have problems (in red). Correct the file and check again, go "
                "back and change the columns, or import the {good} good rows and save the "
                "{refused} others to a file to correct."
            ).format(bad=f"{bad:,}", good=f"{len(good):,}", refused=f"{len(refused):,}")
        else:
            verdict = self.tr("Every row is ready. Import writes them all at once.")
        if preview.incomplete_count:
            verdict += "\n" + self.tr(
                "{n} rows lack a detail (in amber) and go in as incomplete: they are listed "
                "to complete, and held out of certificates and submissions until then."
            ).format(n=f"{preview.incomplete_count:,}")
        self.summary.setText(f"{counts}\n{verdict}")
        self.summary.setStyleSheet(ERROR_STYLE if bad or not preview.rows else "")
        self.problems_only.setEnabled(bad > 0)
        if not bad:
            self.problems_only.setChecked(False)
        self.rejects_row.setVisible(bool(bad and good))
        if not (bad and good):
            self.rejects_box.setChecked(False)
        elif not self.rejects_path.text():
            source = preview.table.file
            self.rejects_path.setText(
                str(
                    source.with_name(
                        self.tr("{stem} - rows to correct").format(stem=source.stem) + ".xlsx"
                    )
                )
            )
        self.completeChanged.emit()

    def _browse_rejects(self) -> None:
        path = save_file_name(
            self,
            self.tr("Save the rows with problems"),
            self.rejects_path.text(),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.rejects_path.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def rejects_target(self) -> Path | None:
        """Where the refused rows go, when the clerk chose to import the good ones."""
        text = self.rejects_path.text().strip()
        if self.rejects_row.isVisible() and self.rejects_box.isChecked() and text:
            return Path(text)
        return None

    def _check_again(self) -> None:
        if self._wizard.reload():
            self.show_preview()

    def isComplete(self) -> bool:
        preview = self._wizard.preview
        if preview is None:
            return False
        return preview.ok or self.rejects_target() is not None

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        rejects = None if preview is not None and preview.ok else self.rejects_target()
        return self._wizard.run_import(rejects)


class ResultPage(QWizardPage):
    def __init__(self, wizard: LegacyImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Imported"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.numbers = QPlainTextEdit()
        self.numbers.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.numbers, 1)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        assert result is not None
        text = self.tr(
            "{producers} producers and {products} products were added to the register, "
            "each producer with a new registration number. A number from the old file is "
            "kept as the previous registration number."
        ).format(producers=f"{len(result.producers):,}", products=f"{result.product_count:,}")
        if result.incomplete_count:
            text += "\n" + self.tr(
                "{n} of them are incomplete (marked *): complete them on the “To complete” "
                "page before printing their certificates or submitting a month with their "
                "sales."
            ).format(n=f"{result.incomplete_count:,}")
        if result.rejects_file is not None:
            text += "\n" + self.tr(
                "{n} rows were not imported; they are saved with their reasons in {file}, "
                "to correct and import again."
            ).format(n=f"{result.refused_rows:,}", file=result.rejects_file)
        self.summary.setText(text)
        lines = []
        for record in result.producers:
            before = f"  ({record.previous_reg_no})" if record.previous_reg_no else ""
            line = self.tr("Row {row}: {reg_no} {name}").format(
                row=record.row, reg_no=record.reg_no, name=record.name
            )
            if record.incomplete:
                line += "  * " + self.tr("lacks {what}").format(
                    what=pick(*describe(record.lacking))
                )
            lines.append(line + before)
        self.numbers.setPlainText("\n".join(lines))


class LegacyImportWizard(QWizard):
    """``imported`` is emitted with the ImportResult once the rows are in the register."""

    imported = Signal(object)

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.table: Table | None = None
        self.mapping: Mapping = {}
        # Values for every row of fields without a column (the mapping step's "Every row").
        self.fill: Fill = {}
        self.preview: Preview | None = None
        self.import_result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import an old spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(1200, 700)

    def set_table(self, table: Table) -> None:
        if self.table is None or table.headings != self.table.headings:
            self.mapping, self.fill = {}, {}  # another layout: suggest anew
        self.table = table

    def check(self) -> bool:
        """Checks every row of the table through the mapping; False if cancelled or failed."""
        table, mapping, fill = self.table, self.mapping, self.fill
        assert table is not None

        def work(progress: Progress) -> Preview:
            return preview_table(self.register, table, mapping, progress, fill=fill)

        preview = run_with_progress(
            self, self.tr("Checking"), work, label=self.tr("Checking every row…")
        )
        if preview is None:
            return False
        self.preview = preview
        return True

    def reload(self) -> bool:
        """Reads the file again (the clerk may have corrected it) and checks it again."""
        assert self.table is not None
        path = self.table.file
        table = run_with_progress(
            self,
            self.tr("Reading the file"),
            lambda _progress: open_table(path),
            label=self.tr("Reading {name}…").format(name=path.name),
        )
        if table is None:
            return False
        try:
            self.mapping = check_mapping(self.mapping, table, self.tr("Mapping"))
            self.fill = check_fill(self.fill, self.mapping, self.tr("Every row"))
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.table = table
        return self.check()

    def run_import(self, rejects: Path | None = None) -> bool:
        """Imports every row, or with ``rejects`` the good rows, the others saved there."""
        table, mapping, fill = self.table, self.mapping, self.fill
        assert table is not None

        def work(progress: Progress) -> ImportResult | RowsRefused:
            try:
                return import_table(
                    self.register, table, mapping, progress, fill=fill, rejects=rejects
                )
            except RowsRefused as refused:
                # Rows that became wrong since the check (a producer registered meanwhile).
                return refused

        outcome = run_with_progress(
            self, self.tr("Importing"), work, label=self.tr("Writing to the register…")
        )
        if isinstance(outcome, RowsRefused):
            self.preview = outcome.preview
            self.preview_page.show_preview()
            QMessageBox.warning(self, message_title(), pick(outcome.message_th, outcome.message_en))
            return False
        if outcome is None:
            return False
        self.import_result = outcome
        self.imported.emit(outcome)
        return True
