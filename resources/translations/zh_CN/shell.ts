<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Go to a workspace, tab or action; find an agent, a complaint or a week (2026-W48)</source>
        <translation>转到工作区、标签页或操作；查找坐席、投诉或某一周（2026-W48）</translation>
    </message>
    <message>
        <source>Nothing matches</source>
        <translation>没有匹配项</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Try a name, an employee number, a complaint reference or a week such as 2026-W48.</source>
        <translation>请尝试姓名、工号、投诉编号，或 2026-W48 这样的周次。</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter open · Esc close</source>
        <translation>↑ ↓ 选择 · 回车 打开 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>&lt;b&gt;Ctrl+K&lt;/b&gt; finds anything: a workspace, a tab, an action, an agent, a complaint or a week such as 2026-W48.</source>
        <translation>&lt;b&gt;Ctrl+K&lt;/b&gt; 可查找一切：工作区、标签页、操作、坐席、投诉，或 2026-W48 这样的周次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;F1&lt;/b&gt; opens the help page of the workspace you are in; &lt;b&gt;Ctrl+/&lt;/b&gt; lists every keyboard shortcut.</source>
        <translation>&lt;b&gt;F1&lt;/b&gt; 打开当前工作区的帮助页；&lt;b&gt;Ctrl+/&lt;/b&gt; 列出全部快捷键。</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Language, theme and database are in File ▸ Settings, where this guide can be shown again.</source>
        <translation>语言、主题和数据库在 文件 ▸ 设置 中，也可在那里再次显示本指南。</translation>
    </message>
    <message>
        <source>Open the help</source>
        <translation>打开帮助</translation>
    </message>
    <message>
        <source>The sidebar holds the workspaces; Ctrl+1 … Ctrl+%1 switch between them:</source>
        <translation>侧边栏列出各工作区；按 Ctrl+1 … Ctrl+%1 切换：</translation>
    </message>
    <message>
        <source>Welcome to Floorwalker</source>
        <translation>欢迎使用 Floorwalker</translation>
    </message>
    <message>
        <source>forecast, staffing, the rota editor and time off.</source>
        <translation>预测、人力配置、排班编辑器和休假。</translation>
    </message>
    <message>
        <source>monthly figures, the monthly evaluation and the quarterly review.</source>
        <translation>月度数据、月度评估和季度评审。</translation>
    </message>
    <message>
        <source>people, teams, queues, rules, users, jobs, notifications and the audit log.</source>
        <translation>人员、团队、队列、规则、用户、任务、通知和审计日志。</translation>
    </message>
    <message>
        <source>the escalation board with live SLA clocks (Ctrl+N: a new case).</source>
        <translation>带实时时限的升级看板（Ctrl+N：新建工单）。</translation>
    </message>
    <message>
        <source>the floor now: waiting calls, service level, agents, alerts (F11: wallboard).</source>
        <translation>现场实况：排队来电、服务水平、坐席、告警（F11：大屏）。</translation>
    </message>
    <message>
        <source>the weekly QA sample, reviews, calibration, disputes and auto-QA.</source>
        <translation>每周质检样本、评分、校准、申诉和自动质检。</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Floorwalker help</source>
        <translation>Floorwalker 帮助</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 (PostgreSQL)</source>
        <translation>%1（PostgreSQL）</translation>
    </message>
    <message>
        <source>%1 (SQLite)</source>
        <translation>%1（SQLite）</translation>
    </message>
    <message>
        <source>&amp;About Floorwalker</source>
        <translation>关于 Floorwalker(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>About Floorwalker</source>
        <translation>关于 Floorwalker</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>命令面板…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Database: %1 — offline</source>
        <translation>数据库：%1 — 离线</translation>
    </message>
    <message>
        <source>Floorwalker</source>
        <translation>Floorwalker</translation>
    </message>
    <message>
        <source>Floorwalker %1 — the open-source contact-center supervisor console.</source>
        <translation>Floorwalker %1 — 开源的联络中心主管控制台。</translation>
    </message>
    <message>
        <source>Getting started guide</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <source>Help for this workspace</source>
        <translation>本工作区帮助</translation>
    </message>
    <message>
        <source>Jobs: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>Jobs: idle</source>
        <translation>任务：空闲</translation>
    </message>
    <message>
        <source>Jump to a workspace, tab, action, agent, complaint or week (Ctrl+K)</source>
        <translation>跳转到工作区、标签页、操作、坐席、投诉或某一周（Ctrl+K）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>上次刷新 %1</translation>
    </message>
    <message>
        <source>No workspace opens %1 yet.</source>
        <translation>暂无工作区可以打开 %1。</translation>
    </message>
    <message>
        <source>Not yet refreshed</source>
        <translation>尚未刷新</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>刷新失败</translation>
    </message>
    <message>
        <source>Settings saved. The new database opens at the next start.</source>
        <translation>设置已保存。新数据库将在下次启动时打开。</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>The database is not reachable. %1 Your open forms keep their edits; Floorwalker tries again every %2 seconds and refreshes everything when it is back.</source>
        <translation>无法连接数据库。%1 已打开的表单会保留您的编辑；Floorwalker 每 %2 秒重试一次，恢复后将刷新全部内容。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>%1 is a folder; give a file name inside it, such as %2.</source>
        <translation>%1 是文件夹；请给出其中的文件名，例如 %2。</translation>
    </message>
    <message>
        <source>A sqlite:/// URL needs a file path after it.</source>
        <translation>sqlite:/// 地址后面需要文件路径。</translation>
    </message>
    <message>
        <source>Add the database name after the server, for example %1/floorwalker</source>
        <translation>请在服务器后加上数据库名，例如 %1/floorwalker</translation>
    </message>
    <message>
        <source>Add the server name, for example postgresql+psycopg://user@host:5432/floorwalker</source>
        <translation>请加上服务器名，例如 postgresql+psycopg://user@host:5432/floorwalker</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Floorwalker database (*.db)</source>
        <translation>Floorwalker 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>In use now: %1. A new database opens after a restart. The %2 environment variable and --db override this setting.</source>
        <translation>当前使用：%1。新的数据库在重启后打开。环境变量 %2 和 --db 参数优先于此设置。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Local file (default) — or postgresql+psycopg://user@host/db</source>
        <translation>本地文件（默认）— 或 postgresql+psycopg://user@host/db</translation>
    </message>
    <message>
        <source>Pseudo-translation (layout check)</source>
        <translation>伪翻译（检查布局）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show the guide again</source>
        <translation>再次显示指南</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The console switches to a new language when you save; the workspaces open again where you were.</source>
        <translation>保存后控制台立即切换到新语言，并回到您当前所在的工作区。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The guide opens when Settings closes</source>
        <translation>关闭设置后将打开指南</translation>
    </message>
    <message>
        <source>The port in the address must be a number.</source>
        <translation>地址中的端口必须是数字。</translation>
    </message>
    <message>
        <source>The short guide of the first start: the workspaces, help (F1) and the command palette (Ctrl+K)</source>
        <translation>首次启动时的简短指南：各工作区、帮助（F1）和命令面板（Ctrl+K）</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Use a file path, or a URL starting with postgresql+psycopg:// (not %1://).</source>
        <translation>请使用文件路径，或以 postgresql+psycopg:// 开头的地址（不能是 %1://）。</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>按操作或按键筛选</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Some keys work only where the focus is, such as the player keys while a recording is shown. Ctrl+K finds any of these actions by name.</source>
        <translation>部分按键仅在焦点所在处有效，例如显示录音时的播放器按键。按 Ctrl+K 可按名称查找这些操作。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>Answer-time target (s)</source>
        <translation>应答时间目标（秒）</translation>
    </message>
    <message>
        <source>Changed on another desk</source>
        <translation>已在其他席位更改</translation>
    </message>
    <message>
        <source>Check the database address and that the server is running, then try again.</source>
        <translation>请检查数据库地址并确认服务器正在运行，然后重试。</translation>
    </message>
    <message>
        <source>Check the database name in the URL, or ask the database administrator to create it (createdb NAME); Floorwalker then creates its tables.</source>
        <translation>请检查地址中的数据库名，或请数据库管理员创建该数据库（createdb NAME）；之后 Floorwalker 会自动创建数据表。</translation>
    </message>
    <message>
        <source>Check the user name and password in the database URL (File ▸ Settings or --db).</source>
        <translation>请检查数据库地址中的用户名和密码（文件 ▸ 设置 或 --db）。</translation>
    </message>
    <message>
        <source>Choose a Floorwalker database file, or a new file name to create one.</source>
        <translation>请选择 Floorwalker 数据库文件，或输入新文件名以创建数据库。</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Contract hours per week</source>
        <translation>每周合同工时</translation>
    </message>
    <message>
        <source>Database not reachable</source>
        <translation>无法连接数据库</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Floorwalker hit an unexpected error. Your data is safe: the operation was rolled back. Please copy the details below into a bug report.</source>
        <translation>Floorwalker 遇到意外错误。您的数据是安全的：该操作已回滚。请将以下详细信息复制到问题报告中。</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>联络记录</translation>
    </message>
    <message>
        <source>Keep my edits open</source>
        <translation>保留我的编辑</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Make the file writable, or choose another location in Settings.</source>
        <translation>请使该文件可写，或在设置中选择其他位置。</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Nothing was overwritten. Reload to continue from their version, or keep your edits open and copy your values first.</source>
        <translation>没有覆盖任何内容。可重新加载对方的版本后继续，或保留您的编辑并先复制您填写的值。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>请检查输入</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Rebuilt over existing data</source>
        <translation>覆盖现有数据重建</translation>
    </message>
    <message>
        <source>Reload their version</source>
        <translation>重新加载对方的版本</translation>
    </message>
    <message>
        <source>Reload to see their version, or review both versions side by side.</source>
        <translation>重新加载以查看对方的版本，或并排比较两个版本。</translation>
    </message>
    <message>
        <source>Rota</source>
        <translation>排班表</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Service-level target</source>
        <translation>服务水平目标</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
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
        <source>Theirs (saved)</source>
        <translation>对方的（已保存）</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer Floorwalker. Install that version to open it.</source>
        <translation>该数据库已由更新版本的 Floorwalker 升级。请安装该版本后再打开。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Use a SQLite file path, or a URL like postgresql+psycopg://user:password@host:5432/name (file paths need no prefix).</source>
        <translation>请使用 SQLite 文件路径，或 postgresql+psycopg://user:password@host:5432/name 这样的地址（文件路径无需前缀）。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Your unsaved changes are kept. Try again when the database is back.</source>
        <translation>未保存的更改已保留。请在数据库恢复后重试。</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>您的（未保存）</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>%1 running</source>
        <translation>%1 运行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>idle (last: %1 %2)</source>
        <translation>空闲（上次：%1 %2）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>A display name has at most 120 characters.</source>
        <translation>显示名称最多 120 个字符。</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A password needs letters and at least one digit or symbol.</source>
        <translation>密码需要包含字母，以及至少一个数字或符号。</translation>
    </message>
    <message>
        <source>A user name is 1 to 64 characters without spaces.</source>
        <translation>用户名为 1 到 64 个字符，不含空格。</translation>
    </message>
    <message>
        <source>An administrator already exists; sign in instead.</source>
        <translation>管理员已存在，请直接登录。</translation>
    </message>
    <message>
        <source>Choose a password different from the current one.</source>
        <translation>请选择与当前密码不同的密码。</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The user name &apos;%1&apos; is taken.</source>
        <translation>用户名“%1”已被占用。</translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed sign-ins. Try again in %1 min or ask an administrator to unlock it.</source>
        <translation>登录失败次数过多，该账户已被锁定。请 %1 分钟后重试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>未知用户。</translation>
    </message>
    <message>
        <source>Your role (%1) may not do this (%2).</source>
        <translation>您的角色（%1）无权执行此操作（%2）。</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>坐席</translation>
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
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Nothing was changed. Database: %1
Choose another database with --db, the FLOORWALKER_DB variable or File ▸ Settings.</source>
        <translation>未做任何更改。数据库：%1
请通过 --db 参数、FLOORWALKER_DB 环境变量或 文件 ▸ 设置 选择其他数据库。</translation>
    </message>
</context>
</TS>
