"""The program's file dialogs: Qt's own dialog, never the system's. The system's dialog speaks
the language of Windows (English on most office PCs), not the program's; Qt's dialog takes its
strings from the program's translations (resources/i18n/qt_th.ts), so a Thai program asks
for its files in Thai. Every file dialog of the program goes through these functions."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

# Qt's dialog, whatever the platform would offer.
OWN_DIALOG = QFileDialog.Option.DontUseNativeDialog


def open_file_name(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """One existing file the clerk picks; "" when they cancel."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, folder, filters, "", OWN_DIALOG)
    return name


def open_file_names(parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
    """Existing files the clerk picks; [] when they cancel."""
    names, _filter = QFileDialog.getOpenFileNames(parent, title, folder, filters, "", OWN_DIALOG)
    return names


def save_file_name(
    parent: QWidget | None,
    title: str,
    suggested: str,
    filters: str,
    *,
    confirm_overwrite: bool = True,
) -> str:
    """Where to save a file; "" when the clerk cancels. The dialog asks before an existing
    file is chosen, unless the caller asks itself (``confirm_overwrite=False``)."""
    options = OWN_DIALOG
    if not confirm_overwrite:
        options |= QFileDialog.Option.DontConfirmOverwrite
    name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters, "", options)
    return name


def existing_directory(parent: QWidget | None, title: str, folder: str) -> str:
    """A folder the clerk picks; "" when they cancel."""
    return QFileDialog.getExistingDirectory(
        parent, title, folder, QFileDialog.Option.ShowDirsOnly | OWN_DIALOG
    )
