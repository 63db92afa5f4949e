"""First run: a register that does not exist yet (or whose set-up never finished) is created
here — a district's or a province's, with the officer who signs its certificates — before the
main window opens; or, on a new PC, is restored from a backup of the office's register."""

from __future__ import annotations

from pathlib import Path

import geothai
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import QueryableAttribute

from otop_desktop.database import Register, database_url, needs_set_up
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError
from otop_desktop.models import Office, length
from otop_desktop.services.office import default_office_name, init_register, update_office
from ui.app import display_location
from ui.file_dialogs import open_file_name
from ui.jobs import report_error
from ui.messages import show_error, show_user_error
from ui.widgets.confirm import confirm

DEFAULT_PROVINCE = "50"  # Chiang Mai, the province the program is built around


class FirstRunDialog(QDialog):
    """Picks the kind of register and its area, and names the office and its officer (both
    required: a register without its signing officer cannot print a certificate). OK creates
    the register; Cancel leaves everything as it was. After OK, ``register`` is open."""

    def __init__(self, db: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._location = display_location(database_url(db))
        self.register: Register | None = None
        self._suggested_name = ""
        self.setWindowTitle(self.tr("Set up the OTOP register"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "No register has been set up here yet:\n{path}\n\nChoose whether it is a "
                "district's or a province's register and its area, and name the officer who "
                "signs its certificates. The register is created when you press Create "
                "register."
            ).format(path=self._location)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("A district's register"), OfficeKind.DISTRICT)
        self.kind.addItem(self.tr("A province's register"), OfficeKind.PROVINCE)
        self.province = QComboBox()
        for province in geothai.provinces():
            self.province.addItem(province.name_th, province.code)
        self.district = QComboBox()
        self.office_name = self._line_edit(Office.name)
        self.officer_name = self._line_edit(Office.officer_name)
        self.officer_position = self._line_edit(Office.officer_position)
        self.officer_position.setPlaceholderText(
            self.tr("e.g. District Community Development Officer")
        )

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Kind of register"), self.kind)
        self.form.addRow(self.tr("&Province"), self.province)
        self.form.addRow(self.tr("&District"), self.district)
        self.form.addRow(self.tr("Office &name"), self.office_name)
        self.form.addRow(self.tr("&Officer's name"), self.officer_name)
        self.form.addRow(self.tr("Officer's posi&tion"), self.officer_position)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # A new PC: the office's register comes back from a backup rather than afresh.
        self.restore_box = QFrame()
        self.restore_box.setFrameShape(QFrame.Shape.StyledPanel)
        restore_note = QLabel(
            self.tr(
                "A new computer for an office that already keeps its register? Restore the "
                "register from its backup instead."
            )
        )
        restore_note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.restore_button.setToolTip(
            self.tr("On a new computer: open the office's register from a backup file")
        )
        self.restore_button.clicked.connect(self.restore_from_backup)
        restore_row = QHBoxLayout(self.restore_box)
        restore_row.addWidget(restore_note, 1)
        restore_row.addWidget(self.restore_button)
        self.restore_box.setVisible(database_url(db).get_backend_name() == "sqlite")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        layout.addSpacing(8)
        layout.addWidget(self.restore_box)

        self.province.setCurrentIndex(self.province.findData(DEFAULT_PROVINCE))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.province.currentIndexChanged.connect(self._fill_districts)
        self.district.currentIndexChanged.connect(self._suggest_office_name)
        for edit in (self.office_name, self.officer_name, self.officer_position):
            edit.textChanged.connect(self._update_ok)
        self._fill_districts()
        self._update_ok()

    def _line_edit(self, column: QueryableAttribute[str]) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(length(column))  # so that the service never has to refuse it
        return edit

    def office_kind(self) -> OfficeKind:
        return OfficeKind(self.kind.currentData())

    def district_code(self) -> str:
        return str(self.district.currentData())

    def area_code(self) -> str:
        """The code of the register's area: its district, or a province register's province."""
        if self.office_kind() is OfficeKind.PROVINCE:
            return str(self.province.currentData())
        return self.district_code()

    def _kind_changed(self) -> None:
        self.form.setRowVisible(self.district, self.office_kind() is OfficeKind.DISTRICT)
        self._suggest_office_name()

    def _fill_districts(self) -> None:
        self.district.clear()
        for district in geothai.districts(str(self.province.currentData())):
            self.district.addItem(district.name_th, district.code)
        self._suggest_office_name()  # a province register follows its province

    def _suggest_office_name(self) -> None:
        try:
            suggested = default_office_name(self.office_kind(), self.area_code())
        except UserError:
            return  # the district list is being filled
        # Follow the area only while the clerk has not written a name of their own.
        if self.office_name.text() in ("", self._suggested_name):
            self._suggested_name = suggested
            self.office_name.setText(self._suggested_name)

    def _update_ok(self) -> None:
        edits = (self.office_name, self.officer_name, self.officer_position)
        self.ok_button.setEnabled(all(edit.text().strip() for edit in edits))
        self.ok_button.setToolTip(
            ""
            if self.ok_button.isEnabled()
            else self.tr("Fill in the office name and the signing officer's name and position")
        )

    def accept(self) -> None:
        try:
            self.register = self._create_register()
        except UserError as exc:
            show_user_error(self, exc)
            return
        except OSError as exc:
            # The core lets these through: a file where the folder should be, no permission.
            show_error(
                self,
                self.tr("Cannot create the register at {path}:\n{reason}").format(
                    path=self._location, reason=exc.strerror or exc
                ),
            )
            return
        super().accept()

    def restore_from_backup(self) -> None:
        """The clerk picks a backup; it is checked, described, and restored where the
        register would have been created; then the dialog ends with it open."""
        # Here rather than at the top: the backup packages are not needed for the first
        # window, which the program shows as soon as it can.
        from otop_desktop.backup.restore import restore
        from otop_desktop.backup.sidecar import BACKUP_SUFFIX
        from ui.backup.busy import run_busy
        from ui.backup.source import check_backup

        name = open_file_name(
            self,
            self.tr("Choose a backup"),
            str(Path.home()),
            self.tr("OTOP backups (*{suffix});;All files (*)").format(suffix=BACKUP_SUFFIX),
        )
        if not name:
            return
        source = Path(name)
        title = self.tr("Restore from a backup")
        checked = run_busy(
            self, title, self.tr("Checking the backup…"), lambda _p: check_backup(source)
        )
        if checked.error is not None:
            report_error(self, checked.error)
            return
        assert checked.result is not None
        question = self.tr("{holds}\n\nOpen it as this computer's register, in\n{path}?").format(
            holds=checked.result.holds_text(), path=self._location
        )
        if not confirm(self, question, self.tr("Restore"), self.tr("Do not restore")):
            return
        db = Path(database_url(self._db).database or "")
        done = run_busy(
            self, title, self.tr("Restoring the register…"), lambda _p: restore(db, source)
        )
        if done.error is not None:
            report_error(self, done.error)
            return
        try:
            self.register = Register.open(self._db)
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()

    def _create_register(self) -> Register:
        # Creating the schema takes a moment; without the cursor the click looks ignored.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            register = init_register(self._db, self.office_kind(), self.area_code())
            try:
                with register.write() as session:
                    update_office(
                        session,
                        name=self.office_name.text(),
                        officer_name=self.officer_name.text(),
                        officer_position=self.officer_position.text(),
                    )
            except BaseException:
                register.close()
                raise
            return register
        finally:
            QGuiApplication.restoreOverrideCursor()


def open_or_set_up(db: str | Path, parent: QWidget | None = None) -> Register | None:
    """The register at ``db``, set up first through the dialog if it needs it; None when the
    clerk cancels. Raises UserError when the register cannot be opened."""
    if needs_set_up(db):
        dialog = FirstRunDialog(db, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.register
    return Register.open(db)
