<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgentStateModel</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Available: logged in and not paused. Paused: logged in with a pause reason. Logged out: no open login.</source>
        <translation>空闲：已登录且未暂停。暂停：已登录并带有暂停原因。已登出：没有未结束的登录。</translation>
    </message>
    <message>
        <source>No recorded state in the last 24 hours</source>
        <translation>过去 24 小时内没有状态记录</translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Backup agents to call in: %1</source>
        <translation>可召回的备岗坐席：%1</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation>%1 已解除</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解除</translation>
    </message>
</context>
<context>
    <name>LiveAgentModel</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>On call: an answered contact not ended. Wrap-up: just after a contact. Available: logged in, free. Paused: logged in with a pause reason. Logged out: no open login.</source>
        <translation>通话中：已接听且尚未结束的联络。话后处理：刚结束一次联络。空闲：已登录且无任务。暂停：已登录并带有暂停原因。已登出：没有未结束的登录。</translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
</context>
<context>
    <name>LiveWorkspace</name>
    <message>
        <source> for this selection</source>
        <translation>（当前筛选）</translation>
    </message>
    <message>
        <source>%1 of %2 offered contacts answered within their queue&apos;s target time</source>
        <translation>%2 个进线联络中有 %1 个在所属队列的目标时间内接听</translation>
    </message>
    <message>
        <source>%1 of offered</source>
        <translation>占进线量 %1</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Agents at the end of the day</source>
        <translation>当日结束时的坐席</translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation>当前坐席</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>All %1 queues</source>
        <translation>全部%1队列</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Avg speed of answer</source>
        <translation>平均应答时间</translation>
    </message>
    <message>
        <source>Could not load the figures: %1</source>
        <translation>无法加载数据：%1</translation>
    </message>
    <message>
        <source>Day per 15 minutes</source>
        <translation>全天（每 15 分钟）</translation>
    </message>
    <message>
        <source>Floor now</source>
        <translation>现场实况</translation>
    </message>
    <message>
        <source>From stored history: contacts offered since midnight up to %1 (%2), refreshed every minute. A live queue feed is not connected.</source>
        <translation>来自历史数据：零点至 %1（%2）的进线联络，每分钟刷新。未连接实时队列数据源。</translation>
    </message>
    <message>
        <source>From stored history: the whole day, %1.</source>
        <translation>来自历史数据：全天，%1。</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到 %1</translation>
    </message>
    <message>
        <source>Live tiles, charts and agents from the contact-center feed, every 2 s. Day figures below: contacts offered since midnight up to %1 (%2), from stored history.</source>
        <translation>实时指标卡、图表和坐席数据来自联络中心数据源，每 2 秒更新。下方为当日数据：零点至 %1（%2）的进线联络，来自历史数据。</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>Look at a past day</source>
        <translation>查看过去某一天</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>No agent is logged in right now.</source>
        <translation>当前没有坐席登录。</translation>
    </message>
    <message>
        <source>No agent was logged in at the end of this day.</source>
        <translation>当日结束时没有坐席登录。</translation>
    </message>
    <message>
        <source>No agents on record yet — add people in Admin or run `floorwalker demo`.</source>
        <translation>还没有坐席记录——请在“管理”中添加人员，或运行 `floorwalker demo`。</translation>
    </message>
    <message>
        <source>No contacts offered on this day%1 so far. The latest stored interaction is on %2.</source>
        <translation>当日%1尚无进线联络。最近一条已存储的联络在 %2。</translation>
    </message>
    <message>
        <source>No interactions yet — run `floorwalker demo` to build a demo center, or import your platform&apos;s call history.</source>
        <translation>还没有联络记录——运行 `floorwalker demo` 构建演示中心，或导入平台的通话历史。</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>Service level (SL): answered within the queue&apos;s target ÷ offered, abandoned contacts included. ASA: average speed of answer.</source>
        <translation>服务水平（SL）：在队列目标时间内接听数 ÷ 进线量（含放弃的联络）。ASA：平均应答时间。</translation>
    </message>
    <message>
        <source>Show logged-out agents</source>
        <translation>显示已登出坐席</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>Volume, tiles and chart for all queues, one channel or one queue</source>
        <translation>按全部队列、单个渠道或单个队列查看话务量、指标卡和图表</translation>
    </message>
    <message>
        <source>abandon rate %1</source>
        <translation>放弃率 %1</translation>
    </message>
    <message>
        <source>answered or not</source>
        <translation>含已接听与未接听</translation>
    </message>
    <message>
        <source>contacts offered</source>
        <translation>进线联络</translation>
    </message>
    <message>
        <source>mean wait of answered contacts</source>
        <translation>已接听联络的平均等待</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>无原因</translation>
    </message>
    <message>
        <source>phone, chat and on-site</source>
        <translation>电话、在线会话和现场</translation>
    </message>
    <message>
        <source>phone, chat and on-site, answered or not</source>
        <translation>电话、在线会话和现场，含未接听</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>within each queue&apos;s target</source>
        <translation>按各队列目标</translation>
    </message>
