"""Printed documents (reportlab, A4); every piece of Thai text goes through ``typeset``."""
