"""The lists of trainings and of grants, newest first, each opening its form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.services.support import (
    GrantFilter,
    GrantRow,
    TrainingFilter,
    TrainingRow,
    count_grants,
    count_trainings,
    grant_fiscal_years,
    grant_ids,
    grant_rows,
    training_fiscal_years,
    training_ids,
    training_rows,
)
from otop_desktop.thaiformat import format_be_date, format_money
from ui.lists.model import NAME_SAMPLE, RIGHT, Column, LazyTableModel
from ui.support.grant_form import GrantDialog
from ui.support.record_lists import RecordListPage
from ui.support.training_form import TrainingDialog

MONEY_SAMPLE = "000,000.00"
DATE_SAMPLE = "00/00/0000"
ORGANISER_SAMPLE = "สำนักงานพัฒนาชุมชนจังหวัด"


def all_years() -> str:
    return QCoreApplication.translate("SupportLists", "All fiscal years")


def year_choices(years: list[int]) -> list[tuple[str, int]]:
    return [
        (QCoreApplication.translate("SupportLists", "Fiscal year {year}").format(year=y), y)
        for y in years
    ]


def fill_years(
    page: RecordListPage[Any, Any],
    box: QComboBox,
    years_of: Callable[[Session], list[int]],
) -> None:
    with page.register.read() as session:
        years = years_of(session)
    page.refill(box, all_years(), year_choices(years))


class TrainingsList(RecordListPage[TrainingFilter, TrainingRow]):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.search.setPlaceholderText(self.tr("Search by topic or organiser (Ctrl+F)"))
        self.new_button.setText(self.tr("New training"))
        # A training has no place of its own: the area boxes do not apply.
        for box in (self.province_box, self.district_box, self.subdistrict_box):
            if box is not None:
                box.hide()
        self.year_box = self.add_filter(all_years(), [])
        # The only box of its row: as wide as its words, not the whole row.
        self.year_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.filters.addStretch(1)
        locale = self.locale()
        columns: list[Column[TrainingRow]] = [
            # The number `print signin --training` takes: plain digits, as typed there.
            Column(self.tr("No."), lambda r: str(r.id), None, "0000", RIGHT),
            Column(self.tr("Date"), lambda r: format_be_date(r.held_on), "held_on", DATE_SAMPLE),
            Column(self.tr("Topic"), lambda r: r.topic, "topic", "การออกแบบบรรจุภัณฑ์", fill=True),
            Column(self.tr("Organiser"), lambda r: r.organiser, "organiser", ORGANISER_SAMPLE),
            Column(
                self.tr("Budget (baht)"),
                lambda r: format_money(r.budget),
                "budget",
                MONEY_SAMPLE,
                RIGHT,
            ),
            Column(
                self.tr("Participants"),
                lambda r: locale.toString(r.participant_count),
                "participants",
                "000",
                RIGHT,
            ),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                training_ids,
                training_rows,
                TrainingFilter(),
                order="held_on",
                descending=True,
                parent=self,
            ),
            lambda session: count_trainings(session, TrainingFilter()),
        )

    def current_filter(self) -> TrainingFilter:
        return TrainingFilter(query=self.search.text(), fiscal_year=self.year_box.currentData())

    def list_title(self) -> str:
        return self.tr("Trainings")

    def empty_text(self) -> str:
        return self.tr(
            "No training is recorded yet. Press Ctrl+N (New training) to record the first one "
            "with its participants."
        )

    def count_text(self, count: int, complete: bool) -> str:
        if not complete:
            return self.tr("At least {count} of {total} trainings…").format(**self.numbers(count))
        return self.tr("{count} of {total} trainings").format(**self.numbers(count))

    def reload(self) -> None:
        fill_years(self, self.year_box, training_fiscal_years)
        super().reload()

    def make_dialog(self, record_id: int | None) -> TrainingDialog:
        return TrainingDialog(self.register, record_id, self)


class GrantsList(RecordListPage[GrantFilter, GrantRow]):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.search.setPlaceholderText(
            self.tr("Search by entrepreneur, registration no., purpose or funder (Ctrl+F)")
        )
        self.new_button.setText(self.tr("New grant"))
        self.year_box = self.add_filter(all_years(), [])
        columns: list[Column[GrantRow]] = [
            Column(
                self.tr("Date"), lambda r: format_be_date(r.granted_on), "granted_on", DATE_SAMPLE
            ),
            Column(self.tr("Registration no."), lambda r: r.reg_no, "reg_no", "5013-2567-0000"),
            Column(
                self.tr("Entrepreneur"),
                lambda r: r.entrepreneur_name,
                "entrepreneur",
                NAME_SAMPLE,
                fill=True,
            ),
            Column(
                self.tr("Amount (baht)"),
                lambda r: format_money(r.amount),
                "amount",
                MONEY_SAMPLE,
                RIGHT,
            ),
            Column(self.tr("Purpose"), lambda r: r.purpose, "purpose", "จัดซื้อเครื่องมืออุปกรณ์"),
            Column(self.tr("Funder"), lambda r: r.funder, "funder", "กองทุนพัฒนาบทบาทสตรี"),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                grant_ids,
                grant_rows,
                GrantFilter(),
                order="granted_on",
                descending=True,
                parent=self,
            ),
            lambda session: count_grants(session, GrantFilter()),
        )

    def current_filter(self) -> GrantFilter:
        return GrantFilter(
            query=self.search.text(),
            fiscal_year=self.year_box.currentData(),
            **self.area_filter(),
        )

    def list_title(self) -> str:
        return self.tr("Grants")

    def empty_text(self) -> str:
        return self.tr(
            "No grant is recorded yet. Press Ctrl+N (New grant) to record the first one; it is "
            "given to an entrepreneur already in the register."
        )

    def count_text(self, count: int, complete: bool) -> str:
        if not complete:
            return self.tr("At least {count} of {total} grants…").format(**self.numbers(count))
        return self.tr("{count} of {total} grants").format(**self.numbers(count))

    def reload(self) -> None:
        fill_years(self, self.year_box, grant_fiscal_years)
        super().reload()

    def make_dialog(self, record_id: int | None) -> GrantDialog:
        return GrantDialog(self.register, record_id, self)
