<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CoverageModel</name>
    <message>
        <source> (at most %1 h on breaks, meetings or training)</source>
        <translation>（最多 %1 小时用于休息、会议或培训）</translation>
    </message>
    <message>
        <source>%1 %2:00–%3:00 — %4 on shift, %5 staffed hours</source>
        <translation>%1 %2:00–%3:00 — 在班 %4 人，有效工时 %5 小时</translation>
    </message>
</context>
<context>
    <name>RotaWeekModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 on shift</source>
        <translation>在班 %1 人</translation>
    </message>
    <message>
        <source>%1 shifts, %2 including breaks</source>
        <translation>%1 个班次，%2（含休息）</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Level: %1</source>
        <translation>级别：%1</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>People with a shift starting this day</source>
        <translation>当天开始班次的人数</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>ScheduleWorkspace</name>
    <message>
        <source>%1 shifts · %2 people · %3 hours</source>
        <translation>%1 个班次 · %2 人 · %3 小时</translation>
    </message>
    <message>
        <source>%1 working, %2 on a break, meeting or training</source>
        <translation>%1 人在岗，%2 人在休息、会议或培训</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Could not load the rota: %1</source>
        <translation>无法加载排班表：%1</translation>
    </message>
    <message>
        <source>Coverage by hour</source>
        <translation>每小时覆盖</translation>
    </message>
    <message>
        <source>Draft — not yet published (revision %1)</source>
        <translation>草稿 — 尚未发布（第 %1 版）</translation>
    </message>
    <message>
        <source>Every desk sees it at once, and the audit log records it.</source>
        <translation>所有席位会立即看到，审计日志会记录此次发布。</translation>
    </message>
    <message>
        <source>Go to the rota of the week of %1</source>
        <translation>转到 %1 那一周的排班表</translation>
    </message>
    <message>
        <source>It becomes revision %1.</source>
        <translation>将成为第 %1 版。</translation>
    </message>
    <message>
        <source>It becomes revision %1; revision %2 stays as history.</source>
        <translation>将成为第 %1 版；第 %2 版保留为历史记录。</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>No rota for this week</source>
        <translation>本周没有排班表</translation>
    </message>
    <message>
        <source>No rota for this week yet — a scheduler builds and publishes it here; `floorwalker demo` creates a demo center with a published rota for the current week.</source>
        <translation>本周还没有排班表 — 由排班员在此编制并发布；`floorwalker demo` 会创建一个带有本周已发布排班表的演示中心。</translation>
    </message>
    <message>
        <source>Nobody is on shift by the published rota right now.</source>
        <translation>按已发布的排班表，目前没有人在班。</translation>
    </message>
    <message>
        <source>On shift now: %1</source>
        <translation>当前在班：%1</translation>
    </message>
    <message>
        <source>Pick any day to see its week; weeks with a rota are in bold</source>
        <translation>选择任意一天查看其所在周；有排班表的周以粗体显示</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Publish draft revision %1…</source>
        <translation>发布草稿第 %1 版…</translation>
    </message>
    <message>
        <source>Publish the rota</source>
        <translation>发布排班表</translation>
    </message>
    <message>
        <source>Publish the rota for %1?</source>
        <translation>发布 %1 的排班表？</translation>
    </message>
    <message>
        <source>Publish this draft: every desk sees it, the earlier published revision stays as history, and the audit log records it</source>
        <translation>发布此草稿：所有席位都会看到，之前发布的版本保留为历史记录，审计日志会记录此次发布</translation>
    </message>
    <message>
        <source>Publish this week…</source>
        <translation>发布本周…</translation>
    </message>
    <message>
        <source>Published by %1 on %2 · revision %3</source>
        <translation>由 %1 于 %2 发布 · 第 %3 版</translation>
    </message>
    <message>
        <source>Shift templates:</source>
        <translation>班次模板：</translation>
    </message>
    <message>
        <source>Shift times are center-local (%1).</source>
        <translation>班次时间为中心当地时间（%1）。</translation>
    </message>
    <message>
        <source>Staffed hours in each center-local hour: shift time minus breaks, meetings and training (9 people through a 15-minute stand-up give 6.8).</source>
        <translation>中心当地每小时的有效工时：班次时长减去休息、会议和培训（9 人参加 15 分钟站会，计为 6.8）。</translation>
    </message>
    <message>
        <source>The rota for %1 cannot be published yet.</source>
        <translation>%1 的排班表暂时无法发布。</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>The week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Week %1 · %2 – %3</source>
        <translation>第 %1 周 · %2 – %3</translation>
    </message>
    <message>
        <source>a draft of revision %1 is in progress</source>
        <translation>第 %1 版草稿正在编辑中</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>未知日期</translation>
    </message>
    <message>
        <source>no team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>only schedulers publish rotas</source>
        <translation>只有排班员可以发布排班表</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一周</translation>
    </message>
