"""Support to entrepreneurs: trainings with their participants, and grants."""

from ui.support.support_page import SupportPage

__all__ = ["SupportPage"]
