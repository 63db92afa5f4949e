"""The OFOS household survey (1 ครอบครัว 1 Soft Power): the list of households and the form
of one, with its members' skills."""

from ui.households.households_page import HouseholdsPage

__all__ = ["HouseholdsPage"]
