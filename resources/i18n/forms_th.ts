<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>EntrepreneurDialog</name>
    <message>
        <source>New entrepreneur</source>
        <translation>ลงทะเบียนผู้ประกอบการใหม่</translation>
    </message>
    <message>
        <source>Entrepreneur {reg_no}</source>
        <translation>ผู้ประกอบการ {reg_no}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ข้อมูลผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Digital readiness</source>
        <translation>ความพร้อมด้านดิจิทัล</translation>
    </message>
    <message>
        <source>Hidden: your account does not see personal data</source>
        <translation>ซ่อนไว้: บัญชีของคุณไม่มีสิทธิ์ดูข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>เลขทะเบียน</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>13 digits, dashes optional</source>
        <translation>13 หลัก มีขีดคั่นหรือไม่ก็ได้</translation>
    </message>
    <message>
        <source>Producer &amp;type</source>
        <translation>ประเภทผู้ผลิต(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>ชื่อผู้ประกอบการ/กลุ่ม(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Owner or group chair</source>
        <translation>เจ้าของหรือประธานกลุ่ม(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Member count</source>
        <translation>จำนวนสมาชิก(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>เลขประจำตัว(&amp;I)</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>การลงทะเบียน</translation>
    </message>
    <message>
        <source>Left empty, today&apos;s date is used</source>
        <translation>ถ้าเว้นว่างไว้ จะใช้วันที่ของวันนี้</translation>
    </message>
    <message>
        <source>Re&amp;gistration date</source>
        <translation>วันที่ลงทะเบียน(&amp;G)</translation>
    </message>
    <message>
        <source>Pr&amp;evious registration number</source>
        <translation>เลขทะเบียนเดิม(&amp;E)</translation>
    </message>
    <message>
        <source>Production site and contact</source>
        <translation>ที่ตั้งสถานที่ผลิตและการติดต่อ</translation>
    </message>
    <message>
        <source>&amp;House number</source>
        <translation>บ้านเลขที่(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Village (moo)</source>
        <translation>หมู่ที่(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>โทรศัพท์(&amp;P)</translation>
    </message>
    <message>
        <source>Status of the business</source>
        <translation>สถานะกิจการ</translation>
    </message>
    <message>
        <source>e.g. COVID-19</source>
        <translation>เช่น โควิด-19</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>สถานะ(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>เหตุผล(&amp;R)</translation>
    </message>
    <message>
        <source>Date o&amp;f change</source>
        <translation>วันที่เปลี่ยนสถานะ(&amp;F)</translation>
    </message>
    <message>
        <source>Digital financial readiness</source>
        <translation>ความพร้อมด้านการเงินดิจิทัล</translation>
    </message>
    <message>
        <source>Tick what the producer has or does now. Without a bank account the level is 0; with one, the level counts the five practices that build on it.</source>
        <translation>ทำเครื่องหมายสิ่งที่ผู้ผลิตมีหรือทำอยู่ในปัจจุบัน หากไม่มีบัญชีเงินฝากธนาคาร ระดับความพร้อมเป็น 0 หากมี ระดับความพร้อมนับจากอีกห้ารายการที่ต้องอาศัยบัญชีธนาคาร</translation>
    </message>
    <message>
        <source>Filled with today&apos;s date when you first tick or clear an item</source>
        <translation>เมื่อทำหรือเอาเครื่องหมายออกครั้งแรก จะใส่วันที่วันนี้ให้</translation>
    </message>
    <message>
        <source>Date assessed</source>
        <translation>วันที่ประเมิน</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ระดับความพร้อม</translation>
    </message>
    <message>
        <source>Still lacking</source>
        <translation>ยังขาด</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>ยังไม่ได้ประเมิน</translation>
    </message>
    <message>
        <source>{level} of {top}</source>
        <translation>ระดับ {level} จาก {top}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ไม่ขาดรายการใด</translation>
    </message>
    <message>
        <source>{typed} of 13 digits</source>
        <translation>พิมพ์แล้ว {typed} จาก 13 หลัก</translation>
    </message>
    <message>
        <source>✓ The check digit is correct</source>
        <translation>✓ เลขประจำตัวถูกต้อง</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>และอีก {count} ราย</translation>
    </message>
    <message>
        <source>⚠ This ID number is already registered: {records}. Check that this is not the same producer; you can still save.</source>
        <translation>⚠ เลขประจำตัวนี้มีในทะเบียนแล้ว: {records} โปรดตรวจสอบว่าไม่ใช่ผู้ประกอบการรายเดียวกัน (ยังบันทึกได้)</translation>
    </message>
    <message>
        <source>Digital readiness checklist</source>
        <translation>รายการความพร้อมด้านการเงินดิจิทัล</translation>
    </message>
    <message>
        <source>Saved the new entrepreneur {name}: registration number {reg_no}.</source>
        <translation>บันทึกผู้ประกอบการใหม่ {name} แล้ว เลขทะเบียน {reg_no}</translation>
    </message>
    <message>
        <source>Delete {reg_no} {name} from the register?

Its products, monthly sales, trainings and grants are deleted with it. The registration number is not given out again.</source>
        <translation>ลบ {reg_no} {name} ออกจากทะเบียนหรือไม่

ผลิตภัณฑ์ ยอดจำหน่ายรายเดือน การอบรม และการสนับสนุนของรายนี้จะถูกลบไปด้วย และจะไม่นำเลขทะเบียนนี้กลับมาใช้อีก</translation>
    </message>
</context>
<context>
    <name>ProducerActivity</name>
    <message>
        <source>Product code</source>
        <translation>รหัสผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>ระดับดาว</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>ผลการคัดสรร</translation>
    </message>
    <message>
        <source>Add product…</source>
        <translation>เพิ่มผลิตภัณฑ์…</translation>
    </message>
    <message>
        <source>Register a new product of this producer</source>
        <translation>ลงทะเบียนผลิตภัณฑ์ใหม่ของผู้ผลิตรายนี้</translation>
    </message>
    <message>
        <source>No product registered yet.</source>
        <translation>ยังไม่มีผลิตภัณฑ์ที่ลงทะเบียน</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>หน่วยงานผู้จัด</translation>
    </message>
    <message>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>วัตถุประสงค์</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>หน่วยงานผู้ให้</translation>
    </message>
    <message>
        <source>Products and star ratings ({count})</source>
        <translation>ผลิตภัณฑ์และดาว ({count})</translation>
    </message>
    <message>
        <source>Trainings ({count})</source>
        <translation>การฝึกอบรม ({count})</translation>
    </message>
    <message>
        <source>Grants ({count})</source>
        <translation>เงินสนับสนุน ({count})</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>New product</source>
        <translation>เพิ่มผลิตภัณฑ์ใหม่</translation>
    </message>
    <message>
        <source>Product {code}</source>
        <translation>ผลิตภัณฑ์ {code}</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>มาตรฐาน</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>เลขที่ใบรับรอง</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>วันหมดอายุ</translation>
    </message>
    <message>
        <source>Add s&amp;tandard</source>
        <translation>เพิ่มมาตรฐาน(&amp;T)</translation>
    </message>
    <message>
        <source>Selection year (B.E.)</source>
        <translation>ปีที่คัดสรร (พ.ศ.)</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>ระดับดาว</translation>
    </message>
    <message>
        <source>Add &amp;rating</source>
        <translation>เพิ่มระดับดาว(&amp;R)</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>มาตรฐานผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Star ratings (OTOP Product Champion)</source>
        <translation>ระดับดาว (การคัดสรรสุดยอดหนึ่งตำบลหนึ่งผลิตภัณฑ์ไทย)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>A registered product stays with its producer</source>
        <translation>ผลิตภัณฑ์ที่ลงทะเบียนแล้วอยู่กับผู้ผลิตเดิมเสมอ</translation>
    </message>
    <message>
        <source>Pro&amp;ducer</source>
        <translation>ผู้ผลิต(&amp;D)</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>รหัสผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>e.g. 1,250.50</source>
        <translation>เช่น 1,250.50</translation>
    </message>
    <message>
        <source>None</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Food (food and beverages)</source>
        <translation>Food (อาหาร เครื่องดื่ม)</translation>
    </message>
    <message>
        <source>Fashion (clothing and dress)</source>
        <translation>Fashion (เสื้อผ้า ชุดแต่งกาย)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>ชื่อผลิตภัณฑ์(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>ประเภทผลิตภัณฑ์(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Price (baht)</source>
        <translation>ราคา (บาท)(&amp;P)</translation>
    </message>
    <message>
        <source>Thai digits and thousands commas are accepted</source>
        <translation>พิมพ์เลขไทยหรือมีจุลภาคคั่นหลักพันได้</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>หน่วยนับ(&amp;U)</translation>
    </message>
    <message>
        <source>S&amp;oft Power</source>
        <translation>Soft Power(&amp;O)</translation>
    </message>
    <message>
        <source>Saved the new product {name}: product code {code}.</source>
        <translation>บันทึกผลิตภัณฑ์ใหม่ {name} แล้ว รหัสผลิตภัณฑ์ {code}</translation>
    </message>
    <message>
        <source>Delete the product {code} {name}?

Its monthly sales are deleted with it. The product code is not given out again.</source>
        <translation>ลบผลิตภัณฑ์ {code} {name} หรือไม่

ยอดจำหน่ายรายเดือนของผลิตภัณฑ์นี้จะถูกลบไปด้วย และจะไม่นำรหัสผลิตภัณฑ์นี้กลับมาใช้อีก</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>บันทึก (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>ลบ…(&amp;L)</translation>
    </message>
    <message>
        <source>Histor&amp;y…</source>
        <translation>ประวัติ…(&amp;Y)</translation>
    </message>
    <message>
        <source>Who changed this record, when and what</source>
        <translation>ใครแก้ไขรายการนี้ เมื่อไร และแก้อะไร</translation>
    </message>
    <message>
        <source>The new record is saved.</source>
        <translation>บันทึกรายการใหม่แล้ว</translation>
    </message>
    <message>
        <source>Drop what you typed and show the record as it is now?</source>
        <translation>ทิ้งสิ่งที่คุณพิมพ์ แล้วแสดงรายการตามที่เป็นอยู่ตอนนี้หรือไม่</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>โหลดใหม่(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>ลบ(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep the record</source>
        <translation>ไม่ลบ(&amp;K)</translation>
    </message>
    <message>
        <source>The changes you made are not saved. Discard them?</source>
        <translation>ข้อมูลที่แก้ไขยังไม่ได้บันทึก ต้องการทิ้งการแก้ไขหรือไม่</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>ทิ้งการแก้ไข(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>แก้ไขต่อ(&amp;K)</translation>
    </message>
</context>
</TS>
