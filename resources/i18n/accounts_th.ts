<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>AccountDialog</name>
    <message>
        <source>your own password, to hand on the signing key</source>
        <translation>รหัสผ่านของคุณเอง เพื่อส่งต่อกุญแจลงนาม</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Head of office</source>
        <translation>หัวหน้าสำนักงาน</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>ผู้ดูข้อมูล</translation>
    </message>
    <message>
        <source>Everything a clerk does, and manages accounts, unlocks sent months, sees full personal data, signs certificates and restores backups</source>
        <translation>ทำได้ทุกอย่างที่เจ้าหน้าที่ทำ และจัดการบัญชีผู้ใช้ ปลดล็อกเดือนที่ส่งแล้ว ดูข้อมูลส่วนบุคคลฉบับเต็ม ลงนามหนังสือรับรอง และกู้คืนข้อมูลสำรอง</translation>
    </message>
    <message>
        <source>Enters and edits the register, prints and exports</source>
        <translation>บันทึกและแก้ไขทะเบียน พิมพ์ และส่งออกไฟล์</translation>
    </message>
    <message>
        <source>Reads the register and prints masked lists</source>
        <translation>ดูทะเบียนและพิมพ์รายการที่ปิดบังข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>อย่างน้อย {n} ตัวอักษร</translation>
    </message>
    <message>
        <source>The two passwords are not the same</source>
        <translation>รหัสผ่านสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <source>Type the account name</source>
        <translation>กรุณาใส่ชื่อบัญชี</translation>
    </message>
    <message>
        <source>Type the password</source>
        <translation>กรุณาใส่รหัสผ่าน</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Account</source>
        <translation>บัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>ปิดใช้</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>ใช้งาน</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>&amp;Create the head&apos;s account…</source>
        <extracomment>A head set the screen-lock minutes: the running IdleLock takes them (set_minutes). The first head&apos;s account was made here (and logged in): the window starts its lock. Accounts were added or changed.</extracomment>
        <translation>สร้างบัญชีหัวหน้าสำนักงาน(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>เพิ่ม(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>ตั้งรหัสผ่านใหม่(&amp;R)…</translation>
    </message>
    <message>
        <source>Change r&amp;ole…</source>
        <translation>เปลี่ยนบทบาท(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>ปิดใช้(&amp;D)</translation>
    </message>
    <message>
        <source>Change &amp;my password…</source>
        <translation>เปลี่ยนรหัสผ่านของฉัน(&amp;M)…</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>บันทึก(&amp;S)</translation>
    </message>
    <message>
        <source>Screen lock</source>
        <translation>ล็อกหน้าจอ</translation>
    </message>
    <message>
        <source>Lock the screen &amp;after</source>
        <translation>ล็อกหน้าจอหลังจาก(&amp;A)</translation>
    </message>
    <message>
        <source>without use</source>
        <translation>ที่ไม่มีการใช้งาน</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>กุญแจลงนาม</translation>
    </message>
    <message>
        <source>Certificates are signed with the office&apos;s key, which only a head&apos;s password unlocks. Replace it when a copy of the register may have left the office.</source>
        <translation>หนังสือรับรองลงนามด้วยกุญแจของสำนักงาน ซึ่งปลดล็อกได้ด้วยรหัสผ่านของหัวหน้าสำนักงานเท่านั้น ควรเปลี่ยนกุญแจเมื่อสำเนาทะเบียนอาจหลุดออกไปนอกสำนักงาน</translation>
    </message>
    <message>
        <source>Replace the &amp;signing key…</source>
        <translation>เปลี่ยนกุญแจลงนาม(&amp;S)…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>บัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>This register has no accounts yet: whoever opens the program may do everything, nothing records who did what, and the signing key lies unencrypted in the register.</source>
        <translation>ทะเบียนนี้ยังไม่มีบัญชีผู้ใช้ ใครเปิดโปรแกรมก็ทำได้ทุกอย่าง ไม่มีการบันทึกว่าใครทำอะไร และกุญแจลงนามเก็บไว้ในทะเบียนโดยไม่ได้เข้ารหัส</translation>
    </message>
    <message>
        <source>Create the head of office&apos;s account to begin using accounts.</source>
        <translation>สร้างบัญชีหัวหน้าสำนักงานเพื่อเริ่มใช้บัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>Logged in as {name} ({role}).</source>
        <translation>เข้าสู่ระบบเป็น {name} ({role})</translation>
    </message>
    <message>
        <source>Only a head of office adds accounts, resets passwords, changes roles, and sets the screen lock. You can see the accounts here and change your own password.</source>
        <translation>เฉพาะหัวหน้าสำนักงานที่เพิ่มบัญชี ตั้งรหัสผ่านใหม่ให้ผู้อื่น เปลี่ยนบทบาท และตั้งเวลาล็อกหน้าจอได้ คุณดูรายชื่อบัญชีและเปลี่ยนรหัสผ่านของตนเองได้ที่หน้านี้</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>เปิดใช้(&amp;E)</translation>
    </message>
    <message>
        <source>Disable {name}&apos;s account? {name} can no longer log in.</source>
        <translation>ปิดใช้บัญชี {name} หรือไม่ {name} จะเข้าสู่ระบบไม่ได้อีก</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>ปิดใช้</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>ไม่ปิด</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add an account</source>
        <translation>เพิ่มบัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>เพิ่ม(&amp;A)</translation>
    </message>
    <message>
        <source>letters, digits, . - _ @</source>
        <translation>ตัวอักษร ตัวเลข . - _ @</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>ชื่อบัญชี(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>บทบาท(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>รหัสผ่าน(&amp;P):</translation>
    </message>
    <message>
        <source>R&amp;epeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Your password:</source>
        <translation>รหัสผ่านของคุณ(&amp;Y):</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>เปลี่ยนรหัสผ่านของฉัน</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>เปลี่ยน(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>รหัสผ่านเดิม(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>รหัสผ่านใหม่(&amp;N):</translation>
    </message>
    <message>
        <source>R&amp;epeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;E):</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change {name}&apos;s role</source>
        <translation>เปลี่ยนบทบาทของ {name}</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>เปลี่ยน(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>บทบาท(&amp;R):</translation>
    </message>
    <message>
        <source>Their &amp;new password:</source>
        <translation>รหัสผ่านใหม่ของบัญชีนี้(&amp;N):</translation>
    </message>
    <message>
        <source>R&amp;epeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Your password:</source>
        <translation>รหัสผ่านของคุณ(&amp;Y):</translation>
    </message>
</context>
<context>
    <name>FirstHeadDialog</name>
    <message>
        <source>The head of office&apos;s account</source>
        <extracomment>QSettings key (per register id) set once the first head was asked for on this computer.</extracomment>
        <translation>บัญชีหัวหน้าสำนักงาน</translation>
    </message>
    <message>
        <source>Create the head of office&apos;s account</source>
        <translation>สร้างบัญชีหัวหน้าสำนักงาน</translation>
    </message>
    <message>
        <source>This register has no accounts yet: whoever opens the program may do everything, and the office&apos;s signing key lies unencrypted in the register file.

Create the account of the head of office. From then on everyone logs in with an account of their own, every change is recorded with who made it, and only a head&apos;s password unlocks the signing key. The head adds the clerks&apos; accounts on the Accounts page.</source>
        <translation>ทะเบียนนี้ยังไม่มีบัญชีผู้ใช้ ใครเปิดโปรแกรมก็ทำได้ทุกอย่าง และกุญแจลงนามของสำนักงานเก็บไว้ในไฟล์ทะเบียนโดยไม่ได้เข้ารหัส

สร้างบัญชีของหัวหน้าสำนักงาน จากนั้นทุกคนเข้าสู่ระบบด้วยบัญชีของตนเอง ทุกการแก้ไขจะบันทึกว่าใครเป็นผู้ทำ และกุญแจลงนามจะปลดล็อกได้ด้วยรหัสผ่านของหัวหน้าสำนักงานเท่านั้น หัวหน้าสำนักงานเพิ่มบัญชีของเจ้าหน้าที่ได้ที่หน้าบัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>e.g. somchai</source>
        <translation>เช่น somchai</translation>
    </message>
    <message>
        <source>Head&apos;s &amp;account name:</source>
        <translation>ชื่อบัญชีหัวหน้าสำนักงาน(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>รหัสผ่าน(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>สร้างบัญชี(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>ไว้ภายหลัง(&amp;N)</translation>
    </message>
    <message>
        <source>Go on without accounts; a head can be added later on the Accounts page</source>
        <translation>ใช้งานต่อโดยไม่มีบัญชีผู้ใช้ เพิ่มหัวหน้าสำนักงานภายหลังได้ที่หน้าบัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>ต่อไป(&amp;O)</translation>
    </message>
    <message>
        <source>Replace the signing key now?</source>
        <translation>เปลี่ยนกุญแจลงนามเดี๋ยวนี้หรือไม่</translation>
    </message>
    <message>
        <source>Until now the office&apos;s signing key lay unencrypted in the register, so every copy of the register made before today — backups, copies on USB sticks or on other computers — holds it and could sign certificates. A new key, which only a head&apos;s password unlocks, makes those copies unable to sign.

Certificates already signed with the old key keep verifying.</source>
        <translation>ที่ผ่านมากุญแจลงนามของสำนักงานเก็บไว้ในทะเบียนโดยไม่ได้เข้ารหัส สำเนาทะเบียนทุกชุดที่ทำไว้ก่อนวันนี้ ไม่ว่าจะเป็นข้อมูลสำรอง สำเนาในแฟลชไดรฟ์ หรือในเครื่องอื่น จึงมีกุญแจนี้อยู่และใช้ลงนามหนังสือรับรองได้ กุญแจใหม่ซึ่งปลดล็อกได้ด้วยรหัสผ่านของหัวหน้าสำนักงานเท่านั้น จะทำให้สำเนาเหล่านั้นลงนามไม่ได้

หนังสือรับรองที่ลงนามด้วยกุญแจเดิมแล้วยังตรวจสอบได้ตามเดิม</translation>
    </message>
    <message>
        <source>&amp;Make a new key now</source>
        <translation>สร้างกุญแจใหม่เดี๋ยวนี้(&amp;M)</translation>
    </message>
    <message>
        <source>A head can replace the key later on the Accounts page</source>
        <translation>หัวหน้าสำนักงานเปลี่ยนกุญแจภายหลังได้ที่หน้าบัญชีผู้ใช้</translation>
    </message>
    <message>
        <source>The new signing key is made</source>
        <translation>สร้างกุญแจลงนามใหม่แล้ว</translation>
    </message>
    <message>
        <source>Certificates are signed with the new key from now on. Printing one asks a head of office for the password once each time the program runs.</source>
        <translation>ต่อจากนี้หนังสือรับรองจะลงนามด้วยกุญแจใหม่ เมื่อพิมพ์หนังสือรับรอง โปรแกรมจะขอรหัสผ่านของหัวหน้าสำนักงานครั้งเดียวในแต่ละครั้งที่เปิดโปรแกรม</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>เสร็จสิ้น(&amp;F)</translation>
    </message>
    <message>
        <source>Making the new key…</source>
        <translation>กำลังสร้างกุญแจใหม่…</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>&amp;Close the program</source>
        <translation>ปิดโปรแกรม(&amp;C)</translation>
    </message>
    <message>
        <source>Locked – OTOP register</source>
        <translation>ล็อกหน้าจอแล้ว – ทะเบียน OTOP</translation>
    </message>
    <message>
        <source>Locked – log in again</source>
        <translation>ล็อกหน้าจอแล้ว – เข้าสู่ระบบอีกครั้ง</translation>
    </message>
    <message>
        <source>The screen was locked while nobody used it. {name} ({role}) was working: {name} or a head of office may go on.</source>
        <translation>หน้าจอถูกล็อกเพราะไม่มีการใช้งาน ผู้ที่ใช้งานอยู่คือ {name} ({role}) {name} หรือหัวหน้าสำนักงานเท่านั้นที่ใช้งานต่อได้</translation>
    </message>
    <message>
        <source>Only {name} or a head of office may unlock the screen</source>
        <translation>มีเพียง {name} หรือหัวหน้าสำนักงานที่ปลดล็อกหน้าจอได้</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in – OTOP register</source>
        <extracomment>Events that count as someone at the computer.</extracomment>
        <translation>เข้าสู่ระบบ – ทะเบียน OTOP</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>ชื่อบัญชี(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>รหัสผ่าน(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>เข้าสู่ระบบ(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Forgot your password?</source>
        <translation>ลืมรหัสผ่าน(&amp;F)?</translation>
    </message>
    <message>
        <source>Wait {n} s</source>
        <translation>รอ {n} วินาที</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Recover with the recovery code</source>
        <translation>กู้คืนด้วยรหัสกู้คืน</translation>
    </message>
    <message>
        <source>Forgot your password? Ask a head of office: a head sets a new one for you on the Accounts page.

Only when no head of office remembers a password: type the recovery code that was written down when the first head&apos;s account was made. It makes the account below a head of office with a new password.</source>
        <translation>ลืมรหัสผ่าน? ขอให้หัวหน้าสำนักงานตั้งรหัสผ่านใหม่ให้ที่หน้าบัญชีผู้ใช้

เฉพาะเมื่อไม่มีหัวหน้าสำนักงานคนใดจำรหัสผ่านได้: ใส่รหัสกู้คืนที่จดไว้เมื่อสร้างบัญชีหัวหน้าสำนักงานคนแรก บัญชีด้านล่างจะเป็นหัวหน้าสำนักงานพร้อมรหัสผ่านใหม่</translation>
    </message>
    <message>
        <source>Recovery &amp;code:</source>
        <translation>รหัสกู้คืน(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Account to make head:</source>
        <translation>บัญชีที่จะเป็นหัวหน้า(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>รหัสผ่านใหม่(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>กู้คืน(&amp;R)</translation>
    </message>
    <message>
        <source>Done. Write the new recovery code down now</source>
        <translation>เรียบร้อย จดรหัสกู้คืนใหม่ไว้เดี๋ยวนี้</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>ต่อไป(&amp;O)</translation>
    </message>
    <message>
        <source>The code you typed no longer works.</source>
        <translation>รหัสที่ใส่เมื่อครู่ใช้ไม่ได้อีกแล้ว</translation>
    </message>
    <message>
        <source>Type the recovery code</source>
        <translation>กรุณาใส่รหัสกู้คืน</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>รหัสกู้คืน</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePanel</name>
    <message>
        <source>Write this recovery code down now</source>
        <translation>จดรหัสกู้คืนนี้ไว้เดี๋ยวนี้</translation>
    </message>
    <message>
        <source>It is shown only this once. Keep it on paper somewhere safe, away from the computer (the office safe). When no head of office remembers a password, this code makes an account head again with a new password. Whoever holds it can do that, so do not keep it in a file on this computer.</source>
        <translation>รหัสนี้แสดงเพียงครั้งเดียว จดลงกระดาษแล้วเก็บไว้ในที่ปลอดภัยห่างจากเครื่องคอมพิวเตอร์ (เช่น ตู้เซฟของสำนักงาน) เมื่อไม่มีหัวหน้าสำนักงานคนใดจำรหัสผ่านได้ รหัสนี้จะทำให้บัญชีหนึ่งเป็นหัวหน้าสำนักงานอีกครั้งพร้อมรหัสผ่านใหม่ ใครมีรหัสนี้ก็ทำได้ จึงอย่าเก็บไว้เป็นไฟล์ในเครื่องนี้</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the code, e.g. to print it</source>
        <translation>คัดลอกรหัส เช่น เพื่อพิมพ์ออกมา</translation>
    </message>
    <message>
        <source>I have &amp;written the code down</source>
        <translation>จดรหัสไว้แล้ว(&amp;W)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>คัดลอกแล้ว</translation>
    </message>
</context>
<context>
    <name>ReplaceKeyDialog</name>
    <message>
        <source>Replace the signing key</source>
        <translation>เปลี่ยนกุญแจลงนาม</translation>
    </message>
    <message>
        <source>&amp;Make a new key</source>
        <translation>สร้างกุญแจใหม่(&amp;M)</translation>
    </message>
    <message>
        <source>Certificates signed from now on carry a new key. Do it when a copy of the register may have left the office with the old key in it — every copy made before the first head&apos;s account was created holds it unencrypted. Certificates signed with the old key keep verifying.</source>
        <translation>หนังสือรับรองที่ลงนามต่อจากนี้จะใช้กุญแจใหม่ ควรทำเมื่อสำเนาทะเบียนที่มีกุญแจเดิมอาจหลุดออกไปนอกสำนักงาน สำเนาทุกชุดที่ทำก่อนสร้างบัญชีหัวหน้าสำนักงานคนแรกมีกุญแจนี้โดยไม่ได้เข้ารหัส หนังสือรับรองที่ลงนามด้วยกุญแจเดิมยังตรวจสอบได้ตามเดิม</translation>
    </message>
    <message>
        <source>&amp;Your password:</source>
        <translation>รหัสผ่านของคุณ(&amp;Y):</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset {name}&apos;s password</source>
        <translation>ตั้งรหัสผ่านใหม่ให้ {name}</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>ตั้งรหัสผ่าน(&amp;S)</translation>
    </message>
    <message>
        <source>Give {name} the new password in person; they can change it afterwards on this page.</source>
        <translation>แจ้งรหัสผ่านใหม่แก่ {name} ด้วยตนเอง แล้วให้เปลี่ยนเองภายหลังที่หน้านี้</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>รหัสผ่านใหม่(&amp;N):</translation>
    </message>
    <message>
        <source>R&amp;epeat it:</source>
        <translation>ใส่รหัสผ่านอีกครั้ง(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Your password:</source>
        <translation>รหัสผ่านของคุณ(&amp;Y):</translation>
    </message>
</context>
<context>
    <name>UnlockSigningDialog</name>
    <message>
        <source>Unlock signing</source>
        <translation>ปลดล็อกการลงนาม</translation>
    </message>
    <message>
        <source>A head of office unlocks signing</source>
        <translation>หัวหน้าสำนักงานปลดล็อกการลงนาม</translation>
    </message>
    <message>
        <source>Certificates carry the office&apos;s signature, which a head of office unlocks with their password once each time the program runs. Until then certificates can only be previewed.</source>
        <translation>หนังสือรับรองมีลายมือชื่อดิจิทัลของสำนักงาน ซึ่งหัวหน้าสำนักงานปลดล็อกด้วยรหัสผ่านครั้งเดียวในแต่ละครั้งที่เปิดโปรแกรม ก่อนปลดล็อกจะดูตัวอย่างหนังสือรับรองได้เท่านั้น</translation>
    </message>
    <message>
        <source>Head&apos;s &amp;account name:</source>
        <translation>ชื่อบัญชีหัวหน้าสำนักงาน(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>รหัสผ่าน(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Unlock signing</source>
        <translation>ปลดล็อกการลงนาม(&amp;U)</translation>
    </message>
</context>
</TS>
