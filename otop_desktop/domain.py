"""The fixed vocabularies of the OTOP register (../shared/spec/domain.md), with Thai and
English labels. Values are what the database and the monthly workbook store."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ProducerType(IntEnum):
    GROUP = 1
    SINGLE_OWNER = 2
    SME = 3

    @property
    def label_th(self) -> str:
        return _PRODUCER_TH[self]

    @property
    def label_en(self) -> str:
        return _PRODUCER_EN[self]

    @property
    def short_th(self) -> str:
        """For a list column, where the full name does not fit."""
        return {1: "กลุ่มผู้ผลิตชุมชน", 2: "เจ้าของรายเดียว", 3: "SME"}[self]

    @property
    def short_en(self) -> str:
        return {1: "Community group", 2: "Single owner", 3: "SME"}[self]


_PRODUCER_TH = {
    ProducerType.GROUP: "กลุ่มผู้ผลิตชุมชน",
    ProducerType.SINGLE_OWNER: "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว",
    ProducerType.SME: "ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม",
}
_PRODUCER_EN = {
    ProducerType.GROUP: "Community producer group",
    ProducerType.SINGLE_OWNER: "Single-owner community producer",
    ProducerType.SME: "SME (juristic person)",
}


class Category(IntEnum):
    FOOD = 1
    BEVERAGE = 2
    TEXTILE = 3
    UTENSIL = 4
    HERBAL = 5

    @property
    def label_th(self) -> str:
        return _CATEGORY_TH[self]

    @property
    def label_en(self) -> str:
        return _CATEGORY_EN[self]


_CATEGORY_TH = {
    Category.FOOD: "อาหาร",
    Category.BEVERAGE: "เครื่องดื่ม",
    Category.TEXTILE: "ผ้า เครื่องแต่งกาย",
    Category.UTENSIL: "ของใช้ ของตกแต่ง ของที่ระลึก",
    Category.HERBAL: "สมุนไพรที่ไม่ใช่อาหาร",
}
_CATEGORY_EN = {
    Category.FOOD: "Food",
    Category.BEVERAGE: "Beverages",
    Category.TEXTILE: "Textiles and apparel",
    Category.UTENSIL: "Utensils, decorations, souvenirs",
    Category.HERBAL: "Non-food herbal products",
}


class Status(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"

    @property
    def label_th(self) -> str:
        return {"active": "ดำเนินการ", "suspended": "หยุดชั่วคราว", "closed": "เลิกกิจการ"}[self]

    @property
    def label_en(self) -> str:
        return {"active": "Active", "suspended": "Suspended", "closed": "Closed"}[self]


class SoftPower(StrEnum):
    """The province's two Soft Power lines a product may be tagged with."""

    FOOD = "Food"
    FASHION = "Fashion"

    @property
    def label_th(self) -> str:
        return {"Food": "อาหาร เครื่องดื่ม", "Fashion": "เสื้อผ้า ชุดแต่งกาย"}[self]

    @property
    def label_en(self) -> str:
        return {"Food": "Food and drink", "Fashion": "Fashion and dress"}[self]


class Standard(StrEnum):
    FDA = "อย."
    TCPS = "มผช."
    TIS = "มอก."
    GMP = "GMP"
    HACCP = "HACCP"
    GAP = "GAP"
    HALAL = "Halal"
    ORGANIC = "organic"

    @property
    def label_th(self) -> str:
        return _STANDARD_TH.get(self, self.value)

    @property
    def label_en(self) -> str:
        return _STANDARD_EN.get(self, self.value)


# The value is the short name the workbook stores; the labels say what it is.
_STANDARD_TH = {
    Standard.FDA: "อย. (สำนักงานคณะกรรมการอาหารและยา)",
    Standard.TCPS: "มผช. (มาตรฐานผลิตภัณฑ์ชุมชน)",
    Standard.TIS: "มอก. (มาตรฐานผลิตภัณฑ์อุตสาหกรรม)",
    Standard.HALAL: "ฮาลาล",
    Standard.ORGANIC: "เกษตรอินทรีย์",
}
_STANDARD_EN = {
    Standard.FDA: "Thai FDA (อย.)",
    Standard.TCPS: "Community product standard (มผช.)",
    Standard.TIS: "Thai industrial standard (มอก.)",
    Standard.ORGANIC: "Organic",
}


class Industry(StrEnum):
    """The 11 Soft Power industries, spelled as in domain.md."""

    FOOD = "อาหาร"
    SPORT = "กีฬา"
    FESTIVAL = "เทศกาล"
    TOURISM = "ท่องเที่ยว"
    MUSIC = "ดนตรี"
    BOOK = "หนังสือ"
    FILM = "ภาพยนตร์ ซีรีส์และแอนิเมชัน"
    GAME = "เกม"
    ART = "ศิลปะ"
    DESIGN = "ออกแบบ"
    FASHION = "แฟชั่น"

    @property
    def label_th(self) -> str:
        return self.value

    @property
    def label_en(self) -> str:
        return _INDUSTRY_EN[self]


_INDUSTRY_EN = {
    Industry.FOOD: "Food",
    Industry.SPORT: "Sport",
    Industry.FESTIVAL: "Festivals",
    Industry.TOURISM: "Tourism",
    Industry.MUSIC: "Music",
    Industry.BOOK: "Books",
    Industry.FILM: "Film, series and animation",
    Industry.GAME: "Games",
    Industry.ART: "Art",
    Industry.DESIGN: "Design",
    Industry.FASHION: "Fashion",
}


class SkillLevel(StrEnum):
    BEGINNER = "เริ่มต้น"
    SKILLED = "ชำนาญ"
    EXPERT = "เชี่ยวชาญ"

    @property
    def label_th(self) -> str:
        return self.value

    @property
    def label_en(self) -> str:
        return {"เริ่มต้น": "Beginner", "ชำนาญ": "Skilled", "เชี่ยวชาญ": "Expert"}[self]


class OfficeKind(StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    NATION = "nation"

    @property
    def label_th(self) -> str:
        return {"district": "อำเภอ", "province": "จังหวัด", "nation": "ประเทศ"}[self]


#: The digital-finance checklist, in the order forms show it.
READINESS_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("bank_account", "มีบัญชีเงินฝากธนาคาร", "Has a bank account"),
    ("promptpay", "ผูกพร้อมเพย์", "PromptPay"),
    ("qr_payment", "รับชำระผ่าน QR", "Accepts QR payment"),
    ("online_sales", "ขายออนไลน์ (เพจหรือมาร์เก็ตเพลส)", "Sells online"),
    ("digital_accounts", "ทำบัญชีแบบดิจิทัล", "Keeps digital accounts"),
    ("gov_scheme", "ลงทะเบียนโครงการเงินดิจิทัลของรัฐ", "Registered for the digital-money scheme"),
)


def readiness_level(checks: dict[str, bool]) -> int:
    """0–5: without a bank account none of the digital practices can work, so the level is 0;
    with one, it counts the five practices that build on it."""
    if not checks.get("bank_account"):
        return 0
    return sum(bool(checks.get(key)) for key, _, _ in READINESS_ITEMS[1:])
