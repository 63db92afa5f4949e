"""The OFOS households (1 ครอบครัว 1 Soft Power): the surveyed households of the office's
area, searched and filtered, each opened in its form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from otop_desktop.database import Register
from otop_desktop.domain import Industry
from otop_desktop.services.households import (
    HouseholdFilter,
    HouseholdRow,
    count_households,
    household_ids,
    household_moos,
    household_rows,
)
from otop_desktop.thaiformat import format_be_date
from ui.households.household_form import HouseholdDialog
from ui.lang import label_of
from ui.lists.model import CENTER, PERSON_SAMPLE, RIGHT, Column, LazyTableModel, subdistrict_name
from ui.support.record_lists import RecordListPage


class HouseholdsPage(RecordListPage[HouseholdFilter, HouseholdRow]):
    """Ctrl+N or the button registers a household; Enter or a double-click opens one; its
    form deletes it."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(register, parent)
        self.search.setPlaceholderText(
            self.tr("Search by head of household, house number or household code (Ctrl+F)")
        )
        self.new_button.setText(self.tr("New household"))
        self.moo_box = self.add_filter(self.tr("All villages (moo)"), [])
        self.industry_box = self.add_filter(
            self.tr("All Soft Power industries"), [(label_of(i), i.value) for i in Industry]
        )
        # The villages offered are those surveyed in the area the other boxes choose.
        for box in (self.province_box, self.district_box, self.subdistrict_box):
            if box is not None:
                box.currentIndexChanged.connect(self._fill_moos)
        locale = self.locale()
        columns: list[Column[HouseholdRow]] = [
            Column(self.tr("Household code"), lambda r: r.code, "code", "501301-00-0000"),
            Column(
                self.tr("Head of household"),
                lambda r: r.head_name,
                "head_name",
                PERSON_SAMPLE,
                fill=True,
            ),
            Column(self.tr("House no."), lambda r: r.house_no, "house_no", "000/00"),
            Column(self.tr("Moo"), lambda r: str(r.moo), "moo", "00", CENTER),
            Column(
                self.tr("Subdistrict"),
                lambda r: subdistrict_name(r.subdistrict_code),
                "subdistrict",
                "ร้องวัวแดง",
            ),
            Column(
                self.tr("Members"),
                lambda r: locale.toString(r.member_count),
                "member_count",
                "00",
                RIGHT,
            ),
            Column(
                self.tr("Soft Power industries"),
                lambda r: ", ".join(label_of(i) for i in r.industries),
                None,
                "อาหาร, แฟชั่น, ดนตรี",
            ),
            Column(
                self.tr("Surveyed"),
                lambda r: format_be_date(r.surveyed_on) if r.surveyed_on else "",
                "surveyed_on",
                "00/00/0000",
            ),
        ]
        self.set_model(
            LazyTableModel(
                register,
                columns,
                household_ids,
                household_rows,
                HouseholdFilter(),
                order="code",
                parent=self,
            ),
            lambda session: count_households(session, HouseholdFilter()),
        )

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            query=self.search.text(),
            moo=self.moo_box.currentData(),
            industry=self.industry_box.currentData(),
            **self.area_filter(),
        )

    def list_title(self) -> str:
        return self.tr("Soft Power households")

    def empty_text(self) -> str:
        return self.tr(
            "No household has been surveyed yet. Press Ctrl+N (New household) to enter the "
            "first household of the 1 Family 1 Soft Power survey."
        )

    def count_text(self, count: int, complete: bool) -> str:
        if not complete:
            return self.tr("At least {count} of {total} households…").format(**self.numbers(count))
        return self.tr("{count} of {total} households").format(**self.numbers(count))

    def reload(self) -> None:
        # A household saved since may be the first of its village.
        self._fill_moos()
        super().reload()

    def make_dialog(self, record_id: int | None) -> HouseholdDialog:
        return HouseholdDialog(self.register, record_id, self)

    def _fill_moos(self) -> None:
        with self.register.read() as session:
            moos = household_moos(session, HouseholdFilter(**self.area_filter()))
        self.refill(
            self.moo_box,
            self.tr("All villages (moo)"),
            [(self.tr("Moo {moo}").format(moo=moo), moo) for moo in moos],
        )
