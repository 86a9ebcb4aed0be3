<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>floorwalker</name>
    <message>
        <source> (give datetime_format in the mapping)</source>
        <translation>（请在映射中给出 datetime_format）</translation>
    </message>
    <message>
        <source>&apos;{ANY}&apos; is reserved for the fallback pool of everything left.</source>
        <translation>“{ANY}”保留给剩余全部联络的兜底池。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; cannot be answered N/A.</source>
        <translation>“{label}”不能回答为不适用。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is already {proposed}; propose a different answer.</source>
        <translation>“{label}”已经是 {proposed}；请提议不同的答案。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is answered yes or no, not &apos;{value}&apos;.</source>
        <translation>“{label}”只能回答是或否，不能是“{value}”。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is scored 0 to {max_points} points, not {value}.</source>
        <translation>“{label}”的分值为 0 到 {max_points} 分，不能是 {value}。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is scored 1 to 10, not {value}.</source>
        <translation>“{label}”的分值为 1 到 10，不能是 {value}。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; needs a number, not &apos;{value}&apos;.</source>
        <translation>“{label}”需要填写数字，不能是“{value}”。</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; of review {review_id} is already disputed (dispute {open_one}).</source>
        <translation>质检记录 {review_id} 的“{label}”已在申诉中（申诉 {open_one}）。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a quarter; write it like 2026Q3.</source>
        <translation>“{text}”不是季度；请按 2026Q3 的格式填写。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a week: write it like 2026-W47 or 2026-11-16.</source>
        <translation>“{text}”不是周；请按 2026-W47 或 2026-11-16 的格式填写。</translation>
    </message>
    <message>
        <source>--interval-min must be 15, 30, 60, 120, 240 or 1440, not {m}</source>
        <translation>--interval-min 必须是 15、30、60、120、240 或 1440，不能是 {m}</translation>
    </message>
    <message>
        <source>A VIP caller has waited longer than this (R-SCH-10: VIP first)</source>
        <translation>VIP 来电等待时间超过此值（R-SCH-10：VIP 优先）</translation>
    </message>
    <message>
        <source>A backtest covers at most {n} days</source>
        <translation>一次回测最多覆盖 {n} 天</translation>
    </message>
    <message>
        <source>A calibration needs at least two reviewers.</source>
        <translation>校准至少需要两名质检员。</translation>
    </message>
    <message>
        <source>A caller has waited longer than this</source>
        <translation>来电等待时间超过此值</translation>
    </message>
    <message>
        <source>A comment can be at most 4,000 characters.</source>
        <translation>评语最多 4,000 个字符。</translation>
    </message>
    <message>
        <source>A feed silent this long counts as stopped</source>
        <translation>数据源静默超过此时长即视为已停止</translation>
    </message>
    <message>
        <source>A mapping is a JSON object</source>
        <translation>映射必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>A mapping name has 1 to {n} characters</source>
        <translation>映射名称须为 1 到 {n} 个字符</translation>
    </message>
    <message>
        <source>A partly accepted dispute needs the answer that applies now.</source>
        <translation>部分接受的申诉需要填写现在适用的答案。</translation>
    </message>
    <message>
        <source>A plan&apos;s status is one of {value}, not &apos;{status}&apos;.</source>
        <translation>计划状态应为 {value} 之一，不能是“{status}”。</translation>
    </message>
    <message>
        <source>A review keeps the scorecard revision it was started with.</source>
        <translation>质检记录保留开始时使用的评分表版本。</translation>
    </message>
    <message>
        <source>A scorecard needs at least one section.</source>
        <translation>评分表至少需要一个部分。</translation>
    </message>
    <message>
        <source>A supervisor involved in a customer conflict</source>
        <translation>主管介入客户冲突</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accepted contributions; target 5 per month employed</source>
        <translation>被采纳的贡献；目标为在职每月 5 条</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Agent paused too long</source>
        <translation>坐席暂停过久</translation>
    </message>
    <message>
        <source>Agent {agent_id} has no figures in {quarter}.</source>
        <translation>坐席 {agent_id} 在 {quarter} 没有数据。</translation>
    </message>
    <message>
        <source>Agents logged in are this many or more below the published rota</source>
        <translation>已登录坐席人数比已发布的排班表少此数或更多</translation>
    </message>
    <message>
        <source>An adjustment covers at most 31 days</source>
        <translation>一次调整最多覆盖 31 天</translation>
    </message>
    <message>
        <source>An agent has been paused longer than this</source>
        <translation>坐席暂停时间超过此值</translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation>修正需要填写理由。</translation>
    </message>
    <message>
        <source>An improvement plan needs a goal.</source>
        <translation>改进计划需要填写目标。</translation>
    </message>
    <message>
        <source>An improvement plan needs the measures that will get the agent there.</source>
        <translation>改进计划需要填写帮助坐席达成目标的措施。</translation>
    </message>
    <message>
        <source>Another desk added a comment for this agent first.</source>
        <translation>另一个工作台已先为该坐席添加了评语。</translation>
    </message>
    <message>
        <source>Another desk changed dispute {dispute_id} (version {version}) after you opened it.</source>
        <translation>另一个工作台在您打开后修改了申诉 {dispute_id}（版本 {version}）。</translation>
    </message>
    <message>
        <source>Another desk changed the KPI weights first.</source>
        <translation>另一个工作台已先修改了 KPI 权重。</translation>
    </message>
    <message>
        <source>Another desk changed this comment first.</source>
        <translation>另一个工作台已先修改了这条评语。</translation>
    </message>
    <message>
        <source>Another desk changed this plan first.</source>
        <translation>另一个工作台已先修改了这个计划。</translation>
    </message>
    <message>
        <source>Another desk changed this sample (version {version}) after you opened it.</source>
        <translation>另一个工作台在您打开后修改了此样本（版本 {version}）。</translation>
    </message>
    <message>
        <source>Another desk saved this review (version {version}) after you opened it (version {expected_version}).</source>
        <translation>另一个工作台在您打开后保存了此质检（版本 {version}，您打开时为版本 {expected_version}）。</translation>
    </message>
    <message>
        <source>Answer every question before saving the review (missing: {labels}).</source>
        <translation>保存质检前请回答所有问题（缺少：{labels}）。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Archives closed complaints every day before the end of the shift (R-FLOW-6).</source>
        <translation>每天在班次结束前归档已关闭的投诉（R-FLOW-6）。</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Automatic QA of conversations</source>
        <translation>会话自动质检</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Average QA dialogue score</source>
        <translation>平均质检对话评分</translation>
    </message>
    <message>
        <source>Average QA dialogue score, 1-10</source>
        <translation>质检对话评分平均（1-10）</translation>
    </message>
    <message>
        <source>Average customer rating, 1-5</source>
        <translation>客户平均评分（1-5）</translation>
    </message>
    <message>
        <source>Average customer rating, 1-5; target at least 4.5</source>
        <translation>客户平均评分（1-5）；目标至少 4.5</translation>
    </message>
    <message>
        <source>Average handling time of an inquiry, open to closed</source>
        <translation>咨询从开启到关闭的平均处理时长</translation>
    </message>
    <message>
        <source>Average supervisor dialogue score, 1-10; target at least 8</source>
        <translation>主管对话评分平均（1-10）；目标至少 8</translation>
    </message>
    <message>
        <source>Average wait of handled phone, chat and on-site contacts</source>
        <translation>电话、在线和现场接待的平均等待时间</translation>
    </message>
    <message>
        <source>Average wait of handled phone, chat and on-site contacts; target at most 30 s</source>
        <translation>电话、在线和现场接待的平均等待时间；目标不超过 30 秒</translation>
    </message>
    <message>
        <source>Avg rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <source>Avg response</source>
        <translation>平均响应</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时限</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>小休</translation>
    </message>
    <message>
        <source>Calibration {calibration_id} is already closed.</source>
        <translation>校准会 {calibration_id} 已关闭。</translation>
    </message>
    <message>
        <source>Calibration {calibration_id} is closed; scores can no longer change.</source>
        <translation>校准会 {calibration_id} 已关闭，评分不能再修改。</translation>
    </message>
    <message>
        <source>Calibration {calibration_id} is still open: results are shown once it is closed, so every reviewer scores blind.</source>
        <translation>校准会 {calibration_id} 仍在进行中：关闭后才显示结果，以保证每位质检员盲评。</translation>
    </message>
    <message>
        <source>Caller waiting too long</source>
        <translation>来电等待过久</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot be decoded</source>
        <translation>无法解码</translation>
    </message>
    <message>
        <source>Cannot sort by {sort!r}</source>
        <translation>无法按 {sort!r} 排序</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>在线会话</translation>
    </message>
    <message>
        <source>Checks new chat, email and social transcripts against the service rules every 5 minutes; after a rule change, re-checks every conversation.</source>
        <translation>每 5 分钟按服务规则检查新的在线、邮件和社交会话；规则变更后重新检查所有会话。</translation>
    </message>
    <message>
        <source>Checks the floor every 30 s and raises an alert once per episode: service level under target, long waits, VIP callers waiting, online customers at the backup threshold (R-SCH-4), agents paused too long, staffing below the rota, a stopped feed.</source>
        <translation>每 30 秒检查一次现场，每次事件只发出一次告警：服务水平低于目标、长时间等待、VIP 来电等待、在线客户达到后备团队阈值（R-SCH-4）、坐席暂停过久、人员少于排班表、数据源停止。</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaint handled (resolved)</source>
        <translation>投诉已处理（已解决）</translation>
    </message>
    <message>
        <source>Complaint resolved</source>
        <translation>投诉已解决</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaints and service requests owned, opened in the month</source>
        <translation>本月新开、由其负责的投诉和服务请求</translation>
    </message>
    <message>
        <source>Complex issue transferred to the specialist team</source>
        <translation>复杂问题转交专家团队</translation>
    </message>
    <message>
        <source>Concurrent online customers reach the backup-team threshold (R-SCH-4)</source>
        <translation>同时在线客户数达到后备团队阈值（R-SCH-4）</translation>
    </message>
    <message>
        <source>Contact center</source>
        <translation>联络中心</translation>
    </message>
    <message>
        <source>Contact-center feed stopped</source>
        <translation>联络中心数据源已停止</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Customer conflict gets a supervisor involved</source>
        <translation>客户冲突需主管介入</translation>
    </message>
    <message>
        <source>Customer data retention</source>
        <translation>客户数据保留</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Customer satisfaction target</source>
        <translation>客户满意度目标</translation>
    </message>
    <message>
        <source>Customer-service manager responds to the escalation</source>
        <translation>客服经理响应升级</translation>
    </message>
    <message>
        <source>Daily case archive</source>
        <translation>每日案件归档</translation>
    </message>
    <message>
        <source>Daily stand-up meeting (15 min)</source>
        <translation>每日站会（15 分钟）</translation>
    </message>
    <message>
        <source>Days with a published shift or with handled interactions</source>
        <translation>有已发布班次或有接待记录的日期</translation>
    </message>
    <message>
        <source>Decide accept, partly or reject, not &apos;{decision}&apos;.</source>
        <translation>请选择接受、部分接受或驳回，不能是“{decision}”。</translation>
    </message>
    <message>
        <source>Describe the service-code violation (R-QA-3) on: {labels}.</source>
        <translation>请描述以下问题的服务规范违规情况（R-QA-3）：{labels}。</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Diagnosed by the technical team</source>
        <translation>技术团队已诊断</translation>
    </message>
    <message>
        <source>Dialogue score</source>
        <translation>对话评分</translation>
    </message>
    <message>
        <source>DingTalk robot</source>
        <translation>钉钉机器人</translation>
    </message>
    <message>
        <source>Dispute {dispute_id} was already decided ({status}).</source>
        <translation>申诉 {dispute_id} 已裁决（{status}）。</translation>
    </message>
    <message>
        <source>Draws last week&apos;s recorded interactions for review: at least the quota per agent (R-QA-1), stratified by channel and queue, replayable.</source>
        <translation>抽取上周有录音的联络用于质检：每名坐席至少达到配额（R-QA-1），按渠道和队列分层，可重现。</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>电子邮件（SMTP）</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Erases customer identifiers after the retention period; aggregates stay (R-SEC-1).</source>
        <translation>保留期满后清除客户标识信息；汇总数据保留（R-SEC-1）。</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Every Monday at 05:00, forecasts next week for every queue that has no forecast yet (R-SCH-1).</source>
        <translation>每周一 05:00，为尚无预测的每个队列预测下一周（R-SCH-1）。</translation>
    </message>
    <message>
        <source>Every indicator needs a weight; missing: {value}.</source>
        <translation>每个指标都需要权重；缺少：{value}。</translation>
    </message>
    <message>
        <source>Every section needs a key and a label.</source>
        <translation>每个部分都需要键和名称。</translation>
    </message>
    <message>
        <source>Expected resolution time told</source>
        <translation>已告知预计解决时间</translation>
    </message>
    <message>
        <source>Export to .csv or .xlsx, not &apos;{value}&apos;.</source>
        <translation>请导出为 .csv 或 .xlsx，不能是“{value}”。</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Feedback to customer</source>
        <translation>向客户反馈</translation>
    </message>
    <message>
        <source>Feishu/Lark bot</source>
        <translation>飞书机器人</translation>
    </message>
    <message>
        <source>File is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>First reply to a new online inquiry</source>
        <translation>对新的在线咨询首次回复</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Full days off per week</source>
        <translation>每周完整休息日</translation>
    </message>
    <message>
        <source>Give a reason for the adjustment (e.g. a promotion or a holiday eve)</source>
        <translation>请填写调整理由（例如促销或节假日前夕）</translation>
    </message>
    <message>
        <source>Give either a factor or a volume</source>
        <translation>请填写系数或来电量之一</translation>
    </message>
    <message>
        <source>Give the agent&apos;s reason for the dispute.</source>
        <translation>请填写坐席的申诉理由。</translation>
    </message>
    <message>
        <source>Give the reason for the decision.</source>
        <translation>请填写裁决理由。</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>接待量</translation>
    </message>
    <message>
        <source>Handled per working day</source>
        <translation>每工作日接待量</translation>
    </message>
    <message>
        <source>Housekeeping</source>
        <translation>系统维护</translation>
    </message>
    <message>
        <source>Induction training for new hires</source>
        <translation>新员工入职培训</translation>
    </message>
    <message>
        <source>Inquiries handled</source>
        <translation>咨询接待量</translation>
    </message>
    <message>
        <source>Inquiries handled per working day</source>
        <translation>每个工作日处理的咨询量</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>联络</translation>
    </message>
    <message>
        <source>Interaction {interaction_id} does not exist or is not one you may see.</source>
        <translation>联络 {interaction_id} 不存在，或您无权查看。</translation>
    </message>
    <message>
        <source>Interaction {interaction_id} does not exist.</source>
        <translation>联络 {interaction_id} 不存在。</translation>
    </message>
    <message>
        <source>Interaction {interaction_id} has no recording.</source>
        <translation>联络 {interaction_id} 没有录音。</translation>
    </message>
    <message>
        <source>Interactions answered in the month</source>
        <translation>本月接听的接待</translation>
    </message>
    <message>
        <source>Interactions handled per working day; target at least 30</source>
        <translation>每工作日接待量；目标至少 30</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON Webhook</translation>
    </message>
    <message>
        <source>Joined during the quarter (targets pro-rated): {names}.</source>
        <translation>季度中入职（目标已折算）：{names}。</translation>
    </message>
    <message>
        <source>Key points of a complaint recorded after first contact</source>
        <translation>首次接触后记录投诉要点</translation>
    </message>
    <message>
        <source>Key points recorded</source>
        <translation>已记录要点</translation>
    </message>
    <message>
        <source>Key points recorded after the first contact</source>
        <translation>首次接触后已记录要点</translation>
    </message>
    <message>
        <source>Knowledge-base contributions</source>
        <translation>知识库贡献</translation>
    </message>
    <message>
        <source>Live alerts</source>
        <translation>实时告警</translation>
    </message>
    <message>
        <source>Logged in / day</source>
        <translation>日均在线</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <source>Logged-in hours</source>
        <translation>在线时长</translation>
    </message>
    <message>
        <source>Logged-in hours per working day</source>
        <translation>每工作日在线时长</translation>
    </message>
    <message>
        <source>Logged-in hours per working day; target at least 6 h</source>
        <translation>每工作日在线时长；目标至少 6 小时</translation>
    </message>
    <message>
        <source>Logged-in time per agent per working day</source>
        <translation>每名坐席每个工作日的登录时长</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Manager responds to an escalated inquiry</source>
        <translation>经理响应已升级的咨询</translation>
    </message>
    <message>
        <source>Mean of the same weekday</source>
        <translation>同一工作日的平均值</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Name the queue: columns.queue or a fixed &quot;queue_name&quot;</source>
        <translation>请指定队列：columns.queue 或固定的 &quot;queue_name&quot;</translation>
    </message>
    <message>
        <source>No agent free of time off was left for the tour starting {start} with days off from {day}; it stays empty.</source>
        <translation>已没有不在休假中的坐席可排 {start} 开始、休息日从{day}起的周班次；该班次空缺。</translation>
    </message>
    <message>
        <source>No agents with figures in this quarter.</source>
        <translation>本季度没有坐席数据。</translation>
    </message>
    <message>
        <source>No data for {month}.</source>
        <translation>{month} 无数据。</translation>
    </message>
    <message>
        <source>No longer active: {names}.</source>
        <translation>已离职：{names}。</translation>
    </message>
    <message>
        <source>No mapping named {name!r}; known: {known}</source>
        <translation>没有名为 {name!r} 的映射；已有：{known}</translation>
    </message>
    <message>
        <source>No queue with id {id}</source>
        <translation>没有 ID 为 {id} 的队列</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <source>Not enough history before {day}: {have} days with contacts before it, a backtest needs {need}</source>
        <translation>{day} 之前的历史数据不足：之前有 {have} 天有联络，回测需要 {need} 天</translation>
    </message>
    <message>
        <source>Not enough history: {have} days with contacts before the week, a forecast needs {need}</source>
        <translation>历史数据不足：该周之前有 {have} 天有联络，预测需要 {need} 天</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notice telling customers what their data is used for</source>
        <translation>告知客户其数据用途的声明</translation>
    </message>
    <message>
        <source>Notification delivery</source>
        <translation>通知发送</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线时间</translation>
    </message>
    <message>
        <source>On the first working day after a quarter, drafts its review and tells the managers (R-REV-1).</source>
        <translation>每季度结束后的第一个工作日，生成季度考核草稿并通知经理（R-REV-1）。</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Online chat reply time</source>
        <translation>在线会话回复时间</translation>
    </message>
    <message>
        <source>Online customers at the backup-team threshold</source>
        <translation>在线客户达到后备团队阈值</translation>
    </message>
    <message>
        <source>Online customers that activate the backup team</source>
        <translation>启用后备团队的在线客户数</translation>
    </message>
    <message>
        <source>Only {n} reviewer(s) scored calibration {calibration_id}; at least two are needed to compare.</source>
        <translation>只有 {n} 名质检员完成了校准会 {calibration_id} 的评分；至少需要两名才能比较。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日均</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Phone answered and first response after connect</source>
        <translation>电话接通及接通后首次响应</translation>
    </message>
    <message>
        <source>Playable</source>
        <translation>可播放</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Process compliance</source>
        <translation>流程合规</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Product training per agent</source>
        <translation>每名坐席的产品培训</translation>
    </message>
    <message>
        <source>Product-recommendation conversion target</source>
        <translation>产品推荐转化率目标</translation>
    </message>
    <message>
        <source>Progress feedback to the complaining customer, repeated</source>
        <translation>向投诉客户反馈进展（循环）</translation>
    </message>
    <message>
        <source>Progress feedback to the customer, every cycle</source>
        <translation>每个周期向客户反馈进展</translation>
    </message>
    <message>
        <source>Prunes old change notifications and job records.</source>
        <translation>清理旧的变更通知和任务记录。</translation>
    </message>
    <message>
        <source>QA dialogue score</source>
        <translation>质检对话评分</translation>
    </message>
    <message>
        <source>QA score</source>
        <translation>质检得分</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Quarterly KPI score below which an agent gets an improvement plan</source>
        <translation>季度 KPI 得分低于此值的坐席需制定改进计划</translation>
    </message>
    <message>
        <source>Quarterly review draft</source>
        <translation>季度考核草稿</translation>
    </message>
    <message>
        <source>Quarterly survey: share of satisfied customers</source>
        <translation>季度调查：满意客户占比</translation>
    </message>
    <message>
        <source>Question &apos;{label}&apos; ({section})</source>
        <translation>问题“{label}”（{section}）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Rated ≥ target</source>
        <translation>评分达标</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Re-opened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>Reading XLSX needs the openpyxl package</source>
        <translation>读取 XLSX 需要安装 openpyxl 包</translation>
    </message>
    <message>
        <source>Reading the history of {queue}</source>
        <translation>正在读取 {queue} 的历史数据</translation>
    </message>
    <message>
        <source>Recommendation conversion</source>
        <translation>推荐转化率</translation>
    </message>
    <message>
        <source>Recommendations converted ÷ offered; target 5 %</source>
        <translation>推荐成交数 ÷ 推荐数；目标 5%</translation>
    </message>
    <message>
        <source>Recommendations converted ÷ recommendations offered</source>
        <translation>推荐成交数 ÷ 推荐数</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded interactions drawn for review</source>
        <translation>抽检质检的录音联络</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Reported to the technical team</source>
        <translation>已报告技术团队</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Resolution rate target</source>
        <translation>解决率目标</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Resolved share of handled interactions with a recorded resolution</source>
        <translation>有解决结果记录的接待中已解决的比例</translation>
    </message>
    <message>
        <source>Resolved share of handled interactions with a recorded resolution; target 90 %</source>
        <translation>有解决结果记录的接待中已解决的比例；目标 90%</translation>
    </message>
    <message>
        <source>Response speed</source>
        <translation>响应速度</translation>
    </message>
    <message>
        <source>Response speed target</source>
        <translation>响应速度目标</translation>
    </message>
    <message>
        <source>Rest between shifts</source>
        <translation>班次间休息</translation>
    </message>
    <message>
        <source>Review {id} has no scorecard; only its dialogue score can be disputed.</source>
        <translation>质检记录 {id} 没有评分表；只能对其对话评分提出申诉。</translation>
    </message>
    <message>
        <source>Review {review_id} is a {status}; only a saved review can be disputed.</source>
        <translation>质检记录 {review_id} 的状态为 {status}；只能对已保存的质检提出申诉。</translation>
    </message>
    <message>
        <source>Review {review_id} is not a review of sample {sample_id}.</source>
        <translation>质检记录 {review_id} 不属于样本 {sample_id}。</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>SLA sweep</source>
        <translation>SLA 巡检</translation>
    </message>
    <message>
        <source>Same interval last week</source>
        <translation>上周同一时段</translation>
    </message>
    <message>
        <source>Sample {sample_id} is {status}; only a pending sample can be replaced.</source>
        <translation>样本 {sample_id} 的状态为 {status}；只能替换待质检的样本。</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Saving the forecast of {queue}</source>
        <translation>正在保存 {queue} 的预测</translation>
    </message>
    <message>
        <source>Say why the plan was missed or cancelled.</source>
        <translation>请说明计划未达成或取消的原因。</translation>
    </message>
    <message>
        <source>Say why this interaction is replaced (for example: the recording is silent).</source>
        <translation>请说明替换此联络的原因（例如：录音无声）。</translation>
    </message>
    <message>
        <source>Scorecard &apos;{name}&apos; has no question {value}.</source>
        <translation>评分表“{name}”中没有问题 {value}。</translation>
    </message>
    <message>
        <source>Scorecard &apos;{name}&apos; revision {revision} has no question &apos;{key}&apos;.</source>
        <translation>评分表“{name}”第 {revision} 版中没有问题“{key}”。</translation>
    </message>
    <message>
        <source>Scorecard &apos;{name}&apos; revision {revision} was replaced by a newer revision; new reviews use the current one.</source>
        <translation>评分表“{name}”第 {revision} 版已被新版本取代；新的质检使用当前版本。</translation>
    </message>
    <message>
        <source>Section &apos;{label}&apos; has no questions.</source>
        <translation>部分“{label}”没有问题。</translation>
    </message>
    <message>
        <source>Section &apos;{label}&apos;: the weight must be above 0.</source>
        <translation>部分“{label}”：权重必须大于 0。</translation>
    </message>
    <message>
        <source>Sends queued notifications to IM groups and e-mail, with retries and rate limits.</source>
        <translation>将排队的通知发送到即时通讯群组和邮件，支持重试和限流。</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Service level below target</source>
        <translation>服务水平低于目标</translation>
    </message>
    <message>
        <source>Service level of the last 15 min below the queue&apos;s target by more than this many percentage points</source>
        <translation>最近 15 分钟的服务水平低于队列目标超过此百分点数</translation>
    </message>
    <message>
        <source>Service level over the week each queue must reach (0: none); the rota adds agents where they answer most calls in time</source>
        <translation>每个队列整周必须达到的服务水平（0：不设目标）；排班会在能及时接听最多来电的时段增加坐席</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>服务请求</translation>
    </message>
    <message>
        <source>Service request answered</source>
        <translation>服务请求已应答</translation>
    </message>
    <message>
        <source>Service request processed</source>
        <translation>服务请求已处理</translation>
    </message>
    <message>
        <source>Service request response</source>
        <translation>服务请求响应</translation>
    </message>
    <message>
        <source>Service-code compliance</source>
        <translation>服务规范合规</translation>
    </message>
    <message>
        <source>Service-code compliance: violations allowed</source>
        <translation>服务规范合规：允许的违规次数</translation>
    </message>
    <message>
        <source>Service-code violations found in QA reviews</source>
        <translation>质检发现的服务规范违规</translation>
    </message>
    <message>
        <source>Share of handled phone, chat and on-site contacts answered within the R-KPI-1 target</source>
        <translation>在 R-KPI-1 目标时间内应答的电话、在线和现场接待占比</translation>
    </message>
    <message>
        <source>Share of ratings at or above the R-QA-4 per-contact target</source>
        <translation>达到 R-QA-4 单次目标的评分占比</translation>
    </message>
    <message>
        <source>Slack incoming webhook</source>
        <translation>Slack 传入 Webhook</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>特殊</translation>
    </message>
    <message>
        <source>Staffing below the rota</source>
        <translation>人员少于排班表</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>阶段已变更</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stratum {name}: the quota must not be negative.</source>
        <translation>分层 {name}：配额不能为负数。</translation>
    </message>
    <message>
        <source>Stratum {name}: unknown fallback pool &apos;{f}&apos;.</source>
        <translation>分层 {name}：未知的兜底池“{f}”。</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Supervisor involved</source>
        <translation>主管已介入</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>System fault diagnosed by the technical team</source>
        <translation>技术团队已诊断系统故障</translation>
    </message>
    <message>
        <source>System fault reported to the technical team</source>
        <translation>系统故障已报告技术团队</translation>
    </message>
    <message>
        <source>Target average rating per agent</source>
        <translation>每名坐席的目标平均评分</translation>
    </message>
    <message>
        <source>Target customer rating per contact</source>
        <translation>每次联络的目标客户评分</translation>
    </message>
    <message>
        <source>Technical team diagnoses a system fault</source>
        <translation>技术团队诊断系统故障</translation>
    </message>
    <message>
        <source>Temporary solution offered</source>
        <translation>已提供临时解决方案</translation>
    </message>
    <message>
        <source>The adjustment ends before it starts</source>
        <translation>调整的结束时间早于开始时间</translation>
    </message>
    <message>
        <source>The adjustment&apos;s times need a time zone</source>
        <translation>调整的时间需要指定时区</translation>
    </message>
    <message>
        <source>The contact-center feed has stopped (silent for feed_stale_sec)</source>
        <translation>联络中心数据源已停止（静默超过 feed_stale_sec）</translation>
    </message>
    <message>
        <source>The deadline must be in the future.</source>
        <translation>截止日期必须在未来。</translation>
    </message>
    <message>
        <source>The deadline must fall after the quarter it reviews (after {last_day}).</source>
        <translation>截止日期必须在所考核季度之后（{last_day} 之后）。</translation>
    </message>
    <message>
        <source>The delimiter must be one character (or &apos;tab&apos;), not {d!r}</source>
        <translation>分隔符必须是一个字符（或 &apos;tab&apos;），不能是 {d!r}</translation>
    </message>
    <message>
        <source>The dialogue score is a whole number from 1 to 10 (R-QA-2), not {dialogue_score!r}.</source>
        <translation>对话评分为 1 到 10 的整数（R-QA-2），不能是 {dialogue_score!r}。</translation>
    </message>
    <message>
        <source>The dialogue score is a whole number from 1 to 10, not &apos;{value}&apos;.</source>
        <translation>对话评分为 1 到 10 的整数，不能是“{value}”。</translation>
    </message>
    <message>
        <source>The dialogue score is a whole number from 1 to 10, not {number}.</source>
        <translation>对话评分为 1 到 10 的整数，不能是 {number}。</translation>
    </message>
    <message>
        <source>The factor must be between 0 and {max}</source>
        <translation>系数必须在 0 到 {max} 之间</translation>
    </message>
    <message>
        <source>The file has no column for {value} (its columns: {value2}). Map them with --columns field=Header,...</source>
        <translation>文件中没有 {value} 对应的列（文件的列：{value2}）。请用 --columns field=Header,... 指定映射。</translation>
    </message>
    <message>
        <source>The file has no column {cols} (mapping {name!r}); its columns are: {have}</source>
        <translation>文件中没有列 {cols}（映射 {name!r}）；文件的列为：{have}</translation>
    </message>
    <message>
        <source>The file has no column {cols}; the columns are: {all}</source>
        <translation>文件中没有列 {cols}；文件的列为：{all}</translation>
    </message>
    <message>
        <source>The interactions could not be read for the draw (a queue id above 65535?).</source>
        <translation>无法读取用于抽检的联络（队列 ID 超过 65535？）。</translation>
    </message>
    <message>
        <source>The lowest rating is above the highest rating.</source>
        <translation>最低评分高于最高评分。</translation>
    </message>
    <message>
        <source>The mapping needs &quot;columns&quot;: {field: source column}</source>
        <translation>映射需要 &quot;columns&quot;：{field: source column}</translation>
    </message>
    <message>
        <source>The mapping needs columns.arrival (the arrival time, or the time with columns.date)</source>
        <translation>映射需要 columns.arrival（到达时间，或与 columns.date 配合的时间）</translation>
    </message>
    <message>
        <source>The minimum duration must not be negative.</source>
        <translation>最短时长不能为负数。</translation>
    </message>
    <message>
        <source>The period ends ({last}) before it starts ({first}).</source>
        <translation>期间的结束（{last}）早于开始（{first}）。</translation>
    </message>
    <message>
        <source>The period ends ({to}) before it starts ({frm})</source>
        <translation>期间的结束（{to}）早于开始（{frm}）</translation>
    </message>
    <message>
        <source>The population lists an interaction twice.</source>
        <translation>联络总体中有重复的联络。</translation>
    </message>
    <message>
        <source>The quarter is still running: figures up to {day}.</source>
        <translation>本季度尚未结束：数据截至 {day}。</translation>
    </message>
    <message>
        <source>The quota must be at least 1 interaction per agent.</source>
        <translation>配额必须至少为每名坐席 1 条联络。</translation>
    </message>
    <message>
        <source>The reason has at most 200 characters</source>
        <translation>理由最多 200 个字符</translation>
    </message>
    <message>
        <source>The recording of interaction {interaction_id} cannot be played: {value} ({path}).</source>
        <translation>联络 {interaction_id} 的录音无法播放：{value}（{path}）。</translation>
    </message>
    <message>
        <source>The scorecard needs a name.</source>
        <translation>评分表需要名称。</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>The strata&apos;s quotas add up to more than the quota per agent.</source>
        <translation>各分层的配额之和超过了每名坐席的配额。</translation>
    </message>
    <message>
        <source>The volume must be 0 or more calls per 15 minutes</source>
        <translation>来电量必须是每 15 分钟 0 通或以上</translation>
    </message>
    <message>
        <source>The week needs {need} agent-hours on the phones over all queues; this rota&apos;s agents can give at most {supply} (contracts, days off, breaks).</source>
        <translation>本周所有队列共需 {need} 坐席小时在线接听；本排班的坐席最多只能提供 {supply} 小时（受合同、休息日、休息时间限制）。</translation>
    </message>
    <message>
        <source>The week needs {need} agent-hours on the phones over all queues; this rota&apos;s agents can give at most {supply} (contracts, days off, breaks); about {more} more full-time agents.</source>
        <translation>本周所有队列共需 {need} 坐席小时在线接听；本排班的坐席最多只能提供 {supply} 小时（受合同、休息日、休息时间限制）；约还需 {more} 名全职坐席。</translation>
    </message>
    <message>
        <source>The week of {value} ({value2}) has not ended yet.</source>
        <translation>{value} 所在的周（{value2}）尚未结束。</translation>
    </message>
    <message>
        <source>The weight of {rule_id} must be between 0 and 100, not {w}.</source>
        <translation>{rule_id} 的权重必须在 0 到 100 之间，不能是 {w}。</translation>
    </message>
    <message>
        <source>The weights add up to {total:g}, not 100. Change them so they sum to 100.</source>
        <translation>权重之和为 {total:g}，不是 100。请调整使其合计为 100。</translation>
    </message>
    <message>
        <source>The {language} greeting pattern &apos;{p}&apos; is not valid: {exc}.</source>
        <translation>{language} 问候语模式“{p}”无效：{exc}。</translation>
    </message>
    <message>
        <source>There is no QA draw {draw_id}.</source>
        <translation>没有质检抽检 {draw_id}。</translation>
    </message>
    <message>
        <source>There is no QA review {review_id}.</source>
        <translation>没有质检记录 {review_id}。</translation>
    </message>
    <message>
        <source>There is no QA sample {sample_id}.</source>
        <translation>没有质检样本 {sample_id}。</translation>
    </message>
    <message>
        <source>There is no agent with id {agent_id}.</source>
        <translation>没有 ID 为 {agent_id} 的坐席。</translation>
    </message>
    <message>
        <source>There is no calibration session {calibration_id}.</source>
        <translation>没有校准会 {calibration_id}。</translation>
    </message>
    <message>
        <source>There is no center in this database yet.</source>
        <translation>此数据库中还没有中心。</translation>
    </message>
    <message>
        <source>There is no center in this database yet; create it (or run floorwalker demo) first.</source>
        <translation>此数据库中还没有中心；请先创建（或运行 floorwalker demo）。</translation>
    </message>
    <message>
        <source>There is no contact center in this database.</source>
        <translation>此数据库中没有联络中心。</translation>
    </message>
    <message>
        <source>There is no dispute {dispute_id}.</source>
        <translation>没有申诉 {dispute_id}。</translation>
    </message>
    <message>
        <source>There is no improvement plan {plan_id}.</source>
        <translation>没有改进计划 {plan_id}。</translation>
    </message>
    <message>
        <source>There is no month {month}.</source>
        <translation>没有月份 {month}。</translation>
    </message>
    <message>
        <source>There is no quarter {quarter}.</source>
        <translation>没有季度 {quarter}。</translation>
    </message>
    <message>
        <source>There is no queue to forecast</source>
        <translation>没有可预测的队列</translation>
    </message>
    <message>
        <source>There is no scorecard to calibrate with; create one first.</source>
        <translation>没有可用于校准的评分表；请先创建一个。</translation>
    </message>
    <message>
        <source>There is no scorecard {scorecard_id}.</source>
        <translation>没有评分表 {scorecard_id}。</translation>
    </message>
    <message>
        <source>There is no team called &apos;{name}&apos;. Teams: {names}.</source>
        <translation>没有名为“{name}”的团队。现有团队：{names}。</translation>
    </message>
    <message>
        <source>There is no transcript mapping called &apos;{mapping}&apos;.</source>
        <translation>没有名为“{mapping}”的会话记录映射。</translation>
    </message>
    <message>
        <source>This adjustment was already removed</source>
        <translation>该调整已被删除</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>Transferred to the specialist team once judged complex</source>
        <translation>判定为复杂问题后转交专家团队</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Two strata have the same name.</source>
        <translation>两个分层名称相同。</translation>
    </message>
    <message>
        <source>Unknown encoding {name!r}: try utf-8, utf-8-sig, gbk or gb18030</source>
        <translation>未知编码 {name!r}：请尝试 utf-8、utf-8-sig、gbk 或 gb18030</translation>
    </message>
    <message>
        <source>Unknown field(s) {value}; the fields are {value2}.</source>
        <translation>未知字段 {value}；可用字段为 {value2}。</translation>
    </message>
    <message>
        <source>Unknown fields in &quot;columns&quot;: {bad} (known: {known})</source>
        <translation>&quot;columns&quot; 中有未知字段：{bad}（已知：{known}）</translation>
    </message>
    <message>
        <source>Unknown format &apos;{fmt}&apos;: use jsonl or csv.</source>
        <translation>未知格式“{fmt}”：请使用 jsonl 或 csv。</translation>
    </message>
    <message>
        <source>Unknown mapping keys: {keys}</source>
        <translation>未知的映射键：{keys}</translation>
    </message>
    <message>
        <source>Unknown reviewer {value}.</source>
        <translation>未知的质检员 {value}。</translation>
    </message>
    <message>
        <source>Unknown time zone {tz!r} (use a name like Asia/Shanghai)</source>
        <translation>未知时区 {tz!r}（请使用类似 Asia/Shanghai 的名称）</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>VIP caller waiting</source>
        <translation>VIP 来电等待</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>Violations found in QA reviews; target none</source>
        <translation>质检发现的违规；目标为零</translation>
    </message>
    <message>
        <source>Wait (s)</source>
        <translation>等待（秒）</translation>
    </message>
    <message>
        <source>Warns and escalates complaints whose clocks run out (R-SLA-1..7), every 30 seconds.</source>
        <translation>每 30 秒对时限到期的投诉发出预警并升级（R-SLA-1..7）。</translation>
    </message>
    <message>
        <source>WeCom group robot</source>
        <translation>企业微信群机器人</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Weekly QA draw</source>
        <translation>每周质检抽检</translation>
    </message>
    <message>
        <source>Weekly forecast</source>
        <translation>每周预测</translation>
    </message>
    <message>
        <source>Weight of customer satisfaction in the KPI score</source>
        <translation>客户满意度在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of inquiries handled in the KPI score</source>
        <translation>咨询处理量在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of knowledge-base contributions in the KPI score</source>
        <translation>知识库贡献在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of logged-in hours in the KPI score</source>
        <translation>登录时长在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of recommendation conversion in the KPI score</source>
        <translation>推荐转化率在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of response speed in the KPI score</source>
        <translation>响应速度在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of service-code compliance in the KPI score</source>
        <translation>服务规范合规在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of the QA dialogue score in the KPI score</source>
        <translation>质检对话评分在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Weight of the resolution rate in the KPI score</source>
        <translation>解决率在 KPI 得分中的权重</translation>
    </message>
    <message>
        <source>Whole center</source>
        <translation>全中心</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>达标占比</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Wrap-up after a call when the platform does not report it</source>
        <translation>平台未上报时的通话后话后处理</translation>
    </message>
    <message>
        <source>Your own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Your teams</source>
        <translation>您的团队</translation>
    </message>
    <message>
        <source>a text cell is longer than {n} characters</source>
        <translation>文本单元格超过 {n} 个字符</translation>
    </message>
    <message>
        <source>a value is out of range: {err}</source>
        <translation>数值超出范围：{err}</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>an ANSWERED row without an answer time</source>
        <translation>ANSWERED 行没有接听时间</translation>
    </message>
    <message>
        <source>any common date format</source>
        <translation>任意常用日期格式</translation>
    </message>
    <message>
        <source>billsec is not a whole number of seconds &gt;= 0</source>
        <translation>billsec 不是 &gt;= 0 的整数秒</translation>
    </message>
    <message>
        <source>break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>channel must be one of {c}</source>
        <translation>channel 必须是 {c} 之一</translation>
    </message>
    <message>
        <source>closed without a closing time</source>
        <translation>已关闭但没有关闭时间</translation>
    </message>
    <message>
        <source>closed_at is before opened_at</source>
        <translation>closed_at 早于 opened_at</translation>
    </message>
    <message>
        <source>closed_at is set but the stage is {stage}</source>
        <translation>已设置 closed_at，但阶段为 {stage}</translation>
    </message>
    <message>
        <source>columns.outcome needs &quot;outcomes&quot;: which values mean answered and abandoned</source>
        <translation>columns.outcome 需要 &quot;outcomes&quot;：哪些取值表示接通和放弃</translation>
    </message>
    <message>
        <source>columns.{key} must name a source column</source>
        <translation>columns.{key} 必须指定一个源列</translation>
    </message>
    <message>
        <source>date {value!r} does not match {fmt}</source>
        <translation>日期 {value!r} 不符合 {fmt}</translation>
    </message>
    <message>
        <source>dialogue scores {sum} ÷ {n} reviews = {avg}</source>
        <translation>对话评分 {sum} ÷ {n} 次质检 = {avg}</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>ID 重复</translation>
    </message>
    <message>
        <source>duration is not a whole number of seconds &gt;= 0</source>
        <translation>duration 不是 &gt;= 0 的整数秒</translation>
    </message>
    <message>
        <source>feedback loop not closed (R-FLOW-5)</source>
        <translation>反馈闭环未完成（R-FLOW-5）</translation>
    </message>
    <message>
        <source>first reply after {wait} s (limit {limit} s)</source>
        <translation>首次回复用时 {wait} 秒（上限 {limit} 秒）</translation>
    </message>
    <message>
        <source>forbidden phrase “{phrase}”</source>
        <translation>禁用语“{phrase}”</translation>
    </message>
    <message>
        <source>greeting: {phrase}</source>
        <translation>问候语：{phrase}</translation>
    </message>
    <message>
        <source>handled no interactions that week (leave, training or new hire)</source>
        <translation>该周未处理任何联络（休假、培训或新员工）</translation>
    </message>
    <message>
        <source>id {id} already on data row {row}</source>
        <translation>ID {id} 已出现在第 {row} 数据行</translation>
    </message>
    <message>
        <source>id {id} was imported before</source>
        <translation>ID {id} 之前已导入</translation>
    </message>
    <message>
        <source>ignored outcome</source>
        <translation>结果被忽略</translation>
    </message>
    <message>
        <source>imported from {file}</source>
        <translation>从 {file} 导入</translation>
    </message>
    <message>
        <source>informal address “{word}” (use 您)</source>
        <translation>使用非敬语称呼“{word}”（应使用“您”）</translation>
    </message>
    <message>
        <source>limit must be positive</source>
        <translation>limit 必须为正数</translation>
    </message>
    <message>
        <source>logged in {h} h ÷ {d} working days = {avg}</source>
        <translation>登录 {h} 小时 ÷ {d} 个工作日 = {avg}</translation>
    </message>
    <message>
        <source>longest wait for an agent reply {gap} s over {n} replies (limit {limit} s)</source>
        <translation>坐席回复的最长等待 {gap} 秒，共 {n} 次回复（上限 {limit} 秒）</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>merged into a case that is still open</source>
        <translation>已合并到仍未关闭的案件</translation>
    </message>
    <message>
        <source>missing columns</source>
        <translation>缺少列</translation>
    </message>
    <message>
        <source>missing value</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <source>negative duration</source>
        <translation>时长为负</translation>
    </message>
    <message>
        <source>no agent ever replied</source>
        <translation>坐席始终未回复</translation>
    </message>
    <message>
        <source>no agent message</source>
        <translation>没有坐席消息</translation>
    </message>
    <message>
        <source>no agent message in Chinese</source>
        <translation>没有中文坐席消息</translation>
    </message>
    <message>
        <source>no agent reply to a customer message</source>
        <translation>客户消息未获坐席回复</translation>
    </message>
    <message>
        <source>no confirmation question in the last agent messages</source>
        <translation>最后几条坐席消息中没有确认问题</translation>
    </message>
    <message>
        <source>no customer message (outbound or empty conversation)</source>
        <translation>没有客户消息（外呼或空会话）</translation>
    </message>
    <message>
        <source>no date (column {col!r} is empty)</source>
        <translation>没有日期（列 {col!r} 为空）</translation>
    </message>
    <message>
        <source>no forbidden phrase</source>
        <translation>未使用禁用语</translation>
    </message>
    <message>
        <source>no id (column {col!r} is empty)</source>
        <translation>没有 ID（列 {col!r} 为空）</translation>
    </message>
    <message>
        <source>no person named {name!r}</source>
        <translation>没有名为 {name!r} 的人员</translation>
    </message>
    <message>
        <source>no queue (column {col!r} is empty)</source>
        <translation>没有队列（列 {col!r} 为空）</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>no summary and confirmation question in the last agent messages</source>
        <translation>最后几条坐席消息中没有总结和确认问题</translation>
    </message>
    <message>
        <source>no summary in the last agent messages</source>
        <translation>最后几条坐席消息中没有总结</translation>
    </message>
    <message>
        <source>no team named {name!r}</source>
        <translation>没有名为 {name!r} 的团队</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>无时间</translation>
    </message>
    <message>
        <source>no transfer announced</source>
        <translation>未告知转接</translation>
    </message>
    <message>
        <source>no {field} (column {col!r} is empty)</source>
        <translation>没有 {field}（列 {col!r} 为空）</translation>
    </message>
    <message>
        <source>not a WAV file (no RIFF/WAVE header)</source>
        <translation>不是 WAV 文件（没有 RIFF/WAVE 头）</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>not an MP3 file (no ID3 tag or frame header)</source>
        <translation>不是 MP3 文件（没有 ID3 标签或帧头）</translation>
    </message>
    <message>
        <source>not an Ogg file (no OggS header)</source>
        <translation>不是 Ogg 文件（没有 OggS 头）</translation>
    </message>
    <message>
        <source>not raw GSM audio (the size is not a whole number of 33-byte frames)</source>
        <translation>不是原始 GSM 音频（大小不是 33 字节帧的整数倍）</translation>
    </message>
    <message>
        <source>nothing to answer</source>
        <translation>没有需要回复的消息</translation>
    </message>
    <message>
        <source>one heading for team, agent and each figure is needed</source>
        <translation>团队、坐席和每项数据各需要一个表头</translation>
    </message>
    <message>
        <source>one heading per column is needed</source>
        <translation>每列需要一个表头</translation>
    </message>
    <message>
        <source>opened_at is empty</source>
        <translation>opened_at 为空</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>outbound: the agent wrote first</source>
        <translation>外呼：坐席先发消息</translation>
    </message>
    <message>
        <source>outcome {value!r} is not in the mapping&apos;s outcomes</source>
        <translation>结果 {value!r} 不在映射的结果取值中</translation>
    </message>
    <message>
        <source>outcome {value!r} is skipped by the mapping</source>
        <translation>结果 {value!r} 被映射设为跳过</translation>
    </message>
    <message>
        <source>outcomes maps answered/abandoned/other/skip to lists of values</source>
        <translation>outcomes 将 answered/abandoned/other/skip 映射到取值列表</translation>
    </message>
    <message>
        <source>polite address throughout</source>
        <translation>全程使用敬语</translation>
    </message>
    <message>
        <source>rating asked: “{phrase}”</source>
        <translation>已邀请评价：“{phrase}”</translation>
    </message>
    <message>
        <source>ratings {sum} ÷ {n} rated contacts = {avg}; {good} at or above the per-contact target</source>
        <translation>评分 {sum} ÷ {n} 次被评价的联络 = {avg}；{good} 次达到或高于单次目标</translation>
    </message>
    <message>
        <source>reference {ref} already on data row {row}</source>
        <translation>编号 {ref} 已出现在第 {row} 数据行</translation>
    </message>
    <message>
        <source>reference {ref} is already in the database</source>
        <translation>编号 {ref} 已存在于数据库中</translation>
    </message>
    <message>
        <source>summary “{summary}”, confirmation “{question}”</source>
        <translation>总结“{summary}”，确认“{question}”</translation>
    </message>
    <message>
        <source>the WAV file holds no audio</source>
        <translation>WAV 文件不含音频</translation>
    </message>
    <message>
        <source>the answer time is not a valid date and time</source>
        <translation>接听时间不是有效的日期时间</translation>
    </message>
    <message>
        <source>the answer time is outside start..end</source>
        <translation>接听时间不在 start..end 之间</translation>
    </message>
    <message>
        <source>the arrival {when} is not between {lo} and {hi}</source>
        <translation>到达时间 {when} 不在 {lo} 和 {hi} 之间</translation>
    </message>
    <message>
        <source>the call ends before it starts</source>
        <translation>通话结束时间早于开始时间</translation>
    </message>
    <message>
        <source>the customer phone has more than 40 characters</source>
        <translation>客户电话超过 40 个字符</translation>
    </message>
    <message>
        <source>the customer was not asked for a rating</source>
        <translation>未邀请客户评价</translation>
    </message>
    <message>
        <source>the end time is not a valid date and time</source>
        <translation>结束时间不是有效的日期时间</translation>
    </message>
    <message>
        <source>the event name is empty</source>
        <translation>事件名称为空</translation>
    </message>
    <message>
        <source>the event name is not a queue_log verb</source>
        <translation>事件名称不是 queue_log 动词</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <source>the first agent message has no standard greeting</source>
        <translation>第一条坐席消息没有标准问候语</translation>
    </message>
    <message>
        <source>the line contains NUL bytes</source>
        <translation>该行包含 NUL 字节</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>该行不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>the queue exit is before the queue entry</source>
        <translation>离开队列时间早于进入队列时间</translation>
    </message>
    <message>
        <source>the reference has more than {n} characters</source>
        <translation>编号超过 {n} 个字符</translation>
    </message>
    <message>
        <source>the reference is empty</source>
        <translation>编号为空</translation>
    </message>
    <message>
        <source>the row cannot be read as CSV: {error}</source>
        <translation>该行无法按 CSV 读取：{error}</translation>
    </message>
    <message>
        <source>the row contains NUL characters</source>
        <translation>该行包含 NUL 字符</translation>
    </message>
    <message>
        <source>the row has {got} columns, expected {want}</source>
        <translation>该行有 {got} 列，应为 {want} 列</translation>
    </message>
    <message>
        <source>the row has {got} columns, the header {want}</source>
        <translation>该行有 {got} 列，表头有 {want} 列</translation>
    </message>
    <message>
        <source>the row has {n} values, the header {m}</source>
        <translation>该行有 {n} 个值，表头有 {m} 个</translation>
    </message>
    <message>
        <source>the service ends before it starts</source>
        <translation>服务结束时间早于开始时间</translation>
    </message>
    <message>
        <source>the stage is closed but closed_at is empty</source>
        <translation>阶段为已关闭，但 closed_at 为空</translation>
    </message>
    <message>
        <source>the start time is not a valid date and time</source>
        <translation>开始时间不是有效的日期时间</translation>
    </message>
    <message>
        <source>the summary is empty</source>
        <translation>摘要为空</translation>
    </message>
    <message>
        <source>the time is not a valid timestamp</source>
        <translation>时间不是有效的时间戳</translation>
    </message>
    <message>
        <source>the {col} is empty</source>
        <translation>{col} 为空</translation>
    </message>
    <message>
        <source>too few fields (at least 5 expected)</source>
        <translation>字段太少（至少应有 5 个）</translation>
    </message>
    <message>
        <source>too many fields (at most 10 expected)</source>
        <translation>字段太多（最多 10 个）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>transfer announced but never made</source>
        <translation>已告知转接但未实际转接</translation>
    </message>
    <message>
        <source>transferred {delay} s after it was announced (limit {limit} s)</source>
        <translation>告知转接 {delay} 秒后完成转接（上限 {limit} 秒）</translation>
    </message>
    <message>
        <source>unknown disposition {value!r}</source>
        <translation>未知的处理结果 {value!r}</translation>
    </message>
    <message>
        <source>unknown event {name}</source>
        <translation>未知事件 {name}</translation>
    </message>
    <message>
        <source>unknown outcome</source>
        <translation>未知结果</translation>
    </message>
    <message>
        <source>unknown {col} {value!r} (one of {known})</source>
        <translation>未知的 {col} {value!r}（应为 {known} 之一）</translation>
    </message>
    <message>
        <source>unparseable date</source>
        <translation>日期无法解析</translation>
    </message>
    <message>
        <source>unparseable duration</source>
        <translation>时长无法解析</translation>
    </message>
    <message>
        <source>unparseable time</source>
        <translation>时间无法解析</translation>
    </message>
    <message>
        <source>unreadable time &apos;{value}&apos; (use ISO 8601, e.g. 2026-11-02T10:15:03+08:00)</source>
        <translation>无法读取的时间“{value}”（请使用 ISO 8601，例如 2026-11-02T10:15:03+08:00）</translation>
    </message>
    <message>
        <source>vip {value!r} is not yes or no</source>
        <translation>vip {value!r} 不是 yes 或 no</translation>
    </message>
    <message>
        <source>wait {wait} s ÷ {n} phone/chat/on-site contacts = {avg}; {within} within the target</source>
        <translation>等待 {wait} 秒 ÷ {n} 次电话/在线会话/现场联络 = {avg}；{within} 次在目标内</translation>
    </message>
    <message>
        <source>{col} {value!r} is not a date and time</source>
        <translation>{col} {value!r} 不是日期时间</translation>
    </message>
    <message>
        <source>{day} {start}-{end_day} {end}</source>
        <translation>{day} {start}–{end_day} {end}</translation>
    </message>
    <message>
        <source>{day} {start}-{end}</source>
        <translation>{day} {start}–{end}</translation>
    </message>
    <message>
        <source>{field} is longer than a week ({value} s)</source>
        <translation>{field} 超过一周（{value} 秒）</translation>
    </message>
    <message>
        <source>{field} is negative ({value})</source>
        <translation>{field} 为负数（{value}）</translation>
    </message>
    <message>
        <source>{field} {value!r} is not a date and time{hint}</source>
        <translation>{field} {value!r} 不是日期时间{hint}</translation>
    </message>
    <message>
        <source>{field} {value!r} is not a number of seconds or H:MM:SS</source>
        <translation>{field} {value!r} 不是秒数或 H:MM:SS</translation>
    </message>
    <message>
        <source>{field} {value!r} is not a time of day</source>
        <translation>{field} {value!r} 不是一天中的时间</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}，{rest}</translation>
    </message>
    <message>
        <source>{key} is a list of strings</source>
        <translation>{key} 是字符串列表</translation>
    </message>
    <message>
        <source>{key} is a string</source>
        <translation>{key} 是字符串</translation>
    </message>
    <message>
        <source>{key} must be a number of seconds.</source>
        <translation>{key} 必须是秒数。</translation>
    </message>
    <message>
        <source>{key} must be between 0 and 86,400 seconds.</source>
        <translation>{key} 必须在 0 到 86,400 秒之间。</translation>
    </message>
    <message>
        <source>{name} (new hire) works {shift} without the mentor on shift.</source>
        <translation>{name}（新员工）在导师不在班时上班：{shift}。</translation>
    </message>
    <message>
        <source>{name} has no full day off this week.</source>
        <translation>{name} 本周没有完整的休息日。</translation>
    </message>
    <message>
        <source>{name} has no skills and was not scheduled.</source>
        <translation>{name} 没有任何技能，未排班。</translation>
    </message>
    <message>
        <source>{name} has no worksheet</source>
        <translation>{name} 没有工作表</translation>
    </message>
    <message>
        <source>{name} has none of the skills needed this week ({skills}) and does not count for coverage.</source>
        <translation>{name} 不具备本周所需的任何技能（{skills}），不计入覆盖。</translation>
    </message>
    <message>
        <source>{name} has none of the skills this week&apos;s requirement asks for and was not scheduled.</source>
        <translation>{name} 不具备本周需求所要求的任何技能，未排班。</translation>
    </message>
    <message>
        <source>{name} has {got} of {need} min training scheduled this week.</source>
        <translation>{name} 本周已安排培训 {got} 分钟，应为 {need} 分钟。</translation>
    </message>
    <message>
        <source>{name} is a new hire and the mentor has no shifts this week; not scheduled.</source>
        <translation>{name} 是新员工，其导师本周没有班次；未排班。</translation>
    </message>
    <message>
        <source>{name} is a new hire whose mentor is not on this rota; not scheduled.</source>
        <translation>{name} 是新员工，其导师不在本排班中；未排班。</translation>
    </message>
    <message>
        <source>{name} is empty: the first line must name the columns</source>
        <translation>{name} 为空：第一行必须是列名</translation>
    </message>
    <message>
        <source>{name} is empty: the first row must name the columns</source>
        <translation>{name} 为空：第一行必须是列名</translation>
    </message>
    <message>
        <source>{name} is not a readable XLSX workbook: {err}</source>
        <translation>{name} 不是可读取的 XLSX 工作簿：{err}</translation>
    </message>
    <message>
        <source>{name} is not valid {enc}: give the right one with --encoding</source>
        <translation>{name} 不是有效的 {enc} 编码：请用 --encoding 指定正确的编码</translation>
    </message>
    <message>
        <source>{name} is not {enc} text (byte {start}); give --encoding</source>
        <translation>{name} 不是 {enc} 编码的文本（第 {start} 字节）；请指定 --encoding</translation>
    </message>
    <message>
        <source>{name} is rostered {paid:g} h, above the contract&apos;s {contract:g} h.</source>
        <translation>{name} 排班 {paid:g} 小时，超过合同的 {contract:g} 小时。</translation>
    </message>
    <message>
        <source>{name} is rostered {paid:g} h, below the contract&apos;s {contract:g} h.</source>
        <translation>{name} 排班 {paid:g} 小时，低于合同的 {contract:g} 小时。</translation>
    </message>
    <message>
        <source>{name} looks like an Excel workbook: save it with the .xlsx extension</source>
        <translation>{name} 看起来是 Excel 工作簿：请以 .xlsx 扩展名保存</translation>
    </message>
    <message>
        <source>{name} must work {hours} h but no tour was left for the agent.</source>
        <translation>{name} 至少需工作 {hours} 小时，但已没有可分配给该坐席的周班次。</translation>
    </message>
    <message>
        <source>{name} works {days} days in a row (at most {most}).</source>
        <translation>{name} 连续工作 {days} 天（最多 {most} 天）。</translation>
    </message>
    <message>
        <source>{name}&apos;s shift at {shift} falls in approved time off.</source>
        <translation>{name} 在 {shift} 的班次与已批准的休假冲突。</translation>
    </message>
    <message>
        <source>{name}&apos;s shift at {shift} falls in unavailable time.</source>
        <translation>{name} 在 {shift} 的班次处于不可排班时间。</translation>
    </message>
    <message>
        <source>{name}&apos;s shift at {shift} misses the 08:30 stand-up.</source>
        <translation>{name} 在 {shift} 的班次错过了 08:30 站会。</translation>
    </message>
    <message>
        <source>{name}&apos;s training {when} takes an agent the requirement needs.</source>
        <translation>{name} 在 {when} 的培训占用了需求所需的坐席。</translation>
    </message>
    <message>
        <source>{name}: a line after data row {row} is not valid {enc}; give the right one with --encoding</source>
        <translation>{name}：第 {row} 数据行之后有一行不是有效的 {enc} 编码；请用 --encoding 指定正确的编码</translation>
    </message>
    <message>
        <source>{name}: no room for {minutes} min of training in this week&apos;s shifts.</source>
        <translation>{name}：本周班次中没有空档安排 {minutes} 分钟的培训。</translation>
    </message>
    <message>
        <source>{name}: no shift template fits the contract ({least}-{most} h a week, {days_off} days off) and the availability; not scheduled.</source>
        <translation>{name}：没有班次模板符合合同（每周 {least}–{most} 小时，休息 {days_off} 天）和可排班时间；未排班。</translation>
    </message>
    <message>
        <source>{name}: only {hours:g} h rest between the shift at {shift} and the next at {next} (minimum {minimum:g} h).</source>
        <translation>{name}：{shift} 的班次与下一个 {next} 的班次之间只有 {hours:g} 小时休息（最少 {minimum:g} 小时）。</translation>
    </message>
    <message>
        <source>{name}: shifts at {first} and {second} overlap.</source>
        <translation>{name}：{first} 与 {second} 的班次重叠。</translation>
    </message>
    <message>
        <source>{name}: the CSV is broken after data row {row}: {err}</source>
        <translation>{name}：CSV 在第 {row} 数据行之后损坏：{err}</translation>
    </message>
    <message>
        <source>{name}: the column {col!r} appears twice in the header</source>
        <translation>{name}：列 {col!r} 在表头中出现两次</translation>
    </message>
    <message>
        <source>{name}: the header row has merged cells ({cells}); unmerge them so that every column has its own name, then import again</source>
        <translation>{name}：表头行有合并单元格（{cells}）；请取消合并，使每列都有自己的名称，然后重新导入</translation>
    </message>
    <message>
        <source>{name}: the workbook is broken after data row {row}: {err}</source>
        <translation>{name}：工作簿在第 {row} 数据行之后损坏：{err}</translation>
    </message>
    <message>
        <source>{name}: {kind} at {when} lies outside the shift.</source>
        <translation>{name}：{when} 的{kind}在班次之外。</translation>
    </message>
    <message>
        <source>{n} accepted contributions</source>
        <translation>{n} 项已采纳的贡献</translation>
    </message>
    <message>
        <source>{n} converted ÷ {offered} offered = {share}</source>
        <translation>{n} 次转化 ÷ {offered} 次推荐 = {share}</translation>
    </message>
    <message>
        <source>{n} handled ÷ {d} working days = {avg}</source>
        <translation>{n} 次处理 ÷ {d} 个工作日 = {avg}</translation>
    </message>
    <message>
        <source>{n} resolved ÷ {known} with a recorded resolution = {share}</source>
        <translation>{n} 次已解决 ÷ {known} 次有解决记录 = {share}</translation>
    </message>
    <message>
        <source>{quarter} has not ended yet; publish it after {last_day}.</source>
        <translation>{quarter} 尚未结束；请在 {last_day} 之后发布。</translation>
    </message>
    <message>
        <source>{quarter} is already published (by {published_by}); corrections are amendments.</source>
        <translation>{quarter} 已发布（发布人 {published_by}）；更正需作为修正处理。</translation>
    </message>
    <message>
        <source>{quarter} is not published; its figures are live already.</source>
        <translation>{quarter} 尚未发布；其数据已是实时数据。</translation>
    </message>
    <message>
        <source>{quarter} is published: changing a comment is an amendment and needs a reason.</source>
        <translation>{quarter} 已发布：修改评语属于修正，需要填写理由。</translation>
    </message>
    <message>
        <source>{ranges} and {more} more</source>
        <translation>{ranges} 及另外 {more} 段</translation>
    </message>
    <message>
        <source>{rule_id} is not a KPI indicator.</source>
        <translation>{rule_id} 不是 KPI 指标。</translation>
    </message>
    <message>
        <source>{rule} not measured for {n} agent(s) (no data); their totals are scaled over the measured weights.</source>
        <translation>{n} 名坐席的 {rule} 未计量（无数据）；其总分按已计量的权重折算。</translation>
    </message>
    <message>
        <source>{skill}: fewer agents with this skill can work than required in {ranges}.</source>
        <translation>{skill}：在 {ranges}，具备该技能且能上班的坐席少于需求人数。</translation>
    </message>
    <message>
        <source>{skill}: no agent with this skill can work {ranges} (time off, availability, shift start windows).</source>
        <translation>{skill}：{ranges} 没有具备该技能的坐席能上班（休假、可排班时间、班次开始时间窗口）。</translation>
    </message>
    <message>
        <source>{skill}: short of the requirement in {ranges} ({pct:.1f} % of the intervals).</source>
        <translation>{skill}：需求人数不足的时段 {ranges}（占 {pct:.1f} % 的时段）。</translation>
    </message>
    <message>
        <source>{skill}: short of the requirement in {ranges} and {more} more ({pct:.1f} % of the intervals).</source>
        <translation>{skill}：需求人数不足的时段 {ranges} 及另外 {more} 段（占 {pct:.1f} % 的时段）。</translation>
    </message>
    <message>
        <source>{skill}: short of the requirement in {ranges}: the agents&apos; contracts and the rules ({days_off} days off together, one start time, {rest} h rest, R-SCH-3) do not stretch that far.</source>
        <translation>{skill}：需求人数不足的时段 {ranges}：坐席的合同与规则（{days_off} 个休息日连在一起、固定开始时间、{rest} 小时休息间隔，R-SCH-3）无法覆盖到这些时段。</translation>
    </message>
    <message>
        <source>{skill}: the week&apos;s expected service level is {level:.1f} %, below the goal of {goal:.0f} %.</source>
        <translation>{skill}：本周预计服务水平为 {level:.1f} %，低于目标 {goal:.0f} %。</translation>
    </message>
    <message>
        <source>{text!r} is not a week: use 2026-W48 or a date in the week</source>
        <translation>{text!r} 不是周：请使用 2026-W48 或该周中的某个日期</translation>
    </message>
    <message>
        <source>{value} is not a Monday.</source>
        <translation>{value} 不是周一。</translation>
    </message>
    <message>
        <source>{v} %</source>
        <translation>{v}%</translation>
    </message>
    <message>
        <source>{v} h</source>
        <translation>{v} 小时</translation>
    </message>
    <message>
        <source>{v} s</source>
        <translation>{v} 秒</translation>
    </message>
    <message>
        <source>{v} violations in {n} QA reviews</source>
        <translation>{n} 次质检中 {v} 项违规</translation>
    </message>
    <message>
        <source>{where}: a critical scale question fails at 1..9.</source>
        <translation>{where}：关键等级题在 1..9 分时判为未通过。</translation>
    </message>
    <message>
        <source>{where}: the key &apos;{key}&apos; is empty, reserved or used twice.</source>
        <translation>{where}：键“{key}”为空、为保留字或重复使用。</translation>
    </message>
    <message>
        <source>{where}: the maximum points must be at least 1.</source>
        <translation>{where}：最高分至少为 1。</translation>
    </message>
    <message>
        <source>{where}: the weight must be above 0.</source>
        <translation>{where}：权重必须大于 0。</translation>
    </message>
    <message>
        <source>{where}: unknown kind &apos;{kind}&apos; (yes_no, scale or points).</source>
        <translation>{where}：未知类型“{kind}”（yes_no、scale 或 points）。</translation>
    </message>
</context>
</TS>
