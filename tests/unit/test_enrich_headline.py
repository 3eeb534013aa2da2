"""A headline given apart from the body (feeds, the ingest API's `title`): outlets often name the facility only
there and write "the camp" below. The engine reads both; body offsets index the body, the headline's the title."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from services.alert.incidents import evaluate
from services.alert.rules import load_rules
from services.enrich.cli import annotate
from services.enrich.headline import body_opens_with, enrich_article
from shared.annotation import Annotation
from shared.events import ArticleEnriched, ArticleRef
from tests.unit.enrich_support import fixture_gazetteer

GAZ = fixture_gazetteer()
AR_TITLE = "حريق يلتهم خياماً في مخيّم «الهول» شرقي الحسكة"
AR_BODY = "اندلع حريق صباح اليوم في المخيم، وقالت إدارته إن النيران أتت على عشرات الخيام دون إصابات."
EN_TITLE = "Fire tears through tents at al-Hol camp"
EN_BODY = "A fire destroyed dozens of tents in the camp on Tuesday. Women held in Hol said guards came late."


def test_a_facility_named_only_in_the_headline_alerts_with_offsets_into_the_title() -> None:
    a = enrich_article(AR_TITLE, AR_BODY, GAZ, lang="ar")
    assert a.alert is True and a.facilities == []
    assert a.title is not None
    (f,) = a.title.facilities
    assert f.id == "fac:sy-al-hol-camp" and AR_TITLE[f.start:f.end] == f.surface
    assert "fac:sy-al-hol-camp" not in {m.id for m in a.places}
    # without the headline the same body names no facility: the headline is what makes it a report
    assert enrich_article(None, AR_BODY, GAZ, lang="ar").alert is False


def test_body_mentions_index_the_body_and_a_bare_name_resolves_against_the_headline() -> None:
    a = enrich_article(EN_TITLE, EN_BODY, GAZ, lang="en")
    assert a.title is not None and [m.id for m in a.title.facilities] == ["fac:sy-al-hol-camp"]
    assert [(m.id, EN_BODY[m.start:m.end]) for m in a.facilities] == [("fac:sy-al-hol-camp", "Hol")]
    for part, text in ((a, EN_BODY), (a.title, EN_TITLE)):
        spans = [(m.start, m.end, m.surface) for m in [*part.places, *part.facilities, *part.actors]]
        spans += [(m.start, m.end, m.surface) for m in part.event_types]
        for start, end, surface in spans:
            assert text[start:end] == surface
    Annotation.model_validate(a.model_dump(mode="json"))  # the strict contract holds both ways


def test_a_body_that_opens_with_its_headline_is_read_alone() -> None:
    body = f"{EN_TITLE}\n\nA fire destroyed dozens of tents in the camp on Tuesday."
    assert body_opens_with(EN_TITLE, body) and body_opens_with(" fire TEARS  through tents at al-Hol camp ", body)
    a = enrich_article(EN_TITLE, body, GAZ, lang="en")
    assert a.title is None and [m.id for m in a.facilities] == ["fac:sy-al-hol-camp"]
    assert a == enrich_article(None, body, GAZ, lang="en")


def test_a_headline_that_names_nothing_leaves_the_body_annotation_as_it_was() -> None:
    body = "Detainees were moved from Ghwayran prison on Monday."
    a = enrich_article("Latest", body, GAZ, lang="en")
    assert a.title is None and a == enrich_article(None, body, GAZ, lang="en")
    assert enrich_article("   ", body, GAZ, lang="en") == a


def test_alert_takes_the_headline_as_evidence_when_only_it_names_the_facility() -> None:
    a = enrich_article(EN_TITLE, "A fire destroyed dozens of tents in the camp on Tuesday.", GAZ, lang="en")
    event = ArticleEnriched(article=ArticleRef(id="art_h", url="https://example.org/h", title=EN_TITLE),
                            text="A fire destroyed dozens of tents in the camp on Tuesday.", annotation=a,
                            engine_version="t", enriched_at=datetime.now(UTC))
    (d,) = evaluate(event, load_rules())
    assert d.facility.id == "fac:sy-al-hol-camp" and d.evidence == EN_TITLE


def test_offline_annotator_reads_a_title_and_keeps_the_line_shape_without_one() -> None:
    lines = [{"id": 1, "title": AR_TITLE, "text": AR_BODY}, {"id": 2, "text": AR_BODY},
             {"id": 3, "title": 7, "text": AR_BODY}]
    out = io.StringIO()
    assert annotate(io.StringIO("\n".join(json.dumps(x) for x in lines) + "\n"), out, GAZ) == 1
    first, second, third = (json.loads(x) for x in out.getvalue().splitlines())
    assert first["alert"] is True and first["title"]["facilities"][0]["id"] == "fac:sy-al-hol-camp"
    assert "title" not in second and second["alert"] is False
    assert "title" in third["error"]
