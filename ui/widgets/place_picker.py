"""Where a record lies in the office's area (an entrepreneur's production site, a surveyed
household): the province and district where the office's area is wider than one (chosen),
else shown; and the subdistrict, chosen by typing part of its name."""

from __future__ import annotations

import geothai
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QWidget

from ui.lang import ui_is_thai
from ui.widgets.field_error import FieldRows


def place_name(thai: str, english: str) -> str:
    """A place as the clerk reads it: Thai, with the English name too in the English UI."""
    return thai if ui_is_thai() else f"{thai} ({english})"


class PlacePicker(QObject):
    """Call ``add_rows`` once to put the fields in a form; ``code()`` is the subdistrict
    chosen (empty when the text names none of the district's, which the service refuses
    under the ``subdistrict_code`` field)."""

    def __init__(
        self, province_code: str | None, district_code: str | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._province_code = province_code
        self._district_code = district_code
        self.province_combo: QComboBox | None = None
        self.district_combo: QComboBox | None = None
        if province_code is None:
            self.province_combo = QComboBox()
            for province in geothai.provinces():
                self.province_combo.addItem(
                    place_name(province.name_th, province.name_en), province.code
                )
        if district_code is None:
            self.district_combo = QComboBox()

        self.subdistrict = QComboBox()
        self.subdistrict.setEditable(True)
        self.subdistrict.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.subdistrict.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(self.tr("Type to search"))
        completer = QCompleter(self.subdistrict.model(), self.subdistrict)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.subdistrict.setCompleter(completer)

        if self.province_combo is not None:
            self.province_combo.currentIndexChanged.connect(self._fill_districts)
        if self.district_combo is not None:
            self.district_combo.currentIndexChanged.connect(self._fill_subdistricts)
            self._fill_districts()
        else:
            self._fill_subdistricts()

    def add_rows(self, form: QFormLayout, fields: FieldRows) -> None:
        if self.province_combo is not None:
            fields.add_row(form, self.tr("Provin&ce"), self.province_combo)
        else:
            province = geothai.province(self._province_code or "")
            assert province is not None
            form.addRow(self.tr("Province"), QLabel(place_name(province.name_th, province.name_en)))
        if self.district_combo is not None:
            fields.add_row(form, self.tr("&District"), self.district_combo)
        else:
            district = geothai.district(self._district_code or "")
            assert district is not None
            form.addRow(self.tr("District"), QLabel(place_name(district.name_th, district.name_en)))
        fields.add_row(form, self.tr("S&ubdistrict"), self.subdistrict, "subdistrict_code")

    def code(self) -> str:
        index = self.subdistrict.findText(
            self.subdistrict.currentText().strip(), Qt.MatchFlag.MatchFixedString
        )
        return str(self.subdistrict.itemData(index)) if index >= 0 else ""

    def set_code(self, code: str) -> None:
        if self.province_combo is not None:
            self.province_combo.setCurrentIndex(self.province_combo.findData(code[:2]))
        if self.district_combo is not None:
            self.district_combo.setCurrentIndex(self.district_combo.findData(code[:4]))
        self.subdistrict.setCurrentIndex(self.subdistrict.findData(code))

    def _fill_districts(self) -> None:
        assert self.district_combo is not None
        province = (
            self._province_code
            if self.province_combo is None
            else str(self.province_combo.currentData())
        )
        self.district_combo.clear()
        for district in geothai.districts(province or ""):
            self.district_combo.addItem(
                place_name(district.name_th, district.name_en), district.code
            )

    def _chosen_district(self) -> str:
        if self.district_combo is None:
            return self._district_code or ""
        return str(self.district_combo.currentData() or "")

    def _fill_subdistricts(self) -> None:
        self.subdistrict.clear()
        for subdistrict in geothai.subdistricts(self._chosen_district()):
            self.subdistrict.addItem(
                place_name(subdistrict.name_th, subdistrict.name_en), subdistrict.code
            )
        self.subdistrict.setCurrentIndex(-1)
        self.subdistrict.clearEditText()
