<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComplaintDetailDialog</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailPanel</name>
    <message>
        <source>%1 on %2. A note for the timeline (optional):</source>
        <translation>%2：%1。为时间线添加备注（可选）：</translation>
    </message>
    <message>
        <source>%1: resolve within %2 h of the first contact; at risk from 75 % of it.</source>
        <translation>%1：首次联络后 %2 小时内解决；用时达到 75 % 即为有风险。</translation>
    </message>
    <message>
        <source>A note on %1 for its timeline:</source>
        <translation>为 %1 的时间线添加备注：</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Close the feedback loop</source>
        <translation>完成回访闭环</translation>
    </message>
    <message>
        <source>Close the loop…</source>
        <translation>回访闭环…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer told</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Customer told the result and asked for their opinion (R-FLOW-5)</source>
        <translation>已告知客户处理结果并征询意见（R-FLOW-5）</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>涉及部门</translation>
    </message>
    <message>
        <source>Departments involved (R-FLOW-7)</source>
        <translation>涉及的部门（R-FLOW-7）</translation>
    </message>
    <message>
        <source>Expected resolution time told to the customer (R-FLOW-8)</source>
        <translation>已告知客户的预计解决时间（R-FLOW-8）</translation>
    </message>
    <message>
        <source>Feedback loop</source>
        <translation>回访闭环</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次联络</translation>
    </message>
    <message>
        <source>Last feedback %1</source>
        <translation>最近一次反馈 %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>登记进展</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>No feedback to the customer yet</source>
        <translation>尚未向客户反馈</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Re-open…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Record what happened: the SLA clocks start and stop on these</source>
        <translation>记录处理进展：SLA 时限据此开始和停止</translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation>解决期限</translation>
    </message>
    <message>
        <source>Select a card to see the case and its timeline.</source>
        <translation>选择一张卡片以查看工单及其时间线。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Temporary solution</source>
        <translation>临时方案</translation>
    </message>
    <message>
        <source>Temporary solution offered while open (R-SLA-8)</source>
        <translation>处理期间提供的临时方案（R-SLA-8）</translation>
    </message>
    <message>
        <source>The customer was told the result and asked for their opinion (R-FLOW-5)</source>
        <translation>已告知客户处理结果并征询其意见（R-FLOW-5）</translation>
    </message>
    <message>
        <source>The customer was told the result of %1. What is their opinion?</source>
        <translation>已告知客户 %1 的处理结果。客户的意见是？</translation>
    </message>
    <message>
        <source>This case is a duplicate: close it and link it to the case to keep</source>
        <translation>此工单为重复工单：将其关闭并关联到保留的工单</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
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
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Why is %1 open again?</source>
        <translation>%1 为什么重新打开？</translation>
    </message>
    <message>
        <source>closed after %1</source>
        <translation>历时 %1 后关闭</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>复杂</translation>
    </message>
    <message>
        <source>customer conflict</source>
        <translation>客户冲突</translation>
    </message>
    <message>
        <source>e.g. the customer called back: the refund never arrived</source>
        <translation>例如：客户来电表示一直未收到退款</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>已持续 %1</translation>
    </message>
