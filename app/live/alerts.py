"""Live alerts: conditions on the floor raised once per episode as console notifications.

Why a background job (every 30 s, ``live_alerts``) and not the Live view's poll: alerts must
fire when no console shows Live (a supervisor in Quality, a center with only a headless
``floorwalker worker``), and exactly once although several desks run the jobs — the job slot
is claimed in the database (:mod:`app.jobs.claims`) and every episode has a unique dedupe key.

An **episode** starts when a condition becomes true for a subject (a queue, an agent, the
center) and ends when it is false at a later evaluation. Starting inserts a ``live_alerts`` row
whose ``dedupe_key`` names the rule, the subject and the episode's number, and posts one notification
with that key; while the condition holds nothing more is posted; when it clears the row gets
``cleared_at``, and a later relapse is a new episode. While the feed is stopped the figures are
stale: no data alert is raised or cleared, only ``feed_stopped`` runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from app.live import settings as live_settings
from app.live.history import center_timezone
from app.live.state import PAUSED, FloorNow, floor_now
from db.database import Database
from db.models import LiveAlert, Person, PersonSkill, Queue, Rota, ShiftAssignment

RECIPIENT_ROLES = ("supervisor", "manager")
MAX_BACKUP_NAMES = 12
CENTER_WIDE = "All queues"  # the "queue" of a center-wide alert in its message
MIN_DECIDED = 5  # contacts in the 15-min window before its service level can raise an alert

ALERT_TITLES = {
    "sl_below_target": N_("Service level below target"),
    "longest_wait": N_("Caller waiting too long"),
    "online_backup": N_("Online customers at the backup-team threshold"),
    "vip_waiting": N_("VIP caller waiting"),
    "agent_paused_long": N_("Agent paused too long"),
    "staffing_below_rota": N_("Staffing below the rota"),
    "feed_stopped": N_("Contact-center feed stopped"),
}


@dataclass(frozen=True)
class Condition:
    """A condition that holds now for one subject."""

    rule: str
    subject: str
    severity: str
    params: dict[str, Any]


@dataclass(frozen=True)
class AlertView:
    id: int
    rule: str
    subject: str
    severity: str
    params: dict[str, Any]
    raised_at: datetime
    cleared_at: datetime | None

    @property
    def title(self) -> str:
        return ALERT_TITLES.get(self.rule, self.rule)


@dataclass(frozen=True)
class Evaluation:
    raised: tuple[AlertView, ...]
    cleared: int
    open: int
    changes: Changes


# --- conditions ----------------------------------------------------------------------------------
def _hhmm(moment: datetime | None, tz: Any) -> str:
    return moment.astimezone(tz).strftime("%H:%M") if moment is not None else ""


def conditions(session: Session, floor: FloorNow) -> list[Condition]:
    rules = {r.key: r for r in live_settings.list_rules(session)}
    tz = center_timezone(session)
    since = _hhmm(floor.at, tz)
    out: list[Condition] = []

    def on(key: str) -> bool:
        return rules[key].enabled

    if on("feed_stopped") and floor.feed.status == "stopped":
        out.append(Condition("feed_stopped", "center", "critical", {
            "alert": ALERT_TITLES["feed_stopped"], "queue": ", ".join(f.name for f in floor.feed.feeds)[:200],
            "value": _hhmm(floor.feed.stopped_since, tz),
            "threshold": f"{rules['feed_stale_sec'].threshold:.0f} s", "since": _hhmm(floor.feed.stopped_since, tz)}))
    if floor.stale:
        return out  # the numbers are old: neither raise nor clear on them
    for q in floor.queues:
        if q.channel not in ("phone", "chat", "onsite"):
            continue
        subject = f"queue:{q.queue_id}"
        sl = q.service_level.get("15")
        gap = rules["sl_below_target"].threshold / 100.0
        enough = q.decided.get("15", 0) >= MIN_DECIDED  # a level over two calls is noise, not a trend
        if on("sl_below_target") and enough and sl is not None and sl < q.target_service_level - gap:
            out.append(Condition("sl_below_target", subject, "warning", {
                "alert": ALERT_TITLES["sl_below_target"], "queue": q.name, "value": f"{sl * 100:.0f} %",
                "threshold": f"{q.target_service_level * 100:.0f} %", "since": since}))
        wait = q.longest_waiting_sec
        if on("longest_wait") and wait is not None and wait > rules["longest_wait"].threshold:
            out.append(Condition("longest_wait", subject, "warning", {
                "alert": ALERT_TITLES["longest_wait"], "queue": q.name, "value": f"{wait:.0f} s",
                "threshold": f"{rules['longest_wait'].threshold:.0f} s", "since": since}))
        if on("vip_waiting") and q.is_vip and wait is not None and wait > rules["vip_waiting"].threshold:
            out.append(Condition("vip_waiting", subject, "critical", {
                "alert": ALERT_TITLES["vip_waiting"], "queue": q.name, "value": f"{wait:.0f} s",
                "threshold": f"{rules['vip_waiting'].threshold:.0f} s", "since": since, "waiting": q.waiting}))
    threshold = rules["online_backup"].threshold
    if on("online_backup") and floor.online_customers is not None and floor.online_customers >= threshold:
        names = backup_agents(session, floor)
        out.append(Condition("online_backup", "center", "critical", {
            "alert": ALERT_TITLES["online_backup"], "queue": CENTER_WIDE, "value": str(floor.online_customers),
            "online": floor.online_customers, "threshold": f"{threshold:.0f}", "since": since,
            "agents": ", ".join(names) if names else "-"}))
    limit = rules["agent_paused_long"].threshold * 60
    if on("agent_paused_long"):
        for a in floor.agents:
            if a.state == PAUSED and a.time_in_state_sec is not None and a.time_in_state_sec > limit:
                out.append(Condition("agent_paused_long", f"agent:{a.person_id}", "warning", {
                    "alert": ALERT_TITLES["agent_paused_long"], "queue": a.name,
                    "value": f"{a.time_in_state_sec / 60:.0f} min" + (f" ({a.reason})" if a.reason else ""),
                    "threshold": f"{rules['agent_paused_long'].threshold:.0f} min",
                    "since": _hhmm(a.since, tz)}))
    st = floor.staffing
    short = rules["staffing_below_rota"].threshold
    if on("staffing_below_rota") and st.planned is not None and st.planned - st.logged_in >= max(short, 1):
        out.append(Condition("staffing_below_rota", "center", "warning", {
            "alert": ALERT_TITLES["staffing_below_rota"], "queue": CENTER_WIDE,
            "value": f"{st.logged_in} / {st.planned}", "threshold": f"-{short:.0f}", "since": since}))
    return out


def backup_agents(session: Session, floor: FloorNow) -> list[str]:
    """Who to call in (R-SCH-4/5): the published rota's backup shifts of today first, then agents
    skilled for an online queue who are not logged in — the names a supervisor phones."""
    working = {a.person_id for a in floor.agents if a.state not in ("logged_out",)}
    day_lo, day_hi = floor.at - timedelta(hours=12), floor.at + timedelta(hours=12)
    rows = session.execute(
        select(Person.id, Person.full_name)
        .join(ShiftAssignment, ShiftAssignment.person_id == Person.id)
        .join(Rota, Rota.id == ShiftAssignment.rota_id)
        .where(Rota.status == "published", ShiftAssignment.is_backup.is_(True),
               ShiftAssignment.starts_at < day_hi, ShiftAssignment.ends_at > day_lo)
        .order_by(ShiftAssignment.starts_at)).all()
    names = [name for pid, name in rows if pid not in working]
    if len(names) < MAX_BACKUP_NAMES:
        skilled = session.execute(
            select(Person.id, Person.full_name, PersonSkill.proficiency)
            .join(PersonSkill, PersonSkill.person_id == Person.id)
            .join(Queue, Queue.id == PersonSkill.queue_id)
            .where(Queue.channel == "chat", Person.active.is_(True), Person.job_title == "agent")
            .order_by(PersonSkill.proficiency.desc(), Person.full_name)).all()
        for pid, name, _p in skilled:
            if pid not in working and name not in names:
                names.append(name)
            if len(names) >= MAX_BACKUP_NAMES:
                break
    return names[:MAX_BACKUP_NAMES]


# --- episodes ------------------------------------------------------------------------------------
def notify(session: Session, alert: LiveAlert) -> Changes:
    """Post the episode's console notification (the one place that talks to app.notifications)."""
    from app.notifications import Recipients, post

    params = {k: v for k, v in alert.params.items() if isinstance(v, str | int | float)}
    kind = "live.backup" if alert.rule == "online_backup" else "live.alert"
    return post(session, kind=kind, params=params, severity=alert.severity,
                recipients=Recipients(roles=RECIPIENT_ROLES), entity=("live", alert.subject),
                dedupe_key=alert.dedupe_key)


