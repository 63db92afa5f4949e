"""Crash safety, proven (issue 9): writers killed at random moments — single edits through
the services, a legacy import, district workbooks into a province register, ``demo``, backups
— leave a register that passes ``check``, with every action they said they committed, no
import half in, and no half backup listed as good. The harness is tests/crash_harness.py;
bench/bench_kill.py is the long run.

The moments are drawn from a seed, new each run and named in every failure; set
``OTOP_CRASH_SEED`` to draw the same delays again."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator

import pytest

from tests.crash_harness import KINDS, Harness

SEED = int(os.environ.get("OTOP_CRASH_SEED") or random.SystemRandom().randrange(1 << 32))
#: Kills per kind: 22 in all.
KILLS = {"edits": 6, "legacy": 4, "workbook": 4, "demo": 4, "backup": 4}


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    with Harness(tmp_path_factory.mktemp("crash"), SEED) as made:
        yield made


def test_at_least_twenty_kills_of_every_kind() -> None:
    assert set(KILLS) == set(KINDS)
    assert min(KILLS.values()) >= 4
    assert sum(KILLS.values()) >= 20


@pytest.mark.parametrize("kind", KINDS)
def test_a_killed_writer_loses_at_most_the_action_in_flight(harness: Harness, kind: str) -> None:
    harness.prepare([kind])
    failed = []
    for _ in range(KILLS[kind]):
        kill = harness.kill(kind)
        if kill.failures:
            failed.append(kill.report(SEED))
    assert not failed, "\n\n".join(failed)


def test_a_writer_is_a_program_of_its_own(tmp_path) -> None:
    """The forked writers run what ``python -m tests.crash_writers edits DB SEED`` runs; one
    started that way is killed the same way."""
    with Harness(tmp_path, SEED, fork=False) as harness:
        kill = harness.kill("edits")
    assert kill.said[:1] == [["ready"]]
    assert not kill.failures, kill.report(SEED)
