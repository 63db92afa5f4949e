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
    <name>FillEdit</name>
    <message>
        <source>— leave empty —</source>
        <translation>— เว้นว่าง —</translation>
    </message>
    <message>
        <source>leave empty</source>
        <translation>เว้นว่าง</translation>
    </message>
    <message>
        <source>One value for every row of the file</source>
        <translation>ค่าเดียวกันสำหรับทุกแถวของไฟล์</translation>
    </message>
    <message>
        <source>Every row:</source>
        <translation>ทุกแถว:</translation>
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
        <source>Every row</source>
        <translation>ค่าทุกแถว</translation>
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
        <source>Sheet “{sheet}”, headings on row {row}. Check the suggested columns; choose “not in the file” for a field the file does not have, and give a value for every row where one fits (e.g. every row a single owner). Rows still lacking a producer type, member count, registration date or category are imported as incomplete, to be completed later.</source>
        <translation>แผ่นงาน “{sheet}” หัวตารางอยู่แถวที่ {row} ตรวจคอลัมน์ที่แนะนำ เลือก “ไม่มีในไฟล์” สำหรับข้อมูลที่ไฟล์ไม่มี และกำหนดค่าสำหรับทุกแถวได้เมื่อเหมาะ (เช่น ทุกแถวเป็นเจ้าของรายเดียว) แถวที่ยังขาดประเภทผู้ผลิต จำนวนสมาชิก วันที่ลงทะเบียน หรือประเภทผลิตภัณฑ์ จะนำเข้าเป็นข้อมูลไม่ครบ ให้กรอกให้ครบภายหลัง</translation>
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
    <message>
        <source>Every row</source>
        <translation>ค่าทุกแถว</translation>
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
        <source>Incomplete</source>
        <translation>ข้อมูลไม่ครบ</translation>
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
        <source>Lacks {what}</source>
        <translation>ขาด {what}</translation>
    </message>
    <message>
        <source>Lacking: the row goes in incomplete, to be completed later</source>
        <translation>ขาดข้อมูลนี้: แถวนี้จะนำเข้าเป็นข้อมูลไม่ครบ ให้กรอกให้ครบภายหลัง</translation>
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
        <source>Import the good rows now, and save the rows with problems to correct in:</source>
        <translation>นำเข้าแถวที่ถูกต้องตอนนี้ และบันทึกแถวที่มีปัญหาไว้แก้ไขที่:</translation>
    </message>
    <message>
        <source>The rows with problems, and the other rows of their producers, go to a new workbook with the reason beside each; correct it and import it later</source>
        <translation>แถวที่มีปัญหา และแถวอื่นของผู้ประกอบการรายเดียวกัน จะบันทึกลงไฟล์ Excel ใหม่พร้อมเหตุผลข้างแต่ละแถว แก้ไขแล้วนำเข้าภายหลัง</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
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
        <source>Row {row}: imported incomplete, lacking {what}</source>
        <translation>แถว {row}: นำเข้าเป็นข้อมูลไม่ครบ ขาด {what}</translation>
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
        <source>{bad} rows have problems (in red). Correct the file and check again, go back and change the columns, or import the {good} good rows and save the {refused} others to a file to correct.</source>
        <translation>มี {bad} แถวที่มีปัญหา (สีแดง) แก้ไขไฟล์แล้วกด “ตรวจอีกครั้ง” ย้อนกลับไปเปลี่ยนคอลัมน์ หรือนำเข้า {good} แถวที่ถูกต้อง และบันทึกอีก {refused} แถวลงไฟล์ไว้แก้ไข</translation>
    </message>
    <message>
        <source>{n} rows lack a detail (in amber) and go in as incomplete: they are listed to complete, and held out of certificates and submissions until then.</source>
        <translation>มี {n} แถวที่ขาดข้อมูลบางช่อง (สีส้ม) จะนำเข้าเป็นข้อมูลไม่ครบ แสดงในหน้า “ข้อมูลที่ต้องกรอกให้ครบ” และยังออกหนังสือรับรองหรือส่งรายงานไม่ได้จนกว่าจะกรอกครบ</translation>
    </message>
    <message>
        <source>{stem} - rows to correct</source>
        <translation>{stem} - แถวที่ต้องแก้ไข</translation>
    </message>
    <message>
        <source>Save the rows with problems</source>
        <translation>บันทึกแถวที่มีปัญหา</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
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
        <source>{n} of them are incomplete (marked *): complete them on the “To complete” page before printing their certificates or submitting a month with their sales.</source>
        <translation>ในจำนวนนี้ {n} รายข้อมูลไม่ครบ (มีเครื่องหมาย *) กรุณากรอกให้ครบในหน้า “ข้อมูลที่ต้องกรอกให้ครบ” ก่อนพิมพ์หนังสือรับรองหรือส่งรายงานเดือนที่มียอดจำหน่ายของรายนั้น</translation>
    </message>
    <message>
        <source>{n} rows were not imported; they are saved with their reasons in {file}, to correct and import again.</source>
        <translation>ไม่ได้นำเข้า {n} แถว บันทึกพร้อมเหตุผลไว้ที่ {file} ให้แก้ไขแล้วนำเข้าใหม่</translation>
    </message>
    <message>
        <source>Row {row}: {reg_no} {name}</source>
        <translation>แถว {row}: {reg_no} {name}</translation>
    </message>
    <message>
        <source>lacks {what}</source>
        <translation>ขาด {what}</translation>
    </message>
</context>
<context>
    <name>ToCompletePage</name>
    <message>
        <source>These records came from an old spreadsheet without some required details. They are not printed on certificates, and a month in which one of them has sales cannot be submitted, until they are completed: open each one, fill in what it lacks and save.</source>
        <translation>รายการเหล่านี้นำเข้าจากทะเบียนเดิมโดยยังขาดข้อมูลที่จำเป็นบางช่อง จึงยังพิมพ์หนังสือรับรองไม่ได้ และส่งรายงานเดือนที่รายการเหล่านี้มียอดจำหน่ายไม่ได้ จนกว่าจะกรอกให้ครบ: เปิดทีละรายการ กรอกช่องที่ขาด แล้วบันทึก</translation>
    </message>
    <message>
        <source>Registration no. / code</source>
        <translation>เลขทะเบียน / รหัส</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Lacks</source>
        <translation>ข้อมูลที่ขาด</translation>
    </message>
    <message>
        <source>Every record is complete.</source>
        <translation>ข้อมูลทุกรายการครบแล้ว</translation>
    </message>
    <message>
        <source>&amp;Complete this record…</source>
        <translation>กรอกให้ครบ(&amp;C)…</translation>
    </message>
    <message>
        <source>Records to complete</source>
        <translation>ข้อมูลที่ต้องกรอกให้ครบ</translation>
    </message>
    <message>
        <source>{records} producers to complete ({products} products among them)</source>
        <translation>ผู้ประกอบการที่ต้องกรอกให้ครบ {records} ราย (มีผลิตภัณฑ์รวมอยู่ {products} รายการ)</translation>
    </message>
</context>
</TS>
