"""QA draws, scorecards, calibration and disputes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import db.types  # noqa: F401

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # this session's reserved slot; filled by the feature that needs it, or removed before release
    return None


def downgrade() -> None:
    return None
