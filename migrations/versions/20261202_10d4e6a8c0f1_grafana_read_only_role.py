"""grafana: a read-only role for dashboards (issue 10)

`raqib_grafana` may log in (no password until the deployer sets one: `python -m migrations.grafana`), reads
the tables the dashboards need and nothing else: not `alert.subscriptions` (signing secrets), not `auth`
(API key hashes), not the outboxes. Its sessions are read-only and time-limited. Roles belong to the
PostgreSQL cluster, not to a database: creating it tolerates its existing (another database of the cluster,
or a concurrent migrator, made it), and downgrade drops it only once no database grants it anything.
A table added later is not readable until a migration grants it (deliberately: nothing new leaks).

Revision ID: 10d4e6a8c0f1
Revises: 11c3f5a7b9d2
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

from alembic import op

revision = '10d4e6a8c0f1'
down_revision = '11c3f5a7b9d2'
branch_labels = None
depends_on = None

ROLE = "raqib_grafana"
SCHEMAS = ("ingest", "enrich", "alert")
# Granted where they exist (a table that a later revision drops is skipped, not an error).
TABLES = ("ingest.articles", "enrich.annotations", "alert.alerts", "alert.incident_articles", "alert.notices",
          "alert.deliveries", "alert.silences")


def upgrade() -> None:
    op.execute(f"""
        DO $$ BEGIN
            CREATE ROLE {ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION
                CONNECTION LIMIT 20;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$""")
    op.execute(f"ALTER ROLE {ROLE} SET default_transaction_read_only = on")
    op.execute(f"ALTER ROLE {ROLE} SET statement_timeout = '30s'")
    op.execute(f"GRANT USAGE ON SCHEMA {', '.join(SCHEMAS)} TO {ROLE}")
    tables = ", ".join(f"'{t}'" for t in TABLES)
    op.execute(f"""
        DO $$ DECLARE t text; BEGIN
            FOREACH t IN ARRAY ARRAY[{tables}] LOOP
                IF to_regclass(t) IS NOT NULL THEN
                    EXECUTE format('GRANT SELECT ON %s TO {ROLE}', t);
                END IF;
            END LOOP;
        END $$""")


def downgrade() -> None:
    op.execute(f"DROP OWNED BY {ROLE}")  # its grants in this database (it owns nothing)
    op.execute(f"""
        DO $$ BEGIN
            DROP ROLE {ROLE};
        EXCEPTION WHEN dependent_objects_still_exist OR undefined_object THEN NULL;  -- used elsewhere
        END $$""")
