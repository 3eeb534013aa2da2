"""alert: subscriber delivery controls (issue 9)

Placeholder reserved in the migration chain so that work on several issues can land in any order; the
owner of this revision fills in upgrade() and downgrade().

Revision ID: 9b1d0c7e2a31
Revises: 7c1e4a9b3d20
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

revision = '9b1d0c7e2a31'
down_revision = '7c1e4a9b3d20'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
