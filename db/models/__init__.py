"""All tables of the Floorwalker schema; importing this module registers them on Base.metadata."""

from db.models.admin import AuditEntry, ChangeLogEntry, JobRun, Setting
from db.models.base import Base, Versioned
from db.models.complaints import BusinessCalendar, CalendarDay, Complaint, ComplaintEvent, SlaPolicy
from db.models.contact import (
    AgentStateInterval,
    Interaction,
    KnowledgeContribution,
    SatisfactionSurvey,
)
from db.models.imports import ImportBatch, ImportMapping
from db.models.live import FeedStatus, LiveAlert, LiveAlertRule  # noqa: F401 - registers the tables
from db.models.notifications import (  # noqa: F401 - registers the tables
    DeliveryAttempt,
    Notification,
    NotificationChannel,
    NotificationDelivery,
    NotificationRecipient,
    NotificationRoute,
)
from db.models.org import Center, Customer, Person, PersonSkill, Queue, Team, User
from db.models.quality import (
    QaCalibration,
    QaCalibrationScore,
    QaDispute,
    QaDisputeEvent,
    QaDraw,
    QaRecordingCheck,
    QaReview,
    QaSample,
    QaScorecard,
)
from db.models.reviews import ImprovementPlan, QuarterlyReview, ReviewAmendment, ReviewComment
from db.models.schedule import (
    ForecastInterval,
    ForecastOverride,
    ForecastRun,
    Rota,
    ShiftActivity,
    ShiftAssignment,
    ShiftTemplate,
    SkillAssessment,
    StaffingRequirement,
    TimeOffRequest,
    TrainingRecord,
)
from db.models.transcripts import AutoQaResult, AutoQaRuleset, TranscriptMessage

__all__ = [
    "AutoQaResult", "AutoQaRuleset", "TranscriptMessage",
    "AgentStateInterval", "AuditEntry", "Base", "BusinessCalendar", "CalendarDay", "Center",
    "ChangeLogEntry", "Complaint", "ComplaintEvent", "Customer", "ForecastInterval", "ForecastOverride", "ForecastRun",
    "ImportBatch", "ImportMapping", "ImprovementPlan", "Interaction", "JobRun", "KnowledgeContribution", "Person", "PersonSkill", "QaCalibration", "QaCalibrationScore", "QaDispute", "QaDisputeEvent", "QaDraw",
    "QaRecordingCheck", "QaReview",
    "QaSample", "QaScorecard", "QuarterlyReview", "Queue", "ReviewAmendment", "ReviewComment", "Rota", "SatisfactionSurvey", "Setting", "ShiftActivity",
    "ShiftAssignment", "ShiftTemplate", "SkillAssessment", "SlaPolicy", "StaffingRequirement", "Team",
    "TimeOffRequest", "TrainingRecord", "User", "Versioned",
]
