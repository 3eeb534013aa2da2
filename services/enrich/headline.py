"""An article whose headline comes apart from its body (RSS/Atom items, the ingest API's `title`).

Outlets often name the facility only in the headline ("Fire in al-Hol camp") and then write "the camp" in the body;
reading the body alone would miss the report. The engine reads the headline and the body as one text, the headline
as its first paragraph (so a body's bare "Hol" resolves against the headline's "al-Hol camp" as it would a sentence
earlier), then gives each mention back to the part it stands in: body mentions index the body, as everywhere else,
and the headline's own mentions go to `Annotation.title`, indexing the title. A body that already opens with its
headline (extractors often keep it) is read alone: the headline is in it.
"""

from __future__ import annotations

from datetime import date, datetime

from services.enrich.enrichment import enrich
from services.enrich.gazetteer import Gazetteer
from shared.annotation import Annotation, TitleAnnotation

SEPARATOR = "\n\n"  # a paragraph break: no name, sentence or dateline runs across it
_PARTS = ("places", "facilities", "actors", "event_types")


def _words(s: str) -> str:
    return " ".join(s.split()).casefold()


def body_opens_with(title: str, text: str) -> bool:
    """The body already starts with the headline (whitespace and case aside)."""
    head = _words(title)
    return _words(text[: len(title) + 64 + len(title) // 2]).startswith(head)


def enrich_article(title: str | None, text: str, gazetteer: Gazetteer, *, lang: str | None = None,
                   published_at: datetime | date | None = None) -> Annotation:
    """`enrich(text)` with the headline read too: body offsets index `text`, the headline's index `title`."""
    if title is None or not title.strip() or body_opens_with(title, text):
        return enrich(text, gazetteer, lang=lang, published_at=published_at)
    cut = len(title) + len(SEPARATOR)
    whole = enrich(title + SEPARATOR + text, gazetteer, lang=lang, published_at=published_at)
    body: dict[str, list] = {}
    head: dict[str, list] = {}
    for part in _PARTS:
        mentions = getattr(whole, part)
        head[part] = [m for m in mentions if m.end <= len(title)]
        body[part] = [m.model_copy(update={"start": m.start - cut, "end": m.end - cut})
                      for m in mentions if m.start >= cut]
    named = TitleAnnotation.model_construct(places=head["places"], facilities=head["facilities"],
                                            actors=head["actors"], event_types=head["event_types"]) \
        if any(head.values()) else None
    return whole.model_copy(update={**body, "title": named})
