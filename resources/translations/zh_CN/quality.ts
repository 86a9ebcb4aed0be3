<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InteractionDetailPanel</name>
    <message>
        <source>%1 of 5</source>
        <translation>%1 / 5</translation>
    </message>
    <message>
        <source>%1: score %2, %3 violation(s)</source>
        <translation>%1：得分 %2，%3 项违规</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>联络</translation>
    </message>
    <message>
        <source>No agent</source>
        <translation>无坐席</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>无录音</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>尚未质检</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>Offered, converted</source>
        <translation>已推荐，已转化</translation>
    </message>
    <message>
        <source>Offered, not converted</source>
        <translation>已推荐，未转化</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>QA reviews</source>
        <translation>质检记录</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>客户评分</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Select an interaction to see its details.</source>
        <translation>选择一条联络以查看详情。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Wait / talk / wrap</source>
        <translation>等待 / 通话 / 话后</translation>
    </message>
    <message>
        <source>resolved: %1</source>
        <translation>已解决：%1</translation>
    </message>
</context>
<context>
    <name>QualityFilterBar</name>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>All your teams</source>
        <translation>您的全部团队</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>First day shown, in the center&apos;s time zone</source>
        <translation>显示的第一天（中心时区）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Highest customer rating (1-5)</source>
        <translation>最高客户评分（1-5）</translation>
    </message>
    <message>
        <source>Last day shown, in the center&apos;s time zone</source>
        <translation>显示的最后一天（中心时区）</translation>
    </message>
    <message>
        <source>Lowest customer rating (1-5)</source>
        <translation>最低客户评分（1-5）</translation>
    </message>
    <message>
        <source>Not yet reviewed</source>
        <translation>尚未质检</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>客户评分</translation>
    </message>
    <message>
        <source>Recorded only</source>
        <translation>仅有录音的</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <source>Search agent name…</source>
        <translation>搜索坐席姓名…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>QualityWorkspace</name>
    <message>
        <source>Could not load interactions: %1</source>
        <translation>无法加载联络记录：%1</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>联络记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>No interactions</source>
        <translation>没有联络记录</translation>
    </message>
    <message>
        <source>No interactions for you to see yet: %1.</source>
        <translation>暂无可查看的联络记录：%1。</translation>
    </message>
    <message>
        <source>No interactions match these filters. Widen the dates, clear “Recorded only” or press Reset filters.</source>
        <translation>没有符合筛选条件的联络记录。请放宽日期范围、取消“仅有录音的”或点击“重置筛选”。</translation>
    </message>
    <message>
        <source>No interactions yet — run `floorwalker demo` or import history.</source>
        <translation>暂无联络记录 — 请运行 `floorwalker demo` 或导入历史数据。</translation>
    </message>
    <message>
        <source>Only your own interactions</source>
        <translation>仅显示您本人的联络记录</translation>
    </message>
    <message>
        <source>Recent interactions to spot-check; times in %1. Right-click the headings to choose columns.</source>
        <translation>近期联络记录，用于抽查；时间按 %1。右键点击列标题可选择显示的列。</translation>
    </message>
    <message>
        <source>Showing %1–%2 of %3</source>
        <translation>显示第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>only your own interactions are shown</source>
        <translation>仅显示您本人的联络记录</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
</context>
<context>
    <name>WeeklyQaPanel</name>
    <message>
        <source>%1 of %2 agents under the quota of %3 (R-QA-1) · %4 drawn, %5 reviewed</source>
        <translation>%2 名坐席中有 %1 名未达到 %3 条的配额（R-QA-1）· 已抽检 %4 条，已质检 %5 条</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No QA draw has been made for last week yet, so all %1 agents are under the quota of %2 reviewed interactions (R-QA-1).</source>
        <translation>上周尚未进行质检抽检，因此全部 %1 名坐席均未达到 %2 条已质检联络的配额（R-QA-1）。</translation>
    </message>
    <message>
        <source>No active agents. Add agents in Admin to plan QA reviews.</source>
        <translation>没有在岗坐席。请在“管理”中添加坐席以安排质检。</translation>
    </message>
    <message>
        <source>No agents for you to see: %1.</source>
        <translation>暂无可查看的坐席：%1。</translation>
    </message>
    <message>
        <source>This week&apos;s QA</source>
        <translation>本周质检</translation>
    </message>
    <message>
        <source>This week&apos;s QA: sample of %1</source>
        <translation>本周质检：%1 的样本</translation>
    </message>
    <message>
        <source>only your own QA is shown</source>
        <translation>仅显示您本人的质检</translation>
    </message>
