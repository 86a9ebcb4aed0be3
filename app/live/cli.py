"""Headless live commands: ``floorwalker live now``, ``live alerts`` and ``live rules``.

Registered under the ``live`` command of :mod:`app.feed.cli` (next to ``live stats``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime
from typing import Any


def register_live(live_sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    now = live_sub.add_parser(
        "now", help="the floor now: waiting, rolling service level, agent states, feed health",
        description="Per queue: calls waiting, longest wait, service level over the last 15/30/60 min and "
                    "today (contacts decided), ASA and abandon rate today. Agents by live state (on call, "
                    "wrap-up, available, paused, logged out) with time in state; concurrent online customers "
                    "(R-SCH-4); logged in vs the published rota; feed health. Exit 1 when the feed has stopped.")
    add_db_option(now)
    now.add_argument("--json", action="store_true", help="print JSON")
    now.set_defaults(handler=_now)

    alerts = live_sub.add_parser("alerts", help="live alerts: recent episodes, or evaluate the rules now",
                                 description="Lists open and recently cleared live alerts. --evaluate runs the "
                                             "rules once (what the live_alerts job does every 30 s): an alert is "
                                             "raised once per episode.")
    add_db_option(alerts)
    alerts.add_argument("--evaluate", action="store_true", help="evaluate the rules now and raise new episodes")
    alerts.add_argument("--hours", type=float, default=12.0, help="how far back to list (default 12)")
    alerts.add_argument("--json", action="store_true", help="print JSON")
    alerts.set_defaults(handler=_alerts)

    rules = live_sub.add_parser("rules", help="live alert rules: list, set a threshold, switch on/off",
                                description="Thresholds of the live alerts. R-SCH-4 (online customers for the "
                                            "backup team) is changed in Admin ▸ Rules.")
    add_db_option(rules)
    rules.add_argument("--set", metavar="KEY=VALUE", action="append", default=[], help="set a threshold")
    rules.add_argument("--reset", metavar="KEY", action="append", default=[], help="back to the default")
    rules.add_argument("--enable", metavar="KEY", action="append", default=[])
    rules.add_argument("--disable", metavar="KEY", action="append", default=[])
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.set_defaults(handler=_rules)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _open(args: argparse.Namespace) -> Any:
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args), create=False).db


def _now(args: argparse.Namespace) -> int:
    from app.live.history import center_timezone
    from app.live.state import floor_now

    db = _open(args)
    try:
        with db.session() as s:
            floor = floor_now(s)
            tz = center_timezone(s)
    finally:
        db.dispose()
    if args.json:
        data = {
            "at": floor.at.isoformat(), "simulated": floor.simulated, "stale": floor.stale,
            "feed": _plain(asdict(floor.feed)), "online_customers": floor.online_customers,
            "staffing": asdict(floor.staffing), "state_counts": floor.state_counts(),
            "queues": [_plain(asdict(q)) for q in floor.queues],
            "agents": [_plain(asdict(a)) for a in floor.agents],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 1 if floor.stale else 0

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v * 100:.0f}%"

    def sec(v: float | None) -> str:
        return "-" if v is None else f"{v:.0f}s"

    at = floor.at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
    lines = [f"The floor at {at}" + (" — includes SIMULATED data" if floor.simulated else "")]
    feed = floor.feed
    if feed.status == "live":
        lines.append(f"Feed live: {feed.events_per_sec:.1f} events/s, {feed.malformed} malformed, "
                     f"{feed.unknown} unknown")
    elif feed.status == "stopped":
        since = feed.stopped_since.astimezone(tz).strftime("%H:%M") if feed.stopped_since else "?"
        lines.append(f"FEED STOPPED since {since}: the figures below are as of then, not current")
    else:
        lines.append("No live feed: figures from stored contacts")
    if floor.queues:
        width = max(len(q.name) for q in floor.queues) + 2
        lines.append(f"{'queue':{width}}{'waiting':>8}{'longest':>8}{'SL15':>6}{'SL30':>6}{'SL60':>6}"
                     f"{'today':>7}{'target':>7}{'offered':>8}{'ASA':>6}{'aband%':>7}")
        for q in floor.queues:
            sl = q.service_level
            lines.append(f"{q.name:{width}}{q.waiting:>8}{sec(q.longest_waiting_sec):>8}{pct(sl['15']):>6}"
                         f"{pct(sl['30']):>6}{pct(sl['60']):>6}{pct(sl['today']):>7}"
                         f"{pct(q.target_service_level):>7}{q.offered_today:>8}{sec(q.asa_today_sec):>6}"
                         f"{pct(q.abandon_rate_today):>7}")
    counts = floor.state_counts()
    lines.append("Agents: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
    st = floor.staffing
    lines.append(f"Logged in {st.logged_in}" + (f", on the published rota {st.planned}" if st.planned is not None
                                                 else ", no published rota now")
                 + (f", required {st.required}" if st.required is not None else ""))
    if floor.online_customers is not None:
        lines.append(f"Customers online (chat): {floor.online_customers}")
    print("\n".join(lines))
    return 1 if floor.stale else 0


def _alerts(args: argparse.Namespace) -> int:
    from app.live.alerts import evaluate, recent_alerts
    from app.live.history import center_timezone

    db = _open(args)
    try:
        raised: list[Any] = []
        if args.evaluate:
            with db.session() as s:
                raised = list(evaluate(s).raised)
        with db.session() as s:
            alerts = recent_alerts(s, hours=args.hours, limit=200)
            tz = center_timezone(s)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"raised": [_plain(asdict(a)) for a in raised],
                          "alerts": [_plain(asdict(a)) for a in alerts]}, indent=2, ensure_ascii=False))
        return 0
    if args.evaluate:
        print(f"Raised {len(raised)} new alert(s)" + (": " + ", ".join(a.rule for a in raised) if raised else ""))
    if not alerts:
        print(f"No live alerts in the last {args.hours:g} h")
    for a in alerts:
        when = a.raised_at.astimezone(tz).strftime("%H:%M")
        state = "open" if a.cleared_at is None else "cleared " + a.cleared_at.astimezone(tz).strftime("%H:%M")
        where = a.params.get("queue") or "center"
        print(f"{when}  {a.severity:8} {a.title}: {where} {a.params.get('value', '')} "
              f"(threshold {a.params.get('threshold', '-')}) — {state}")
        if a.rule == "online_backup":
            print(f"       backup agents to call in: {a.params.get('agents', '-')}")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.live import settings as live_settings
    from db.errors import ConflictError

    db = _open(args)
    actor = Actor.local_administrator()
    try:
        changes: dict[str, dict[str, Any]] = {}
        try:
            for item in args.set:
                key, sep, raw = item.partition("=")
                if not sep:
                    raise ValueError(f"--set wants KEY=VALUE, got '{item}'")
                try:
                    changes.setdefault(key.strip(), {})["threshold"] = float(raw)
                except ValueError:
                    raise ValueError(f"{key.strip()}: the threshold must be a number, not '{raw}'") from None
            for key in args.reset:
                changes.setdefault(key, {})["threshold"] = None
            for key in args.enable:
                changes.setdefault(key, {})["enabled"] = True
            for key in args.disable:
                changes.setdefault(key, {})["enabled"] = False
            for key, change in changes.items():
                with db.session() as s:
                    current = {r.key: r for r in live_settings.list_rules(s)}.get(key)
                    if current is None:
                        raise ValueError(f"Unknown live rule '{key}'. Known: {', '.join(live_settings.RULES_BY_KEY)}")
                    stored = None if current.version == 0 or current.threshold == current.default else current.threshold
                    threshold = change.get("threshold", stored if current.service_rule is None else None)
                    live_settings.update_rule(s, actor, key, enabled=change.get("enabled", current.enabled),
                                              threshold=threshold, expected_version=current.version)
        except (ValueError, ConflictError) as exc:
            print(f"floorwalker: {exc}", file=sys.stderr)
            return 2
        with db.session() as s:
            rules = live_settings.list_rules(s)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps([_plain(asdict(r)) for r in rules], indent=2, ensure_ascii=False))
        return 0
    for r in rules:
        source = f" (from {r.service_rule})" if r.service_rule else ("" if r.threshold == r.default
                                                                      else f" (default {r.default:g})")
        kind = "" if r.is_alert else "  [setting]"
        value = f"{r.threshold:g} {r.unit}" if r.unit else "-"
        print(f"{r.key:22} {'on ' if r.enabled else 'off'} {value}{source}{kind} — {r.description}")
    return 0
