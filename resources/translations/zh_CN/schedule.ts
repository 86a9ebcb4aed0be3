<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CoverageModel</name>
    <message>
        <source> (at most %1 h on breaks, meetings or training)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2:00–%3:00 — %4 on shift, %5 staffed hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotaWeekModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shifts, %2 including breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People with a shift starting this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleWorkspace</name>
    <message>
        <source>%1 shifts · %2 people · %3 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 working, %2 on a break, meeting or training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the rota: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft — not yet published (revision %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every desk sees it at once, and the audit log records it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the rota of the week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It becomes revision %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It becomes revision %1; revision %2 stays as history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rota for this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rota for this week yet — a scheduler builds and publishes it here; `floorwalker demo` creates a demo center with a published rota for the current week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is on shift by the published rota right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On shift now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick any day to see its week; weeks with a rota are in bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish draft revision %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the rota for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish this draft: every desk sees it, the earlier published revision stays as history, and the audit log records it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish this week…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published by %1 on %2 · revision %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift templates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift times are center-local (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staffed hours in each center-local hour: shift time minus breaks, meetings and training (9 people through a 15-minute stand-up give 6.8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rota for %1 cannot be published yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1 · %2 – %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a draft of revision %1 is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only schedulers publish rotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>forecast</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 – %3 (%4 days), each day forecast from the data before it. At %5 minutes: WAPE %6 (same interval last week %7, Poisson noise floor %8); %9 of the actuals inside the 80 % band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % of the time the actual is above this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 % of the time the actual is below this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 %: %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AHT (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust a day or the selected intervals (promotion, holiday eve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the forecast of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustments this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>Agents on the phones by Erlang C at the queue&apos;s service-level target, before shrinkage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtesting the forecast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts expected in the 15 minutes (statistical forecast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the forecast: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error by hour of day (WAPE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast every day of the period from the data before it only, and compare with what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast this queue&apos;s week from its history (seasonality, trend, the center&apos;s holidays) with an 80 % band; adjustments are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast vs actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast vs actual per %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecasting day %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import call records exported from another platform (CSV or XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the forecast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply the forecast by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No queue yet: import the center&apos;s call history first (Import history…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a queue and a past period, then Run backtest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Make forecast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the backtest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the volume to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adjustment is kept with the forecast of this week (also when it is made again), shown in the table, used by staffing and recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backtest did not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volume after the scheduler&apos;s adjustments; staffing uses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAPE (weighted absolute percentage error) and, in brackets, bias (positive: too high)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1 of %2 · made by %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week %1 of %2: no forecast yet for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week total: %1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actual %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before adjustments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. promotion on the website, eve of the Spring Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forecast %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the history of %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holiday: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same interval last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same week %1 earlier weeks (1-hour average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rota_editor</name>
    <message>
        <source>%1 %2–%3: who covers? Only agents who keep 11 h rest and a day off, share a skill and have no time off are listed (R-SCH-5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added since the published rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against revision %1: %2 added, %3 changed, %4 removed, %5 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agent (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since the published rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract: %1 h a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the published rota of this week into a draft to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the rota: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Draft (%1) · %2 shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a bar to move it, drag its edge to change its length (or ←/→, Shift+←/→ on the selected shift), right-click for more, Delete removes it; Ctrl+Z undoes. Hatched: approved time off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Expected service level, week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Gap to the bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intervals covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It still breaks %1 hard rules (see the list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower bound (LP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark sick and call in cover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quality figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rota for this week yet — solve to make a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule broken: rest, days off, contract hours, availability and skills are all kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>Nobody — leave the shift open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is published for this week yet: every shift is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise the week again; pinned shifts are kept as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise the week of %1 again. %2 pinned shifts are kept; the result replaces the draft. Time limit in seconds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin (a new solve keeps it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned: a new solve keeps this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish this draft of the week of %1 (%2 shifts)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rota editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rota, week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule violations: %1 (%2 hard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing published revision %1 — start a draft to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solve the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solving the rota…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The week before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zooms the grid and the charts to one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below it: coverage given up by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied from revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected service level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the solver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published revision %1 stays in force until you publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only (schedulers edit rotas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— solve to get one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>(backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift without template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timeoff</name>
    <message>
        <source>%1 shifts (%2 h) in the %3 would go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already short, and shorter still:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage impact of approving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New time-off request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interval drops below the requirement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to see what approving it would do to the rota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the coverage impact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would drop below the requirement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rota yet — the solver will plan around approved time off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no shift in the %1 during this time; approving costs no coverage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>published rota</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rota editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
