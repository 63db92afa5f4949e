"""What demo producers make: craft lines (a trade with its typical products), the lines each
Chiang Mai district is known for, and a generic catalogue for other provinces."""

from __future__ import annotations

from dataclasses import dataclass

from otop_desktop.domain import Category


@dataclass(frozen=True, slots=True)
class Item:
    """A kind of product; ``variants`` (patterns, sizes, flavours) give one producer several
    products of the same kind."""

    name: str
    unit: str
    low: int  # price range, baht
    high: int
    variants: tuple[str, ...] = ("",)


@dataclass(frozen=True, slots=True)
class Craft:
    work: str  # what a group does, for "กลุ่ม<work>บ้าน…"
    trade: str  # what a shop or company sells, for "ร้าน…<trade>"
    category: Category
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    weight: float  # share of the province's producers
    sales: float  # sales per producer, relative to the province's average
    crafts: tuple[tuple[Craft, float], ...]


_WEAVE = (
    "ลายดอกพิกุล",
    "ลายน้ำไหล",
    "ลายตาหมากรุก",
    "ลายดอกแก้ว",
    "ลายขิด",
    "ย้อมครามธรรมชาติ",
    "ย้อมสีธรรมชาติ",
)
_JOK = (
    "ลายขันเสี้ยนโคม",
    "ลายหงส์",
    "ลายนกคู่กินน้ำร่วมเต้า",
    "ลายเครือกาบ",
    "ลายโคมหัวหม่อน",
    "ลายละกอนหลวง",
)
_KAREN = ("ลายลูกเดือย", "ลายดอกไม้ป่า", "ลายตาข่าย", "ย้อมเปลือกไม้", "ย้อมคราม")
_SIZE = ("ขนาดเล็ก", "ขนาดกลาง", "ขนาดใหญ่")
_PACK = ("ขนาด 100 กรัม", "ขนาด 250 กรัม", "ขนาด 500 กรัม")
_TASTE = ("สูตรดั้งเดิม", "รสเผ็ด", "รสสมุนไพร")
_ROAST = ("คั่วอ่อน", "คั่วกลาง", "คั่วเข้ม")
_SCENT = ("กลิ่นตะไคร้", "กลิ่นมะกรูด", "กลิ่นไพล", "สูตรเย็น", "สูตรร้อน")
_PAINT = ("ลายดอกไม้", "ลายนกยูง", "ลายช้าง", "ลายล้านนา", "สีพื้น")

#: Variants that are sizes: (rank, of how many), so that a bigger one costs more.
SIZE_RANK = {v: (i, len(sizes)) for sizes in (_SIZE, _PACK) for i, v in enumerate(sizes)}


