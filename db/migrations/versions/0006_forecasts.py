"""forecast runs, overrides and prediction intervals

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import db.types  # noqa: F401

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # this session's reserved slot; filled by the feature that needs it, or removed before release
    return None


def downgrade() -> None:
    return None
