<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>(rule set v{v})</source>
        <translation>（规则集 v{v}）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Auto-QA</source>
        <translation>自动质检</translation>
    </message>
    <message>
        <source>Automatic checks</source>
        <translation>自动检查</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the automatic checks: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checked conversations in this period. Import transcripts (floorwalker import transcripts) — the auto-QA job checks them every 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript for this interaction.</source>
        <translation>该接待没有会话记录。</translation>
    </message>
    <message>
        <source>Not checked yet — the auto-QA job checks new conversations every 5 minutes.</source>
        <translation>尚未检查 — 自动质检任务每 5 分钟检查一次新会话。</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>会话记录</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>未知发送方</translation>
    </message>
    <message>
        <source>all passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied after {s} s</source>
        <translation>{s} 秒后回复</translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{f} of {n} conversations failed — select to list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conversations checked by {a} agents. Select a cell to list the conversations failing that check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… ({n} characters in all)</source>
        <translation>……（共 {n} 个字符）</translation>
    </message>
</context>
</TS>
