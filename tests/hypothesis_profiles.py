"""Hypothesis settings profiles for the generated-file tests, registered on import (the test
modules that generate import this; conftest.py stays as it is). ``otop-ci``: derandomized, so
that every run (a developer's, CI's) tries the same cases and a failure repeats; no example
database, no deadline (a case's time depends on the machine's load, not on the case)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

CI = "otop-ci"

settings.register_profile(
    CI,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
