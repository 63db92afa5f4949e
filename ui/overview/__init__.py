"""The overview page: the year's figures and charts (PySide6.QtCharts)."""

from ui.overview.page import OverviewPage

__all__ = ["OverviewPage"]
