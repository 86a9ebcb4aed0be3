<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>(from {q})</source>
        <translation>（来自 {q}）</translation>
    </message>
    <message>
        <source>95 % interval {low}–{high}</source>
        <translation>95% 区间 {low}–{high}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Open plan from {q}&lt;/b&gt;: {g} — by {d}</source>
        <translation>&lt;b&gt;{q} 的未完成计划&lt;/b&gt;：{g} — 截止 {d}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt;: {g} — by {d} ({s})</source>
        <translation>&lt;b&gt;计划&lt;/b&gt;：{g} — 截止 {d}（{s}）</translation>
    </message>
    <message>
        <source>Add plan…</source>
        <translation>添加计划…</translation>
    </message>
    <message>
        <source>Additional /20</source>
        <translation>附加 /20</translation>
    </message>
    <message>
        <source>Adopt recomputed…</source>
        <translation>采用重算数据…</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>Agents reviewed</source>
        <translation>参评坐席</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Amend published figures</source>
        <translation>更正已发布数据</translation>
    </message>
    <message>
        <source>Amend the published figures of this agent with the recomputed ones</source>
        <translation>用重新计算的数据更正该坐席已发布的数据</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Amendments after publishing</source>
        <translation>发布后的更正</translation>
    </message>
    <message>
        <source>An agent below {n} points is under target and needs an improvement plan (R-REV-1).</source>
        <translation>低于 {n} 分的坐席为未达标，需要改进计划（R-REV-1）。</translation>
    </message>
    <message>
        <source>An indicator with no data is left out; the total is scaled to 100 over the measured weights.</source>
        <translation>无数据的指标不计入；总分按已计量指标的权重折算为百分制。</translation>
    </message>
    <message>
        <source>Appendix: definitions and weights</source>
        <translation>附录：指标定义与权重</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Attended {a} of {r} shifts</source>
        <translation>排班 {r} 班，出勤 {a} 班</translation>
    </message>
    <message>
        <source>Auto-QA: {n} chats, service code kept in {c}, first reply on time in {r}</source>
        <translation>自动质检：{n} 个会话，服务规范达标 {c}，首次回复及时 {r}</translation>
    </message>
    <message>
        <source>Average KPI score</source>
        <translation>平均 KPI 得分</translation>
    </message>
    <message>
        <source>Basic /40</source>
        <translation>基础 /40</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Close plan</source>
        <translation>关闭计划</translation>
    </message>
    <message>
        <source>Close plan…</source>
        <translation>关闭计划…</translation>
    </message>
    <message>
        <source>Coaching, training, shadowing … and how progress is checked</source>
        <translation>辅导、培训、跟岗……以及如何检查进展</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Comment on {a}</source>
        <translation>对 {a} 的评语</translation>
    </message>
    <message>
        <source>Comment: {c}</source>
        <translation>评语：{c}</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>评语…</translation>
    </message>
    <message>
        <source>Complaint SLA: resolved within 24 h (complaints) or 72 h (service requests) of first contact.</source>
        <translation>投诉时效：自首次联系起 24 小时（投诉）或 72 小时（服务请求）内解决。</translation>
    </message>
    <message>
        <source>Complaints (escalated)</source>
        <translation>投诉（升级）</translation>
    </message>
    <message>
        <source>Complaints owned</source>
        <translation>负责的投诉</translation>
    </message>
    <message>
        <source>Complaints resolved within SLA</source>
        <translation>按时解决的投诉</translation>
    </message>
    <message>
        <source>Complaints {n} (escalated {e})</source>
        <translation>投诉 {n} 件（升级 {e} 件）</translation>
    </message>
    <message>
        <source>Contacts handled</source>
        <translation>接待量</translation>
    </message>
    <message>
        <source>Could not compute the review: {e}</source>
        <translation>无法计算考核：{e}</translation>
    </message>
    <message>
        <source>Could not save the PDF</source>
        <translation>无法保存 PDF</translation>
    </message>
    <message>
        <source>DRAFT — figures may still change</source>
        <translation>草稿 — 数据可能仍会变化</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Deadline {d} · {s}</source>
        <translation>截止 {d} · {s}</translation>
    </message>
    <message>
        <source>Double-click to see how this was computed and the records behind it</source>
        <translation>双击查看计算过程及相关记录</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Draft — live figures. {n} under target (below {t} points), {m} without a plan.</source>
        <translation>草稿 — 实时数据。{n} 人未达标（低于 {t} 分），{m} 人尚无计划。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export the monthly evaluation</source>
        <translation>导出月度评估</translation>
    </message>
    <message>
        <source>Export the quarterly review</source>
        <translation>导出季度考核</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Freeze the quarter&apos;s figures and rule values (managers)</source>
        <translation>锁定本季度的数据和规则值（经理）</translation>
    </message>
    <message>
        <source>Give the plan a goal.</source>
        <translation>请填写计划目标。</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Goal: {goal}</source>
        <translation>目标：{goal}</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>How it is measured</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Improvement plan for {agent}</source>
        <translation>{agent} 的改进计划</translation>
    </message>
    <message>
        <source>Improvement plans this quarter</source>
        <translation>本季度改进计划</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>KPI score</source>
        <translation>KPI 得分</translation>
    </message>
    <message>
        <source>KPI score by month</source>
        <translation>各月 KPI 得分</translation>
    </message>
    <message>
        <source>KPI weights</source>
        <translation>KPI 权重</translation>
    </message>
    <message>
        <source>KPI weights…</source>
        <translation>KPI 权重…</translation>
    </message>
    <message>
        <source>Knowledge-base contributions are counted against 5 per month employed (pro-rated from the hire date).</source>
        <translation>知识库贡献按在职每月 5 条计目标（自入职日起折算）。</translation>
    </message>
    <message>
        <source>Mean of agents</source>
        <translation>坐席平均</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Measures: {m}</source>
        <translation>措施：{m}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Monthly evaluation</source>
        <translation>月度服务质量评估</translation>
    </message>
    <message>
        <source>More plans in the console.</source>
        <translation>更多计划请在系统中查看。</translation>
    </message>
    <message>
        <source>No QA reviews in this quarter.</source>
        <translation>本季度无质检记录。</translation>
    </message>
    <message>
        <source>No agents to review in {q}. Choose another quarter or team.</source>
        <translation>{q} 没有可考核的坐席。请选择其他季度或团队。</translation>
    </message>
    <message>
        <source>No comment yet.</source>
        <translation>暂无评语。</translation>
    </message>
    <message>
        <source>No data in this period</source>
        <translation>本期无数据</translation>
    </message>
    <message>
        <source>No monthly figures</source>
        <translation>无月度数据</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>None needed.</source>
        <translation>无需改进计划。</translation>
    </message>
    <message>
        <source>Not measured (no data): {rules}</source>
        <translation>未计量（无数据）：{rules}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
        <source>Paper size must be A4 or Letter, not &apos;{s}&apos;.</source>
        <translation>纸张须为 A4 或 Letter，而不是“{s}”。</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Points = score × weight. Basic, quality and additional groups weigh 40, 40 and 20.</source>
        <translation>得分 = 得分率 × 权重。基础、质量、附加三类权重分别为 40、40、20。</translation>
    </message>
    <message>
        <source>Points out of 100, scaled over the indicators that could be measured</source>
        <translation>百分制得分，按可计量的指标折算</translation>
    </message>
    <message>
        <source>Preparing the pack…</source>
        <translation>正在生成考核材料…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Publish the quarter</source>
        <translation>发布季度考核</translation>
    </message>
    <message>
        <source>Publish {q}? The figures and rule values are frozen; later corrections are recorded as amendments.</source>
        <translation>发布 {q}？数据和规则值将被锁定；之后的修改将记为更正。</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Published {when} by {who}</source>
        <translation>{when} 由 {who} 发布</translation>
    </message>
    <message>
        <source>Published {when} by {who} — figures are frozen; corrections are amendments.</source>
        <translation>{when} 由 {who} 发布 — 数据已锁定；修改将记为更正。</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>QA (n, mean)</source>
        <translation>质检（次数，平均）</translation>
    </message>
    <message>
        <source>QA: mean supervisor dialogue score with a 95 % t-interval; calibration scores are not counted.</source>
        <translation>质检：主管对话评分的平均值及 95% t 区间；校准评分不计入。</translation>
    </message>
    <message>
        <source>QA: {n} reviews</source>
        <translation>质检：{n} 次</translation>
    </message>
    <message>
        <source>QA: {n} reviews, mean {m} (95 % {lo}–{hi}), {v} violations</source>
        <translation>质检：{n} 次，平均 {m}（95% {lo}–{hi}），违规 {v} 次</translation>
    </message>
    <message>
        <source>Quality /40</source>
        <translation>质量 /40</translation>
    </message>
    <message>
        <source>Quality and complaints</source>
        <translation>质量与投诉</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Quarterly review</source>
        <translation>季度考核</translation>
    </message>
    <message>
        <source>Quarterly review pack — print preview</source>
        <translation>季度考核材料 — 打印预览</translation>
    </message>
    <message>
        <source>R-QA-5: response speed, resolution rate, satisfaction, process compliance (QA reviews without a violation) and attitude (the supervisors&apos; dialogue score). Arrows compare with the previous month; hover a cell for six months.</source>
        <translation>R-QA-5：响应速度、解决率、满意度、流程合规（无违规的质检）和服务态度（主管对话评分）。箭头为与上月的比较；鼠标悬停查看近六个月。</translation>
    </message>
    <message>
        <source>R-REV-1: an agent under target needs an improvement plan</source>
        <translation>R-REV-1：未达标坐席需要改进计划</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Rank within the team by KPI score</source>
        <translation>按 KPI 得分的团队内排名</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save the pack as PDF</source>
        <translation>将考核材料保存为 PDF</translation>
    </message>
    <message>
        <source>Say which measures will get the agent there.</source>
        <translation>请说明帮助坐席达标的措施。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Score distribution (agents per 10 points)</source>
        <translation>得分分布（每 10 分段的坐席数）</translation>
    </message>
    <message>
        <source>Score of an indicator: value ÷ target, at most 100 % (response speed: target ÷ value; compliance: 100 % with no violation, else 0).</source>
        <translation>指标得分率：实际值 ÷ 目标，最高 100%（响应速度：目标 ÷ 实际值；合规：无违规为 100%，否则为 0）。</translation>
    </message>
    <message>
        <source>Select an agent</source>
        <translation>请选择坐席</translation>
    </message>
    <message>
        <source>Select an agent to see the scorecard</source>
        <translation>选择坐席查看计分卡</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>所选</translation>
    </message>
    <message>
        <source>Service level by week (answered within {s} s)</source>
        <translation>每周服务水平（{s} 秒内接听）</translation>
    </message>
    <message>
        <source>Service level: phone contacts answered within {s} s ÷ offered, per week.</source>
        <translation>服务水平：每周 {s} 秒内接听的电话数 ÷ 来电数。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>主管评语</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment for the quarter</source>
        <translation>主管本季度评语</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Team score</source>
        <translation>团队得分</translation>
    </message>
    <message>
        <source>The evaluation could not be written to {p}:
{e}</source>
        <translation>无法写入评估文件 {p}：
{e}</translation>
    </message>
    <message>
        <source>The figure comes from the agent-state feed; there are no single records to list.</source>
        <translation>该数据来自坐席状态数据流，没有可列出的单条记录。</translation>
    </message>
    <message>
        <source>The figures changed since the quarter was published (late data). A manager can adopt the recomputed figures as an amendment.</source>
        <translation>季度发布后数据有变化（迟到数据）。经理可将重新计算的数据作为更正采用。</translation>
    </message>
    <message>
        <source>The printer or PDF file could not be opened.</source>
        <translation>无法打开打印机或 PDF 文件。</translation>
    </message>
    <message>
        <source>The quarter is published. Why does the comment change?</source>
        <translation>本季度已发布。评语为何修改？</translation>
    </message>
    <message>
        <source>The review could not be written to {p}:
{e}</source>
        <translation>无法写入考核文件 {p}：
{e}</translation>
    </message>
    <message>
        <source>This month, and the change against the previous month (green: better)</source>
        <translation>本月数值及与上月相比的变化（绿色：变好）</translation>
    </message>
    <message>
        <source>Total (scaled to 100 over the measured weights)</source>
        <translation>总分（按已计量指标的权重折算为百分制）</translation>
    </message>
    <message>
        <source>Total 100 %</source>
        <translation>合计 100%</translation>
    </message>
    <message>
        <source>Total {t} % — the weights must add up to 100 %.</source>
        <translation>合计 {t}% — 权重之和必须为 100%。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Training {h} h</source>
        <translation>培训 {h} 小时</translation>
    </message>
    <message>
        <source>Trend of</source>
        <translation>趋势：</translation>
    </message>
    <message>
        <source>Under target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Under target (below {n} points)</source>
        <translation>未达标（低于 {n} 分）</translation>
    </message>
    <message>
        <source>Under target: an improvement plan is needed.</source>
        <translation>未达目标：需要制定改进计划。</translation>
    </message>
    <message>
        <source>Under target: an improvement plan is required (R-REV-1) and has not been recorded.</source>
        <translation>未达标：需要制定改进计划（R-REV-1），尚未录入。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>What happened? (needed when missed or cancelled)</source>
        <translation>结果说明（未达成或取消时必填）</translation>
    </message>
    <message>
        <source>Whole center</source>
        <translation>全中心</translation>
    </message>
    <message>
        <source>Why are {a}&apos;s figures corrected?</source>
        <translation>为何更正 {a} 的数据？</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>e.g. average response under 30 s</source>
        <translation>例如：平均响应时间低于 30 秒</translation>
    </message>
    <message>
        <source>joined {day}</source>
        <translation>{day} 入职</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达成</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>no longer active</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>of 10</source>
        <translation>（满分 10）</translation>
    </message>
    <message>
        <source>of 5</source>
        <translation>（满分 5）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>rank {rank} in team</source>
        <translation>团队排名第 {rank}</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>target {v}</source>
        <translation>目标 {v}</translation>
    </message>
    <message>
        <source>too few reviews for an interval</source>
        <translation>质检数量不足，无法计算区间</translation>
    </message>
    <message>
        <source>under target</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{a} of {r} rostered shifts</source>
        <translation>排班 {r} 班，出勤 {a} 班</translation>
    </message>
    <message>
        <source>{d}: change</source>
        <translation>{d}：变化</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
    <message>
        <source>{n} agent(s) under target have no improvement plan yet.</source>
        <translation>{n} 名未达标坐席尚无改进计划。</translation>
    </message>
    <message>
        <source>{n} agent(s) ⚠ changed since.</source>
        <translation>此后有 {n} 名坐席 ⚠ 数据变化。</translation>
    </message>
    <message>
        <source>{n} chats checked: service code kept in {c}, first reply on time in {f}</source>
        <translation>自动检查 {n} 个会话：服务规范达标 {c}，首次回复及时 {f}</translation>
    </message>
    <message>
        <source>{n} plan(s)</source>
        <translation>{n} 项计划</translation>
    </message>
    <message>
        <source>{n} resolved</source>
        <translation>已解决 {n} 件</translation>
    </message>
    <message>
        <source>{n} reviews, mean {mean} ({ci}), violations: {v}</source>
        <translation>质检 {n} 次，平均 {mean}（{ci}），违规：{v}</translation>
    </message>
    <message>
        <source>{n}, of which escalated {e}</source>
        <translation>{n} 件，其中升级 {e} 件</translation>
    </message>
    <message>
        <source>{rule} for {agent}</source>
        <translation>{agent} 的 {rule}</translation>
    </message>
    <message>
        <source>{shown} of {total} records, newest first.</source>
        <translation>共 {total} 条记录，显示最新的 {shown} 条。</translation>
    </message>
