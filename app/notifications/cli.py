"""`floorwalker notify test|outbox|channels|deliver|fake-server`: the notification outbox from a shell."""

from __future__ import annotations

import argparse
import json
import sys
import time

from app.actor import Actor


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    p = sub.add_parser("notify", help="notification channels and the delivery outbox")
    nsub = p.add_subparsers(dest="notify_command", metavar="ACTION", required=True)

    t = nsub.add_parser("test", help="send a test message to a channel now and show the service's answer")
    add_db_option(t)
    t.add_argument("channel", metavar="CHANNEL", help="the channel's name (Admin ▸ Notifications)")
    t.add_argument("--language", choices=("en", "zh_CN"), help="message language (default: the channel's)")
    t.add_argument("--json", action="store_true", help="print JSON")
    t.set_defaults(handler=_test)

    o = nsub.add_parser("outbox", help="deliveries by state, and the latest ones")
    add_db_option(o)
    o.add_argument("--state", choices=("queued", "sending", "delivered", "failed"), help="only this state")
    o.add_argument("--limit", type=int, default=20, help="how many deliveries to list (default 20)")
    o.add_argument("--json", action="store_true", help="print JSON")
    o.set_defaults(handler=_outbox)

    c = nsub.add_parser("channels", help="the configured channels (secrets are never printed)")
    add_db_option(c)
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(handler=_channels)

    d = nsub.add_parser("deliver", help="deliver what is due now (what the background job does)")
    add_db_option(d)
    d.add_argument("--json", action="store_true", help="print JSON")
    d.set_defaults(handler=_deliver)

    f = nsub.add_parser("fake-server", help="run a loopback stand-in for WeCom/DingTalk/Feishu/Slack/webhooks "
                        "and print what it receives (demos, trials)")
    f.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    f.add_argument("--for-seconds", type=float, default=0.0, help="stop after this many seconds (default: Ctrl+C)")
    f.set_defaults(handler=_fake_server)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _test(args: argparse.Namespace) -> int:
    from app.notifications import admin
    from app.notifications.outbox import deliver_due

    db = _open(args)
    actor = Actor.system()
    with db.session() as s:
        cid = admin.channel_id_by_name(s, args.channel)
        if cid is None:
            names = [c.name for c in admin.list_channels(s, actor)]
            print(f"No channel called '{args.channel}'. Channels: {', '.join(names) or '(none)'}", file=sys.stderr)
            return 2
        delivery_id = admin.queue_test(s, actor, cid, language=args.language)
    deliver_due(db, channel_ids={cid}, max_seconds=30)
    with db.session() as s:
        row = next(r for r in admin.list_deliveries(s, actor, channel_id=cid, limit=50) if r.id == delivery_id)
        attempts = admin.attempts_of(s, actor, delivery_id)
    last = attempts[-1] if attempts else None
    out = {"channel": args.channel, "delivery": delivery_id, "state": row.state,
           "status": last.status if last else None, "response": last.response if last else None,
           "error": row.last_error}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{args.channel}: {row.state}" + (f" (HTTP/SMTP {out['status']})" if out["status"] else ""))
        if out["response"]:
            print(f"  answer: {out['response']}")
        if row.last_error:
            print(f"  error: {row.last_error}")
        if row.state == "queued":
            print("  the delivery stays queued and is retried by the background job")
    return 0 if row.state == "delivered" else 1


def _outbox(args: argparse.Namespace) -> int:
    from app.notifications import admin

    db = _open(args)
    actor = Actor.system()
    with db.session() as s:
        counts = admin.outbox_counts(s)
        rows = admin.list_deliveries(s, actor, state=args.state, limit=args.limit)
    if args.json:
        print(json.dumps({"counts": counts, "deliveries": [
            {"id": r.id, "notification": r.notification_id, "kind": r.kind, "title": r.title, "channel": r.channel_name,
             "channel_kind": r.channel_kind, "state": r.state, "attempts": r.attempts,
             "next_attempt_at": r.next_attempt_at.isoformat() if r.next_attempt_at else None,
             "last_attempt_at": r.last_attempt_at.isoformat() if r.last_attempt_at else None,
             "last_status": r.last_status, "last_error": r.last_error,
             "delivered_at": r.delivered_at.isoformat() if r.delivered_at else None,
             "idempotency_key": r.idempotency_key} for r in rows]}, ensure_ascii=False, indent=2))
        return 0
    print("  ".join(f"{k}: {v}" for k, v in counts.items()))
    if rows:
        print(f"{'ID':>7} {'STATE':10} {'TRIES':>5} {'CHANNEL':20} {'KIND':18} TITLE / ERROR")
    for r in rows:
        print(f"{r.id:>7} {r.state:10} {r.attempts:>5} {r.channel_name[:20]:20} {r.kind[:18]:18} {r.title}")
        if r.last_error and r.state != "delivered":
            print(f"{'':>45}{r.last_error}")
    return 0


def _channels(args: argparse.Namespace) -> int:
    from app.notifications import admin

    db = _open(args)
    with db.session() as s:
        rows = admin.list_channels(s, Actor.system())
    if args.json:
        print(json.dumps([{"id": r.id, "name": r.name, "kind": r.kind, "active": r.active, "secret": r.secret_hint,
                           "rate_per_minute": r.rate_per_minute, "queued": r.queued, "failed": r.failed,
                           "throttled_until": r.throttled_until.isoformat() if r.throttled_until else None}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        where = r.secret_hint if r.kind != "email" else f"{r.config.get('host', '')}:{r.config.get('port') or ''}"
        print(f"{r.name:24} {r.kind:9} {'on ' if r.active else 'off'} {where:36} "
              f"{r.rate_per_minute or '-':>5}/min  queued {r.queued}  failed {r.failed}")
    return 0


def _deliver(args: argparse.Namespace) -> int:
    from app.notifications.outbox import deliver_due

    run = deliver_due(_open(args))
    print(json.dumps(run.as_dict()) if args.json else
          "  ".join(f"{k}: {v}" for k, v in run.as_dict().items()))
    return 0


def _fake_server(args: argparse.Namespace) -> int:
    from app.notifications.fakes import FakeServer, FakeServices

    fake = FakeServices()
    with FakeServer(fake, port=args.port) as srv:
        base = f"http://127.0.0.1:{srv.port}"
        print(f"stand-in services on {base}:\n  WeCom    {base}/cgi-bin/webhook/send?key=demo\n"
              f"  DingTalk {base}/robot/send?access_token=demo\n  Feishu   {base}/open-apis/bot/v2/hook/demo\n"
              f"  Slack    {base}/services/T0/B0/demo\n  webhook  {base}/hooks/demo", flush=True)
        seen = 0
        started = time.monotonic()
        try:
            while not args.for_seconds or time.monotonic() - started < args.for_seconds:
                time.sleep(0.2)
                got = list(fake.received)
                for r in got[seen:]:
                    text = json.dumps(r.body, ensure_ascii=False) if r.body is not None else ""
                    print(f"[{r.service}] {r.answer} {'accepted' if r.accepted else 'refused'}: {text[:300]}", flush=True)
                seen = len(got)
        except KeyboardInterrupt:
            pass
    return 0