def evaluate(session: Session, floor: FloorNow | None = None) -> Evaluation:
    """Raise new episodes, clear ended ones; the caller's transaction holds it all."""
    floor = floor or floor_now(session)
    now = floor.at
    active = {(c.rule, c.subject): c for c in conditions(session, floor)}
    open_rows = {(a.rule, a.subject): a for a in session.scalars(
        select(LiveAlert).where(LiveAlert.cleared_at.is_(None)))}
    raised: list[LiveAlert] = []
    changes = Changes.NONE
    for key, cond in active.items():
        row = open_rows.get(key)
        if row is not None:
            row.last_seen_at = now
            if row.params != cond.params:
                row.params = dict(cond.params)
            continue
        # the episode's number, not its time, names it: two desks evaluating at once compute the
        # same key, and the unique key lets only the first one raise it (the other skips)
        episode = (session.scalar(select(func.count()).select_from(LiveAlert).where(
            LiveAlert.rule == cond.rule, LiveAlert.subject == cond.subject)) or 0) + 1
        row = LiveAlert(rule=cond.rule, subject=cond.subject, severity=cond.severity, params=dict(cond.params),
                        raised_at=now, last_seen_at=now, cleared_at=None, notified=False,
                        dedupe_key=f"live:{cond.rule}:{cond.subject}:{episode}")
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            continue  # another desk raised this episode a moment ago
        changes |= notify(session, row)
        row.notified = True
        raised.append(row)
    cleared = 0
    for key, row in open_rows.items():
        if key in active:
            continue
        if floor.stale and row.rule != "feed_stopped":
            continue  # stale numbers cannot say the condition ended
        row.cleared_at = now
        cleared += 1
    if raised or cleared:
        changes |= Changes.LIVE
    session.flush()
    views = tuple(_view(r) for r in raised)
    return Evaluation(views, cleared, len(active), record(session, changes) if changes else Changes.NONE)


