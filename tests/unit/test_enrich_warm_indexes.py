"""load_gazetteer builds every index the engine derives from a gazetteer, so a fresh service's first articles do not
pay for them (they took ~250 ms each while they did; ~3 ms after)."""

from __future__ import annotations

import pytest

from services.enrich import bare, enrichment, entries, facilities, quoted_actors, slipped_actors, variants
from services.enrich.enrichment import enrich, load_gazetteer

# (module, the cache of one of its per-gazetteer indexes: {id(gaz): (gaz, index)})
CACHES = [
    (variants, "_INDEX"), (variants, "_TOWNS"), (variants, "_TYPO_INDEX"),
    (facilities, "_ANNEXES"), (facilities, "_TOWN_NAMED"), (facilities, "_PLACE_NAMED"),
    (bare, "_SETS"), (bare, "_CORE_KEYS"), (entries, "_ADMIN"), (quoted_actors, "_FIRSTS"),
    (slipped_actors, "_INDEX"), (enrichment, "_LISTED_STOPS"), (enrichment, "_COUNTRY_NAMES"),
]


@pytest.fixture(scope="module")
def fresh():
    # a gazetteer of its own: the session's shared one has long had its indexes built by other tests' articles
    return load_gazetteer()


@pytest.mark.parametrize(("module", "name"), CACHES, ids=[f"{m.__name__.rsplit('.', 1)[1]}.{n}" for m, n in CACHES])
def test_load_builds_the_index(fresh, module, name):
    got = getattr(module, name).get(id(fresh))
    assert got is not None and got[0] is fresh, f"{module.__name__}.{name} is built only when an article needs it"


def test_first_article_builds_nothing_more(fresh, monkeypatch):
    """The first articles of a fresh gazetteer find every index built: a builder asked to build again fails here."""
    def walked(*_a, **_k):
        raise AssertionError("a trie walk inside an article")

    monkeypatch.setattr(variants, "_keys", walked)  # the trie walk the variant, annex and core indexes are built by
    texts = [("ar", "نقلت قوى الأمن الداخلي عشرات المعتقلين من سجن غويران إلى سجن الشدادي، "
                    "ومن مخيم الهول إلى مخيم روج."),
             ("ar", "قال مصدر في مخيم «الهول» إن عائلات عراقية غادرت نحو مخيم الجدعة جنوبي الموصل."),
             ("en", "Families left al-Hol for Jeddah-1 camp near Mosul; others were moved to Roj camp and the Panorama "
                    "prison in Hasakah, the SDF said.")]
    for lang, text in texts:
        assert enrich(text, fresh, lang=lang).facilities