</context>
<context>
    <name>calibration</name>
    <message>
        <source>(you)</source>
        <translation>（您）</translation>
    </message>
    <message>
        <source>Agreement per reviewer</source>
        <translation>各质检员的一致性</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部校准会</translation>
    </message>
    <message>
        <source>Answer every question (missing: %1).</source>
        <translation>请回答所有问题（缺少：%1）。</translation>
    </message>
    <message>
        <source>Blind scoring: nobody sees the others&apos; answers until the session is closed.</source>
        <translation>盲评：校准会关闭前，任何人都看不到他人的评分。</translation>
    </message>
    <message>
        <source>Calibration is for reviewers (supervisors, quality analysts, managers).</source>
        <translation>校准面向质检员（主管、质检分析员、经理）。</translation>
    </message>
    <message>
        <source>Calibration scores never count in an agent&apos;s QA figures.</source>
        <translation>校准评分不计入坐席的质检数据。</translation>
    </message>
    <message>
        <source>Choose at least two reviewers.</source>
        <translation>请至少选择两名质检员。</translation>
    </message>
    <message>
        <source>Choose the dialogue score (1-10) before submitting.</source>
        <translation>提交前请选择对话评分（1-10）。</translation>
    </message>
    <message>
        <source>Close and show results</source>
        <translation>关闭并显示结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Dialogue score (1-10)</source>
        <translation>对话评分（1-10）</translation>
    </message>
    <message>
        <source>Each reviewer scores the same interaction without seeing the others&apos; scores. Results are shown when you close the session; they never count in the agent&apos;s figures.</source>
        <translation>每位质检员对同一条联络评分，互相看不到对方的评分。关闭校准会后显示结果；结果不计入坐席的数据。</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>联络</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α = %1 (%2)</source>
        <translation>Krippendorff α = %1（%2）</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Needs at least two scores</source>
        <translation>至少需要两份评分</translation>
    </message>
    <message>
        <source>New calibration session</source>
        <translation>新建校准会</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新建校准会…</translation>
    </message>
    <message>
        <source>No calibration sessions yet. Start one with New session…</source>
        <translation>暂无校准会。点击“新建校准会…”开始。</translation>
    </message>
    <message>
        <source>Only the session&apos;s reviewers listen to the recording here.</source>
        <translation>只有本次校准会的质检员可在此收听录音。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Open (blind)</source>
        <translation>进行中（盲评）</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>Scored: %1 of %2 — %3</source>
        <translation>已评分：%1 / %2 — %3</translation>
    </message>
    <message>
        <source>Select a session, or start one with New session…</source>
        <translation>请选择一个校准会，或点击“新建校准会…”开始。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>校准会</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>开始校准会</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submit my score</source>
        <translation>提交我的评分</translation>
    </message>
    <message>
        <source>The group&apos;s α without this reviewer: higher than the group&apos;s means this reviewer differs most</source>
        <translation>去掉该质检员后小组的 α：高于小组 α 说明该质检员差异最大</translation>
    </message>
    <message>
        <source>The reviewers read this question differently</source>
        <translation>质检员对此问题的理解不一致</translation>
    </message>
    <message>
        <source>There is no sampled interaction to calibrate on yet.</source>
        <translation>暂无可用于校准的抽检联络。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Update my score</source>
        <translation>更新我的评分</translation>
    </message>
    <message>
        <source>Values are shares of full marks (0-100). Spread: lowest, highest, mean and standard deviation; rows with a deviation over %1 are highlighted. Deviation per reviewer: mean distance from the others&apos; mean, in points of 100.</source>
        <translation>数值为满分的百分比（0-100）。离散度：最低、最高、平均值和标准差；偏差超过 %1 的行会突出显示。各质检员的偏差：与其他人平均值的平均距离，以百分制计。</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>You are not a reviewer in this session.</source>
        <translation>您不是本次校准会的质检员。</translation>
    </message>
    <message>
        <source>Your score is in; it stays hidden until the session is closed. You can change it until then.</source>
        <translation>您的评分已提交；校准会关闭前保持隐藏，在此之前可以修改。</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>%1 关闭</translation>
    </message>
    <message>
        <source>e.g. Week 47 calibration: refund call</source>
        <translation>例如：第 47 周校准：退款来电</translation>
    </message>
    <message>
        <source>good agreement</source>
        <translation>一致性良好</translation>
    </message>
    <message>
        <source>low agreement: talk the scorecard through</source>
        <translation>一致性低：请一起讨论评分表</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>quality analyst</source>
        <translation>质检分析员</translation>
    </message>
    <message>
        <source>scheduler</source>
        <translation>排班员</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>tentative agreement</source>
        <translation>一致性尚可</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>α without</source>
        <translation>去掉后 α</translation>
    </message>
    <message>
        <source>α: not enough variation to compute</source>
        <translation>α：差异不足，无法计算</translation>
    </message>
