"""The Facilities dashboard: where prisons and camps are named, how often, by whom, with the evidence.
Every query reads PostgreSQL through the read-only role `raqib_grafana` (migration 10d4e6a8c0f1) and honours
the time range and the country / facility-kind variables. tests/db/test_grafana_sql.py runs each query on a
migrated database filled through the services' own code."""

from __future__ import annotations

from typing import Any

from deploy.grafana.panels import (
    Grid,
    custom_variable,
    dashboard,
    hidden,
    in_filter,
    link,
    markers,
    panel,
    query_variable,
    sql,
    stat,
    table,
    timeseries,
)

# An alert is an incident (issue 9): one facility within a grouping window; its articles, each with the sentence
# naming the facility, are in alert.incident_articles.
ALERTS = "alert.alerts a"
WHERE = (f"$__timeFilter(a.first_seen) AND {in_filter('a.country', 'country')} AND {in_filter('a.kind', 'kind')} "
         f"AND {in_filter('a.severity', 'severity')}")

INCIDENTS_COUNT = f"SELECT count(*) AS incidents FROM {ALERTS} WHERE {WHERE}"
FACILITIES_COUNT = f"SELECT count(DISTINCT a.facility_id) AS facilities FROM {ALERTS} WHERE {WHERE}"
ARTICLES_COUNT = "SELECT count(*) AS articles FROM enrich.annotations n WHERE $__timeFilter(n.enriched_at)"

FACILITY_MARKERS = f"""
SELECT a.facility_name AS facility, a.kind, a.country, a.lat, a.lon,
       count(DISTINCT ia.article_id) AS articles, count(DISTINCT a.id) AS incidents,
       (ARRAY['info', 'warning', 'critical'])[max(array_position(ARRAY['info', 'warning', 'critical'], a.severity))]
         AS severity,
       max(a.last_seen) AS last_seen
FROM {ALERTS} LEFT JOIN alert.incident_articles ia ON ia.alert_id = a.id
WHERE {WHERE} AND a.lat IS NOT NULL AND a.lon IS NOT NULL
GROUP BY a.facility_id, a.facility_name, a.kind, a.country, a.lat, a.lon
ORDER BY articles DESC"""

# enriched events: every place the engine located in an article of the range (facilities have their own layer)
EVENT_MARKERS = f"""
SELECT p->>'canonical' AS place, p->>'country' AS country,
       (p->>'lat')::float8 AS lat, (p->>'lon')::float8 AS lon, count(DISTINCT n.article_id) AS articles
FROM enrich.annotations n CROSS JOIN LATERAL jsonb_array_elements(n.annotation->'places') AS p
WHERE $__timeFilter(n.enriched_at) AND p->>'lat' IS NOT NULL AND p->>'lon' IS NOT NULL
  AND {in_filter("p->>'country'", 'country')}
GROUP BY 1, 2, 3, 4
ORDER BY articles DESC
LIMIT 500"""

PER_FACILITY = f"""
SELECT $__timeGroupAlias(a.first_seen, $__interval), a.facility_name AS metric, count(*) AS value
FROM {ALERTS}
WHERE {WHERE}
GROUP BY 1, 2
ORDER BY 1"""

# each incident with its latest article: the sentence that names the facility, and the link to the article
LATEST = f"""
SELECT a.first_seen AS time, a.facility_name AS facility, a.kind, a.country, a.severity, a.status AS state,
       a.article_count AS articles, f.evidence, coalesce(f.title, f.url, f.article_id) AS article, f.source,
       f.url
FROM {ALERTS}
LEFT JOIN LATERAL (SELECT ia.evidence, ia.title, ia.url, ia.article_id, ia.source
                   FROM alert.incident_articles ia WHERE ia.alert_id = a.id
                   ORDER BY ia.joined_at DESC, ia.id DESC LIMIT 1) AS f ON true
WHERE {WHERE}
ORDER BY a.first_seen DESC
LIMIT 100"""

# actors named in the articles of the selected incidents
ACTORS = f"""
SELECT x AS actor, count(DISTINCT ia.article_id) AS articles
FROM {ALERTS} JOIN alert.incident_articles ia ON ia.alert_id = a.id
CROSS JOIN LATERAL jsonb_array_elements_text(ia.actors) AS x
WHERE {WHERE}
GROUP BY 1
ORDER BY articles DESC, actor
LIMIT 15"""

COUNTRIES = "SELECT DISTINCT country FROM alert.alerts WHERE country IS NOT NULL ORDER BY 1"
KINDS = ["prison", "camp"]
SEVERITIES = ["critical", "warning", "info"]


def dashboard_json() -> dict[str, Any]:
    g = Grid()
    counts = [stat("Incidents", g, [sql(INCIDENTS_COUNT)], w=8, h=4, description="Incidents opened in the range"),
              stat("Facilities named", g, [sql(FACILITIES_COUNT)], w=8, h=4),
              stat("Articles enriched", g, [sql(ARTICLES_COUNT)], w=8, h=4)]
    geomap = panel("geomap", "Where facilities are named", g, 24, 14,
                   [sql(FACILITY_MARKERS, "A"), sql(EVENT_MARKERS, "B")],
                   description="Facilities named in the range (sized by articles) and the places of enriched "
                               "articles (sized by articles)",
                   options={"view": {"id": "coords", "lat": 34.5, "lon": 40.5, "zoom": 5, "allLayers": True},
                            "controls": {"showZoom": True, "mouseWheelZoom": True, "showAttribution": True},
                            "basemap": {"type": "default", "name": "Basemap", "config": {}},
                            "tooltip": {"mode": "details"},
                            "layers": [markers("Places in enriched articles", "B", size_field="articles",
                                               color="blue"),
                                       markers("Facilities named", "A", size_field="articles", color="red")]})
    panels = [
        *counts,
        geomap,
        timeseries("Incidents per facility", g, [sql(PER_FACILITY, fmt="time_series")], w=24, h=8, stack=True),
        table("Latest incidents", g, [sql(LATEST)], w=16, h=12,
              description="Newest first; the article opens in a new tab",
              overrides=[link("article", "url", "Open the article"), hidden("url")]),
        panel("barchart", "Most-mentioned actors", g, 8, 12, [sql(ACTORS)],
              description="Actors named in the articles of the selected incidents",
              options={"orientation": "horizontal", "xField": "actor", "showValue": "auto",
                       "legend": {"showLegend": False}}),
    ]
    variables = [query_variable("country", "Country", COUNTRIES), custom_variable("kind", "Facility kind", KINDS),
                 custom_variable("severity", "Severity", SEVERITIES)]
    return dashboard("raqib-facilities", "Raqib — Facilities", "Prisons and camps named in the news: where, how "
                     "often, with the evidence and the actors around them.", panels, variables=variables,
                     time_from="now-7d", refresh="1m", tags=["facilities"])
