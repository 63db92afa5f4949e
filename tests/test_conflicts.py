"""No silent overwrites between two processes: two programs (two clerks' PCs on one register)
each read a record and its version, then both save their own change against that version at
the same moment. Exactly one is saved; the other is refused with who changed what
(versions.ConflictError), and the record holds the winner's change whole — never one
clerk's name with the other's phone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from otop_desktop.database import Register
from otop_desktop.models import AuditEntry, Entrepreneur, Product
from otop_desktop.services.entrepreneurs import create_entrepreneur
from otop_desktop.services.products import ProductInput, create_product
from tests.conftest import db_of, person

# One clerk's PC: reads the record, says so, waits for the word, saves its change against
# the version it read. Exit 0: saved; 3: refused as a conflict (what it was told on stdout).
CLERK = r"""
import dataclasses, json, sys
from otop_desktop.database import Register
from otop_desktop.services.entrepreneurs import (
    EntrepreneurInput, get_entrepreneur, update_entrepreneur,
)
from otop_desktop.services.products import ProductInput, get_product, update_product
from otop_desktop.services.versions import ConflictError

db, kind, record_id, actor, change = sys.argv[1:]
record_id, change = int(record_id), json.loads(change)
with Register.open(db) as register:
    register.act_as_named(actor)
    with register.read() as session:
        if kind == "entrepreneur":
            record = get_entrepreneur(session, record_id)
            data = EntrepreneurInput(
                producer_type=record.producer_type, name=record.name,
                national_id=record.national_id, subdistrict_code=record.subdistrict_code,
                contact_name=record.contact_name, house_no=record.house_no, moo=record.moo,
                phone=record.phone, registered_on=record.registered_on,
            )
        else:
            record = get_product(session, record_id)
            data = ProductInput(record.name, record.category, record.price, record.unit)
        version = record.version
    print("read", version, flush=True)
    sys.stdin.readline()
    data = dataclasses.replace(data, **change)
    update = update_entrepreneur if kind == "entrepreneur" else update_product
    try:
        with register.write() as session:
            update(session, record_id, data, expected_version=version)
    except ConflictError as exc:
        told = {
            "version": exc.version,
            "changes": [[c.actor, list(c.fields)] for c in exc.changes],
            "th": exc.message_th,
        }
        print("conflict", json.dumps(told, ensure_ascii=False), flush=True)
        sys.exit(3)
    print("saved", flush=True)
"""

CONFLICT_EXIT = 3


def clerks_save_at_once(
    register: Register, kind: str, record_id: int, changes: dict[str, dict[str, object]]
) -> dict[str, tuple[int, str]]:
    """Starts one process per clerk (name → change), lets each read the record, then tells
    all to save at once; each clerk's exit status and last line."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    root = Path(__file__).resolve().parents[1]
    clerks = {
        actor: subprocess.Popen(
            [
                *(sys.executable, "-c", CLERK, db_of(register), kind, str(record_id)),
                *(actor, json.dumps(change, ensure_ascii=False)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=root,
            env=env,
        )
        for actor, change in changes.items()
    }
    try:
        for process in clerks.values():
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line == "read 1\n", (line, process.stderr.read() if process.stderr else "")
        # Both have read version 1 before either saves.
        for process in clerks.values():
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = {}
        for actor, process in clerks.items():
            out, err = process.communicate(timeout=120)
            assert process.returncode in (0, CONFLICT_EXIT), err
            results[actor] = (process.returncode, out.strip().splitlines()[-1])
        return results
    finally:
        for process in clerks.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def updates_of(register: Register, entity: str) -> list[AuditEntry]:
    with register.read() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.action == "update")
            )
        )


