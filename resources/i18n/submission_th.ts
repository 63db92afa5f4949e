<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>CompletenessModel</name>
    <message>
        <source>{district}, {month}: not due yet</source>
        <translation>{district} {month}: ยังไม่ถึงกำหนดส่ง</translation>
    </message>
    <message>
        <source>{district}, {month}: not sent</source>
        <translation>{district} {month}: ยังไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>{district}, {month}: sent</source>
        <translation>{district} {month}: ส่งแล้ว</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>ไฟล์: {file}</translation>
    </message>
    <message>
        <source>Made by the district: {when}</source>
        <translation>อำเภอจัดทำเมื่อ: {when}</translation>
    </message>
    <message>
        <source>Imported: {when}</source>
        <translation>นำเข้าเมื่อ: {when}</translation>
    </message>
    <message>
        <source>Sales of the month: {amount} baht</source>
        <translation>ยอดจำหน่ายของเดือน: {amount} บาท</translation>
    </message>
    <message>
        <source>Warnings: {count}</source>
        <translation>ข้อสังเกต: {count} รายการ</translation>
    </message>
    <message>
        <source>Replaces {count} earlier file(s)</source>
        <translation>แทนที่ไฟล์ที่ส่งก่อนหน้า {count} ไฟล์</translation>
    </message>
    <message>
        <source>{month}: {sent} of {count} districts sent</source>
        <translation>{month}: ส่งแล้ว {sent} จาก {count} อำเภอ</translation>
    </message>
</context>
<context>
    <name>DistrictPanel</name>
    <message>
        <source>Export the month&apos;s workbook…</source>
        <translation>ส่งออกแบบฟอร์มของเดือน…</translation>
    </message>
    <message>
        <source>Writes the workbook to send to the province and marks the month as sent: its sales can then be changed only after unlocking it.</source>
        <translation>บันทึกไฟล์ Excel สำหรับส่งจังหวัด และทำเครื่องหมายว่าเดือนนี้ส่งแล้ว หลังจากนั้นจะแก้ไขยอดจำหน่ายของเดือนได้เมื่อปลดล็อกก่อนเท่านั้น</translation>
    </message>
    <message>
        <source>Unlock the month…</source>
        <translation>ปลดล็อกเดือนนี้…</translation>
    </message>
    <message>
        <source>Allows changing a sent month&apos;s sales; the month must then be sent again.</source>
        <translation>ให้แก้ไขยอดจำหน่ายของเดือนที่ส่งแล้วได้ จากนั้นต้องส่งเดือนนี้ให้จังหวัดใหม่</translation>
    </message>
    <message>
        <source>Import an old spreadsheet…</source>
        <translation>นำเข้าจากไฟล์ตารางเดิม…</translation>
    </message>
    <message>
        <source>Adds producers and products from a spreadsheet kept before this program.</source>
        <translation>เพิ่มผู้ประกอบการและผลิตภัณฑ์จากไฟล์ตารางที่เคยจัดเก็บไว้ก่อนใช้โปรแกรมนี้</translation>
    </message>
    <message>
        <source>Month to send</source>
        <translation>เดือนที่ส่ง</translation>
    </message>
    <message>
        <source>Export the month&apos;s workbook again…</source>
        <extracomment>Shown by the page beside its title.</extracomment>
        <translation>ส่งออกแบบฟอร์มของเดือนอีกครั้ง…</translation>
    </message>
    <message>
        <source>{month}: not sent to the province yet.</source>
        <translation>{month}: ยังไม่ได้ส่งจังหวัด</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ไม่ทราบชื่อ</translation>
    </message>
    <message>
        <source>{month}: sent on {when} by {who} as {file}.</source>
        <translation>{month}: ส่งจังหวัดแล้วเมื่อ {when} โดย {who} ไฟล์ {file}</translation>
    </message>
    <message>
        <source>{month}: unlocked on {when} by {who} (reason: {reason}). Its sales may be changed; the month must be sent again.</source>
        <translation>{month}: ปลดล็อกเมื่อ {when} โดย {who} (เหตุผล: {reason}) แก้ไขยอดจำหน่ายได้ และต้องส่งเดือนนี้ให้จังหวัดใหม่</translation>
    </message>
    <message>
        <source>Export the workbook of {month}</source>
        <translation>ส่งออกแบบฟอร์มเดือน{month}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Writing the workbook of {month}…</source>
        <translation>กำลังบันทึกแบบฟอร์มเดือน{month}…</translation>
    </message>
    <message>
        <source>Unlock {month}</source>
        <translation>ปลดล็อกเดือน{month}</translation>
    </message>
    <message>
        <source>Why must the sales of {month} change? The reason is kept in the register, and the month must be sent to the province again.</source>
        <translation>เหตุใดจึงต้องแก้ไขยอดจำหน่ายเดือน{month} (เหตุผลจะบันทึกไว้ในทะเบียน และต้องส่งเดือนนี้ให้จังหวัดใหม่)</translation>
    </message>