</context>
<context>
    <name>ComplaintsWorkspace</name>
    <message>
        <source>%1 open</source>
        <translation>%1 条待处理</translation>
    </message>
    <message>
        <source>%n case(s) selected</source>
        <translation>已选择 %n 个工单</translation>
    </message>
    <message>
        <source>(current filters)</source>
        <translation>（当前筛选）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Any clock state</source>
        <translation>全部时限状态</translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation>指派负责人…</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Board or list (Ctrl+L)</source>
        <translation>看板或列表（Ctrl+L）</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Could not load the board: %1</source>
        <translation>无法加载看板：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Ctrl+N new case · arrows move between cards · Enter opens · Ctrl+→ / Ctrl+← next / previous stage</source>
        <translation>Ctrl+N 新建工单 · 方向键在卡片间移动 · Enter 打开 · Ctrl+→ / Ctrl+← 下一 / 上一阶段</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export the cases shown</source>
        <translation>导出当前显示的工单</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Filter: reference, summary, owner, team or customer…</source>
        <translation>筛选：编号、摘要、负责人、团队或客户…</translation>
    </message>
    <message>
        <source>Give the reason; it goes into the timeline.</source>
        <translation>请填写原因，它将记入时间线。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Most cases in %1 (0: no limit):</source>
        <translation>“%1”阶段的最大工单数（0：不限）：</translation>
    </message>
    <message>
        <source>Move to stage</source>
        <translation>移至阶段</translation>
    </message>
    <message>
        <source>Moving %1 back to %2.</source>
        <translation>将 %1 退回到“%2”。</translation>
    </message>
    <message>
        <source>Moving %1 to %2 skips %3.</source>
        <translation>将 %1 移至“%2”会跳过“%3”。</translation>
    </message>
    <message>
        <source>Name of this view (filters and mode):</source>
        <translation>此视图的名称（筛选条件和显示方式）：</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <source>No card matches this filter. Clear the search or choose “All teams”, “All owners”, “All priorities” and “All categories”.</source>
        <translation>没有符合筛选条件的卡片。请清除搜索，或选择“全部团队”“全部负责人”“全部优先级”和“全部类别”。</translation>
    </message>
    <message>
        <source>No open complaints or service requests for you to see, and none closed in the last %1 days. You see %2; cases of other teams are not shown.</source>
        <translation>没有您可查看的未结投诉或服务请求，最近 %1 天内也没有已关闭的。您可查看：%2；其他团队的工单不显示。</translation>
    </message>
    <message>
        <source>No open complaints or service requests, and none closed in the last %1 days. Press Ctrl+N to record one; cases logged on any desk appear here as soon as they are saved; a demo center (`floorwalker demo`) has cases in every stage.</source>
        <translation>没有未结的投诉或服务请求，最近 %1 天内也没有已关闭的。按 Ctrl+N 登记一条；任何坐席登记的工单保存后会立即显示在这里；演示中心（`floorwalker demo`）在每个阶段都有工单。</translation>
    </message>
    <message>
        <source>Only the cases you own</source>
        <translation>仅我负责的工单</translation>
    </message>
    <message>
        <source>Read-only: your role does not change complaints</source>
        <translation>只读：您的角色不能修改投诉</translation>
    </message>
    <message>
        <source>Reason for the move</source>
        <translation>移动原因</translation>
    </message>
    <message>
        <source>Record a complaint or service request (Ctrl+N)</source>
        <translation>登记投诉或服务请求（Ctrl+N）</translation>
    </message>
    <message>
        <source>Save the cases shown (this filter, this order) as CSV or Excel</source>
        <translation>将当前显示的工单（按当前筛选和排序）保存为 CSV 或 Excel</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <source>Saved views: filters and board or list</source>
        <translation>已保存的视图：筛选条件及看板或列表</translation>
    </message>
    <message>
        <source>Select rows for bulk actions</source>
        <translation>选择行以批量操作</translation>
    </message>
    <message>
        <source>Select rows for bulk actions (Shift/Ctrl+click)</source>
        <translation>选择行以批量操作（Shift/Ctrl+单击）</translation>
    </message>
    <message>
        <source>The card&apos;s left bar and countdown: where its most urgent running clock stands</source>
        <translation>卡片左侧色条和倒计时：最紧迫的运行中时限的状态</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Work-in-progress limit</source>
        <translation>在办上限</translation>
    </message>
    <message>
        <source>over the limit: %1</source>
        <translation>超出上限：%1</translation>
    </message>
    <message>
        <source>the cases you own</source>
        <translation>您负责的工单</translation>
    </message>
