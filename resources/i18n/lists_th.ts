<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>EntrepreneursPage</name>
    <message>
        <source>Search by name, contact, registration no. or product (Ctrl+F)</source>
        <translation>ค้นหาชื่อ ผู้ติดต่อ เลขทะเบียน หรือชื่อผลิตภัณฑ์ (Ctrl+F)</translation>
    </message>
    <message>
        <source>New entrepreneur</source>
        <translation>เพิ่มผู้ประกอบการ</translation>
    </message>
    <message>
        <source>All producer types</source>
        <translation>ทุกประเภทผู้ผลิต</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>All product categories</source>
        <translation>ทุกประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Any stars</source>
        <translation>ทุกระดับดาว</translation>
    </message>
    <message>
        <source>Digital readiness: any</source>
        <translation>ความพร้อมดิจิทัล: ทั้งหมด</translation>
    </message>
    <message>
        <source>Readiness level {level}</source>
        <translation>ความพร้อมดิจิทัล ระดับ {level}</translation>
    </message>
    <message>
        <source>Never assessed</source>
        <translation>ยังไม่เคยประเมินความพร้อมดิจิทัล</translation>
    </message>
    <message>
        <source>Lacking: {item}</source>
        <translation>ยังขาด: {item}</translation>
    </message>
    <message>
        <source>A digital readiness level, or producers lacking one item of the checklist (those never assessed included)</source>
        <translation>ระดับความพร้อมด้านการเงินดิจิทัล หรือผู้ประกอบการที่ยังขาดรายการหนึ่งของความพร้อม (รวมผู้ที่ยังไม่เคยได้รับการประเมิน)</translation>
    </message>
    <message>
        <source>Reg. no.</source>
        <translation>เลขทะเบียน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>ไม่ระบุ</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Moo</source>
        <translation>หมู่</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>วันลงทะเบียน</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Show the full &amp;ID number</source>
        <translation>แสดงเลขประจำตัวฉบับเต็ม(&amp;I)</translation>
    </message>
    <message>
        <source>Show the full &amp;phone number</source>
        <translation>แสดงหมายเลขโทรศัพท์ฉบับเต็ม(&amp;P)</translation>
    </message>
    <message>
        <source>ID number of {record}: {value}</source>
        <translation>เลขประจำตัวของ {record}: {value}</translation>
    </message>
    <message>
        <source>Phone number of {record}: {value}</source>
        <translation>หมายเลขโทรศัพท์ของ {record}: {value}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ไม่มี)</translation>
    </message>
    <message>
        <source>That you saw it is recorded in the audit trail.</source>
        <translation>การดูครั้งนี้ถูกบันทึกไว้ในประวัติการใช้งานแล้ว</translation>
    </message>
    <message>
        <source>Entrepreneurs</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>No entrepreneur is registered yet. Press Ctrl+N (New entrepreneur) to register the first one; an office that kept its register in a spreadsheet brings it in on the Submission page, with “Import an old spreadsheet…”.</source>
        <translation>ยังไม่มีผู้ประกอบการในทะเบียน กด Ctrl+N (ปุ่ม “เพิ่มผู้ประกอบการ”) เพื่อลงทะเบียนรายแรก หากสำนักงานเคยเก็บทะเบียนไว้ในไฟล์ตาราง นำเข้าได้ที่หน้า “ส่งรายงานประจำเดือน” ปุ่ม “นำเข้าจากไฟล์ตารางเดิม…”</translation>
    </message>
    <message>
        <source>At least {count} of {total} entrepreneurs…</source>
        <translation>พบอย่างน้อย {count} จาก {total} ราย…</translation>
    </message>
    <message>
        <source>{count} of {total} entrepreneurs</source>
        <translation>{count} จาก {total} ราย</translation>
    </message>
