"""The monthly submission to the province: the district sends its month's workbook (and
unlocks a sent month); the province imports the districts' workbooks, sees who has sent
which month, and makes its consolidated workbook."""

from ui.submission.page import SubmissionPage

__all__ = ["SubmissionPage"]
