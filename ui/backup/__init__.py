"""Backups in the desktop: File → Back up now and Restore…, the automatic backups (on
closing, and once a day while the program is open), the last backup in the status bar, the
backup folder in the settings, a restore on a new PC, and the check of the register at start.
The work itself is the core's (``otop_desktop.backup``); it runs off the GUI thread."""

from ui.backup.check import StartupCheck
from ui.backup.controller import Backups
from ui.backup.restore_dialog import RestoreDialog
from ui.backup.settings_group import BackupSettingsGroup

__all__ = ["BackupSettingsGroup", "Backups", "RestoreDialog", "StartupCheck"]