</context>
<context>
    <name>ListNotice</name>
    <message>
        <source>Clear filters</source>
        <translation>ล้างตัวกรอง</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>ปิดข้อความนี้</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Save as workbook…</source>
        <translation>บันทึกเป็นไฟล์ Excel…</translation>
    </message>
    <message>
        <source>Save the list as shown, its filters applied, to an Excel workbook (.xlsx) (Ctrl+Shift+S)</source>
        <translation>บันทึกรายการตามที่แสดงอยู่ (ตามตัวกรองที่ใช้) เป็นไฟล์ Excel (.xlsx) (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <source>All subdistricts</source>
        <translation>ทุกตำบล</translation>
    </message>
    <message>
        <source>No stars</source>
        <translation>ไม่มีดาว</translation>
    </message>
    <message>
        <source>Nothing is registered here yet. Press Ctrl+N to add the first record.</source>
        <translation>ยังไม่มีข้อมูลในรายการนี้ กด Ctrl+N เพื่อเพิ่มรายการแรก</translation>
    </message>
    <message>
        <source>{saved} It is not in the list, hidden by {filters}.</source>
        <translation>{saved} แต่ไม่แสดงในรายการ เพราะถูกซ่อนด้วย {filters}</translation>
    </message>
    <message>
        <source>the search “{text}”</source>
        <translation>คำค้น “{text}”</translation>
    </message>
    <message>
        <source>Save the list as a workbook</source>
        <translation>บันทึกรายการเป็นไฟล์ Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>About this list</source>
        <translation>รายละเอียดรายการ</translation>
    </message>
    <message>
        <source>Saved {rows} rows to {file}.</source>
        <translation>บันทึก {rows} แถวลงไฟล์ {file} แล้ว</translation>
    </message>
    <message>
        <source>Filters: {filters}</source>
        <translation>ตัวกรอง: {filters}</translation>
    </message>
    <message>
        <source>Filters: none, the whole list</source>
        <translation>ตัวกรอง: ไม่มี (ทั้งรายการ)</translation>
    </message>
    <message>
        <source>Sorted by {column}, descending</source>
        <translation>เรียงตาม {column} จากมากไปน้อย</translation>
    </message>
    <message>
        <source>Sorted by {column}</source>
        <translation>เรียงตาม {column}</translation>
    </message>
    <message>
        <source>Saved on {date} at {time}</source>
        <translation>บันทึกเมื่อ {date} เวลา {time} น.</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Search by product name, code or producer (Ctrl+F)</source>
        <translation>ค้นหาชื่อผลิตภัณฑ์ รหัส หรือชื่อผู้ผลิต (Ctrl+F)</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>เพิ่มผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>ทุกประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Any stars</source>
        <translation>ทุกระดับดาว</translation>
    </message>
    <message>
        <source>Any standard</source>
        <translation>ทุกมาตรฐาน</translation>
    </message>
    <message>
        <source>Soft Power: any</source>
        <translation>Soft Power ทั้งหมด</translation>
    </message>
    <message>
        <source>All producer statuses</source>
        <translation>ผู้ผลิตทุกสถานะ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัสผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ชื่อผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>ไม่ระบุ</translation>
    </message>
    <message>
        <source>Price (baht)</source>
        <translation>ราคา (บาท)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>ระดับดาว</translation>
    </message>
    <message>
        <source>Soft Power</source>
        <translation>Soft Power</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>ผู้ผลิต</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>No product is registered yet. A product belongs to a producer: register the entrepreneur first (Entrepreneurs page), then press Ctrl+N here or “Add product” in the entrepreneur&apos;s form.</source>
        <translation>ยังไม่มีผลิตภัณฑ์ในทะเบียน ผลิตภัณฑ์ต้องมีผู้ผลิต: ลงทะเบียนผู้ประกอบการก่อน (หน้า “ผู้ประกอบการ”) แล้วกด Ctrl+N ที่นี่ หรือปุ่ม “เพิ่มผลิตภัณฑ์” ในแบบฟอร์มผู้ประกอบการ</translation>
    </message>
    <message>
        <source>At least {count} of {total} products…</source>
        <translation>พบอย่างน้อย {count} จาก {total} รายการ…</translation>
    </message>
    <message>
        <source>{count} of {total} products</source>
        <translation>{count} จาก {total} รายการ</translation>
    </message>
</context>
</TS>
