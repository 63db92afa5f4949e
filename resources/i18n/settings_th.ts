<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>SettingsPage</name>
    <message>
        <source>e.g. District Community Development Officer</source>
        <translation>เช่น พัฒนาการอำเภอ</translation>
    </message>
    <message>
        <source>e.g. 0 5333 1234</source>
        <translation>เช่น 0 5333 1234</translation>
    </message>
    <message>
        <source>Save office details</source>
        <translation>บันทึกข้อมูลสำนักงาน</translation>
    </message>
    <message>
        <source>Save the office details (Ctrl+S)</source>
        <translation>บันทึกข้อมูลสำนักงาน (Ctrl+S)</translation>
    </message>
    <message>
        <source>Only a head of the office changes these details.</source>
        <translation>เฉพาะหัวหน้าสำนักงานเท่านั้นที่แก้ไขข้อมูลนี้ได้</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>สำนักงาน</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>ระดับ:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>พื้นที่:</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>ชื่อสำนักงาน(&amp;N):</translation>
    </message>
    <message>
        <source>Signing &amp;officer&apos;s name:</source>
        <translation>ชื่อเจ้าหน้าที่ผู้ลงนาม(&amp;O):</translation>
    </message>
    <message>
        <source>Officer&apos;s posi&amp;tion:</source>
        <translation>ตำแหน่งผู้ลงนาม(&amp;T):</translation>
    </message>
    <message>
        <source>Office tele&amp;phone:</source>
        <translation>โทรศัพท์สำนักงาน(&amp;P):</translation>
    </message>
    <message>
        <source>The office&apos;s name and its signing officer are printed on registration forms and certificates, and are the same on every computer that uses this register.</source>
        <translation>ชื่อสำนักงานและผู้ลงนามจะพิมพ์ลงในแบบลงทะเบียนและใบรับรอง และใช้ร่วมกันในทุกเครื่องที่ใช้ทะเบียนนี้</translation>
    </message>
    <message>
        <source>Choose &amp;emblem image…</source>
        <translation>เลือกภาพตราครุฑ(&amp;E)…</translation>
    </message>
    <message>
        <source>A PNG or JPEG of the Garuda emblem, printed top left on memos</source>
        <translation>ภาพตราครุฑแบบ PNG หรือ JPEG ที่พิมพ์มุมซ้ายบนของบันทึกข้อความ</translation>
    </message>
    <message>
        <source>Remove emblem</source>
        <translation>นำตราครุฑออก</translation>
    </message>
    <message>
        <source>Garuda emblem:</source>
        <translation>ตราครุฑ:</translation>
    </message>
    <message>
        <source>The program does not come with the emblem: choose the image file your office uses. Memos print without it until one is chosen.</source>
        <translation>โปรแกรมไม่มีภาพตราครุฑมาให้ เลือกไฟล์ภาพที่สำนักงานใช้ บันทึกข้อความจะพิมพ์โดยไม่มีตราจนกว่าจะเลือกภาพ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <source>&amp;Language of the program:</source>
        <translation>ภาษาของโปรแกรม(&amp;L):</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <source>The office details have changes that are not saved.</source>
        <translation>ข้อมูลสำนักงานมีการแก้ไขที่ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Garuda emblem</source>
        <translation>ตราครุฑ</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>ภาพ (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Emblem saved: memos print it.</source>
        <translation>บันทึกตราครุฑแล้ว บันทึกข้อความจะพิมพ์ตรานี้</translation>
    </message>
    <message>
        <source>Emblem removed.</source>
        <translation>นำตราครุฑออกแล้ว</translation>
    </message>
    <message>
        <source>None</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Your choice is kept for you on this computer. A new language applies from the next start of the program.</source>
        <translation>ภาษาที่เลือกจะจำไว้สำหรับผู้ใช้นี้ในเครื่องนี้ และจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
    <message>
        <source>The program starts in {language} next time. To switch now, close it and start it again.</source>
        <translation>โปรแกรมจะใช้ภาษา {language} เมื่อเปิดครั้งถัดไป หากต้องการเปลี่ยนทันที ให้ปิดโปรแกรมแล้วเปิดใหม่</translation>
    </message>
</context>
</TS>
