"""The PDF preview inside the page: the pages one under the other, each shown whole at first
(fitted into the view), with page navigation and zoom."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.printing.printer import load_pdf

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PdfPreview(QWidget):
    """Shows one PDF given as bytes (``show_pdf``); empty until then, with a hint."""

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first_hint = hint
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.navigator = self.view.pageNavigator()

        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)

        self.prev_button = self._tool_button(self.tr("Previous page"), "Ctrl+PgUp")
        self.prev_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = self._tool_button(self.tr("Next page"), "Ctrl+PgDown")
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.page_spin = QSpinBox()
        self.page_spin.setAccessibleName(self.tr("Page"))
        self.page_spin.setKeyboardTracking(False)
        self.page_count = QLabel()
        self.fit_width_button = self._tool_button(self.tr("Fit width"), "Ctrl+0")
        # Not Ctrl+9: that goes to the ninth page of the window (Ctrl+1…9).
        self.fit_page_button = self._tool_button(self.tr("Whole page"), "Ctrl+Alt+0")
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        self.zoom_out_button = self._tool_button("−", QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button = self._tool_button("+", QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        self.toolbar.addWidget(QLabel(self.tr("Page")))
        for widget in (self.page_spin, self.page_count, self.prev_button, self.next_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addSpacing(16)
        for widget in (
            self.fit_width_button,
            self.fit_page_button,
            self.zoom_out_button,
            self.zoom_in_button,
        ):
            self.toolbar.addWidget(widget)
        self.toolbar.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.navigator.currentPageChanged.connect(self._page_changed)
        self.fit_width_button.clicked.connect(
            lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_button.clicked.connect(
            lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitInView)
        )
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self._update_controls()

    def _tool_button(self, text: str, shortcut: str | QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setShortcut(QKeySequence(shortcut))
        native = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{text} ({native})")
        button.setAccessibleName(text)
        return button

    # --- the document -----------------------------------------------------------------------

    def show_pdf(self, data: bytes) -> None:
        """Shows the document from its first page, the whole page in view."""
        load_pdf(self.document, self._buffer, data)
        self.stack.setCurrentWidget(self.view)
        self.set_zoom_mode(QPdfView.ZoomMode.FitInView)
        self.go_to_page(0)
        self._update_controls()

    def clear(self, hint: str | None = None) -> None:
        """Empties the preview, saying ``hint`` (by default the first one) in its place."""
        self.document.close()
        self._buffer.close()
        self.hint.setText(hint if hint is not None else self._first_hint)
        self.stack.setCurrentWidget(self.hint)
        self._update_controls()

    def is_showing(self) -> bool:
        return self.stack.currentWidget() is self.view

    def page_count_shown(self) -> int:
        return self.document.pageCount()

    # --- moving and zooming -----------------------------------------------------------------

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount() and page != self.current_page():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_controls()

    def set_zoom_mode(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._update_controls()

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        zoom = min(high, max(low, self._effective_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self._update_controls()

    def _effective_zoom(self) -> float:
        """The zoom the view shows at: with a fit mode, the page's width on screen over its
        width at 100 %, so that zooming in from "fit width" starts from what is seen."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page())
        natural = points.width() * self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        available = self.view.viewport().width() - margins.left() - margins.right()
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            natural_height = points.height() * self.view.logicalDpiY() / 72
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            return min(available / natural, height / natural_height)
        return available / natural

    def _page_changed(self, _page: int) -> None:
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.document.pageCount()
        page = self.current_page()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1 if count else 0, count)
        self.page_spin.setValue(page + 1 if count else 0)
        self.page_spin.blockSignals(False)
        self.page_count.setText(self.tr("of {count}").format(count=count))
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)
        for widget in (
            self.page_spin,
            self.fit_width_button,
            self.fit_page_button,
            self.zoom_in_button,
            self.zoom_out_button,
        ):
            widget.setEnabled(count > 0)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)
