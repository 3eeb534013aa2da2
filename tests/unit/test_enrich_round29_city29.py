"""Rule 29r (helper city29, round 29): prisons named after their city, read from the bare name — a detainee's time
served there, a batch moved between two such names, the fall of the city, a comparison of jails (passages of our own
wording in tests/data/realworld-city29.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann

TADMUR = "fac:sy-tadmur-prison"
SEDNAYA = "fac:sy-sednaya-prison"
PALMYRA = "geonames:163808"


def _facs(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def _places(text: str) -> list[str]:
    return [p.id for p in real_ann(text).places]


def test_time_served_in_a_city_prison_with_an_arrest_or_a_detention_word() -> None:
    for text in ("قال الكاتب الفلسطيني سلامة كيلة الذي اعتُقل بتهمة معارضة أهداف حزب البعث إنه أمضى عامين في تدمر.",
                 "اعتُقل عام 1980 وقضى 15 عاماً في تدمر قبل أن يُفرج عنه.",
                 "He was arrested in 1980 and spent 15 years in Palmyra.",
                 "Salameh Kileh, a Palestinian writer jailed for opposing the Baath party, spent two years in Tadmur "
                 "and said the place did not deserve to be called a prison."):
        assert TADMUR in _facs(text), text
        assert PALMYRA not in _places(text), text


def test_a_citys_own_years_stay_the_city() -> None:
    for text in ("قضى عبد الحميد خمسة أشهر في تدمر قبل أن تتمكن عائلته من الفرار إلى حمص.",
                 "He spent five months in Palmyra under the Islamic State before his family smuggled itself out "
                 "to Homs.",
                 "He spent his childhood in Palmyra before the family moved to Homs.",
                 "He spent five years in Palmyra before his arrest."):
        assert _facs(text) == [], text
        assert PALMYRA in _places(text), text


def test_a_batch_leaving_one_prison_name_for_another_and_a_transfer_by_pronoun() -> None:
    for text in ("كانت آخر دفعة من المعتقلين تغادر تدمر نحو صيدنايا عام 2001.",
                 "قال الفلسطيني العائد إنه قضى 16 عاماً في تدمر ثم نقلوه إلى صيدنايا عام 2001."):
        assert _facs(text) == [TADMUR, SEDNAYA], text


def test_the_fall_of_the_city_is_the_city() -> None:
    text = "قبل سقوط تدمر في يد تنظيم داعش نقل النظام المعتقلين إلى سجون أخرى."
    assert _facs(text) == [] and PALMYRA in _places(text)
    text = "After the fall of Palmyra, the regime moved the prisoners held there to other jails."
    assert _facs(text) == [] and PALMYRA in _places(text)


def test_a_jail_compared_by_less_than_in() -> None:
    assert _facs("Saydnaya was no comfortable jail, he recalled, but its guards were less cruel than in Tadmur.") \
        == [SEDNAYA, TADMUR]


def test_territory_held_by_a_side_is_no_detention() -> None:
    text = "Talib Moussa came back to Palmyra last month after 12 years of internal exile in the rebel-held north."
    assert _facs(text) == [] and PALMYRA in _places(text)
