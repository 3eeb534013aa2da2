import io
import json

from services.enrich.cli import annotate
from tests.unit.enrich_support import fixture_gazetteer


def test_annotate_ndjson_with_bad_lines() -> None:
    lines = [
        {"id": "a1", "text": "هاجم داعش سجن غويران في 26 يناير", "published_at": "2025-01-28T10:00:00Z"},
        {"id": "e1", "text": "Women left the Roj camp.", "lang": "en"},
        "not json",
        {"id": "x", "lang": "en"},
        {"id": "y", "text": "ok", "lang": "fr"},
    ]
    stdin = io.StringIO("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n")
    stdout = io.StringIO()
    rc = annotate(stdin, stdout, fixture_gazetteer())
    out = [json.loads(x) for x in stdout.getvalue().splitlines()]
    assert rc == 1 and len(out) == 5
    a1 = out[0]
    assert set(a1) == {"id", "lang", "places", "facilities", "actors", "event_types", "event_date", "alert"}
    assert a1["id"] == "a1" and a1["lang"] == "ar" and a1["alert"] is True and a1["event_date"] == "2025-01-26"
    fac = a1["facilities"][0]
    assert fac["id"] == "fac:sy-ghwayran-prison" and fac["kind"] == "prison"
    assert {"surface", "start", "end", "id", "canonical", "confidence", "country", "lat", "lon"} <= set(fac)
    assert out[1]["id"] == "e1" and out[1]["facilities"][0]["id"] == "fac:sy-roj-camp"
    assert "error" in out[2] and out[2]["id"] is None
    assert out[3] == {"id": "x", "error": out[3]["error"]} and "text" in out[3]["error"]
    assert out[4]["id"] == "y" and "lang" in out[4]["error"]


def test_annotate_all_good_returns_zero() -> None:
    stdout = io.StringIO()
    assert annotate(io.StringIO('{"id": 1, "text": "nothing"}\n'), stdout, fixture_gazetteer()) == 0
    assert json.loads(stdout.getvalue())["alert"] is False
