<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Signing officer</source>
        <translation>เจ้าหน้าที่ผู้ลงนาม</translation>
    </message>
    <message>
        <source>Certificates are signed by the office&apos;s officer, and none is set for this register yet. Name the officer now to print the certificate; it is kept in the settings for every certificate after it.</source>
        <translation>หนังสือรับรองต้องลงนามโดยเจ้าหน้าที่ของสำนักงาน แต่ทะเบียนนี้ยังไม่ได้ระบุไว้ ระบุเจ้าหน้าที่ผู้ลงนามตอนนี้เพื่อพิมพ์หนังสือรับรอง โปรแกรมจะเก็บไว้ในหน้าตั้งค่าเพื่อใช้กับหนังสือรับรองฉบับต่อ ๆ ไป</translation>
    </message>
    <message>
        <source>e.g. District Community Development Officer</source>
        <translation>เช่น พัฒนาการอำเภอ</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;name</source>
        <translation>ชื่อผู้ลงนาม(&amp;N)</translation>
    </message>
    <message>
        <source>Officer&apos;s posi&amp;tion</source>
        <translation>ตำแหน่งผู้ลงนาม(&amp;T)</translation>
    </message>
    <message>
        <source>Save and continue</source>
        <translation>บันทึกแล้วทำต่อ</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <source>All active records</source>
        <translation>ผู้ประกอบการที่ดำเนินการอยู่ทั้งหมด</translation>
    </message>
    <message>
        <source>A blank form, to fill in by hand</source>
        <translation>แบบว่าง สำหรับกรอกด้วยมือ</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>ผู้ประกอบการที่จะพิมพ์</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>B.E. </source>
        <translation>พ.ศ. </translation>
    </message>
    <message>
        <source>Area and month</source>
        <translation>พื้นที่และเดือน</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>อำเภอ:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>เดือน:</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>การอบรม</translation>
    </message>
    <message>
        <source>The household with the code:</source>
        <translation>ครัวเรือนรหัส:</translation>
    </message>
    <message>
        <source>e.g. 501301-03-0001</source>
        <translation>เช่น 501301-03-0001</translation>
    </message>
    <message>
        <source>Household code</source>
        <translation>รหัสครัวเรือน</translation>
    </message>
    <message>
        <source>Every household</source>
        <translation>ทุกครัวเรือน</translation>
    </message>
    <message>
        <source>A blank form, to take on a visit</source>
        <translation>แบบว่าง สำหรับนำไปสำรวจ</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>ครัวเรือน</translation>
    </message>
    <message>
        <source>e.g. ชม 0019.13/123 (empty: written by hand)</source>
        <translation>เช่น ชม 0019.13/123 (เว้นว่าง: เขียนด้วยมือ)</translation>
    </message>
    <message>
        <source>Outgoing number</source>
        <translation>เลขที่หนังสือออก</translation>
    </message>
    <message>
        <source> months</source>
        <translation> เดือน</translation>
    </message>
    <message>
        <source>Months ahead</source>
        <translation>จำนวนเดือนข้างหน้า</translation>
    </message>
    <message>
        <source>Year of the report (B.E.)</source>
        <translation>ปีของรายงาน (พ.ศ.)</translation>
    </message>
    <message>
        <source>Calendar year (January–December)</source>
        <translation>ปีปฏิทิน (มกราคม–ธันวาคม)</translation>
    </message>
    <message>
        <source>Otherwise the fiscal year: October to September, named by the year it ends in</source>
        <translation>ถ้าไม่เลือก ใช้ปีงบประมาณ: ตุลาคมถึงกันยายน เรียกตามปีที่สิ้นสุด</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Outgoing &amp;number:</source>
        <translation>เลขที่หนังสือ (ที่)(&amp;N):</translation>
    </message>
    <message>
        <source>Expiring &amp;within:</source>
        <translation>หมดอายุภายใน(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>ปี(&amp;Y):</translation>
    </message>
    <message>
        <source>Thai digits (๐๑๒๓)</source>
        <translation>ใช้เลขไทย (๐๑๒๓)</translation>
    </message>
    <message>
        <source>Show full citizen IDs and phone numbers</source>
        <translation>แสดงเลขประจำตัวประชาชนและเบอร์โทรศัพท์เต็ม</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>การพิมพ์</translation>
    </message>
    <message>
        <source>Date of issue:</source>
        <translation>วันที่ออก:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>เอกสาร:</translation>
    </message>
    <message>
        <source>The records in this list ({count})</source>
        <translation>ตามรายชื่อนี้ ({count} ราย)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>พื้นที่</translation>
    </message>
    <message>
        <source>Otherwise citizen IDs and phone numbers are partly hidden. A print that shows them in full is recorded in the register, with your user name.</source>
        <translation>ถ้าไม่เลือก เลขประจำตัวประชาชนและเบอร์โทรศัพท์จะถูกปิดบางส่วน การพิมพ์ที่แสดงข้อมูลเต็มจะถูกบันทึกไว้ในทะเบียนพร้อมชื่อผู้ใช้ของท่าน</translation>
    </message>
    <message>
        <source>A filled form shows the producer&apos;s citizen ID and address: each preview or print of it is recorded in the register, with your user name.</source>
        <translation>แบบที่กรอกข้อมูลแล้วมีเลขประจำตัวประชาชนและที่อยู่ของผู้ผลิต ทุกครั้งที่ดูตัวอย่างหรือพิมพ์จะถูกบันทึกไว้ในทะเบียนพร้อมชื่อผู้ใช้ของท่าน</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Previous page</source>
        <translation>หน้าก่อน</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>หน้าถัดไป</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>พอดีความกว้าง</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>ทั้งหน้า</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>ย่อ (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>ขยาย (Ctrl++)</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>จาก {count}</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>Preview</source>
        <translation>ดูตัวอย่าง</translation>
    </message>
    <message>
        <source>Make the document and show it (Ctrl+Enter)</source>
        <translation>สร้างเอกสารและแสดงตัวอย่าง (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>พิมพ์…</translation>
    </message>
    <message>
        <source>Print on a printer of this computer (Ctrl+P)</source>
        <translation>พิมพ์ออกเครื่องพิมพ์ของคอมพิวเตอร์นี้ (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>บันทึก PDF…</translation>
    </message>
    <message>
        <source>Save the document as a PDF file (Ctrl+S)</source>
        <translation>บันทึกเอกสารเป็นไฟล์ PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Choose what to print on the left, then press Preview to see it here.</source>
        <translation>เลือกเอกสารที่จะพิมพ์ทางด้านซ้าย แล้วกด “ดูตัวอย่าง” เพื่อดูเอกสารที่นี่</translation>
    </message>
    <message>
        <source>The document or its options have changed. Press Preview (Ctrl+Enter) to see the document as it is now chosen.</source>
        <translation>เอกสารหรือตัวเลือกเปลี่ยนไปแล้ว กด ดูตัวอย่าง (Ctrl+Enter) เพื่อดูเอกสารตามที่เลือกไว้ตอนนี้</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <source>Making {document}…</source>
        <translation>กำลังสร้าง{document}…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>บันทึก PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{file} already exists. Replace it?</source>
        <translation>มีไฟล์ {file} อยู่แล้ว ต้องการแทนที่หรือไม่</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>แทนที่</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>เก็บไฟล์เดิมไว้</translation>
    </message>
    <message>
        <source>{caption} Saved as {path}.</source>
        <translation>{caption} บันทึกเป็น {path} แล้ว</translation>
    </message>
    <message>
        <source>{document}: {count} documents, {pages} pages.</source>
        <translation>{document}: {count} ฉบับ รวม {pages} หน้า</translation>
    </message>
    <message>
        <source>{document}: 1 page.</source>
        <translation>{document}: 1 หน้า</translation>
    </message>
    <message>
        <source>{document}: {pages} pages.</source>
        <translation>{document}: {pages} หน้า</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Add a record</source>
        <translation>เพิ่มผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Records to print</source>
        <translation>ผู้ประกอบการที่จะพิมพ์</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <source>Remove the selected records from the list (Del)</source>
        <translation>นำรายการที่เลือกออกจากรายชื่อ (Del)</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>นำออกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;ตรวจสอบหนังสือรับรอง…</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>ตรวจสอบหนังสือรับรอง</translation>
    </message>
    <message>
        <source>Scan the QR code on the certificate with a QR scanner, or paste or type its text here, then press Check. The text begins with OTOP2| (OTOP1| on older certificates).</source>
        <translation>สแกนคิวอาร์โค้ดบนหนังสือรับรองด้วยเครื่องอ่านคิวอาร์โค้ด หรือวางหรือพิมพ์ข้อความของคิวอาร์โค้ดลงในช่องนี้ แล้วกด “ตรวจสอบ” (ข้อความขึ้นต้นด้วย OTOP2| หนังสือรับรองรุ่นเก่าขึ้นต้นด้วย OTOP1|)</translation>
    </message>
    <message>
        <source>Text of the QR code</source>
        <translation>ข้อความของคิวอาร์โค้ด</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <source>Registration no.:</source>
        <translation>เลขทะเบียน:</translation>
    </message>
    <message>
        <source>Name on the certificate:</source>
        <translation>ชื่อในหนังสือรับรอง:</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>ออกเมื่อ:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>ลงนามโดย:</translation>
    </message>
    <message>
        <source>In the register now:</source>
        <translation>สถานะในทะเบียนขณะนี้:</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>ผลิตภัณฑ์:</translation>
    </message>
    <message>
        <source>This is not a certificate code</source>
        <translation>ข้อความนี้ไม่ใช่รหัสหนังสือรับรอง</translation>
    </message>
    <message>
        <source>⚠ Signature good, but the number is not in this register</source>
        <translation>⚠ ลายมือชื่อถูกต้อง แต่ไม่พบเลขทะเบียนนี้ในทะเบียน</translation>
    </message>
    <message>
        <source>The signature matches a key this register knows, yet no business with this registration number is in the register. It may be for a business that does not exist, signed with a key taken from a copy of the register. Do not rely on it until the office has checked it.</source>
        <translation>ลายมือชื่อตรงกับกุญแจที่ทะเบียนนี้รู้จัก แต่ไม่มีกิจการเลขทะเบียนนี้ในทะเบียน อาจเป็นหนังสือรับรองของกิจการที่ไม่มีอยู่จริง ซึ่งลงนามด้วยกุญแจที่ได้จากสำเนาทะเบียน อย่าเชื่อถือจนกว่าสำนักงานจะตรวจสอบแล้ว</translation>
    </message>
    <message>
        <source>✔ Genuine: the signature is good</source>
        <translation>✔ ของจริง: ลายมือชื่อถูกต้อง</translation>
    </message>
    <message>
        <source>An office whose key this register knows signed exactly this text.</source>
        <translation>สำนักงานที่ทะเบียนนี้รู้จักกุญแจเป็นผู้ลงนามข้อความนี้ และข้อความไม่ถูกแก้ไขแม้แต่ตัวเดียว</translation>
    </message>
    <message>
        <source>✘ NOT genuine: the signature does not match</source>
        <translation>✘ ไม่ใช่ของจริง: ลายมือชื่อไม่ตรงกัน</translation>
    </message>
    <message>
        <source>No office whose key this register knows signed this text. It may have been altered or forged, or come from an office this register does not know. Do not rely on what it says below.</source>
        <translation>ไม่มีสำนักงานใดที่ทะเบียนนี้รู้จักลงนามข้อความนี้ ข้อความอาจถูกแก้ไขหรือปลอมขึ้น หรือมาจากสำนักงานที่ทะเบียนนี้ไม่รู้จัก อย่าเชื่อข้อมูลด้านล่าง</translation>
    </message>
    <message>
        <source>no known office</source>
        <translation>ไม่มีสำนักงานที่รู้จัก</translation>
    </message>
    <message>
        <source>not in this register</source>
        <translation>ไม่พบในทะเบียนนี้</translation>
    </message>
    <message>
        <source>{status}: the business is still active</source>
        <translation>{status}: ยังดำเนินกิจการอยู่</translation>
    </message>
    <message>
        <source>{status}: the business is not active now</source>
        <translation>{status}: ขณะนี้ไม่ได้ดำเนินกิจการ</translation>
    </message>
    <message>
        <source>The register&apos;s name for it now: {name}</source>
        <translation>ชื่อในทะเบียนขณะนี้: {name}</translation>
    </message>
    <message>
        <source>Not signed: an OTOP1 code signs the number, name and date only. Compare the printed products with the register.</source>
        <translation>ไม่ได้ลงนาม: รหัส OTOP1 ลงนามเฉพาะเลขทะเบียน ชื่อ และวันที่ ให้เทียบรายการผลิตภัณฑ์ที่พิมพ์กับทะเบียน</translation>
    </message>
    <message>
        <source>{count} signed (digest {digest})</source>
        <translation>ลงนามไว้ {count} รายการ (รหัสสรุป {digest})</translation>
    </message>
    <message>
        <source>✔ The same codes and names as the register holds now; the printed list should read:</source>
        <translation>✔ รหัสและชื่อตรงกับที่ทะเบียนมีอยู่ขณะนี้ รายการที่พิมพ์ควรเป็นดังนี้:</translation>
    </message>
    <message>
        <source>✘ Not the register&apos;s products now: one was added, dropped or renamed since the certificate was issued. The register holds now:</source>
        <translation>✘ ไม่ตรงกับผลิตภัณฑ์ในทะเบียนขณะนี้: มีการเพิ่ม ลบ หรือเปลี่ยนชื่อผลิตภัณฑ์หลังออกหนังสือรับรอง ทะเบียนขณะนี้มี:</translation>
    </message>
    <message>
        <source>no products</source>
        <translation>ไม่มีผลิตภัณฑ์</translation>
    </message>
</context>
</TS>
