"""The rule values of SERVICE_RULES.md: defaults the console ships, reads and lets admins edit."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_


@dataclass(frozen=True)
class RuleDefault:
    key: str  # rule id, or a rule id with a suffix for rules that carry several numbers
    value: float | int | str | bool
    unit: str
    description: str


RULE_DEFAULTS: tuple[RuleDefault, ...] = (
    RuleDefault("R-RESP-1", 30, "s", N_("First reply to a new online inquiry")),
    RuleDefault("R-RESP-2", 60, "s", N_("Online chat reply time")),
    RuleDefault("R-RESP-3", 30, "s", N_("Phone answered and first response after connect")),
    RuleDefault("R-RESP-4", 120, "min", N_("Manager responds to an escalated inquiry")),
    RuleDefault("R-RESP-5", 48, "h", N_("Average handling time of an inquiry, open to closed")),
    RuleDefault("R-SLA-1", 5, "min", N_("Key points of a complaint recorded after first contact")),
    RuleDefault("R-SLA-2", 2, "min", N_("Complex issue transferred to the specialist team")),
    RuleDefault("R-SLA-3", 15, "min", N_("Customer conflict gets a supervisor involved")),
    RuleDefault("R-SLA-4", 10, "min", N_("System fault reported to the technical team")),
    RuleDefault("R-SLA-4.diagnose", 240, "min", N_("Technical team diagnoses a system fault")),
    RuleDefault("R-SLA-5", 24, "h", N_("Progress feedback to the complaining customer, repeated")),
    RuleDefault("R-SLA-6", 24, "h", N_("Complaint handled (resolved)")),
    RuleDefault("R-SLA-7.response", 24, "h", N_("Service request response")),
    RuleDefault("R-SLA-7.process", 72, "h", N_("Service request processed")),
    RuleDefault("R-QA-1", 5, "per agent per week", N_("Recorded interactions drawn for review")),
    RuleDefault("R-QA-4.contact", 4.2, "of 5", N_("Target customer rating per contact")),
    RuleDefault("R-QA-4.agent", 4.5, "of 5", N_("Target average rating per agent")),
    RuleDefault("R-QA-6", 0.90, "share", N_("Quarterly survey: share of satisfied customers")),
    RuleDefault("R-KPI-1", 30, "s", N_("Response speed target")),
    RuleDefault("R-KPI-2", 6, "h/day", N_("Logged-in hours per working day")),
    RuleDefault("R-KPI-3", 30, "per day", N_("Inquiries handled per working day")),
    RuleDefault("R-KPI-4", 4.5, "of 5", N_("Customer satisfaction target")),
    RuleDefault("R-KPI-5", 0.90, "share", N_("Resolution rate target")),
    RuleDefault("R-KPI-6", 0, "violations", N_("Service-code compliance: violations allowed")),
    RuleDefault("R-KPI-7", 0.05, "share", N_("Product-recommendation conversion target")),
    RuleDefault("R-KPI-8", 5, "per month", N_("Knowledge-base contributions")),
    RuleDefault("R-KPI-9", 8, "of 10", N_("Average QA dialogue score")),
    # the weights of the quarterly scorecard: basic 40 (1-3), quality 40 (4-6), additional 20 (7-9);
    # edited together (they must sum to 100) in Reports ▸ KPI weights
    RuleDefault("R-KPI-1.weight", 15, "%", N_("Weight of response speed in the KPI score")),
    RuleDefault("R-KPI-2.weight", 15, "%", N_("Weight of logged-in hours in the KPI score")),
    RuleDefault("R-KPI-3.weight", 10, "%", N_("Weight of inquiries handled in the KPI score")),
    RuleDefault("R-KPI-4.weight", 20, "%", N_("Weight of customer satisfaction in the KPI score")),
    RuleDefault("R-KPI-5.weight", 10, "%", N_("Weight of the resolution rate in the KPI score")),
    RuleDefault("R-KPI-6.weight", 10, "%", N_("Weight of service-code compliance in the KPI score")),
    RuleDefault("R-KPI-7.weight", 10, "%", N_("Weight of recommendation conversion in the KPI score")),
    RuleDefault("R-KPI-8.weight", 5, "%", N_("Weight of knowledge-base contributions in the KPI score")),
    RuleDefault("R-KPI-9.weight", 5, "%", N_("Weight of the QA dialogue score in the KPI score")),
    RuleDefault("R-REV-1", 80, "points", N_("Quarterly KPI score below which an agent gets an improvement plan")),
    # 0.0, not 0: a share with decimals (0.9); 0 means the rota has no weekly goal
    RuleDefault("R-SCH-1.week_sl", 0.0, "share",
                N_("Service level over the week each queue must reach (0: none); the rota adds agents where "
                   "they answer most calls in time")),
    RuleDefault("R-SCH-3.days_off", 1, "days/week", N_("Full days off per week")),
    RuleDefault("R-SCH-3.rest_hours", 11, "h", N_("Rest between shifts")),
    RuleDefault("R-SCH-4", 50, "customers", N_("Online customers that activate the backup team")),
    RuleDefault("R-SCH-6", "08:30", "time", N_("Daily stand-up meeting (15 min)")),
    RuleDefault("R-SCH-8.product", 4, "h/month", N_("Product training per agent")),
    RuleDefault("R-SCH-9.induction", 3, "days", N_("Induction training for new hires")),
    RuleDefault("R-SCH-11", 6, "h/day", N_("Logged-in time per agent per working day")),
    RuleDefault("R-SEC-4", "Your information is used only to handle your request.", "text",
                N_("Notice telling customers what their data is used for")),
)

RULES_BY_KEY = {r.key: r for r in RULE_DEFAULTS}
