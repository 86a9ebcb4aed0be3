"""A small QA center for the tests of app/quality: two teams, their supervisors, agents with recorded calls."""

from __future__ import annotations

import wave
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from app.actor import Actor
from app.admin.rules import seed_defaults
from app.quality.recordings import RECORDINGS_SETTING
from db.models import Setting
from tests import factories as f

# the frozen clock stands on Wed 2026-11-18 10:00 Shanghai: last week is Mon 2026-11-09 .. Sun 11-15
LAST_MONDAY = datetime(2026, 11, 9).date()


def write_wav(path: Path, seconds: float = 0.2) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes([128]) * int(8000 * seconds))


@dataclass
class QaCenter:
    root: Path
    supervisors: list[int] = field(default_factory=list)
    teams: list[int] = field(default_factory=list)
    agents: list[int] = field(default_factory=list)
    calls: dict[int, list[int]] = field(default_factory=dict)  # agent -> interaction ids
    queues: dict[str, int] = field(default_factory=dict)
    analyst: int = 0

    def supervisor(self, k: int = 0) -> Actor:
        return Actor(f"sup{k}", "supervisor", self.supervisors[k])

    def analyst_actor(self) -> Actor:
        return Actor("analyst", "quality_analyst", self.analyst)


def build(s: Session, root: Path, *, per_agent: tuple[int, ...] = (8, 8, 3, 0), files: bool = True) -> QaCenter:
    """Agents with ``per_agent[k]`` recorded calls each last week (phone and chat), WAV files under ``root``."""
    seed_defaults(s)
    c = f.center(s)
    qa = QaCenter(root)
    phone = f.queue(s, c, "Hotline", "phone")
    phone2 = f.queue(s, c, "Billing", "phone")
    chat = f.queue(s, c, "Web chat", "chat")
    qa.queues = {"Hotline": phone.id, "Billing": phone2.id, "Web chat": chat.id}
    for k in range(2):
        t = f.team(s, c, f"Team {k}")
        sup = f.person(s, c, t, name=f"Supervisor {k}", title="supervisor")
        t.supervisor_id = sup.id
        qa.teams.append(t.id)
        qa.supervisors.append(sup.id)
    qa.analyst = f.person(s, c, None, name="Quinn Analyst", title="quality_analyst").id
    s.add(Setting(key=RECORDINGS_SETTING, value=str(root), unit="path"))
    start = datetime(2026, 11, 9, 1, 0, tzinfo=UTC)  # Mon 09:00 Shanghai
    for a, n in enumerate(per_agent):
        agent = f.person(s, c, s.get(type(t), qa.teams[a % 2]), name=f"Agent {chr(65 + a)}")
        qa.agents.append(agent.id)
        qa.calls[agent.id] = []
        for j in range(n):
            q = (phone, phone2, chat)[j % 3]
            ref = f"{agent.id}/{j}.wav"
            i = f.interaction(s, c, q, agent, start + timedelta(hours=7 * j + a), talk=120.0, recording=ref)
            i.recording_sec = 120.0
            qa.calls[agent.id].append(i.id)
            if files:
                write_wav(root / ref)
    s.flush()
    return qa