</context>
<context>
    <name>disputes</name>
    <message>
        <source>%1 open</source>
        <translation>%1 条待处理</translation>
    </message>
    <message>
        <source>%1 past the deadline</source>
        <translation>%1 条已超过期限</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agent proposes</source>
        <translation>坐席提议</translation>
    </message>
    <message>
        <source>All disputes</source>
        <translation>全部申诉</translation>
    </message>
    <message>
        <source>Answer that applies</source>
        <translation>适用的答案</translation>
    </message>
    <message>
        <source>Answer → proposed</source>
        <translation>答案 → 提议</translation>
    </message>
    <message>
        <source>Choose accept, partly or reject.</source>
        <translation>请选择接受、部分接受或驳回。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>裁决期限</translation>
    </message>
    <message>
        <source>Decided by the end of this day (center time)</source>
        <translation>须在当天结束前裁决（中心时间）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决结果</translation>
    </message>
    <message>
        <source>Dialogue score (1-10)</source>
        <translation>对话评分（1-10）</translation>
    </message>
    <message>
        <source>Dispute a review of %1</source>
        <translation>对 %1 的质检结果提出申诉</translation>
    </message>
    <message>
        <source>Disputes are decided by reviewers (supervisors, quality analysts, managers).</source>
        <translation>申诉由质检评审人员（主管、质检分析员、经理）裁定。</translation>
    </message>
    <message>
        <source>Enter a dispute from the Review tab (a reviewed item → Dispute…).</source>
        <translation>请在“质检”标签页录入申诉（选择已质检的条目 → 申诉…）。</translation>
    </message>
    <message>
        <source>Enter dispute</source>
        <translation>录入申诉</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Entered by %1 on %2 · decide by %3</source>
        <translation>由 %1 于 %2 录入 · 裁决期限 %3</translation>
    </message>
    <message>
        <source>Entered on the agent&apos;s behalf. Another supervisor decides by the deadline; the review shows as disputed until then.</source>
        <translation>代坐席录入。另一位主管须在期限前裁决；在此之前该质检记录显示为申诉中。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No disputes yet.</source>
        <translation>暂无申诉。</translation>
    </message>
    <message>
        <source>No history.</source>
        <translation>暂无历史记录。</translation>
    </message>
    <message>
        <source>No open disputes.</source>
        <translation>没有待处理的申诉。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Open disputes</source>
        <translation>待处理的申诉</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>部分接受</translation>
    </message>
    <message>
        <source>Partly accepted</source>
        <translation>部分接受</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
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
        <source>Reviewer&apos;s answer</source>
        <translation>质检员的答案</translation>
    </message>
    <message>
        <source>Reviewer&apos;s answer %1, the agent proposes %2</source>
        <translation>质检员的答案为 %1，坐席提议 %2</translation>
    </message>
    <message>
        <source>Select a dispute.</source>
        <translation>请选择一条申诉。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The agent&apos;s reason, in their words</source>
        <translation>坐席的理由（按坐席原话）</translation>
    </message>
    <message>
        <source>Why — the agent and the reviewer read this</source>
        <translation>理由 — 坐席和质检员都会看到</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>You entered this dispute: another supervisor decides it.</source>
        <translation>此申诉由您录入：须由另一位主管裁决。</translation>
    </message>
    <message>
        <source>by %1 on %2: %3</source>
        <translation>%1 于 %2：%3</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>entered: %1 → %2</source>
        <translation>录入：%1 → %2</translation>
    </message>
    <message>
        <source>now %1</source>
        <translation>现为 %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>score %1 → %2, dialogue %3 → %4</source>
        <translation>得分 %1 → %2，对话 %3 → %4</translation>
    </message>
