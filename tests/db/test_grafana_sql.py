"""Every SQL query of the Grafana dashboards runs, as Grafana would send it, against a migrated database filled
through the services' own code (ingest stores, the engine annotates, the alert handler groups incidents), logged
in as the read-only role `raqib_grafana`; each returns the columns its panel reads. The role reads nothing else
and writes nothing.

Grafana's PostgreSQL macros are expanded here as Grafana 11 expands them ($__timeFilter, $__timeGroupAlias;
multi-value variables as quoted lists, "All" as its allValue): the expansion is this test's, not Grafana's."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from deploy.grafana.panels import ALL
from migrations.grafana import ROLE, set_password
from services.alert.consumer import AlertHandler
from services.alert.rules import load_rules
from services.enrich import repository as enrich_repository
from services.enrich.consumer import engine_lang
from services.enrich.enrichment import enrich
from services.enrich.gazetteer import load_gazetteer
from services.ingest import repository as ingest_repository
from services.ingest.articles import ArticleIn, prepare
from shared.db import make_engine, make_sessionmaker, unit_of_work
from shared.events import ArticleEnriched, ArticleRef
from tests.conftest import ROOT, fresh_database

pytestmark = pytest.mark.db
PASSWORD = "grafana-" + uuid.uuid4().hex
# Own-words reports: three name a camp or prison (one twice, in two languages), one names none.
REPORTS = [
    ("en", "https://news.example/roj-fire", "Fire at Roj camp",
     "Guards at Roj camp near Hasakah reported a fire on Monday, the Syrian Democratic Forces said."),
    ("en", "https://wire.example/ghwayran-attack", "Attack on Ghwayran prison",
     "Gunmen attacked Ghwayran prison in Hasakah overnight; the SDF said several detainees escaped."),
    ("ar", "https://ar.example/ghwayran", "هجوم على سجن غويران",
     "هاجم مسلحون سجن غويران في الحسكة فجر اليوم بحسب قوات سوريا الديمقراطية."),
    ("en", "https://news.example/market", "Prices in Aleppo",
     "Bread prices rose again in Aleppo this week as the currency fell."),
]
DASHBOARD = json.loads((ROOT / "deploy" / "grafana" / "dashboards" / "facilities.json").read_text())


@pytest.fixture(scope="module")
async def filled(server_url: str) -> AsyncIterator[str]:
    async with fresh_database(server_url, "grafana") as url:
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        gazetteer = load_gazetteer()
        handler = AlertHandler(sessions, [], load_rules())
        for lang, link, title, text in REPORTS:
            new = prepare(ArticleIn(text=text, url=link, title=title, lang=lang), datetime.now(UTC))
            async with unit_of_work(sessions) as session:
                article_id = (await ingest_repository.store(session, new)).id
            annotation = enrich(text, gazetteer, lang=engine_lang(lang))
            async with unit_of_work(sessions) as session:
                await enrich_repository.upsert(session, article_id, annotation, "test")
            await handler([ArticleEnriched(article=ArticleRef(id=article_id, url=link, title=title), text=text,
                                           annotation=annotation, engine_version="test",
                                           enriched_at=datetime.now(UTC))])  # the handler takes a batch
        await engine.dispose()
        await set_password(url, PASSWORD)
        yield url


async def connect_as_grafana(url: str) -> asyncpg.Connection:
    dsn = make_url(url).set(drivername="postgresql", username=ROLE, password=PASSWORD)
    return await asyncpg.connect(dsn.render_as_string(hide_password=False))


def expand(sql: str, variables: dict[str, list[str]], interval_s: int = 3600) -> str:
    """Grafana's expansion of macros and variables for the PostgreSQL datasource (time range: the last day)."""
    start, end = datetime.now(UTC) - timedelta(days=1), datetime.now(UTC) + timedelta(minutes=1)
    sql = re.sub(r"\$__timeFilter\(([^)]+)\)", lambda m: f"{m[1]} BETWEEN '{start.isoformat()}' AND "
                 f"'{end.isoformat()}'", sql)
    sql = re.sub(r"\$__timeGroupAlias\(([^,]+),\s*\$__interval\)",
                 lambda m: f'floor(extract(epoch from {m[1]})/{interval_s})*{interval_s} AS "time"', sql)
    for name, values in variables.items():
        sql = sql.replace(f"${name}", ",".join("'" + v.replace("'", "''") + "'" for v in values))
    assert "$" not in sql, sql
    return sql


def sql_targets() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{p['title']}/{t['refId']}", t) for p in DASHBOARD["panels"] for t in p["targets"]]


