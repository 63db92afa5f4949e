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
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>มีผู้อื่นแก้ไขรายการนี้</translation>
    </message>
    <message>
        <source>Nothing was saved: this record was changed after you opened it.</source>
        <translation>ยังไม่ได้บันทึก: รายการนี้ถูกแก้ไขหลังจากที่คุณเปิด</translation>
    </message>
    <message>
        <source>• by another user</source>
        <translation>• โดยผู้ใช้อื่น</translation>
    </message>
    <message>
        <source>You changed: {fields}.</source>
        <translation>คุณแก้ไข: {fields}</translation>
    </message>
    <message>
        <source>You changed nothing.</source>
        <translation>คุณยังไม่ได้แก้ไขช่องใด</translation>
    </message>
    <message>
        <source>You both changed: {fields}. Saving your changes on top replaces theirs in these fields.</source>
        <translation>ทั้งสองฝ่ายแก้ไข: {fields} หากบันทึกช่องที่คุณแก้ ช่องเหล่านี้จะเป็นค่าของคุณแทนค่าของอีกฝ่าย</translation>
    </message>
    <message>
        <source>&amp;Reload the record</source>
        <translation>โหลดรายการใหม่(&amp;R)</translation>
    </message>
    <message>
        <source>Show the record as it is now; what you typed is dropped</source>
        <translation>แสดงรายการตามที่เป็นอยู่ตอนนี้ สิ่งที่คุณพิมพ์จะถูกทิ้ง</translation>
    </message>
    <message>
        <source>&amp;Save my changes on top</source>
        <translation>บันทึกเฉพาะช่องที่คุณแก้(&amp;S)</translation>
    </message>
    <message>
        <source>Keep their changes and save only the fields you changed</source>
        <translation>คงการแก้ไขของอีกฝ่ายไว้ และบันทึกเฉพาะช่องที่คุณแก้</translation>
    </message>
    <message>
        <source>&amp;Cancel (keep editing)</source>
        <translation>ยกเลิก แก้ไขต่อ(&amp;C)</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>ผู้ใช้อื่น</translation>
    </message>
    <message>
        <source>details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>• {who}, {when}: {fields}</source>
        <translation>• {who} เมื่อ {when}: {fields}</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <source>B.E. </source>
        <translation>พ.ศ. </translation>
    </message>
    <message>
        <source>Year (B.E.)</source>
        <translation>ปี (พ.ศ.)</translation>
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
