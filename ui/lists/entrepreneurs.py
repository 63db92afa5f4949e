"""The list of entrepreneurs: every producer of the office's area, searched and filtered. On
a register with accounts the phones are masked (a head reveals one, recorded, from the
context menu)."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from otop_desktop.accounts.roles import has_accounts
from otop_desktop.database import Register
from otop_desktop.domain import READINESS_ITEMS, ProducerType, Status
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import HEAD
from otop_desktop.services.listing import (
    EntrepreneurFilter,
    EntrepreneurRow,
    count_entrepreneurs,
    entrepreneur_ids,
    entrepreneur_rows,
)
from otop_desktop.services.personal import reveal
from otop_desktop.services.readiness import TOP_LEVEL
from otop_desktop.thaiformat import format_be_date
from otop_desktop.thaiid import ThaiIdError, format_thai_id
from ui.lang import label_of, pick
from ui.lists.model import (
    CENTER,
    NAME_SAMPLE,
    RIGHT,
    Column,
    LazyTableModel,
    masking,
    subdistrict_name,
)
from ui.lists.page import ListPage
from ui.messages import message_title, show_user_error

# The personal fields of a row, masked unless whoever acts sees them outside a form.
PERSONAL = ("phone",)


# The readiness box's choices: "level:3", "level:-1" (never assessed), "lacking:promptpay".
NOT_ASSESSED = -1


def readiness_level(level: int) -> str:
    return f"level:{level}"


def readiness_lacking(check: str) -> str:
    return f"lacking:{check}"


def readiness_filter(choice: str | None) -> dict[str, Any]:
    """The EntrepreneurFilter fields of a choice of the readiness box."""
    if choice is None:
        return {}
    kind, _, value = choice.partition(":")
    if kind == "level":
        return {"readiness_level": int(value)}
    return {"readiness_lacking": value}


def _short(producer_type: ProducerType) -> str:
    return pick(producer_type.short_th, producer_type.short_en)


class EntrepreneursPage(ListPage[EntrepreneurFilter, EntrepreneurRow]):
    """``openRequested(id)`` on double-click or Enter, ``newRequested()`` on Ctrl+N or the
    button; ``reload()`` after a record changed, ``select_id(id)`` to show one."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self._register = register
        self.search.setPlaceholderText(
            self.tr("Search by name, contact, registration no. or product (Ctrl+F)")
        )
        self.new_button.setText(self.tr("New entrepreneur"))
        self.producer_type_box = self.add_filter(
            self.tr("All producer types"), [(label_of(t), int(t)) for t in ProducerType]
        )
        self.status_box = self.add_filter(self.tr("All statuses"), self.status_choices())
        self.category_box = self.add_filter(
            self.tr("All product categories"), self.category_choices()
        )
        self.stars_box = self.add_filter(self.tr("Any stars"), self.stars_choices())
        # One box for digital readiness, its level or an item lacking ("who has no PromptPay
        # yet?", producers never assessed included), so that the row keeps its room.
        self.readiness_box = self.add_filter(
            self.tr("Digital readiness: any"),
            [
                *(
                    (self.tr("Readiness level {level}").format(level=level), readiness_level(level))
                    for level in range(TOP_LEVEL + 1)
                ),
                (self.tr("Never assessed"), readiness_level(NOT_ASSESSED)),
                *(
                    (self.tr("Lacking: {item}").format(item=pick(th, en)), readiness_lacking(key))
                    for key, th, en in READINESS_ITEMS
                ),
            ],
        )
        self.readiness_box.setToolTip(
            self.tr(
                "A digital readiness level, or producers lacking one item of the checklist "
                "(those never assessed included)"
            )
        )
        locale = self.locale()
        columns: list[Column[EntrepreneurRow]] = [
            Column(self.tr("Reg. no."), lambda r: r.reg_no, "reg_no", "5013-2567-0000"),
            Column(self.tr("Name"), lambda r: r.name, "name", NAME_SAMPLE, fill=True),
            Column(
                # "Type": the filter box above names it in full; the list needs the room.
                self.tr("Type"),
                # None: imported from an old spreadsheet without it (services.incomplete).
                lambda r: (
                    _short(ProducerType(r.producer_type))
                    if r.producer_type is not None
                    else self.tr("not given")
                ),
                "producer_type",
                tuple(_short(t) for t in ProducerType),
            ),
            Column(self.tr("Contact"), lambda r: r.contact_name, None, "นายสมชาย ใจดี"),
            Column(
                self.tr("Subdistrict"),
                lambda r: subdistrict_name(r.subdistrict_code),
                "subdistrict",
                "ร้องวัวแดง",
            ),
            Column(self.tr("Moo"), lambda r: str(r.moo or ""), None, "00", CENTER),
            Column(self.tr("Phone"), lambda r: r.phone, None, "0800000000"),
            Column(
                self.tr("Status"),
                lambda r: label_of(Status(r.status)),
                "status",
                tuple(label_of(s) for s in Status),
            ),
            Column(
                self.tr("Registered"),
                lambda r: (
                    format_be_date(r.registered_on)
                    if r.registered_on is not None
                    else self.tr("not given")
                ),
                "registered_on",
                "00/00/0000",
            ),
            Column(
                self.tr("Products"), lambda r: locale.toString(r.product_count), None, "000", RIGHT
            ),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                entrepreneur_ids,
                masking(entrepreneur_rows, PERSONAL),
                EntrepreneurFilter(),
                order="reg_no",
                parent=self,
            ),
            lambda session: count_entrepreneurs(session, EntrepreneurFilter()),
        )

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    # Revealing personal data -------------------------------------------------------------

    def can_reveal(self) -> bool:
        """A head on a register with accounts: the list masks, and a head may reveal."""
        actor = self._register.actor
        if actor is None or actor.role != HEAD:
            return False
        with self._register.read() as session:
            return has_accounts(session)

    def reveal_actions(self) -> list[QAction]:
        """What the context menu offers on the current record: to a head, showing its full
        citizen ID or phone (each showing recorded in the audit trail)."""
        if self.current_id() is None or not self.can_reveal():
            return []
        show_id = QAction(self.tr("Show the full &ID number"), self)
        show_id.triggered.connect(lambda: self.reveal_current("national_id"))
        show_phone = QAction(self.tr("Show the full &phone number"), self)
        show_phone.triggered.connect(lambda: self.reveal_current("phone"))
        return [show_id, show_phone]

    def _context_menu(self, pos: QPoint) -> None:
        actions = self.reveal_actions()
        if not actions:
            return
        menu = QMenu(self)
        menu.addActions(actions)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def reveal_current(self, field: str) -> str | None:
        """Shows the current record's full citizen ID (``national_id``) or phone to a head;
        the service records it. Returns the value shown, None when refused."""
        entrepreneur_id = self.current_id()
        if entrepreneur_id is None:
            return None
        try:
            with self._register.write() as session:
                value = reveal(session, entrepreneur_id, field)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        row = self.model.row_of(entrepreneur_id)
        cells = self.model.cells(row) if row is not None else None
        record = f"{cells[0]} {cells[1]}" if cells else ""
        if field == "national_id":
            # An imported ID of another shape is shown as stored.
            with suppress(ThaiIdError):
                value = format_thai_id(value)
            text = self.tr("ID number of {record}: {value}")
        else:
            text = self.tr("Phone number of {record}: {value}")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            message_title(),
            text.format(record=record, value=value or self.tr("(none)")),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(self.tr("That you saw it is recorded in the audit trail."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        return value

    def current_filter(self) -> EntrepreneurFilter:
        return EntrepreneurFilter(
            query=self.search.text(),
            producer_type=self.producer_type_box.currentData(),
            status=self.status_box.currentData(),
            category=self.category_box.currentData(),
            stars=self.stars_box.currentData(),
            **readiness_filter(self.readiness_box.currentData()),
            **self.area_filter(),
        )

    def list_title(self) -> str:
        return self.tr("Entrepreneurs")

    def empty_text(self) -> str:
        return self.tr(
            "No entrepreneur is registered yet. Press Ctrl+N (New entrepreneur) to register the "
            "first one; an office that kept its register in a spreadsheet brings it in on the "
            "Submission page, with “Import an old spreadsheet…”."
        )

    def count_text(self, count: int, complete: bool) -> str:
        if not complete:
            return self.tr("At least {count} of {total} entrepreneurs…").format(
                **self.numbers(count)
            )
        return self.tr("{count} of {total} entrepreneurs").format(**self.numbers(count))
