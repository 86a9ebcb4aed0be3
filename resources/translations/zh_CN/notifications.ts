<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NotificationBell</name>
    <message>
        <source>%n unread notification(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floorwalker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <source>Mark all read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 #%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source> (+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notifications</name>
    <message>
        <source>%1 #%2 has no page to open it in yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