</context>
<context>
    <name>forecast</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 per 15 min</source>
        <translation>每 15 分钟 %1</translation>
    </message>
    <message>
        <source>%1 queues</source>
        <translation>%1 个队列</translation>
    </message>
    <message>
        <source>%1 · %2 – %3 (%4 days), each day forecast from the data before it. At %5 minutes: WAPE %6 (same interval last week %7, Poisson noise floor %8); %9 of the actuals inside the 80 % band.</source>
        <translation>%1 · %2 – %3（%4 天），每天只用此前的数据预测。按 %5 分钟：WAPE %6（上周同时段 %7，泊松噪声下限 %8）；%9 的实际值落在 80 % 区间内。</translation>
    </message>
    <message>
        <source>80 % band</source>
        <translation>80 % 区间</translation>
    </message>
    <message>
        <source>80 % high</source>
        <translation>80 % 上限</translation>
    </message>
    <message>
        <source>80 % low</source>
        <translation>80 % 下限</translation>
    </message>
    <message>
        <source>80 % of the time the actual is above this</source>
        <translation>80 % 的情况下实际值高于此值</translation>
    </message>
    <message>
        <source>80 % of the time the actual is below this</source>
        <translation>80 % 的情况下实际值低于此值</translation>
    </message>
    <message>
        <source>80 %: %1–%2</source>
        <translation>80 %：%1–%2</translation>
    </message>
    <message>
        <source>AHT (s)</source>
        <translation>AHT（秒）</translation>
    </message>
    <message>
        <source>Adjust a day or the selected intervals (promotion, holiday eve)</source>
        <translation>调整某一天或所选时段（促销、节前）</translation>
    </message>
    <message>
        <source>Adjust the forecast of %1</source>
        <translation>调整 %1 的预测</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Adjustments this week</source>
        <translation>本周调整</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>Agents on the phones by Erlang C at the queue&apos;s service-level target, before shrinkage</source>
        <translation>按 Erlang C 在队列服务水平目标下需要的在线坐席数（未计缩减率）</translation>
    </message>
    <message>
        <source>All queues together</source>
        <translation>全部队列合计</translation>
    </message>
    <message>
        <source>Backtesting the forecast…</source>
        <translation>正在回测预测…</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Contacts expected in the 15 minutes (statistical forecast)</source>
        <translation>15 分钟内预计的联络量（统计预测）</translation>
    </message>
    <message>
        <source>Contacts per 15 minutes</source>
        <translation>每 15 分钟联络量</translation>
    </message>
    <message>
        <source>Could not load the forecast: %1</source>
        <translation>无法加载预测：%1</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Error by hour of day (WAPE)</source>
        <translation>按时段的误差（WAPE）</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation>预测准确度</translation>
    </message>
    <message>
        <source>Forecast every day of the period from the data before it only, and compare with what happened</source>
        <translation>用每天之前的数据预测该期间的每一天，并与实际情况比较</translation>
    </message>
    <message>
        <source>Forecast this queue&apos;s week from its history (seasonality, trend, the center&apos;s holidays) with an 80 % band; adjustments are kept</source>
        <translation>根据该队列的历史（季节性、趋势、中心节假日）预测本周，并给出 80 % 区间；已有调整会保留</translation>
    </message>
    <message>
        <source>Forecast vs actual</source>
        <translation>预测与实际</translation>
    </message>
    <message>
        <source>Forecast vs actual per %1 minutes</source>
        <translation>每 %1 分钟的预测与实际</translation>
    </message>
    <message>
        <source>Forecasting day %1 of %2…</source>
        <translation>正在预测第 %1 天，共 %2 天…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Import call records exported from another platform (CSV or XLSX)</source>
        <translation>导入从其他平台导出的通话记录（CSV 或 XLSX）</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入历史…</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Make forecast</source>
        <translation>生成预测</translation>
    </message>
    <message>
        <source>Making the forecast…</source>
        <translation>正在生成预测…</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Multiply the forecast by</source>
        <translation>将预测乘以</translation>
    </message>
    <message>
        <source>No adjustments this week. Select intervals (or a day) and press Adjust… for a promotion or a holiday eve; a reason is required and the audit log keeps it.</source>
        <translation>本周没有调整。选择时段（或某一天）后点击“调整…”，用于促销或节前等情况；必须填写原因，审计日志会保留记录。</translation>
    </message>
    <message>
        <source>No queue yet: import the center&apos;s call history first (Import history…).</source>
        <translation>还没有队列：请先导入中心的通话历史（导入历史…）。</translation>
    </message>
    <message>
        <source>Not on the clock: the clocks go forward, no contacts</source>
        <translation>时钟上不存在：夏令时拨快，无来电</translation>
    </message>
    <message>
        <source>Pick a queue and a past period, then Run backtest.</source>
        <translation>选择队列和过去的期间，然后点击“运行回测”。</translation>
    </message>
    <message>
        <source>Press Make forecast.</source>
        <translation>请点击“生成预测”。</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Remove adjustment</source>
        <translation>删除调整</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>排班表</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <source>Running the backtest…</source>
        <translation>正在运行回测…</translation>
    </message>
    <message>
        <source>Set the volume to</source>
        <translation>将联络量设为</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>That span is not on the clock: the clocks go forward then, and no contacts can arrive.</source>
        <translation>该时段在时钟上不存在：此时夏令时拨快，不会有来电。</translation>
    </message>
    <message>
        <source>The adjustment is kept with the forecast of this week (also when it is made again), shown in the table, used by staffing and recorded in the audit log.</source>
        <translation>调整与本周的预测一起保存（重新生成预测时也保留），显示在表中，用于人力计算，并记录在审计日志中。</translation>
    </message>
    <message>
        <source>The backtest did not run: %1</source>
        <translation>回测未运行：%1</translation>
    </message>
    <message>
        <source>The volume after the scheduler&apos;s adjustments; staffing uses it</source>
        <translation>排班员调整后的联络量；人力计算使用此值</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>The week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>The whole day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>WAPE (weighted absolute percentage error) and, in brackets, bias (positive: too high)</source>
        <translation>WAPE（加权平均绝对百分比误差），括号内为偏差（正值：偏高）</translation>
    </message>
    <message>
        <source>WAPE, %</source>
        <translation>WAPE，%</translation>
    </message>
    <message>
        <source>Week %1 of %2 · made by %3 on %4</source>
        <translation>%2 年第 %1 周 · 由 %3 于 %4 生成</translation>
    </message>
    <message>
        <source>Week %1 of %2: no forecast yet for %3.</source>
        <translation>%2 年第 %1 周：%3 还没有预测。</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Week total: %1 contacts</source>
        <translation>本周合计：%1 个联络</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>actual %1</source>
        <translation>实际 %1</translation>
    </message>
    <message>
        <source>before adjustments</source>
        <translation>调整前</translation>
    </message>
    <message>
        <source>before adjustments: %1</source>
        <translation>调整前：%1</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联络数</translation>
    </message>
    <message>
        <source>e.g. promotion on the website, eve of the Spring Festival</source>
        <translation>例如：官网促销、春节前夕</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>forecast %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <source>from the history of %1 – %2</source>
        <translation>依据 %1 – %2 的历史</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>holiday: %1 %2</source>
        <translation>节假日：%1 %2</translation>
    </message>
    <message>
        <source>hour of day</source>
        <translation>时段（小时）</translation>
    </message>
    <message>
        <source>per 15 min</source>
        <translation>每 15 分钟</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>same interval last week</source>
        <translation>上周同时段</translation>
    </message>
    <message>
        <source>the same week %1 earlier weeks (1-hour average)</source>
        <translation>此前 %1 周的同一周（1 小时平均）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
