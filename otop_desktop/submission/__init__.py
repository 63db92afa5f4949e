"""The monthly submission workbook: its format (``spec``), the district's export, month
locking, the province's import and the consolidated provincial workbook."""
