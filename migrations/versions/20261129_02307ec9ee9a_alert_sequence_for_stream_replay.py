"""alert sequence for stream replay

Revision ID: 02307ec9ee9a
Revises: f5546b6fe7dd
Create Date: 2026-11-29 03:50:39.780077
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '02307ec9ee9a'
down_revision = 'f5546b6fe7dd'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows are numbered by the identity when the column is added.
    op.add_column('alerts', sa.Column('seq', sa.BigInteger(), sa.Identity(always=False), nullable=False), schema='alert')
    op.create_unique_constraint('uq_alert_alerts_seq', 'alerts', ['seq'], schema='alert')


def downgrade() -> None:
    op.drop_constraint('uq_alert_alerts_seq', 'alerts', schema='alert', type_='unique')
    op.drop_column('alerts', 'seq', schema='alert')