</context>
<context>
    <name>replan</name>
    <message>
        <source> and %1 more</source>
        <translation>，另有 %1 段</translation>
    </message>
    <message>
        <source>%1 agents</source>
        <translation>%1 名坐席</translation>
    </message>
    <message>
        <source>%1 agents ticked</source>
        <translation>已勾选 %1 名坐席</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 → %2 agent-hours (without → with the re-plan)</source>
        <translation>%1 → %2 坐席小时（重新排班前 → 后）</translation>
    </message>
    <message>
        <source>%1: %2–%3 (%4 agent-hours)</source>
        <translation>%1：%2–%3（%4 坐席小时）</translation>
    </message>
    <message>
        <source>+%1 min</source>
        <translation>+%1 分钟</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agents went home sick? Everything before the time you give stays as it is. For the rest of the day the re-plan moves breaks that have not started, offers overtime and calls in agents who are off (R-SCH-5), keeping 11 h rest and a day off. Nothing is saved until you have reviewed the proposal and pressed Apply.</source>
        <translation>有坐席病假回家？所选时间之前的安排保持不变。对当天剩余时间，重新排班会移动尚未开始的休息、安排加班，并召回休息中的坐席（R-SCH-5），同时保证 11 小时休息间隔和每周一天休息日。在您审阅方案并点击“应用”之前，不会保存任何内容。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Break moved</source>
        <translation>休息已调整</translation>
    </message>
    <message>
        <source>Breaks moved</source>
        <translation>调整的休息</translation>
    </message>
    <message>
        <source>Called in</source>
        <translation>召回</translation>
    </message>
    <message>
        <source>Called in (R-SCH-5)</source>
        <translation>召回顶班（R-SCH-5）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Every interval of the rest of the day meets its requirement.</source>
        <translation>当天剩余时间的每个时段都满足需求人数。</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>查找坐席</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Goes home sick</source>
        <translation>病假回家</translation>
    </message>
    <message>
        <source>How long the optimiser may search (usually done in a second or two)</source>
        <translation>优化器最多可搜索多久（通常一两秒即可完成）</translation>
    </message>
    <message>
        <source>Marked sick for this day (time off or Mark sick in the editor)</source>
        <translation>当天已标记病假（休假记录或在编辑器中标记病假）</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>加班</translation>
    </message>
    <message>
        <source>Re-plan</source>
        <translation>重新排班</translation>
    </message>
    <message>
        <source>Re-plan of %1 from %2</source>
        <translation>%1 自 %2 起的重新排班</translation>
    </message>
    <message>
        <source>Re-plan proposal</source>
        <translation>重新排班方案</translation>
    </message>
    <message>
        <source>Re-plan the rest of the day</source>
        <translation>当天剩余时间重新排班</translation>
    </message>
    <message>
        <source>Sent home sick</source>
        <translation>病假回家</translation>
    </message>
    <message>
        <source>Shift removed (sick)</source>
        <translation>班次已取消（病假）</translation>
    </message>
    <message>
        <source>Shortfall for the rest of the day</source>
        <translation>当天剩余时间的缺口</translation>
    </message>
    <message>
        <source>Solved in %1 s (%2). Apply writes these changes to the draft as one edit: Ctrl+Z undoes it, and the audit log records it.</source>
        <translation>用时 %1 秒（%2）。“应用”会把这些变更作为一次编辑写入草稿：Ctrl+Z 可撤销，审计日志会记录。</translation>
    </message>
    <message>
        <source>Still short after calling in everyone allowed: %1</source>
        <translation>召回所有可用坐席后仍有缺口：%1</translation>
    </message>
    <message>
        <source>The re-plan changes nothing.</source>
        <translation>重新排班没有带来任何变更。</translation>
    </message>
    <message>
        <source>The re-plan starts at this quarter hour; earlier times are rounded down</source>
        <translation>重新排班从这一刻钟开始；非整刻钟的时间向下取整</translation>
    </message>
    <message>
        <source>Tick the agents who went home sick.</source>
        <translation>请勾选病假回家的坐席。</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Who went home sick?</source>
        <translation>谁病假回家了？</translation>
    </message>
    <message>
        <source>marked sick</source>
        <translation>已标记病假</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>the best found in the time limit</source>
        <translation>时间限制内找到的最佳方案</translation>
    </message>
