"""Accounts in the desktop: logging in before the main window, the screen lock after the
office's idle time, the first head of office's account (and its one-time recovery code), the
Accounts page for heads, and a head unlocking signing before certificates are printed. The
rules are the core's (``otop_desktop.accounts``); password work runs off the GUI thread."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.accounts.first_head import FirstHeadDialog, offer_first_head
    from ui.accounts.login import IdleLock, LockDialog, LoginDialog, log_in
    from ui.accounts.page import AccountsPage
    from ui.accounts.recovery import RecoverDialog, RecoveryCodeDialog
    from ui.accounts.signing import UnlockSigningDialog, ask_to_unlock_signing


def __getattr__(name: str) -> Any:
    # Each name's module is loaded when the name is first asked for: the login dialog comes
    # before the first window and before the core (SQLAlchemy, the models), which the other
    # modules import at once (and the Accounts page is a quarter of a second of imports).
    # Spelt out as imports, which PyInstaller follows into the bundle.
    if name == "AccountsPage":
        from ui.accounts import page

        return getattr(page, name)
    if name in ("FirstHeadDialog", "offer_first_head"):
        from ui.accounts import first_head

        return getattr(first_head, name)
    if name in ("IdleLock", "LockDialog", "LoginDialog", "log_in"):
        from ui.accounts import login

        return getattr(login, name)
    if name in ("RecoverDialog", "RecoveryCodeDialog"):
        from ui.accounts import recovery

        return getattr(recovery, name)
    if name in ("UnlockSigningDialog", "ask_to_unlock_signing"):
        from ui.accounts import signing

        return getattr(signing, name)
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
