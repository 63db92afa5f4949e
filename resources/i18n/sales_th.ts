<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>SalesPage</name>
    <message>
        <source>Previous month (Ctrl+PgUp)</source>
        <extracomment>A save quicker than this shows no busy window (a district&apos;s month: well under it).</extracomment>
        <translation>เดือนก่อนหน้า (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Next month (Ctrl+PgDown)</source>
        <translation>เดือนถัดไป (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>ทุกอำเภอ</translation>
    </message>
    <message>
        <source>Find a reg. no. or name (Ctrl+F)</source>
        <translation>ค้นหาเลขทะเบียนหรือชื่อ (Ctrl+F)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>Save the whole month (Ctrl+S)</source>
        <translation>บันทึกยอดทั้งเดือน (Ctrl+S)</translation>
    </message>
    <message>
        <source>Unlock for changes…</source>
        <translation>ปลดล็อกเพื่อแก้ไข…</translation>
    </message>
    <message>
        <source>Open the month for changes again; it must then be sent again</source>
        <translation>เปิดให้แก้ไขงวดนี้อีกครั้ง แล้วต้องส่งจังหวัดใหม่</translation>
    </message>
    <message>
        <source>Monthly sales</source>
        <translation>ยอดจำหน่ายรายเดือน</translation>
    </message>
    <message>
        <source>Saving the figures of {period}…</source>
        <translation>กำลังบันทึกยอดจำหน่ายเดือน{period}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{period} was sent to the province&lt;/b&gt; on {when} by {user}. Its figures are read-only; to correct them, unlock the month — it must then be sent again.</source>
        <translation>&lt;b&gt;งวด {period} ส่งจังหวัดแล้ว&lt;/b&gt; เมื่อ {when} โดย {user} ยอดจำหน่ายของงวดนี้แก้ไขไม่ได้ หากต้องแก้ไข ให้ปลดล็อกงวดก่อน แล้วต้องส่งจังหวัดใหม่</translation>
    </message>
    <message>
        <source>&lt;b&gt;{period} was unlocked&lt;/b&gt; on {when} by {user} ({reason}). Export and send the month again once the figures are corrected.</source>
        <translation>&lt;b&gt;งวด {period} ปลดล็อกแล้ว&lt;/b&gt; เมื่อ {when} โดย {user} (เหตุผล: {reason}) เมื่อแก้ไขยอดเสร็จ ให้ส่งออกและส่งจังหวัดใหม่</translation>
    </message>
    <message>
        <source>Unlock {period}</source>
        <translation>ปลดล็อกงวด {period}</translation>
    </message>
    <message>
        <source>Why must the figures change? The reason is kept with the month.</source>
        <translation>เหตุผลที่ต้องแก้ไขยอด (บันทึกไว้กับงวดนี้)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>{period} is unlocked: correct the figures, save, then send it again.</source>
        <translation>ปลดล็อกงวด {period} แล้ว แก้ไขยอดแล้วบันทึก จากนั้นส่งจังหวัดใหม่</translation>
    </message>
    <message>
        <source>{month} B.E. {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>No active entrepreneurs are registered yet.</source>
        <translation>ยังไม่มีผู้ประกอบการที่ดำเนินกิจการอยู่ในทะเบียน</translation>
    </message>
    <message>
        <source>Saved the sales of {period} (entrepreneurs changed: {count}).</source>
        <translation>บันทึกยอดจำหน่ายเดือน{period} แล้ว (แก้ไข {count} ราย)</translation>
    </message>
    <message>
        <source>The sales of {period} have changes that are not saved.</source>
        <translation>ยอดจำหน่ายเดือน{period} มีการแก้ไขที่ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <source>Cells in red are wrong ({count}): correct them, then save.</source>
        <translation>ช่องสีแดงไม่ถูกต้อง ({count} ช่อง) กรุณาแก้ไขก่อนบันทึก</translation>
    </message>
    <message>
        <source>Changes not saved yet (Ctrl+S saves).</source>
        <translation>มีการแก้ไขที่ยังไม่ได้บันทึก (กด Ctrl+S เพื่อบันทึก)</translation>
    </message>
</context>
<context>
    <name>SalesSheetModel</name>
    <message>
        <source>{name} (baht)</source>
        <translation>{name} (บาท)</translation>
    </message>
    <message>
        <source>Reg. no. / product code</source>
        <translation>เลขทะเบียน / รหัสผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Figures given</source>
        <translation>กรอกยอดแบบ</translation>
    </message>
    <message>
        <source>Category not given yet (to complete)</source>
        <translation>ยังไม่ได้ระบุประเภทผลิตภัณฑ์ (ข้อมูลที่ต้องกรอกให้ครบ)</translation>
    </message>
    <message>
        <source>Products: {count}. Space switches between one figure for the whole business and a figure per product.</source>
        <translation>มีผลิตภัณฑ์ {count} รายการ กด Space เพื่อสลับระหว่างกรอกยอดรวมทั้งกิจการกับกรอกยอดรายผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>The sum of the products&apos; figures</source>
        <translation>ผลรวมของยอดรายผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>Not expected this month: {why}</source>
        <translation>ไม่ต้องรายงานเดือนนี้: {why}</translation>
    </message>
    <message>
        <source>{why}. These figures cannot be kept: press Delete to remove them.</source>
        <translation>{why} เก็บยอดนี้ไว้ไม่ได้ กด Delete เพื่อลบออก</translation>
    </message>
    <message>
        <source>per product</source>
        <translation>รายผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>whole business</source>
        <translation>รวมทั้งกิจการ</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>ไม่ต้องรายงาน</translation>
    </message>
    <message>
        <source>the figure of {name}</source>
        <translation>ยอดจำหน่ายของ {name}</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Totals of the month (baht)</source>
        <translation>ยอดรวมของเดือน (บาท)</translation>
    </message>
    <message>
        <source>Show or hide the totals by product category</source>
        <translation>แสดงหรือซ่อนยอดรวมตามประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <source>All sales</source>
        <translation>ยอดจำหน่ายทั้งหมด</translation>
    </message>
    <message>
        <source>Sold online</source>
        <translation>ขายออนไลน์</translation>
    </message>
    <message>
        <source>{reported} of {count} entrepreneurs have figures</source>
        <translation>กรอกยอดแล้ว {reported} จาก {count} ราย</translation>
    </message>
    <message>
        <source>({count} not expected this month)</source>
        <translation>(ไม่ต้องรายงานเดือนนี้ {count} ราย)</translation>
    </message>
    <message>
        <source>Whole business</source>
        <translation>รวมทั้งกิจการ</translation>
    </message>
</context>
</TS>
