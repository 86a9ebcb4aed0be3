<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>imports</name>
    <message>
        <source>%1 columns</source>
        <translation>%1 列</translation>
    </message>
    <message>
        <source>%1 new agents.</source>
        <translation>%1 名新坐席。</translation>
    </message>
    <message>
        <source>%1 of the first %2 rows read; times in %3.</source>
        <translation>已读取前 %2 行中的 %1 行；时间按 %3。</translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 skipped in %4 s.</source>
        <translation>读取 %1 行，导入 %2 行，跳过 %3 行，用时 %4 秒。</translation>
    </message>
    <message>
        <source>%1 skipped rows saved to %2.</source>
        <translation>%1 条跳过的行已保存到 %2。</translation>
    </message>
    <message>
        <source>%1 would be skipped (in red).</source>
        <translation>%1 行将被跳过（红色显示）。</translation>
    </message>
    <message>
        <source>%1-separated</source>
        <translation>%1分隔</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>(row content) %1…</source>
        <translation>（行内容）%1…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>1. File</source>
        <translation>1. 文件</translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation>2. 列</translation>
    </message>
    <message>
        <source>3. Preview: the first rows as they would be stored (nothing is written)</source>
        <translation>3. 预览：前几行将如何保存（不会写入）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>A CSV (any delimiter or encoding, GBK included) or an XLSX export</source>
        <translation>CSV（任意分隔符或编码，含 GBK）或 XLSX 导出文件</translation>
    </message>
    <message>
        <source>A time of 0:00:00 means it did not happen</source>
        <translation>时间为 0:00:00 表示未发生</translation>
    </message>
    <message>
        <source>Abandoned values</source>
        <translation>放弃的取值</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Answered values</source>
        <translation>接通的取值</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Arrival time *</source>
        <translation>到达时间 *</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Call id (unique; several columns joined)</source>
        <translation>通话 ID（唯一；可合并多列）</translation>
    </message>
    <message>
        <source>Call records (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>通话记录 (*.csv *.txt *.tsv *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose the export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer (phone; encrypted)</source>
        <translation>客户（电话；加密存储）</translation>
    </message>
    <message>
        <source>Date (when separate)</source>
        <translation>日期（单独一列时）</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日期格式</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Detected: </source>
        <translation>检测结果：</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Fixed queue</source>
        <translation>固定队列</translation>
    </message>
    <message>
        <source>Give the mapping a name first</source>
        <translation>请先为映射命名</translation>
    </message>
    <message>
        <source>Handle s</source>
        <translation>处理（秒）</translation>
    </message>
    <message>
        <source>Handle time (s)</source>
        <translation>处理时长（秒）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import call history</source>
        <translation>导入通话历史</translation>
    </message>
    <message>
        <source>Import cancelled: the rows saved so far stay; import the same file again to continue where it stopped.</source>
        <translation>导入已取消：已保存的行会保留；再次导入同一文件即可从中断处继续。</translation>
    </message>
    <message>
        <source>Imported up to row %1 of about %2</source>
        <translation>已导入至第 %1 行，共约 %2 行</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Mapping %1 saved: choose it next time from Saved mapping.</source>
        <translation>映射 %1 已保存：下次可在“已保存的映射”中选择。</translation>
    </message>
    <message>
        <source>Mapping complete: checking the first %1 rows…</source>
        <translation>映射已完成：正在检查前 %1 行…</translation>
    </message>
    <message>
        <source>New queues: %1.</source>
        <translation>新队列：%1。</translation>
    </message>
    <message>
        <source>No agent</source>
        <translation>无坐席</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Outcome (answered / abandoned)</source>
        <translation>结果（接通 / 放弃）</translation>
    </message>
    <message>
        <source>Outcome values in the first rows: %1</source>
        <translation>前几行中的结果取值：%1</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Queue / call type</source>
        <translation>队列 / 来电类型</translation>
    </message>
    <message>
        <source>Queue entry</source>
        <translation>进入队列</translation>
    </message>
    <message>
        <source>Queue exit</source>
        <translation>离开队列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Rows to skip</source>
        <translation>要跳过的行</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Save skipped rows as CSV…</source>
        <translation>将跳过的行另存为 CSV…</translation>
    </message>
    <message>
        <source>Save the mapping as</source>
        <translation>映射另存为</translation>
    </message>
    <message>
        <source>Save the skipped rows</source>
        <translation>保存跳过的行</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>已保存的映射</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Service end</source>
        <translation>服务结束</translation>
    </message>
    <message>
        <source>Service start (answered)</source>
        <translation>服务开始（接通）</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>跳过：%1</translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation>跳过：%1。</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>This file has no column %1 of the mapping %2</source>
        <translation>此文件没有映射 %2 中的列 %1</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Wait (s)</source>
        <translation>等待（秒）</translation>
    </message>
    <message>
        <source>Wait s</source>
        <translation>等待（秒）</translation>
    </message>
    <message>
        <source>about %1 rows</source>
        <translation>约 %1 行</translation>
    </message>
    <message>
        <source>auto (e.g. %Y-%m-%d, %y%m%d)</source>
        <translation>自动（例如 %Y-%m-%d、%y%m%d）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>comma-separated, e.g. %1</source>
        <translation>以逗号分隔，例如 %1</translation>
    </message>
    <message>
        <source>e.g. bank-export</source>
        <translation>例如 bank-export</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>one queue for all rows (when no column)</source>
        <translation>所有行使用同一队列（无队列列时）</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>the center&apos;s: %1</source>
        <translation>中心时区：%1</translation>
    </message>
    <message>
        <source>values meaning no agent, e.g. NO_SERVER</source>
        <translation>表示无坐席的取值，例如 NO_SERVER</translation>
    </message>
    <message>
        <source>— guessed from the header —</source>
        <translation>— 根据表头推测 —</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
</context>
</TS>
