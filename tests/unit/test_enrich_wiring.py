from __future__ import annotations

import pytest

from services.enrich.consumer import engine_lang


@pytest.mark.parametrize(("given", "used"), [("ar", "ar"), ("ar-SY", "ar"), ("EN", "en"), ("en-GB", "en"),
                                             ("fr", None), ("", None), (None, None)])
def test_article_languages_map_to_what_the_engine_knows(given: str | None, used: str | None) -> None:
    assert engine_lang(given) == used
