"""Counting the overview's figures in the thread pool (ui/jobs.py), in a way the page can
stop: a year chosen anew drops the count under way, and closing the register must not leave
a query running on a connection of its own (the engine, disposed meanwhile, would leave that
connection open — psycopg warns of it). ``stop`` interrupts the query on the database and
waits until the connection is back in the pool."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from otop_desktop.database import Register
from ui.jobs import Cancelled, Job, Progress

T = TypeVar("T")

# How long closing waits for an interrupted query to give its connection back. SQLite and
# PostgreSQL stop within milliseconds; a database that ignores the interruption is waited
# for no longer than this.
STOP_WAIT_S = 10.0
INTERRUPT_INTERVAL_S = 0.02


def _interrupt(connection: Any) -> None:
    """Stops the statement running on a DBAPI connection, from another thread."""
    if isinstance(connection, sqlite3.Connection):
        connection.interrupt()
        return
    cancel = getattr(connection, "cancel_safe", None) or getattr(connection, "cancel", None)
    if cancel is not None:
        cancel()


class Counting(Generic[T]):
    """One run of ``count(session)`` in a read transaction of ``register``, off the GUI
    thread. ``job`` reports as any Job does; after ``stop`` it ends as cancelled."""

    def __init__(self, register: Register, count: Callable[[Session], T]) -> None:
        self._register = register
        self._count = count
        self._lock = threading.Lock()
        self._connection: Any = None
        self._started = False
        self._stopped = False
        self._done = threading.Event()
        self.job: Job[T] = Job(self._work)

    def start(self) -> None:
        self.job.start()

    def _work(self, _progress: Progress) -> T:  # in the worker thread
        with self._lock:
            if self._stopped:  # stopped before the pool ran it: the register may be closed
                raise Cancelled
            self._started = True
        try:
            with self._register.read() as session:
                connection = session.connection().connection.dbapi_connection
                with self._lock:
                    if self._stopped:
                        raise Cancelled
                    self._connection = connection
                try:
                    return self._count(session)
                finally:
                    with self._lock:
                        self._connection = None
        except Exception:
            if self._stopped:  # the interrupted query's error is the stop, not a fault
                raise Cancelled from None
            raise
        finally:
            self._done.set()

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """Interrupts the count and waits (at most ``wait_s``) for its connection to go
        back to the pool; the job then ends as cancelled."""
        with self._lock:
            self._stopped = True
            started = self._started
        self.job.cancel()
        if not started:
            return
        # Interrupted again until the work ends: the count runs several statements, and an
        # interruption between two of them stops none.
        deadline = time.monotonic() + wait_s
        while not self._done.wait(INTERRUPT_INTERVAL_S) and time.monotonic() < deadline:
            with self._lock:
                if self._connection is not None:
                    _interrupt(self._connection)
