"""outbox lease and dead rows

Relays claim rows with a lease (claimed_until) and send them after the claiming transaction has
committed, so no row lock is held across the Kafka round trip; a row Kafka refuses for good (too large,
invalid topic) is marked failed with its error, and the rows after it still go out.

Revision ID: 7c1e4a9b3d20
Revises: 02307ec9ee9a
Create Date: 2026-12-02 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '7c1e4a9b3d20'
down_revision = '02307ec9ee9a'
branch_labels = None
depends_on = None

SCHEMAS = ('ingest', 'alert')


def upgrade() -> None:
    for schema in SCHEMAS:
        op.add_column('outbox', sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True), schema=schema)
        op.add_column('outbox', sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True), schema=schema)
        op.add_column('outbox', sa.Column('error', sa.Text(), nullable=True), schema=schema)
        op.drop_index(f'ix_{schema}_outbox_unpublished', table_name='outbox', schema=schema)
        op.create_index(f'ix_{schema}_outbox_unpublished', 'outbox', ['id'], schema=schema,
                        postgresql_where=sa.text('published_at IS NULL AND failed_at IS NULL'))


def downgrade() -> None:
    for schema in SCHEMAS:
        op.drop_index(f'ix_{schema}_outbox_unpublished', table_name='outbox', schema=schema)
        op.create_index(f'ix_{schema}_outbox_unpublished', 'outbox', ['id'], schema=schema,
                        postgresql_where=sa.text('published_at IS NULL'))
        for column in ('error', 'failed_at', 'claimed_until'):
            op.drop_column('outbox', column, schema=schema)