</context>
<context>
    <name>ImportComplaintsDialog</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 customers stored encrypted.</source>
        <translation>%1 位客户信息已加密存储。</translation>
    </message>
    <message>
        <source>%1 rows read, %2 imported, %3 not imported.</source>
        <translation>读取 %1 行，导入 %2 行，%3 行未导入。</translation>
    </message>
    <message>
        <source>%1 rows read, %2 ready, %3 with a problem (shown in red). Times in %4.</source>
        <translation>读取 %1 行，%2 行可导入，%3 行有问题（红色显示）。时间按 %4。</translation>
    </message>
    <message>
        <source>%1 · %2 columns · %3</source>
        <translation>%1 · %2 列 · %3</translation>
    </message>
    <message>
        <source>(by column names)</source>
        <translation>（按列名）</translation>
    </message>
    <message>
        <source>Also possible: %1 — check the preview.</source>
        <translation>也可能是：%1——请检查预览。</translation>
    </message>
    <message>
        <source>As the importer reads them (ISO…)</source>
        <translation>按导入程序的读取方式（ISO…）</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file exported from the other system.</source>
        <translation>请选择从其他系统导出的 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Complaints to import</source>
        <translation>待导入的投诉</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>涉及部门</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Detected from %1 dates.</source>
        <translation>根据 %1 个日期识别。</translation>
    </message>
    <message>
        <source>Expected resolution</source>
        <translation>预计解决时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import complaints</source>
        <translation>导入投诉</translation>
    </message>
    <message>
        <source>Importing complaints…</source>
        <translation>正在导入投诉…</translation>
    </message>
    <message>
        <source>Name (e.g. the other system):</source>
        <translation>名称（例如来源系统）：</translation>
    </message>
    <message>
        <source>No single format reads all %1 sample dates; they are read one by one.</source>
        <translation>没有一种格式能读取全部 %1 个样例日期；将逐个识别。</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Preview (first %1 rows, nothing saved)</source>
        <translation>预览（前 %1 行，不会保存）</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Save failed rows</source>
        <translation>保存失败的行</translation>
    </message>
    <message>
        <source>Save failed rows as CSV…</source>
        <translation>将失败的行保存为 CSV…</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>已保存的映射</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Temporary solution</source>
        <translation>临时方案</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>%1 is a duplicate of which case? It is closed and linked to that case; its timeline is kept.</source>
        <translation>%1 与哪个工单重复？它将被关闭并关联到该工单，时间线会保留。</translation>
    </message>
    <message>
        <source>A case cannot be merged into itself.</source>
        <translation>工单不能合并到自身。</translation>
    </message>
    <message>
        <source>Merge a duplicate</source>
        <translation>合并重复工单</translation>
    </message>
    <message>
        <source>Name another case on the board by its reference.</source>
        <translation>请填写看板上另一个工单的编号。</translation>
    </message>
    <message>
        <source>Please give a reason: it goes into the case&apos;s timeline.</source>
        <translation>请填写原因，它将记入工单的时间线。</translation>
    </message>
    <message>
        <source>Reference of the case to keep</source>
        <translation>保留工单的编号</translation>
    </message>
    <message>
        <source>Why they are the same case</source>
        <translation>判定为同一工单的原因</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Assign owner</source>
        <translation>指派负责人</translation>
    </message>
    <message>
        <source>Owner of the %n selected case(s):</source>
        <translation>所选 %n 个工单的负责人：</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Please give a reason: it goes into the case&apos;s timeline.</source>
        <translation>请填写原因，它将记入工单的时间线。</translation>
    </message>
