"""A backup the clerk picked, checked before anything is restored: that it is a sound OTOP
register whose bytes are those its sidecar recorded, and what it holds (read from the file
itself, so that a backup copied without its sidecar is described too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from otop_desktop.backup.restore import check_source
from otop_desktop.backup.sidecar import BackupInfo
from otop_desktop.backup.sqlite_file import highest_numbers, read_only, table_counts
from ui.backup.texts import count_text, newest_number, when_text


@dataclass(frozen=True)
class CheckedBackup:
    file: Path
    office_name: str
    register_id: str
    # When it was made: from its sidecar; None for a file that came without one.
    made_at: datetime | None
    entrepreneurs: int
    products: int
    newest_number: str

    def holds_text(self) -> str:
        """What the backup holds, in a sentence or two for the question before restoring."""
        made = (
            QCoreApplication.translate("Backups", "The backup of {office} made {when}.").format(
                office=self.office_name, when=when_text(self.made_at)
            )
            if self.made_at is not None
            else QCoreApplication.translate(
                "Backups", "The backup of {office} in {file} (when it was made is not known)."
            ).format(office=self.office_name, file=self.file.name)
        )
        holds = QCoreApplication.translate(
            "Backups",
            "It holds {entrepreneurs} entrepreneurs and {products} products; the newest "
            "registration number is {number}.",
        ).format(
            entrepreneurs=count_text(self.entrepreneurs),
            products=count_text(self.products),
            number=self.newest_number,
        )
        return f"{made}\n{holds}"


def check_backup(file: Path) -> CheckedBackup:
    """Checks ``file`` (integrity, and its sha256 against its sidecar) and says what it holds.
    A UserError says what is wrong with it. Slow on a large register: run it off the GUI
    thread."""
    office, info = check_source(file)
    with read_only(file) as conn:
        counts = table_counts(conn)
        highest = highest_numbers(conn)
    return CheckedBackup(
        file=file,
        office_name=office["name"],
        register_id=office["register_id"],
        made_at=info.made_at if isinstance(info, BackupInfo) else None,
        entrepreneurs=counts.get("entrepreneurs", 0),
        products=counts.get("products", 0),
        newest_number=newest_number(highest),
    )
