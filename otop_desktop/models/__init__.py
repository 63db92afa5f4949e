"""The register's tables, in SQLAlchemy 2 typed style."""

from otop_desktop.models.accounts import (
    Account,
    AuditEntry,
    AuditHead,
    KeyWrap,
    SigningKey,
)
from otop_desktop.models.activity import (
    ExportRecord,
    Grant,
    Household,
    HouseholdSkill,
    Sale,
    Training,
    TrainingParticipant,
)
from otop_desktop.models.base import Base, Money, length
from otop_desktop.models.office import Counter, Office
from otop_desktop.models.register import (
    DigitalReadiness,
    Entrepreneur,
    Product,
    ProductStandard,
    StarRating,
)
from otop_desktop.models.submission import (
    DistrictKey,
    PeriodLock,
    ReceivedSubmission,
    ReceivedSubmissionUndo,
)

__all__ = [
    "Account",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Counter",
    "DigitalReadiness",
    "DistrictKey",
    "Entrepreneur",
    "ExportRecord",
    "Grant",
    "Household",
    "HouseholdSkill",
    "KeyWrap",
    "Money",
    "Office",
    "PeriodLock",
    "Product",
    "ProductStandard",
    "ReceivedSubmission",
    "ReceivedSubmissionUndo",
    "Sale",
    "SigningKey",
    "StarRating",
    "Training",
    "TrainingParticipant",
    "length",
]
