"""alert: subscriber delivery controls (issue 9)

A subscription gains a delivery format (standard, alertmanager, pagerduty, slack) and PagerDuty routing key,
an `enabled` switch with the reason it was turned off (410 Gone, failing for days), a previous signing secret
still used during a rotation's overlap, its health (consecutive failures, failing since, last success), a
circuit breaker (open until) and an optional rate limit. Every delivery attempt is logged in
`alert.delivery_attempts` (time, status, latency, error, the start of the answer).

Revision ID: 9b1d0c7e2a31
Revises: 7c1e4a9b3d20
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '9b1d0c7e2a31'
down_revision = '7c1e4a9b3d20'
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def subscription_columns() -> list[sa.Column]:  # fresh objects per use: a Column joins one table
    return [
        sa.Column('format', sa.Text(), nullable=False, server_default='standard'),
        sa.Column('routing_key', sa.Text(), nullable=True),
        sa.Column('enabled', sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column('disabled_reason', sa.Text(), nullable=True),
        sa.Column('disabled_at', TZ, nullable=True),
        sa.Column('previous_secret', sa.Text(), nullable=True),
        sa.Column('previous_secret_expires_at', TZ, nullable=True),
        sa.Column('consecutive_failures', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('failing_since', TZ, nullable=True),
        sa.Column('last_success_at', TZ, nullable=True),
        sa.Column('circuit_open_until', TZ, nullable=True),
        sa.Column('rate_limit_per_s', sa.Double(), nullable=True),
    ]


def upgrade() -> None:
    for column in subscription_columns():
        op.add_column('subscriptions', column, schema='alert')
    op.create_table(
        'delivery_attempts',
        sa.Column('id', sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column('delivery_id', postgresql.UUID(as_uuid=True),
                  sa.ForeignKey('alert.deliveries.id', ondelete='CASCADE'), nullable=True),
        sa.Column('subscription_id', postgresql.UUID(as_uuid=True),
                  sa.ForeignKey('alert.subscriptions.id', ondelete='CASCADE'), nullable=False),
        sa.Column('attempt', sa.Integer(), nullable=False),
        sa.Column('started_at', TZ, nullable=False),
        sa.Column('latency_ms', sa.Double(), nullable=False),
        sa.Column('status_code', sa.Integer(), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('response', sa.Text(), nullable=True),
        sa.Column('test', sa.Boolean(), nullable=False, server_default=sa.false()),
        schema='alert',
    )
    op.create_index('ix_alert_delivery_attempts_delivery', 'delivery_attempts', ['delivery_id', 'id'],
                    schema='alert')
    op.create_index('ix_alert_delivery_attempts_subscription', 'delivery_attempts', ['subscription_id', 'id'],
                    schema='alert')
    # the claim takes each subscription's earliest due deliveries (one dead endpoint cannot fill a batch)
    op.create_index('ix_alert_deliveries_subscription_due', 'deliveries', ['subscription_id', 'next_attempt_at'],
                    schema='alert', postgresql_where=sa.text("status = 'pending'"))


def downgrade() -> None:
    op.drop_index('ix_alert_deliveries_subscription_due', table_name='deliveries', schema='alert')
    op.drop_table('delivery_attempts', schema='alert')
    for column in reversed(subscription_columns()):
        op.drop_column('subscriptions', column.name, schema='alert')
