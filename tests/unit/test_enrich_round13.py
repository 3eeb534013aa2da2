"""Round 13, read from real reporting: foreign camps and prisons whose Arabic transliteration has the shape of a
participle (م + long vowel) or of a particle glued to a word (ك/س + long vowel), and the common words of those shapes
that are still no name."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich, load_gazetteer

GAZ = load_gazetteer()


def facilities(text: str) -> list[tuple[str, str]]:
    return [(f.surface, f.id) for f in enrich(text, GAZ).facilities]


@pytest.mark.parametrize(("text", "surface"), [
    ("التهمت النيران معظم خيام مخيم موريا في جزيرة ليسبوس.", "مخيم موريا"),
    ("يقيم عشرات الآلاف من اللاجئين في مخيم كاكوما شمالي كينيا.", "مخيم كاكوما"),
    ("قالت عائلته إنه نُقل إلى سجن كارون في مدينة الأهواز.", "سجن كارون"),
    ("وصل قارب يقل مهاجرين إلى مخيم ساموس قبل الفجر.", "مخيم ساموس"),
])
def test_a_foreign_name_of_a_participle_or_particle_shape_is_an_open_world_facility(text: str, surface: str) -> None:
    got = facilities(text)
    assert [s for s, _i in got] == [surface]
    assert got[0][1].startswith("open:")


@pytest.mark.parametrize("text", [
    "تحوّل المبنى إلى سجن سابق للمعارضين بعد الحرب.",
    "تم إخلاء مخيم كامل من سكانه خلال ساعات.",
    "أقيم مخيم سابقاً في هذه المنطقة ثم أزيل.",
    "أقيم مخيم مارس الماضي قرب الحدود ثم أزيل.",
    "افتتح مخيم ساحلي جديد للأطفال في الصيف.",
    "كل سجن كالآخر في هذه البلاد، قال الكاتب.",
    "أقامت البلدية مخيماً كاملاً للكشافة.",
])
def test_common_words_of_those_shapes_are_no_name(text: str) -> None:
    assert facilities(text) == []
