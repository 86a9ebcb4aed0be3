"""complaint SLA clocks, warnings and escalations

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import db.types

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sla_clocks', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('sla_next_at', db.types.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_complaints_merged_into_id_complaints'), 'complaints',
                                    ['merged_into_id'], ['id'])
        batch_op.create_index('ix_complaints_sla_next', ['sla_next_at'], unique=False)
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data', sa.JSON(), nullable=True))
    with op.batch_alter_table('sla_policies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('warn_before_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pause_when_waiting', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column('updated_at', db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_by', sa.String(length=64), nullable=True))
    # open cases of an older database: the first SLA sweep computes their clocks
    complaints = sa.table('complaints', sa.column('stage', sa.String()),
                          sa.column('sla_next_at', db.types.UTCDateTime()))
    op.execute(complaints.update().where(complaints.c.stage != 'closed')
               .values(sla_next_at=datetime(2000, 1, 1, tzinfo=UTC)))


def downgrade() -> None:
    with op.batch_alter_table('sla_policies', schema=None) as batch_op:
        batch_op.drop_column('updated_by')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('pause_when_waiting')
        batch_op.drop_column('warn_before_minutes')
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.drop_column('data')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_sla_next')
        batch_op.drop_constraint(batch_op.f('fk_complaints_merged_into_id_complaints'), type_='foreignkey')
        batch_op.drop_column('sla_next_at')
        batch_op.drop_column('sla_clocks')
        batch_op.drop_column('merged_into_id')