</context>
<context>
    <name>ReportsWorkspace</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not compute the report: %1</source>
        <translation>无法计算报表：%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Figures per agent against the R-KPI targets, and the quarterly review</source>
        <translation>各坐席对照 R-KPI 目标的数据，以及季度考核</translation>
    </message>
    <message>
        <source>Monthly evaluation</source>
        <translation>月度服务质量评估</translation>
    </message>
    <message>
        <source>Monthly figures</source>
        <translation>月度数据</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>No agents yet — add people in Admin, or run `floorwalker demo` for a demo center.</source>
        <translation>还没有坐席 — 请在管理中添加人员，或运行 `floorwalker demo` 生成演示中心。</translation>
    </message>
    <message>
        <source>No interactions were handled in %1.</source>
        <translation>%1 没有接待记录。</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Quarterly review</source>
        <translation>季度考核</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Team total</source>
        <translation>团队合计</translation>
    </message>
    <message>
        <source>The latest interactions are from %1; choose it with ◀ ▶.</source>
        <translation>最近的接待记录在 %1；请用 ◀ ▶ 选择。</translation>
    </message>
    <message>
        <source>The report could not be written to %1:
%2</source>
        <translation>无法写入报表 %1：
%2</translation>
    </message>
    <message>
        <source>There are no interactions yet — run `floorwalker demo` or import history.</source>
        <translation>还没有接待记录 — 请运行 `floorwalker demo` 或导入历史数据。</translation>
    </message>
    <message>
        <source>Working days: days with a published shift or with handled interactions. Times are center-local (%1). Team rows add up their agents; hover a heading for its definition and target.</source>
        <translation>工作日：有已发布班次或有接待记录的日期。时间为中心当地时间（%1）。团队行为其坐席的合计；鼠标悬停表头查看定义与目标。</translation>
    </message>
    <message>
        <source>plain: no target</source>
        <translation>无底色：无目标</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>target not met</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 · employee no. %2</source>
        <translation>%1 · 工号 %2</translation>
    </message>
    <message>
        <source>%1 — total, %2 agents</source>
        <translation>%1 — 合计，%2 名坐席</translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <translation>%1：%2 — %3（%4）</translation>
    </message>
    <message>
        <source>All agents (%1)</source>
        <translation>全部坐席（%1）</translation>
    </message>
    <message>
        <source>Avg
