<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>imports</name>
    <message>
        <source>%1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the first %2 rows read; times in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 skipped in %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped rows saved to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would be skipped (in red).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(row content) %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Preview: the first rows as they would be stored (nothing is written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV (any delimiter or encoding, GBK included) or an XLSX export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time of 0:00:00 means it did not happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call records (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the mapping a name first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import call history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: the rows saved so far stay; import the same file again to continue where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported up to row %1 of about %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping %1 saved: choose it next time from Saved mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping complete: checking the first %1 rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New queues: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Outcome values in the first rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows to skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save skipped rows as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the skipped rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file has no column %1 of the mapping %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (e.g. %Y-%m-%d, %y%m%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bank-export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one queue for all rows (when no column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the center&apos;s: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values meaning no agent, e.g. NO_SERVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— guessed from the header —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
