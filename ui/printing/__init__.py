"""The print page (preview, printer, PDF) and the certificate check."""

from ui.printing.print_page import PrintPage
from ui.printing.verify_dialog import VerifyDialog, verify_action

__all__ = ["PrintPage", "VerifyDialog", "verify_action"]
