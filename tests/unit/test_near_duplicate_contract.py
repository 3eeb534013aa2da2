"""The near-duplicate link across the services: optional in both events (older messages still decode), carried
by enrich, and an article that has it raises no alert."""

from __future__ import annotations

from datetime import UTC, datetime

from services.alert.incidents import evaluate
from services.alert.rules import load_rules
from shared.annotation import Annotation, FacilityMention
from shared.events import ArticleEnriched, ArticleReceived, ArticleRef, decode, encode

TEXT = "Guards at al-Hol camp counted the tents again."
HOL = FacilityMention(surface="al-Hol camp", start=10, end=21, id="hol", canonical="al-Hol camp", confidence=0.9,
                      country="SY", lat=36.0, lon=41.0, kind="camp")


def enriched(near: str | None) -> ArticleEnriched:
    return ArticleEnriched(article=ArticleRef(id="art_2", near_duplicate_of=near), text=TEXT, engine_version="t",
                           enriched_at=datetime.now(UTC),
                           annotation=Annotation(lang="en", facilities=[HOL], alert=True))


def test_a_near_duplicate_raises_no_alert_and_its_first_article_does() -> None:
    rules = load_rules()  # the shipped rules (incidents, issue 9)
    assert [d.facility.id for d in evaluate(enriched(None), rules)] == ["hol"]
    assert evaluate(enriched("art_1"), rules) == []


def test_the_link_is_optional_and_round_trips() -> None:
    received = ArticleReceived(article_id="art_2", text=TEXT, received_at=datetime.now(UTC), near_duplicate_of="art_1")
    _, value, headers = encode(received, "/test")
    assert decode(value, headers, ArticleReceived).near_duplicate_of == "art_1"
    older = value.replace(b',"near_duplicate_of":"art_1"', b"")
    assert b"near_duplicate_of" not in older
    assert decode(older, headers, ArticleReceived).near_duplicate_of is None
