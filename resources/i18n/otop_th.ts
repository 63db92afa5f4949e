<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Set up the OTOP register</source>
        <translation>ตั้งค่าทะเบียน OTOP</translation>
    </message>
    <message>
        <source>No register has been set up here yet:
{path}

Choose whether it is a district&apos;s or a province&apos;s register and its area, and name the officer who signs its certificates. The register is created when you press Create register.</source>
        <translation>ยังไม่มีทะเบียนที่ตั้งค่าไว้ที่นี่:
{path}

เลือกว่าเป็นทะเบียนระดับอำเภอหรือระดับจังหวัด และพื้นที่ของทะเบียน แล้วระบุเจ้าหน้าที่ผู้ลงนามในหนังสือรับรอง ทะเบียนจะถูกสร้างเมื่อกด สร้างทะเบียน</translation>
    </message>
    <message>
        <source>A district&apos;s register</source>
        <translation>ทะเบียนระดับอำเภอ</translation>
    </message>
    <message>
        <source>A province&apos;s register</source>
        <translation>ทะเบียนระดับจังหวัด</translation>
    </message>
    <message>
        <source>e.g. District Community Development Officer</source>
        <translation>เช่น พัฒนาการอำเภอ</translation>
    </message>
    <message>
        <source>&amp;Kind of register</source>
        <translation>ระดับทะเบียน(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>จังหวัด(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>อำเภอ(&amp;D)</translation>
    </message>
    <message>
        <source>Office &amp;name</source>
        <translation>ชื่อสำนักงาน(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Officer&apos;s name</source>
        <translation>ชื่อผู้ลงนาม(&amp;O)</translation>
    </message>
    <message>
        <source>Officer&apos;s posi&amp;tion</source>
        <translation>ตำแหน่งผู้ลงนาม(&amp;T)</translation>
    </message>
    <message>
        <source>Create register</source>
        <translation>สร้างทะเบียน</translation>
    </message>
    <message>
        <source>A new computer for an office that already keeps its register? Restore the register from its backup instead.</source>
        <translation>หากเป็นเครื่องใหม่ของสำนักงานที่มีทะเบียนอยู่แล้ว ให้กู้คืนทะเบียนจากไฟล์สำรองแทน</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>กู้คืนจากไฟล์สำรอง(&amp;R)…</translation>
    </message>
    <message>
        <source>On a new computer: open the office&apos;s register from a backup file</source>
        <translation>สำหรับเครื่องใหม่: เปิดทะเบียนของสำนักงานจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>Fill in the office name and the signing officer&apos;s name and position</source>
        <translation>กรอกชื่อสำนักงาน ชื่อและตำแหน่งของเจ้าหน้าที่ผู้ลงนามให้ครบ</translation>
    </message>
    <message>
        <source>Cannot create the register at {path}:
{reason}</source>
        <translation>สร้างทะเบียนที่ {path} ไม่ได้:
{reason}</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำรอง</translation>
    </message>
    <message>
        <source>OTOP backups (*{suffix});;All files (*)</source>
        <translation>ไฟล์สำรอง OTOP (*{suffix});;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>กำลังตรวจไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>{holds}

Open it as this computer&apos;s register, in
{path}?</source>
        <translation>{holds}

เปิดเป็นทะเบียนของเครื่องนี้ ที่
{path}
หรือไม่</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>ไม่กู้คืน</translation>
    </message>
    <message>
        <source>Restoring the register…</source>
        <translation>กำลังกู้คืนทะเบียน…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>ภาพรวม</translation>
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
        <source>Monthly sales</source>
        <translation>ยอดจำหน่ายรายเดือน</translation>
    </message>
    <message>
        <source>Soft Power households</source>
        <translation>ครัวเรือน Soft Power</translation>
    </message>
    <message>
        <source>Trainings and grants</source>
        <translation>การอบรมและเงินสนับสนุน</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>พิมพ์เอกสาร</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>ส่งรายงานประจำเดือน</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>บันทึกการใช้งาน</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>บัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>Records to complete</source>
        <translation>ข้อมูลที่ต้องกรอกให้ครบ</translation>
    </message>
    <message>
        <source>Register: {location}</source>
        <translation>ทะเบียน: {location}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ไฟล์(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New register…</source>
        <translation>สร้างทะเบียนใหม่(&amp;N)…</translation>
    </message>
    <message>
        <source>Set up a new register in a file of its own, and open it</source>
        <translation>ตั้งค่าทะเบียนใหม่ในไฟล์ของตัวเอง แล้วเปิดใช้</translation>
    </message>
    <message>
        <source>&amp;Open register…</source>
        <translation>เปิดทะเบียน(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another register file</source>
        <translation>เปิดไฟล์ทะเบียนอื่น</translation>
    </message>
    <message>
        <source>Recent regis&amp;ters</source>
        <translation>ทะเบียนที่เปิดล่าสุด(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้(&amp;B)</translation>
    </message>
    <message>
        <source>Make a checked copy of the register now</source>
        <translation>ทำสำเนาทะเบียนที่ผ่านการตรวจแล้วเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>กู้คืนจากไฟล์สำรอง(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the register back as a backup holds it</source>
        <translation>นำทะเบียนกลับไปเป็นตามที่อยู่ในไฟล์สำรอง</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>ล็อกหน้าจอเดี๋ยวนี้(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ไปที่(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide to the program</source>
        <translation>คู่มือการใช้โปรแกรม(&amp;G)</translation>
    </message>
    <message>
        <source>Daily tasks, the monthly submission, the keys</source>
        <translation>งานประจำวัน การส่งข้อมูลรายเดือน และแป้นลัด</translation>
    </message>
    <message>
        <source>&amp;About OTOP Desktop</source>
        <translation>เกี่ยวกับ OTOP Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>the backup made {when}</source>
        <translation>ไฟล์สำรองเมื่อ {when}</translation>
    </message>
    <message>
        <source>The register was restored from {backup}.</source>
        <translation>กู้คืนทะเบียนจาก{backup}แล้ว</translation>
    </message>
    <message>
        <source>The register as it was is kept as {file}.</source>
        <translation>ทะเบียนเดิมเก็บไว้ที่ {file}</translation>
    </message>
    <message>
        <source>The program opens the restored register now.</source>
        <translation>โปรแกรมจะเปิดทะเบียนที่กู้คืนแล้วเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>กู้คืนแล้ว</translation>
    </message>
    <message>
        <source>OTOP register – {office} ({register})</source>
        <translation>ทะเบียน OTOP – {office} ({register})</translation>
    </message>
    <message>
        <source>New register</source>
        <translation>สร้างทะเบียนใหม่</translation>
    </message>
    <message>
        <source>{file} already exists and is not changed. Open it instead?</source>
        <translation>มีไฟล์ {file} อยู่แล้ว (โปรแกรมจะไม่แก้ไขไฟล์นี้) ต้องการเปิดไฟล์นี้แทนหรือไม่?</translation>
    </message>
    <message>
        <source>Open register</source>
        <translation>เปิดทะเบียน</translation>
    </message>
    <message>
        <source>No other register opened yet</source>
        <translation>ยังไม่เคยเปิดทะเบียนอื่น</translation>
    </message>
    <message>
        <source>OTOP registers (*{suffix});;All files (*)</source>
        <translation>ทะเบียน OTOP (*{suffix});;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;OTOP Desktop {version}&lt;/h3&gt;&lt;p&gt;The register of OTOP producers and their products for Community Development offices.&lt;/p&gt;&lt;p&gt;Register: {location}&lt;/p&gt;&lt;p&gt;Thai text is set in Sarabun (SIL Open Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OTOP Desktop {version}&lt;/h3&gt;&lt;p&gt;ทะเบียนผู้ผลิตผู้ประกอบการและผลิตภัณฑ์ OTOP สำหรับสำนักงานพัฒนาชุมชน&lt;/p&gt;&lt;p&gt;ทะเบียน: {location}&lt;/p&gt;&lt;p&gt;ข้อความภาษาไทยใช้แบบอักษร Sarabun (SIL Open Font License)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening the register…</source>
        <translation>กำลังเปิดทะเบียน…</translation>
    </message>
    <message>
        <source>About OTOP Desktop</source>
        <translation>เกี่ยวกับ OTOP Desktop</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>OTOP register</source>
        <translation>ทะเบียน OTOP</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>ต้องการบันทึกก่อนหรือไม่</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>ไม่บันทึก</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>กลับไปแก้ไข</translation>
    </message>
    <message>
        <source>The program ran into an internal error. What you were doing may not have been saved.

The details were written to:
{log}

Please send this file to whoever supports the program.</source>
        <translation>โปรแกรมเกิดข้อผิดพลาดภายใน งานที่กำลังทำอยู่อาจยังไม่ได้บันทึก

รายละเอียดบันทึกไว้ในไฟล์:
{log}

กรุณาส่งไฟล์นี้ให้ผู้ดูแลโปรแกรม</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>District office</source>
        <translation>สำนักงานระดับอำเภอ</translation>
    </message>
    <message>
        <source>Province office</source>
        <translation>สำนักงานระดับจังหวัด</translation>
    </message>
    <message>
        <source>National office</source>
        <translation>สำนักงานระดับประเทศ</translation>
    </message>
    <message>
        <source>The whole country</source>
        <translation>ทั้งประเทศ</translation>
    </message>
    <message>
        <source>{province} province</source>
        <translation>จังหวัด{province}</translation>
    </message>
    <message>
        <source>{district} district, {province} province</source>
        <translation>อำเภอ{district} จังหวัด{province}</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>Print</source>
        <translation>พิมพ์เอกสาร</translation>
    </message>
    <message>
        <source>Select a record in the list first, then press Ctrl+P.</source>
        <translation>เลือกรายการในรายชื่อก่อน แล้วกด Ctrl+P</translation>
    </message>
</context>
</TS>
