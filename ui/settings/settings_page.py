"""The settings page: the office's record in the register (its name, the officer who signs
certificates, its telephone and the Garuda emblem its memos carry), where the register's
backups go, and the clerk's own choice of language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import QueryableAttribute

from otop_desktop.database import Register
from otop_desktop.domain import OfficeKind
from otop_desktop.errors import UserError, ValidationError
from otop_desktop.models import Office, length
from otop_desktop.models.accounts import HEAD
from otop_desktop.printing.office_print import set_emblem, set_office_phone
from otop_desktop.services.office import get_office, update_office
from ui.backup import BackupSettingsGroup
from ui.file_dialogs import open_file_name
from ui.headings import heading
from ui.messages import ask_to_save, show_user_error, user_message
from ui.office_text import office_area_text, office_kind_text
from ui.settings.preferences import Preferences, running_language

ERROR_STYLE = "color: #9b1c1c;"
HINT_STYLE = "color: palette(placeholder-text);"
# The emblem's preview on the page (pixels high).
EMBLEM_PREVIEW = 48
# Each language is named in itself, so that a clerk finds theirs whatever the program shows.
LANGUAGE_NAMES = {"th": "ไทย", "en": "English"}


class SettingsPage(QWidget):
    """Call ``confirm_leave()`` before leaving the page or closing the window: it asks what
    to do with office details typed but not saved."""

    # The office's name or officer changed: the window title and the overview show them.
    office_changed = Signal()
    # The backup folder or the automatic backups were changed: the status bar shows them.
    backup_settings_changed = Signal()

    def __init__(
        self,
        register: Register,
        parent: QWidget | None = None,
        *,
        preferences: Preferences | None = None,
    ) -> None:
        # ui.main_window imports this page, so its helper is fetched when the page is built.

        super().__init__(parent)
        self._register = register
        self._preferences = preferences if preferences is not None else Preferences()
        self._saved: dict[str, str] = {}

        self.kind = QLabel()
        self.area = QLabel()
        self.office_name = self._line_edit(Office.name)
        self.officer_name = self._line_edit(Office.officer_name)
        self.officer_position = self._line_edit(Office.officer_position)
        self.officer_position.setPlaceholderText(
            self.tr("e.g. District Community Development Officer")
        )
        self.office_phone = self._line_edit(Office.phone)
        self.office_phone.setPlaceholderText(self.tr("e.g. 0 5333 1234"))
        self.fields = {
            "office_name": self.office_name,
            "officer_name": self.officer_name,
            "officer_position": self.officer_position,
            "office_phone": self.office_phone,
        }
        self.errors = {name: self._error_label() for name in self.fields}
        self.save_button = QPushButton(self.tr("Save office details"))
        self.save_button.setToolTip(self.tr("Save the office details (Ctrl+S)"))
        self.office_message = QLabel()
        self.head_only_note = QLabel(self.tr("Only a head of the office changes these details."))
        self.head_only_note.setStyleSheet(HINT_STYLE)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

        office_box = QGroupBox(self.tr("Office"))
        form = QFormLayout(office_box)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Area:"), self.area)
        self._add_field(form, self.tr("Office &name:"), "office_name")
        self._add_field(form, self.tr("Signing &officer's name:"), "officer_name")
        self._add_field(form, self.tr("Officer's posi&tion:"), "officer_position")
        self._add_field(form, self.tr("Office tele&phone:"), "office_phone")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.office_message, 1)
        buttons.addWidget(self.head_only_note)
        form.addRow(buttons)
        note = QLabel(
            self.tr(
                "The office's name and its signing officer are printed on registration forms "
                "and certificates, and are the same on every computer that uses this register."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        form.addRow(note)

        # The emblem is saved as soon as it is chosen: it is a file, not typed text.
        self.emblem_preview = QLabel()
        self.emblem_preview.setFixedHeight(EMBLEM_PREVIEW)
        self.emblem_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emblem_button = QPushButton(self.tr("Choose &emblem image…"))
        self.emblem_button.setToolTip(
            self.tr("A PNG or JPEG of the Garuda emblem, printed top left on memos")
        )
        self.emblem_remove = QPushButton(self.tr("Remove emblem"))
        self.emblem_message = QLabel()
        self.emblem_message.setWordWrap(True)
        emblem_row = QHBoxLayout()
        emblem_row.addWidget(self.emblem_preview)
        emblem_row.addWidget(self.emblem_button)
        emblem_row.addWidget(self.emblem_remove)
        emblem_row.addStretch(1)
        form.addRow(self.tr("Garuda emblem:"), emblem_row)
        form.addRow(self.emblem_message)
        emblem_note = QLabel(
            self.tr(
                "The program does not come with the emblem: choose the image file your office "
                "uses. Memos print without it until one is chosen."
            )
        )
        emblem_note.setWordWrap(True)
        emblem_note.setStyleSheet(HINT_STYLE)
        form.addRow(emblem_note)

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        language_box = QGroupBox(self.tr("Language"))
        language_form = QFormLayout(language_box)
        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        language_form.addRow(self.tr("&Language of the program:"), self.language)
        language_form.addRow(self.language_note)

        # The groups scroll on a small window rather than being squeezed together.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(office_box)
        self.backups = BackupSettingsGroup(register)
        self.backups.changed.connect(self.backup_settings_changed)
        layout.addWidget(self.backups)
        layout.addWidget(language_box)
        layout.addStretch(1)

        for edit in self.fields.values():
            edit.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.emblem_button.clicked.connect(self.choose_emblem)
        self.emblem_remove.clicked.connect(self.remove_emblem)
        self.language.activated.connect(self._language_chosen)
        self.language.setCurrentIndex(self.language.findData(self._preferences.language))
        self._show_language_note()
        self.refresh()

    def _line_edit(self, column: QueryableAttribute[str]) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(length(column))
        # Room for a long office name; wider only spreads the form across a large screen.
        edit.setMaximumWidth(60 * edit.fontMetrics().averageCharWidth())
        return edit

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_field(self, form: QFormLayout, text: str, name: str) -> None:
        """A field with its message under it, so the message stands next to what it is about.
        The label's buddy is the field itself: a buddy that only proxies its focus (the box)
        takes no focus from a mnemonic, which left Alt+O and Alt+T in the office name."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.fields[name])
        layout.addWidget(self.errors[name])
        label = QLabel(text)
        label.setBuddy(self.fields[name])
        form.addRow(label, box)

    # --- the office ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the office record again (another computer may have changed it)."""
        with self._register.read() as session:
            office = get_office(session)
        self.kind.setText(office_kind_text(OfficeKind(office.kind)))
        self.area.setText(office_area_text(office))
        self._saved = {
            "office_name": office.name,
            "officer_name": office.officer_name,
            "officer_position": office.officer_position,
            "office_phone": office.phone,
        }
        self._show_emblem(office.emblem_image)
        for name, edit in self.fields.items():
            edit.setText(self._saved[name])
        # Only a head changes the office record once the register has accounts (the service
        # refuses anyone else): shown as read-only rather than refused on saving.
        editable = self._register.may(HEAD)
        for edit in self.fields.values():
            edit.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.emblem_button.setVisible(editable)
        self.emblem_remove.setVisible(editable and not self.emblem_preview.pixmap().isNull())
        self.head_only_note.setVisible(not editable)
        self._show_errors(None)
        self._edited()

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            if not self.has_changes():
                self.refresh()
            self.backups.refresh()
        super().showEvent(event)

    def has_changes(self) -> bool:
        return any(edit.text() != self._saved.get(name) for name, edit in self.fields.items())

    def _edited(self) -> None:
        self.save_button.setEnabled(self.has_changes())
        self.office_message.clear()

    def save(self) -> bool:
        """Writes the office details in one transaction; False if they were refused."""
        if not self.has_changes():
            return True
        try:
            with self._register.write() as session:
                update_office(
                    session,
                    name=self.office_name.text(),
                    officer_name=self.officer_name.text(),
                    officer_position=self.officer_position.text(),
                )
                set_office_phone(session, self.office_phone.text())
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.refresh()
        self.office_message.setText(self.tr("Saved."))
        self.office_changed.emit()
        return True

    def _show_errors(self, exc: ValidationError | None) -> None:
        first: QLineEdit | None = None
        for name, label in self.errors.items():
            errors = exc.for_field(name) if exc is not None else []
            text = user_message(ValidationError(errors)) if errors else ""
            label.setText(text)
            label.setVisible(bool(text))
            self.fields[name].setAccessibleDescription(text)
            if text and first is None:
                first = self.fields[name]
        if first is not None:
            first.setFocus()

    def confirm_leave(self) -> bool:
        """True when the page may be left: nothing unsaved, or the clerk saved or discarded
        it. False when they chose to stay."""
        if not self.has_changes():
            return True
        answer = ask_to_save(
            self,
            self.tr("The office details have changes that are not saved."),
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.refresh()
            return True
        return False

    # --- the emblem ---------------------------------------------------------------------

    def choose_emblem(self) -> bool:
        """Asks for the emblem's image file and saves it in the register; False when the
        clerk cancelled or the file was refused (they are told why)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        ) or str(Path.home())
        chosen = open_file_name(
            self,
            self.tr("Garuda emblem"),
            folder,
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if not chosen:
            return False
        try:
            data = Path(chosen).read_bytes()
        except OSError as exc:
            show_user_error(
                self,
                UserError(
                    f"อ่านไฟล์ {chosen} ไม่ได้ ({exc.strerror or exc})",
                    f"Could not read {chosen} ({exc.strerror or exc})",
                ),
            )
            return False
        return self.set_emblem(data)

    def set_emblem(self, data: bytes | None) -> bool:
        """Saves ``data`` (None: no emblem) as the office's emblem."""
        try:
            with self._register.write() as session:
                set_emblem(session, data)
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.refresh()
        self.emblem_message.setText(
            self.tr("Emblem saved: memos print it.") if data else self.tr("Emblem removed.")
        )
        return True

    def remove_emblem(self) -> bool:
        return self.set_emblem(None)

    def _show_emblem(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.emblem_preview.setPixmap(
                pixmap.scaledToHeight(EMBLEM_PREVIEW, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.emblem_preview.clear()
            self.emblem_preview.setText(self.tr("None"))
        self.emblem_message.clear()

    # --- the language -------------------------------------------------------------------

    def _language_chosen(self) -> None:
        self._preferences.language = str(self.language.currentData())
        self._show_language_note()

    def _show_language_note(self) -> None:
        chosen = str(self.language.currentData())
        if chosen == running_language():
            self.language_note.setStyleSheet(HINT_STYLE)
            self.language_note.setText(
                self.tr(
                    "Your choice is kept for you on this computer. A new language applies "
                    "from the next start of the program."
                )
            )
        else:
            self.language_note.setStyleSheet("")
            self.language_note.setText(
                self.tr(
                    "The program starts in {language} next time. To switch now, close it and "
                    "start it again."
                ).format(language=LANGUAGE_NAMES[chosen])
            )