</context>
<context>
    <name>ExportSummary</name>
    <message>
        <source>Last export</source>
        <translation>การส่งออกล่าสุด</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>บันทึกไว้ที่:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>จำนวนแถว:</translation>
    </message>
    <message>
        <source>Sales of the month:</source>
        <translation>ยอดจำหน่ายของเดือน:</translation>
    </message>
    <message>
        <source>{amount} baht</source>
        <translation>{amount} บาท</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>Accepted</source>
        <extracomment>Reasons listed under a file before the tree stops opening them all at once.</extracomment>
        <translation>รับแล้ว</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>ไม่รับ</translation>
    </message>
    <message>
        <source>{sales} sales rows, {entrepreneurs} entrepreneurs</source>
        <translation>ยอดจำหน่าย {sales} แถว ผู้ประกอบการ {entrepreneurs} ราย</translation>
    </message>
    <message>
        <source>replaces the file sent before</source>
        <translation>แทนที่ไฟล์ที่ส่งมาก่อน</translation>
    </message>
    <message>
        <source>sent late: the register list stays as the newer month has it</source>
        <translation>ส่งย้อนหลัง: ทะเบียนรายชื่อคงตามเดือนล่าสุด</translation>
    </message>
    <message>
        <source>{count} warning(s)</source>
        <translation>ข้อสังเกต {count} รายการ</translation>
    </message>
    <message>
        <source>{count} reason(s)</source>
        <translation>เหตุผล {count} รายการ</translation>
    </message>
    <message>
        <source>{accepted} of {count} file(s) accepted, {refused} refused.</source>
        <translation>รับ {accepted} จาก {count} ไฟล์ ไม่รับ {refused} ไฟล์</translation>
    </message>
    <message>
        <source>Cancelled: {count} file(s) were not read.</source>
        <translation>ยกเลิกแล้ว: ยังไม่ได้อ่าน {count} ไฟล์</translation>
    </message>
    <message>
        <source>No workbooks imported yet in this session.</source>
        <translation>ยังไม่ได้นำเข้าแบบฟอร์มในครั้งนี้</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>คัดลอกรายการ</translation>
    </message>
    <message>
        <source>Save as text…</source>
        <translation>บันทึกเป็นไฟล์ข้อความ…</translation>
    </message>
    <message>
        <source>Save the reasons…</source>
        <translation>บันทึกเหตุผลที่ไม่รับ…</translation>
    </message>
    <message>
        <source>Saves each refused file&apos;s reasons as a workbook (sheet, row and column in their own cells) to send back to its district.</source>
        <translation>บันทึกเหตุผลของแต่ละไฟล์ที่ไม่รับเป็นไฟล์ Excel (ชีต แถว และคอลัมน์แยกช่องกัน) เพื่อส่งกลับให้อำเภอ</translation>
    </message>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>กำลังนำเข้า {count} ไฟล์…</translation>
    </message>
    <message>
        <source>Save the import results</source>
        <translation>บันทึกผลการนำเข้า</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>ไฟล์ข้อความ (*.txt)</translation>
    </message>
    <message>
        <source>Folder for the reasons of {count} refused file(s)</source>
        <translation>โฟลเดอร์สำหรับเหตุผลของไฟล์ที่ไม่รับ {count} ไฟล์</translation>
    </message>
    <message>
        <source>Reasons saved: {count} file(s) in {folder}.</source>
        <translation>บันทึกเหตุผลแล้ว {count} ไฟล์ ใน {folder}</translation>
    </message>