</context>
<context>
    <name>player</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Back 5 s (Left)</source>
        <translation>后退 5 秒（左方向键）</translation>
    </message>
    <message>
        <source>Click or drag to jump; Left/Right skip 5 s</source>
        <translation>单击或拖动可跳转；左/右方向键跳 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 s (Right)</source>
        <translation>前进 5 秒（右方向键）</translation>
    </message>
    <message>
        <source>No recording selected</source>
        <translation>未选择录音</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Playback not started: it could not be written to the audit log (R-SEC-3). %1</source>
        <translation>未开始播放：无法写入审计日志（R-SEC-3）。%1</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation>播放速度（[ 减速，] 加速）</translation>
    </message>
    <message>
        <source>Space play/pause · ← → 5 s · [ ] speed</source>
        <translation>空格 播放/暂停 · ← → 5 秒 · [ ] 速度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: %2</source>
        <translation>录音 %1 无法播放：%2</translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: it is not a readable audio file (%2).</source>
        <translation>录音 %1 无法播放：不是可读取的音频文件（%2）。</translation>
    </message>
    <message>
        <source>The recording file is empty (0 bytes): %1</source>
        <translation>录音文件为空（0 字节）：%1</translation>
    </message>
    <message>
        <source>The recording file is missing: %1</source>
        <translation>录音文件缺失：%1</translation>
    </message>
    <message>
        <source>This computer has no sound output: the recording plays silently.</source>
        <translation>此电脑没有音频输出：录音将静音播放。</translation>
    </message>
    <message>
        <source>This interaction has no recording.</source>
        <translation>此联络没有录音。</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
