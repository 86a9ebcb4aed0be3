"""The demo center in Chinese (``floorwalker demo --lang zh_CN``).

The generators draw exactly as for the English demo (same seed: same numbers, rows and draws);
this module then replaces the display names and free texts of the generated rows with Chinese ones.
Codes the program relies on (rule ids, channels, question keys, categories, stages) stay as they are.
Pools that already mix Chinese and English (``texts.SUMMARIES`` …) get other Chinese sentences for
their English entries, so the variety stays the same.
"""

from __future__ import annotations

import re
from typing import Any

LANGUAGES = ("en", "zh_CN")

ZH: dict[str, str] = {
    # organisation
    "Floorwalker Demo Center": "Floorwalker 演示中心",
    "Jade Team": "翡翠组", "Pearl Team": "珍珠组", "Amber Team": "琥珀组", "Coral Team": "珊瑚组",
    "Phone – General": "电话–综合", "Phone – VIP": "电话–VIP", "Online chat": "在线客服", "Email": "邮件",
    "Social media": "社交媒体",
    "Early": "早班", "Day": "白班", "Late": "晚班", "Night": "夜班",
    # rota
    "Induction": "入职培训",
    "fixed shift lines, rotating days off": "固定班次，轮休",
    "Family visit": "探望家人", "Medical appointment": "医院预约就诊", "Moving house": "搬家",
    # training and the knowledge base
    "New smart-home range: features and common faults": "智能家居新品：功能介绍与常见故障",
    "Autumn promotion rules and price protection": "秋季促销规则与价格保护",
    "VIP membership benefits 2026": "2026 年 VIP 会员权益",
    "Emotion management: calming an angry caller": "情绪管理：安抚情绪激动的来电客户",
    "How to change a delivery address after dispatch": "已发货订单更改配送地址的操作步骤",
    "Refund timelines by payment method": "各支付渠道退款时效一览",
    "Troubleshooting robot vacuum charging docks": "扫地机器人回充失败的排查方法",
    "Price protection: what counts as the same item": "价格保护：如何认定同款商品",
    "Steps to verify a VIP caller": "VIP 来电客户的身份核实步骤",
    "Quick and helpful": "处理迅速，很有帮助", "The agent really listened": "客服很认真地听我说",
    "Too long on hold": "等待时间过长",
    # complaints and service requests
    "Blender motor stopped after two weeks; customer wants a replacement": "破壁机用了两周电机停转，客户要求换货",
    "Screen of the tablet shows a dead line on arrival": "平板电脑到货时屏幕就有一条坏线",
    "Washing machine leaks from the door seal; second report this month": "洗衣机门封漏水，本月第二次反映",
    "Refund for returned headphones not received after 10 days": "耳机退货十天后仍未收到退款",
    "Technician missed the installation appointment twice": "安装师傅两次爽约未上门",
    "Warranty repair quote is higher than agreed on the phone": "保修维修报价高于电话中约定的金额",
    "Parcel delayed five days at the regional hub; customer asks for the shipping fee back":
        "包裹在区域分拨中心延误五天，客户要求退还运费",
    "Courier marked the order delivered but nothing arrived": "快递员标记已送达，客户却没有收到货",
    "Fragile item arrived broken; box visibly crushed": "易碎品到货破损，外箱明显被压坏",
    "Customer says the agent hung up during the call": "客户反映通话中被客服挂断电话",
    "Chat agent replied with copied text that did not answer the question": "在线客服复制粘贴回复，答非所问",
    "Customer unhappy with being transferred four times": "客户不满被转接了四次",
    "App payment page times out; order charged but not created": "App 付款页面超时，已扣款但订单未生成",
    "Coupon cannot be applied at checkout for any VIP account": "所有 VIP 账户结算时都无法使用优惠券",
    "Order tracking page shows another customer's order number": "订单跟踪页面显示了其他客户的订单号",
    "Customer asks for an invoice with a corrected company name": "客户要求重开公司名称更正后的发票",
    "Request to delete the account and all stored data": "客户要求删除账户及全部已存数据",
    "Question about the price-protection policy after a promotion": "客户咨询促销后的价格保护规则",
    "Change the delivery address of an order already packed": "更改已打包订单的配送地址",
    "Send a copy of the warranty card by email": "通过邮件发送保修卡副本",
    "Book a technician visit for installation next week": "预约下周师傅上门安装",
    "Extend the return window for a gift order": "延长礼品订单的退货期",
    "Offered a ¥20 coupon while the replacement is shipped": "换货寄出期间先赠送 20 元优惠券",
    "Sent a loan unit until the repair is finished": "维修完成前先提供备用机",
    "Refund of the shipping fee issued in advance": "已先行退还运费",
    "Satisfied with the result, thanks for the follow-up": "对结果满意，感谢跟进",
    "OK, but it took too long": "可以，但处理时间太长",
    "Very happy with the replacement": "对换货非常满意",
    "Called the customer with a progress update": "已致电客户告知处理进度",
    "Told the customer the warehouse is checking the stock": "已告知客户仓库正在核查库存",
    "Complaint recorded from the customer contact": "根据客户来电登记投诉",
    "Service request recorded": "已登记服务请求",
    "Key points recorded": "已记录投诉要点",
    "Transferred to the specialist team": "已转交专家组处理",
    "Supervisor joined the case": "主管已介入",
    "Reported to the technical team": "已上报技术部",
    "Diagnosis received from the technical team": "已收到技术部的诊断结果",
    "Customer told the expected resolution time": "已告知客户预计解决时间",
    "Resolved; result sent to the customer": "已解决，处理结果已发送给客户",
    "Customer told the result and asked for an opinion": "已告知客户处理结果并征询意见",
    "technical team": "技术部",
    "Office hours (CN)": "办公时间（中国）",
    "Make-up working day (调休)": "调休上班日",
    # SLA policies (their rules' descriptions)
    "Key points of a complaint recorded after first contact": "首次联络后记录投诉要点",
    "Complex issue transferred to the specialist team": "复杂问题转交专家组",
    "Customer conflict gets a supervisor involved": "客户冲突时主管介入",
    "System fault reported to the technical team": "系统故障上报技术部",
    "Technical team diagnoses a system fault": "技术部诊断系统故障",
    "Progress feedback to the complaining customer, repeated": "定期向投诉客户反馈进度",
    "Complaint handled (resolved)": "投诉处理完毕（已解决）",
    "Service request response": "服务请求响应",
    "Service request processed": "服务请求处理完毕",
    # quality
    "Service quality scorecard": "服务质量评分表",
    "Opening": "开场白", "Greeting and introduction": "问候与自我介绍",
    "Customer identified and verified": "客户身份核实",
    "Handling the request": "需求处理", "Understanding the need": "需求确认",
    "Solution correct and complete": "解决方案准确完整", "Relevant product recommendation": "相关产品推荐",
    "Service code": "服务规范", "Required disclosures read": "必要事项已告知",
    "Courteous, no forbidden phrases": "服务态度礼貌，无服务禁语",
    "Closing": "结束语", "Summary and next steps": "总结与后续安排",
    "Farewell and survey invitation": "道别并邀请满意度评价",
    "Recording is silent after the first minute": "录音第一分钟之后无声音",
    "Internal test call, not a customer contact": "内部测试来电，非客户联络",
    "Clear and friendly; summarise the solution before closing": "表达清晰、态度友好；结束前请总结解决方案",
    "Good empathy; the hold was too long": "同理心好，但让客户等待过久",
    "Verified identity correctly; offer the knowledge-base link next time": "身份核实规范；下次可提供知识库链接",
    "Discussed the order before verifying the caller's identity": "未核实来电人身份就讨论订单",
    "Read the full card number back to the customer": "向客户完整复述了银行卡号",
    "Summarise the next steps before closing.": "结束前请总结后续步骤。",
    "handled no interactions that week (leave, training or new hire)": "本周没有处理任何联络（休假、培训或新入职）",
    "Monthly calibration": "月度校准",
    "Calibration: second opinion on a recent call": "校准：近期通话复评",
    "The agent says the survey invitation was given at the end of the call.": "坐席表示已在通话结束时邀请客户评价。",
    "The agent says the customer had already been verified by the IVR.": "坐席表示客户已通过语音导航（IVR）完成身份核实。",
    "The invitation is audible at the end of the recording.": "录音结尾可以听到评价邀请。",
}
_INDUCTION_DAY = re.compile(r"Induction day (\d+) of (\d+)")
_SHORT = re.compile(r"only (\d+) eligible recorded interactions of at least (\S+) s")


