<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>The new user signs in with the temporary password and then chooses their own. Tell them the password in person or by phone.</source>
        <translation>新用户先用临时密码登录，然后自行设置密码。请当面或通过电话告知密码。</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
    <message>
        <source>e.g. wang.fang (no spaces)</source>
        <translation>例如 wang.fang（不含空格）</translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <source>%1 did not run: another desk started it in the same second. Try again.</source>
        <translation>%1 未运行：另一台电脑在同一秒启动了它。请重试。</translation>
    </message>
    <message>
        <source>%1 failed after %2 s: %3</source>
        <translation>%1 运行 %2 秒后失败：%3</translation>
    </message>
    <message>
        <source>%1 of %2 people</source>
        <translation>%1 / %2 人</translation>
    </message>
    <message>
        <source>%1 ran in %2 s: OK</source>
        <translation>%1 运行 %2 秒：成功</translation>
    </message>
    <message>
        <source>%n people</source>
        <translation>%n 人</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
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
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Bold values differ from the default.</source>
        <translation>粗体值与默认值不同。</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Deactivated users keep their history but cannot sign in. A reset unlocks the account.</source>
        <translation>停用的用户保留历史记录，但不能登录。重置密码可解锁账号。</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Double-click a value to change it. Bold values differ from the default.</source>
        <translation>双击数值即可修改。粗体值与默认值不同。</translation>
    </message>
    <message>
        <source>Edit person…</source>
        <translation>编辑人员…</translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation>编辑规则…</translation>
    </message>
    <message>
        <source>Edit targets…</source>
        <translation>编辑目标…</translation>
    </message>
    <message>
        <source>Edit user…</source>
        <translation>编辑用户…</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>条目：%1</translation>
    </message>
    <message>
        <source>Every desk runs the jobs; each run is claimed once in the database, so exactly one desk does it.</source>
        <translation>每台电脑都会运行任务；每次运行在数据库中只被认领一次，因此恰好由一台电脑执行。</translation>
    </message>
    <message>
        <source>Everything here is read-only for your role; an administrator makes changes.</source>
        <translation>此处内容对您的角色只读；修改由管理员进行。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Exported to %1 (entries: %2).</source>
        <translation>已导出到 %1（条目：%2）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Headcount counts active people only.</source>
        <translation>人数只统计在职人员。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>没有符合筛选条件的审计条目。</translation>
    </message>
    <message>
        <source>No background jobs are registered.</source>
        <translation>没有已注册的后台任务。</translation>
    </message>
    <message>
        <source>No people yet. Run `floorwalker demo` to build a demo center, or import your staff list.</source>
        <translation>还没有人员。运行 `floorwalker demo` 构建演示中心，或导入员工名单。</translation>
    </message>
    <message>
        <source>No queues yet. Run `floorwalker demo`, or import your queues.</source>
        <translation>还没有队列。运行 `floorwalker demo`，或导入队列。</translation>
    </message>
    <message>
        <source>No rule values in this database.</source>
        <translation>此数据库中没有规则值。</translation>
    </message>
    <message>
        <source>No teams yet. Run `floorwalker demo`, or import your staff list.</source>
        <translation>还没有团队。运行 `floorwalker demo`，或导入员工名单。</translation>
    </message>
    <message>
        <source>No users yet. The first administrator is created at the first start; add the others here.</source>
        <translation>还没有用户。首次启动时会创建第一个管理员；其他用户在此添加。</translation>
    </message>
    <message>
        <source>Nobody matches this filter.</source>
        <translation>没有人员符合筛选条件。</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Every edit made here, and every unmasking of customer data, appears in this log.</source>
        <translation>尚无任何修改。在此进行的每次编辑，以及每次查看客户敏感信息，都会记入此日志。</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Only administrators add and change users.</source>
        <translation>只有管理员可以添加和修改用户。</translation>
    </message>
    <message>
        <source>Only administrators pause and resume jobs.</source>
        <translation>只有管理员可以暂停和恢复任务。</translation>
    </message>
    <message>
        <source>Only administrators run jobs by hand.</source>
        <translation>只有管理员可以手动运行任务。</translation>
    </message>
    <message>
        <source>Only entries between these days (the center&apos;s time zone)</source>
        <translation>仅显示这两天之间的条目（中心时区）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Recent runs of %1</source>
        <translation>“%1”的最近运行记录</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Search name, employee no., team or skill</source>
        <translation>搜索姓名、工号、团队或技能</translation>
    </message>
    <message>
        <source>Select a job to see its recent runs.</source>
        <translation>选择一个任务以查看其最近运行记录。</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>已以 %1（%2）身份登录。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>The Admin data could not be loaded: %1</source>
        <translation>无法加载管理数据：%1</translation>
    </message>
    <message>
        <source>The job list could not be read: %1</source>
        <translation>无法读取任务列表：%1</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>无法读取运行记录：%1</translation>
    </message>
    <message>
        <source>The service-level target is the share of contacts answered within the target seconds; VIP queues go first (R-SCH-10).</source>
        <translation>服务水平目标是在目标秒数内接听的联络占比；VIP 队列优先（R-SCH-10）。</translation>
    </message>
    <message>
        <source>This job has not run yet.</source>
        <translation>此任务尚未运行。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Write every entry that matches the filters to a CSV file</source>
        <translation>将符合筛选条件的所有条目写入 CSV 文件</translation>
    </message>
    <message>
        <source>You may change %1; the rest is read-only for your role.</source>
        <translation>您可以修改%1；其余内容对您的角色只读。</translation>
    </message>
    <message>
        <source>You may change rule values, people, users and queue targets; every change is audited and reaches the other desks at once.</source>
        <translation>您可以修改规则值、人员、用户和队列目标；每次修改都会被审计，并立即同步到其他电脑。</translation>
    </message>
    <message>
        <source>Your role may not read the audit log; managers and administrators can.</source>
        <translation>您的角色无权查看审计日志；经理和管理员可以查看。</translation>
    </message>
    <message>
        <source>newest %1 of %2 entries</source>
        <translation>最新 %1 条（共 %2 条）</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>rule values and queue targets</source>
        <translation>规则值和队列目标</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <source> h/week</source>
        <translation> 小时/周</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>Active (works in this center)</source>
        <translation>在职（在本中心工作）</translation>
    </message>
    <message>
        <source>Contract hours</source>
        <translation>合同工时</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>QueueEditDialog</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>, VIP</source>
        <translation>，VIP</translation>
    </message>
    <message>
        <source>Priority (higher first)</source>
        <translation>优先级（数值高者优先）</translation>
    </message>
    <message>
        <source>Queue targets</source>
        <translation>队列目标</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Service-level target</source>
        <translation>服务水平目标</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
    <message>
        <source>…answered within</source>
        <translation>…接听时限</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>%1 must choose a new password at the next sign-in. A locked account is unlocked at once.</source>
        <translation>%1 下次登录时必须设置新密码。被锁定的账号会立即解锁。</translation>
    </message>
    <message>
        <source>New temporary password for %1 (%2)</source>
        <translation>%1（%2）的新临时密码</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>RuleEditDialog</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
    <message>
        <source>never (default)</source>
        <translation>从未修改（默认）</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Active (may sign in)</source>
        <translation>启用（可登录）</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <source>Reloaded the version saved on the other desk. Make your change again if it is still needed.</source>
        <translation>已重新加载其他电脑上保存的版本。如仍需修改，请重新操作。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Save user</source>
        <translation>保存用户</translation>
    </message>
    <message>
        <source>This record no longer exists; it was removed on another desk.</source>
        <translation>此记录已不存在，已在其他电脑上被删除。</translation>
    </message>
    <message>
        <source>You are signed in as %1 (%2): your role may look but not change this.</source>
        <translation>您以 %1（%2）身份登录：您的角色只能查看，不能修改。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>_PasswordField</name>
    <message>
        <source>%1+ characters, with a digit or symbol</source>
        <translation>至少 %1 个字符，含数字或符号</translation>
    </message>
    <message>
        <source>At least %1 characters: letters and at least one digit or symbol</source>
        <translation>至少 %1 个字符：包含字母以及至少一个数字或符号</translation>
    </message>
    <message>
        <source>Fill in a random password that meets the rules</source>
        <translation>填入一个符合规则的随机密码</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>生成密码</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>Changed from the default %1</source>
        <translation>已从默认值 %1 修改</translation>
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
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Hours/week</source>
        <translation>小时/周</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中级</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Junior</source>
        <translation>初级</translation>
    </message>
    <message>
        <source>KPI weights</source>
        <translation>KPI 权重</translation>
    </message>
    <message>
        <source>Last changed at</source>
        <translation>最近修改时间</translation>
    </message>
    <message>
        <source>Last changed by</source>
        <translation>最近修改人</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次运行</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <source>Locked after too many failed sign-ins. Reset the password to unlock now.</source>
        <translation>登录失败次数过多，账号已锁定。重置密码可立即解锁。</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
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
        <source>QA calibration</source>
        <translation>质检校准</translation>
    </message>
    <message>
        <source>QA dispute</source>
        <translation>质检申诉</translation>
    </message>
    <message>
        <source>QA draw</source>
        <translation>质检抽检</translation>
    </message>
    <message>
        <source>QA draw rules</source>
        <translation>质检抽检规则</translation>
    </message>
    <message>
        <source>QA sample</source>
        <translation>质检样本</translation>
    </message>
    <message>
        <source>Quality analyst</source>
        <translation>质检分析员</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>SLA engine</source>
        <translation>SLA 引擎</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>SLA 策略</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>排班员</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Target SL %</source>
        <translation>目标 SL %</translation>
    </message>
    <message>
        <source>Target seconds</source>
        <translation>目标秒数</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>This account cannot sign in until an administrator resets its password.</source>
        <translation>在管理员重置密码之前，此账号无法登录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>agents</source>
        <translation>名坐席</translation>
    </message>
    <message>
        <source>amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>auto-QA rules</source>
        <translation>自动质检规则</translation>
    </message>
    <message>
        <source>build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>business calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>calendar day</source>
        <translation>日历日</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>顶班</translation>
    </message>
    <message>
        <source>create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>位客户</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>days/week</source>
        <translation>天/周</translation>
    </message>
    <message>
        <source>decide</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>demo center</source>
        <translation>演示中心</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>抹除</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>每 %1 天</translation>
    </message>
    <message>
        <source>every %1 h</source>
        <translation>每 %1 小时</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>每 %1 秒</translation>
    </message>
    <message>
        <source>every %1 weeks</source>
        <translation>每 %1 周</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>forecast override</source>
        <translation>预测调整</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>h/day</source>
        <translation>小时/天</translation>
    </message>
    <message>
        <source>h/month</source>
        <translation>小时/月</translation>
    </message>
    <message>
        <source>import mapping</source>
        <translation>导入映射</translation>
    </message>
    <message>
        <source>improvement plan</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>live alert rule</source>
        <translation>实时告警规则</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>never run</source>
        <translation>从未运行</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>notification channel</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>notification delivery</source>
        <translation>通知投递</translation>
    </message>
    <message>
        <source>of 10</source>
        <translation>满分 10</translation>
    </message>
    <message>
        <source>of 5</source>
        <translation>满分 5</translation>
    </message>
    <message>
        <source>per agent per week</source>
        <translation>每坐席每周</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <source>publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>quarterly review</source>
        <translation>季度复盘</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>raise</source>
        <translation>提起</translation>
    </message>
    <message>
        <source>ran</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>resend</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>查看敏感信息</translation>
    </message>
    <message>
        <source>rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>routing rule</source>
        <translation>路由规则</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>shift template</source>
        <translation>班次模板</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>对调</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>time off</source>
        <translation>休假</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>次违规</translation>
    </message>
