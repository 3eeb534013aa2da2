"""ingest: feeds, near-duplicates, idempotency keys (issue 11)

Placeholder reserved in the migration chain so that work on several issues can land in any order; the
owner of this revision fills in upgrade() and downgrade().

Revision ID: 11c3f5a7b9d2
Revises: 9a2e1f8b4c60
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

revision = '11c3f5a7b9d2'
down_revision = '9a2e1f8b4c60'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
