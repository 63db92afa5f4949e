"""The training sign-in sheet (ใบลงทะเบียนผู้เข้าร่วมอบรม): the training's participants, one
row each with room to sign, and a few empty rows for those who come without being listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_desktop.errors import NotFoundError
from otop_desktop.models import Entrepreneur, Office, Training, TrainingParticipant
from otop_desktop.printing.layout import cell, fitted, fitted_smallest, grid_table, look
from otop_desktop.printing.office_blocks import TITLES, KeepTail, officer_signature, person_name
from otop_desktop.printing.typeset import TextOptions, hold, para
from otop_desktop.thaiformat import format_be_date

TITLE = "ใบลงทะเบียนผู้เข้าร่วมอบรม"
HEADINGS = ("ลำดับ", "ชื่อ-สกุล", "ผู้ประกอบการ / กลุ่ม (เลขทะเบียน)", "ลายมือชื่อ")
#: Rows left empty after the participants, for those who join on the day.
SPARE_ROWS = 5
#: The room to sign in each row.
ROW_HEIGHT = 0.9 * cm


@dataclass(frozen=True)
class Participant:
    reg_no: str
    business: str
    person: str


@dataclass(frozen=True)
class SignIn:
    training_id: int
    topic: str
    held_on: date
    organiser: str
    participants: tuple[Participant, ...]


def load(session: Session, training_id: int) -> SignIn:
    """The training and its participants by registration number; NotFoundError for an id
    the register does not hold."""
    training = session.get(Training, training_id)
    if training is None:
        raise NotFoundError(
            f"ไม่พบการอบรมรหัส {training_id} (ดูรหัสได้ที่รายการการอบรม)",
            f"No training has id {training_id} (the trainings list shows each one's id)",
        )
    rows = session.execute(
        select(Entrepreneur.reg_no, Entrepreneur.name, Entrepreneur.contact_name)
        .join(TrainingParticipant, TrainingParticipant.entrepreneur_id == Entrepreneur.id)
        .where(TrainingParticipant.training_id == training_id)
        .order_by(Entrepreneur.reg_no)
    )
    return SignIn(
        training.id,
        training.topic,
        training.held_on,
        training.organiser,
        tuple(Participant(*row) for row in rows),
    )


def sign_in_sheet(
    sheet: SignIn, office: Office, width: float, options: TextOptions
) -> list[Flowable]:
    lk = look()
    story: list[Flowable] = [
        para(TITLE, lk.title, options),
        para(f"หลักสูตร {sheet.topic}", lk.centre_bold, options),
        para(f"วันที่ {hold(format_be_date(sheet.held_on, 'long'))}", lk.centre, options),
    ]
    if sheet.organiser:
        story.append(para(f"จัดโดย {sheet.organiser}", lk.centre, options))
    story += [para(office.name, lk.centre, options), Spacer(1, 0.3 * cm)]
    count = len(sheet.participants) + SPARE_ROWS
    number = fitted(["ลำดับ", str(count)], lk.cell_head, options)
    rest = width - number
    # A person's name is held whole: its column holds the widest at the smallest size.
    people = [who.person for who in sheet.participants]
    people += [who.business for who in sheet.participants if who.business.startswith(TITLES)]
    names = max(rest * 0.30, fitted_smallest(people, lk.cell, options))
    widths = [number, names, rest * 0.73 - names, rest * 0.27]
    rows: list[list[object]] = [[cell(h, lk.cell_head, options) for h in HEADINGS]]
    for i, who in enumerate(sheet.participants, 1):
        rows.append(
            [
                cell(str(i), lk.cell_centre, options),
                cell(hold(who.person), lk.cell, options),
                [
                    cell(person_name(who.business), lk.cell, options),
                    cell(who.reg_no, lk.small_grey, options),
                ],
                Spacer(1, ROW_HEIGHT),  # room to sign
            ]
        )
    for i in range(len(sheet.participants) + 1, count + 1):
        rows.append([cell(str(i), lk.cell_centre, options), "", "", Spacer(1, ROW_HEIGHT)])
    after = [
        Spacer(1, 0.4 * cm),
        para(f"ผู้เข้าอบรมตามรายชื่อ {hold(f'{len(sheet.participants):,} ราย')}", lk.body, options),
        Spacer(1, 0.8 * cm),
        officer_signature(office, "ผู้รับรอง", width, options),
    ]
    story.append(KeepTail(grid_table(rows, widths), after))
    return story
