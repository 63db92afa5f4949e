"""The audit trail: every change, export, print of personal data, unlock, login, backup and
restore — who, when, what — written in the same transaction as the action."""
