<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>InteractionDetailPanel</name>
    <message>
        <source>%1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: score %2, %3 violation(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered, converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered, not converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>QA reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an interaction to see its details.</source>
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
        <source>Wait / talk / wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved: %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>All your teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day shown, in the center&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest customer rating (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day shown, in the center&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest customer rating (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search agent name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityWorkspace</name>
    <message>
        <source>Could not load interactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions for you to see yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions match these filters. Widen the dates, clear “Recorded only” or press Reset filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interactions yet — run `floorwalker demo` or import history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your own interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent interactions to spot-check; times in %1. Right-click the headings to choose columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1–%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only your own interactions are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyQaPanel</name>
    <message>
        <source>%1 of %2 agents under the quota of %3 (R-QA-1) · %4 drawn, %5 reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QA draw has been made for last week yet, so all %1 agents are under the quota of %2 reviewed interactions (R-QA-1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active agents. Add agents in Admin to plan QA reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents for you to see: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week&apos;s QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week&apos;s QA: sample of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only your own QA is shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>calibration</name>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement per reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every question (missing: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind scoring: nobody sees the others&apos; answers until the session is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration is for reviewers (supervisors, quality analysts, managers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration scores never count in an agent&apos;s QA figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least two reviewers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dialogue score (1-10) before submitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and show results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue score (1-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each reviewer scores the same interaction without seeing the others&apos; scores. Results are shown when you close the session; they never count in the agent&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α = %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs at least two scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calibration session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calibration sessions yet. Start one with New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the session&apos;s reviewers listen to the recording here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (blind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored: %1 of %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session, or start one with New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submit my score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group&apos;s α without this reviewer: higher than the group&apos;s means this reviewer differs most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewers read this question differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no sampled interaction to calibrate on yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update my score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values are shares of full marks (0-100). Spread: lowest, highest, mean and standard deviation; rows with a deviation over %1 are highlighted. Deviation per reviewer: mean distance from the others&apos; mean, in points of 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>You are not a reviewer in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your score is in; it stays hidden until the session is closed. You can change it until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Week 47 calibration: refund call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low agreement: talk the scorecard through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tentative agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α: not enough variation to compute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>disputes</name>
    <message>
        <source>%1 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 past the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agent proposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer that applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer → proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose accept, partly or reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by the end of this day (center time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue score (1-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute a review of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a dispute from the Review tab (a reviewed item → Dispute…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by %1 on %2 · decide by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered on the agent&apos;s behalf. Another supervisor decides by the deadline; the review shows as disputed until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No disputes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open disputes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer&apos;s answer %1, the agent proposes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a dispute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The agent&apos;s reason, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why — the agent and the reviewer read this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You entered this dispute: another supervisor decides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entered: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score %1 → %2, dialogue %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>player</name>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 s (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click or drag to jump; Left/Right skip 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 s (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback not started: it could not be written to the audit log (R-SEC-3). %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed ([ slower, ] faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space play/pause · ← → 5 s · [ ] speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: it is not a readable audio file (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording file is empty (0 bytes): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no sound output: the recording plays silently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interaction has no recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qa_stats</name>
    <message>
        <source>%1  [%2 – %3]  n = %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (n = 1, no interval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: dialogue score, mean and 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Bars: the 95 % confidence interval of the mean (Student&apos;s t). Few reviews give wide bars; one review gives none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed critical items in this quarter&apos;s reviews (R-QA-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week %1 – %2 · this month from %3 · this quarter from %4 (center-local days, final reviews only; calibration scores never count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean dialogue score (1-10, R-QA-2) with its 95 % confidence interval and the number of reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean scorecard score (0-100 %) with its 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews this quarter yet: the figures appear as supervisors save reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One review says nothing about spread: no interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 reviews: read the mean with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard %, quarter</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>n = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>%1 compliance violation(s) (R-QA-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 reviewed this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue score of the latest QA review, 1-10 (R-QA-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the recording (minutes:seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked customer phone number (R-SEC-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not handled by an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the weekly quota per agent (R-QA-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 drawn, under the quota of %2 (R-QA-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of %2 drawn this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed of sampled (R-QA-1: at least %1 per agent per week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed, to review, or overdue (not reviewed by the due date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Scorecard score, 0-100 %; N/A questions are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time (minutes:seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>The reviewer&apos;s dialogue score, 1-10 (R-QA-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the customer waited before an agent answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the contact was offered, in the center&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓: the interaction has a recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agent(s) under quota in the draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · resolved: %2 · rating %3 · wait/talk/wrap %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s call of %2 leaves the sample; the agent&apos;s next eligible interaction of the same draw takes its place. The reason is kept with the draw and in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 drawn — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m reviewed</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every question before saving the review (missing: %1). Save a draft to finish later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dialogue score (1-10, R-QA-2) before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the sample: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Describe the service-code violation before saving (R-QA-3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute entered; another supervisor decides it in the Disputes tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the agent&apos;s dispute of one answer of this review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have several reviewers score this interaction blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the answers; the item stays to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked (R-SEC-2); the Interactions tab reveals it, audited, to roles allowed to see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QA draw has been made yet. The weekly draw runs on Monday morning; `floorwalker qa draw` runs one now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QA draw yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active scorecard: a quality analyst or manager creates one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draw for this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sampled interactions for you to review this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left to review here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Overdue: was due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace a sampled interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace this interaction in the sample (for example: the recording is silent); the reason is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced; nothing eligible was left for this agent in the draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced; this is the agent&apos;s next eligible interaction of the draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: score %1 %, dialogue %2, %3 violation(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the review of %1&apos;s call; next: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a sampled interaction to listen to it and score it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service-code violation (R-QA-3)</source>
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
        <source>To review only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript and automatic checks…</source>
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
        <source>What was breached, and when in the call (required for a violation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose sample: each reviewer&apos;s progress in brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role can read reviews but not score them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not play recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due by the end of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the recording is silent after the first minute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>scorecard</name>
    <message>
        <source> / 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 question(s) unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 violation(s) (R-QA-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · revision %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · weight %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A failed critical item is a compliance violation (R-QA-3), counted separately from the score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer the unanswered yes/no questions as the automatic checks of this conversation found; change any of them before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-check %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coaching notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Dialogue score (R-QA-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scorecard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor&apos;s overall score of the dialogue, 1 (poor) to 10 (excellent) (R-QA-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use automatic answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to practise before the next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, what did not — the agent reads this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose 1-10</source>
        <translation type="unfinished"></translation>
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
