"""The main window: a list of pages on the left, the chosen page on the right, menus and the
shortcuts that reach across pages (Ctrl+1…9, Ctrl+P on a record, Ctrl+Q, F1). It holds its
register's lock file while open, backs the register up (File → Back up now, on closing and
daily), restores it (File → Restore from a backup…), checks it once it is shown, and hands
over to another register (File → New register…, Open register…, the recent registers).

The window can come before its register: on a register opening behind it (ui.launch) it
shows its frame at once — title, size, menus — saying that the register is opening, and
fills in its pages once it is open. This module therefore imports neither the core nor the
pages at its top: they load when the window is filled, or when an action needs them."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEventLoop, QSignalBlocker, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.errors import UserError
from otop_desktop.outputs import is_sqlite_file
from otop_desktop.thaiformat import Period, fiscal_year_of_period
from otop_desktop.version import program_version
from ui.accounts.opening import OpeningRegister
from ui.app import display_location, register_name
from ui.file_dialogs import open_file_name, save_file_name
from ui.headings import heading
from ui.help import show_help
from ui.messages import show_user_error
from ui.settings.preferences import Preferences, location_to_keep

# The lists behind the overview's charts: the filter box of each (list, field) a chart's
# target names (services.overview.TARGETS); a month's sales open the sales grid instead.
SALES_OF_MONTH = ("sales", "period")
LIST_FILTERS = {
    ("entrepreneurs", "district_code"): "district_box",
    ("entrepreneurs", "subdistrict_code"): "subdistrict_box",
    ("entrepreneurs", "status"): "status_box",
    ("entrepreneurs", "readiness_lacking"): "readiness_box",
    ("entrepreneurs", "readiness_level"): "readiness_box",
    ("products", "category"): "category_box",
    ("products", "stars"): "stars_box",
    ("products", "soft_power"): "soft_power_box",
    ("products", "standard"): "standard_box",
    ("households", "industry"): "industry_box",
    # A month's trainings or grants: the list of its fiscal year.
    ("trainings", "period"): "year_box",
    ("grants", "period"): "year_box",
}

if TYPE_CHECKING:
    from otop_desktop.audit.record import Actor
    from otop_desktop.backup.restore import Restored
    from otop_desktop.database import Register
    from otop_desktop.services.overview import Target
    from ui.accounts import IdleLock
    from ui.households import HouseholdsPage
    from ui.legacy.to_complete import ToCompletePage
    from ui.lists.page import ListPage
    from ui.printing.print_page import PrintPage
    from ui.sales.sales_page import SalesPage
    from ui.settings.settings_page import SettingsPage
    from ui.support import SupportPage

NAV_WIDTH = 240
# Fits a 1366×768 screen with the Windows taskbar and title bar, the office PCs' usual size.
WINDOW_SIZE = (1200, 660)
MINIMUM_SIZE = (900, 560)
# The file a new register is offered as, and what the register dialogs list.
REGISTER_SUFFIX = ".sqlite3"
# How long closing waits for the background reads still under way (see closeEvent).
JOBS_WAIT_MS = 10_000


class LazyPage(QWidget):
    """Builds its page the first time it is shown (or ``built()`` is asked for): the sales
    grid reads a whole month when it is built, which on a national register would hold up the
    window's opening, and the pages' modules (the printing's reportlab, the audit's openpyxl)
    are imported only when first needed."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        page = self.page
        if page is None:
            page = self.page = self._build()
            self._layout.addWidget(page)
            if self.isVisible():
                # At once, not when the layout's queued show comes: the page reads what it
                # shows in its own showEvent, and whoever asked may look at it right away.
                page.show()
        return page

    def showEvent(self, event: QShowEvent) -> None:
        self.built()
        super().showEvent(event)

    def confirm_leave(self) -> bool:
        confirm = getattr(self.page, "confirm_leave", None)
        return confirm() if confirm is not None else True


