"""The print page (preview, printer, PDF; ``ui.printing.print_page``) and the certificate
check. The print page is not imported here: its reportlab and fonts would load with the main
window's menu (File → Verify a certificate), which needs only the check."""

from ui.printing.verify_dialog import VerifyDialog, verify_action

__all__ = ["VerifyDialog", "verify_action"]
