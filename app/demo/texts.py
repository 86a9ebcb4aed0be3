"""Word pools for the demo center: names, regions, complaint summaries, topics (Chinese and English).

Everything here is fictitious. Lists are ordered tuples so that a seeded draw is the same on
every machine (no sets, no dict ordering that depends on hashing).
"""

from __future__ import annotations

# (characters, pinyin) — the most common family names
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("高", "Gao"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"), ("彭", "Peng"),
)

GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    ("芳", "Fang"), ("强", "Qiang"), ("静", "Jing"), ("伟", "Wei"), ("敏", "Min"), ("磊", "Lei"),
    ("娜", "Na"), ("洋", "Yang"), ("婷", "Ting"), ("杰", "Jie"), ("丽", "Li"), ("军", "Jun"),
    ("霞", "Xia"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("秀英", "Xiuying"),
    ("晓明", "Xiaoming"), ("雪", "Xue"), ("欣怡", "Xinyi"), ("子涵", "Zihan"), ("浩然", "Haoran"),
    ("思远", "Siyuan"), ("佳", "Jia"), ("宇", "Yu"), ("晨", "Chen"), ("琳", "Lin"), ("慧", "Hui"),
    ("鹏", "Peng"), ("颖", "Ying"), ("建华", "Jianhua"), ("海燕", "Haiyan"), ("文博", "Wenbo"),
    ("雨桐", "Yutong"), ("梓萱", "Zixuan"), ("俊杰", "Junjie"),
)

ENGLISH_GIVEN: tuple[str, ...] = (
    "Lily", "Kevin", "Grace", "Jason", "Amy", "Eric", "Cindy", "Tony", "Vivian", "Leo",
    "Helen", "David", "Irene", "Frank", "Joyce", "Sam", "Emma", "Ryan", "Nina", "Alex",
)

TEAM_NAMES: tuple[str, ...] = ("Jade Team", "Pearl Team", "Amber Team", "Coral Team")

# (region, weight): where customers live
REGIONS: tuple[tuple[str, float], ...] = (
    ("Shanghai", 14), ("Jiangsu", 12), ("Zhejiang", 11), ("Guangdong", 13), ("Beijing", 8),
    ("Shandong", 7), ("Sichuan", 6), ("Hubei", 5), ("Fujian", 5), ("Henan", 5), ("Anhui", 4),
    ("Hunan", 4), ("Tianjin", 3), ("Chongqing", 3), ("Shaanxi", 2), ("Liaoning", 2),
)

EMAIL_DOMAINS: tuple[str, ...] = ("qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com")

DEPARTMENTS: tuple[str, ...] = ("logistics", "warehouse", "finance", "technical", "after-sales", "legal",
                                "product")

SUMMARIES: dict[str, tuple[str, ...]] = {
    "product_quality": (
        "Blender motor stopped after two weeks; customer wants a replacement",
        "Screen of the tablet shows a dead line on arrival",
        "Washing machine leaks from the door seal; second report this month",
        "电水壶使用一周后底座漏电，客户要求退货",
        "收到的羽绒服有明显破洞，客户要求换新",
        "扫地机器人无法充电，已尝试重置仍然无效",
    ),
    "after_sales": (
        "Refund for returned headphones not received after 10 days",
        "Technician missed the installation appointment twice",
        "Warranty repair quote is higher than agreed on the phone",
        "退货已签收七天，退款仍未到账",
        "上门安装师傅迟到三小时且态度敷衍",
        "保修期内维修却被要求支付配件费用",
    ),
    "logistics": (
        "Parcel delayed five days at the regional hub; customer asks for the shipping fee back",
        "Courier marked the order delivered but nothing arrived",
        "Fragile item arrived broken; box visibly crushed",
        "快递在中转站滞留五天，客户要求退还运费",
        "物流显示已签收，客户实际未收到包裹",
        "配送地址修改后仍被送往旧地址",
    ),
    "service_attitude": (
        "Customer says the agent hung up during the call",
        "Chat agent replied with copied text that did not answer the question",
        "Customer unhappy with being transferred four times",
        "客户反映客服在通话中语气不耐烦",
        "在线客服长时间未回复后直接关闭会话",
        "客户投诉多次转接仍未解决问题",
    ),
    "system_fault": (
        "App payment page times out; order charged but not created",
        "Coupon cannot be applied at checkout for any VIP account",
        "Order tracking page shows another customer's order number",
        "App支付页面超时，扣款成功但订单未生成",
        "会员积分在系统升级后清零",
        "优惠券在结算时无法使用，提示系统错误",
    ),
    "other": (
        "Customer asks for an invoice with a corrected company name",
        "Request to delete the account and all stored data",
        "Question about the price-protection policy after a promotion",
        "客户要求开具更正抬头的增值税发票",
        "客户咨询大促后的价格保护政策",
        "客户要求注销账户并删除个人信息",
    ),
}