COTTON = Craft(
    "ทอผ้าฝ้าย",
    "ผ้าฝ้าย",
    Category.TEXTILE,
    (
        Item("ผ้าฝ้ายทอมือ", "เมตร", 180, 450, _WEAVE),
        Item("เสื้อผ้าฝ้ายพื้นเมือง", "ตัว", 290, 890, _WEAVE),
        Item("ผ้าพันคอฝ้าย", "ผืน", 150, 390, _WEAVE),
        Item("ผ้าถุงฝ้ายทอมือ", "ผืน", 350, 950, _WEAVE),
        Item("กระเป๋าผ้าฝ้าย", "ใบ", 120, 490),
        Item("ผ้าคลุมไหล่", "ผืน", 250, 650),
    ),
)
SILK = Craft(
    "ทอผ้าไหม",
    "ผ้าไหม",
    Category.TEXTILE,
    (
        Item("ผ้าไหมทอมือ", "เมตร", 650, 1800, _WEAVE),
        Item("ผ้าไหมยกดอก", "ผืน", 2500, 9500),
        Item("ผ้าพันคอไหม", "ผืน", 450, 1500, _WEAVE),
        Item("เสื้อผ้าไหมสำเร็จรูป", "ตัว", 1200, 3900),
    ),
)
TEEN_JOK = Craft(
    "ทอผ้าซิ่นตีนจก",
    "ผ้าตีนจก",
    Category.TEXTILE,
    (
        Item("ผ้าซิ่นตีนจก", "ผืน", 1500, 12000, _JOK),
        Item("ตีนจกสำเร็จรูป", "ผืน", 900, 5500, _JOK),
        Item("ผ้าซิ่นต๋า", "ผืน", 600, 2500),
        Item("ย่ามตีนจก", "ใบ", 350, 1200, _JOK),
    ),
)
KAREN_WEAVE = Craft(
    "ทอผ้ากะเหรี่ยง",
    "ผ้าทอกะเหรี่ยง",
    Category.TEXTILE,
    (
        Item("ผ้าทอกะเหรี่ยง", "ผืน", 350, 1500, _KAREN),
        Item("เสื้อกะเหรี่ยง", "ตัว", 390, 1200, _KAREN),
        Item("ย่ามกะเหรี่ยง", "ใบ", 180, 550, _KAREN),
        Item("ผ้าซิ่นกะเหรี่ยง", "ผืน", 450, 1800, _KAREN),
        Item("ผ้าพันคอทอกี่เอว", "ผืน", 180, 450),
    ),
)
HILLTRIBE = Craft(
    "ผ้าปักชนเผ่า",
    "ผ้าปักชาวเขา",
    Category.TEXTILE,
    (
        Item("ผ้าปักชาวเขา", "ผืน", 250, 1500, _SIZE),
        Item("กระเป๋าผ้าปักม้ง", "ใบ", 190, 890, _SIZE),
        Item("เสื้อผ้าปักชนเผ่า", "ตัว", 450, 2200),
        Item("ผ้าเขียนเทียน", "ผืน", 350, 1800),
    ),
)
GARMENT = Craft(
    "ตัดเย็บเสื้อผ้าพื้นเมือง",
    "เสื้อผ้าพื้นเมือง",
    Category.TEXTILE,
    (
        Item("เสื้อผ้าพื้นเมืองสำเร็จรูป", "ตัว", 250, 790, _SIZE),
        Item("ผ้ามัดย้อม", "ผืน", 180, 590, _PAINT),
        Item("ชุดพื้นเมืองล้านนา", "ชุด", 690, 2500),
        Item("กางเกงสะดอ", "ตัว", 150, 390),
    ),
)
SILVER = Craft(
    "หัตถกรรมเครื่องเงิน",
    "เครื่องเงิน",
    Category.UTENSIL,
    (
        Item("สลุงเงิน", "ใบ", 2500, 25000, _SIZE),
        Item("ขันเงินดุนลาย", "ใบ", 1800, 15000, _SIZE),
        Item("สร้อยคอเงิน", "เส้น", 590, 3500),
        Item("ต่างหูเงิน", "คู่", 250, 1200),
        Item("กำไลเงิน", "วง", 490, 2900),
    ),
)
LACQUER = Craft(
    "หัตถกรรมเครื่องเขิน",
    "เครื่องเขิน",
    Category.UTENSIL,
    (
        Item("กล่องเครื่องเขิน", "ใบ", 350, 2500, _SIZE),
        Item("ขันโตกเครื่องเขิน", "ชุด", 1500, 6500),
        Item("ถาดเครื่องเขิน", "ใบ", 290, 1500, _SIZE),
        Item("แจกันเครื่องเขิน", "ใบ", 450, 2200),
    ),
)
WOODCARVING = Craft(
    "แกะสลักไม้",
    "ไม้แกะสลัก",
    Category.UTENSIL,
    (
        Item("ช้างไม้แกะสลัก", "ตัว", 350, 8500, _SIZE),
        Item("กรอบรูปไม้แกะสลัก", "ชิ้น", 290, 1800, _SIZE),
        Item("โคมไฟไม้สัก", "ชิ้น", 890, 4500),
        Item("ถาดไม้สัก", "ใบ", 190, 890, _SIZE),
        Item("ของตกแต่งบ้านไม้แกะสลัก", "ชิ้น", 250, 3500),
    ),
)
UMBRELLA = Craft(
    "ทำร่มบ่อสร้าง",
    "ร่มบ่อสร้าง",
    Category.UTENSIL,
    (
        Item("ร่มกระดาษสา", "คัน", 150, 1200, _PAINT),
        Item("ร่มผ้าฝ้ายเขียนลาย", "คัน", 250, 1800, _PAINT),
        Item("พัดเขียนลาย", "ด้าม", 60, 350, _PAINT),
        Item("ร่มประดับตกแต่ง", "คัน", 450, 3500, _SIZE),
    ),
)
SA_PAPER = Craft(
    "ทำกระดาษสา",
    "กระดาษสา",
    Category.UTENSIL,
    (
        Item("กระดาษสา", "แผ่น", 15, 60, _PAINT),
        Item("สมุดกระดาษสา", "เล่ม", 80, 350, _SIZE),
        Item("โคมกระดาษสา", "ใบ", 120, 690, _SIZE),
        Item("การ์ดกระดาษสา", "ชุด", 50, 250),
    ),
)
POTTERY = Craft(
    "ปั้นเครื่องปั้นดินเผา",
    "เซรามิก",
    Category.UTENSIL,
    (
        Item("แจกันดินเผา", "ใบ", 150, 1200, _SIZE),
        Item("ถ้วยเซรามิกเคลือบ", "ชุด", 190, 890),
        Item("โคมไฟดินเผา", "ชิ้น", 350, 1800),
        Item("กระถางดินเผา", "ใบ", 60, 450, _SIZE),
    ),
)
BASKETRY = Craft(
    "จักสาน",
    "เครื่องจักสาน",
    Category.UTENSIL,
    (
        Item("ตะกร้าไม้ไผ่", "ใบ", 90, 450, _SIZE),
        Item("กระติบข้าว", "ใบ", 60, 250, _SIZE),
        Item("กระเป๋าสาน", "ใบ", 190, 890, _SIZE),
        Item("ตะกร้าหวาย", "ใบ", 150, 690, _SIZE),
        Item("เครื่องจักสานผักตบชวา", "ชิ้น", 120, 590),
    ),
)
LANTERN = Craft(
    "ทำโคมล้านนา",
    "โคมล้านนา",
    Category.UTENSIL,
    (
        Item("โคมยี่เป็ง", "ใบ", 45, 390, _SIZE),
        Item("โคมผ้าฝ้าย", "ใบ", 120, 650, _SIZE),
        Item("ตุงล้านนา", "ผืน", 35, 450, _PAINT),
        Item("ดอกไม้ประดิษฐ์", "ช่อ", 50, 350, _PAINT),
    ),
)
NORTHERN_FOOD = Craft(
    "แปรรูปอาหารพื้นเมือง",
    "อาหารเมืองเหนือ",
    Category.FOOD,
    (
        Item("ไส้อั่ว", "กิโลกรัม", 250, 420, _TASTE),
        Item("แคบหมู", "ถุง", 35, 120, _PACK),
        Item("น้ำพริกหนุ่ม", "กระปุก", 45, 120, _TASTE),
        Item("น้ำพริกอ่อง", "กระปุก", 45, 120, _PACK),
        Item("จิ๊นส้ม", "แพ็ค", 50, 150, _PACK),
        Item("ข้าวซอยกึ่งสำเร็จรูป", "ห่อ", 45, 89),
    ),
)
LONGAN = Craft(
    "แปรรูปลำไย",
    "ลำไยอบแห้ง",
    Category.FOOD,
    (
        Item("ลำไยอบแห้ง", "ถุง", 60, 250, _PACK),
        Item("ลำไยอบแห้งเนื้อสีทอง", "กิโลกรัม", 280, 450),
        Item("ลำไยอบน้ำผึ้ง", "ถุง", 70, 180, _PACK),
        Item("ลำไยเคลือบช็อกโกแลต", "กล่อง", 89, 199),
        Item("น้ำผึ้งดอกลำไย", "ขวด", 150, 390, _PACK),
    ),
)
SNACKS = Craft(
    "ทำขนมพื้นบ้าน",
    "ขนมพื้นเมือง",
    Category.FOOD,
    (
        Item("ข้าวแต๋นน้ำแตงโม", "ถุง", 35, 120, _PACK),
        Item("ข้าวแคบ", "ห่อ", 25, 80),
        Item("ทองม้วน", "กล่อง", 60, 180, _TASTE),
        Item("กล้วยตาก", "ถุง", 40, 150, _PACK),
        Item("ถั่วลิสงทอดสมุนไพร", "ถุง", 30, 99, _PACK),
    ),
)
FRUIT = Craft(
    "แปรรูปผลไม้",
    "ผลไม้แปรรูป",
    Category.FOOD,
    (
        Item("ส้มสายน้ำผึ้งอบแห้ง", "ถุง", 60, 180, _PACK),
        Item("แยมส้ม", "ขวด", 69, 150),
        Item("สตรอว์เบอร์รี่อบแห้ง", "ถุง", 89, 250, _PACK),
        Item("แยมสตรอว์เบอร์รี่", "ขวด", 79, 180),
        Item("มะม่วงอบแห้ง", "ถุง", 60, 180, _PACK),
    ),
)
RICE = Craft(
    "แปรรูปข้าวและผักอินทรีย์",
    "ข้าวอินทรีย์",
    Category.FOOD,
    (
        Item("ข้าวกล้องงอก", "ถุง", 60, 150, _PACK),
        Item("ข้าวหอมมะลิอินทรีย์", "ถุง", 90, 250, _PACK),
        Item("ข้าวก่ำ", "ถุง", 70, 180, _PACK),
        Item("เห็ดหอมอบแห้ง", "ถุง", 80, 250, _PACK),
    ),
)
FISH = Craft(
    "แปรรูปปลา",
    "ปลาแปรรูป",
    Category.FOOD,
    (
        Item("ปลาส้ม", "แพ็ค", 60, 150, _PACK),
        Item("ปลาแดดเดียว", "แพ็ค", 80, 220, _PACK),
        Item("น้ำพริกปลาย่าง", "กระปุก", 45, 99, _TASTE),
    ),
)
TEA = Craft(
    "ปลูกและแปรรูปชา",
    "ชาดอย",
    Category.BEVERAGE,
    (
        Item("ชาอัสสัม", "ถุง", 80, 350, _PACK),
        Item("ชาอู่หลง", "ถุง", 150, 650, _PACK),
        Item("ชาเมี่ยง", "กล่อง", 90, 290),
        Item("ชาเขียวใบหม่อน", "กล่อง", 70, 190),
        Item("ชาเขา", "ถุง", 120, 450, _PACK),
    ),
)
COFFEE = Craft(
    "ปลูกและคั่วกาแฟ",
    "กาแฟดอย",
    Category.BEVERAGE,
    (
        Item("กาแฟคั่วบด", "ถุง", 150, 450, _ROAST),
        Item("เมล็ดกาแฟอาราบิก้า", "ถุง", 180, 550, _ROAST),
        Item("กาแฟดริป", "กล่อง", 120, 290, _ROAST),
    ),
)
JUICE = Craft(
    "แปรรูปน้ำผลไม้",
    "น้ำผลไม้",
    Category.BEVERAGE,
    (
        Item("น้ำส้มคั้น", "ขวด", 35, 90, _SIZE),
        Item("น้ำลำไย", "ขวด", 25, 60, _SIZE),
        Item("น้ำสตรอว์เบอร์รี่", "ขวด", 35, 80, _SIZE),
        Item("น้ำมะขามป้อม", "ขวด", 25, 60),
    ),
)
HERB_DRINK = Craft(
    "ทำเครื่องดื่มสมุนไพร",
    "เครื่องดื่มสมุนไพร",
    Category.BEVERAGE,
    (
        Item("น้ำกระเจี๊ยบ", "ขวด", 20, 45),
        Item("ชาตะไคร้", "กล่อง", 60, 150, _PACK),
        Item("น้ำขิงผง", "ห่อ", 45, 120, _PACK),
        Item("ชาดอกอัญชัน", "กล่อง", 60, 150),
    ),
)
HERBAL = Craft(
    "แปรรูปสมุนไพร",
    "สมุนไพร",
    Category.HERBAL,
    (
        Item("ยาหม่องสมุนไพร", "ขวด", 35, 120, _SCENT),
        Item("ลูกประคบสมุนไพร", "ลูก", 60, 150, _SIZE),
        Item("น้ำมันนวดสมุนไพร", "ขวด", 80, 250, _SCENT),
        Item("สบู่สมุนไพร", "ก้อน", 35, 120, _SCENT),
        Item("ยาดมสมุนไพร", "หลอด", 25, 60, _SCENT),
        Item("สเปรย์ตะไคร้หอมกันยุง", "ขวด", 59, 150),
        Item("ชุดผลิตภัณฑ์สปา", "ชุด", 290, 990),
    ),
)