def text(value: Any) -> Any:
    """The Chinese of one demo string (texts already in Chinese and non-strings as they are)."""
    if not isinstance(value, str):
        return value
    if value in ZH:
        return ZH[value]
    if m := _INDUCTION_DAY.fullmatch(value):
        return f"入职培训第 {m[1]} 天（共 {m[2]} 天）"
    if m := _SHORT.fullmatch(value):
        return f"符合条件的录音联络（不短于 {m[2]} 秒）只有 {m[1]} 条"
    return value


def _rows(rows: list[dict], *keys: str) -> None:
    for row in rows:
        for key in keys:
            if key in row:
                row[key] = text(row[key])


def localise(org: Any, cases: Any, quality: Any, development: Any, rota: Any) -> None:
    """Turn the generated rows' display names and free texts into Chinese, in place."""
    org.center["name"] = text(org.center["name"])
    _rows(org.teams, "name")
    _rows(org.queues, "name")
    _rows(org.templates, "name")
    _rows(rota.assignments, "note")
    _rows(rota.time_off, "reason")
    for r in rota.rotas:
        stats = r.get("solver_stats") or {}
        if "pattern" in stats:
            stats["pattern"] = text(stats["pattern"])
    _rows(cases.complaints, "summary", "temporary_solution", "customer_opinion")
    _rows(cases.events, "note", "actor")
    _rows(cases.policies, "name")
    _rows(cases.calendars, "name")
    _rows(cases.calendar_days, "note")
    for card in quality.scorecards:
        card["name"] = text(card["name"])
        for section in card["criteria"]["sections"]:
            section["label"] = text(section["label"])
            for question in section["questions"]:
                question["label"] = text(question["label"])
    _rows(quality.samples, "replace_reason")
    _rows(quality.reviews, "violation_notes", "comment", "coaching")
    for draw in quality.draws:
        _rows(draw["shortfalls"], "reason")
    for _table, rows in quality.extra:
        _rows(rows, "title", "reason", "decision_reason")
        for row in rows:
            details = row.get("details")
            if isinstance(details, dict) and "reason" in details:
                details["reason"] = text(details["reason"])
    _rows(development.training, "topic")
    _rows(development.contributions, "title")
    _rows(development.surveys, "comment")
