"""Importing a clerk's old spreadsheet of producers and products (the wizard)."""
