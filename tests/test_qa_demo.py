"""The demo center's QA is made by the QA code: every draw replays exactly, each agent has the quota
or a flagged reason (R-QA-1), and there is a calibration session and a dispute to work on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.bootstrap import open_database
from app.demo.builder import DemoOptions, build_demo
from app.quality.draw import replay_draw
from app.quality.scorecards import current_scorecard, score
from db.models import QaCalibration, QaDispute, QaDraw, QaReview, QaSample


def test_the_demo_draws_replay_and_meet_the_quota_or_say_why_R_QA_1(tmp_path):
    url = str(tmp_path / "demo.db")
    build_demo(url, DemoOptions(agents=8, weeks=3, seed=5, today=date(2026, 11, 18),
                                recordings_dir=tmp_path / "rec"))
    db = open_database(url).db
    try:
        with db.session() as s:
            draws = s.scalars(select(QaDraw).order_by(QaDraw.id)).all()
            assert len(draws) == 2  # the complete weeks before this one
            for draw in draws:
                assert replay_draw(s, draw.id).identical
                drawn = dict(s.execute(select(QaSample.agent_id, func.count()).where(
                    QaSample.draw_id == draw.id, QaSample.status != "replaced").group_by(QaSample.agent_id)).all())
                short = {x["agent_id"] for x in draw.shortfalls}
                for agent in draw.rules["agents"]:
                    assert drawn.get(agent, 0) >= draw.rules["quota"] or agent in short
            card = current_scorecard(s)
            review = s.scalars(select(QaReview).where(QaReview.status == "final")).first()
            assert review.score_pct == score(card.sections, review.answers).score_pct
            assert s.scalar(select(func.count()).select_from(QaCalibration).where(QaCalibration.status == "open")) == 1
            assert s.scalar(select(func.count()).select_from(QaDispute).where(QaDispute.status == "open")) == 1
    finally:
        db.dispose()
