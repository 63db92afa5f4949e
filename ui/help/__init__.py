"""The guide inside the program (F1): short pages in Thai and English, read offline."""

from ui.help.guide import HelpDialog, guide_file, show_help

__all__ = ["HelpDialog", "guide_file", "show_help"]
