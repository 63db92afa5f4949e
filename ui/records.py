"""Opening the entry forms from the lists: a list asks, a dialog edits in its own unit of
work, and the lists are read again so that they show what was saved. The forms' modules are
loaded when a form is first opened: the main window, which makes this with its lists, comes
sooner without them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.services.entrepreneurs import get_entrepreneur
from otop_desktop.services.products import get_product
from ui.lists.entrepreneurs import EntrepreneursPage
from ui.lists.page import ListPage
from ui.lists.products import ProductsPage
from ui.messages import show_user_error

if TYPE_CHECKING:
    from ui.forms.record_dialog import RecordDialog


class RecordActions(QObject):
    # Ctrl+P on a record: the registration number whose certificate to print.
    printRequested = Signal(str)

    def __init__(
        self,
        register: Register,
        entrepreneurs: EntrepreneursPage,
        products: ProductsPage,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._window = parent
        self.entrepreneurs = entrepreneurs
        self.products = products
        entrepreneurs.openRequested.connect(self.open_entrepreneur)
        entrepreneurs.newRequested.connect(lambda: self.open_entrepreneur(None))
        products.openRequested.connect(self.open_product)
        products.newRequested.connect(self.new_product)
        for page, registration in (
            (entrepreneurs, self._entrepreneur_registration),
            (products, self._owner_registration),
        ):
            # Only while the list has the focus: the print page has its own Ctrl+P.
            shortcut = QShortcut(QKeySequence("Ctrl+P"), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda found=registration: self._print(found()))

    def _entrepreneur_registration(self) -> str | None:
        chosen = self.entrepreneurs.current_id()
        if chosen is None:
            return None
        with self._register.read() as session:
            return get_entrepreneur(session, chosen).reg_no

    def _owner_registration(self) -> str | None:
        chosen = self.products.current_id()
        if chosen is None:
            return None
        with self._register.read() as session:
            return get_product(session, chosen).entrepreneur.reg_no

    def _print(self, reg_no: str | None) -> None:
        if reg_no is None:
            QMessageBox.information(
                self._window,
                self.tr("Print"),
                self.tr("Select a record in the list first, then press Ctrl+P."),
            )
            return
        self.printRequested.emit(reg_no)

    def open_entrepreneur(self, entrepreneur_id: int | None) -> None:
        from ui.forms.entrepreneur_form import EntrepreneurDialog

        try:
            dialog = EntrepreneurDialog(self._register, entrepreneur_id, self._window)
        except UserError as exc:  # deleted on another PC meanwhile
            show_user_error(self._window, exc)
            self._reload()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()
            self._show_saved(self.entrepreneurs, dialog)

    def open_product(self, product_id: int) -> None:
        try:
            with self._register.read() as session:
                owner = get_product(session, product_id).entrepreneur_id
        except UserError as exc:
            show_user_error(self._window, exc)
            self._reload()
            return
        self._product_dialog(owner, product_id)

    def new_product(self) -> None:
        """A product belongs to a producer: the form starts with the one of the product
        selected in the product list, or else the one selected in the entrepreneur list, and
        the clerk may pick another there."""
        product_id = self.products.current_id()
        if product_id is not None:
            with self._register.read() as session:
                owner: int | None = get_product(session, product_id).entrepreneur_id
        else:
            owner = self.entrepreneurs.current_id()
        # No producer selected: the form asks for one (typed search).
        self._product_dialog(owner, None)

    @staticmethod
    def _show_saved(page: ListPage[Any, Any], dialog: RecordDialog) -> None:
        """A new record is said with its number and selected, or the filters hiding it
        named; an edited one is selected again."""
        if dialog.saved_id is None:
            return
        if dialog.created:
            page.show_saved(dialog.saved_id, dialog.saved_message())
        else:
            page.select_id(dialog.saved_id)

    def _product_dialog(self, owner: int | None, product_id: int | None) -> None:
        from ui.forms.product_form import ProductDialog

        try:
            dialog = ProductDialog(self._register, owner, product_id, self._window)
        except UserError as exc:
            show_user_error(self._window, exc)
            self._reload()
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()
            self._show_saved(self.products, dialog)

    def _reload(self) -> None:
        self.entrepreneurs.reload()
        self.products.reload()
