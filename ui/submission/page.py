"""The submission page: the district's or the province's side, by the register's kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from ui.headings import heading
from ui.office_text import office_area_text
from ui.submission.district import DistrictPanel
from ui.submission.province import ProvincePanel


class SubmissionPage(QWidget):
    """``panel`` is the DistrictPanel or ProvincePanel; None on a national register, which
    neither sends nor receives monthly workbooks."""

    def __init__(
        self, register: Register, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        office = register.office()
        assert office is not None  # Register.open refuses a register without one
        kind = OfficeKind(office.kind)
        self.panel: DistrictPanel | ProvincePanel | None = None
        if kind is OfficeKind.DISTRICT:
            self.panel = DistrictPanel(register, today=today)
            title = self.tr("Monthly submission to the province")
        elif kind is OfficeKind.PROVINCE:
            self.panel = ProvincePanel(register, today=today)
            title = self.tr("Monthly submissions of the districts")
        else:
            title = self.tr("Monthly submission")
        titles = QVBoxLayout()
        titles.addWidget(heading(title))
        titles.addWidget(QLabel(office_area_text(office)))
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        if self.panel is not None:
            top.addWidget(self.panel.header_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        if self.panel is not None:
            layout.addWidget(self.panel, 1)
        else:
            note = QLabel(
                self.tr(
                    "Monthly workbooks are sent by district offices and received by "
                    "province offices; a national register does neither."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        # Other pages may have changed the month's sales or the office since last shown.
        if not event.spontaneous() and self.panel is not None:
            self.panel.refresh()
        super().showEvent(event)