</context>
<context>
    <name>PastExports</name>
    <message>
        <source>Past exports</source>
        <translation>ประวัติการส่งออก</translation>
    </message>
    <message>
        <source>Nothing exported yet.</source>
        <translation>ยังไม่เคยส่งออก</translation>
    </message>
</context>
<context>
    <name>PastExportsModel</name>
    <message>
        <source>Exported</source>
        <translation>ส่งออกเมื่อ</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>แบบฟอร์ม</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>By</source>
        <translation>โดย</translation>
    </message>
    <message>
        <source>District&apos;s monthly workbook</source>
        <translation>แบบฟอร์มรายเดือนของอำเภอ</translation>
    </message>
    <message>
        <source>Provincial workbook</source>
        <translation>แบบฟอร์มรวมของจังหวัด</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <source>{path}
SHA-256 of the data: {sha}</source>
        <translation>{path}
SHA-256 ของข้อมูล: {sha}</translation>
    </message>
</context>
<context>
    <name>ProvincePanel</name>
    <message>
        <source>Import district workbooks…</source>
        <extracomment>Districts still missing the last due month that the note above the grid names.</extracomment>
        <translation>นำเข้าแบบฟอร์มของอำเภอ…</translation>
    </message>
    <message>
        <source>Reads the monthly workbooks the districts sent; each file is accepted or refused on its own.</source>
        <translation>อ่านแบบฟอร์มรายเดือนที่อำเภอส่งมา แต่ละไฟล์รับหรือไม่รับแยกกัน</translation>
    </message>
    <message>
        <source>Export the provincial workbook…</source>
        <translation>ส่งออกแบบฟอร์มรวมของจังหวัด…</translation>
    </message>
    <message>
        <source>Every district&apos;s rows of the month and a summary by district and category.</source>
        <translation>ข้อมูลของทุกอำเภอในเดือนนั้น พร้อมสรุปตามอำเภอและประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Export every district&apos;s workbook…</source>
        <translation>ส่งออกแบบฟอร์มของทุกอำเภอ…</translation>
    </message>
    <message>
        <source>One monthly workbook per district, written to a folder.</source>
        <translation>แบบฟอร์มรายเดือนอำเภอละหนึ่งไฟล์ บันทึกไว้ในโฟลเดอร์</translation>
    </message>
    <message>
        <source>Who has sent</source>
        <extracomment>Shown by the page beside its title.</extracomment>
        <translation>อำเภอที่ส่งแล้ว</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>ผลการนำเข้า</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>เดือน:</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>การส่งออก</translation>
    </message>
    <message>
        <source>Fiscal year B.E. </source>
        <translation>ปีงบประมาณ พ.ศ. </translation>
    </message>
    <message>
        <source>Fiscal year (B.E.)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <source>Withdraw the workbook…</source>
        <translation>ถอนแบบฟอร์ม…</translation>
    </message>
    <message>
        <source>A head only: the selected district&apos;s data go back to what they were before the workbook of the selected month was imported.</source>
        <translation>เฉพาะหัวหน้าสำนักงาน: ข้อมูลของอำเภอที่เลือกกลับไปเป็นเหมือนก่อนนำเข้าแบบฟอร์มของเดือนที่เลือก</translation>
    </message>
    <message>
        <source>No month of this fiscal year is due yet.</source>
        <translation>ยังไม่มีเดือนใดของปีงบประมาณนี้ถึงกำหนดส่ง</translation>
    </message>
    <message>
        <source>{month}: {sent} of {count} districts have sent their workbook.</source>
        <translation>{month}: ส่งแบบฟอร์มแล้ว {sent} จาก {count} อำเภอ</translation>
    </message>
    <message>
        <source>Not yet: {names}.</source>
        <translation>ยังไม่ส่ง: {names}</translation>
    </message>
    <message>
        <source>District workbooks to import</source>
        <translation>เลือกแบบฟอร์มของอำเภอที่จะนำเข้า</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>ไฟล์ Excel (*.xlsx);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Reading {count} workbook(s)…</source>
        <translation>กำลังอ่านแบบฟอร์ม {count} ไฟล์…</translation>
    </message>
    <message>
        <source>Withdraw {file}, the workbook of {district} for {month}?

