<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>เพิ่มครัวเรือน</translation>
    </message>
    <message>
        <source>Household {code}</source>
        <translation>ครัวเรือน {code}</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <source>Household code</source>
        <translation>รหัสครัวเรือน</translation>
    </message>
    <message>
        <source>&amp;Village (moo)</source>
        <translation>หมู่ที่(&amp;V)</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>ครัวเรือน</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>จำนวนสมาชิก(&amp;M)</translation>
    </message>
    <message>
        <source>House &amp;number</source>
        <translation>บ้านเลขที่(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Head of household</source>
        <translation>หัวหน้าครัวเรือน(&amp;H)</translation>
    </message>
    <message>
        <source>Survey da&amp;te</source>
        <translation>วันที่สำรวจ(&amp;T)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>ทักษะ</translation>
    </message>
    <message>
        <source>Soft Power industry</source>
        <translation>สาขา Soft Power</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>Training wanted</source>
        <translation>ต้องการอบรมเพิ่ม</translation>
    </message>
    <message>
        <source>Add s&amp;kill</source>
        <translation>เพิ่มทักษะ(&amp;K)</translation>
    </message>
    <message>
        <source>Members&apos; skills</source>
        <translation>ทักษะของสมาชิกในครัวเรือน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ-สกุล</translation>
    </message>
    <message>
        <source>e.g. hand weaving</source>
        <translation>เช่น ทอผ้ามือ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <source>Saved the new household: household code {code}.</source>
        <translation>บันทึกครัวเรือนใหม่แล้ว รหัสครัวเรือน {code}</translation>
    </message>
    <message>
        <source>Delete the household {code} ({head}) from the survey?

Its members&apos; skills are deleted with it. The household code is not given out again.</source>
        <translation>ลบครัวเรือน {code} ({head}) ออกจากการสำรวจหรือไม่

ทักษะของสมาชิกจะถูกลบไปด้วย และรหัสครัวเรือนนี้จะไม่ถูกนำมาใช้อีก</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Search by head of household, house number or household code (Ctrl+F)</source>
        <translation>ค้นหาชื่อหัวหน้าครัวเรือน บ้านเลขที่ หรือรหัสครัวเรือน (Ctrl+F)</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>เพิ่มครัวเรือน</translation>
    </message>
    <message>
        <source>All villages (moo)</source>
        <translation>ทุกหมู่บ้าน</translation>
    </message>
    <message>
        <source>All Soft Power industries</source>
        <translation>ทุกสาขา Soft Power</translation>
    </message>
    <message>
        <source>Household code</source>
        <translation>รหัสครัวเรือน</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>หัวหน้าครัวเรือน</translation>
    </message>
    <message>
        <source>House no.</source>
        <translation>บ้านเลขที่</translation>
    </message>
    <message>
        <source>Moo</source>
        <translation>หมู่ที่</translation>
    </message>
    <message>
        <source>Subdistrict</source>
        <translation>ตำบล</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Soft Power industries</source>
        <translation>สาขา Soft Power</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>วันที่สำรวจ</translation>
    </message>
    <message>
        <source>Soft Power households</source>
        <translation>ครัวเรือน Soft Power</translation>
    </message>
    <message>
        <source>No household has been surveyed yet. Press Ctrl+N (New household) to enter the first household of the 1 Family 1 Soft Power survey.</source>
        <translation>ยังไม่มีครัวเรือนที่สำรวจ กด Ctrl+N (ปุ่ม “เพิ่มครัวเรือน”) เพื่อบันทึกครัวเรือนแรกของการสำรวจ 1 ครอบครัว 1 Soft Power</translation>
    </message>
    <message>
        <source>At least {count} of {total} households…</source>
        <translation>อย่างน้อย {count} จาก {total} ครัวเรือน…</translation>
    </message>
    <message>
        <source>{count} of {total} households</source>
        <translation>{count} จาก {total} ครัวเรือน</translation>
    </message>
    <message>
        <source>Moo {moo}</source>
        <translation>หมู่ {moo}</translation>
    </message>
</context>
</TS>
