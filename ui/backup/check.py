"""The check of the register when the program starts: SQLite's quick_check, off the GUI
thread once the window is up. A register that fails it is named with its problems, the clerk
is told to restore it from a backup, and the register refuses writes from then on. A server's
database whose locale leaves Thai out of the search index is warned of (the register works,
its Thai searches are slow)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.register_check import Problem, quick_check, thai_search_warning
from ui.jobs import Job, Progress, report_error
from ui.lang import pick
from ui.messages import message_title

# Problems listed in the message itself; the rest are under "Show Details…".
SHOWN = 5


class StartupCheck(QObject):
    """``start()`` once the window is shown. ``problems`` holds what the check found."""

    # The check found problems (the list of Problem).
    failed = Signal(list)
    # The clerk chose to restore from a backup in the warning.
    restore_requested = Signal()

    def __init__(self, register: Register, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.register = register
        self.problems: list[Problem] = []
        #: The server database's locale leaves Thai out of the search index (or None).
        self.search_warning: Problem | None = None
        self.job: Job[tuple[list[Problem], Problem | None]] | None = None
        self.box: QMessageBox | None = None
        self.warning_box: QMessageBox | None = None
        # Whether the register was told to refuse writes (it can once database.py has
        # ``Register.refuse_writes``).
        self.writes_refused = False

    def start(self) -> None:
        register = self.register

        def check(_progress: Progress) -> tuple[list[Problem], Problem | None]:
            try:
                return quick_check(register), thai_search_warning(register)
            except UserError as exc:
                # A register too damaged to be read at all fails the check in its own words.
                return [Problem(exc.message_th, exc.message_en)], None

        self.job = Job(check, self)
        self.job.succeeded.connect(self._checked)
        self.job.failed.connect(lambda error: report_error(self._parent, error))
        self.job.start()

    def _checked(self, found: tuple[list[Problem], Problem | None]) -> None:
        problems, self.search_warning = found
        self.problems = problems
        if not problems:
            if self.search_warning is not None:
                self._warn(self.search_warning)
            return
        refuse = getattr(self.register, "refuse_writes", None)
        if callable(refuse):
            refuse(
                UserError(
                    "ทะเบียนไม่ผ่านการตรวจเมื่อเปิดโปรแกรม จึงไม่บันทึกข้อมูลลงไปอีก "
                    "กรุณากู้คืนจากไฟล์สำรอง (ไฟล์ → กู้คืนจากไฟล์สำรอง…)",
                    "The register failed its check when the program started, so nothing more "
                    "is written to it; restore it from a backup (File → Restore from a backup…)",
                )
            )
            self.writes_refused = True
        self.failed.emit(problems)
        self._show(problems)

    def _show(self, problems: list[Problem]) -> None:
        lines = [pick(p.th, p.en) for p in problems]
        shown = "\n".join(f"• {line}" for line in lines[:SHOWN])
        if len(lines) > SHOWN:
            shown += "\n" + self.tr("…and {n} more").format(n=len(lines) - SHOWN)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(message_title())
        text = self.tr(
            "The register failed its check when the program started: the file is damaged."
        )
        if self.writes_refused:
            text += " " + self.tr("Nothing more is saved to it.")
        text += "\n\n" + self.tr(
            "Restore it from a backup (File → Restore from a backup…). The damaged register "
            "is set aside, not deleted."
        )
        box.setText(text)
        box.setInformativeText(shown)
        box.setDetailedText("\n".join(lines))
        self.restore_button = box.addButton(
            self.tr("Restore from a backup…"), QMessageBox.ButtonRole.AcceptRole
        )
        close = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.restore_button)
        box.setEscapeButton(close)
        box.finished.connect(self._answered)
        self.box = box
        box.open()

    def _warn(self, warning: Problem) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            message_title(),
            pick(warning.th, warning.en),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        self.warning_box = box
        box.open()

    def _answered(self) -> None:
        box = self.box
        if box is not None and box.clickedButton() is self.restore_button:
            self.restore_requested.emit()
