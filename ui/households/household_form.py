"""The household form of the OFOS survey (1 ครอบครัว 1 Soft Power): where the household lives,
who heads it, and its members' skills."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from otop_desktop.database import Register
from otop_desktop.domain import Industry, SkillLevel
from otop_desktop.models import Household, HouseholdSkill, length
from otop_desktop.services.households import (
    HouseholdInput,
    SkillInput,
    create_household,
    delete_household,
    get_household,
    update_household,
)
from otop_desktop.services.office import get_office
from otop_desktop.thaiformat import thai_today
from ui.forms.record_dialog import RecordDialog, set_entered
from ui.lang import label_of
from ui.widgets.be_date import BEDateEdit
from ui.widgets.place_picker import PlacePicker
from ui.widgets.record_number import record_number_label
from ui.widgets.row_table import RowTable

# The model's column lengths, so that the service never has to refuse a length.
# The most members and the highest หมู่ที่ the survey takes (the service's limits).
MAX_MEMBERS = 99
MAX_MOO = 99
# Room for the five columns of the skills table on the office PCs' 1366×768 screens.
DIALOG_WIDTH = 1100
# A long member's name, which the name column shows whole.
NAME_SAMPLE = "นางสาวจันทร์เพ็ญ บัวคำ"

SkillRow = tuple[QLineEdit, QLineEdit, QComboBox, QComboBox, QLineEdit]


class HouseholdDialog(RecordDialog):
    """A new household (``household_id`` None) or an existing one. The household code is
    given on the first save and never changes. Raises NotFoundError (a UserError) when the
    household to edit no longer exists."""

    def __init__(
        self, register: Register, household_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(register, parent)
        self._id = household_id
        with register.read() as session:
            office = get_office(session)
            record = None if household_id is None else get_household(session, household_id)
            values = None if record is None else self._values(record)
        self._code = record.code if record else ""
        self._head_name = record.head_name if record else ""
        self.setWindowTitle(
            self.tr("New household")
            if record is None
            else self.tr("Household {code}").format(code=record.code)
        )

        # Made in the order Tab visits them: the address, the people, then the skills.
        address = QGroupBox(self.tr("Address"))
        address_form = self._form(address)
        self.code = record_number_label(record.code if record else None)
        address_form.addRow(self.tr("Household code"), self.code)
        self.house_no = QLineEdit()
        self.house_no.setMaxLength(length(Household.house_no))
        self.moo = QSpinBox()
        self.moo.setRange(0, MAX_MOO)
        self.moo.setSpecialValueText("–")  # not given yet; the service asks for it
        self.fields.add_row(address_form, self.tr("House &number"), self.house_no, "house_no")
        self.fields.add_row(address_form, self.tr("&Village (moo)"), self.moo, "moo")
        self.place = PlacePicker(office.province_code, office.district_code, self)
        self.place.add_rows(address_form, self.fields)

        people = QGroupBox(self.tr("Household"))
        people_form = self._form(people)
        self.head_name = QLineEdit()
        self.head_name.setMaxLength(length(Household.head_name))
        self.member_count = QSpinBox()
        self.member_count.setRange(1, MAX_MEMBERS)
        self.surveyed_on = BEDateEdit()
        self.fields.add_row(people_form, self.tr("&Head of household"), self.head_name, "head_name")
        self.fields.add_row(people_form, self.tr("&Members"), self.member_count, "member_count")
        self.fields.add_row(people_form, self.tr("Survey da&te"), self.surveyed_on, "surveyed_on")

        self.skills = RowTable(
            [
                self.tr("Member"),
                self.tr("Skill"),
                self.tr("Soft Power industry"),
                self.tr("Level"),
                self.tr("Training wanted"),
            ],
            self.tr("Add s&kill"),
            self._skill_row,
            stretch_column=1,
        )
        skills_box = QGroupBox(self.tr("Members' skills"))
        self.fields.add_row(QFormLayout(skills_box), None, self.skills, "skills")

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(address, 1)
        columns.addWidget(people, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(skills_box, 1)
        layout.addWidget(self.general_message)
        layout.addLayout(self.button_row(can_delete=record is not None, history=self._code))

        if record is None or values is None:
            self.surveyed_on.setDate(thai_today())
        else:
            self.fill(values)
            self.version = record.version
        self.mark_clean()
        width = max(DIALOG_WIDTH, self.sizeHint().width())
        self.resize(width, self.heightForWidth(width))
        self.house_no.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building -------------------------------------------------------------------------

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _skill_row(self) -> list[QWidget]:
        member = QLineEdit()
        member.setMaxLength(length(HouseholdSkill.member_name))
        member.setPlaceholderText(self.tr("Name"))
        # The skill column takes the spare width; a name and a training still read whole.
        member.setMinimumWidth(member.fontMetrics().horizontalAdvance(NAME_SAMPLE) + 16)
        skill = QLineEdit()
        skill.setMaxLength(length(HouseholdSkill.skill))
        skill.setPlaceholderText(self.tr("e.g. hand weaving"))
        industry = QComboBox()
        industry.setPlaceholderText(self.tr("Choose…"))
        for item in Industry:
            industry.addItem(label_of(item), item.value)
        industry.setCurrentIndex(-1)
        level = QComboBox()
        for skill_level in SkillLevel:
            level.addItem(label_of(skill_level), skill_level.value)
        training = QLineEdit()
        training.setMaxLength(length(HouseholdSkill.training_wanted))
        training.setMinimumWidth(member.minimumWidth())
        return [member, skill, industry, level, training]

    # --- the record -----------------------------------------------------------------------

    @staticmethod
    def _skill_values(skill: HouseholdSkill) -> SkillInput:
        return SkillInput(
            skill=skill.skill,
            industry=skill.industry,
            level=skill.level,
            member_name=skill.member_name,
            training_wanted=skill.training_wanted,
        )

    @classmethod
    def _values(cls, record: Household) -> HouseholdInput:
        return HouseholdInput(
            head_name=record.head_name,
            subdistrict_code=record.subdistrict_code,
            moo=record.moo,
            house_no=record.house_no,
            member_count=record.member_count,
            surveyed_on=record.surveyed_on,
            skills=[cls._skill_values(s) for s in record.skills],
        )

    def fill(self, values: Any) -> None:
        assert isinstance(values, HouseholdInput)
        self.house_no.setText(values.house_no)
        self.moo.setValue(int(values.moo or 0))
        self.place.set_code(values.subdistrict_code)
        self.head_name.setText(values.head_name)
        self.member_count.setValue(int(values.member_count or 1))
        set_entered(self.surveyed_on, values.surveyed_on)
        self.skills.clear()
        for item in values.skills:
            member, skill, industry, level, training = self._cells(self.skills.add_row())
            member.setText(item.member_name)
            skill.setText(item.skill)
            industry.setCurrentIndex(industry.findData(item.industry))
            level.setCurrentIndex(level.findData(item.level))
            training.setText(item.training_wanted)

    def current(self, session: Session) -> tuple[Any, int]:
        assert self._id is not None
        record = get_household(session, self._id)
        return self._values(record), record.version

    @staticmethod
    def _cells(widgets: list[QWidget]) -> SkillRow:
        member, skill, industry, level, training = widgets
        assert isinstance(member, QLineEdit) and isinstance(skill, QLineEdit)
        assert isinstance(industry, QComboBox) and isinstance(level, QComboBox)
        assert isinstance(training, QLineEdit)
        return member, skill, industry, level, training

    def entered(self) -> HouseholdInput:
        skills = []
        for widgets in self.skills.rows():
            member, skill, industry, level, training = self._cells(widgets)
            skills.append(
                SkillInput(
                    skill=skill.text(),
                    industry=industry.currentData() or "",
                    level=level.currentData() or "",
                    member_name=member.text(),
                    training_wanted=training.text(),
                )
            )
        return HouseholdInput(
            head_name=self.head_name.text(),
            subdistrict_code=self.place.code(),
            moo=self.moo.value() or None,
            house_no=self.house_no.text(),
            member_count=self.member_count.value(),
            surveyed_on=self.surveyed_on.entered(),
            skills=skills,
        )

    def snapshot(self) -> Any:
        return self.entered()

    def write(self, session: Session) -> int:
        if self._id is None:
            record = create_household(session, self.entered())
            self.saved_number = record.code
            return record.id
        return update_household(session, self._id, self.entered(), expected_version=self.version).id

    def remove(self, session: Session) -> None:
        assert self._id is not None
        delete_household(session, self._id)

    def saved_message(self) -> str:
        return self.tr("Saved the new household: household code {code}.").format(
            code=self.saved_number
        )

    def delete_question(self) -> str:
        return self.tr(
            "Delete the household {code} ({head}) from the survey?\n\nIts members' skills are "
            "deleted with it. The household code is not given out again."
        ).format(code=self._code, head=self._head_name)
