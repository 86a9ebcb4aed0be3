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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded state in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup agents to call in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveWorkspace</name>
    <message>
        <source> for this selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 offered contacts answered within their queue&apos;s target time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg speed of answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From stored history: contacts offered since midnight up to %1 (%2), refreshed every minute. A live queue feed is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From stored history: the whole day, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live tiles, charts and agents from the contact-center feed, every 2 s. Day figures below: contacts offered since midnight up to %1 (%2), from stored history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at a past day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent is logged in right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent was logged in at the end of this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents on record yet — add people in Admin or run `floorwalker demo`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts offered on this day%1 so far. The latest stored interaction is on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions yet — run `floorwalker demo` to build a demo center, or import your platform&apos;s call history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level (SL): answered within the queue&apos;s target ÷ offered, abandoned contacts included. ASA: average speed of answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show logged-out agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume, tiles and chart for all queues, one channel or one queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandon rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean wait of answered contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone, chat and on-site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone, chat and on-site, answered or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within each queue&apos;s target</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueFiguresModel</name>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 offered answered within %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered within target ÷ contacts decided in the last 15 min (answered, ended, or waiting past the target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average speed of answer: mean wait of answered contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL 60 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level: answered within the queue&apos;s target time ÷ offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The queue&apos;s service-level target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2): last event %3, %4 events/s, %5 events, %6 malformed, %7 unknown, %8 duplicates, %9 out of order</source>
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
        <source>%1 malformed, %2 unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on call · %2 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on call · %2 wrap · %3 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1: %2 logged in, rota %3, required %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 offered, forecast %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 waiting, %3 available, SL %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2: %3 offered, %4 answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 min %1 · 60 min %2 · today %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents by state now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents logged in vs rota and requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert is raised once per episode, as a console notification to supervisors and managers; the live_alerts job checks every 30 s, whether or not a console shows Live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls waiting and agents available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat: SL 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect one with `floorwalker import queue-log FILE --follow --db …` or try `floorwalker simulate --until-stopped --db …`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact center — live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc or F11 leaves the wallboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the live charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FEED STOPPED SINCE %1 — the figures are as of %1, not current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed live · %1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed stopped since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures include contacts written by `floorwalker simulate`, not a real platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floorwalker wallboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the charts to look closer; figures keep arriving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-screen board for a TV on the floor (F11; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live figures unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in vs rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live feed: figures from stored contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered and answered per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered vs forecast per 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On-site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone SL, 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: answered within the queue&apos;s target ÷ contacts decided in the window (target %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R-RESP-1: reply within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R-RESP-3: within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIMULATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SL today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level, 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service level, last 15 min, vs target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set in Admin ▸ Rules (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feed stopped at %1: the live figures below are as of %1, not current. Check the queue_log follower or the simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which live alerts are raised, and their thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup team at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup team at %1 (R-SCH-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in all queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logged in / on the rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no forecast for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no online queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no published rota for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no published rota now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no staffing requirement for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 offered · %2 abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone · target %1 · today %2 · chat %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored data — no live feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target: answered within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● feed live · %1 events/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● feed stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
