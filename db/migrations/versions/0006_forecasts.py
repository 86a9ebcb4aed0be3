"""forecast runs, overrides and prediction intervals

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import db.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('forecast_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('queue_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('ends_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('factor', sa.Float(), nullable=True),
    sa.Column('volume', sa.Float(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('removed_by', sa.String(length=64), nullable=True),
    sa.Column('removed_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['queue_id'], ['queues.id'], name=op.f('fk_forecast_overrides_queue_id_queues')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forecast_overrides'))
    )
    with op.batch_alter_table('forecast_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forecast_overrides_queue_id'), ['queue_id'], unique=False)
    with op.batch_alter_table('forecast_intervals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lower', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('upper', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('forecast_intervals', schema=None) as batch_op:
        batch_op.drop_column('upper')
        batch_op.drop_column('lower')
    with op.batch_alter_table('forecast_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forecast_overrides_queue_id'))
    op.drop_table('forecast_overrides')