</context>
<context>
    <name>notifications</name>
    <message>
        <source>(+ their e-mail)</source>
        <translation>（+ 其电子邮件）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add a channel first: a routing rule sends to a channel.</source>
        <translation>请先添加渠道：路由规则需要发送到某个渠道。</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <source>Add routing rule</source>
        <translation>添加路由规则</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>投递记录</translation>
    </message>
    <message>
        <source>Delivery %1:</source>
        <translation>投递 %1：</translation>
    </message>
    <message>
        <source>E-mail: also to the people concerned</source>
        <translation>电子邮件：同时发送给相关人员</translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation>编辑渠道</translation>
    </message>
    <message>
        <source>Edit routing rule</source>
        <translation>编辑路由规则</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Escalation levels</source>
        <translation>升级级别</translation>
    </message>
    <message>
        <source>Event kinds, comma-separated; * matches anything. Known: %1</source>
        <translation>事件类型，用逗号分隔；* 匹配任意类型。已知类型：%1</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>For</source>
        <translation>接收对象</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>From severity</source>
        <translation>最低严重程度</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Last try</source>
        <translation>上次尝试</translation>
    </message>
    <message>
        <source>Level 1 stays in the console; a usual ladder is level 2 to the team&apos;s IM group and level 3 to the manager&apos;s e-mail. Critical events ignore quiet hours.</source>
        <translation>第 1 级仅在控制台显示；常见的升级路径是第 2 级发到团队的即时通讯群，第 3 级发到经理的电子邮件。严重事件不受免打扰时段限制。</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Limit / min</source>
        <translation>每分钟上限</translation>
    </message>
    <message>
        <source>Limit per minute</source>
        <translation>每分钟上限</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Message prefix</source>
        <translation>消息前缀</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No attempt yet.</source>
        <translation>尚未尝试。</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Outbox: %1 queued, %2 sending, %3 delivered, %4 failed.</source>
        <translation>发件箱：%1 条排队，%2 条发送中，%3 条已送达，%4 条失败。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation>暂停至</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>免打扰时段</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>Select a delivery to see each attempt and the service&apos;s answer.</source>
        <translation>选择一条投递记录以查看每次尝试及服务端的响应。</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
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
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Webhook tokens and passwords are stored encrypted and never shown again; only the host and the last characters are.</source>
        <translation>Webhook 令牌和密码加密存储，不再显示；只显示主机名和末尾几个字符。</translation>
    </message>
    <message>
        <source>Which events go to which channel, for which team or role. The console bell always shows them.</source>
        <translation>哪些事件发送到哪个渠道、面向哪个团队或角色。控制台的通知铃铛始终会显示这些事件。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>any role</source>
        <translation>任意角色</translation>
    </message>
    <message>
        <source>any team</source>
        <translation>任意团队</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>e.g. 【Floorwalker】 — a DingTalk/Feishu security keyword</source>
        <translation>例如【Floorwalker】——钉钉/飞书的安全关键词</translation>
    </message>
    <message>
        <source>empty: every level</source>
        <translation>留空：所有级别</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>everyone concerned</source>
        <translation>所有相关人员</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none (test servers)</source>
        <translation>无（测试服务器）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>stored — leave empty to keep</source>
        <translation>已保存——留空则保持不变</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>团队 %1</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>限流</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>will retry</source>
        <translation>将重试</translation>
    </message>
