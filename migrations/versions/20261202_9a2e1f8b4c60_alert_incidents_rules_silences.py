"""alert: incidents, notices and silences (issue 9)

An alert becomes an incident: `alert.alerts` gains the incident's columns (group key with a partial unique index
for open incidents, rule, severity, first/last seen, counts, notification state); new tables
`alert.incident_articles`, `alert.notices`, `alert.incident_events`, `alert.silences`; `alert.deliveries` gains
`notice_id` (unique with the subscription instead of the alert). Alerts raised before are kept as one-article
incidents of rule `legacy`, already notified.

Revision ID: 9a2e1f8b4c60
Revises: 9b1d0c7e2a31
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision = '9a2e1f8b4c60'
down_revision = '9b1d0c7e2a31'
branch_labels = None
depends_on = None

S = 'alert'
TS = sa.DateTime(timezone=True)


def _jsonb(name: str, default: str) -> sa.Column:
    return sa.Column(name, pg.JSONB(), nullable=False, server_default=default)


def upgrade() -> None:
    for col in [
        sa.Column('group_key', sa.Text()),
        sa.Column('rule', sa.Text(), nullable=False, server_default='legacy'),
        sa.Column('severity', sa.Text(), nullable=False, server_default='info'),
        sa.Column('spike', sa.Boolean(), nullable=False, server_default='false'),
        sa.Column('silenced', sa.Boolean(), nullable=False, server_default='false'),
        sa.Column('confidence', sa.Double(), nullable=False, server_default='0'),
        _jsonb('labels', '{}'), _jsonb('policy', '{}'),
        sa.Column('first_seen', TS, nullable=False, server_default=sa.func.now()),
        sa.Column('last_seen', TS, nullable=False, server_default=sa.func.now()),
        sa.Column('window_ends_at', TS),
        sa.Column('article_count', sa.Integer(), nullable=False, server_default='0'),
        _jsonb('sources', '[]'), _jsonb('languages', '[]'), _jsonb('event_types', '[]'), _jsonb('actors', '[]'),
        sa.Column('acknowledged_at', TS), sa.Column('resolved_at', TS),
        sa.Column('notified_at', TS), sa.Column('notified_kind', sa.Text()),
        sa.Column('notified_count', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('notified_severity', sa.Text()),
        sa.Column('next_check_at', TS),
        sa.Column('version', sa.Integer(), nullable=False, server_default='0'),
    ]:
        op.add_column('alerts', col, schema=S)
    op.create_index('uq_alert_alerts_open_group', 'alerts', ['group_key'], unique=True, schema=S,
                    postgresql_where=sa.text('group_key IS NOT NULL'))
    op.create_index('ix_alert_alerts_next_check', 'alerts', ['next_check_at'], schema=S,
                    postgresql_where=sa.text('next_check_at IS NOT NULL'))
    op.create_index('ix_alert_alerts_facility', 'alerts', ['facility_id', 'first_seen'], schema=S)

    op.create_table(
        'incident_articles',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), primary_key=True),
        sa.Column('alert_id', pg.UUID(as_uuid=True), sa.ForeignKey('alert.alerts.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('group_kind', sa.Text(), nullable=False),
        sa.Column('facility_id', sa.Text(), nullable=False),
        sa.Column('article_id', sa.Text(), nullable=False),
        sa.Column('url', sa.Text()), sa.Column('title', sa.Text()), sa.Column('source', sa.Text()),
        sa.Column('lang', sa.Text()), sa.Column('published_at', TS),
        sa.Column('evidence', sa.Text(), nullable=False), sa.Column('surface', sa.Text(), nullable=False),
        _jsonb('event_types', '[]'), _jsonb('actors', '[]'),
        sa.Column('joined_at', TS, nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint('group_kind', 'facility_id', 'article_id', name='uq_alert_incident_articles_article'),
        schema=S)
    op.create_index('ix_alert_incident_articles_alert', 'incident_articles', ['alert_id', 'joined_at'], schema=S)
    # ingest's `GET /v1/articles/{id}` asks which incidents an article joined (services/ingest/status.py)
    op.create_index('ix_alert_incident_articles_article_id', 'incident_articles', ['article_id'], schema=S)
    op.create_index('ix_alert_incident_articles_facility', 'incident_articles', ['facility_id', 'joined_at'],
                    schema=S)

    op.create_table(
        'notices',
        sa.Column('id', pg.UUID(as_uuid=True), primary_key=True),
        sa.Column('alert_id', pg.UUID(as_uuid=True), sa.ForeignKey('alert.alerts.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('kind', sa.Text(), nullable=False),
        sa.Column('payload', pg.JSONB(), nullable=False),
        sa.Column('created_at', TS, nullable=False, server_default=sa.func.now()),
        schema=S)
    op.create_index('ix_alert_notices_alert', 'notices', ['alert_id', 'created_at'], schema=S)
    op.create_index('ix_alert_notices_created_at', 'notices', ['created_at'], schema=S)

    op.create_table(
        'incident_events',
        sa.Column('seq', sa.BigInteger(), sa.Identity(always=False), primary_key=True),
        sa.Column('alert_id', pg.UUID(as_uuid=True), sa.ForeignKey('alert.alerts.id', ondelete='CASCADE'),
                  nullable=False),
        sa.Column('change', sa.Text(), nullable=False),
        sa.Column('payload', pg.JSONB(), nullable=False),
        sa.Column('created_at', TS, nullable=False, server_default=sa.func.now()),
        schema=S)
    op.create_index('ix_alert_incident_events_created_at', 'incident_events', ['created_at'], schema=S)

    op.create_table(
        'silences',
        sa.Column('id', pg.UUID(as_uuid=True), primary_key=True),
        sa.Column('matchers', pg.JSONB(), nullable=False),
        sa.Column('starts_at', TS, nullable=False), sa.Column('ends_at', TS, nullable=False),
        sa.Column('comment', sa.Text(), nullable=False, server_default=''),
        sa.Column('created_by', sa.Text(), nullable=False, server_default=''),
        sa.Column('created_at', TS, nullable=False, server_default=sa.func.now()),
        sa.Column('expired_at', TS),
        schema=S)
    op.create_index('ix_alert_silences_ends_at', 'silences', ['ends_at'], schema=S)

    op.add_column('deliveries', sa.Column('notice_id', pg.UUID(as_uuid=True),
                                          sa.ForeignKey('alert.notices.id', ondelete='CASCADE')), schema=S)
    op.drop_constraint('uq_alert_deliveries_alert_subscription', 'deliveries', schema=S, type_='unique')
    op.create_unique_constraint('uq_alert_deliveries_notice_subscription', 'deliveries',
                                ['notice_id', 'subscription_id'], schema=S)
    op.create_index('ix_alert_deliveries_alert', 'deliveries', ['alert_id'], schema=S)

    # alerts raised before incidents: one-article incidents, already notified (their AlertRaised was delivered)
    op.execute("""
        UPDATE alert.alerts SET confidence = COALESCE((payload->'facility'->>'confidence')::float8, 0),
               first_seen = created_at, last_seen = created_at, article_count = 1,
               notified_at = created_at, notified_kind = 'firing', notified_count = 1, notified_severity = 'info',
               resolved_at = CASE WHEN status = 'resolved' THEN created_at END
    """)
    op.execute("""
        INSERT INTO alert.incident_articles (alert_id, group_kind, facility_id, article_id, url, title, source,
                                             published_at, evidence, surface, event_types, actors, joined_at)
        SELECT id, 'facility', facility_id, article_id, payload->'article'->>'url', payload->'article'->>'title',
               payload->'article'->>'source', (payload->'article'->>'published_at')::timestamptz,
               COALESCE(payload->>'excerpt', ''), COALESCE(payload->'facility'->>'surface', facility_name),
               COALESCE(payload->'event_types', '[]'::jsonb), '[]'::jsonb, created_at
        FROM alert.alerts
        ON CONFLICT DO NOTHING
    """)


def downgrade() -> None:
    op.drop_index('ix_alert_deliveries_alert', 'deliveries', schema=S)
    op.drop_constraint('uq_alert_deliveries_notice_subscription', 'deliveries', schema=S, type_='unique')
    # deliveries of notices other than an incident's first cannot fit the old one-per-alert constraint
    op.execute("""
        DELETE FROM alert.deliveries d USING alert.deliveries e
        WHERE d.alert_id = e.alert_id AND d.subscription_id = e.subscription_id AND d.created_at > e.created_at
    """)
    op.create_unique_constraint('uq_alert_deliveries_alert_subscription', 'deliveries',
                                ['alert_id', 'subscription_id'], schema=S)
    op.drop_column('deliveries', 'notice_id', schema=S)
    op.drop_table('silences', schema=S)
    op.drop_table('incident_events', schema=S)
    op.drop_table('notices', schema=S)
    op.drop_table('incident_articles', schema=S)
    op.drop_index('ix_alert_alerts_facility', 'alerts', schema=S)
    op.drop_index('ix_alert_alerts_next_check', 'alerts', schema=S)
    op.drop_index('uq_alert_alerts_open_group', 'alerts', schema=S)
    for col in ('group_key', 'rule', 'severity', 'spike', 'silenced', 'confidence', 'labels', 'policy', 'first_seen', 'last_seen',
                'window_ends_at', 'article_count', 'sources', 'languages', 'event_types', 'actors',
                'acknowledged_at', 'resolved_at', 'notified_at', 'notified_kind', 'notified_count',
                'notified_severity', 'next_check_at', 'version'):
        op.drop_column('alerts', col, schema=S)
