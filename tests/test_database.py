"""Two PCs (two engines) on one register file: writers queue, readers go on, a failed action
leaves nothing behind."""

from __future__ import annotations

import threading
import time

import pytest

from otop_desktop.database import Register
from otop_desktop.services import entrepreneurs
from otop_desktop.services.listing import EntrepreneurFilter, count_entrepreneurs
from tests.conftest import person


def test_a_second_writer_waits_for_the_first_and_readers_are_not_blocked(register) -> None:
    path = register.engine.url.database
    other = Register.open(path)
    holding = threading.Event()
    results: list[str] = []

    def slow_clerk() -> None:
        with register.write() as s:
            entrepreneurs.create_entrepreneur(s, person(name="ร้านแรก"))
            holding.set()
            time.sleep(0.5)
            results.append("first")  # still inside: the commit comes after this

    worker = threading.Thread(target=slow_clerk)
    worker.start()
    holding.wait(5)
    with other.read() as s:  # WAL: the reader sees the last commit and does not wait
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 0
    with other.write() as s:  # waits on the busy timeout instead of failing
        results.append("second")
        entrepreneurs.create_entrepreneur(s, person(name="ร้านที่สอง"))
    worker.join()
    assert results == ["first", "second"]
    with other.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 2
    other.close()


def test_an_error_inside_a_user_action_rolls_all_of_it_back(register) -> None:
    with pytest.raises(RuntimeError), register.write() as s:
        entrepreneurs.create_entrepreneur(s, person())
        entrepreneurs.create_entrepreneur(s, person())
        raise RuntimeError("the PC lost power half-way")
    with register.read() as s:
        assert count_entrepreneurs(s, EntrepreneurFilter()) == 0
    with register.write() as s:  # and the numbers drawn inside it were not used up
        assert entrepreneurs.create_entrepreneur(s, person()).reg_no.endswith("-0001")
