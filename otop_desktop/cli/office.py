"""``office``: see the office record, or set its name and signing officer."""

from __future__ import annotations

import argparse
import json
from typing import Any

from otop_desktop.cli.args import DB_HELP, EXIT_OK, USER_HELP, open_register
from otop_desktop.database import Register
from otop_desktop.services.office import change_office, office_record


def cmd_office(args: argparse.Namespace) -> int:
    changes = {
        "name": args.name,
        "officer_name": args.officer,
        "officer_position": args.position,
    }
    if all(value is None for value in changes.values()):
        # Reading needs no login: ``stats`` shows the same office to anyone with the file.
        with Register.open(args.db) as register, register.read() as session:
            record = office_record(session)
    else:
        # One transaction, recorded in the trail as the acting user's (a head's, once the
        # register has accounts: the service refuses anyone else).
        with open_register(args) as register:
            with register.write() as session:
                change_office(session, **changes)
            with register.read() as session:
                record = office_record(session)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    office = commands.add_parser(
        "office",
        help="print the office record as JSON, or set its name and signing officer",
        description="Without --name, --officer or --position: prints the office record as "
        "JSON. With them: sets those fields (a head's action once the register has accounts) "
        "and prints the record as it is then.",
    )
    office.add_argument("--db", required=True, help=DB_HELP)
    office.add_argument("--user", help=USER_HELP)
    office.add_argument("--name", help="the office's name, as printed on documents")
    office.add_argument("--officer", help="the name of the officer who signs certificates")
    office.add_argument("--position", help="the signing officer's position")
    office.set_defaults(run=cmd_office)
