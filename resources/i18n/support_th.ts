<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>EntrepreneurSearch</name>
    <message>
        <source>Type a name or a registration number</source>
        <translation>พิมพ์ชื่อหรือเลขทะเบียน</translation>
    </message>
    <message>
        <source>No entrepreneur matches “{text}”</source>
        <translation>ไม่พบผู้ประกอบการที่ตรงกับ “{text}”</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Delete the grant of {amount} baht to {name}?</source>
        <translation>ลบรายการเงินสนับสนุน {amount} บาท ของ {name} หรือไม่</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>เพิ่มเงินสนับสนุน</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>เงินสนับสนุน</translation>
    </message>
    <message>
        <source>Entrepreneur</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Find the &amp;entrepreneur</source>
        <translation>ค้นหาผู้ประกอบการ(&amp;E)</translation>
    </message>
    <message>
        <source>e.g. a loom for the group</source>
        <translation>เช่น จัดซื้อกี่ทอผ้าให้กลุ่ม</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>วันที่ได้รับ(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>วัตถุประสงค์(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Funder</source>
        <translation>หน่วยงานผู้ให้(&amp;F)</translation>
    </message>
    <message>
        <source>none chosen yet: find it below</source>
        <translation>ยังไม่ได้เลือก ค้นหาในช่องด้านล่าง</translation>
    </message>
    <message>
        <source>Saved the new grant to {name}.</source>
        <translation>บันทึกเงินสนับสนุนให้ {name} แล้ว</translation>
    </message>
</context>
<context>
    <name>GrantsList</name>
    <message>
        <source>Search by entrepreneur, registration no., purpose or funder (Ctrl+F)</source>
        <translation>ค้นหาผู้ประกอบการ เลขทะเบียน วัตถุประสงค์ หรือหน่วยงานผู้ให้ (Ctrl+F)</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>เพิ่มเงินสนับสนุน</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>เลขทะเบียน</translation>
    </message>
    <message>
        <source>Entrepreneur</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <source>Amount (baht)</source>
        <translation>จำนวนเงิน (บาท)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>วัตถุประสงค์</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>หน่วยงานผู้ให้</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>เงินสนับสนุน</translation>
    </message>
    <message>
        <source>No grant is recorded yet. Press Ctrl+N (New grant) to record the first one; it is given to an entrepreneur already in the register.</source>
        <translation>ยังไม่มีการบันทึกเงินสนับสนุน กด Ctrl+N (ปุ่ม “เพิ่มเงินสนับสนุน”) เพื่อบันทึกรายการแรก โดยให้แก่ผู้ประกอบการที่อยู่ในทะเบียนแล้ว</translation>
    </message>
    <message>
        <source>At least {count} of {total} grants…</source>
        <translation>อย่างน้อย {count} จาก {total} รายการ…</translation>
    </message>
    <message>
        <source>{count} of {total} grants</source>
        <translation>{count} จาก {total} รายการ</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>e.g. 1,250.50</source>
        <translation>เช่น 1,250.50</translation>
    </message>
    <message>
        <source>Thai digits and thousands commas are accepted</source>
        <translation>พิมพ์เลขไทยหรือมีจุลภาคคั่นหลักพันได้</translation>
    </message>
</context>
<context>
    <name>SupportLists</name>
    <message>
        <source>All fiscal years</source>
        <translation>ทุกปีงบประมาณ</translation>
    </message>
    <message>
        <source>Fiscal year {year}</source>
        <translation>ปีงบประมาณ {year}</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>&amp;Trainings</source>
        <translation>การฝึกอบรม(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation>เงินสนับสนุน(&amp;G)</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>New training</source>
        <translation>เพิ่มการฝึกอบรม</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <source>e.g. the provincial Community Development office</source>
        <translation>เช่น สำนักงานพัฒนาชุมชนจังหวัด</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>วันที่อบรม(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>หัวข้อ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>หน่วยงานผู้จัด(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Budget (baht)</source>
        <translation>งบประมาณ (บาท)(&amp;B)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>เพิ่ม(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove from the training</source>
        <translation>นำออกจากรายชื่อ(&amp;R)</translation>
    </message>
    <message>
        <source>1 participant</source>
        <translation>ผู้เข้าร่วม 1 ราย</translation>
    </message>
    <message>
        <source>{count} participants</source>
        <translation>ผู้เข้าร่วม {count} ราย</translation>
    </message>
    <message>
        <source>Saved the new training “{topic}”.</source>
        <translation>บันทึกการอบรม “{topic}” แล้ว</translation>
    </message>
    <message>
        <source>Delete the training “{topic}”?

The list of its participants is deleted with it; the entrepreneurs stay in the register.</source>
        <translation>ลบการฝึกอบรม “{topic}” หรือไม่

รายชื่อผู้เข้าร่วมจะถูกลบไปด้วย ส่วนผู้ประกอบการยังคงอยู่ในทะเบียน</translation>
    </message>
</context>
<context>
    <name>TrainingsList</name>
    <message>
        <source>Search by topic or organiser (Ctrl+F)</source>
        <translation>ค้นหาหัวข้อหรือหน่วยงานผู้จัด (Ctrl+F)</translation>
    </message>
    <message>
        <source>New training</source>
        <translation>เพิ่มการฝึกอบรม</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>หน่วยงานผู้จัด</translation>
    </message>
    <message>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <source>No training is recorded yet. Press Ctrl+N (New training) to record the first one with its participants.</source>
        <translation>ยังไม่มีการบันทึกการอบรม กด Ctrl+N (ปุ่ม “เพิ่มการฝึกอบรม”) เพื่อบันทึกครั้งแรกพร้อมผู้เข้าร่วม</translation>
    </message>
    <message>
        <source>At least {count} of {total} trainings…</source>
        <translation>อย่างน้อย {count} จาก {total} ครั้ง…</translation>
    </message>
    <message>
        <source>{count} of {total} trainings</source>
        <translation>{count} จาก {total} ครั้ง</translation>
    </message>
</context>
</TS>