</context>
<context>
    <name>qa_stats</name>
    <message>
        <source>%1  [%2 – %3]  n = %4</source>
        <translation>%1  [%2 – %3]  n = %4</translation>
    </message>
    <message>
        <source>%1 (n = 1, no interval)</source>
        <translation>%1（n = 1，无区间）</translation>
    </message>
    <message>
        <source>%1: dialogue score, mean and 95 % interval</source>
        <translation>%1：对话评分，平均值及 95% 区间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Bars: the 95 % confidence interval of the mean (Student&apos;s t). Few reviews give wide bars; one review gives none.</source>
        <translation>误差线：平均值的 95% 置信区间（Student t 分布）。质检次数少则误差线宽；仅一次质检则无误差线。</translation>
    </message>
    <message>
        <source>Dialogue score</source>
        <translation>对话评分</translation>
    </message>
    <message>
        <source>Failed critical items in this quarter&apos;s reviews (R-QA-3)</source>
        <translation>本季度质检中未通过的关键项（R-QA-3）</translation>
    </message>
    <message>
        <source>Find agent…</source>
        <translation>查找坐席…</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Last week %1 – %2 · this month from %3 · this quarter from %4 (center-local days, final reviews only; calibration scores never count)</source>
        <translation>上周 %1 – %2 · 本月自 %3 · 本季度自 %4（按中心当地日期，仅计正式质检；校准评分不计入）</translation>
    </message>
    <message>
        <source>Mean dialogue score (1-10, R-QA-2) with its 95 % confidence interval and the number of reviews</source>
        <translation>平均对话评分（1-10，R-QA-2），含 95% 置信区间和质检次数</translation>
    </message>
    <message>
        <source>Mean scorecard score (0-100 %) with its 95 % interval</source>
        <translation>平均评分表得分（0-100%），含 95% 区间</translation>
    </message>
    <message>
        <source>No reviews this quarter yet: the figures appear as supervisors save reviews.</source>
        <translation>本季度暂无质检：主管保存质检结果后将显示数据。</translation>
    </message>
    <message>
        <source>One review says nothing about spread: no interval.</source>
        <translation>仅一次质检无法反映离散度：无区间。</translation>
    </message>
    <message>
        <source>Only %1 reviews: read the mean with care.</source>
        <translation>仅 %1 次质检：请谨慎解读平均值。</translation>
    </message>
    <message>
        <source>Scorecard %, quarter</source>
        <translation>评分表 %，本季度</translation>
    </message>
    <message>
        <source>Select an agent</source>
        <translation>请选择坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>%1 compliance violation(s) (R-QA-3)</source>
        <translation>%1 项合规违规（R-QA-3）</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed this week</source>
        <translation>本周已质检 %1 / %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Dialogue score of the latest QA review, 1-10 (R-QA-2)</source>
        <translation>最近一次质检的对话评分，1-10（R-QA-2）</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>已抽检</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Length of the recording (minutes:seconds)</source>
        <translation>录音时长（分:秒）</translation>
    </message>
    <message>
        <source>Masked customer phone number (R-SEC-2)</source>
        <translation>已脱敏的客户电话号码（R-SEC-2）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>无录音</translation>
    </message>
    <message>
        <source>Not handled by an agent</source>
        <translation>未由坐席处理</translation>
    </message>
    <message>
        <source>Not reviewed by %1</source>
        <translation>%1 前未完成质检</translation>
    </message>
    <message>
        <source>Of the weekly quota per agent (R-QA-1)</source>
        <translation>每名坐席每周的配额（R-QA-1）</translation>
    </message>
    <message>
        <source>Only %1 drawn, under the quota of %2 (R-QA-1)</source>
        <translation>仅抽检 %1 条，低于 %2 条的配额（R-QA-1）</translation>
    </message>
    <message>
        <source>Only %1 of %2 drawn this week</source>
        <translation>本周仅抽检 %1 / %2 条</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Quota met</source>
        <translation>已达配额</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>Reviewed of sampled (R-QA-1: at least %1 per agent per week)</source>
        <translation>已质检 / 已抽检（R-QA-1：每名坐席每周至少 %1 条）</translation>
    </message>
    <message>
        <source>Reviewed, to review, or overdue (not reviewed by the due date)</source>
        <translation>已质检、待质检或超时（到期仍未质检）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Scorecard score, 0-100 %; N/A questions are left out</source>
        <translation>评分表得分，0-100%；不适用的问题不计入</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Talk time (minutes:seconds)</source>
        <translation>通话时长（分:秒）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>The reviewer&apos;s dialogue score, 1-10 (R-QA-2)</source>
        <translation>质检员给出的对话评分，1-10（R-QA-2）</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列无法排序。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time the customer waited before an agent answered</source>
        <translation>客户在坐席接听前的等待时间</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待质检</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>When the contact was offered, in the center&apos;s time zone</source>
        <translation>联络进线时间（中心时区）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>✓: the interaction has a recording</source>
        <translation>✓：该联络有录音</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <source>%1 agent(s) under quota in the draw</source>
        <translation>抽检中有 %1 名坐席未达配额</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 条超时</translation>
    </message>
    <message>
        <source>%1 · resolved: %2 · rating %3 · wait/talk/wrap %4</source>
        <translation>%1 · 已解决：%2 · 评分 %3 · 等待/通话/话后 %4</translation>
    </message>
    <message>
        <source>%1&apos;s call of %2 leaves the sample; the agent&apos;s next eligible interaction of the same draw takes its place. The reason is kept with the draw and in the audit log.</source>
        <translation>%1 于 %2 的来电将移出样本；由该坐席在同一次抽检中下一条符合条件的联络替代。替换理由将随抽检记录保存，并写入审计日志。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 drawn — %4</source>
        <translation>%1：已抽检 %2 / %3 — %4</translation>
    </message>
    <message>
        <source>%v of %m reviewed</source>
        <translation>已质检 %v / %m</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All reviewers</source>
        <translation>全部质检员</translation>
    </message>
    <message>
        <source>Answer every question before saving the review (missing: %1). Save a draft to finish later.</source>
        <translation>保存质检前请回答所有问题（缺少：%1）。可先保存草稿，稍后完成。</translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation>校准…</translation>
    </message>
    <message>
        <source>Choose the dialogue score (1-10, R-QA-2) before saving.</source>
        <translation>保存前请选择对话评分（1-10，R-QA-2）。</translation>
    </message>
    <message>
        <source>Could not load the sample: %1</source>
        <translation>无法加载样本：%1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Describe the service-code violation before saving (R-QA-3).</source>
        <translation>保存前请描述服务规范违规情况（R-QA-3）。</translation>
    </message>
    <message>
        <source>Dispute entered; another supervisor decides it in the Disputes tab.</source>
        <translation>申诉已录入；由另一位主管在“申诉”标签页中裁决。</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>申诉…</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>到期 %1</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s dispute of one answer of this review</source>
        <translation>录入坐席对本次质检中某项答案的申诉</translation>
    </message>
    <message>
        <source>Have several reviewers score this interaction blind</source>
        <translation>请多名质检员对此联络进行盲评</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>联络</translation>
    </message>
    <message>
        <source>Keep the answers; the item stays to review</source>
        <translation>保留答案；该条目仍待质检</translation>
    </message>
    <message>
        <source>Masked (R-SEC-2); the Interactions tab reveals it, audited, to roles allowed to see it</source>
        <translation>已脱敏（R-SEC-2）；有权限的角色可在“联络记录”标签页查看（会记录审计）</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>No QA draw has been made yet. The weekly draw runs on Monday morning; `floorwalker qa draw` runs one now.</source>
        <translation>尚未进行质检抽检。每周抽检在周一上午运行；`floorwalker qa draw` 可立即运行一次。</translation>
    </message>
    <message>
        <source>No QA draw yet</source>
        <translation>尚无质检抽检</translation>
    </message>
    <message>
        <source>No active scorecard: a quality analyst or manager creates one first.</source>
        <translation>没有启用的评分表：请质检分析员或经理先创建一个。</translation>
    </message>
    <message>
        <source>No draw for this week.</source>
        <translation>本周没有抽检。</translation>
    </message>
    <message>
        <source>No sampled interactions for you to review this week.</source>
        <translation>本周没有需要您质检的抽检联络。</translation>
    </message>
    <message>
        <source>Nothing left to review here.</source>
        <translation>这里已没有待质检的条目。</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Overdue: was due %1</source>
        <translation>超时：原定于 %1 到期</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace a sampled interaction</source>
        <translation>替换抽检联络</translation>
    </message>
    <message>
        <source>Replace this interaction in the sample (for example: the recording is silent); the reason is recorded</source>
        <translation>在样本中替换此联络（例如：录音无声）；替换理由会被记录</translation>
    </message>
    <message>
        <source>Replaced; nothing eligible was left for this agent in the draw.</source>
        <translation>已替换；该坐席在本次抽检中已没有符合条件的联络。</translation>
    </message>
    <message>
        <source>Replaced; this is the agent&apos;s next eligible interaction of the draw.</source>
        <translation>已替换；这是该坐席在本次抽检中下一条符合条件的联络。</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Reviewed %1</source>
        <translation>已质检 %1</translation>
    </message>
    <message>
        <source>Reviewed: score %1 %, dialogue %2, %3 violation(s)</source>
        <translation>已质检：得分 %1%，对话 %2，%3 项违规</translation>
    </message>
    <message>
        <source>Sample of %1 – %2</source>
        <translation>%1 – %2 的样本</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>保存质检</translation>
    </message>
    <message>
        <source>Saved the review of %1&apos;s call; next: %2.</source>
        <translation>已保存 %1 的来电质检；下一条：%2。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Select a sampled interaction to listen to it and score it.</source>
        <translation>选择一条抽检联络以收听并评分。</translation>
    </message>
    <message>
        <source>Service-code violation (R-QA-3)</source>
        <translation>服务规范违规（R-QA-3）</translation>
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
        <source>To review only</source>
        <translation>仅待质检</translation>
    </message>
    <message>
        <source>Transcript and automatic checks…</source>
        <translation>会话记录与自动检查…</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>What was breached, and when in the call (required for a violation)</source>
        <translation>违反了什么规范、发生在通话的什么时间（有违规时必填）</translation>
    </message>
    <message>
        <source>Whose sample: each reviewer&apos;s progress in brackets</source>
        <translation>谁的样本：括号内为各质检员的进度</translation>
    </message>
    <message>
        <source>Your role can read reviews but not score them.</source>
        <translation>您的角色可以查看质检结果，但不能评分。</translation>
    </message>
    <message>
        <source>Your role does not play recordings.</source>
        <translation>您的角色不能播放录音。</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>坐席 %1</translation>
    </message>
    <message>
        <source>due by the end of %1</source>
        <translation>须在 %1 结束前完成</translation>
    </message>
    <message>
        <source>e.g. the recording is silent after the first minute</source>
        <translation>例如：第一分钟后录音无声</translation>
    </message>
