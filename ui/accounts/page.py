"""The Accounts page: the register's accounts with their roles, and for a head of office
adding one, resetting a forgotten password, changing a role, disabling and enabling, the
screen-lock minutes and a new signing key. Everything goes through the account services in
``register.write()``, which refuse whoever lacks the right; a clerk or viewer sees the page
read only (and may change their own password). On a register without accounts it offers
the first head's account."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.accounts.service import list_accounts, set_disabled
from otop_desktop.audit.record import Actor
from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import HEAD
from otop_desktop.services.personal import set_idle_lock
from ui.accounts.dialogs import (
    AddAccountDialog,
    ChangePasswordDialog,
    ChangeRoleDialog,
    ReplaceKeyDialog,
    ResetPasswordDialog,
)
from ui.accounts.first_head import FirstHeadDialog
from ui.accounts.texts import role_text
from ui.headings import heading
from ui.messages import show_user_error
from ui.widgets.confirm import confirm
from ui.widgets.field_error import FieldMessage, Level

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 240


class AccountsModel(QAbstractTableModel):
    """The accounts by name: name, role, whether it is disabled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (name, role, disabled)
        self._rows: list[tuple[str, str, bool]] = []
        self._titles = [self.tr("Account"), self.tr("Role"), self.tr("State")]

    def set_rows(self, rows: list[tuple[str, str, bool]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def account(self, row: int) -> tuple[str, str, bool]:
        return self._rows[row]

    def row_of(self, name: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[0] == name), None)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name, account_role, disabled = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return name
        if column == 1:
            return role_text(account_role)
        return self.tr("Disabled") if disabled else self.tr("In use")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None


class AccountsPage(QWidget):
    """Shown to everyone; the buttons that change accounts work for heads only."""

    #: A head set the screen-lock minutes: the running IdleLock takes them (set_minutes).
    idle_lock_changed = Signal(int)
    #: The first head's account was made here (and logged in): the window starts its lock.
    first_head_created = Signal(object)
    #: Accounts were added or changed.
    accounts_changed = Signal()

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self.dialog: QDialog | None = None

        self.who = QLabel()
        self.who.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.first_head_button = QPushButton(self.tr("&Create the head's account…"))
        self.first_head_button.clicked.connect(self.create_first_head)

        self.model = AccountsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add_account)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.role_button.clicked.connect(self.change_role)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.own_password_button = QPushButton(self.tr("Change &my password…"))
        self.own_password_button.clicked.connect(self.change_own_password)
        side = QVBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button, self.disable_button):
            side.addWidget(button)
        side.addSpacing(16)
        side.addWidget(self.own_password_button)
        side.addStretch(1)
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        table_row.addLayout(side)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_save = QPushButton(self.tr("&Save"))
        self.idle_save.clicked.connect(self.save_idle_lock)
        self.idle_message = FieldMessage()
        self.idle_minutes.valueChanged.connect(self._idle_edited)
        idle_box = QGroupBox(self.tr("Screen lock"))
        idle_row = QHBoxLayout()
        idle_label = QLabel(self.tr("Lock the screen &after"))
        idle_label.setBuddy(self.idle_minutes)
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(QLabel(self.tr("without use")))
        idle_row.addWidget(self.idle_save)
        idle_row.addStretch(1)
        idle_layout = QVBoxLayout(idle_box)
        idle_layout.addLayout(idle_row)
        idle_layout.addWidget(self.idle_message)

        key_box = QGroupBox(self.tr("Signing key"))
        key_text = QLabel(
            self.tr(
                "Certificates are signed with the office's key, which only a head's password "
                "unlocks. Replace it when a copy of the register may have left the office."
            )
        )
        key_text.setWordWrap(True)
        self.key_button = QPushButton(self.tr("Replace the &signing key…"))
        self.key_button.clicked.connect(self.replace_key)
        key_row = QHBoxLayout(key_box)
        key_row.addWidget(key_text, 1)
        key_row.addWidget(self.key_button)
        self.idle_box, self.key_box = idle_box, key_box

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Accounts")))
        layout.addWidget(self.who)
        layout.addWidget(self.note)
        layout.addWidget(self.first_head_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(table_row, 1)
        layout.addWidget(idle_box)
        layout.addWidget(key_box)
        self._saved_minutes = 0
        self.refresh()

    # State --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def actor(self) -> Actor | None:
        return self._register.actor

    def is_head(self) -> bool:
        actor = self.actor()
        return actor is not None and actor.account_id is not None and actor.role == HEAD

    def refresh(self) -> None:
        """Reads the accounts and the screen-lock minutes again."""
        current = self.selected_name()
        with self._register.read() as session:
            rows = [(a.name, a.role, a.disabled) for a in list_accounts(session)]
        office = self._register.office()
        self.model.set_rows(rows)
        row = self.model.row_of(current) if current else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        minutes = office.idle_lock_minutes if office is not None else 15
        self._saved_minutes = minutes
        self.idle_minutes.setValue(minutes)
        self.idle_message.clear_message()
        self._update_state(has_accounts=bool(rows))

    def _update_state(self, *, has_accounts: bool) -> None:
        actor = self.actor()
        head = self.is_head()
        if not has_accounts:
            self.who.setText(
                self.tr(
                    "This register has no accounts yet: whoever opens the program may do "
                    "everything, nothing records who did what, and the signing key lies "
                    "unencrypted in the register."
                )
            )
            self.note.setText(
                self.tr("Create the head of office's account to begin using accounts.")
            )
        elif actor is not None:
            self.who.setText(
                self.tr("Logged in as {name} ({role}).").format(
                    name=actor.name, role=role_text(actor.role)
                )
            )
            self.note.setText(
                ""
                if head
                else self.tr(
                    "Only a head of office adds accounts, resets passwords, changes roles, "
                    "and sets the screen lock. You can see the accounts here and change "
                    "your own password."
                )
            )
        else:
            self.who.setText("")
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.first_head_button.setVisible(not has_accounts)
        self.table.setVisible(has_accounts)
        self.idle_box.setVisible(has_accounts)
        self.key_box.setVisible(has_accounts)
        self.add_button.setEnabled(head)
        self.own_password_button.setEnabled(
            has_accounts and actor is not None and actor.account_id is not None
        )
        for button in (self.add_button, self.own_password_button):
            button.setVisible(has_accounts)
        self.idle_minutes.setEnabled(head)
        self.key_button.setEnabled(head)
        self._update_buttons()
        self._idle_edited()

    def selected_name(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.model.account(index.row())[0]

    def selected(self) -> tuple[str, str, bool] | None:
        index = self.table.currentIndex()
        return self.model.account(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        head = self.is_head()
        actor = self.actor()
        own = chosen is not None and actor is not None and chosen[0] == actor.name
        for button in (self.reset_button, self.role_button, self.disable_button):
            button.setEnabled(head and chosen is not None)
            button.setVisible(self.table.isVisibleTo(self))
        # One's own account is not disabled from here: that would log oneself out for good.
        self.disable_button.setEnabled(head and chosen is not None and not own)
        disabled = chosen is not None and chosen[2]
        self.disable_button.setText(self.tr("&Enable") if disabled else self.tr("&Disable"))

    def _idle_edited(self) -> None:
        self.idle_save.setEnabled(
            self.is_head() and self.idle_minutes.value() != self._saved_minutes
        )

    # Actions ------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Opens ``dialog`` (window-modal, without blocking); its OK reads the accounts
        again."""
        self.dialog = dialog
        dialog.accepted.connect(self._changed)
        dialog.open()

    def _changed(self) -> None:
        self.refresh()
        self.accounts_changed.emit()

    def add_account(self) -> None:
        self._open(AddAccountDialog(self._register, self))

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open(ResetPasswordDialog(self._register, chosen[0], chosen[1], self))

    def change_role(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.is_head():
            self._open(ChangeRoleDialog(self._register, chosen[0], chosen[1], self))

    def change_own_password(self) -> None:
        actor = self.actor()
        if actor is not None:
            self._open(ChangePasswordDialog(self._register, actor.name, self))

    def replace_key(self) -> None:
        actor = self.actor()
        if actor is not None:
            self._open(ReplaceKeyDialog(self._register, actor.name, self))

    def toggle_disabled(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, _role, disabled = chosen
        if not disabled and not confirm(
            self,
            self.tr("Disable {name}'s account? {name} can no longer log in.").format(name=name),
            self.tr("Disable"),
            self.tr("Keep it"),
        ):
            return
        try:
            with self._register.write() as session:
                set_disabled(session, name, not disabled)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._changed()

    def save_idle_lock(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            with self._register.write() as session:
                set_idle_lock(session, minutes)
        except UserError as exc:
            show_user_error(self, exc)
            return
        self._saved_minutes = minutes
        self._idle_edited()
        self.idle_message.show_message(self.tr("Saved"), Level.OK)
        self.idle_lock_changed.emit(minutes)

    def create_first_head(self) -> None:
        dialog = FirstHeadDialog(self._register, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._first_head_done(dialog))
        dialog.open()

    def _first_head_done(self, dialog: FirstHeadDialog) -> None:
        self.refresh()
        if dialog.actor is not None:
            self.accounts_changed.emit()
            self.first_head_created.emit(dialog.actor)
