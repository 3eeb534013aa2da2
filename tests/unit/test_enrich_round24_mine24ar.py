"""Round 24, mine24ar: the classes a 303-excerpt mining survey of Arabic detention and camp news found (README
rule 27j). Our own sentences, in the forms the pages print."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_fac_ids, real_place_ids


def _open_names(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities if f.id.startswith("open:")}


# --- a count of people right before a country's name that is also its nisba's accusative ---

def test_count_of_syrians_is_no_country() -> None:
    assert "country:SY" not in real_place_ids("أوقف الأمن العام 49 سوريا وفلسطينيا في المطار قبل سفرهم.")
    assert "country:SY" not in real_place_ids("قال مسؤول إن نحو 50 سوريًّا رُحّلوا خلال أسبوعين.")
    assert "country:LY" not in real_place_ids("وضبطت الدورية 12 ليبيا و30 مصرياً قرب الحدود.")


def test_tanween_before_the_alef_is_the_adjective() -> None:
    assert "country:SY" not in real_place_ids("اعتقل الجيش 121 لاجئًا سوريًا في حملة على المخيمات.")


def test_country_after_no_count_stays() -> None:
    assert "country:SY" in real_place_ids("عاد 16 ألفاً من اللاجئين إلى سوريا منذ سقوط النظام.")
    assert "country:SY" in real_place_ids("تضم سوريا 50 مخيماً عشوائياً في الشمال.")


# --- `قضاء` as a masdar ("serving", "spending"), not a district ---

def test_serving_a_term_is_no_district() -> None:
    ids = real_place_ids("أفرجت مصلحة السجون عن 300 نزيل بعد قضاء نصف المدة وحسن السير والسلوك.")
    assert not ids
    assert not real_place_ids("كان السجين مودعاً بسجن برج العامري لقضاء عقابه قبل وفاته.")


def test_district_after_qadaa_stays() -> None:
    assert "geonames:448149" in real_place_ids("نزحت العائلات من قضاء سنجار إلى مخيمات دهوك.")


# --- Khiam: the town after a cue word, the tents without one ---

def test_khiam_town_after_cue() -> None:
    ann = real_ann("تجمّع أسرى محررون أمام معتقل الخيام في بلدة الخيام الجنوبية في ذكرى التحرير.")
    assert {p.id for p in ann.places} == {"place:lb-khiam"}
    assert any(f.id.startswith("open:prison:") for f in ann.facilities)
    assert "place:lb-khiam" in real_place_ids("استهدفت غارة منزلاً في بلدة الخيام جنوب لبنان.")


def test_tents_are_no_town() -> None:
    assert "place:lb-khiam" not in real_place_ids("التهمت النيران الخيام في مخيم الهول وامتدت إلى الخيام المجاورة.")


# --- an open name cut short ---

def test_title_then_ali_is_one_name() -> None:
    names = _open_names("داهمت قوة من الجيش اللبناني مخيم الإمام علي في منطقة الهرمل.")
    assert "open:camp:الامام-علي" in names


def test_preposition_after_title_ends_the_name() -> None:
    names = _open_names("نُقلت العائلات إلى مخيم الشيخ على الطريق الدولي.")
    assert not any("علي" in n for n in names)


def test_family_glue_and_criminal_investigation() -> None:
    assert "open:prison:عرق-ال-شبوان" in _open_names("ما زال شاب محتجزاً في سجن عرق آل شبوان بمأرب منذ عامين.")
    assert "open:prison:المباحث-الجناييه" in _open_names("يحتجز المسلحون العشرات في سجن المباحث الجنائية.")


# --- the masdar "jailing" after a verb of ruling, a verb after a person's head ---

def test_ruling_to_jail_is_no_prison() -> None:
    assert not real_fac_ids("قضت محكمة تركية بسجن الصحفية ميسر يلدز إلى حين محاكمتها.")
    assert real_fac_ids("وقضت المحكمة بسجن طباخ سجن رومية المركزي سنة واحدة.") == {"fac:lb-roumieh-prison"}


def test_prison_after_locative_ba_stays() -> None:
    assert "fac:sy-sednaya-prison" in real_fac_ids("توفي المعتقل بعد أشهر من احتجازه بسجن صيدنايا.")


def test_eighth_form_verb_after_a_detainee() -> None:
    assert not real_fac_ids("حمّل المركز الوزارة مسؤولية وفاة معتقل احتُجز في قسم الشرطة.")
    assert _open_names("وصلت العائلات إلى مخيم اشتبرق في ريف إدلب.")


# --- a village named "the abode of" / "the cave of" X after a cue ---

def test_village_name_with_dar_or_maara_is_whole() -> None:
    text = "داهمت دورية مخيمات للنازحين في بلدة دار الواسعة التابعة لقضاء بعلبك."
    places = {p.surface for p in real_ann(text).places}
    assert "دار الواسعة" in places
    places = {p.surface for p in real_ann("وصلت عائلات نازحة إلى بلدة معارة الإخوان شمال إدلب.").places}
    assert "معارة الإخوان" in places