The district&apos;s register and sales go back to what they were before it was imported. The withdrawal is recorded in the audit trail.</source>
        <translation>ถอน {file} แบบฟอร์มของ{district} งวด {month} หรือไม่?

ทะเบียนและยอดจำหน่ายของอำเภอจะกลับไปเป็นเหมือนก่อนนำเข้าไฟล์นี้ และการถอนจะบันทึกไว้ในบันทึกการใช้งาน</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>ถอน</translation>
    </message>
    <message>
        <source>Do not withdraw</source>
        <translation>ไม่ถอน</translation>
    </message>
    <message>
        <source>Export the provincial workbook of {month}</source>
        <translation>ส่งออกแบบฟอร์มรวมของจังหวัด เดือน{month}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>ส่งออก</translation>
    </message>
    <message>
        <source>Writing the provincial workbook of {month}…</source>
        <translation>กำลังบันทึกแบบฟอร์มรวมของจังหวัด เดือน{month}…</translation>
    </message>
    <message>
        <source>Districts with data</source>
        <translation>อำเภอที่มีข้อมูล</translation>
    </message>
    <message>
        <source>Folder for every district&apos;s workbook of {month}</source>
        <translation>เลือกโฟลเดอร์สำหรับแบบฟอร์มของทุกอำเภอ เดือน{month}</translation>
    </message>
    <message>
        <source>Writing every district&apos;s workbook of {month}…</source>
        <translation>กำลังบันทึกแบบฟอร์มของทุกอำเภอ เดือน{month}…</translation>
    </message>
    <message>
        <source>{count} workbooks in {folder}</source>
        <translation>แบบฟอร์ม {count} ไฟล์ ใน {folder}</translation>
    </message>
</context>
<context>
    <name>Submission</name>
    <message>
        <source>{month} B.E. {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} เวลา {time} น.</translation>
    </message>
    <message>
        <source>Entrepreneurs</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Sales rows of the month</source>
        <translation>ยอดจำหน่ายของเดือน (แถว)</translation>
    </message>
    <message>
        <source>Soft Power household rows</source>
        <translation>ครัวเรือน Soft Power (แถว)</translation>
    </message>
    <message>
        <source>Training and grant rows of the month</source>
        <translation>การอบรมและสนับสนุนของเดือน (แถว)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>มีไฟล์ {file} อยู่แล้ว ต้องการแทนที่หรือไม่</translation>
    </message>
    <message>
        <source>{count} of these workbooks are already in {folder}. Replace them?</source>
        <translation>ใน {folder} มีแบบฟอร์มเหล่านี้อยู่แล้ว {count} ไฟล์ ต้องการแทนที่หรือไม่</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>เก็บไฟล์เดิมไว้</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>แทนที่</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>เก็บไฟล์เดิมไว้</translation>
    </message>
</context>
<context>
    <name>SubmissionPage</name>
    <message>
        <source>Monthly submission to the province</source>
        <translation>ส่งรายงานประจำเดือนให้จังหวัด</translation>
    </message>
    <message>
        <source>Monthly submissions of the districts</source>
        <translation>รายงานประจำเดือนของอำเภอ</translation>
    </message>
    <message>
        <source>Monthly submission</source>
        <translation>รายงานประจำเดือน</translation>
    </message>
    <message>
        <source>Monthly workbooks are sent by district offices and received by province offices; a national register does neither.</source>
        <translation>แบบฟอร์มรายเดือนส่งโดยสำนักงานอำเภอและรับโดยสำนักงานจังหวัด ทะเบียนระดับประเทศไม่ได้ส่งหรือรับแบบฟอร์มนี้</translation>
    </message>
</context>
</TS>
