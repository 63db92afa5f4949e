<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>BackupSettingsGroup</name>
    <message>
        <source>Backups</source>
        <translation>การสำรองข้อมูล</translation>
    </message>
    <message>
        <source>This register is on a database server: its backups are the server&apos;s, made by whoever runs it, not by this program.</source>
        <translation>ทะเบียนนี้อยู่บนเซิร์ฟเวอร์ฐานข้อมูล การสำรองข้อมูลเป็นหน้าที่ของเซิร์ฟเวอร์และผู้ดูแลเซิร์ฟเวอร์ ไม่ใช่ของโปรแกรมนี้</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>เลือกโฟลเดอร์(&amp;C)…</translation>
    </message>
    <message>
        <source>Keep the backups in another folder: a USB drive or a shared folder</source>
        <translation>เก็บไฟล์สำรองไว้ในโฟลเดอร์อื่น เช่น ไดรฟ์ USB หรือโฟลเดอร์ที่แชร์ไว้</translation>
    </message>
    <message>
        <source>Use the &amp;default</source>
        <translation>ใช้โฟลเดอร์ตั้งต้น(&amp;D)</translation>
    </message>
    <message>
        <source>Keep the backups in the program&apos;s own folder on this computer</source>
        <translation>เก็บไฟล์สำรองไว้ในโฟลเดอร์ของโปรแกรมบนเครื่องนี้</translation>
    </message>
    <message>
        <source>Back up &amp;automatically when the program closes and once a day while it is open</source>
        <translation>สำรองข้อมูลอัตโนมัติเมื่อปิดโปรแกรม และวันละครั้งระหว่างที่เปิดโปรแกรมอยู่(&amp;A)</translation>
    </message>
    <message>
        <source>The program keeps the newest backup of each of the last 7 days, 4 weeks and 12 months, and removes older ones only after a new one has been checked.</source>
        <translation>โปรแกรมเก็บไฟล์สำรองล่าสุดของแต่ละวันย้อนหลัง 7 วัน แต่ละสัปดาห์ 4 สัปดาห์ และแต่ละเดือน 12 เดือน และจะลบไฟล์เก่าก็ต่อเมื่อไฟล์ใหม่ผ่านการตรวจแล้วเท่านั้น</translation>
    </message>
    <message>
        <source>A backup holds the whole register, citizen IDs included: keep it where only the office can reach it.</source>
        <translation>ไฟล์สำรองมีข้อมูลทั้งทะเบียน รวมถึงเลขประจำตัวประชาชน จึงควรเก็บไว้ในที่ที่เฉพาะสำนักงานเข้าถึงได้</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>โฟลเดอร์:</translation>
    </message>
    <message>
        <source>Default folder:</source>
        <translation>โฟลเดอร์ตั้งต้น:</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>เลือกโฟลเดอร์เก็บไฟล์สำรอง</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>Looking for backups…</source>
        <translation>กำลังดูไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>Backups are kept in {folder}. File → Back up now makes one.</source>
        <translation>ไฟล์สำรองเก็บไว้ที่ {folder} สำรองเดี๋ยวนี้ได้ที่ ไฟล์ → สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Backup folder not found: {folder}</source>
        <translation>ไม่พบโฟลเดอร์สำรองข้อมูล: {folder}</translation>
    </message>
    <message>
        <source>Plug in the drive the backups go to, or choose another folder in the settings.</source>
        <translation>เสียบไดรฟ์ที่ใช้เก็บไฟล์สำรอง หรือเลือกโฟลเดอร์อื่นในหน้าตั้งค่า</translation>
    </message>
    <message>
        <source>No backup of this register yet</source>
        <translation>ยังไม่มีไฟล์สำรองของทะเบียนนี้</translation>
    </message>
    <message>
        <source>Last backup {when}, {days} days ago</source>
        <translation>สำรองล่าสุด {when} ผ่านมาแล้ว {days} วัน</translation>
    </message>
    <message>
        <source>Last backup {when}</source>
        <translation>สำรองล่าสุด {when}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <source>The automatic backup failed</source>
        <translation>สำรองข้อมูลอัตโนมัติไม่สำเร็จ</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>กำลังสำรองข้อมูลทะเบียน…</translation>
    </message>
    <message>
        <source>Backed up {when} to {file}</source>
        <translation>สำรองข้อมูลแล้ว {when} ไปที่ {file}</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>กำลังปิดโปรแกรม</translation>
    </message>
    <message>
        <source>Backing up the register before the program closes…</source>
        <translation>กำลังสำรองข้อมูลทะเบียนก่อนปิดโปรแกรม…</translation>
    </message>
    <message>
        <source>Finishing the backup under way…</source>
        <translation>กำลังรอให้การสำรองข้อมูลที่ทำอยู่เสร็จ…</translation>
    </message>
    <message>
        <source>The backup on closing failed:
{reason}

The program closes all the same; what you saved is in the register.</source>
        <translation>สำรองข้อมูลก่อนปิดโปรแกรมไม่สำเร็จ:
{reason}

