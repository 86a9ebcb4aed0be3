"""Running the automatic checks over stored transcripts, versioned rule sets, and reading results.

* The checks' configuration is a **rule set** with a version. The first run creates version 1 from
  the defaults and the rule values (R-RESP-1, R-RESP-2, R-SLA-2); an administrator saves a new
  version, which the next run applies to every conversation again (results keep their version,
  so a change can be compared with what it replaced).
* A run is **incremental and idempotent**: it checks the conversations that have messages but
  no results for the current version, in batches of ``batch`` conversations, one transaction each;
  a result row is unique per conversation, version and check, so two runs never double a result.
* One bad conversation never stops a run: it gets an ``error`` result naming the problem.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from app import audit, clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.autoqa.checks import CHECKS, DEFAULT_CONFIG, Checker, Message
from app.changes import Changes, record
from app.demo.timeline import db_time
from app.demo.writer import BulkWriter
from app.i18n import N_
from app.i18n import Message as Text
from app.security.masking import mask_text
from app.security.permissions import require, row_scope
from db.database import Database
from db.models import AutoQaResult, AutoQaRuleset, Interaction, Person, TranscriptMessage


# --- rule sets ------------------------------------------------------------------------------------------
def _defaults(session: Session) -> dict[str, Any]:
    return {**DEFAULT_CONFIG, "first_reply_sec": float(rule_value(session, "R-RESP-1")),  # type: ignore[arg-type]
            "reply_sec": float(rule_value(session, "R-RESP-2")),  # type: ignore[arg-type]
            "transfer_sec": 60.0 * float(rule_value(session, "R-SLA-2"))}  # type: ignore[arg-type]


def current_ruleset(session: Session) -> tuple[int, dict[str, Any]]:
    row = session.scalars(select(AutoQaRuleset).order_by(AutoQaRuleset.version.desc()).limit(1)).first()
    if row is not None:
        return row.version, {**DEFAULT_CONFIG, **row.config}
    config = _defaults(session)
    session.add(AutoQaRuleset(version=1, config=config, created_at=clock.now(), created_by="system",
                              note="defaults"))
    session.flush()
    return 1, config


def save_ruleset(session: Session, actor: Actor, config: dict[str, Any], note: str = "") -> tuple[int, Changes]:
    """A new version of the checks (administrators); refused with a clear message if a pattern is broken."""
    require(actor, "rules.edit")
    merged = {**DEFAULT_CONFIG, **config}
    for key in ("first_reply_sec", "reply_sec", "transfer_sec"):
        try:
            value = float(merged[key])
        except (TypeError, ValueError):
            raise ValueError(Text(N_("{key} must be a number of seconds."), key=key)) from None
        if not 0 < value < 86400:
            raise ValueError(Text(N_("{key} must be between 0 and 86,400 seconds."), key=key))
    for language, patterns in dict(merged["greeting"]).items():
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(Text(N_("The {language} greeting pattern '{p}' is not valid: {exc}."), language=language, p=p, exc=exc)) from None
    Checker(merged)  # compiles every list
    version = (session.scalar(select(func.max(AutoQaRuleset.version))) or 0) + 1
    session.add(AutoQaRuleset(version=version, config=merged, created_at=clock.now(), created_by=actor.username,
                              note=note or None))
    session.flush()
    audit.record(session, actor, "update", "autoqa_ruleset", version, after={"note": note})
    return version, record(session, Changes.QA | Changes.SETTINGS | Changes.AUDIT)


# --- running ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunStats:
    version: int
    conversations: int
    results: int
    errors: int
    seconds: float


def pending_conversations(session: Session, version: int, limit: int | None = None) -> list[int]:
    """Interactions with a transcript and no results for ``version`` (two index probes per interaction)."""
    has_messages = exists().where(TranscriptMessage.interaction_id == Interaction.id)
    done = exists().where(AutoQaResult.interaction_id == Interaction.id, AutoQaResult.ruleset_version == version)
    q = select(Interaction.id).where(has_messages, ~done).order_by(Interaction.id)
    if limit is not None:
        q = q.limit(limit)
    return list(session.scalars(q))


def run_checks(db: Database, *, batch: int = 2000, limit: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> RunStats:
    started = clock.now()
    import time

    t0 = time.perf_counter()
    with db.session() as s:
        version, config = current_ruleset(s)
        ids = pending_conversations(s, version, limit)
    checker = Checker(config)
    stamp = db_time(started.timestamp())
    results = errors = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        with db.session() as s:
            messages: dict[int, list[Message]] = defaultdict(list)
            for iid, seq, at, sender, text in s.execute(
                    select(TranscriptMessage.interaction_id, TranscriptMessage.seq, TranscriptMessage.sent_at,
                           TranscriptMessage.sender, TranscriptMessage.text)
                    .where(TranscriptMessage.interaction_id.in_(chunk))):
                messages[iid].append(Message(seq, at, sender, text or ""))
            cols: dict[str, list[Any]] = {k: [] for k in (
                "interaction_id", "ruleset_version", "check", "rule_id", "passed", "message_seq", "detail")}

            def add(iid: int, check: str, rule_id: str, passed: bool | None, seq: int | None, detail: str,
                    cols: dict[str, list[Any]] = cols) -> None:
                for key, value in zip(cols, (iid, version, check, rule_id, passed, seq, detail[:500]), strict=True):
                    cols[key].append(value)

            for iid in chunk:
                try:
                    checked = checker.check(messages.get(iid, []))
                except Exception as exc:  # noqa: BLE001 - one bad conversation must not stop the run
                    errors += 1
                    add(iid, "error", "-", None, None, f"{type(exc).__name__}: {exc}")
                    continue
                for r in checked:
                    add(iid, r.check, r.rule_id, r.passed, r.message_seq, r.detail)
            if cols["check"]:
                n = len(cols["check"])
                # column-wise, values already database-ready: one executemany (SQLite) or COPY (PostgreSQL)
                BulkWriter(s).columns(AutoQaResult.__table__, {**cols, "checked_at": [stamp] * n})
                results += n
            record(s, Changes.QA)
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    return RunStats(version, len(ids), results, errors, time.perf_counter() - t0)


# --- reading ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TranscriptLine:
    seq: int
    at: datetime
    sender: str
    text: str  # masked
    attachments: tuple[str, ...]
    gap_sec: float | None  # for an agent reply: seconds since the customer message it answers
    over_limit: bool  # the gap broke R-RESP-1 (first reply) or R-RESP-2


@dataclass(frozen=True)
class ResultLine:
    check: str
    rule_id: str
    passed: bool | None
    message_seq: int | None
    detail: str


@dataclass(frozen=True)
class Conversation:
    interaction_id: int
    version: int | None
    lines: tuple[TranscriptLine, ...]
    results: tuple[ResultLine, ...]

    @property
    def failed(self) -> tuple[ResultLine, ...]:
        return tuple(r for r in self.results if r.passed is False)

    def flagged_seqs(self) -> set[int]:
        return {r.message_seq for r in self.failed if r.message_seq is not None}


def conversation(session: Session, actor: Actor, interaction_id: int) -> Conversation | None:
    """A transcript for the screen: masked, with reply gaps and the latest version's results."""
    scope = row_scope(session, actor).interaction_clause()
    where = [Interaction.id == interaction_id] + ([scope] if scope is not None else [])
    if session.scalar(select(Interaction.id).where(*where)) is None:
        return None
    version, config = current_ruleset(session)
    rows = session.execute(select(TranscriptMessage).where(TranscriptMessage.interaction_id == interaction_id)
                           .order_by(TranscriptMessage.sent_at, TranscriptMessage.seq)).scalars().all()
    lines: list[TranscriptLine] = []
    waiting: datetime | None = None
    first = True
    for m in rows:
        gap = None
        over = False
        if m.sender == "customer" and waiting is None:
            waiting = m.sent_at
        elif m.sender == "agent" and waiting is not None:
            gap = (m.sent_at - waiting).total_seconds()
            over = gap > float(config["first_reply_sec"] if first else config["reply_sec"])
            waiting = None
            first = False
        lines.append(TranscriptLine(m.seq, m.sent_at, m.sender, mask_text(m.text or ""),
                                    tuple(m.attachments or ()), gap, over))
    results = session.execute(select(AutoQaResult).where(AutoQaResult.interaction_id == interaction_id,
                                                         AutoQaResult.ruleset_version == version)
                              .order_by(AutoQaResult.id)).scalars().all()
    return Conversation(interaction_id, version if results else None, tuple(lines),
                        tuple(ResultLine(r.check, r.rule_id, r.passed, r.message_seq, r.detail or "")
                              for r in results))


