"""chat transcripts and automatic QA: messages, versioned rule sets, results (issue 11)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import db.types

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('autoqa_rulesets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('config', sa.JSON(), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_autoqa_rulesets')),
    sa.UniqueConstraint('version', name=op.f('uq_autoqa_rulesets_version'))
    )
    op.create_table('autoqa_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('ruleset_version', sa.Integer(), nullable=False),
    sa.Column('check', sa.String(length=32), nullable=False),
    sa.Column('rule_id', sa.String(length=24), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('message_seq', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('checked_at', db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'],
                            name=op.f('fk_autoqa_results_interaction_id_interactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_autoqa_results')),
    sa.UniqueConstraint('interaction_id', 'ruleset_version', 'check', name=op.f('uq_autoqa_results_interaction_id'))
    )
    op.create_index('ix_autoqa_results_version_passed', 'autoqa_results', ['ruleset_version', 'passed'],
                    unique=False)
    op.create_table('transcript_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sent_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('sender', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['interaction_id'], ['interactions.id'],
                            name=op.f('fk_transcript_messages_interaction_id_interactions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transcript_messages')),
    sa.UniqueConstraint('interaction_id', 'seq', name=op.f('uq_transcript_messages_interaction_id'))
    )


def downgrade() -> None:
    op.drop_table('transcript_messages')
    op.drop_index('ix_autoqa_results_version_passed', table_name='autoqa_results')
    op.drop_table('autoqa_results')
    op.drop_table('autoqa_rulesets')
