"""Digital readiness in the core: the assessment as the form reads it, and the level as SQL
agreeing with the rule in domain.readiness_level for every checklist."""

from __future__ import annotations

from datetime import date
from itertools import product

from sqlalchemy import select

from otop_desktop.domain import readiness_level
from otop_desktop.models import DigitalReadiness
from otop_desktop.services import entrepreneurs as svc
from otop_desktop.services.readiness import CHECKS, TOP_LEVEL, assessment, level_sql
from tests.conftest import person


def test_an_entrepreneur_never_assessed_has_no_assessment(register) -> None:
    with register.write() as s:
        e = svc.create_entrepreneur(s, person())
        assert assessment(s, e.id) is None


def test_the_assessment_gives_the_level_and_what_is_lacking(register) -> None:
    with register.write() as s:
        e = svc.create_entrepreneur(s, person())
        svc.set_readiness(s, e.id, {"bank_account": True, "qr_payment": True}, date(2025, 11, 1))
        found = assessment(s, e.id)
    assert found is not None
    assert found.level == 1
    assert found.assessed_on == date(2025, 11, 1)
    assert found.lacking == ("promptpay", "online_sales", "digital_accounts", "gov_scheme")
    assert set(found.checks) == set(CHECKS)


def test_the_level_in_sql_equals_the_rule_for_every_checklist(register) -> None:
    checklists = [
        dict(zip(CHECKS, ticks, strict=True)) for ticks in product((False, True), repeat=6)
    ]
    with register.write() as s:
        ids = []
        for n, checks in enumerate(checklists):
            e = svc.create_entrepreneur(s, person(name=f"ผู้ผลิต {n}"))
            svc.set_readiness(s, e.id, checks, None)
            ids.append(e.id)
        levels = dict(s.execute(select(DigitalReadiness.entrepreneur_id, level_sql())).all())
    assert [levels[i] for i in ids] == [readiness_level(c) for c in checklists]
    assert max(levels.values()) == TOP_LEVEL
