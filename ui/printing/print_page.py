"""The print page: choose a document and its options on the left, see it on the right as it
will print, then print it on a printer of the system or save the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QKeySequence, QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from otop_desktop.database import Register
from otop_desktop.errors import UserError
from otop_desktop.models.accounts import HEAD
from otop_desktop.outputs import existing
from otop_desktop.printing.documents import DocumentKind, Printed, PrintOptions, render, save_pdf
from otop_desktop.printing.office_documents import (
    OfficeDocument,
    OfficeOptions,
    render_office,
    write_annual_report,
)
from otop_desktop.services.entrepreneurs import find_by_reg_no
from otop_desktop.services.office import get_office
from otop_desktop.services.support import EntrepreneurChoice
from ui.accounts.signing import ask_to_unlock_signing
from ui.file_dialogs import save_file_name
from ui.headings import heading
from ui.jobs import Progress, run_with_progress
from ui.lang import label_of, pick
from ui.messages import show_user_error
from ui.printing.officer_dialog import OfficerDialog
from ui.printing.options_panel import NOTE_STYLE, Kind, Options, OptionsPanel, Scope
from ui.printing.preview import PdfPreview
from ui.printing.printer import pages_to_print, print_pdf
from ui.widgets.confirm import confirm

OPTIONS_WIDTH = 360

Shown = tuple[Kind, Options]


class PrintPage(QWidget):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        # The PDF the preview shows, and what it was made from.
        self.printed: Printed | None = None
        self._shown: Shown | None = None
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

        self.options_panel = OptionsPanel(register)
        # Not in a scroll area: that would give the wrapping notes their preferred height and
        # scroll, where the list of records can rather give up some of its own.
        self.options_panel.setFixedWidth(OPTIONS_WIDTH)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.preview_button.setToolTip(self.tr("Make the document and show it (Ctrl+Enter)"))
        self.preview_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("Print on a printer of this computer (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the document as a PDF file (Ctrl+S)"))

        self.preview = PdfPreview(
            self.tr("Choose what to print on the left, then press Preview to see it here.")
        )
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        # A preview never shows other choices than those on the left: when they change, it
        # empties, saying so, until Preview makes the new document (or the choices return).
        self.changed_hint = self.tr(
            "The document or its options have changed. Press Preview (Ctrl+Enter) to see the "
            "document as it is now chosen."
        )
        # Records the batch left out, and certificates of businesses no longer active.
        self.batch_note = QLabel()
        self.batch_note.setWordWrap(True)
        self.batch_note.setStyleSheet(NOTE_STYLE)
        self.batch_note.hide()

        left = QVBoxLayout()
        left.addWidget(self.options_panel, 1)
        left.addWidget(self.preview_button)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.batch_note)
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addSpacing(8)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Print")))
        layout.addLayout(body, 1)

        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.options_panel.changed.connect(self._follow_choices)

    # --- what the main window calls --------------------------------------------------------

    def print_records(
        self, reg_nos: list[str], kind: DocumentKind = DocumentKind.CERTIFICATE
    ) -> bool:
        """Chooses these records for a certificate or form and shows the preview (Ctrl+P on
        a record); False when a number is unknown or the document cannot be made."""
        if not kind.per_record:
            raise ValueError(f"{kind} is not printed per record")
        try:
            with self._register.read() as session:
                found = [find_by_reg_no(session, reg_no) for reg_no in reg_nos]
                choices = [EntrepreneurChoice(e.id, e.reg_no, e.name) for e in found]
        except UserError as exc:
            show_user_error(self, exc)
            return False
        self.options_panel.set_kind(kind)
        self.options_panel.picker.set_choices(choices)
        self.options_panel.set_scope(Scope.CHOSEN)
        return self.show_preview()

    # --- preview, print, save --------------------------------------------------------------

    def show_preview(self) -> bool:
        """Makes the chosen document off the GUI thread and shows it; False when it could not
        be made (the clerk was told why) or the clerk cancelled."""
        chosen = self._chosen()
        if chosen is None:
            return False
        kind, options = chosen
        if kind is DocumentKind.CERTIFICATE and not self._has_officer():
            return False
        register = self._register

        def make(progress: Progress) -> Printed:
            if isinstance(kind, OfficeDocument):
                assert isinstance(options, OfficeOptions)
                return render_office(register, kind, options, progress=progress)
            assert isinstance(options, PrintOptions)
            return render(register, kind, options, progress=progress)

        printed = run_with_progress(
            self,
            self.tr("Preview"),
            make,
            label=self.tr("Making {document}…").format(document=label_of(kind)),
        )
        if printed is None:
            return False
        self.printed = printed
        self._shown = chosen
        self.preview.show_pdf(printed.data)
        self.caption.setText(self._caption(kind, printed))
        self.batch_note.setText("\n".join(pick(th, en) for th, en in printed.notes()))
        self.batch_note.setVisible(bool(printed.notes()))
        return True

    def print_document(self) -> bool:
        """Asks for a printer in the system's print dialog and prints the chosen document."""
        printed = self._current()
        if printed is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(Path(self._file_name()).stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, printed.pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Prints the chosen document on ``printer``, as set up by the print dialog."""
        printed = self._current()
        if printed is None:
            return False
        pages = pages_to_print(printer, printed.pages, self.preview.current_page())
        data = printed.data

        def send(progress: Progress) -> bool:
            print_pdf(data, printer, pages, progress)
            return True

        done = run_with_progress(self, self.tr("Print"), send, label=self.tr("Printing…"))
        return bool(done)

    def save_pdf(self) -> Path | None:
        """Saves the chosen document where the clerk says (the annual report also as an
        Excel workbook, by the name's suffix); the path, or None."""
        printed = self._current()
        if printed is None:
            return None
        workbook_too = self._shown is not None and self._shown[0] is OfficeDocument.ANNUAL
        filters = self.tr("PDF files (*.pdf)")
        if workbook_too:
            filters += ";;" + self.tr("Excel workbooks (*.xlsx)")
        chosen = save_file_name(
            self, self.tr("Save PDF"), str(self._folder / self._file_name()), filters
        )
        if not chosen:
            return None
        path = Path(chosen)
        # The save dialog itself asks before the clerk picks an existing file; a name given
        # without ".pdf" is another file, which is asked about here.
        if path.suffix.lower() != ".pdf" and not (workbook_too and path.suffix.lower() == ".xlsx"):
            path = path.with_name(path.name + ".pdf")
            if existing([path]) and not confirm(
                self,
                self.tr("{file} already exists. Replace it?").format(file=path),
                self.tr("Replace"),
                self.tr("Keep it"),
            ):
                return None
        try:
            if path.suffix.lower() == ".xlsx":
                assert self._shown is not None and isinstance(self._shown[1], OfficeOptions)
                write_annual_report(self._register, self._shown[1], path)
            else:
                # A print with personal data is recorded as the file is placed.
                save_pdf(self._register, printed, path, force=True)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        self._folder = path.parent
        self.caption.setText(
            self.tr("{caption} Saved as {path}.").format(
                caption=self._caption(self._shown[0], printed) if self._shown else "", path=path
            )
        )
        return path

    # --- helpers ---------------------------------------------------------------------------

    def _chosen(self) -> Shown | None:
        try:
            return self.options_panel.kind(), self.options_panel.options()
        except UserError as exc:
            show_user_error(self, exc)
            return None

    def _current(self) -> Printed | None:
        """The PDF of the choices as they are now: the one shown, or made again (and shown)
        when the choices changed since."""
        try:
            now = (self.options_panel.kind(), self.options_panel.options())
        except UserError as exc:
            show_user_error(self, exc)
            return None
        if not (self.printed is not None and now == self._shown) and not self.show_preview():
            return None
        assert self.printed is not None
        # Certificates made while signing was locked are previews: a head unlocks signing
        # (once per run), and they are made again, signed, to print or save.
        if self.printed.unsigned and not (
            ask_to_unlock_signing(self, self._register) and self.show_preview()
        ):
            return None
        return self.printed

    def _file_name(self) -> str:
        assert self._shown is not None  # asked for once a document is made
        return self.options_panel.file_name(*self._shown)

    def _caption(self, kind: Kind, printed: Printed) -> str:
        document = label_of(kind)
        if kind.per_record and printed.documents > 1:
            return self.tr("{document}: {count} documents, {pages} pages.").format(
                document=document, count=printed.documents, pages=printed.pages
            )
        if printed.pages == 1:
            return self.tr("{document}: 1 page.").format(document=document)
        return self.tr("{document}: {pages} pages.").format(document=document, pages=printed.pages)

    def _follow_choices(self) -> None:
        """The preview follows the choices on the left: emptied when they differ from the
        document shown, shown again when they come back to it."""
        if self._shown is None or self.printed is None:
            return
        try:
            now = (self.options_panel.kind(), self.options_panel.options())
        except UserError:
            now = None
        if now == self._shown:
            if not self.preview.is_showing():
                self.preview.show_pdf(self.printed.data)
                self.caption.setText(self._caption(self._shown[0], self.printed))
                self.batch_note.setVisible(bool(self.printed.notes()))
        elif self.preview.is_showing():
            self.preview.clear(self.changed_hint)
            self.caption.clear()
            self.batch_note.hide()

    def _has_officer(self) -> bool:
        """Certificates need the office's signing officer: when none is set, the clerk is
        offered to set it now. False when it is still not set."""
        with self._register.read() as session:
            office = get_office(session)
            if office.officer_name.strip():
                return True
        if not self._register.may(HEAD):  # only a head sets it: say so rather than ask
            show_user_error(
                self,
                UserError(
                    "ยังไม่ได้ตั้งชื่อเจ้าหน้าที่ผู้ลงนามในหนังสือรับรอง ให้หัวหน้าสำนักงานตั้งที่หน้าตั้งค่าก่อน",
                    "No signing officer is set for certificates yet: ask a head of office to "
                    "set one on the Settings page",
                ),
            )
            return False
        return OfficerDialog(self._register, self).exec() == OfficerDialog.DialogCode.Accepted
