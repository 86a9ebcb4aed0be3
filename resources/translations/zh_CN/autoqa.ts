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
        <source>, </source>
        <translation>，</translation>
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
        <translation>在线会话</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>无法检查</translation>
    </message>
    <message>
        <source>Could not load the automatic checks: {e}</source>
        <translation>无法加载自动检查结果：{e}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>未通过的检查</translation>
    </message>
    <message>
        <source>First reply ≤ 30 s (R-RESP-1)</source>
        <translation>首次回复 ≤ 30 秒（R-RESP-1）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>No checked conversations in this period. Import transcripts (floorwalker import transcripts) — the auto-QA job checks them every 5 minutes.</source>
        <translation>本期间没有已检查的会话。请导入会话记录（floorwalker import transcripts），自动质检任务每 5 分钟检查一次。</translation>
    </message>
    <message>
        <source>No forbidden phrases (R-QA-3)</source>
        <translation>无禁用语（R-QA-3）</translation>
    </message>
    <message>
        <source>No transcript for this interaction.</source>
        <translation>该联络没有会话记录。</translation>
    </message>
    <message>
        <source>Not checked yet — the auto-QA job checks new conversations every 5 minutes.</source>
        <translation>尚未检查 — 自动质检任务每 5 分钟检查一次新会话。</translation>
    </message>
    <message>
        <source>Polite address 您 (R-QA-3)</source>
        <translation>使用敬语“您”（R-QA-3）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Rating requested (R-QA-4)</source>
        <translation>邀请评价（R-QA-4）</translation>
    </message>
    <message>
        <source>Replies ≤ 60 s (R-RESP-2)</source>
        <translation>回复 ≤ 60 秒（R-RESP-2）</translation>
    </message>
    <message>
        <source>Select a conversation to read its transcript.</source>
        <translation>选择一个会话以查看会话记录。</translation>
    </message>
    <message>
        <source>Standard greeting (R-QA-3)</source>
        <translation>标准问候语（R-QA-3）</translation>
    </message>
    <message>
        <source>Summary and confirmation (R-QA-3)</source>
        <translation>总结并确认（R-QA-3）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>会话记录</translation>
    </message>
    <message>
        <source>Transfer within 2 min (R-SLA-2)</source>
        <translation>2 分钟内转接（R-SLA-2）</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>未知发送方</translation>
    </message>
    <message>
        <source>all passed</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <source>replied after {s} s</source>
        <translation>{s} 秒后回复</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{f} of {n} conversations failed — select to list them</source>
        <translation>{n} 个会话中 {f} 个未通过 — 选中可列出</translation>
    </message>
    <message>
        <source>{n} conversations checked by {a} agents. Select a cell to list the conversations failing that check.</source>
        <translation>{a} 名坐席的 {n} 个会话已检查。选中单元格可列出未通过该项检查的会话。</translation>
    </message>
    <message>
        <source>… ({n} characters in all)</source>
        <translation>……（共 {n} 个字符）</translation>
    </message>
</context>
</TS>