โปรแกรมจะปิดตามปกติ ข้อมูลที่บันทึกแล้วยังอยู่ในทะเบียนครบ</translation>
    </message>
    <message>
        <source>an internal error (its details are in the program&apos;s log)</source>
        <translation>เกิดข้อผิดพลาดภายในโปรแกรม (รายละเอียดอยู่ในไฟล์บันทึกของโปรแกรม)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>การสำรองข้อมูล</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>กู้คืนข้อมูล</translation>
    </message>
    <message>
        <source>Restoring the register from the backup…</source>
        <translation>กำลังกู้คืนทะเบียนจากไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>The backup of {office} made {when}.</source>
        <translation>ไฟล์สำรองของ{office} เมื่อ {when}</translation>
    </message>
    <message>
        <source>The backup of {office} in {file} (when it was made is not known).</source>
        <translation>ไฟล์สำรองของ{office} ในไฟล์ {file} (ไม่ทราบว่าสำรองเมื่อใด)</translation>
    </message>
    <message>
        <source>It holds {entrepreneurs} entrepreneurs and {products} products; the newest registration number is {number}.</source>
        <translation>มีผู้ประกอบการ {entrepreneurs} ราย ผลิตภัณฑ์ {products} รายการ เลขทะเบียนล่าสุดคือ {number}</translation>
    </message>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} เวลา {time} น.</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>สำรองเอง</translation>
    </message>
    <message>
        <source>Daily, automatic</source>
        <translation>อัตโนมัติรายวัน</translation>
    </message>
    <message>
        <source>On closing, automatic</source>
        <translation>อัตโนมัติเมื่อปิดโปรแกรม</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>กู้คืนจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>The backups of this register in {folder}, newest first. Choose the one to go back to. What was saved after it is not in it. The register as it is now is not deleted: it is set aside beside it, and can be restored again.</source>
        <translation>ไฟล์สำรองของทะเบียนนี้ใน {folder} เรียงจากล่าสุด เลือกไฟล์ที่ต้องการย้อนกลับไป ข้อมูลที่บันทึกหลังจากนั้นจะไม่มีในไฟล์สำรอง ทะเบียนปัจจุบันจะไม่ถูกลบ แต่จะย้ายไปเก็บไว้ข้าง ๆ และกู้คืนกลับมาได้อีก</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>สำรองเมื่อ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ประเภท</translation>
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
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>Newest registration number</source>
        <translation>เลขทะเบียนล่าสุด</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>กำลังอ่านรายการไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Restore a backup from another folder or drive (a .otopbackup file)</source>
        <translation>กู้คืนจากไฟล์สำรองในโฟลเดอร์หรือไดรฟ์อื่น (ไฟล์ .otopbackup)</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>กู้คืน…</translation>
    </message>
    <message>
        <source>{n} backups. Each was checked when it was made.</source>
        <translation>ไฟล์สำรอง {n} ไฟล์ ทุกไฟล์ผ่านการตรวจแล้วเมื่อสำรอง</translation>
    </message>
    <message>
        <source>There is no backup of this register in this folder yet.</source>
        <translation>ยังไม่มีไฟล์สำรองของทะเบียนนี้ในโฟลเดอร์นี้</translation>
    </message>
    <message>
        <source>The backup folder is not there (a USB drive not plugged in?). Plug it in and open this window again, or choose a backup file.</source>
        <translation>ไม่พบโฟลเดอร์สำรองข้อมูล (ยังไม่ได้เสียบไดรฟ์ USB หรือไม่) เสียบไดรฟ์แล้วเปิดหน้าต่างนี้ใหม่ หรือเลือกไฟล์สำรองเอง</translation>
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
        <source>Checking the backup…</source>
        <translation>กำลังตรวจไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>{file} is a backup of another register ({office}), not of this one. Nothing was restored.</source>
        <translation>{file} เป็นไฟล์สำรองของทะเบียนอื่น ({office}) ไม่ใช่ของทะเบียนนี้ จึงไม่ได้กู้คืน</translation>
    </message>
    <message>
        <source>{holds}

Restore it? The register goes back to what this backup holds.

The register as it is now is not deleted: it is set aside in {folder} as {aside} and can be restored again. The program then opens the restored register.</source>
        <translation>{holds}

กู้คืนจากไฟล์นี้หรือไม่ ทะเบียนจะย้อนกลับไปเป็นตามที่อยู่ในไฟล์สำรองนี้

ทะเบียนปัจจุบันจะไม่ถูกลบ แต่จะย้ายไปเก็บไว้ใน {folder} ชื่อ {aside} และกู้คืนกลับมาได้อีก จากนั้นโปรแกรมจะเปิดทะเบียนที่กู้คืนแล้ว</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>ไม่กู้คืน</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <source>…and {n} more</source>
        <translation>…และอีก {n} รายการ</translation>
    </message>
    <message>
        <source>The register failed its check when the program started: the file is damaged.</source>
        <translation>ทะเบียนไม่ผ่านการตรวจเมื่อเปิดโปรแกรม ไฟล์ทะเบียนเสียหาย</translation>
    </message>
    <message>
        <source>Nothing more is saved to it.</source>
        <translation>โปรแกรมจะไม่บันทึกข้อมูลลงในทะเบียนนี้อีก</translation>
    </message>
    <message>
        <source>Restore it from a backup (File → Restore from a backup…). The damaged register is set aside, not deleted.</source>
        <translation>กรุณากู้คืนจากไฟล์สำรอง (ไฟล์ → กู้คืนจากไฟล์สำรอง…) ทะเบียนที่เสียหายจะถูกย้ายไปเก็บไว้ ไม่ถูกลบ</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>กู้คืนจากไฟล์สำรอง…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
</context>
</TS>
