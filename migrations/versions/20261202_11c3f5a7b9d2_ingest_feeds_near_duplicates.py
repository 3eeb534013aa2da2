"""ingest: feeds, near-duplicates, idempotency keys (issue 11)

Feeds with their poller state and lease; per-article language mark, near-duplicate link and MinHash
signature with its LSH bands; the answers kept for Idempotency-Key.

Revision ID: 11c3f5a7b9d2
Revises: 9a2e1f8b4c60
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '11c3f5a7b9d2'
down_revision = '9a2e1f8b4c60'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('articles', sa.Column('lang_detected', sa.Boolean(), server_default='false', nullable=False), schema='ingest')
    op.add_column('articles', sa.Column('near_duplicate_of', sa.Text(), nullable=True), schema='ingest')
    op.add_column('articles', sa.Column('similarity', sa.Double(), nullable=True), schema='ingest')
    op.add_column('articles', sa.Column('minhash', sa.LargeBinary(), nullable=True), schema='ingest')
    op.add_column('articles', sa.Column('feed_id', sa.UUID(), nullable=True), schema='ingest')
    op.create_table('minhash_bands',
        sa.Column('band', sa.Integer(), nullable=False),
        sa.Column('hash', sa.BigInteger(), nullable=False),
        sa.Column('article_id', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('hash', 'band', 'article_id', name='pk_ingest_minhash_bands'),
        schema='ingest')
    op.create_table('feeds',
        sa.Column('id', sa.UUID(), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('interval_s', sa.Integer(), nullable=False),
        sa.Column('lang', sa.Text(), nullable=True),
        sa.Column('source', sa.Text(), nullable=True),
        sa.Column('active', sa.Boolean(), server_default='true', nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('next_fetch_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.Text(), nullable=True),
        sa.Column('last_fetch_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_status', sa.Integer(), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('errors_in_row', sa.Integer(), server_default='0', nullable=False),
        sa.Column('items_seen', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('articles_new', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('not_modified', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('fetches', sa.BigInteger(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'),
        schema='ingest')
    op.create_index('ix_ingest_feeds_due', 'feeds', ['next_fetch_at'], schema='ingest',
                    postgresql_where=sa.text('active'))
    op.create_table('idempotency_keys',
        sa.Column('principal', sa.Text(), nullable=False),
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('request_hash', sa.Text(), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=False),
        sa.Column('response', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('principal', 'key', name='pk_ingest_idempotency_keys'),
        schema='ingest')
    op.create_index('ix_ingest_idempotency_keys_created_at', 'idempotency_keys', ['created_at'], schema='ingest')


def downgrade() -> None:
    op.drop_index('ix_ingest_idempotency_keys_created_at', table_name='idempotency_keys', schema='ingest')
    op.drop_table('idempotency_keys', schema='ingest')
    op.drop_index('ix_ingest_feeds_due', table_name='feeds', schema='ingest')
    op.drop_table('feeds', schema='ingest')
    op.drop_table('minhash_bands', schema='ingest')
    for column in ('feed_id', 'minhash', 'similarity', 'near_duplicate_of', 'lang_detected'):
        op.drop_column('articles', column, schema='ingest')