</context>
<context>
    <name>QueueFiguresModel</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1（%2内）</translation>
    </message>
    <message>
        <source>%1 of %2 offered answered within %3</source>
        <translation>%2 个进线中有 %1 个在 %3 内接听</translation>
    </message>
    <message>
        <source>ASA</source>
        <translation>ASA</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Answered within target ÷ contacts decided in the last 15 min (answered, ended, or waiting past the target)</source>
        <translation>目标内接听数 ÷ 最近 15 分钟内已有结果的联络（已接听、已结束或等待超过目标）</translation>
    </message>
    <message>
        <source>Average speed of answer: mean wait of answered contacts</source>
        <translation>平均应答时间：已接听联络的平均等待时长</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>SL</source>
        <translation>SL</translation>
    </message>
    <message>
        <source>SL 15 min</source>
        <translation>SL 15 分钟</translation>
    </message>
    <message>
        <source>SL 60 min</source>
        <translation>SL 60 分钟</translation>
    </message>
    <message>
        <source>Service level: answered within the queue&apos;s target time ÷ offered</source>
        <translation>服务水平：在队列目标时间内接听数 ÷ 进线量</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The queue&apos;s service-level target</source>
        <translation>队列的服务水平目标</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Waiting longest</source>
        <translation>最长排队</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前排队</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> agents</source>
        <translation> 名坐席</translation>
    </message>
    <message>
        <source> customers</source>
        <translation> 位客户</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2): last event %3, %4 events/s, %5 events, %6 malformed, %7 unknown, %8 duplicates, %9 out of order</source>
        <translation>%1（%2）：最近事件 %3，%4 条/秒，共 %5 条事件，%6 条格式错误，%7 条未知，%8 条重复，%9 条乱序</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 malformed, %2 unknown</source>
        <translation>%1 条格式错误，%2 条未知</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 on call · %2 paused</source>
        <translation>通话 %1 · 暂停 %2</translation>
    </message>
    <message>
        <source>%1 on call · %2 wrap · %3 paused</source>
        <translation>通话 %1 · 话后 %2 · 暂停 %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1: %2 logged in, rota %3, required %4</source>
        <translation>%1：已登录 %2，排班 %3，需求 %4</translation>
    </message>
    <message>
        <source>%1: %2 offered, forecast %3</source>
        <translation>%1：进线 %2，预测 %3</translation>
    </message>
    <message>
        <source>%1: %2 waiting, %3 available, SL %4</source>
        <translation>%1：排队 %2，空闲 %3，SL %4</translation>
    </message>
    <message>
        <source>%1–%2: %3 offered, %4 answered</source>
        <translation>%1–%2：进线 %3，接听 %4</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>30 min %1 · 60 min %2 · today %3</source>
        <translation>30分 %1 · 60分 %2 · 今日 %3</translation>
    </message>
    <message>
        <source>4 h</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>8 h</source>
        <translation>8 小时</translation>
    </message>
    <message>
        <source>ASA</source>
        <translation>ASA</translation>
    </message>
    <message>
        <source>Admin work</source>
        <translation>事务处理</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>Agents available</source>
        <translation>空闲坐席</translation>
    </message>
    <message>
        <source>Agents by state now</source>
        <translation>当前坐席状态分布</translation>
    </message>
    <message>
        <source>Agents logged in vs rota and requirement</source>
        <translation>已登录坐席、排班与需求人数</translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation>告警规则…</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>An alert is raised once per episode, as a console notification to supervisors and managers; the live_alerts job checks every 30 s, whether or not a console shows Live.</source>
        <translation>每次事件只触发一次告警，以控制台通知发送给主管和经理；live_alerts 任务每 30 秒检查一次，无论是否有控制台打开“实时”页面。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Answered today</source>
        <translation>今日接听</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>小休</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Calls waiting</source>
        <translation>排队来电</translation>
    </message>
    <message>
        <source>Calls waiting and agents available</source>
        <translation>排队来电与空闲坐席</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>在线会话</translation>
    </message>
    <message>
        <source>Chat: SL 15 min</source>
        <translation>在线会话：SL 15 分钟</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>辅导</translation>
    </message>
    <message>
        <source>Connect one with `floorwalker import queue-log FILE --follow --db …` or try `floorwalker simulate --until-stopped --db …`.</source>
        <translation>可用 `floorwalker import queue-log FILE --follow --db …` 连接数据源，或试用 `floorwalker simulate --until-stopped --db …`。</translation>
    </message>
    <message>
        <source>Contact center — live</source>
        <translation>联络中心——实时</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Customers online</source>
        <translation>在线客户</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Esc or F11 leaves the wallboard</source>
        <translation>按 Esc 或 F11 退出大屏</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export the live charts</source>
        <translation>导出实时图表</translation>
    </message>
    <message>
        <source>FEED STOPPED SINCE %1 — the figures are as of %1, not current</source>
        <translation>数据源自 %1 起已停止——数据截至 %1，并非当前实况</translation>
    </message>
    <message>
        <source>Feed live · %1 events/s</source>
        <translation>数据源正常 · %1 条/秒</translation>
    </message>
    <message>
        <source>Feed stopped since %1</source>
        <translation>数据源自 %1 起已停止</translation>
    </message>
    <message>
        <source>Figures include contacts written by `floorwalker simulate`, not a real platform</source>
        <translation>数据包含 `floorwalker simulate` 生成的联络，并非来自真实平台</translation>
    </message>
    <message>
        <source>Floorwalker wallboard</source>
        <translation>Floorwalker 大屏</translation>
    </message>
    <message>
        <source>Freeze the charts to look closer; figures keep arriving</source>
        <translation>冻结图表以便细看；数据仍在持续接收</translation>
    </message>
    <message>
        <source>Full-screen board for a TV on the floor (F11; Esc leaves)</source>
        <translation>用于现场电视的全屏大屏（F11；Esc 退出）</translation>
    </message>
    <message>
        <source>Live alert rules</source>
        <translation>实时告警规则</translation>
    </message>
    <message>
        <source>Live figures unavailable: %1</source>
        <translation>实时数据不可用：%1</translation>
    </message>
    <message>
        <source>Logged in vs rota</source>
        <translation>登录与排班</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>最长</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>Longest waiting</source>
        <translation>最长排队</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>No live feed: figures from stored contacts</source>
        <translation>无实时数据源：数据来自已存储的联络</translation>
    </message>
    <message>
        <source>No open alerts</source>
        <translation>没有未解除的告警</translation>
    </message>
    <message>
        <source>Not shown: %1.</source>
        <translation>未显示：%1。</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>Offered and answered per 15 minutes</source>
        <translation>每 15 分钟进线与接听</translation>
    </message>
    <message>
        <source>Offered vs forecast per 15 min</source>
        <translation>每 15 分钟进线与预测</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人事务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Phone SL, 15 min</source>
        <translation>电话 SL（15 分钟）</translation>
    </message>
    <message>
        <source>Phone: answered within the queue&apos;s target ÷ contacts decided in the window (target %1)</source>
        <translation>电话：在队列目标时间内接听数 ÷ 时间窗内已有结果的联络（目标 %1）</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>R-RESP-1: reply within %1</source>
        <translation>R-RESP-1：%1 内回复</translation>
    </message>
    <message>
        <source>R-RESP-3: within %1</source>
        <translation>R-RESP-3：%1 内</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>SIMULATED</source>
        <translation>模拟数据</translation>
    </message>
    <message>
        <source>SL 15 min</source>
        <translation>SL 15 分钟</translation>
    </message>
    <message>
        <source>SL target</source>
        <translation>SL 目标</translation>
    </message>
    <message>
        <source>SL today</source>
        <translation>今日 SL</translation>
    </message>
    <message>
        <source>Service level, 15 min</source>
        <translation>服务水平（15 分钟）</translation>
    </message>
    <message>
        <source>Service level, last 15 min, vs target</source>
        <translation>最近 15 分钟服务水平与目标</translation>
    </message>
    <message>
        <source>Set in Admin ▸ Rules (%1)</source>
        <translation>在“管理 ▸ 规则”中设置（%1）</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>The feed stopped at %1: the live figures below are as of %1, not current. Check the queue_log follower or the simulator.</source>
        <translation>数据源已于 %1 停止：下方实时数据截至 %1，并非当前实况。请检查 queue_log 跟踪进程或模拟器。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>Wallboard</source>
        <translation>大屏</translation>
    </message>
    <message>
        <source>Which live alerts are raised, and their thresholds</source>
        <translation>触发哪些实时告警及其阈值</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>backup team at %1</source>
        <translation>备岗阈值 %1</translation>
    </message>
    <message>
        <source>backup team at %1 (R-SCH-4)</source>
        <translation>备岗阈值 %1（R-SCH-4）</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联络数</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>in all queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>logged in / on the rota</source>
        <translation>已登录 / 排班</translation>
    </message>
    <message>
        <source>no forecast for today</source>
        <translation>今日无预测</translation>
    </message>
    <message>
        <source>no online queue</source>
        <translation>无在线队列</translation>
    </message>
    <message>
        <source>no published rota for today</source>
        <translation>今日无已发布的排班表</translation>
    </message>
    <message>
        <source>no published rota now</source>
        <translation>当前无已发布的排班表</translation>
    </message>
    <message>
        <source>no staffing requirement for today</source>
        <translation>今日无需求人数</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>of %1 offered · %2 abandoned</source>
        <translation>进线 %1 · 放弃 %2</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>进线</translation>
    </message>
    <message>
        <source>phone · target %1 · today %2 · chat %3</source>
        <translation>电话 · 目标 %1 · 今日 %2 · 在线会话 %3</translation>
    </message>
    <message>
        <source>required</source>
        <translation>需求人数</translation>
    </message>
    <message>
        <source>required %1</source>
        <translation>需求 %1</translation>
    </message>
    <message>
        <source>rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>stored data — no live feed</source>
        <translation>历史数据——无实时数据源</translation>
    </message>
    <message>
        <source>target: answered within %1 s</source>
        <translation>目标：%1 秒内接听</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>● feed live · %1 events/s</source>
        <translation>● 数据源正常 · %1 条/秒</translation>
    </message>
    <message>
        <source>● feed stopped</source>
        <translation>● 数据源已停止</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
</context>
</TS>