@dataclass(frozen=True)
class AgentChecks:
    agent_id: int
    agent: str
    conversations: int
    failed: dict[str, int]  # check -> conversations failing it
    applicable: dict[str, int]  # check -> conversations where it applied

    def pass_rate(self, check: str) -> float | None:
        n = self.applicable.get(check, 0)
        return None if n == 0 else 1.0 - self.failed.get(check, 0) / n


def agent_summary(session: Session, actor: Actor, since: datetime, until: datetime) -> list[AgentChecks]:
    """Per agent, how many conversations failed each check (current rule set), for a period."""
    version, _config = current_ruleset(session)
    scope = row_scope(session, actor).interaction_clause()
    where = [AutoQaResult.ruleset_version == version, Interaction.offered_at >= since, Interaction.offered_at < until,
             Interaction.agent_id.is_not(None)] + ([scope] if scope is not None else [])
    rows = session.execute(
        select(Interaction.agent_id, Person.full_name, AutoQaResult.check,
               func.count(AutoQaResult.passed), func.sum(case((AutoQaResult.passed.is_(False), 1), else_=0)),
               func.count(func.distinct(AutoQaResult.interaction_id)))
        .join(Interaction, Interaction.id == AutoQaResult.interaction_id)
        .join(Person, Person.id == Interaction.agent_id)
        .where(and_(*where)).group_by(Interaction.agent_id, Person.full_name, AutoQaResult.check)).all()
    agents: dict[int, AgentChecks] = {}
    for agent_id, name, check, applicable, failed, conversations in rows:
        a = agents.setdefault(agent_id, AgentChecks(agent_id, name, 0, {}, {}))
        a.failed[check] = int(failed or 0)
        a.applicable[check] = int(applicable or 0)
        if conversations > a.conversations:
            agents[agent_id] = AgentChecks(agent_id, name, int(conversations), a.failed, a.applicable)
    return sorted(agents.values(), key=lambda a: a.agent)