</context>
<context>
    <name>rota_editor</name>
    <message>
        <source> and %1 more</source>
        <translation>，另有 %1 段</translation>
    </message>
    <message>
        <source>%1 %2–%3: who covers? Only agents who keep 11 h rest and a day off, share a skill and have no time off are listed (R-SCH-5).</source>
        <translation>%1 %2–%3：谁来顶班？只列出能保证 11 小时休息间隔和一天休息日、技能相符且没有休假的坐席（R-SCH-5）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 agents</source>
        <translation>%1 名坐席</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h scheduled</source>
        <translation>已排 %1 小时</translation>
    </message>
    <message>
        <source>%1: short of the requirement in %2 (%3 % of the intervals)</source>
        <translation>%1：需求人数不足的时段 %2（占 %3 % 的时段）</translation>
    </message>
    <message>
        <source>(continued)</source>
        <translation>（续）</translation>
    </message>
    <message>
        <source>(goal %1 %)</source>
        <translation>（目标 %1 %）</translation>
    </message>
    <message>
        <source>Add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <source>Added since the published rota</source>
        <translation>相对已发布排班表新增</translation>
    </message>
    <message>
        <source>Against revision %1: %2 added, %3 changed, %4 removed, %5 unchanged</source>
        <translation>与第 %1 版相比：新增 %2，变更 %3，删除 %4，未变 %5</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agent (%1)</source>
        <translation>坐席（%1）</translation>
    </message>
    <message>
        <source>Agents went home sick: re-optimise the rest of a day (breaks, overtime, call-ins, R-SCH-5) and review the proposal before it is applied; a published week is re-planned in a draft copy, published with Publish…</source>
        <translation>有坐席病假回家：重新优化当天剩余时间（休息、加班、召回，R-SCH-5），审阅方案后再应用；已发布的周在草稿副本中重新排班，通过“发布…”生效</translation>
    </message>
    <message>
        <source>Approved time off</source>
        <translation>已批准的休假</translation>
    </message>
    <message>
        <source>Changed since the published rota</source>
        <translation>相对已发布排班表有变更</translation>
    </message>
    <message>
        <source>Compare with published</source>
        <translation>与已发布版本比较</translation>
    </message>
    <message>
        <source>Contract: %1 h a week</source>
        <translation>合同：每周 %1 小时</translation>
    </message>
    <message>
        <source>Copy the published rota of this week into a draft to edit</source>
        <translation>将本周已发布的排班表复制为草稿进行编辑</translation>
    </message>
    <message>
        <source>Could not load the rota: %1</source>
        <translation>无法加载排班表：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Coverage per 15 minutes</source>
        <translation>每 15 分钟覆盖</translation>
    </message>
    <message>
        <source>Delete shift</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Draft (%1) · %2 shifts</source>
        <translation>草稿（%1）· %2 个班次</translation>
    </message>
    <message>
        <source>Drag a bar to move it, drag its edge to change its length (or ←/→, Shift+←/→ on the selected shift), right-click for more, Delete removes it; Ctrl+Z undoes. Hatched: approved time off.</source>
        <translation>拖动班次条可移动，拖动边缘可改变时长（或在选中的班次上按 ←/→、Shift+←/→），右键查看更多操作，Delete 删除；Ctrl+Z 撤销。斜线阴影：已批准的休假。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Expected service level, week</source>
        <translation>预计服务水平（全周）</translation>
    </message>
    <message>
        <source>Export rota</source>
        <translation>导出排班表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Gap to the bound</source>
        <translation>与下界的差距</translation>
    </message>
    <message>
        <source>Give to…</source>
        <translation>转给…</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Intervals covered</source>
        <translation>已覆盖时段</translation>
    </message>
    <message>
        <source>It still breaks %1 hard rules (see the list).</source>
        <translation>仍违反 %1 条硬性规则（见列表）。</translation>
    </message>
    <message>
        <source>Lower bound (LP)</source>
        <translation>下界（线性规划）</translation>
    </message>
    <message>
        <source>Mark sick</source>
        <translation>标记病假</translation>
    </message>
    <message>
        <source>Mark sick and call in cover…</source>
        <translation>标记病假并安排顶班…</translation>
    </message>
    <message>
        <source>No quality figures: %1</source>
        <translation>无质量指标：%1</translation>
    </message>
    <message>
        <source>No rota for this week yet — solve to make a draft</source>
        <translation>本周还没有排班表 — 求解后生成草稿</translation>
    </message>
    <message>
        <source>No rule broken: rest, days off, contract hours, availability and skills are all kept.</source>
        <translation>没有违反任何规则：休息间隔、休息日、合同工时、可用时间和技能均满足。</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>Nobody — leave the shift open</source>
        <translation>无人 — 该班次暂空</translation>
    </message>
    <message>
        <source>Nothing is published for this week yet: every shift is new.</source>
        <translation>本周尚未发布任何排班表：所有班次都是新增的。</translation>
    </message>
    <message>
        <source>On shift</source>
        <translation>在班人数</translation>
    </message>
    <message>
        <source>Optimise the week again; pinned shifts are kept as they are</source>
        <translation>重新优化本周；已固定的班次保持不变</translation>
    </message>
    <message>
        <source>Optimise the week of %1 again. %2 pinned shifts are kept; the result replaces the draft. Time limit in seconds:</source>
        <translation>重新优化 %1 这一周。%2 个已固定的班次保持不变；结果将替换草稿。时间限制（秒）：</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Paid hours</source>
        <translation>带薪工时</translation>
    </message>
    <message>
        <source>Pin (a new solve keeps it)</source>
        <translation>固定（重新求解时保留）</translation>
    </message>
    <message>
        <source>Pinned: a new solve keeps this shift</source>
        <translation>已固定：重新求解时保留此班次</translation>
    </message>
    <message>
        <source>Print rota</source>
        <translation>打印排班表</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印于 %1</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Publish rota</source>
        <translation>发布排班表</translation>
    </message>
    <message>
        <source>Publish this draft of the week of %1 (%2 shifts)?</source>
        <translation>发布 %1 这一周的草稿（%2 个班次）？</translation>
    </message>
    <message>
        <source>Published revision %1</source>
        <translation>已发布第 %1 版</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Re-plan the rest of the day…</source>
        <translation>重排当天剩余时段…</translation>
    </message>
    <message>
        <source>Re-planning the rest of the day…</source>
        <translation>正在重新安排当天剩余时间…</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Rota editor</source>
        <translation>排班编辑</translation>
    </message>
    <message>
        <source>Rota · week %1 · %2 – %3</source>
        <translation>排班表 · 第 %1 周 · %2 – %3</translation>
    </message>
    <message>
        <source>Rota, week of</source>
        <translation>排班表，起始日</translation>
    </message>
    <message>
        <source>Rule violations: %1 (%2 hard)</source>
        <translation>规则违反：%1（硬性 %2）</translation>
    </message>
    <message>
        <source>SL %1 %</source>
        <translation>服务水平 %1 %</translation>
    </message>
    <message>
        <source>SL, %</source>
        <translation>服务水平，%</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Showing published revision %1 — start a draft to change it</source>
        <translation>正在显示已发布的第 %1 版 — 如需修改请新建草稿</translation>
    </message>
    <message>
        <source>Skills: %1</source>
        <translation>技能：%1</translation>
    </message>
    <message>
        <source>Solve the week</source>
        <translation>求解本周</translation>
    </message>
    <message>
        <source>Solve…</source>
        <translation>求解…</translation>
    </message>
    <message>
        <source>Solving the rota…</source>
        <translation>正在求解排班表…</translation>
    </message>
    <message>
        <source>Start a draft</source>
        <translation>新建草稿</translation>
    </message>
    <message>
        <source>Swap with…</source>
        <translation>与…对调</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>The draft was replaced (a new solve?) since the re-plan was worked out; re-plan again.</source>
        <translation>自计算重新排班方案以来，草稿已被替换（重新求解过？）；请重新排班。</translation>
    </message>
    <message>
        <source>The week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>The week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Whole week</source>
        <translation>全周</translation>
    </message>
    <message>
        <source>Zooms the grid and the charts to one day</source>
        <translation>将排班网格和图表缩放到某一天</translation>
    </message>
    <message>
        <source>add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <source>agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>below it: coverage given up by hand</source>
        <translation>低于下界：手动放弃了部分覆盖</translation>
    </message>
    <message>
        <source>break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>copied from revision %1</source>
        <translation>复制自第 %1 版</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>expected service level</source>
        <translation>预计服务水平</translation>
    </message>
    <message>
        <source>from the solver</source>
        <translation>来自求解器</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动编制</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>no requirement</source>
        <translation>无需求人数</translation>
    </message>
    <message>
        <source>off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>on the phones</source>
        <translation>在线坐席</translation>
    </message>
    <message>
        <source>overtime</source>
        <translation>加班</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>published revision %1 stays in force until you publish</source>
        <translation>在您发布之前，已发布的第 %1 版继续有效</translation>
    </message>
    <message>
        <source>re-plan %1 from %2</source>
        <translation>%1 自 %2 起重新排班</translation>
    </message>
    <message>
        <source>read-only (schedulers edit rotas)</source>
        <translation>只读（由排班员编辑排班表）</translation>
    </message>
    <message>
        <source>requirement</source>
        <translation>需求人数</translation>
    </message>
    <message>
        <source>resize</source>
        <translation>调整时长</translation>
    </message>
    <message>
        <source>short</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>病假</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>对调</translation>
    </message>
    <message>
        <source>times are center-local (%1)</source>
        <translation>时间为中心当地时间（%1）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>— not proven by this solve</source>
        <translation>— 本次求解未证明下界</translation>
    </message>
    <message>
        <source>— solve to get one</source>
        <translation>— 求解后可得</translation>
    </message>
