"""Every form's and dialog's Alt+letter, in Thai and in English: each label with a mnemonic
has a field to go to, no letter is taken twice in one window, and the letter puts the cursor
in that label's own field."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from otop_desktop.database import Register
from otop_desktop.domain import Category, ProducerType, Status
from otop_desktop.services.entrepreneurs import EntrepreneurInput, create_entrepreneur
from otop_desktop.services.households import HouseholdInput, create_household
from otop_desktop.services.products import ProductInput, create_product
from otop_desktop.services.support import GrantInput, TrainingInput, save_grant, save_training
from otop_desktop.thaiid import make_thai_id
from tests.ui.mnemonics import walk_buddies
from ui.first_run import FirstRunDialog
from ui.forms.entrepreneur_form import EntrepreneurDialog
from ui.forms.product_form import ProductDialog
from ui.forms.record_dialog import RecordDialog
from ui.households.household_form import HouseholdDialog
from ui.settings.settings_page import SettingsPage
from ui.support.grant_form import GrantDialog
from ui.support.training_form import TrainingDialog


@pytest.fixture(params=["th", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The forms in Thai, then in English (the program started with ``--lang en``)."""
    if request.param == "th":
        yield "th"
        return
    translators = qapp.findChildren(QTranslator)
    for translator in translators:
        qapp.removeTranslator(translator)
    default = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        yield "en"
    finally:
        QLocale.setDefault(default)
        for translator in translators:
            qapp.installTranslator(translator)


@pytest.fixture
def records(district_register: Register) -> dict[str, int]:
    """One record of each kind, to open the forms of existing records too."""
    with district_register.write() as session:
        producer = create_entrepreneur(
            session,
            EntrepreneurInput(
                producer_type=ProducerType.GROUP,
                name="กลุ่มทอผ้าบ้านทรายมูล",
                national_id=make_thai_id("310010012345"),
                subdistrict_code="501302",
                contact_name="นางบัวคำ ใจงาม",
                house_no="5",
                member_count=12,
                status=Status.SUSPENDED,
                status_reason="น้ำท่วม",
                status_date=date(2025, 10, 1),
                registered_on=date(2024, 3, 2),
            ),
        ).id
        product = create_product(
            session, producer, ProductInput(name="ผ้าซิ่น", category=Category.TEXTILE, price="450")
        ).id
        household = create_household(
            session,
            HouseholdInput(
                head_name="นางบัวคำ ใจมา",
                subdistrict_code="501301",
                moo=3,
                house_no="12",
                member_count=3,
                surveyed_on=date(2025, 2, 1),
            ),
        ).id
        training = save_training(
            session,
            TrainingInput(
                held_on=date(2025, 1, 15),
                topic="การออกแบบบรรจุภัณฑ์",
                organiser="พช.อำเภอ",
                budget="5000",
                participant_ids=[producer],
            ),
            None,
        ).id
        grant = save_grant(
            session,
            producer,
            GrantInput(granted_on=date(2025, 2, 1), amount="10000", purpose="กี่ทอผ้า"),
            None,
        ).id
    return {
        "entrepreneur": producer,
        "product": product,
        "household": household,
        "training": training,
        "grant": grant,
    }


Build = Callable[[Register, dict[str, int]], QWidget]

FORMS: dict[str, Build] = {
    "new entrepreneur": lambda r, _ids: EntrepreneurDialog(r, None),
    "entrepreneur": lambda r, ids: EntrepreneurDialog(r, ids["entrepreneur"]),
    "new product": lambda r, ids: ProductDialog(r, ids["entrepreneur"], None),
    "product": lambda r, ids: ProductDialog(r, None, ids["product"]),
    "new household": lambda r, _ids: HouseholdDialog(r, None),
    "household": lambda r, ids: HouseholdDialog(r, ids["household"]),
    "new training": lambda r, _ids: TrainingDialog(r, None),
    "training": lambda r, ids: TrainingDialog(r, ids["training"]),
    "new grant": lambda r, _ids: GrantDialog(r, None),
    "grant": lambda r, ids: GrantDialog(r, ids["grant"]),
    "settings": lambda r, _ids: SettingsPage(r),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_every_label_mnemonic_reaches_its_own_field(
    qtbot: QtBot,
    district_register: Register,
    records: dict[str, int],
    language: str,
    form: str,
) -> None:
    widget = FORMS[form](district_register, records)
    if isinstance(widget, RecordDialog):
        qtbot.addWidget(widget, before_close_func=lambda d: d.mark_clean())
    else:
        qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    if isinstance(widget, EntrepreneurDialog):
        # A group's member count and a closed business's reason are enabled then only.
        widget.producer_type.setCurrentIndex(widget.producer_type.findData(int(ProducerType.GROUP)))
        widget.status.setCurrentIndex(widget.status.findData(Status.SUSPENDED.value))
    assert walk_buddies(qtbot, widget) >= 1, f"{form} ({language}) has no mnemonic"


def test_the_first_run_dialogs_mnemonics_reach_their_own_fields(
    qtbot: QtBot, tmp_path: object, language: str
) -> None:
    dialog = FirstRunDialog(f"{tmp_path}/new.sqlite3")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert walk_buddies(qtbot, dialog) >= 1
