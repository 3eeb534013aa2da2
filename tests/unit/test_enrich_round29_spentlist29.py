"""Rule 29w (helper spentlist29, round 29, read from the errors of the spent r29b/r29e blind splits; not blind): lists
of camps or prisons under one plural head whose items are unknown or of several words. Own wording; near-misses."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def test_english_list_with_a_place_after_a_names_first_word() -> None:
    got = _facs("Displaced people in the Tempasi, Al-Janoubia and Ibn Sina camps told a radio station their food "
                "was gone.")
    assert [s for s, _ in got] == ["Tempasi", "Al-Janoubia", "Ibn Sina"]
    got = _facs("Aid trucks reached the Zamzam-side Tempasi and Ibn Sina camps on Friday.")
    assert "Ibn Sina" in [s for s, _ in got]


def test_people_in_a_camp_speak_from_it() -> None:
    assert [s for s, _ in _facs("People in the Tempasi and Ibn Sina camps said the food was gone.")] == [
        "Tempasi", "Ibn Sina"]
    assert _facs("People in the Tempasi camp said the food was gone.") == [("Tempasi camp", "open:camp:tempasi")]


def test_candidates_camps_stay_political() -> None:
    assert _facs("Many in the Trump and Biden camps said the debate was a draw.") == []
    assert _facs("Many in the Trump camp said the debate was a draw.") == []
    assert _facs("The Trump and Biden camps traded blows. President Donald Trump and Joe Biden met twice.") == []


def test_camps_of_a_list() -> None:
    got = _facs("Arms were collected in the camps of Tempasi, Janoubia and Ibn Sina in the south.")
    assert [s for s, _ in got] == ["Tempasi", "Janoubia", "Ibn Sina"]
    got = _facs("Weapons were handed over in the camps of Rashidieh, El Buss and Burj al-Shamali near Tyre.")
    assert ("Burj al-Shamali", "fac:lb-burj-shemali-camp") in got
    # the camps of towns are the camps around them, no names
    assert _facs("The camps in Idlib, Afrin and Azaz are full.") == []
    assert _facs("The camps of Idlib, Afrin and Azaz are full.") == []


def test_arabic_count_then_headed_items() -> None:
    got = _facs("وتضم البلدة أربعة سجون: سجن سياسي، وسجن القلعة، وسجن ليه، وسجن أبو الجد، وكانت السلطات تودع فيها "
                "معارضيها.")
    assert [s for s, _ in got] == ["سجن القلعة", "سجن ليه", "سجن أبو الجد"]
    got = _facs("يضم القضاء ثلاثة مخيمات: مخيم ليه ومخيم الأمل ومخيم ابن سينا.")
    assert [s for s, _ in got] == ["مخيم ليه", "مخيم الأمل", "مخيم ابن سينا"]
    # adjectives of relation are the prisons' kinds, no names
    assert _facs("وتدير الجماعة ثلاثة سجون: سجن عسكري، وسجن مدني، وسجن سري.") == []


def test_arabic_plural_head_list_with_ibn() -> None:
    got = _facs("قال نازحون في مخيمات تمباسي والجنوبية وابن سينا إن الطعام نفد.")
    assert [s for s, _ in got] == ["تمباسي", "الجنوبية", "ابن سينا"]
