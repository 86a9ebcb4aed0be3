"""`floorwalker bench autoqa`: the automatic checks over about 1 million messages (60,000 chat
conversations), and an incremental run over 1,000 new ones.

The conversations are written by the demo's scenario generator (Chinese and English, good and
poor behaviour) into a scratch SQLite file, cached under the data folder by schema revision and
size. Measurements:

* ``read only`` (baseline) — loading every message as the run does, without checking or writing.
* ``full run`` — every conversation checked and its eight results written; target < 20 s.
* ``incremental 1,000`` — the results of the newest 1,000 conversations removed, then a run,
  which finds and checks exactly those; target < 1 s.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.config import data_dir

CONVERSATIONS = 60_000


def build(path: Path, conversations: int, say=print) -> int:  # noqa: ANN001
    from sqlalchemy import insert

    from app.bootstrap import open_database
    from app.demo.timeline import db_time
    from app.demo.transcripts import random_scenario, scenario_conversation
    from app.demo.writer import BulkWriter
    from db.models import Center, Interaction, Queue, TranscriptMessage

    rnd = random.Random(7)
    db = open_database(str(path)).db
    total = 0
    try:
        with db.session() as s:
            s.execute(insert(Center).values(id=1, name="Bench", timezone="Asia/Shanghai", holiday_country="CN",
                                            opening_hours={}, locale="zh_CN", version=1))
            s.execute(insert(Queue).values(id=1, center_id=1, name="Chat", channel="chat", is_vip=False, version=1))
            start = datetime(2026, 9, 1, tzinfo=UTC)
            inter: dict[str, list] = {k: [] for k in ("id", "center_id", "queue_id", "channel", "source", "offered_at",
                                                      "wait_sec", "talk_sec", "wrap_sec", "outcome",
                                                      "recommendation_offered", "recommendation_converted")}
            msgs: dict[str, list] = {k: [] for k in ("interaction_id", "seq", "sent_at", "sender", "text")}
            for i in range(1, conversations + 1):
                at = start + timedelta(seconds=i * 97)
                scenario = random_scenario(rnd, rnd.choice([4, 9, 15, 22, 28, 35, 50]))
                lines = scenario_conversation(rnd, at, scenario)
                while len(lines) < 16:  # longer chats: the customer and the agent go back and forth
                    t = lines[-1][0]
                    lines.append((t + timedelta(seconds=rnd.uniform(5, 40)), "customer",
                                  "还有一个问题，发票怎么开？" if scenario.language == "zh" else "One more thing: the invoice?"))
                    lines.append((t + timedelta(seconds=rnd.uniform(45, 80)), "agent",
                                  "发票可以在订单页面申请。" if scenario.language == "zh" else "You can request it on the order page."))
                lines.sort(key=lambda x: x[0])
                for k, v in zip(inter, (i, 1, 1, "chat", "bench", db_time(at.timestamp()), 10.0, 300.0, 0.0,
                                        "answered", False, False), strict=True):
                    inter[k].append(v)
                for seq, (t, sender, text) in enumerate(lines, start=1):
                    for k, v in zip(msgs, (i, seq, db_time(t.timestamp()), sender, text), strict=True):
                        msgs[k].append(v)
                if i % 10_000 == 0 or i == conversations:
                    w = BulkWriter(s)
                    w.columns(Interaction.__table__, inter)
                    w.columns(TranscriptMessage.__table__, msgs)
                    total += len(msgs["seq"])
                    for d in (inter, msgs):
                        for v in d.values():
                            v.clear()
                    say(f"  {i:,} conversations, {total:,} messages")
    finally:
        db.dispose()
    return total


def cached(options: BenchOptions, conversations: int) -> Path:
    from db.migrate import head_revision

    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"autoqa-{head_revision()}-{conversations}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        options.say(f"writing {conversations:,} chat conversations for the auto-QA benchmark (once)…")
        build(partial, conversations, say=options.say)
        partial.replace(path)
    return path


@benchmark("autoqa", "automatic checks on ~1M chat messages (60,000 conversations) and 1,000 new ones",
           default_repeat=1)
def autoqa(options: BenchOptions) -> BenchResult:
    from sqlalchemy import delete, func, select

    from app.autoqa.service import run_checks
    from db.database import Database
    from db.models import AutoQaResult, TranscriptMessage

    path = cached(options, CONVERSATIONS)
    db = Database(str(path))
    reads, fulls, incrementals = [], [], []
    messages = conversations = 0
    try:
        with db.session() as s:
            messages = int(s.scalar(select(func.count()).select_from(TranscriptMessage)) or 0)
        for _ in range(repeat_of(options, "autoqa")):
            with db.session() as s:
                t = time.perf_counter()
                for _row in s.execute(select(TranscriptMessage.interaction_id, TranscriptMessage.seq,
                                             TranscriptMessage.sent_at, TranscriptMessage.sender,
                                             TranscriptMessage.text)):
                    pass
                reads.append(time.perf_counter() - t)
            with db.session() as s:
                s.execute(delete(AutoQaResult))
            full = run_checks(db)
            fulls.append(full.seconds)
            conversations = full.conversations
            with db.session() as s:
                newest = CONVERSATIONS - 1000
                s.execute(delete(AutoQaResult).where(AutoQaResult.interaction_id > newest))
            inc = run_checks(db)
            if inc.conversations != 1000:
                raise RuntimeError(f"the incremental run checked {inc.conversations} conversations, not 1,000")
            incrementals.append(inc.seconds)
    finally:
        db.dispose()
    return BenchResult("autoqa", (
        Measurement("read only", tuple(reads), note="baseline: load every message, no checks, no writes"),
        Measurement("full run", tuple(fulls), baseline="read only", target=20.0,
                    note=f"{conversations:,} conversations, {messages:,} messages, 8 checks each"),
        Measurement("incremental 1,000", tuple(incrementals), target=1.0, note="find, check and store 1,000 new"),
    ), {"database": str(path), "messages": messages})