</context>
<context>
    <name>RecordComplaintDialog</name>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Departments</source>
        <translation>涉及部门(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Expected resolution</source>
        <translation>预计解决时间(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;VIP</source>
        <translation>VIP(&amp;V)</translation>
    </message>
    <message>
        <source>A department name has more than 120 characters.</source>
        <translation>部门名称超过 120 个字符。</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <source>Complaint category (R-FLOW-3)</source>
        <translation>投诉类别（R-FLOW-3）</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <source>Customer told:</source>
        <translation>已告知客户：</translation>
    </message>
    <message>
        <source>Departments involved, separated by &apos;;&apos; (R-FLOW-7)</source>
        <translation>涉及的部门，用“;”分隔（R-FLOW-7）</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>姓名（可选）</translation>
    </message>
    <message>
        <source>New complaint or service request</source>
        <translation>新建投诉或服务请求</translation>
    </message>
    <message>
        <source>Offered while the case is open (R-SLA-8)</source>
        <translation>工单处理期间提供（R-SLA-8）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Priority class (R-FLOW-2)</source>
        <translation>优先级类别（R-FLOW-2）</translation>
    </message>
    <message>
        <source>Te&amp;mporary solution</source>
        <translation>临时方案(&amp;M)</translation>
    </message>
    <message>
        <source>The expected resolution time is in the past.</source>
        <translation>预计解决时间已过去。</translation>
    </message>
    <message>
        <source>The expected resolution time is more than a year away.</source>
        <translation>预计解决时间距今超过一年。</translation>
    </message>
    <message>
        <source>The phone number should have 5 to 20 digits.</source>
        <translation>电话号码应为 5 到 20 位数字。</translation>
    </message>
    <message>
        <source>The resolution time told to the customer (R-FLOW-8)</source>
        <translation>已告知客户的解决时间（R-FLOW-8）</translation>
    </message>
    <message>
        <source>The summary has more than %1 characters.</source>
        <translation>摘要超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>What happened, what the customer wants</source>
        <translation>发生了什么，客户的诉求是什么</translation>
    </message>
    <message>
        <source>Write what the customer complains about.</source>
        <translation>请填写客户投诉的内容。</translation>
    </message>
    <message>
        <source>e.g. Logistics; Finance</source>
        <translation>例如：物流部; 财务部</translation>
    </message>
    <message>
        <source>via</source>
        <translation>渠道</translation>
    </message>
</context>
<context>
    <name>StageColumnWidget</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Closed in the last %1 days</source>
        <translation>最近 %1 天内关闭</translation>
    </message>
    <message>
        <source>Over the work-in-progress limit of %1</source>
        <translation>超出在办上限 %1</translation>
    </message>
    <message>
        <source>Right-click to set a work-in-progress limit</source>
        <translation>右键单击以设置在办上限</translation>
    </message>
    <message>
        <source>Work-in-progress limit: %1</source>
        <translation>在办上限：%1</translation>
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
        <translation>作为主管，您可查看所管理团队的投诉和质检。</translation>
    </message>
    <message>
        <source>As an agent you see only your own cases and interactions.</source>
        <translation>作为坐席，您只能查看自己的工单和联络。</translation>
    </message>
    <message>
        <source>Customer details are confidential (R-SEC-2). Say why you need them: the reveal is recorded in the audit log with your name, this desk and your reason.</source>
        <translation>客户信息属于机密（R-SEC-2）。请说明查看原因：本次查看将连同您的姓名、本机和原因记入审计日志。</translation>
    </message>
    <message>
        <source>Customer details cannot be shown: %1 Every desk of the center needs the same key file (FLOORWALKER_KEY_FILE or customer.key in the data folder); ask your administrator.</source>
        <translation>无法显示客户信息：%1 中心的每台电脑都需要同一个密钥文件（FLOORWALKER_KEY_FILE 或数据文件夹中的 customer.key）；请联系管理员。</translation>
    </message>
    <message>
        <source>Decrypt this customer&apos;s name, phone and e-mail; each reveal is audited</source>
        <translation>解密此客户的姓名、电话和电子邮件；每次查看都会被审计</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Revealed for this selection only; the reveal is in the audit log.</source>
        <translation>仅对当前所选记录显示；本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Show customer details</source>
        <translation>显示客户信息</translation>
    </message>
    <message>
        <source>Show customer details…</source>
        <translation>显示客户信息…</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示信息</translation>
    </message>
    <message>
        <source>Your role may not see this customer&apos;s details.</source>
        <translation>您的角色无权查看此客户的信息。</translation>
    </message>
    <message>
        <source>Your role sees every team of the center.</source>
        <translation>您的角色可查看中心的所有团队。</translation>
    </message>
    <message>
        <source>Your teams: %1</source>
        <translation>您的团队：%1</translation>
    </message>
    <message>
        <source>Your teams: none yet — an administrator names each team&apos;s supervisor in Admin</source>
        <translation>您的团队：暂无——由管理员在“管理”中指定各团队的主管</translation>
    </message>
    <message>
        <source>e.g. call the customer back about the refund</source>
        <translation>例如：就退款事宜回电客户</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>超时%1</translation>
    </message>
    <message>
        <source>%1 merged into this case</source>
        <translation>%1 已合并到此工单</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>%1 s late</source>
        <translation>超时%1秒</translation>
    </message>
    <message>
        <source>A duplicate was merged into this case</source>
        <translation>一个重复工单已合并到此工单</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已处理时长</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Breached %1: escalated to level %2</source>
        <translation>%1 超时：升级到第 %2 级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>时限暂停</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>时限恢复</translation>
    </message>
    <message>
        <source>Clock started</source>
        <translation>时限开始</translation>
    </message>
    <message>
        <source>Clock stopped</source>
        <translation>时限停止</translation>
    </message>
    <message>
        <source>Complaint recorded</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer conflict</source>
        <translation>客户冲突</translation>
    </message>
    <message>
        <source>Customer replied</source>
        <translation>客户已回复</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Deadline %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <source>Diagnosed by the technical team</source>
        <translation>技术团队已诊断</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>%1后到期</translation>
    </message>
    <message>
        <source>Escalated to level %1 at %2 (%3 on the clock)</source>
        <translation>%2 升级到第 %1 级（已计时 %3）</translation>
    </message>
    <message>
        <source>Expected resolution time told to the customer</source>
        <translation>已告知客户预计解决时间</translation>
    </message>
    <message>
        <source>Feedback loop closed</source>
        <translation>回访已闭环</translation>
    </message>
    <message>
        <source>Judged complex</source>
        <translation>判定为复杂问题</translation>
    </message>
    <message>
        <source>Key points recorded</source>
        <translation>已记录要点</translation>
    </message>
    <message>
        <source>Late %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>Manager responded</source>
        <translation>经理已响应</translation>
    </message>
    <message>
        <source>Masked (R-SEC-2)</source>
        <translation>已脱敏（R-SEC-2）</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>已合并到 %1</translation>
    </message>
    <message>
        <source>Merged into another case</source>
        <translation>已合并到其他工单</translation>
    </message>
    <message>
        <source>No clock runs on this case.</source>
        <translation>此工单没有运行中的时限。</translation>
    </message>
    <message>
        <source>No events recorded.</source>
        <translation>没有事件记录。</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超时%1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Progress feedback to the customer</source>
        <translation>向客户反馈进度</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reported to the technical team</source>
        <translation>已报告技术团队</translation>
    </message>
    <message>
        <source>Resolved in time</source>
        <translation>按时解决</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>SLA engine</source>
        <translation>SLA 引擎</translation>
    </message>
    <message>
        <source>SLA escalation</source>
        <translation>SLA 升级</translation>
    </message>
    <message>
        <source>SLA warning</source>
        <translation>SLA 预警</translation>
    </message>
    <message>
        <source>Service request answered</source>
        <translation>服务请求已应答</translation>
    </message>
    <message>
        <source>Service request recorded</source>
        <translation>服务请求已登记</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <source>Started %1 by the first contact</source>
        <translation>首次联络时开始：%1</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>停止于 %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Supervisor involved</source>
        <translation>主管已介入</translation>
    </message>
    <message>
        <source>System fault found</source>
        <translation>发现系统故障</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Temporary solution offered</source>
        <translation>已提供临时解决方案</translation>
    </message>
    <message>
        <source>The most urgent running clock and where it stands now</source>
        <translation>最紧迫的运行中时限及其当前状态</translation>
    </message>
    <message>
        <source>Transferred to the specialist team</source>
        <translation>已转交专家团队</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Waiting on the customer</source>
        <translation>等待客户回复</translation>
    </message>
    <message>
        <source>Warned %1: %2 of the target used</source>
        <translation>%1 预警：已用时 %2</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由%1触发</translation>
    </message>
    <message>
        <source>first contact</source>
        <translation>首次联络</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>第 %1 级</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>quality analyst</source>
        <translation>质检分析员</translation>
    </message>
    <message>
        <source>resolve within %1 h</source>
        <translation>%1 小时内解决</translation>
    </message>
    <message>
        <source>stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
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
