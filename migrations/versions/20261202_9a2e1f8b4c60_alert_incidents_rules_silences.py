"""alert: incidents, notices and silences (issue 9)

Placeholder reserved in the migration chain so that work on several issues can land in any order; the
owner of this revision fills in upgrade() and downgrade().

Revision ID: 9a2e1f8b4c60
Revises: 9b1d0c7e2a31
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

revision = '9a2e1f8b4c60'
down_revision = '9b1d0c7e2a31'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
