from __future__ import annotations

from datetime import UTC, datetime

from services.alert.rules import Filters, evaluate, excerpt, fingerprint, matches
from shared.annotation import Annotation, FacilityMention
from shared.events import ArticleEnriched, ArticleRef

TEXT = "Guards at al-Hol camp and at Ghwayran prison; al-Hol camp again."


def fac(fid: str, start: int, end: int, kind: str = "camp", conf: float = 0.9, country: str = "SY") -> FacilityMention:
    return FacilityMention(surface=TEXT[start:end], start=start, end=end, id=fid, canonical=fid, confidence=conf,
                           country=country, lat=36.0, lon=41.0, kind=kind)


def event(facilities: list[FacilityMention], alert: bool = True) -> ArticleEnriched:
    return ArticleEnriched(article=ArticleRef(id="art_1"), text=TEXT, engine_version="t",
                           enriched_at=datetime.now(UTC),
                           annotation=Annotation(lang="en", facilities=facilities, alert=alert))


def test_one_alert_per_distinct_facility() -> None:
    decisions = evaluate(event([fac("hol", 10, 21), fac("ghw", 29, 45, "prison"), fac("hol", 47, 58)]))
    assert [d.facility.id for d in decisions] == ["hol", "ghw"]
    assert decisions[0].fingerprint == fingerprint("hol", "art_1") != fingerprint("hol", "art_2")
    assert "al-Hol camp" in decisions[0].excerpt


def test_no_alert_without_the_alert_flag_or_facilities() -> None:
    assert evaluate(event([], alert=False)) == []
    assert evaluate(event([fac("hol", 10, 21)], alert=False)) == []


def test_filters() -> None:
    camp, prison = fac("hol", 10, 21), fac("ghw", 29, 45, "prison", conf=0.4, country="IQ")
    assert matches(Filters(), camp) and matches(Filters(), prison)
    assert matches(Filters(kinds=["camp"]), camp) and not matches(Filters(kinds=["camp"]), prison)
    assert matches(Filters(countries=["sy"]), camp) and not matches(Filters(countries=["SY"]), prison)
    assert not matches(Filters(facility_ids=["ghw"]), camp)
    assert not matches(Filters(min_confidence=0.5), prison)


def test_excerpt_marks_cuts() -> None:
    text = "a" * 300 + "X" + "b" * 300
    e = excerpt(text, 300, 301, radius=10)
    assert e == "…" + "a" * 10 + "X" + "b" * 10 + "…"
    assert excerpt("short X", 6, 7) == "short X"
