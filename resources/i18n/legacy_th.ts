<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>เลือกไฟล์ตาราง</translation>
    </message>
    <message>
        <source>An Excel file (.xlsx or the older .xls) or a CSV file in UTF-8 or Thai Windows (TIS-620) encoding. Title rows above the headings and total rows below the data are found and left out.</source>
        <translation>ไฟล์ Excel (.xlsx หรือ .xls แบบเก่า) หรือไฟล์ CSV ที่เข้ารหัส UTF-8 หรือภาษาไทยแบบ Windows (TIS-620) แถวชื่อเรื่องเหนือหัวตารางและแถวรวมใต้ข้อมูลจะถูกข้ามให้เอง</translation>
    </message>
    <message>
        <source>Path of the file</source>
        <translation>ที่อยู่ของไฟล์</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ไฟล์:</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv *.txt);;All files (*)</source>
        <translation>ไฟล์ตาราง (*.xlsx *.xls *.csv *.txt);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>กำลังอ่านไฟล์</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>กำลังอ่าน {name}…</translation>
    </message>
</context>
<context>
    <name>LegacyImportWizard</name>
    <message>
        <source>Import an old spreadsheet</source>
        <translation>นำเข้าทะเบียนเดิมจากไฟล์ตาราง</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>ถัดไป &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; ย้อนกลับ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>กำลังตรวจ</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>กำลังตรวจทุกแถว…</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>กำลังอ่านไฟล์</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>กำลังอ่าน {name}…</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>การจับคู่คอลัมน์</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>กำลังนำเข้า</translation>
    </message>
    <message>
        <source>Writing to the register…</source>
        <translation>กำลังบันทึกลงทะเบียน…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Which column holds what</source>
        <translation>คอลัมน์ไหนเป็นข้อมูลอะไร</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Status of the business</source>
        <translation>สถานะการดำเนินกิจการ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, headings on row {row}. Check the suggested columns; choose “not in the file” for a field the file does not have.</source>
        <translation>แผ่นงาน “{sheet}” หัวตารางอยู่แถวที่ {row} ตรวจคอลัมน์ที่โปรแกรมเลือกให้ ข้อมูลใดไม่มีในไฟล์ให้เลือก “ไม่มีในไฟล์”</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— ไม่มีในไฟล์ —</translation>
    </message>
    <message>
        <source>e.g. {value}</source>
        <translation>เช่น {value}</translation>
    </message>
    <message>
        <source>from the address (“{heading}”)</source>
        <translation>แยกจากที่อยู่ (“{heading}”)</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>การจับคู่คอลัมน์</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>ผลตรวจ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>ปัญหา</translation>
    </message>
    <message>
        <source>Column “{heading}” of the file</source>
        <translation>คอลัมน์ “{heading}” ในไฟล์</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ถูกต้อง</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 ปัญหา</translation>
    </message>
    <message>
        <source>{n} problems</source>
        <translation>{n} ปัญหา</translation>
    </message>
    <message>
        <source>Another product of the producer on row {row}</source>
        <translation>ผลิตภัณฑ์อีกรายการของผู้ประกอบการในแถวที่ {row}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>ตรวจข้อมูลทุกแถว</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Only rows with problems</source>
        <translation>แสดงเฉพาะแถวที่มีปัญหา</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>ตรวจอีกครั้ง</translation>
    </message>
    <message>
        <source>Read the file again, after correcting it</source>
        <translation>อ่านไฟล์ใหม่หลังแก้ไขแล้ว</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>แถว {row}</translation>
    </message>
    <message>
        <source>column “{heading}”</source>
        <translation>คอลัมน์ “{heading}”</translation>
    </message>
    <message>
        <source>{rows} rows: {producers} producers, {products} products; {skipped} blank or total rows left out.</source>
        <translation>{rows} แถว: ผู้ประกอบการ {producers} ราย ผลิตภัณฑ์ {products} รายการ ข้ามแถวว่างหรือแถวรวม {skipped} แถว</translation>
    </message>
    <message>
        <source>The sheet has no data rows below its headings.</source>
        <translation>ไม่มีแถวข้อมูลใต้หัวตาราง</translation>
    </message>
    <message>
        <source>{bad} rows have problems (in red). Nothing can be imported until every row is right: correct the file and check again, or go back and change the columns.</source>
        <translation>มี {bad} แถวที่มีปัญหา (สีแดง) จะนำเข้าได้เมื่อทุกแถวถูกต้อง: แก้ไขไฟล์แล้วกด “ตรวจอีกครั้ง” หรือย้อนกลับไปเปลี่ยนการจับคู่คอลัมน์</translation>
    </message>
    <message>
        <source>Every row is ready. Import writes them all at once.</source>
        <translation>ทุกแถวถูกต้อง กด “นำเข้า” เพื่อบันทึกทั้งหมดในครั้งเดียว</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Imported</source>
        <translation>นำเข้าเรียบร้อย</translation>
    </message>
    <message>
        <source>{producers} producers and {products} products were added to the register, each producer with a new registration number. A number from the old file is kept as the previous registration number.</source>
        <translation>เพิ่มผู้ประกอบการ {producers} ราย และผลิตภัณฑ์ {products} รายการ ลงในทะเบียนแล้ว ผู้ประกอบการแต่ละรายได้เลขทะเบียนใหม่ เลขทะเบียนจากไฟล์เดิมเก็บไว้เป็นเลขทะเบียนเดิม</translation>
    </message>
    <message>
        <source>Row {row}: {reg_no} {name}</source>
        <translation>แถว {row}: {reg_no} {name}</translation>
    </message>
</context>
</TS>