REQUEST_SUMMARIES: tuple[str, ...] = (
    "Change the delivery address of an order already packed",
    "Send a copy of the warranty card by email",
    "Book a technician visit for installation next week",
    "Extend the return window for a gift order",
    "申请修改已打包订单的收货地址",
    "请求补寄发票和保修卡",
    "预约下周上门安装空调",
    "申请延长礼品订单的退货期限",
)

TEMPORARY_SOLUTIONS: tuple[str, ...] = (
    "Offered a ¥20 coupon while the replacement is shipped",
    "Sent a loan unit until the repair is finished",
    "Refund of the shipping fee issued in advance",
    "先行补发配件，待质检结果后再处理退款",
    "已为客户开通临时会员权益，待系统修复后补发积分",
    "安排加急配送并赠送运费券",
)

CUSTOMER_OPINIONS: tuple[str, ...] = (
    "Satisfied with the result, thanks for the follow-up",
    "OK, but it took too long",
    "Very happy with the replacement",
    "满意，感谢及时处理",
    "问题解决了，但希望下次快一点",
    "非常满意，客服很耐心",
)

FEEDBACK_NOTES: tuple[str, ...] = (
    "Called the customer with a progress update",
    "Told the customer the warehouse is checking the stock",
    "已电话告知客户处理进度",
    "已短信通知客户预计处理时间",
)

PRODUCT_TRAINING_TOPICS: tuple[str, ...] = (
    "New smart-home range: features and common faults",
    "Autumn promotion rules and price protection",
    "VIP membership benefits 2026",
    "家电安装服务流程更新",
    "退换货政策变更说明",
    "新品手机常见问题处理",
)

EMOTION_TOPICS: tuple[str, ...] = (
    "Emotion management: calming an angry caller",
    "情绪管理与压力疏导",
)

KB_TITLES: tuple[str, ...] = (
    "How to change a delivery address after dispatch",
    "Refund timelines by payment method",
    "Troubleshooting robot vacuum charging docks",
    "Price protection: what counts as the same item",
    "Steps to verify a VIP caller",
    "如何在发货后修改收货地址",
    "不同支付方式的退款到账时间",
    "扫地机器人充电座故障排查",
    "价格保护政策常见问答",
    "会员积分异常的处理步骤",
    "安装预约改期操作指引",
    "发票抬头更正流程",
)

QA_COMMENTS: tuple[str, ...] = (
    "Clear and friendly; summarise the solution before closing",
    "Good empathy; the hold was too long",
    "Verified identity correctly; offer the knowledge-base link next time",
    "开场白规范，解决方案清晰",
    "语速偏快，注意确认客户需求",
    "处理得当，结束语可以更完整",
)

VIOLATION_NOTES: tuple[str, ...] = (
    "Discussed the order before verifying the caller's identity",
    "Read the full card number back to the customer",
    "未核实身份即告知订单信息",
    "承诺了无法兑现的赔偿金额",
)

SURVEY_COMMENTS: tuple[str, ...] = (
    "Quick and helpful", "The agent really listened", "Too long on hold",
    "服务很好", "回复及时，问题解决", "等待时间太长",
)

LEAVE_REASONS: tuple[str, ...] = (
    "Family visit", "Medical appointment", "Moving house", "回老家探亲", "孩子开家长会", "看病复诊",
)

# the regions as a Chinese center writes them (floorwalker demo --lang zh_CN)
REGIONS_ZH: dict[str, str] = {
    "Shanghai": "上海", "Jiangsu": "江苏", "Zhejiang": "浙江", "Guangdong": "广东", "Beijing": "北京",
    "Shandong": "山东", "Sichuan": "四川", "Hubei": "湖北", "Fujian": "福建", "Henan": "河南", "Anhui": "安徽",
    "Hunan": "湖南", "Tianjin": "天津", "Chongqing": "重庆", "Shaanxi": "陕西", "Liaoning": "辽宁",
}