</context>
<context>
    <name>scorecard</name>
    <message>
        <source> (message %1)</source>
        <translation>（第 %1 条消息）</translation>
    </message>
    <message>
        <source> / 10</source>
        <translation> / 10</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 N/A</source>
        <translation>%1 项不适用</translation>
    </message>
    <message>
        <source>%1 question(s) unanswered</source>
        <translation>%1 个问题未回答</translation>
    </message>
    <message>
        <source>%1 violation(s) (R-QA-3)</source>
        <translation>%1 项违规（R-QA-3）</translation>
    </message>
    <message>
        <source>%1 · revision %2</source>
        <translation>%1 · 第 %2 版</translation>
    </message>
    <message>
        <source>%1 · weight %2</source>
        <translation>%1 · 权重 %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>A failed critical item is a compliance violation (R-QA-3), counted separately from the score</source>
        <translation>关键项未通过即为合规违规（R-QA-3），与得分分开统计</translation>
    </message>
    <message>
        <source>Answer the unanswered yes/no questions as the automatic checks of this conversation found; change any of them before saving</source>
        <translation>按本会话的自动检查结果回答尚未回答的是/否问题；保存前可修改其中任何一项</translation>
    </message>
    <message>
        <source>Auto-check %1 %2</source>
        <translation>自动检查 %1 %2</translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation>辅导备注</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Dialogue score (R-QA-2)</source>
        <translation>对话评分（R-QA-2）</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No scorecard.</source>
        <translation>没有评分表。</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Score %1 %</source>
        <translation>得分 %1%</translation>
    </message>
    <message>
        <source>Score —</source>
        <translation>得分 —</translation>
    </message>
    <message>
        <source>The supervisor&apos;s overall score of the dialogue, 1 (poor) to 10 (excellent) (R-QA-2)</source>
        <translation>主管对本次对话的总体评分，1（差）到 10（优秀）（R-QA-2）</translation>
    </message>
    <message>
        <source>Use automatic answers</source>
        <translation>使用自动答案</translation>
    </message>
    <message>
        <source>What to practise before the next review</source>
        <translation>下次质检前需要练习的内容</translation>
    </message>
    <message>
        <source>What went well, what did not — the agent reads this</source>
        <translation>做得好的和不足之处 — 坐席会看到</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— choose 1-10</source>
        <translation>— 请选择 1-10</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
</context>
</TS>
