<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NotificationBell</name>
    <message>
        <source>%n unread notification(s)</source>
        <translation>%n 条未读通知</translation>
    </message>
    <message>
        <source>Floorwalker</source>
        <translation>Floorwalker</translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>没有未读通知</translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>No notifications yet.</source>
        <translation>暂无通知。</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Open %1 #%2</source>
        <translation>打开%1 #%2</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source> (+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
</context>
<context>
    <name>notifications</name>
    <message>
        <source>%1 #%2 has no page to open it in yet.</source>
        <translation>%1 #%2 暂无可打开的页面。</translation>
    </message>
    <message>
        <source>QA dispute</source>
        <translation>质检申诉</translation>
    </message>
    <message>
        <source>QA draw</source>
        <translation>质检抽检</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>live alert</source>
        <translation>实时告警</translation>
    </message>
    <message>
        <source>quarterly review</source>
        <translation>季度复盘</translation>
    </message>
</context>
</TS>
