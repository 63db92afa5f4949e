"""Settings: the office's record in the register, and the clerk's own preferences."""
