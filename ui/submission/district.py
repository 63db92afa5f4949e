"""The district office's side: send a month's workbook to the province, see whether a
month has been sent, and unlock a sent month when its figures must change."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.services.exports import past_exports
from otop_desktop.services.locks import MonthState, PeriodState, period_state, unlock_period
from otop_desktop.services.office import get_office
from otop_desktop.submission import spec
from otop_desktop.submission.export import ExportResult, export_monthly, export_user
from ui.jobs import Progress, run_with_progress
from ui.legacy.wizard import LegacyImportWizard
from ui.messages import show_user_error
from ui.submission.models import file_name_only
from ui.submission.texts import period_text, rows_label, when_text
from ui.submission.widgets import (
    ExportSummary,
    PastExports,
    ask_save_path,
    default_folder,
)
from ui.widgets.month_picker import MonthPicker

STATE_STYLE = {
    MonthState.OPEN: "color: #444;",
    MonthState.SUBMITTED: "color: #1b5e20;",
    MonthState.UNLOCKED: "color: #8a5a00;",
}


class DistrictPanel(QWidget):
    def __init__(
        self, register: Register, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._register = register
        office = register.office()
        assert office is not None  # Register.open refuses a register without one
        self.district_code = office.district_code or ""
        self.folder = default_folder()
        self.state: PeriodState | None = None

        self.picker = MonthPicker(today=today)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export the month's workbook…"))
        self.export_button.setToolTip(
            self.tr(
                "Writes the workbook to send to the province and marks the month as sent: "
                "its sales can then be changed only after unlocking it."
            )
        )
        self.unlock_button = QPushButton(self.tr("Unlock the month…"))
        self.unlock_button.setToolTip(
            self.tr("Allows changing a sent month's sales; the month must then be sent again.")
        )
        self.legacy_button = QPushButton(self.tr("Import an old spreadsheet…"))
        self.legacy_button.setToolTip(
            self.tr("Adds producers and products from a spreadsheet kept before this program.")
        )

        month_box = QGroupBox(self.tr("Month to send"))
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.picker)
        picker_row.addWidget(self.state_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(month_box)
        box_layout.addLayout(picker_row)
        box_layout.addLayout(buttons)

        self.summary = ExportSummary()
        self.exports = PastExports()

        #: Shown by the page beside its title.
        self.header_button = self.legacy_button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(month_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.exports, 1)

        self.picker.changed.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.unlock_button.clicked.connect(self.unlock)
        self.legacy_button.clicked.connect(self.import_legacy)
        self.refresh()

    def refresh(self) -> None:
        with self._register.read() as session:
            self.state = period_state(session, self.district_code, self.picker.period())
            exports = past_exports(session)
        self.state_label.setText(self.state_text(self.state))
        self.state_label.setStyleSheet(STATE_STYLE[self.state.state])
        self.unlock_button.setEnabled(self.state.locked)
        self.export_button.setText(
            self.tr("Export the month's workbook again…")
            if self.state.state is MonthState.SUBMITTED
            else self.tr("Export the month's workbook…")
        )
        self.exports.load(exports)

    def state_text(self, state: PeriodState) -> str:
        month = period_text(state.period)
        if state.state is MonthState.OPEN or state.at is None:
            return self.tr("{month}: not sent to the province yet.").format(month=month)
        who = state.user or self.tr("unknown")
        if state.state is MonthState.SUBMITTED:
            return self.tr("{month}: sent on {when} by {who} as {file}.").format(
                month=month, when=when_text(state.at), who=who, file=file_name_only(state.file_name)
            )
        return self.tr(
            "{month}: unlocked on {when} by {who} (reason: {reason}). Its sales may be "
            "changed; the month must be sent again."
        ).format(month=month, when=when_text(state.at), who=who, reason=state.reason)

    def export(self) -> None:
        period = self.picker.period()
        target = ask_save_path(
            self,
            self.tr("Export the workbook of {month}").format(month=period_text(period)),
            self.folder,
            spec.file_name(self.district_code, period),
        )
        if target is None:
            return
        self.folder = target.parent
        register = self._register

        def work(progress: Progress) -> list[ExportResult]:
            # force: ask_save_path had the clerk agree to replace an existing file.
            return export_monthly(register, period, target, force=True, progress=progress)

        results = run_with_progress(
            self,
            self.tr("Export"),
            work,
            label=self.tr("Writing the workbook of {month}…").format(month=period_text(period)),
        )
        if results:
            (result,) = results
            self.summary.show_export(
                str(result.path),
                result.path.parent,
                [(rows_label(key), n) for key, n in result.rows.items()],
                result.sales_total,
            )
        self.refresh()

    def unlock(self) -> None:
        period = self.picker.period()
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Unlock {month}").format(month=period_text(period)),
            self.tr(
                "Why must the sales of {month} change? The reason is kept in the register, "
                "and the month must be sent to the province again."
            ).format(month=period_text(period)),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        try:
            with self._register.write() as session:
                who = export_user(get_office(session), "")
                unlock_period(session, self.district_code, period, reason=reason, user=who)
        except UserError as exc:
            show_user_error(self, exc)
        self.refresh()

    def import_legacy(self) -> None:
        LegacyImportWizard(self._register, self).exec()