# What each panel reads from its query's columns (the geomap layers' fields, the table's link, time series).
EXPECTED = {
    "Incidents/A": ["incidents"], "Facilities named/A": ["facilities"], "Articles enriched/A": ["articles"],
    "Where facilities are named/A": ["facility", "kind", "country", "lat", "lon", "articles", "incidents",
                                     "severity", "last_seen"],
    "Where facilities are named/B": ["place", "country", "lat", "lon", "articles"],
    "Incidents per facility/A": ["time", "metric", "value"],
    "Latest incidents/A": ["time", "facility", "kind", "country", "severity", "state", "articles", "evidence",
                           "article", "source", "url"],
    "Most-mentioned actors/A": ["actor", "articles"],
}
ALL_VARS = {"country": [ALL], "kind": [ALL], "severity": [ALL]}


def test_every_sql_target_has_expectations() -> None:
    assert sorted(name for name, _ in sql_targets()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_query_runs_as_the_read_only_role_and_returns_its_columns(filled: str, name: str) -> None:
    target = dict(sql_targets())[name]
    conn = await connect_as_grafana(filled)
    try:
        stmt = await conn.prepare(expand(target["rawSql"], ALL_VARS))
        assert [a.name for a in stmt.get_attributes()] == EXPECTED[name]
        rows = await stmt.fetch()
    finally:
        await conn.close()
    assert rows, f"{name}: no rows from the sample data"


async def query(url: str, name: str, variables: dict[str, list[str]]) -> list[asyncpg.Record]:
    conn = await connect_as_grafana(url)
    try:
        return list(await conn.fetch(expand(dict(sql_targets())[name]["rawSql"], variables)))
    finally:
        await conn.close()


async def test_the_map_places_each_named_facility_sized_by_its_articles(filled: str) -> None:
    rows = {r["facility"].split()[0]: r for r in await query(filled, "Where facilities are named/A", ALL_VARS)}
    assert set(rows) == {"Roj", "Ghwayran"}  # the Arabic and the English report of Ghwayran: one facility
    assert rows["Ghwayran"]["articles"] == 2 and rows["Roj"]["articles"] == 1
    assert rows["Roj"]["kind"] == "camp" and rows["Roj"]["country"] == "SY"
    assert 35 < rows["Roj"]["lat"] < 38 and 39 < rows["Roj"]["lon"] < 43
    places = {r["place"] for r in await query(filled, "Where facilities are named/B", ALL_VARS)}
    assert {"Hasakah", "Aleppo"} <= places


async def test_the_variables_filter(filled: str) -> None:
    camps = await query(filled, "Where facilities are named/A", {**ALL_VARS, "kind": ["camp"]})
    assert [r["facility"] for r in camps] == ["Roj camp"]
    prisons = await query(filled, "Latest incidents/A", {**ALL_VARS, "kind": ["prison"]})
    assert {r["kind"] for r in prisons} == {"prison"}
    assert await query(filled, "Where facilities are named/A", {**ALL_VARS, "country": ["IQ"]}) == []
    both = await query(filled, "Incidents/A", {**ALL_VARS, "kind": ["camp", "prison"], "country": ["SY"]})
    assert both[0]["incidents"] == 2


async def test_latest_incidents_carry_evidence_and_a_link(filled: str) -> None:
    rows = await query(filled, "Latest incidents/A", ALL_VARS)
    assert len(rows) == 2
    for r in rows:
        assert r["url"].startswith("https://") and r["article"]
        assert r["facility"].split()[0].lower() in r["evidence"].lower() or "غويران" in r["evidence"]


async def test_actors_are_counted_per_article(filled: str) -> None:
    rows = await query(filled, "Most-mentioned actors/A", ALL_VARS)
    assert rows and rows[0]["articles"] >= 2 and "SDF" in rows[0]["actor"], rows


async def test_the_role_reads_nothing_else_and_writes_nothing(filled: str) -> None:
    conn = await connect_as_grafana(filled)
    try:
        for table in ("alert.subscriptions", "auth.api_keys", "ingest.outbox", "alert.outbox"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.fetch(f"SELECT 1 FROM {table} LIMIT 1")
        with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
            await conn.execute("UPDATE alert.alerts SET status = 'resolved'")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):  # even with the read-only default turned off
            await conn.execute("SET default_transaction_read_only = off")
            await conn.execute("UPDATE alert.alerts SET status = 'x'")
        assert await conn.fetchval("SHOW statement_timeout") == "30s"
    finally:
        await conn.close()

