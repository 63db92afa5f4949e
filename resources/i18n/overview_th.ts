<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>Overview</name>
    <message>
        <source>million baht</source>
        <translation>ล้านบาท</translation>
    </message>
    <message>
        <source>thousand baht</source>
        <translation>พันบาท</translation>
    </message>
    <message>
        <source>baht</source>
        <translation>บาท</translation>
    </message>
    <message>
        <source>{amount} baht</source>
        <translation>{amount} บาท</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture</source>
        <translation>บันทึกแผนภูมินี้เป็นไฟล์ภาพ PNG</translation>
    </message>
    <message>
        <source>Save this chart&apos;s figures to an Excel workbook (.xlsx)</source>
        <translation>บันทึกตัวเลขของแผนภูมินี้เป็นไฟล์ Excel (.xlsx)</translation>
    </message>
    <message>
        <source>{bar} — Enter opens its list</source>
        <translation>{bar} — กด Enter เพื่อเปิดรายชื่อ</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>ประเภท:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>พื้นที่:</translation>
    </message>
    <message>
        <source>Signing officer:</source>
        <translation>ผู้ลงนาม:</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Calendar year</source>
        <translation>ปีปฏิทิน</translation>
    </message>
    <message>
        <source>Kind of year</source>
        <translation>ชนิดของปี</translation>
    </message>
    <message>
        <source>Year (B.E.)</source>
        <translation>ปี (พ.ศ.)</translation>
    </message>
    <message>
        <source>B.E. </source>
        <translation>พ.ศ. </translation>
    </message>
    <message>
        <source>Figures of the</source>
        <translation>ข้อมูลของ</translation>
    </message>
    <message>
        <source>A bar opens the list behind it: click it, or Tab to its chart, choose it with the arrow keys and press Enter. PNG… saves a chart as a picture, Excel… its figures as a workbook.</source>
        <translation>แท่งในแผนภูมิเปิดรายชื่อที่อยู่เบื้องหลังได้: คลิกที่แท่ง หรือกด Tab ไปที่แผนภูมิ เลือกแท่งด้วยปุ่มลูกศรแล้วกด Enter ปุ่ม PNG… บันทึกแผนภูมิเป็นภาพ ปุ่ม Excel… บันทึกตัวเลขเป็นไฟล์ Excel</translation>
    </message>
    <message>
        <source>the calendar year B.E. {year}</source>
        <translation>ปี พ.ศ. {year}</translation>
    </message>
    <message>
        <source>fiscal year {year}</source>
        <translation>ปีงบประมาณ {year}</translation>
    </message>
    <message>
        <source>Counting the figures of {year}…</source>
        <translation>กำลังนับข้อมูลของ{year}…</translation>
    </message>
    <message>
        <source>The figures could not be counted.</source>
        <translation>นับข้อมูลไม่สำเร็จ</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} ถึง {end}</translation>
    </message>
    <message>
        <source>{span}; as of the end of {month}</source>
        <translation>{span} ข้อมูล ณ สิ้นเดือน{month}</translation>
    </message>
    <message>
        <source>{year}: {figure}</source>
        <translation>{year}: {figure}</translation>
    </message>
    <message>
        <source>entrepreneurs</source>
        <translation>ผู้ประกอบการ (ราย)</translation>
    </message>
    <message>
        <source>products</source>
        <translation>ผลิตภัณฑ์ (รายการ)</translation>
    </message>
    <message>
        <source>the same months of {year}</source>
        <translation>ช่วงเดียวกันของ{year}</translation>
    </message>
    <message>
        <source>baht of sales</source>
        <translation>ยอดจำหน่าย (บาท)</translation>
    </message>
    <message>
        <source>Check the office&apos;s name and its signing officer on the Settings page.</source>
        <translation>ตรวจชื่อสำนักงานและเจ้าหน้าที่ผู้ลงนามที่หน้า “ตั้งค่า”</translation>
    </message>
    <message>
        <source>If the office kept its register in a spreadsheet, bring it in: Submission page, Import an old spreadsheet…</source>
        <translation>หากสำนักงานเคยเก็บทะเบียนไว้ในไฟล์ตาราง ให้นำเข้าที่หน้า “ส่งรายงานประจำเดือน” ปุ่ม “นำเข้าจากไฟล์ตารางเดิม…”</translation>
    </message>
    <message>
        <source>Or add the first entrepreneur: Entrepreneurs page (Ctrl+2), then New (Ctrl+N).</source>
        <translation>หรือลงทะเบียนผู้ประกอบการรายแรก: หน้า “ผู้ประกอบการ” (Ctrl+2) แล้วกด Ctrl+N</translation>
    </message>
    <message>
        <source>Bring in the districts&apos; monthly workbooks on the Submission page: their entrepreneurs, products and sales come with them.</source>
        <translation>นำเข้าไฟล์รายงานประจำเดือนของอำเภอที่หน้า “ส่งรายงานประจำเดือน” ผู้ประกอบการ ผลิตภัณฑ์ และยอดขายจะเข้ามาพร้อมกัน</translation>
    </message>
    <message>
        <source>This register is empty. To begin:</source>
        <translation>ทะเบียนนี้ยังว่างอยู่ เริ่มต้นได้ดังนี้:</translation>
    </message>
    <message>
        <source>Press F1 for the guide to the program.</source>
        <translation>กด F1 เพื่อเปิดคู่มือการใช้โปรแกรม</translation>
    </message>
    <message>
        <source>not set yet</source>
        <translation>ยังไม่ได้ระบุ</translation>
    </message>
    <message>
        <source>{name}, {position}</source>
        <translation>{name} ({position})</translation>
    </message>
    <message>
        <source>Saved on {date} at {time}</source>
        <translation>บันทึกเมื่อ {date} เวลา {time} น.</translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation>บันทึกแผนภูมิเป็นภาพ</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>ไฟล์ภาพ PNG (*.png)</translation>
    </message>
    <message>
        <source>Save the chart&apos;s figures as a workbook</source>
        <translation>บันทึกตัวเลขของแผนภูมิเป็นไฟล์ Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>เกี่ยวกับข้อมูลนี้</translation>
    </message>
    <message>
        <source>B.E. {year}</source>
        <translation>พ.ศ. {year}</translation>
    </message>
    <message>
        <source>FY {year}</source>
        <translation>ปีงบ {year}</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Sales by month, against the year before (baht)</source>
        <translation>ยอดจำหน่ายรายเดือน เทียบกับปีก่อน (บาท)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Sales by product category (baht)</source>
        <translation>ยอดจำหน่ายตามประเภทผลิตภัณฑ์ (บาท)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ยอดจำหน่าย</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Sales by subdistrict, largest first (baht)</source>
        <translation>ยอดจำหน่ายรายตำบล เรียงจากมากไปน้อย (บาท)</translation>
    </message>
    <message>
        <source>Sales by district, largest first (baht)</source>
        <translation>ยอดจำหน่ายรายอำเภอ เรียงจากมากไปน้อย (บาท)</translation>
    </message>
    <message>
        <source>Entrepreneurs</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>The {count} largest of {total}; the workbook has them all.</source>
        <translation>แสดง {count} อันดับแรกจาก {total} ไฟล์ Excel มีครบทุกแห่ง</translation>
    </message>
    <message>
        <source>Sales entered for {month} (entrepreneurs)</source>
        <translation>การบันทึกยอดจำหน่ายเดือน{month} (ราย)</translation>
    </message>
    <message>
        <source>With sales entered</source>
        <translation>บันทึกยอดแล้ว</translation>
    </message>
    <message>
        <source>Without</source>
        <translation>ยังไม่บันทึก</translation>
    </message>
    <message>
        <source>Products by star rating</source>
        <translation>ผลิตภัณฑ์ตามระดับดาว</translation>
    </message>
    <message>
        <source>Products by category</source>
        <translation>ผลิตภัณฑ์ตามประเภท</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>ระดับดาว</translation>
    </message>
    <message>
        <source>Products holding each standard</source>
        <translation>ผลิตภัณฑ์ที่ได้รับมาตรฐาน</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>มาตรฐาน</translation>
    </message>
    <message>
        <source>Certificates not expired before the year began. A bar lists every product holding the standard, expired or not.</source>
        <translation>นับใบรับรองที่ยังไม่หมดอายุก่อนต้นปี แท่งเปิดรายชื่อผลิตภัณฑ์ทุกรายการที่ได้รับมาตรฐานนั้น ทั้งที่หมดอายุแล้วและยังไม่หมดอายุ</translation>
    </message>
    <message>
        <source>Digital readiness levels (entrepreneurs)</source>
        <translation>ระดับความพร้อมด้านการเงินดิจิทัล (ราย)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>Digital readiness checklist: entrepreneurs with each item</source>
        <translation>ความพร้อมด้านการเงินดิจิทัล: ผู้ประกอบการที่มีแต่ละรายการ</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>A click lists those lacking the item.</source>
        <translation>คลิกเพื่อดูรายชื่อผู้ที่ยังขาดรายการนั้น</translation>
    </message>
    <message>
        <source>Soft Power products</source>
        <translation>ผลิตภัณฑ์ Soft Power</translation>
    </message>
    <message>
        <source>Soft Power</source>
        <translation>Soft Power</translation>
    </message>
    <message>
        <source>OFOS households by Soft Power industry</source>
        <translation>ครัวเรือน OFOS ตามสาขา Soft Power</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>สาขา</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>ครัวเรือน</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>ทักษะ</translation>
    </message>
    <message>
        <source>Training budgets and grants by month (baht)</source>
        <translation>งบประมาณฝึกอบรมและเงินสนับสนุนรายเดือน (บาท)</translation>
    </message>
    <message>
        <source>Training budgets</source>
        <translation>งบประมาณฝึกอบรม</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>เงินสนับสนุน</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>การฝึกอบรม (ครั้ง)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>ผู้เข้ารับการอบรม (ราย)</translation>
    </message>
    <message>
        <source>Grants given</source>
        <translation>การให้เงินสนับสนุน (ครั้ง)</translation>
    </message>
    <message>
        <source>Businesses opened, suspended and closed by year</source>
        <translation>กิจการที่เปิด หยุดชั่วคราว และเลิกกิจการ รายปี</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ปี</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>เปิดกิจการ</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>หยุดชั่วคราว</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>กลับมาดำเนินการ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>เลิกกิจการ</translation>
    </message>
    <message>
        <source>A click on a suspended or closed bar lists the businesses in that state now.</source>
        <translation>คลิกแท่งหยุดชั่วคราวหรือเลิกกิจการ เพื่อดูรายชื่อกิจการที่อยู่ในสถานะนั้นในปัจจุบัน</translation>
    </message>
    <message>
        <source>Workbooks of {month}: ✓ received (entrepreneurs of each district)</source>
        <translation>ไฟล์รายงานเดือน{month}: ✓ ได้รับแล้ว (จำนวนผู้ประกอบการของแต่ละอำเภอ)</translation>
    </message>
    <message>
        <source>Workbook received (1 = yes)</source>
        <translation>ได้รับไฟล์รายงานแล้ว (1 = ได้รับ)</translation>
    </message>
    <message>
        <source>Workbooks received for the month: {count} of {total} districts.</source>
        <translation>ได้รับไฟล์รายงานของเดือนนี้แล้ว {count} จาก {total} อำเภอ</translation>
    </message>
</context>
</TS>