</context>
<context>
    <name>rota_engine</name>
    <message>
        <source>Assigning agents to tours</source>
        <translation>正在为坐席分配班型</translation>
    </message>
    <message>
        <source>Checking the rota</source>
        <translation>正在检查排班表</translation>
    </message>
    <message>
        <source>Choosing whole tours</source>
        <translation>正在选择完整班型</translation>
    </message>
    <message>
        <source>Linear relaxation (breaks spread evenly)</source>
        <translation>线性松弛（休息均匀分布）</translation>
    </message>
    <message>
        <source>Linear relaxation (lower bound)</source>
        <translation>线性松弛（下界）</translation>
    </message>
    <message>
        <source>Lower bound, round %1: %2 better start times</source>
        <translation>下界，第 %1 轮：%2 个更优的开始时间</translation>
    </message>
    <message>
        <source>Placing breaks</source>
        <translation>正在安排休息</translation>
    </message>
    <message>
        <source>Placing training</source>
        <translation>正在安排培训</translation>
    </message>
    <message>
        <source>Preparing agents and tours</source>
        <translation>正在准备坐席和班型</translation>
    </message>
    <message>
        <source>Re-planning the rest of the day</source>
        <translation>正在重新安排当天剩余时间</translation>
    </message>
    <message>
        <source>Swapping tours for cheaper ones</source>
        <translation>正在换用更经济的班型</translation>
    </message>
    <message>
        <source>Dropping tours whose breaks the others can cover</source>
        <translation>正在去掉休息时段可由他人顶上的班型</translation>
    </message>
    <message>
        <source>Starting again from another rounding</source>
        <translation>正在换一种取整方式重新求解</translation>
    </message>
    <message>
        <source>Taking the sick agents off</source>
        <translation>正在移除病假坐席</translation>
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
        <translation>（备班）</translation>
    </message>
    <message>
        <source>Backup team</source>
        <translation>备班团队</translation>
    </message>
    <message>
        <source>Shift without template</source>
        <translation>无模板班次</translation>
    </message>