</context>
<context>
    <name>sla_admin</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <source>%1 before</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: days are mon, tue, wed, thu, fri, sat, sun.</source>
        <translation>“%1”：星期请写作 mon、tue、wed、thu、fri、sat、sun。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the hours, like mon-fri 09:00-18:00.</source>
        <translation>“%1”：请填写时间段，例如 mon-fri 09:00-18:00。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: start with a day (mon) or a range (mon-fri).</source>
        <translation>“%1”：请以星期（mon）或星期范围（mon-fri）开头。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write a priority target like urgent=240.</source>
        <translation>“%1”：优先级目标请写作 urgent=240 的形式。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: write the hours like 09:00-18:00.</source>
        <translation>“%1”：时间请写作 09:00-18:00 的形式。</translation>
    </message>
    <message>
        <source>+%1 min</source>
        <translation>+%1 分钟</translation>
    </message>
    <message>
        <source>24 x 7</source>
        <translation>7×24 小时</translation>
    </message>
    <message>
        <source>Back to the rule</source>
        <translation>恢复按规则</translation>
    </message>
    <message>
        <source>Business calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>CN, US, … (empty: no statutory holidays)</source>
        <translation>CN、US……（留空：无法定节假日）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Closed that day</source>
        <translation>设为当天休息</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Edit calendar…</source>
        <translation>编辑日历…</translation>
    </message>
    <message>
        <source>Edit policy…</source>
        <translation>编辑策略…</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>升级路径</translation>
    </message>
    <message>
        <source>Every complaint runs these clocks. A change makes a new version, is audited, and recomputes the deadlines of the open cases at once.</source>
        <translation>每个投诉都按这些时限计时。修改会生成新版本并记入审计，同时立即重新计算未结工单的截止时间。</translation>
    </message>
    <message>
        <source>Extra days</source>
        <translation>调整日</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>节假日地区</translation>
    </message>
    <message>
        <source>Levels after the breach, e.g. [{&quot;level&quot;: 1, &quot;notify&quot;: &quot;owner&quot;, &quot;after_minutes&quot;: 0}]; notify owner, supervisor, manager or role:&lt;role&gt;</source>
        <translation>超时后的升级级别，例如 [{&quot;level&quot;: 1, &quot;notify&quot;: &quot;owner&quot;, &quot;after_minutes&quot;: 0}]；notify 可为 owner、supervisor、manager 或 role:&lt;角色&gt;</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New calendar…</source>
        <translation>新建日历…</translation>
    </message>
    <message>
        <source>Open that day (make-up)</source>
        <translation>设为当天上班（调休）</translation>
    </message>
    <message>
        <source>Pause while waiting on the customer</source>
        <translation>等待客户回复时暂停</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>SLA policy %1</source>
        <translation>SLA 策略 %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Targets by priority</source>
        <translation>按优先级设定目标</translation>
    </message>
    <message>
        <source>The ladder is a list of levels.</source>
        <translation>升级路径应为级别列表。</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Warn at (% of the target)</source>
        <translation>预警点（占目标的 %）</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>at %1 %</source>
        <translation>达到 %1 %</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>不工作</translation>
    </message>
    <message>
        <source>e.g. urgent=240 (minutes per priority class; empty: none)</source>
        <translation>例如 urgent=240（各优先级的分钟数；留空：无）</translation>
    </message>
    <message>
        <source>never open</source>
        <translation>从不工作</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>…or minutes before the breach</source>
        <translation>…或超时前的分钟数</translation>
    </message>
</context>
<context>
    <name>workspaces</name>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
</context>
</TS>
