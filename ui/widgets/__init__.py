"""Widgets the entry forms share: a Buddhist-Era date field with its calendar, the red
message under a field, and the yes/no question before anything is lost."""