#: Chiang Mai, by the district codes of geothai.
CHIANG_MAI: dict[str, Profile] = {
    "5001": Profile(  # เมืองเชียงใหม่
        16,
        1.6,
        (
            (SILVER, 5),
            (LACQUER, 3),
            (NORTHERN_FOOD, 5),
            (GARMENT, 4),
            (COTTON, 2),
            (COFFEE, 2),
            (HERBAL, 2),
            (LANTERN, 2),
        ),
    ),
    "5002": Profile(  # จอมทอง
        5,
        0.8,
        ((KAREN_WEAVE, 4), (COTTON, 2), (COFFEE, 2), (LONGAN, 2), (BASKETRY, 2), (HERBAL, 1)),
    ),
    "5003": Profile(  # แม่แจ่ม
        5,
        0.7,
        ((TEEN_JOK, 8), (KAREN_WEAVE, 2), (BASKETRY, 1), (RICE, 1), (HERBAL, 1)),
    ),
    "5004": Profile(  # เชียงดาว
        4,
        0.7,
        ((HILLTRIBE, 4), (TEA, 2), (COFFEE, 2), (BASKETRY, 2), (RICE, 1), (HERBAL, 1)),
    ),
    "5005": Profile(  # ดอยสะเก็ด
        6,
        0.9,
        (
            (TEA, 3),
            (COFFEE, 2),
            (COTTON, 3),
            (POTTERY, 2),
            (LONGAN, 2),
            (SNACKS, 1),
            (HERBAL, 1),
        ),
    ),
    "5006": Profile(  # แม่แตง
        5,
        0.8,
        ((KAREN_WEAVE, 4), (TEA, 2), (WOODCARVING, 2), (BASKETRY, 2), (LONGAN, 1), (HERBAL, 1)),
    ),
    "5007": Profile(  # แม่ริม
        6,
        1.1,
        (
            (FRUIT, 2),
            (COTTON, 3),
            (LANTERN, 2),
            (POTTERY, 2),
            (HERBAL, 2),
            (HERB_DRINK, 1),
            (SNACKS, 1),
        ),
    ),
    "5008": Profile(  # สะเมิง
        2.5,
        0.6,
        ((FRUIT, 3), (JUICE, 1), (KAREN_WEAVE, 3), (COFFEE, 1), (BASKETRY, 1)),
    ),
    "5009": Profile(  # ฝาง
        5,
        0.9,
        ((FRUIT, 3), (JUICE, 2), (TEA, 2), (HILLTRIBE, 3), (COTTON, 2), (BASKETRY, 1)),
    ),
    "5010": Profile(  # แม่อาย
        3.5,
        0.7,
        ((FRUIT, 2), (JUICE, 1), (HILLTRIBE, 3), (SILVER, 2), (TEA, 1), (BASKETRY, 1)),
    ),
    "5011": Profile(  # พร้าว
        4,
        0.7,
        ((COTTON, 3), (POTTERY, 2), (BASKETRY, 3), (SNACKS, 2), (RICE, 1), (HERBAL, 1)),
    ),
    "5012": Profile(  # สันป่าตอง
        6,
        0.9,
        ((COTTON, 4), (LONGAN, 3), (SNACKS, 2), (BASKETRY, 2), (GARMENT, 1), (HERBAL, 1)),
    ),
    "5013": Profile(  # สันกำแพง
        9,
        1.4,
        (
            (SILK, 4),
            (COTTON, 4),
            (UMBRELLA, 4),
            (SA_PAPER, 2),
            (POTTERY, 1),
            (NORTHERN_FOOD, 2),
            (HERBAL, 1),
        ),
    ),
    "5014": Profile(  # สันทราย
        7,
        1.1,
        (
            (COTTON, 2),
            (GARMENT, 2),
            (BASKETRY, 2),
            (WOODCARVING, 1),
            (NORTHERN_FOOD, 2),
            (RICE, 2),
            (LONGAN, 1),
            (HERB_DRINK, 1),
            (HERBAL, 1),
        ),
    ),
    "5015": Profile(  # หางดง
        8,
        1.4,
        (
            (WOODCARVING, 7),
            (POTTERY, 2),
            (LACQUER, 1),
            (COTTON, 2),
            (SNACKS, 1),
            (HERBAL, 1),
        ),
    ),
    "5016": Profile(  # ฮอด
        3,
        0.6,
        ((KAREN_WEAVE, 3), (COTTON, 1), (LONGAN, 2), (BASKETRY, 2), (RICE, 1)),
    ),
    "5017": Profile(  # ดอยเต่า
        2.5,
        0.6,
        ((COTTON, 2), (BASKETRY, 2), (FISH, 3), (SNACKS, 1)),
    ),
    "5018": Profile(  # อมก๋อย
        2.5,
        0.5,
        ((KAREN_WEAVE, 5), (TEA, 1), (COFFEE, 1), (HERBAL, 1), (BASKETRY, 1)),
    ),
    "5019": Profile(  # สารภี
        6,
        1.1,
        ((LONGAN, 5), (JUICE, 1), (COTTON, 2), (GARMENT, 2), (SNACKS, 1), (LANTERN, 1)),
    ),
    "5020": Profile(  # เวียงแหง
        1.5,
        0.5,
        ((KAREN_WEAVE, 3), (TEA, 2), (COFFEE, 1), (BASKETRY, 1)),
    ),
    "5021": Profile(  # ไชยปราการ
        2.5,
        0.6,
        ((FRUIT, 2), (TEA, 1), (HILLTRIBE, 2), (COTTON, 1), (BASKETRY, 2)),
    ),
    "5022": Profile(  # แม่วาง
        3,
        0.6,
        ((KAREN_WEAVE, 3), (COFFEE, 1), (WOODCARVING, 1), (BASKETRY, 1), (RICE, 1)),
    ),
    "5023": Profile(  # แม่ออน
        3,
        0.8,
        ((TEA, 2), (COFFEE, 2), (HERBAL, 2), (COTTON, 2), (BASKETRY, 1)),
    ),
    "5024": Profile(  # ดอยหล่อ
        2.5,
        0.6,
        ((LONGAN, 3), (COTTON, 2), (SNACKS, 2), (BASKETRY, 1)),
    ),
    "5025": Profile(  # กัลยาณิวัฒนา
        1.5,
        0.5,
        ((KAREN_WEAVE, 3), (COFFEE, 1), (RICE, 1), (BASKETRY, 1)),
    ),
}

#: Other provinces: the weight and sales of every district follow its size (subdistricts).
GENERIC_CRAFTS: tuple[tuple[Craft, float], ...] = (
    (COTTON, 6),
    (GARMENT, 3),
    (SILK, 1),
    (BASKETRY, 4),
    (POTTERY, 2),
    (WOODCARVING, 2),
    (LANTERN, 1),
    (SNACKS, 3),
    (RICE, 2),
    (FRUIT, 1),
    (FISH, 1),
    (HERB_DRINK, 2),
    (COFFEE, 1),
    (HERBAL, 2),
)
