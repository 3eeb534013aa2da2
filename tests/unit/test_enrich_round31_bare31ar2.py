"""Rule 31g (helper bare31ar2, round 31): an Arabic camp's bare name that a town or a city shares, whose own sentence
goes on to say "the camp" (`المخيم`, `بالمخيم`, `للمخيم`) after it, in a text that names no other camp, is the camp:
`أهالي صبرا وشاتيلا ... مدخل المخيم`, `هدم بيوت في جنين ... ثلث المخيم`, `عائدات من الهول المخيم`. The town stays the
town where the sentence sets it beside the camp ("and the camp", "its camp", the city's or a town's word, a movement
or nearness to the camp), where a municipality, a club, a fighters' group or a front bears the name, and for the river.
Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


def _no_facility(text: str) -> None:
    ann = real_ann(text)
    assert ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


def test_the_camp_after_a_towns_name_for_its_people() -> None:
    assert _facs("أحيا أهالي شاتيلا ذكرى المجزرة بوقفة صامتة عند مدخل المخيم الشمالي.") \
        == [("شاتيلا", "fac:lb-shatila-camp")]
    assert _facs("نزح أهالي صبرا وشاتيلا مجدداً بعد القصف، وخلت أزقة المخيم من المارة.") \
        == [("صبرا وشاتيلا", "fac:lb-shatila-camp")]


def test_the_camp_after_a_citys_name() -> None:
    got = _facs("أعلن الجيش نيته هدم أربعين منزلاً في جنين، ما يعني محو حارة كاملة من المخيم بحسب اللجنة الشعبية.")
    assert got == [("جنين", "fac:ps-jenin-camp")]
    got = _facs("قال مدير مدرسة في جباليا إن نصف طلاب المخيم فقدوا أحد والديهم خلال الحرب.")
    assert got == [("جباليا", "fac:ps-jabalia-camp")]


def test_the_camp_right_after_a_name_people_return_from() -> None:
    assert _facs("وصفت عائدات من الهول المخيم بأنه سجن مفتوح لا يغادره أحد.") == [("الهول", "fac:sy-al-hol-camp")]
    assert _facs("قال نازحون عائدون من الهول إن المخيم بات أخطر مما كان عليه قبل عام.") \
        == [("الهول", "fac:sy-al-hol-camp")]


def test_a_camps_market() -> None:
    assert _facs("يزدحم سوق الوحدات قبل العيد بالمتسوقين الذين يقصدون المخيم من أنحاء العاصمة.") \
        == [("الوحدات", "fac:jo-wehdat-camp")]


def test_the_city_beside_its_camp_stays_the_city() -> None:
    _no_facility("أعلنت بلدية جنين أن الاحتلال دمر شبكة المياه في المخيم وفي أحياء المدينة الغربية.")
    _no_facility("تعيش عائلته في مدينة جنين منذ أن غادرت المخيم قبل عشرين عاماً.")
    _no_facility("يعمل في محافظة طولكرم أكثر من ثلاثين مصنعاً، أكبرها قرب المخيم.")
    _no_facility("قصفت الطائرات أطراف جنين، ثم توغلت الدبابات نحو المخيم.")
    _no_facility("التقى المحافظ وجهاء البلدة في الهول قبل أن يتوجه إلى المخيم.")
    _no_facility("نقلت الحافلات العائلات من الحسكة إلى المخيم تحت حراسة مشددة.")


def test_a_group_a_club_a_municipality_or_the_river_of_the_name() -> None:
    _no_facility("قال قائد كتيبة جنين إن مقاتليه انسحبوا من المخيم بعد يومين من الاشتباكات.")
    _no_facility("فاز نادي الوحدات على الفيصلي في الدوري وخرج جمهوره إلى شوارع المخيم للاحتفال.")
    _no_facility("نظمت بلدية اليرموك حملة نظافة في الشوارع المحيطة بالمخيم.")
    _no_facility("ارتفع منسوب مياه نهر البارد بعد العاصفة، فغمرت المياه أطراف المخيم القريبة من المصب.")
    _no_facility("تقع الوحدات السكنية الجديدة قرب المخيم على الطريق الشرقي.")


def test_another_camp_named_in_the_text_leaves_the_town() -> None:
    # "the camp" may be the named one: the bare city's name is not read from it
    got = _facs("التقى الوفد وجهاء في طولكرم، وقال إن المخيم القريب من مخيم نور شمس بلا ماء.")
    assert got == [("مخيم نور شمس", "fac:ps-nur-shams-camp")]
