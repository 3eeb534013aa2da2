"""Property tests of the annotator on the real gazetteer (hypothesis): arbitrary Unicode never crashes it, and
every mention's offsets slice back to its surface (`text[start:end] == surface`, 0 <= start < end <= len).

Texts: any code point (lone surrogates, which JSON's escapes let through, in a test of their own, raw and as
ingest stores them), and texts built from what the engine reacts to — gazetteer
names, head words, event triggers — mixed with NUL, combining marks, bidi/zero-width marks, tatweel, quotes,
hyphens, underscores (hashtags) and long repetitions. `make test` runs a modest number of examples, on both
engine paths; `make fuzz` runs many more (RAQIB_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from services.enrich.enrichment import enrich
from services.enrich.gazetteer import DATA_DIR
from shared.annotation import Annotation
from shared.text import pg_clean
from tests.unit.enrich_support import real_gazetteer

EXAMPLES = int(os.environ.get("RAQIB_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADS = ["مخيم ", "سجن ", "معتقل ", "مخيمي ", "سجون ", "مركز احتجاز ", " camp", " prison", " camps", "Camp ",
         "detention centre", "in ", "near ", "في ", "قرب ", "و", "بال", "لل", "al-", "el ", "the ", "#", "_"]
MARKS = ["\u064e", "\u064b", "\u0651", "\u0652", "\u0670", "\u0640", "\u0301", "\u0308", "\u0327", "\u20dd",
         "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202e", "\u2066",
         "\u2067", "\u2069", "\u061c", "\ufeff", "\u00ad", "\x00", "\ufffd"]
PUNCT = [" ", "  ", "\n", "\t", "\u00a0", ".", "،", ",", ":", "-", "\u2011", "\u2013", "'", "\u2019", "ʿ", '"',
         "«", "»", "“", "”", "(", ")", "/", "١٢", "2024", " ٣ آذار ", " March 3 "]


def _names(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("core", "aliases", "context_refs", "triggers", "en", "ar"):
                _names(value, out)
            elif isinstance(value, list | dict):
                _names(value, out)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str) and 1 < len(item) < 60:
                out.add(item.rstrip("*"))
            else:
                _names(item, out)


@lru_cache(maxsize=1)
def vocabulary() -> list[str]:
    """Names, aliases and triggers from the data files the real gazetteer is built from."""
    out: set[str] = set()
    for name in ("facilities", "actors", "places", "event_types"):
        _names(yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8")), out)
    return sorted(out)


ANY_CHAR = st.characters(exclude_categories=["Cs"])  # every code point, NUL included, but lone surrogates
ANY_TEXT = st.text(ANY_CHAR, max_size=300)
PIECE = st.one_of(st.sampled_from(HEADS), st.sampled_from(MARKS), st.sampled_from(PUNCT), st.text(ANY_CHAR, max_size=4),
                  st.deferred(lambda: st.sampled_from(vocabulary())))
BUILT = st.lists(PIECE, max_size=40).map("".join)
REPEATED = st.tuples(st.one_of(BUILT, st.sampled_from(HEADS + MARKS + PUNCT)),
                     st.integers(min_value=50, max_value=4000)).map(lambda t: (t[0] * t[1])[:40_000])
TEXTS = st.one_of(ANY_TEXT, BUILT, BUILT, REPEATED)
LANGS = st.sampled_from([None, "ar", "en"])
DATES = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


def check(text: str, ann: Annotation, *, tally: bool = True) -> None:
    assert isinstance(ann, Annotation)
    if tally:  # `--hypothesis-show-statistics` shows how many texts carried mentions
        event("with mentions" if ann.places or ann.facilities or ann.actors or ann.event_types else "no mention")
    for kind in ("places", "facilities", "actors", "event_types"):
        for m in getattr(ann, kind):
            assert 0 <= m.start < m.end <= len(text), (kind, m)
            assert text[m.start : m.end] == m.surface, (kind, m, text[m.start : m.end])
    assert not ann.alert or ann.facilities  # an alert always names its facility


@FUZZ
@given(text=TEXTS, lang=LANGS, published=DATES)
def test_any_text_annotates_and_offsets_slice_back(text: str, lang: str | None, published: date | None) -> None:
    check(text, enrich(text, real_gazetteer(), lang=lang, published_at=published))


@FUZZ
@given(prefix=st.text(ANY_CHAR, max_size=20), name=st.sampled_from(vocabulary()), head=st.sampled_from(HEADS),
       marks=st.lists(st.sampled_from(MARKS), max_size=3))
def test_names_between_heads_and_marks(prefix: str, name: str, head: str, marks: list[str]) -> None:
    # the forms most likely to produce a mention, each with marks inside and around it
    text = prefix + head + "".join(marks) + name + "".join(marks) + " " + head + name
    check(text, enrich(text, real_gazetteer()))


SURROGATE_TEXT = st.lists(st.one_of(st.characters(categories=["Cs"]), PIECE), max_size=30).map("".join)


@FUZZ
@given(text=SURROGATE_TEXT)
def test_lone_surrogates_raw_and_as_the_services_clean_them(text: str) -> None:
    # JSON's \ud800 escapes let lone surrogates through; the engine takes them as they are, and ingest stores
    # them as U+FFFD (shared.text.pg_clean): both forms annotate, with offsets into the text as given
    for form in (text, pg_clean(text)):
        check(form, enrich(form, real_gazetteer()))


def test_known_mentions_are_found_by_the_property_texts() -> None:
    # the properties above are only worth something if the built texts carry mentions
    ann = enrich("مخيم\u200f الهول\u0640 و Roj\u00ad camp، ISIS " * 200, real_gazetteer())
    check("مخيم\u200f الهول\u0640 و Roj\u00ad camp، ISIS " * 200, ann, tally=False)
    assert ann.facilities and ann.actors
