"""grafana: a read-only role for dashboards (issue 10)

Placeholder reserved in the migration chain so that work on several issues can land in any order; the
owner of this revision fills in upgrade() and downgrade().

Revision ID: 10d4e6a8c0f1
Revises: 11c3f5a7b9d2
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

revision = '10d4e6a8c0f1'
down_revision = '11c3f5a7b9d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
