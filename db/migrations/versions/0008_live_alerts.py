"""live alert rules and alert events

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import db.types

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feed_status',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('simulated', sa.Boolean(), nullable=False),
    sa.Column('started_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('heartbeat_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('last_event_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('last_event_seen_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('events', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('events_per_sec', sa.Float(), nullable=False),
    sa.Column('malformed', sa.Integer(), nullable=False),
    sa.Column('unknown', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('out_of_order', sa.Integer(), nullable=False),
    sa.Column('rotations', sa.Integer(), nullable=False),
    sa.Column('missing', sa.Boolean(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('stopped_at', db.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_status')),
    sa.UniqueConstraint('name', name=op.f('uq_feed_status_name'))
    )
    op.create_table('live_alert_rules',
    sa.Column('key', sa.String(length=48), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('threshold', sa.Float(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_live_alert_rules'))
    )
    op.create_table('live_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=48), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('raised_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('last_seen_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('cleared_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('dedupe_key', sa.String(length=200), nullable=False),
    sa.Column('notified', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_alerts')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_live_alerts_dedupe_key'))
    )
    with op.batch_alter_table('live_alerts', schema=None) as batch_op:
        batch_op.create_index('ix_live_alerts_open', ['rule', 'subject', 'cleared_at'], unique=False)
        batch_op.create_index('ix_live_alerts_raised', ['raised_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('live_alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_live_alerts_raised')
        batch_op.drop_index('ix_live_alerts_open')
    op.drop_table('live_alerts')
    op.drop_table('live_alert_rules')
    op.drop_table('feed_status')
