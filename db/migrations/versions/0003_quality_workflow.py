"""QA draws, scorecards, calibration and disputes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import db.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('qa_calibrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('scorecard_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reviewer_ids', sa.JSON(), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('closed_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_qa_calibrations_interaction_id_interactions')),
    sa.ForeignKeyConstraint(['scorecard_id'], ['qa_scorecards.id'], name=op.f('fk_qa_calibrations_scorecard_id_qa_scorecards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_calibrations'))
    )
    with op.batch_alter_table('qa_calibrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qa_calibrations_interaction_id'), ['interaction_id'], unique=False)

    op.create_table('qa_recording_checks',
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('path', sa.String(length=400), nullable=True),
    sa.Column('size_bytes', sa.Integer(), nullable=True),
    sa.Column('duration_sec', sa.Float(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('checked_at', db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'], name=op.f('fk_qa_recording_checks_interaction_id_interactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interaction_id', name=op.f('pk_qa_recording_checks'))
    )
    op.create_table('qa_calibration_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('calibration_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('dialogue_score', sa.Integer(), nullable=False),
    sa.Column('score_pct', sa.Float(), nullable=True),
    sa.Column('violations', sa.Integer(), nullable=False),
    sa.Column('submitted_at', db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['calibration_id'], ['qa_calibrations.id'], name=op.f('fk_qa_calibration_scores_calibration_id_qa_calibrations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['people.id'], name=op.f('fk_qa_calibration_scores_reviewer_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_calibration_scores')),
    sa.UniqueConstraint('calibration_id', 'reviewer_id', name=op.f('uq_qa_calibration_scores_calibration_id'))
    )
    op.create_table('qa_disputes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('current_value', sa.String(length=32), nullable=True),
    sa.Column('proposed_value', sa.String(length=32), nullable=False),
    sa.Column('raised_by_id', sa.Integer(), nullable=True),
    sa.Column('raised_by', sa.String(length=64), nullable=False),
    sa.Column('raised_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('deadline', db.types.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('decided_value', sa.String(length=32), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['people.id'], name=op.f('fk_qa_disputes_decided_by_id_people')),
    sa.ForeignKeyConstraint(['raised_by_id'], ['people.id'], name=op.f('fk_qa_disputes_raised_by_id_people')),
    sa.ForeignKeyConstraint(['review_id'], ['qa_reviews.id'], name=op.f('fk_qa_disputes_review_id_qa_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_disputes'))
    )
    with op.batch_alter_table('qa_disputes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qa_disputes_review_id'), ['review_id'], unique=False)

    op.create_table('qa_dispute_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('at', db.types.UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['dispute_id'], ['qa_disputes.id'], name=op.f('fk_qa_dispute_events_dispute_id_qa_disputes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_dispute_events'))
    )
    with op.batch_alter_table('qa_dispute_events', schema=None) as batch_op:
        batch_op.create_index('ix_qa_dispute_events_dispute', ['dispute_id', 'at'], unique=False)

    with op.batch_alter_table('qa_draws', schema=None) as batch_op:
        batch_op.add_column(sa.Column('excluded', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('result_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_qa_draws_center_id'), ['center_id', 'week_start'])

    with op.batch_alter_table('qa_reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('score_pct', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('coaching', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_qa_reviews_sample_id'), ['sample_id'], unique=False)

    with op.batch_alter_table('qa_samples', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('rank', sa.Integer(), nullable=True))

    with op.batch_alter_table('qa_scorecards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('created_by', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('qa_scorecards', schema=None) as batch_op:
        batch_op.drop_column('created_by')
        batch_op.drop_column('created_at')

    with op.batch_alter_table('qa_samples', schema=None) as batch_op:
        batch_op.drop_column('rank')
        batch_op.drop_column('origin')

    with op.batch_alter_table('qa_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qa_reviews_sample_id'))
        batch_op.drop_column('coaching')
        batch_op.drop_column('score_pct')

    with op.batch_alter_table('qa_draws', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_qa_draws_center_id'), type_='unique')
        batch_op.drop_column('result_hash')
        batch_op.drop_column('excluded')

    with op.batch_alter_table('qa_dispute_events', schema=None) as batch_op:
        batch_op.drop_index('ix_qa_dispute_events_dispute')

    op.drop_table('qa_dispute_events')
    with op.batch_alter_table('qa_disputes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qa_disputes_review_id'))

    op.drop_table('qa_disputes')
    op.drop_table('qa_calibration_scores')
    op.drop_table('qa_recording_checks')
    with op.batch_alter_table('qa_calibrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qa_calibrations_interaction_id'))

    op.drop_table('qa_calibrations')
