"""Files that come from outside — a district's monthly workbook, a clerk's old spreadsheet —
checked before any parser reads them (``package``), read by one streaming reader
(``xlsx``) under one policy of limits (``limits``)."""
