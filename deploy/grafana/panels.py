"""Building blocks of Raqib's Grafana dashboards (dashboards as code, no library: grafanalib has no Geomap
panel and lags Grafana's JSON model). `python -m deploy.grafana.dashboards` writes the JSON that Grafana
provisions; tests/unit/test_grafana_dashboards.py keeps the committed files and this code in step."""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 39  # Grafana 10.3 to 11.x read it as is; Grafana migrates it forward when newer
PROMETHEUS = {"type": "prometheus", "uid": "raqib-prometheus"}
POSTGRES = {"type": "grafana-postgresql-datasource", "uid": "raqib-postgres"}
ALL = "__all"  # the value of a variable's "All" option, as SQL filters test it

Panel = dict[str, Any]


def dashboard(uid: str, title: str, description: str, panels: list[Panel], *, variables: list[dict[str, Any]],
              time_from: str, refresh: str, tags: list[str]) -> dict[str, Any]:
    for i, p in enumerate(panels, start=1):
        p["id"] = i
    return {"uid": uid, "title": title, "description": description, "tags": ["raqib", *tags],
            "schemaVersion": SCHEMA_VERSION, "version": 1, "editable": False, "graphTooltip": 1,
            "timezone": "utc", "time": {"from": time_from, "to": "now"}, "refresh": refresh,
            "templating": {"list": variables}, "annotations": {"list": []}, "links": [], "panels": panels}


class Grid:
    """Lays panels out left to right on Grafana's 24-column grid, wrapping to a new row."""

    def __init__(self) -> None:
        self.x = self.y = self.row_h = 0

    def place(self, w: int, h: int) -> dict[str, int]:
        if self.x + w > 24:
            self.x, self.y, self.row_h = 0, self.y + self.row_h, 0
        pos = {"x": self.x, "y": self.y, "w": w, "h": h}
        self.x, self.row_h = self.x + w, max(self.row_h, h)
        return pos


def prom(expr: str, legend: str, ref: str = "A", *, instant: bool = False) -> dict[str, Any]:
    return {"datasource": PROMETHEUS, "refId": ref, "expr": expr, "legendFormat": legend,
            "range": not instant, "instant": instant, "editorMode": "code"}


def sql(raw: str, ref: str = "A", *, fmt: str = "table") -> dict[str, Any]:
    return {"datasource": POSTGRES, "refId": ref, "rawSql": " ".join(raw.split()), "format": fmt,
            "rawQuery": True, "editorMode": "code"}


def panel(kind: str, title: str, grid: Grid, w: int, h: int, targets: list[dict[str, Any]], *,
          description: str = "", unit: str | None = None, options: dict[str, Any] | None = None,
          overrides: list[dict[str, Any]] | None = None, custom: dict[str, Any] | None = None) -> Panel:
    defaults: dict[str, Any] = {"custom": custom or {}}
    if unit:
        defaults["unit"] = unit
    return {"type": kind, "title": title, "description": description, "gridPos": grid.place(w, h),
            "datasource": targets[0]["datasource"], "targets": targets,
            "fieldConfig": {"defaults": defaults, "overrides": overrides or []}, "options": options or {}}


def timeseries(title: str, grid: Grid, targets: list[dict[str, Any]], *, unit: str = "short", w: int = 12,
               h: int = 8, description: str = "", stack: bool = False) -> Panel:
    custom = {"drawStyle": "line", "fillOpacity": 15 if stack else 5, "lineWidth": 1, "showPoints": "never",
              "stacking": {"mode": "normal" if stack else "none", "group": "A"}}
    return panel("timeseries", title, grid, w, h, targets, unit=unit, description=description, custom=custom,
                 options={"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
                          "tooltip": {"mode": "multi", "sort": "desc"}})


def stat(title: str, grid: Grid, targets: list[dict[str, Any]], *, unit: str = "short", w: int = 4, h: int = 4,
         description: str = "") -> Panel:
    return panel("stat", title, grid, w, h, targets, unit=unit, description=description,
                 options={"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                          "colorMode": "value", "graphMode": "area", "textMode": "auto"})


def table(title: str, grid: Grid, targets: list[dict[str, Any]], *, w: int = 12, h: int = 8, description: str = "",
          overrides: list[dict[str, Any]] | None = None) -> Panel:
    return panel("table", title, grid, w, h, targets, description=description, overrides=overrides,
                 options={"showHeader": True, "cellHeight": "sm", "footer": {"show": False}},
                 custom={"align": "auto", "cellOptions": {"type": "auto"}, "inspect": True})


def link(field: str, url_field: str, title: str) -> dict[str, Any]:
    """An override: `field`'s cells link to the URL in `url_field` (same row); `url_field` is hidden."""
    return {"matcher": {"id": "byName", "options": field},
            "properties": [{"id": "links", "value": [{"title": title, "url": f"${{__data.fields.{url_field}}}",
                                                       "targetBlank": True}]}]}


def hidden(field: str) -> dict[str, Any]:
    return {"matcher": {"id": "byName", "options": field}, "properties": [{"id": "custom.hidden", "value": True}]}


def markers(name: str, ref: str, *, size_field: str, color: str, lat: str = "lat", lon: str = "lon") -> dict[str, Any]:
    """A Geomap markers layer: points at (lat, lon) columns of query `ref`, sized by `size_field`."""
    return {"type": "markers", "name": name, "tooltip": True, "filterData": {"id": "byRefId", "options": ref},
            "location": {"mode": "coords", "latitude": lat, "longitude": lon},
            "config": {"showLegend": True, "style": {
                "size": {"field": size_field, "fixed": 5, "min": 4, "max": 28},
                "color": {"fixed": color}, "opacity": 0.6,
                "symbol": {"mode": "fixed", "fixed": "img/icons/marker/circle.svg"},
                "text": {"mode": "field", "field": "", "fixed": ""}}}}


def query_variable(name: str, label: str, query: str) -> dict[str, Any]:
    """A multi-value PostgreSQL variable with an "All" option whose value is ALL (see `in_filter`)."""
    return {"type": "query", "name": name, "label": label, "datasource": POSTGRES, "query": query,
            "definition": query, "refresh": 2, "sort": 1, "multi": True, "includeAll": True, "allValue": ALL,
            "current": {"text": ["All"], "value": ["$__all"]}, "options": [], "hide": 0}


def custom_variable(name: str, label: str, values: list[str]) -> dict[str, Any]:
    return {"type": "custom", "name": name, "label": label, "query": ",".join(values), "multi": True,
            "includeAll": True, "allValue": ALL, "current": {"text": ["All"], "value": ["$__all"]},
            "options": [{"text": v, "value": v, "selected": False} for v in values], "hide": 0}


def in_filter(column: str, variable: str) -> str:
    """SQL true for every row when the variable is "All", else when the column is one of its values (Grafana
    quotes each value of a multi-value variable)."""
    return f"('{ALL}' IN (${variable}) OR {column} IN (${variable}))"
