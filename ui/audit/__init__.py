"""The audit trail in the desktop: the screen that reads it (filters, older entries as the
list scrolls, export to a workbook) and a record's history for its form. The trail itself is
the core's (``otop_desktop.audit``)."""

from ui.audit.history import RecordHistoryDialog
from ui.audit.model import AuditTableModel
from ui.audit.page import AuditPage

__all__ = ["AuditPage", "AuditTableModel", "RecordHistoryDialog"]
