"""How the pages name the register's office: its kind and its area, with place names from
geothai in the language the program runs in."""

from __future__ import annotations

import geothai
from PySide6.QtCore import QCoreApplication

from otop_desktop.domain import OfficeKind
from otop_desktop.models import Office
from ui.lang import pick


def office_kind_text(kind: OfficeKind) -> str:
    return {
        OfficeKind.DISTRICT: QCoreApplication.translate("Office", "District office"),
        OfficeKind.PROVINCE: QCoreApplication.translate("Office", "Province office"),
        OfficeKind.NATION: QCoreApplication.translate("Office", "National office"),
    }[kind]


def office_area_text(office: Office) -> str:
    province = geothai.province(office.province_code or "")
    district = geothai.district(office.district_code or "")
    if province is None:
        return QCoreApplication.translate("Office", "The whole country")
    province_name = pick(province.name_th, province.name_en)
    if district is None:
        return QCoreApplication.translate("Office", "{province} province").format(
            province=province_name
        )
    return QCoreApplication.translate("Office", "{district} district, {province} province").format(
        district=pick(district.name_th, district.name_en), province=province_name
    )