@pytest.mark.parametrize("round_", range(3))
def test_two_processes_save_one_entrepreneur_one_wins_whole(
    register: Register, round_: int
) -> None:
    with register.write() as session:
        record_id = create_entrepreneur(session, person()).id
    changes: dict[str, dict[str, object]] = {
        "clerk-a": {"name": "ร้านของเอ", "phone": "0811111111"},
        "clerk-b": {"name": "ร้านของบี", "phone": "0822222222"},
    }
    results = clerks_save_at_once(register, "entrepreneur", record_id, changes)

    codes = sorted(code for code, _ in results.values())
    assert codes == [0, CONFLICT_EXIT], results
    [winner] = [actor for actor, (code, _) in results.items() if code == 0]
    [loser] = [actor for actor, (code, _) in results.items() if code == CONFLICT_EXIT]
    assert results[winner][1] == "saved"
    kind, told_text = results[loser][1].split(" ", 1)
    told = json.loads(told_text)
    assert kind == "conflict" and told["version"] == 2
    # Who changed what: the winner, the name and the phone.
    assert told["changes"] == [[winner, ["name", "phone"]]]
    assert winner in told["th"]

    with register.read() as session:
        saved = session.get(Entrepreneur, record_id)
        assert saved is not None
        assert (saved.name, saved.phone) == (changes[winner]["name"], changes[winner]["phone"])
        assert saved.version == 2
    assert [e.actor for e in updates_of(register, "entrepreneur")] == [winner]


def test_two_processes_save_one_product_one_wins_whole(register: Register) -> None:
    with register.write() as session:
        owner = create_entrepreneur(session, person())
        session.flush()
        record_id = create_product(
            session, owner.id, ProductInput("ผ้าฝ้ายทอมือ", category=3, price="350", unit="ผืน")
        ).id
    changes: dict[str, dict[str, object]] = {
        "clerk-a": {"name": "ผ้าฝ้ายลายเอ", "price": "400"},
        "clerk-b": {"name": "ผ้าฝ้ายลายบี", "price": "500"},
    }
    results = clerks_save_at_once(register, "product", record_id, changes)

    assert sorted(code for code, _ in results.values()) == [0, CONFLICT_EXIT], results
    [winner] = [actor for actor, (code, _) in results.items() if code == 0]
    with register.read() as session:
        saved = session.get(Product, record_id)
        assert saved is not None
        assert (saved.name, str(saved.price)) == (
            changes[winner]["name"],
            f"{changes[winner]['price']}.00",
        )
        assert saved.version == 2
    assert [e.actor for e in updates_of(register, "product")] == [winner]


# One clerk's PC adding products to one producer as fast as it can, once told to go.
ADDER = r"""
import sys
from otop_desktop.database import Register
from otop_desktop.services.products import ProductInput, create_product

db, owner, actor, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
with Register.open(db) as register:
    register.act_as_named(actor)
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(count):
        with register.write() as session:
            product = create_product(
                session, owner, ProductInput(f"ผ้าทอ {actor} {n}", category=3, price="100")
            )
            print(product.code, flush=True)
"""


def test_four_processes_adding_products_to_one_producer_draw_every_code_once(
    register: Register,
) -> None:
    # Issue 15: on PostgreSQL 26 of 40 failed with uq_products_code — each read the
    # producer's next product number before another's commit raised it.
    with register.write() as session:
        owner = create_entrepreneur(session, person())
        session.flush()
        owner_id, reg_no = owner.id, owner.reg_no
    per_clerk, clerks = 10, [f"clerk-{n}" for n in range(4)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", ADDER, db_of(register), str(owner_id), actor, str(per_clerk)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=Path(__file__).resolve().parents[1],
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        for actor in clerks
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n", process.stderr
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        drawn: list[str] = []
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-2000:]
            drawn += out.split()
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    every = [f"{reg_no}-P{n:02d}" for n in range(1, per_clerk * len(clerks) + 1)]
    assert sorted(drawn) == every  # none failed, none twice, no gap
    with register.read() as session:
        assert sorted(session.scalars(select(Product.code))) == every
        saved = session.get(Entrepreneur, owner_id)
        assert saved is not None and saved.next_product_seq == len(every) + 1
