"""Accounts in the desktop: logging in before the main window, the screen lock after the
office's idle time, the first head of office's account (and its one-time recovery code), the
Accounts page for heads, and a head unlocking signing before certificates are printed. The
rules are the core's (``otop_desktop.accounts``); password work runs off the GUI thread."""

from typing import TYPE_CHECKING, Any

from ui.accounts.first_head import FirstHeadDialog, offer_first_head
from ui.accounts.login import IdleLock, LockDialog, LoginDialog, log_in
from ui.accounts.recovery import RecoverDialog, RecoveryCodeDialog
from ui.accounts.signing import UnlockSigningDialog, ask_to_unlock_signing

if TYPE_CHECKING:
    from ui.accounts.page import AccountsPage


def __getattr__(name: str) -> Any:
    # The Accounts page (a quarter of a second of imports) loads when first asked for, not
    # with the login dialog that comes before the first window.
    if name == "AccountsPage":
        from ui.accounts.page import AccountsPage

        return AccountsPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AccountsPage",
    "FirstHeadDialog",
    "IdleLock",
    "LockDialog",
    "LoginDialog",
    "RecoverDialog",
    "RecoveryCodeDialog",
    "UnlockSigningDialog",
    "ask_to_unlock_signing",
    "log_in",
    "offer_first_head",
]
