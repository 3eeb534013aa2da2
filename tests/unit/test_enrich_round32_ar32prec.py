"""Rules 32j and 32k (helper ar32prec, round 32): Arabic facility-mention precision on real reporting.

32j: an Arabic bare name the text defines as a town (a copula or none, then a town's or a land's word: `الهول هي
بلدة`, `الشدادي أو الشدادة مدينة`, `الركبان هي أرض صحراوية`, `وبادوش بالاصل قرية`, `الأزرق، منطقة تقع`, "not only
a prison ... a town"), a town word behind ل/ب or with the article before the name (`لناحية الهول`, `الناحية بادوش`),
a dam, a factory or Our Lady named after the town, and the rest of a text that defines the name so (a sentence
with no word of a camp, a prison or their people). 32k: a bare core with no article followed by a family name the
text uses alone or repeats with it (`عوفر كسيف ... كسيف`). Own wording; the near-misses keep their facility."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_a_copula_definition_makes_the_bare_name_a_town() -> None:
    _none("الهول هي بلدة صغيرة في ريف الحسكة الشرقي، ويعمل أكثر سكانها في الزراعة.")
    _none("صيدنايا مدينة في ريف دمشق تشتهر بأديرتها القديمة.")
    _none("الشدادي أو الشدادة بلدة على ضفة الخابور جنوب الحسكة.")
    _none("يقول الجغرافيون إن الركبان هي أرض صحراوية قاحلة عند التقاء حدود ثلاث دول.")
    _none("وبادوش في الأصل قرية على دجلة غرب الموصل، ثم صارت ناحية.")
    _none("الأزرق، منطقة واحات في شرق الأردن، تشتهر بقلعتها البازلتية.")
    _none("صيدنايا ليست سجناً فقط.. مدينة الأديرة والكنائس")
    _none("الهول ليست مجرد بلدة صغيرة على أطراف البادية.")


def test_a_camp_likened_to_a_city_or_not_only_a_camp_stays_the_camp() -> None:
    assert ("الهول", "fac:sy-al-hol-camp") in _facs("«الهول» ليس مخيماً فحسب، بل قنبلة موقوتة يتركها العالم.")
    assert ("الزعتري", "fac:jo-zaatari-camp") in _facs(
        "الزعتري هو اليوم رابع أكبر تجمع سكاني في الأردن، ويقطنه نحو ثمانين ألف لاجئ سوري.")
    assert ("الزعتري", "fac:jo-zaatari-camp") in _facs("الزعتري مدينة من الخيام يسكنها ثمانون ألف لاجئ.")
    assert ("اليرموك", "fac:sy-yarmouk-camp") in _facs(
        'يقول أحد العائدين إلى مخيم اليرموك: "اليرموك كان مدينة كاملة، واليوم نعيد بناءه".')


def test_a_text_that_defines_the_town_reads_its_bare_name_as_the_town() -> None:
    assert _facs("الهول هي بلدة على طريق الحسكة القديم. جرى تحرير الهول من التنظيم أواخر عام 2015. وعلى أطراف "
                 "البلدة أقيم لاحقاً مخيم الهول.") == [("مخيم الهول", "fac:sy-al-hol-camp")]
    assert _facs("صيدنايا هي مدينة مسيحية قديمة في القلمون. وتتميز صيدنايا بمناخ معتدل في الصيف.") == []
    # a sentence with a camp's words keeps the camp
    assert ("الهول", "fac:sy-al-hol-camp") in _facs(
        "الهول بلدة صغيرة في ريف الحسكة. وفي الهول اليوم آلاف النساء والأطفال من عائلات مقاتلي التنظيم.")


def test_town_words_behind_a_preposition_or_with_the_article() -> None:
    assert _facs("تعد البلدة المركز الإداري لناحية الهول، وإلى الجنوب منها أُنشئ مخيم الهول.") == [
        ("مخيم الهول", "fac:sy-al-hol-camp")]
    _none("تضم الناحية بادوش معمل إسمنت قديماً وسداً لم يكتمل بناؤه.")


def test_a_dam_a_factory_or_our_lady_named_after_the_town() -> None:
    _none("صلّى الزوار في دير سيدة صيدنايا قبل أن يعودوا إلى دمشق مساءً.")
    _none("توقف العمل في معمل سمنت بادوش منذ سنوات، ويطالب العمال بتشغيله من جديد.")
    assert ("سجن بادوش", "fac:iq-badush-prison") in _facs(
        "حيث تضم الناحية بادوش معمل اسمنت بادوش، وسجن بادوش المركزي جنوبها.")


def test_a_given_name_and_a_family_name_are_a_person() -> None:
    _none("عوفر كسيف عضو في الكنيست. من هو عوفر كسيف؟ سُجن أربع مرات لرفضه الخدمة العسكرية.")
    _none("صوّت الكنيست على إبعاد النائب عوفر كسيف عن الجلسات، وقال كسيف إن القرار سياسي.")
    _none("قال عوفر شيلح، النائب السابق، إن الحكومة أخطأت، وأضاف شيلح أن الانتخابات قريبة.")


def test_the_prison_named_bare_twice_stays_the_prison() -> None:
    assert _facs("نُقل الأسرى إلى عوفر غرب رام الله. ويقع عوفر غرب المدينة قرب بيتونيا.") == [
        ("عوفر", "fac:il-ofer-prison"), ("عوفر", "fac:il-ofer-prison")]
    assert ("عوفر", "fac:il-ofer-prison") in _facs(
        "أفرج عن الأسير من عوفر بعد ثلاث سنوات، وقال الأسير المحرر إن عوفر يشهد اكتظاظاً.")
    # a list of camps is no family name (`جباليا والنصيرات` twice)
    assert ("جباليا", "fac:ps-jabalia-camp") in _facs(
        "غارات على جباليا والنصيرات. قُتل العشرات في مخيمات جباليا والنصيرات، ويعد جباليا أكبر مخيمات القطاع.")


def test_the_dual_of_a_town_word_before_two_names() -> None:
    _none("وصلت الأمطار الغزيرة إلى بلدتي الهول والشدادي في ريف الحسكة.")
    _none("في أطراف عامرية الفلوجة، في منطقتي الهريمات وبزيبز، ما زالت مئات العائلات تسكن خياماً مهترئة.")
    _none("يقع المخيم شمال شرق مدينة غزة، وتحدّه من الغرب قريتا جباليا والنزلة.")
    # the dual of a head word names two sites
    assert _facs("نزحت العائلات من مدينتي الرقة ودير الزور إلى مخيمي الهول وروج.") == [
        ("مخيمي الهول", "fac:sy-al-hol-camp"), ("روج", "fac:sy-roj-camp")]
