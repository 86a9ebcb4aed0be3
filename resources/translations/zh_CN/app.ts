<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>floorwalker</name>
    <message>
        <source> (give datetime_format in the mapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interval-min must be 15, 30, 60, 120, 240 or 1440, not {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A VIP caller has waited longer than this (R-SCH-10: VIP first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backtest covers at most {n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A caller has waited longer than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feed silent this long counts as stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mapping is a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mapping name has 1 to {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor involved in a customer conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted contributions; target 5 per month employed</source>
        <translation>被采纳的贡献；目标为在职每月 5 条</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent paused too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents logged in are this many or more below the published rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment covers at most 31 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agent has been paused longer than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives closed complaints every day before the end of the shift (R-FLOW-6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average QA dialogue score</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller waiting too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks new chat, email and social transcripts against the service rules every 5 minutes; after a rule change, re-checks every conversation.</source>
        <translation>每 5 分钟按服务规则检查新的在线、邮件和社交会话；规则变更后重新检查所有会话。</translation>
    </message>
    <message>
        <source>Checks the floor every 30 s and raises an alert once per episode: service level under target, long waits, VIP callers waiting, online customers at the backup threshold (R-SCH-4), agents paused too long, staffing below the rota, a stopped feed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint handled (resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint resolved</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent online customers reach the backup-team threshold (R-SCH-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact-center feed stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer conflict gets a supervisor involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Customer satisfaction target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer-service manager responds to the escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily case archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily stand-up meeting (15 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days with a published shift or with handled interactions</source>
        <translation>有已发布班次或有接待记录的日期</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosed by the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DingTalk robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws last week&apos;s recorded interactions for review: at least the quota per agent (R-QA-1), stratified by channel and queue, replayable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erases customer identifiers after the retention period; aggregates stay (R-SEC-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Monday at 05:00, forecasts next week for every queue that has no forecast yet (R-SCH-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected resolution time told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feishu/Lark bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First reply to a new online inquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full days off per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the adjustment (e.g. a promotion or a holiday eve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either a factor or a volume</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Induction training for new hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inquiries handled</source>
        <translation>咨询接待量</translation>
    </message>
    <message>
        <source>Inquiries handled per working day</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined during the quarter (targets pro-rated): {names}.</source>
        <translation>季度中入职（目标已折算）：{names}。</translation>
    </message>
    <message>
        <source>Key points of a complaint recorded after first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key points recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key points recorded after the first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge-base contributions</source>
        <translation>知识库贡献</translation>
    </message>
    <message>
        <source>Live alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in / day</source>
        <translation>日均在线</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager responds to an escalated inquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the same weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the queue: columns.queue or a fixed &quot;queue_name&quot;</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No queue with id {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough history before {day}: {have} days with contacts before it, a backtest needs {need}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough history: {have} days with contacts before the week, a forecast needs {need}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice telling customers what their data is used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the first working day after a quarter, drafts its review and tells the managers (R-REV-1).</source>
        <translation>每季度结束后的第一个工作日，生成季度考核草稿并通知经理（R-REV-1）。</translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online chat reply time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online customers at the backup-team threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online customers that activate the backup team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>日均</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone answered and first response after connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process compliance</source>
        <translation>流程合规</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product training per agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product-recommendation conversion target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress feedback to the complaining customer, repeated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress feedback to the customer, every cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prunes old change notifications and job records.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly review draft</source>
        <translation>季度考核草稿</translation>
    </message>
    <message>
        <source>Quarterly survey: share of satisfied customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rated ≥ target</source>
        <translation>评分达标</translation>
    </message>
    <message>
        <source>Re-opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading XLSX needs the openpyxl package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history of {queue}</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded interactions drawn for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Resolution rate target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest between shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same interval last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Saving the forecast of {queue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends queued notifications to IM groups and e-mail, with retries and rate limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level below target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level of the last 15 min below the queue&apos;s target by more than this many percentage points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service request answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service request processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service request response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service-code compliance</source>
        <translation>服务规范合规</translation>
    </message>
    <message>
        <source>Service-code compliance: violations allowed</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Special</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staffing below the rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System fault diagnosed by the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System fault reported to the technical team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target average rating per agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target customer rating per contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical team diagnoses a system fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary solution offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adjustment ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adjustment&apos;s times need a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact-center feed has stopped (silent for feed_stale_sec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The delimiter must be one character (or &apos;tab&apos;), not {d!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factor must be between 0 and {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column {cols} (mapping {name!r}); its columns are: {have}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no column {cols}; the columns are: {all}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lowest rating is above the highest rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping needs &quot;columns&quot;: {field: source column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping needs columns.arrival (the arrival time, or the time with columns.date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends ({to}) before it starts ({frm})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarter is still running: figures up to {day}.</source>
        <translation>本季度尚未结束：数据截至 {day}。</translation>
    </message>
    <message>
        <source>The reason has at most 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volume must be 0 or more calls per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no queue to forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This adjustment was already removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to the specialist team once judged complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown encoding {name!r}: try utf-8, utf-8-sig, gbk or gb18030</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown fields in &quot;columns&quot;: {bad} (known: {known})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown mapping keys: {keys}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time zone {tz!r} (use a name like Asia/Shanghai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP caller waiting</source>
        <translation type="unfinished"></translation>
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
        <source>Warns and escalates complaints whose clocks run out (R-SLA-1..7), every 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeCom group robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly QA draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of customer satisfaction in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of inquiries handled in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of knowledge-base contributions in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of logged-in hours in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of recommendation conversion in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of response speed in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of service-code compliance in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the QA dialogue score in the KPI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the resolution rate in the KPI score</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Wrap-up after a call when the platform does not report it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text cell is longer than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is out of range: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ANSWERED row without an answer time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any common date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billsec is not a whole number of seconds &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel must be one of {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed without a closing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed_at is before opened_at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed_at is set but the stage is {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns.outcome needs &quot;outcomes&quot;: which values mean answered and abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns.{key} must name a source column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date {value!r} does not match {fmt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration is not a whole number of seconds &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback loop not closed (R-FLOW-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handled no interactions that week (leave, training or new hire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id {id} already on data row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id {id} was imported before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged into a case that is still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date (column {col!r} is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no id (column {col!r} is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no person named {name!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no queue (column {col!r} is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no team named {name!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no {field} (column {col!r} is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a WAV file (no RIFF/WAVE header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an MP3 file (no ID3 tag or frame header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an Ogg file (no OggS header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not raw GSM audio (the size is not a whole number of 33-byte frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened_at is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome {value!r} is not in the mapping&apos;s outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome {value!r} is skipped by the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcomes maps answered/abandoned/other/skip to lists of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference {ref} already on data row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference {ref} is already in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the WAV file holds no audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer time is not a valid date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer time is outside start..end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the arrival {when} is not between {lo} and {hi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the call ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer phone has more than 40 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end time is not a valid date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event name is not a queue_log verb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line contains NUL bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the queue exit is before the queue entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference has more than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row cannot be read as CSV: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row contains NUL characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {got} columns, expected {want}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {got} columns, the header {want}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row has {n} values, the header {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stage is closed but closed_at is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start time is not a valid date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the summary is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time is not a valid timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {col} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few fields (at least 5 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many fields (at most 10 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown disposition {value!r}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown {col} {value!r} (one of {known})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vip {value!r} is not yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{col} {value!r} is not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is longer than a week ({value} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is negative ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} {value!r} is not a date and time{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} {value!r} is not a number of seconds or H:MM:SS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} {value!r} is not a time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} is a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} is a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no worksheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is empty: the first line must name the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is empty: the first row must name the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a readable XLSX workbook: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not valid {enc}: give the right one with --encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} looks like an Excel workbook: save it with the .xlsx extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: a line after data row {row} is not valid {enc}; give the right one with --encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the CSV is broken after data row {row}: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the column {col!r} appears twice in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the header row has merged cells ({cells}); unmerge them so that every column has its own name, then import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the workbook is broken after data row {row}: {err}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rule} not measured for {n} agent(s) (no data); their totals are scaled over the measured weights.</source>
        <translation>{n} 名坐席的 {rule} 未计量（无数据）；其总分按已计量的权重折算。</translation>
    </message>
    <message>
        <source>{text!r} is not a week: use 2026-W48 or a date in the week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
