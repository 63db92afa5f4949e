<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>HelpDialog</name>
    <message>
        <source>Guide to OTOP Desktop</source>
        <translation>คู่มือ OTOP Desktop</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>ย้อนกลับ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>สารบัญ(&amp;C)</translation>
    </message>
</context>
</TS>
