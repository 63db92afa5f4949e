"""A record's history, from its form's "History…": every entry of the trail about one
registration number or product / household code, newest first — who changed which field
from what to what, printed it, exported it or revealed its personal data."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from otop_desktop.audit.query import AuditFilter
from otop_desktop.database import Register
from ui.audit.model import AuditTableModel
from ui.audit.page import audit_table
from ui.headings import heading


class RecordHistoryDialog(QDialog):
    """The trail of ``record`` (a registration number, or a product or household code)."""

    def __init__(self, register: Register, record: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("History of {record}").format(record=record))
        self.model = AuditTableModel(register, parent=self)
        self.model.set_filter(AuditFilter(record=record))
        self.table = audit_table(self.model)
        self.table.hideColumn(AuditTableModel.RECORD)
        self.empty = QLabel(
            self.tr("Nothing has been recorded about {record} yet").format(record=record)
        )
        self.empty.setVisible(self.model.rowCount() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("History of {record}").format(record=record), 4))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 520)