CHECK_NAMES = tuple(c for c, _r in CHECKS)


@dataclass(frozen=True)
class ConversationRow:
    interaction_id: int
    offered_at: datetime
    agent: str | None
    queue: str
    failed: tuple[str, ...]  # checks failed (current rule set)


def conversations_for(session: Session, actor: Actor, since: datetime, until: datetime, *,
                      agent_id: int | None = None, failed_check: str | None = None,
                      limit: int = 500) -> list[ConversationRow]:
    """Checked conversations of a period (newest first), optionally one agent's or failing one check."""
    from db.models import Queue

    version, _config = current_ruleset(session)
    scope = row_scope(session, actor).interaction_clause()
    where = [AutoQaResult.ruleset_version == version, Interaction.offered_at >= since, Interaction.offered_at < until]
    if scope is not None:
        where.append(scope)
    if agent_id is not None:
        where.append(Interaction.agent_id == agent_id)
    if failed_check is not None:
        failing = aliased(AutoQaResult)
        where.append(exists().where(failing.interaction_id == Interaction.id, failing.ruleset_version == version,
                                    failing.check == failed_check, failing.passed.is_(False)))
    ids = list(session.scalars(select(Interaction.id).join(AutoQaResult, AutoQaResult.interaction_id == Interaction.id)
                               .where(*where).group_by(Interaction.id, Interaction.offered_at)
                               .order_by(Interaction.offered_at.desc()).limit(limit)))
    if not ids:
        return []
    failed: dict[int, list[str]] = defaultdict(list)
    for iid, check in session.execute(select(AutoQaResult.interaction_id, AutoQaResult.check).where(
            AutoQaResult.interaction_id.in_(ids), AutoQaResult.ruleset_version == version,
            AutoQaResult.passed.is_(False))):
        failed[iid].append(check)
    rows = session.execute(select(Interaction.id, Interaction.offered_at, Person.full_name, Queue.name)
                           .join(Queue, Queue.id == Interaction.queue_id)
                           .outerjoin(Person, Person.id == Interaction.agent_id)
                           .where(Interaction.id.in_(ids)).order_by(Interaction.offered_at.desc())).all()
    order = [c for c in CHECK_NAMES]
    return [ConversationRow(r[0], r[1], r[2], r[3], tuple(sorted(failed.get(r[0], []), key=order.index)
                                                          if all(c in order for c in failed.get(r[0], []))
                                                          else failed.get(r[0], [])))
            for r in rows]


# scorecard question -> the automatic checks that are evidence for it (default scorecard's keys)
EVIDENCE_FOR = {"greeting": ("greeting",), "courtesy": ("polite", "forbidden"), "summary": ("closing",),
                "farewell": ("rating_request",)}


@dataclass(frozen=True)
class Evidence:
    question: str
    passed: bool  # every check behind it passed
    detail: str  # what the checks found (the failing ones first), with the message numbers
    lines: tuple[tuple[str, int | None], ...] = ()  # the same as (check detail, message number), to translate


def scorecard_evidence(session: Session, actor: Actor, interaction_id: int) -> dict[str, Evidence]:
    """The automatic checks of a conversation as evidence for scorecard questions, by question key.

    Only shown beside the question; the supervisor decides whether to use it (never counted silently).
    """
    conv = conversation(session, actor, interaction_id)
    if conv is None or not conv.results:
        return {}
    by_check = {r.check: r for r in conv.results}
    out: dict[str, Evidence] = {}
    for question, checks in EVIDENCE_FOR.items():
        found = [by_check[c] for c in checks if c in by_check and by_check[c].passed is not None]
        if not found:
            continue
        failed = [r for r in found if r.passed is False]
        shown = failed or found
        detail = "; ".join(r.detail + (f" (message {r.message_seq})" if r.message_seq else "") for r in shown)
        out[question] = Evidence(question, not failed, detail, tuple((r.detail, r.message_seq) for r in shown))
    return out
