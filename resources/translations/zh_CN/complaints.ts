<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintDetailPanel</name>
    <message>
        <source>%1 on %2. A note for the timeline (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: resolve within %2 h of the first contact; at risk from 75 % of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note on %1 for its timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the feedback loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the loop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer told the result and asked for their opinion (R-FLOW-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments involved (R-FLOW-7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected resolution time told to the customer (R-FLOW-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last feedback %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback to the customer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what happened: the SLA clocks start and stop on these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a card to see the case and its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Temporary solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary solution offered while open (R-SLA-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer was told the result and asked for their opinion (R-FLOW-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer was told the result of %1. What is their opinion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is a duplicate: close it and link it to the case to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is %1 open again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the customer called back: the refund never arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsWorkspace</name>
    <message>
        <source>%1 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n case(s) selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(current filters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Any clock state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board or list (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the board: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N new case · arrows move between cards · Enter opens · Ctrl+→ / Ctrl+← next / previous stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the cases shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Filter: reference, summary, owner, team or customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason; it goes into the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most cases in %1 (0: no limit):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 back to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 to %2 skips %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this view (filters and mode):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card matches this filter. Clear the search or choose “All teams”, “All owners”, “All priorities” and “All categories”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open complaints or service requests for you to see, and none closed in the last %1 days. You see %2; cases of other teams are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open complaints or service requests, and none closed in the last %1 days. Press Ctrl+N to record one; cases logged on any desk appear here as soon as they are saved; a demo center (`floorwalker demo`) has cases in every stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the cases you own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: your role does not change complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a complaint or service request (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the cases shown (this filter, this order) as CSV or Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved views: filters and board or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select rows for bulk actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select rows for bulk actions (Shift/Ctrl+click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s left bar and countdown: where its most urgent running clock stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-in-progress limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cases you own</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportComplaintsDialog</name>
    <message>
        <source>%1 customers stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read, %2 ready, %3 with a problem (shown in red). Times in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 columns · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(by column names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also possible: %1 — check the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the importer reads them (ISO…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file exported from the other system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected from %1 dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing complaints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (e.g. the other system):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No single format reads all %1 sample dates; they are read one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview (first %1 rows, nothing saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save failed rows as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>%1 is a duplicate of which case? It is closed and linked to that case; its timeline is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case cannot be merged into itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name another case on the board by its reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give a reason: it goes into the case&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference of the case to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they are the same case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Assign owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner of the %n selected case(s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Please give a reason: it goes into the case&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordComplaintDialog</name>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expected resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department name has more than 120 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint category (R-FLOW-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer told:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments involved, separated by &apos;;&apos; (R-FLOW-7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New complaint or service request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered while the case is open (R-SLA-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority class (R-FLOW-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;mporary solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected resolution time is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expected resolution time is more than a year away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number should have 5 to 20 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resolution time told to the customer (R-FLOW-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary has more than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, what the customer wants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what the customer complains about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Logistics; Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageColumnWidget</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed in the last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the work-in-progress limit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to set a work-in-progress limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work-in-progress limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>As a supervisor you see the complaints and QA of the teams you supervise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As an agent you see only your own cases and interactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer details are confidential (R-SEC-2). Say why you need them: the reveal is recorded in the audit log with your name, this desk and your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer details cannot be shown: %1 Every desk of the center needs the same key file (FLOORWALKER_KEY_FILE or customer.key in the data folder); ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypt this customer&apos;s name, phone and e-mail; each reveal is audited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revealed for this selection only; the reveal is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show customer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show customer details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role sees every team of the center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teams: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teams: none yet — an administrator names each team&apos;s supervisor in Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. call the customer back about the refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <source>%1 (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A duplicate was merged into this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached %1: escalated to level %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosed by the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated to level %1 at %2 (%3 on the clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback loop closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judged complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key points recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager responded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked (R-SEC-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into another case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clock runs on this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress feedback to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service request answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 by the first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Supervisor involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System fault found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Temporary solution offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most urgent running clock and where it stands now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to the specialist team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting on the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warned %1: %2 of the target used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolve within %1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
</TS>