rating</source>
        <translation>平均
评分</translation>
    </message>
    <message>
        <source>Avg
response</source>
        <translation>平均
响应</translation>
    </message>
    <message>
        <source>Com-
plaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Conver-
sion</source>
        <translation>转化
率</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>接待量</translation>
    </message>
    <message>
        <source>Logged in
per day</source>
        <translation>日均
在线</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>无团队</translation>
    </message>
    <message>
        <source>Per
day</source>
        <translation>日均</translation>
    </message>
    <message>
        <source>Per-contact target: %1 (R-QA-4)</source>
        <translation>单次服务目标：%1（R-QA-4）</translation>
    </message>
    <message>
        <source>QA
score</source>
        <translation>质检
得分</translation>
    </message>
    <message>
        <source>Rated
≥ target</source>
        <translation>评分
达标</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Target %1 (%2)</source>
        <translation>目标 %1（%2）</translation>
    </message>
    <message>
        <source>Target time: %1 s (R-KPI-1)</source>
        <translation>目标时间：%1 秒（R-KPI-1）</translation>
    </message>
    <message>
        <source>Viola-
tions</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>Within
target</source>
        <translation>达标
占比</translation>
    </message>
    <message>
        <source>Working
days</source>
        <translation>工作
日</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>target not met</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
</TS>
