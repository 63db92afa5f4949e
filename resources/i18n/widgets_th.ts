<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>BEDateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>วว/ดด/ปปปป</translation>
    </message>
    <message>
        <source>Choose from a calendar (Alt+Down)</source>
        <translation>เลือกจากปฏิทิน (Alt+ลูกศรลง)</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>Previous year (Ctrl+Page Up)</source>
        <translation>ปีก่อนหน้า (Ctrl+Page Up)</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>เดือนก่อนหน้า (Page Up)</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>เดือนถัดไป (Page Down)</translation>
    </message>
    <message>
        <source>Next year (Ctrl+Page Down)</source>
        <translation>ปีถัดไป (Ctrl+Page Down)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Type to search</source>
        <translation>พิมพ์ชื่อตำบลเพื่อค้นหา</translation>
    </message>
    <message>
        <source>Provin&amp;ce</source>
        <translation>จังหวัด(&amp;C)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>อำเภอ(&amp;D)</translation>
    </message>
    <message>
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>S&amp;ubdistrict</source>
        <translation>ตำบล(&amp;U)</translation>
    </message>
</context>
<context>
    <name>RecordNumber</name>
    <message>
        <source>assigned on save</source>
        <translation>ออกให้เมื่อบันทึก</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>None</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <source>Remove this row</source>
        <translation>ลบแถวนี้</translation>
    </message>
</context>
</TS>
