"""quarterly reviews: published figures, comments, improvement plans, amendments (R-REV-1)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

import db.types

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarterly_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('published_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('published_by', sa.String(length=64), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_quarterly_reviews_center_id_centers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarterly_reviews')),
    sa.UniqueConstraint('center_id', 'quarter', name=op.f('uq_quarterly_reviews_center_id'))
    )
    op.create_table('improvement_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=8), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['people.id'], name=op.f('fk_improvement_plans_agent_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_improvement_plans'))
    )
    op.create_index(op.f('ix_improvement_plans_agent_id'), 'improvement_plans', ['agent_id'], unique=False)
    op.create_index(op.f('ix_improvement_plans_quarter'), 'improvement_plans', ['quarter'], unique=False)
    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['people.id'], name=op.f('fk_review_comments_agent_id_people')),
    sa.ForeignKeyConstraint(['review_id'], ['quarterly_reviews.id'],
                            name=op.f('fk_review_comments_review_id_quarterly_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments')),
    sa.UniqueConstraint('review_id', 'agent_id', name=op.f('uq_review_comments_review_id'))
    )
    op.create_index(op.f('ix_review_comments_agent_id'), 'review_comments', ['agent_id'], unique=False)
    op.create_table('review_amendments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=True),
    sa.Column('new_value', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', db.types.UTCDateTime(), nullable=False),
    sa.Column('by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['people.id'], name=op.f('fk_review_amendments_agent_id_people')),
    sa.ForeignKeyConstraint(['review_id'], ['quarterly_reviews.id'],
                            name=op.f('fk_review_amendments_review_id_quarterly_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_amendments'))
    )
    op.create_index(op.f('ix_review_amendments_review_id'), 'review_amendments', ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_review_amendments_review_id'), table_name='review_amendments')
    op.drop_table('review_amendments')
    op.drop_index(op.f('ix_review_comments_agent_id'), table_name='review_comments')
    op.drop_table('review_comments')
    op.drop_index(op.f('ix_improvement_plans_quarter'), table_name='improvement_plans')
    op.drop_index(op.f('ix_improvement_plans_agent_id'), table_name='improvement_plans')
    op.drop_table('improvement_plans')
    op.drop_table('quarterly_reviews')
