"""The status bar's word on backups: when the last good one was made, and a warning — in a
colour that stands out — when there is none, the newest is over a week old, the backup
folder is not there (a USB drive not plugged in), or an automatic backup failed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from otop_desktop.backup.sidecar import BackupInfo
from ui.backup.texts import when_text
from ui.widgets.thai_ink import mark_overshoot

# Without a backup for this long, the status bar warns.
WARN_AGE = timedelta(days=7)
# The warning's text and background: dark red on pale red, readable in either theme.
WARNING_TEXT, WARNING_BACKGROUND = QColor("#7a1010"), QColor("#fde2e2")


class BackupStatus(QLabel):
    """``warning`` is True while the label warns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning = False
        self.setObjectName("backupStatus")
        # Room above for the stacked marks (the tone of นี้), which the status bar would cut;
        # set once, in the bold warning's font: a margin changed while the status bar shows a
        # message would show its normal widgets over the message again.
        bold = QFont(self.font())
        bold.setBold(True)
        self.setContentsMargins(6, mark_overshoot(bold), 6, 0)
        # Coloured through the palette, not a style sheet: a style sheet on a permanent
        # widget makes the status bar show its normal widgets over a message again.
        self._normal_palette = QPalette(self.palette())
        self._set(self.tr("Looking for backups…"), warning=False)

    def _set(self, text: str, *, warning: bool, tip: str = "") -> None:
        self.warning = warning
        self.setText(("⚠ " if warning else "") + text)
        palette = QPalette(self._normal_palette)
        if warning:
            palette.setColor(QPalette.ColorRole.WindowText, WARNING_TEXT)
            palette.setColor(QPalette.ColorRole.Window, WARNING_BACKGROUND)
        self.setPalette(palette)
        self.setAutoFillBackground(warning)
        font = self.font()
        font.setBold(warning)
        self.setFont(font)
        self.setToolTip(tip)
        self.setAccessibleName(text)

    def show_newest(
        self,
        newest: BackupInfo | None,
        folder: Path,
        *,
        folder_found: bool,
        now: datetime | None = None,
    ) -> None:
        tip = self.tr("Backups are kept in {folder}. File → Back up now makes one.").format(
            folder=folder
        )
        if not folder_found:
            self._set(
                self.tr("Backup folder not found: {folder}").format(folder=folder),
                warning=True,
                tip=self.tr(
                    "Plug in the drive the backups go to, or choose another folder in the settings."
                ),
            )
        elif newest is None:
            self._set(self.tr("No backup of this register yet"), warning=True, tip=tip)
        else:
            age = (now or datetime.now(UTC)) - newest.made_at
            when = when_text(newest.made_at)
            if age >= WARN_AGE:
                self._set(
                    self.tr("Last backup {when}, {days} days ago").format(when=when, days=age.days),
                    warning=True,
                    tip=tip,
                )
            else:
                self._set(self.tr("Last backup {when}").format(when=when), warning=False, tip=tip)

    def show_busy(self) -> None:
        self._set(self.tr("Backing up…"), warning=False)

    def show_failure(self, reason: str) -> None:
        self._set(self.tr("The automatic backup failed"), warning=True, tip=reason)
