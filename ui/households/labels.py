"""The names of the Soft Power industries and skill levels in the UI's language. The core
stores them by their Thai names (domain.Industry, domain.SkillLevel), which have no English
ones, so the English comes from here through the translation catalog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from otop_desktop.domain import Industry, SkillLevel


def industry_label(industry: Industry) -> str:
    translate = QCoreApplication.translate
    return {
        Industry.FOOD: translate("SoftPower", "Food"),
        Industry.SPORT: translate("SoftPower", "Sport"),
        Industry.FESTIVAL: translate("SoftPower", "Festivals"),
        Industry.TOURISM: translate("SoftPower", "Tourism"),
        Industry.MUSIC: translate("SoftPower", "Music"),
        Industry.BOOK: translate("SoftPower", "Books"),
        Industry.FILM: translate("SoftPower", "Film, series and animation"),
        Industry.GAME: translate("SoftPower", "Games"),
        Industry.ART: translate("SoftPower", "Art"),
        Industry.DESIGN: translate("SoftPower", "Design"),
        Industry.FASHION: translate("SoftPower", "Fashion"),
    }[industry]


def level_label(level: SkillLevel) -> str:
    translate = QCoreApplication.translate
    return {
        SkillLevel.BEGINNER: translate("SoftPower", "Beginner"),
        SkillLevel.SKILLED: translate("SoftPower", "Skilled"),
        SkillLevel.EXPERT: translate("SoftPower", "Expert"),
    }[level]