def _view(row: LiveAlert) -> AlertView:
    return AlertView(row.id, row.rule, row.subject, row.severity, dict(row.params), row.raised_at, row.cleared_at)


def recent_alerts(session: Session, at: datetime | None = None, hours: float = 12, limit: int = 50) -> list[AlertView]:
    """Open episodes first, then those cleared in the last ``hours``, newest first."""
    at = at or clock.now()
    rows = session.scalars(
        select(LiveAlert).where(LiveAlert.raised_at > at - timedelta(hours=hours))
        .order_by(LiveAlert.cleared_at.is_not(None), LiveAlert.raised_at.desc()).limit(limit)).all()
    return [_view(r) for r in rows]


def run_alert_job(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    with db.session() as s:
        result = evaluate(s)
    return {"raised": len(result.raised), "cleared": result.cleared, "open": result.open,
            "rules": sorted({a.rule for a in result.raised})}


LIVE_ALERTS = register(JobSpec(
    id="live_alerts",
    title=N_("Live alerts"),
    description=N_("Checks the floor every 30 s and raises an alert once per episode: service level under "
                   "target, long waits, VIP callers waiting, online customers at the backup threshold "
                   "(R-SCH-4), agents paused too long, staffing below the rota, a stopped feed."),
    schedule={"seconds": 30},
    run=run_alert_job,
    claim_timeout=timedelta(seconds=60),
))
