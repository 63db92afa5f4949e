<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>Audit</name>
    <message>
        <source>Added</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Exported a file</source>
        <translation>ส่งออกไฟล์</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Restored a backup</source>
        <translation>กู้คืนข้อมูลสำรอง</translation>
    </message>
    <message>
        <source>Imported a file</source>
        <translation>นำเข้าไฟล์</translation>
    </message>
    <message>
        <source>Imported an old spreadsheet</source>
        <translation>นำเข้าทะเบียนเดิม (ไฟล์ตาราง)</translation>
    </message>
    <message>
        <source>Imported a district workbook</source>
        <translation>นำเข้าแบบฟอร์มรายงานของอำเภอ</translation>
    </message>
    <message>
        <source>Withdrew a district workbook</source>
        <translation>ถอนแบบฟอร์มรายงานของอำเภอ</translation>
    </message>
    <message>
        <source>Filled with demo data</source>
        <translation>ใส่ข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>เข้าสู่ระบบไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Revealed personal data</source>
        <translation>เปิดดูข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <source>Unlocked signing</source>
        <translation>ปลดล็อกการลงนาม</translation>
    </message>
    <message>
        <source>Failed to unlock signing</source>
        <translation>ปลดล็อกการลงนามไม่สำเร็จ</translation>
    </message>
    <message>
        <source>New signing key</source>
        <translation>สร้างกุญแจลงนามใหม่</translation>
    </message>
    <message>
        <source>Sent to the province</source>
        <translation>ส่งจังหวัด</translation>
    </message>
    <message>
        <source>Unlocked a sent month</source>
        <translation>ปลดล็อกเดือนที่ส่งแล้ว</translation>
    </message>
    <message>
        <source>Recovered with the code</source>
        <translation>กู้คืนด้วยรหัสกู้คืน</translation>
    </message>
    <message>
        <source>Wrong recovery code</source>
        <translation>รหัสกู้คืนไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>Register upgraded</source>
        <translation>ปรับรุ่นทะเบียน</translation>
    </message>
    <message>
        <source>Entrepreneur</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ยอดขาย</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>ครัวเรือน</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>การอบรม</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>เงินสนับสนุน</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>สำนักงาน</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>บัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>registration number or code</source>
        <extracomment>The export was written (its WrittenTrail).</extracomment>
        <translation>เลขทะเบียนหรือรหัส</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>ล้างตัวกรอง(&amp;L)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>ทุกคน</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>ทุกรายการ</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>ผู้ทำรายการ(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>เลขทะเบียน/รหัส(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>รายการ(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>ตั้งแต่(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>ถึง(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Export to .xlsx…</source>
        <translation>ส่งออกเป็น .xlsx(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the entries shown by the filters to a workbook</source>
        <translation>บันทึกรายการตามตัวกรองเป็นไฟล์ Excel</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>บันทึกการใช้งาน</translation>
    </message>
    <message>
        <source>The first date is after the last date</source>
        <translation>วันที่เริ่มต้นอยู่หลังวันที่สิ้นสุด</translation>
    </message>
    <message>
        <source>No entries match the filters</source>
        <translation>ไม่มีรายการตรงกับตัวกรอง</translation>
    </message>
    <message>
        <source>{n} entries, newest first</source>
        <translation>{n} รายการ เรียงจากล่าสุด</translation>
    </message>
    <message>
        <source>The newest {n} entries; older ones follow as you scroll</source>
        <translation>{n} รายการล่าสุด เลื่อนลงเพื่อดูรายการก่อนหน้า</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>ส่งออกบันทึกการใช้งาน</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{file} exists already. Replace it?</source>
        <translation>มีไฟล์ {file} อยู่แล้ว จะเขียนทับหรือไม่</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>เขียนทับ</translation>
    </message>
    <message>
        <source>Keep the file</source>
        <translation>เก็บไฟล์เดิมไว้</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>กำลังเขียน {file}…</translation>
    </message>
    <message>
        <source>{n} entries were written to {file}</source>
        <translation>บันทึก {n} รายการลงในไฟล์ {file} แล้ว</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <extracomment>Reading an older page failed (the UserError); the list stops there. Entries were added at the end (a page came in) or the list was read anew.</extracomment>
        <translation>วันเวลา</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>ผู้ทำรายการ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>เกี่ยวกับ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>รายละเอียด</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <source>History of {record}</source>
        <translation>ประวัติของ {record}</translation>
    </message>
    <message>
        <source>Nothing has been recorded about {record} yet</source>
        <translation>ยังไม่มีบันทึกเกี่ยวกับ {record}</translation>
    </message>
</context>
</TS>