</context>
<context>
    <name>timeoff</name>
    <message>
        <source>%1 shifts (%2 h) in the %3 would go.</source>
        <translation>%3中此期间的 %1 个班次（%2 小时）将被取消。</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Already short, and shorter still:</source>
        <translation>原本已有缺口，且会更加不足：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Coverage impact of approving</source>
        <translation>批准后对覆盖的影响</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>New time-off request</source>
        <translation>新建休假申请</translation>
    </message>
    <message>
        <source>No interval drops below the requirement.</source>
        <translation>没有时段会低于需求人数。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Select a request to see what approving it would do to the rota.</source>
        <translation>选择一条申请，查看批准后对排班表的影响。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
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
        <translation>休假</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Working out the coverage impact…</source>
        <translation>正在计算对覆盖的影响…</translation>
    </message>
    <message>
        <source>Would drop below the requirement:</source>
        <translation>将低于需求人数：</translation>
    </message>
    <message>
        <source>annual</source>
        <translation>年假</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>事假</translation>
    </message>
    <message>
        <source>need</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>no rota yet — the solver will plan around approved time off.</source>
        <translation>尚无排班表 — 求解器会避开已批准的休假。</translation>
    </message>
    <message>
        <source>no shift in the %1 during this time; approving costs no coverage.</source>
        <translation>%1中此期间没有班次；批准不影响覆盖。</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>私事假</translation>
    </message>
    <message>
        <source>published rota</source>
        <translation>已发布的排班表</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>病假</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Forecast accuracy</source>
        <translation>预测准确度</translation>
    </message>
    <message>
        <source>Rota editor</source>
        <translation>排班编辑</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>休假</translation>
    </message>
</context>
</TS>
