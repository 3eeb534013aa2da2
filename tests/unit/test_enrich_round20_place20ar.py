"""Round 20, place20ar survey (data/README.md rule 26a): Arabic place precision and recall in reports on camps,
prisons and displacement."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def places(gaz, text: str) -> set[str]:
    return {p.id for p in enrich(text, gaz, lang="ar").places}


def surfaces(gaz, text: str) -> set[str]:
    return {p.surface for p in enrich(text, gaz, lang="ar").places}


MUSCAT = "geonames:287286"
HADITHA = "geonames:96309"


def test_birthplace_is_no_muscat(gaz) -> None:
    assert MUSCAT not in places(gaz, "عاد النازح إلى مسقط رأسه بعد عشرين عاماً.")
    assert MUSCAT not in places(gaz, "لم تزر الطفلة مسقط رأس والديها في ريف حماة.")
    assert MUSCAT not in places(gaz, "نزحت الأسرة من مسقط رأسها في محافظة إب.")
    # the capital stays: a dateline, after a preposition, talks held there
    assert MUSCAT in places(gaz, "مسقط – اتفق الطرفان على صفقة تبادل للمحتجزين.")
    assert MUSCAT in places(gaz, "عقدت جولة المفاوضات في مسقط برعاية عمانية.")


def test_recent_of_is_no_haditha(gaz) -> None:
    assert HADITHA not in places(gaz, "أقيمت قرية حديثة العهد على أطراف المخيم.")
    assert HADITHA not in places(gaz, "افتتحت المنظمة مدرسة حديثة البناء داخل المخيم.")
    assert not places(gaz, "وزعت الجمعية خياماً حديثة الصنع على العائلات.")
    # the town stays: after a unit's word, in a list of towns
    assert HADITHA in places(gaz, "نزحت العائلات من قضاء حديثة غربي الأنبار.")
    assert HADITHA in places(gaz, "شهدت مدن الرمادي والفلوجة وهيت وحديثة عودة الأسر.")


def test_feminine_adjective_after_a_cue_is_no_village(gaz) -> None:
    assert not any(i.startswith("open:") for i in places(gaz, "تضم المنطقة مخيمات إلى جانب قرى قديمة شمال إدلب."))
    assert not any(i.startswith("open:") for i in places(gaz, "دمرت الغارات بلدات متضررة أصلاً."))
    assert "open:place:الكسار" in places(gaz, "داهمت الدورية قرية الكسار فجراً.")  # a name still is


def test_plural_rural_list_names_every_governorate(gaz) -> None:
    got = places(gaz, "أغلقت الطرق في أرياف حلب وإدلب والحسكة بسبب الثلوج.")
    assert got == {"adm1:SY-aleppo", "adm1:SY-idlib", "adm1:SY-hasakah"}
    got = places(gaz, "انتقلت عائلات من أرياف الرقة ودير الزور والحسكة إلى المخيمات.")
    assert got == {"adm1:SY-raqqa", "adm1:SY-deir-ez-zor", "adm1:SY-hasakah"}
    # a plain list of cities stays the cities
    assert places(gaz, "زار الوفد حلب وإدلب والحسكة.") == {"geonames:170063", "geonames:169389", "geonames:173811"}


def test_joined_spelling_after_a_governorate_word(gaz) -> None:
    assert "adm1:SY-deir-ez-zor" in places(gaz, "داهمت قسد قرية بريف ديرالزور الشرقي.")
    assert "adm1:SY-deir-ez-zor" in places(gaz, "اعتقل شبان في محافظة ديرالزور.")
    assert "geonames:170794" in places(gaz, "اعتقل شبان في مدينة ديرالزور.")  # the city stays


def test_two_names_in_one_pair_of_quotes_after_a_dual_cue(gaz) -> None:
    got = places(gaz, 'شنت قسد حملة في قريتي "السفافنة والعرقوب" شرقي دير الزور.')
    assert {"open:place:السفافنه", "open:place:العرقوب"} <= got
    assert not any(i.startswith("open:") for i in places(gaz, 'قال سكان قريتي "إنهم لم يعودوا" بعد.'))


def test_name_prefixes_of_villages(gaz) -> None:
    assert "خان الشيح" in surfaces(gaz, "وصلت عائلات مهجرة من بلدة خان الشيح في ريف دمشق.")
    assert "جديد عكيدات" in surfaces(gaz, "اعتقلت دورية شابين في بلدة جديد عكيدات شرق دير الزور.")
    # a stop word after the prefix is not the name's second word
    assert "جديد بعد" not in surfaces(gaz, "عاد إلى قرية جديد بعد الظهر.")


def test_mountains_named_in_quotes(gaz) -> None:
    assert "geonames:99611" not in places(gaz, 'مع تساقط الثلج على جبال "آميدي" يشتد البرد في الخيام.')
    assert "geonames:99611" in places(gaz, 'وصلت العائلات إلى "آميدي" قبل أيام.')


def test_country_votes_only_among_the_shared_names_countries(gaz) -> None:
    text = "فر مهاجرون من مركز إيواء غربي طرابلس، ما يثير الشك في قدرة ليبيا على تنفيذ التفاهم مع إيطاليا."
    assert "geonames:2210247" in places(gaz, text)  # Libya's Tripoli: Italy is no vote against Libya
    assert "geonames:2210247" in places(gaz, "نقلت المفوضية لاجئين من مركز الاحتجاز في غريان جنوب طرابلس.")
    assert "geonames:266826" in places(gaz, "نزحت عائلات من مخيم البداوي شمال طرابلس.")  # Lebanon's stays
    assert "geonames:266826" in places(gaz, "زار الوزير طرابلس وبيروت.")


def test_occupied_bank_is_the_west_bank(gaz) -> None:
    assert "place:ps-west-bank" in places(gaz, "يطالب المهجرون بالعودة إلى مخيماتهم في الضفة المحتلة.")
    assert "place:ps-west-bank" not in places(gaz, "اقتحمت القوات مدن الضفة وقراها.")  # bare `الضفة`: left unread


def test_list_item_ends_before_where_it_is(gaz) -> None:
    ann = enrich("انهارت الخيام في مخيمات خربة الجوز والزوف بريف إدلب الغربي.", gaz, lang="ar")
    assert {f.surface for f in ann.facilities} == {"خربة الجوز", "الزوف"}
    assert "adm1:SY-idlib" in {p.id for p in ann.places}
    ann = enrich("تضم مخيمات الكرامة والأمل الجديد آلاف العائلات.", gaz, lang="ar")
    assert "الأمل الجديد" in {f.surface for f in ann.facilities}  # a name of two words still is