class MainWindow(QMainWindow):
    """The window for one open register. Pages are addressed by key (``show_page``), so the
    rest of the window does not depend on their order.

    Made on a register still opening (an OpeningRegister), it is a frame until ``fill``:
    ``opened_register()`` waits for the register with the frame on the screen, and whoever
    made it fills it in once any login or question before the pages has been passed.

    After a restore the window closes with ``reopen_requested`` True (and ``restored`` saying
    what was done): whoever opened it then opens the register again in a new window. After
    File → New register…, Open register… or a recent register it closes the same way with
    ``next_db`` naming the register to open instead (set up first if it is new)."""

    def __init__(
        self,
        register: Register | OpeningRegister,
        parent: QWidget | None = None,
        *,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences if preferences is not None else Preferences()
        # Set when the window closed to open a register again in a new window: after a
        # restore (the same register), or to change to ``next_db``.
        self.reopen_requested = False
        self.next_db: str | None = None
        self.restored: Restored | None = None
        self._closed = False
        self._closing = False
        self._shown_once = False
        self.filled = False
        # The screen locks after the office's idle time, once the register has accounts.
        self.idle_lock: IdleLock | None = None
        self._keys: list[str] = []
        self.nav = QListWidget()
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet("QListWidget#nav::item { padding: 6px 10px; }")
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.location = QLabel()
        self.statusBar().addWidget(self.location)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*WINDOW_SIZE)
        # The register being opened behind the frame, the wait for it (opened_register), and
        # what the frame shows meanwhile.
        self._opening: OpeningRegister | None = None
        self._waiting: QEventLoop | None = None
        self.opening_label: QLabel | None = None
        if isinstance(register, OpeningRegister):
            self._show_opening(register)
        else:
            self.fill(register)

    def _show_opening(self, opening: OpeningRegister) -> None:
        self._opening = opening
        # A register file (otop_desktop.first_look answers for no other): named by its file.
        path = Path(opening.db).expanduser()
        self._set_title(opening.office_name, path.name)
        self._show_location(str(path))
        self.opening_label = heading(self.tr("Opening the register…"), size_delta=2)
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        for action in self._register_actions:
            action.setEnabled(False)

    def _show_location(self, location: str) -> None:
        self.location.setText(self.tr("Register: {location}").format(location=location))

    def opened_register(self) -> Register | None:
        """Waits for the register opening behind the frame, the events going on meanwhile
        (the frame painted, its menus answering), and returns it; None when the clerk closed
        the window first (the register is let go again). Raises what opening it raised."""
        opening = self._opening
        assert opening is not None, "a frame made on an OpeningRegister"
        self._waiting = QEventLoop()
        opening.finished.connect(self._waiting.quit)
        QTimer.singleShot(0, opening.start)  # once the frame is on the screen
        self._waiting.exec()
        self._waiting = None
        if self._closed:
            opening.close()
            return None
        return opening.register()  # raises the opening's error

    def fill(self, register: Register) -> None:
        """The register's pages, its place in the status bar and the menus' entries that need
        it; the start-up check once the window is shown."""
        # Here, not at the top: a frame shows before the core and the pages are loaded.
        from ui.accounts import AccountsPage
        from ui.backup import Backups, StartupCheck
        from ui.lists.entrepreneurs import EntrepreneursPage
        from ui.lists.products import ProductsPage
        from ui.overview import OverviewPage
        from ui.printing.verify_dialog import verify_action
        from ui.records import RecordActions

        assert not self.filled, "a window is filled once"
        self.register = register
        self._opening = None
        self.backups = Backups(register, self)
        self.startup_check = StartupCheck(register, self)
        self.startup_check.failed.connect(self._check_failed)
        self.startup_check.restore_requested.connect(self.restore_from_backup)
        self.overview = OverviewPage(register, clickable=self.can_open_list)
        self.overview.openRequested.connect(self.open_list)
        self._settings = LazyPage(self._settings_page)
        self.records = RecordActions(
            register, EntrepreneursPage(register), ProductsPage(register), self
        )
        self._print = LazyPage(lambda: _print_page(register))
        self.sales = LazyPage(lambda: _sales_page(register))
        self._households = LazyPage(lambda: _households_page(register))
        self._support = LazyPage(lambda: _support_page(register))
        self.records.printRequested.connect(self.print_record)
        self.accounts = AccountsPage(register)
        # Records imported from old spreadsheets without all their details; completing one
        # opens its own form, and the list is read again when the form closes.
        self._to_complete = LazyPage(self._to_complete_page)
        self.accounts.first_head_created.connect(lambda _actor: self._start_idle_lock())

        if self.opening_label is not None:
            self.stack.removeWidget(self.opening_label)
            self.opening_label.deleteLater()
            self.opening_label = None
        # The pages in the order of the list (and of Ctrl+1…9): a new page is one more line.
        pages: list[tuple[str, str, QWidget]] = [
            ("overview", self.tr("Overview"), self.overview),
            ("entrepreneurs", self.tr("Entrepreneurs"), self.records.entrepreneurs),
            ("products", self.tr("Products"), self.records.products),
            ("sales", self.tr("Monthly sales"), self.sales),
            ("households", self.tr("Soft Power households"), self._households),
            ("support", self.tr("Trainings and grants"), self._support),
            ("print", self.tr("Print"), self._print),
            ("submission", self.tr("Submission"), LazyPage(lambda: _submission_page(register))),
            ("settings", self.tr("Settings"), self._settings),
            ("audit", self.tr("Audit trail"), LazyPage(lambda: _audit_page(register))),
            ("accounts", self.tr("Accounts"), self.accounts),
            ("to_complete", self.tr("Records to complete"), self._to_complete),
        ]
        for key, title, widget in pages:
            self.add_page(key, title, widget)
        self.nav.currentRowChanged.connect(self._switch_page)
        self.nav.setCurrentRow(0)
        self.file_menu.insertAction(self._lock_separator, verify_action(register, self))
        self._fill_recent_menu()
        for action in self._register_actions:
            action.setEnabled(True)

        self._show_location(display_location(register.engine.url))
        self.statusBar().addPermanentWidget(self.backups.status)
        self.backups.start()
        self.update_title()
        self.filled = True
        if self._shown_once:
            self._start_checks()

    # The lazily built pages the window talks to, built when first asked for.

    @property
    def print_page(self) -> PrintPage:
        return cast("PrintPage", self._print.built())

    @property
    def households(self) -> HouseholdsPage:
        return cast("HouseholdsPage", self._households.built())

    @property
    def support(self) -> SupportPage:
        return cast("SupportPage", self._support.built())

    @property
    def settings(self) -> SettingsPage:
        return cast("SettingsPage", self._settings.built())

    @property
    def to_complete(self) -> ToCompletePage:
        return cast("ToCompletePage", self._to_complete.built())

    def _settings_page(self) -> QWidget:
        from ui.settings.settings_page import SettingsPage

        page = SettingsPage(self.register)
        page.office_changed.connect(self.update_title)
        page.backup_settings_changed.connect(self.backups.refresh_status)
        return page

    def _to_complete_page(self) -> QWidget:
        from ui.legacy.to_complete import ToCompletePage

        page = ToCompletePage(self.register)
        page.open_entrepreneur.connect(
            lambda record_id: self._complete(self.records.open_entrepreneur, record_id)
        )
        page.open_product.connect(
            lambda record_id: self._complete(self.records.open_product, record_id)
        )
        return page

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_register_action = file_menu.addAction(self.tr("&New register…"))
        self.new_register_action.setStatusTip(
            self.tr("Set up a new register in a file of its own, and open it")
        )
        self.new_register_action.triggered.connect(self.new_register)
        self.open_register_action = file_menu.addAction(self.tr("&Open register…"))
        self.open_register_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_register_action.setStatusTip(self.tr("Open another register file"))
        self.open_register_action.triggered.connect(self.open_register)
        self.recent_menu = file_menu.addMenu(self.tr("Recent regis&ters"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Back up now"))
        self.backup_action.setStatusTip(self.tr("Make a checked copy of the register now"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = file_menu.addAction(self.tr("&Restore from a backup…"))
        self.restore_action.setStatusTip(self.tr("Put the register back as a backup holds it"))
        self.restore_action.triggered.connect(self.restore_from_backup)
        file_menu.addSeparator()
        # The certificate check (ui.printing) comes here once the window is filled.
        self._lock_separator = file_menu.addSeparator()
        self.lock_action = file_menu.addAction(self.tr("&Lock now"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        self.lock_action.setEnabled(False)  # until the register has accounts
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        # Spelt out: QKeySequence.StandardKey.Quit is empty on Windows.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        # Undo follows the page shown: a page with an ``undo_stack`` (the sales grid) has its
        # changes undone; on the others the actions are greyed out.
        self.undo_group = QUndoGroup(self)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_group.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = help_menu.addAction(self.tr("&Guide to the program"))
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.setStatusTip(self.tr("Daily tasks, the monthly submission, the keys"))
        self.help_action.triggered.connect(lambda: show_help(self))
        self.about_action = help_menu.addAction(self.tr("&About OTOP Desktop"))
        self.about_action.triggered.connect(self.show_about)
        # What only an open register can do: greyed out while it opens behind the frame.
        self._register_actions: list[QAction] = [
            self.new_register_action,
            self.open_register_action,
            self.recent_menu.menuAction(),
            self.backup_action,
            self.restore_action,
            self.go_menu.menuAction(),
            self.about_action,
        ]

    def _complete(self, open_form: Callable[[int], None], record_id: int) -> None:
        open_form(record_id)
        self.to_complete.refresh()

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Adds a page at the end of the list; the first nine get Ctrl+1…9 in the Go menu."""
        index = len(self._keys)
        self._keys.append(key)
        self.nav.addItem(title)
        self.stack.addWidget(widget)
        if index < 9:  # Ctrl+1 … Ctrl+9; any further page is reached through the list alone
            action = self.go_menu.addAction(title)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.go_to_page(k))
            self.nav.item(index).setToolTip(
                action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )

    def go_to_page(self, key: str) -> None:
        """Ctrl+1…9: shows the page and puts the keyboard in its content (its list or grid),
        so the clerk types there at once, not in the list of pages."""
        self.show_page(key)
        if self.current_page() == key:  # a page with unsaved work may have kept the clerk
            page = self.stack.currentWidget()
            assert page is not None  # the stack holds every page
            focus_content(page)

    def _switch_page(self, row: int) -> None:
        # A page with unsaved work (the sales grid) may keep the clerk where they are.
        leaving = self.stack.currentWidget()
        if row != self.stack.currentIndex() and not self._may_leave(leaving):
            with QSignalBlocker(self.nav):
                self.nav.setCurrentRow(self.stack.currentIndex())
            return
        self.stack.setCurrentIndex(row)
        self._follow_undo(self.stack.currentWidget())

    def _follow_undo(self, page: QWidget | None) -> None:
        # A lazy page's own page exists once it has been shown, as it has been by now.
        stack = getattr(getattr(page, "page", page), "undo_stack", None)
        if stack is not None and stack not in self.undo_group.stacks():
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]  # PySide6's stub lacks None (no active stack)

    @staticmethod
    def _may_leave(page: QWidget | None) -> bool:
        confirm = getattr(page, "confirm_leave", None)
        return confirm() if confirm is not None else True

    def _pages_may_close(self) -> bool:
        return all(self._may_leave(self.stack.widget(i)) for i in range(self.stack.count()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.filled:  # else once it is (fill)
                self._start_checks()

    def _start_checks(self) -> None:
        # Once the window is up (and painted) with its register: the check runs off the GUI
        # thread.
        QTimer.singleShot(0, self.startup_check.start)
        if self.register.has_accounts():
            self._start_idle_lock()

    def _start_idle_lock(self) -> None:
        from ui.accounts import IdleLock

        if self.idle_lock is None:
            self.idle_lock = IdleLock(self, self.register)
            self.accounts.idle_lock_changed.connect(self.idle_lock.set_minutes)
            self.idle_lock.unlocked.connect(lambda _actor: self.update_title())
            # Whoever unlocks may not be the head who unlocked signing.
            self.idle_lock.locked.connect(self.register.lock_signing)
            self.idle_lock.start()
        self.lock_action.setEnabled(True)

    def lock_now(self) -> None:
        """File → Lock now (Ctrl+L): the screen locks until the clerk logs in again."""
        if self.idle_lock is not None:
            self.idle_lock.lock_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if not self.filled:  # the frame alone: nothing of a register's to finish
            self._closed = True
            if self._waiting is not None:
                self._waiting.quit()
            event.accept()
            return
        if self._closing:  # the backup on closing is under way
            event.ignore()
            return
        if not self.reopen_requested and not self._pages_may_close():
            event.ignore()
            return
        self._closing = True
        try:
            # No count left running on a connection of its own once the register closes.
            self.overview.stop()
            if self.idle_lock is not None:
                self.idle_lock.stop()
            if self.restored is None:  # not the register just put back from a backup
                self.backups.back_up_on_closing()
            self.backups.stop()
            # The register closes after its window: a job still reading (the start-up check,
            # a list's rest) would leave its connection open past the engine (psycopg warns).
            QThreadPool.globalInstance().waitForDone(JOBS_WAIT_MS)
        finally:
            self._closing = False
        self._closed = True
        event.accept()

    # --- backups -------------------------------------------------------------------------

    def back_up_now(self) -> None:
        self.backups.back_up_now()

    def restore_from_backup(self) -> None:
        """File → Restore from a backup…: the clerk picks a backup; the window lets go of
        the register, restores it, and closes with ``reopen_requested`` set. A restore that
        fails leaves the register open here as it was."""
        from otop_desktop.accounts.roles import PermissionDenied, require
        from otop_desktop.models.accounts import HEAD
        from ui.backup import RestoreDialog
        from ui.backup.texts import when_text

        if not self.backups.available:
            show_user_error(self, self.backups.unavailable_error())
            return
        try:  # a head's action, on a register with accounts
            with self.register.read() as session:
                require(session, HEAD, "กู้คืนทะเบียนจากไฟล์สำรอง", "restore the register")
        except PermissionDenied as exc:
            show_user_error(self, exc)
            return
        except UserError:
            pass  # a register too damaged to read: restoring it is what it needs
        assert self.backups.db is not None
        dialog = RestoreDialog(self.backups.register_id, self.backups.db, self)
        accepted = dialog.exec() == RestoreDialog.DialogCode.Accepted
        chosen = dialog.chosen
        dialog.deleteLater()
        if not accepted or chosen is None or not self._pages_may_close():
            return
        if self.idle_lock is not None:
            self.idle_lock.stop()
        # The restore replaces the register's file: no count may be reading it meanwhile.
        self.overview.stop()
        done = self.backups.restore(chosen.file)
        if done is None:
            return
        self.restored = done
        self.reopen_requested = True
        made = (
            self.tr("the backup made {when}").format(when=when_text(chosen.made_at))
            if chosen.made_at is not None
            else str(done.source)
        )
        lines = [self.tr("The register was restored from {backup}.").format(backup=made)]
        if done.set_aside is not None:
            lines.append(
                self.tr("The register as it was is kept as {file}.").format(file=done.set_aside)
            )
        lines.append(self.tr("The program opens the restored register now."))
        QMessageBox.information(self, self.tr("Restored"), "\n\n".join(lines))
        self.close()

    def _check_failed(self) -> None:
        # A register that failed its check is not backed up by itself: the backup would
        # fail its own check, and rotation must keep the good older ones.
        self.backups.suspended = True

    def print_record(self, reg_no: str) -> None:
        """Ctrl+P on a record: its certificate, previewed on the print page."""
        self.show_page("print")
        if self.current_page() == "print":
            self.print_page.print_records([reg_no])

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    # --- the lists behind the overview's charts ---------------------------------------------

    def can_open_list(self, target: Target) -> bool:
        chart = (target.list, target.field)
        return chart == SALES_OF_MONTH or chart in LIST_FILTERS

    def open_list(self, target: Target, key: object) -> None:
        """Shows the list behind a chart's bar: ``target``'s list filtered on ``key`` alone
        (the sales grid at the month, for a month's sales)."""
        from ui.lists.entrepreneurs import readiness_lacking, readiness_level

        chart = (target.list, target.field)
        if chart == SALES_OF_MONTH:
            self.go_to_page("sales")
            if self.current_page() == "sales":
                assert isinstance(key, int)
                cast("SalesPage", self.sales.built()).show_period(Period.from_key(key))
            return
        box_name = LIST_FILTERS.get(chart)
        if box_name is None:
            return
        page_key = "support" if target.list in ("trainings", "grants") else target.list
        self.show_page(page_key)
        if self.current_page() != page_key:
            return  # a page with unsaved work kept the clerk
        page: ListPage[Any, Any]
        if target.list == "entrepreneurs":
            page = self.records.entrepreneurs
        elif target.list == "products":
            page = self.records.products
        elif target.list == "households":
            page = self.households
        else:
            support = self.support
            page = support.trainings if target.list == "trainings" else support.grants
            support.tabs.setCurrentWidget(page)  # shown: its years are read now
            assert isinstance(key, int)
            key = fiscal_year_of_period(Period.from_key(key))
        box = getattr(page, box_name, None)
        if not isinstance(box, QComboBox):
            return
        page.clear_filters()
        # The readiness box holds levels and items lacking apart by a prefix.
        if target.field == "readiness_level":
            assert isinstance(key, int)
            key = readiness_level(key)
        elif target.field == "readiness_lacking":
            key = readiness_lacking(str(key))
        index = box.findData(key)
        if index >= 0:
            box.setCurrentIndex(index)
        page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def page(self, key: str) -> QWidget:
        page = self.stack.widget(self._keys.index(key))
        assert page is not None  # the stack holds every page
        return page

    def update_title(self) -> None:
        from otop_desktop.services.office import get_office

        with self.register.read() as session:
            name = get_office(session).name
        self._set_title(name, register_name(self.register.engine.url), self.register.actor)

    def _set_title(self, office: str, register: str, actor: Actor | None = None) -> None:
        # Which register is open: offices keep more than one (a copy, last year's, a test).
        title = self.tr("OTOP register – {office} ({register})").format(
            office=office, register=register
        )
        if actor is not None and actor.account_id is not None:
            title += f" – {actor.name}"
        self.setWindowTitle(title)

    def show_about(self) -> None:
        location = html.escape(display_location(self.register.engine.url))
        text = self.tr(
            "<h3>OTOP Desktop {version}</h3>"
            "<p>The register of OTOP producers and their products for Community "
            "Development offices.</p>"
            "<p>Register: {location}</p>"
            "<p>Thai text is set in Sarabun (SIL Open Font License).</p>"
        ).format(version=program_version(), location=location)
        QMessageBox.about(self, self.tr("About OTOP Desktop"), text)

    # --- other registers -----------------------------------------------------------------

    def new_register(self) -> None:
        """File → New register…: the clerk names a new file; the window closes and the
        register is set up there (the first-run dialog), then opened."""
        chosen = save_file_name(
            self,
            self.tr("New register"),
            str(self._register_folder() / f"otop-register{REGISTER_SUFFIX}"),
            self._register_filter(),
            confirm_overwrite=False,  # an existing file is never written over: asked below
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_name(path.name + REGISTER_SUFFIX)
        if path.exists():
            if not is_sqlite_file(path):
                show_user_error(self, _not_a_register(path))
                return
            answer = QMessageBox.question(
                self,
                self.tr("New register"),
                self.tr("{file} already exists and is not changed. Open it instead?").format(
                    file=path
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.change_register(str(path))

    def open_register(self) -> None:
        """File → Open register… (Ctrl+O): another register file."""
        chosen = open_file_name(
            self, self.tr("Open register"), str(self._register_folder()), self._register_filter()
        )
        if not chosen:
            return
        path = Path(chosen)
        if not is_sqlite_file(path):
            show_user_error(self, _not_a_register(path))
            return
        self.change_register(chosen)

    def change_register(self, db: str) -> bool:
        """Closes this window so that the register ``db`` is opened in a new one; False when
        it is this one, or the clerk stayed for unsaved work."""
        if self._same_register(db) or not self._pages_may_close():
            return False
        self.next_db = db
        self.reopen_requested = True
        self.close()
        if not self._closed:  # the backup on closing is under way: stays as it was
            self.next_db = None
            self.reopen_requested = False
        return self._closed

    def open_recent(self, db: str) -> bool:
        """File → Recent registers: that register, unless its file has gone (moved, on a USB
        drive not plugged in): then it is said, and not offered again; nothing is set up there."""
        from otop_desktop.database import database_url

        try:
            url = database_url(db)
        except UserError as exc:  # an entry edited by hand in the preferences
            self._preferences.forget_register(db)
            show_user_error(self, exc)
            return False
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
            self._preferences.forget_register(db)
            show_user_error(
                self,
                UserError(
                    f"ไม่พบทะเบียน {db} แล้ว (ไฟล์ถูกย้ายหรืออยู่ในไดรฟ์ที่ไม่ได้เสียบไว้)",
                    f"The register {db} is no longer there (moved, or on a drive not plugged in)",
                ),
            )
            return False
        return self.change_register(db)

    def _same_register(self, db: str) -> bool:
        try:
            return location_to_keep(db) == location_to_keep(
                self.register.engine.url.render_as_string(hide_password=False)
            )
        except UserError:
            return False

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        shown = 0
        for db in self._preferences.recent_registers():
            if self._same_register(db):
                continue
            shown += 1
            action = self.recent_menu.addAction(f"&{shown} {_recent_text(db)}")
            action.setToolTip(db)
            action.triggered.connect(lambda _checked=False, chosen=db: self.open_recent(chosen))
        if shown == 0:
            self.recent_menu.addAction(self.tr("No other register opened yet")).setEnabled(False)

    def _register_folder(self) -> Path:
        url = self.register.engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return Path(url.database).absolute().parent
        return Path.home()

    def _register_filter(self) -> str:
        return self.tr("OTOP registers (*{suffix});;All files (*)").format(suffix=REGISTER_SUFFIX)


# Each page's module imported when the page is first built (see LazyPage).


def _print_page(register: Register) -> QWidget:
    from ui.printing.print_page import PrintPage

    return PrintPage(register)


def _sales_page(register: Register) -> QWidget:
    from ui.sales.sales_page import SalesPage

    return SalesPage(register)


def _households_page(register: Register) -> QWidget:
    from ui.households import HouseholdsPage

    return HouseholdsPage(register)


def _support_page(register: Register) -> QWidget:
    from ui.support import SupportPage

    return SupportPage(register)


def _submission_page(register: Register) -> QWidget:
    from ui.submission import SubmissionPage

    return SubmissionPage(register)


def _audit_page(register: Register) -> QWidget:
    from ui.audit import AuditPage

    return AuditPage(register)


def _recent_text(db: str) -> str:
    """A recent register as the menu shows it: a file's name and folder, or a server URL."""
    from otop_desktop.database import database_url

    try:
        url = database_url(db)
    except UserError:
        return db
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        return f"{path.name} ({path.parent})"
    return display_location(url)


def _not_a_register(path: Path) -> UserError:
    return UserError(f"{path} ไม่ใช่ไฟล์ทะเบียน OTOP", f"{path} is not an OTOP register file")


def focus_content(page: QWidget) -> None:
    """Puts the keyboard in a page's content: what the page names (``focus_content()``), else
    its first shown list or grid, else its first field."""
    inner = getattr(page, "page", None)  # a LazyPage's page, built once shown
    if isinstance(inner, QWidget):
        page = inner
    own = getattr(page, "focus_content", None)
    if callable(own):
        own()
        return
    takes_focus = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    views = [w for w in takes_focus if isinstance(w, QAbstractItemView)]
    target = views[0] if views else (takes_focus[0] if takes_focus else None)
    if target is not None:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
