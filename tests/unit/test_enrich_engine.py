from datetime import datetime

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation, EventTypeMention, Mention
from tests.unit.enrich_support import fixture_gazetteer

PUB = datetime(2025, 1, 28, 12, 0)


def ann(text: str, lang: str | None = None) -> Annotation:
    a = enrich(text, fixture_gazetteer(), lang=lang, published_at=PUB)
    spans: list[Mention | EventTypeMention] = [*a.facilities, *a.places, *a.actors, *a.event_types]
    for m in spans:
        assert text[m.start : m.end] == m.surface
    return a


def fac_ids(text: str) -> set[str]:
    return {f.id for f in ann(text).facilities}


@pytest.mark.parametrize("text", ["وصلت عائلات إلى مخيم الهول", "نقل المعتقلون والهول بمخيم الهول",
                                  "هجوم على سجن غويران", "هاجموا لسجن غويران", "وسجن غويران", "بمخيم الهول"])
def test_arabic_proclitics(text: str) -> None:
    a = ann(text, "ar")
    assert a.alert
    assert any(f.id.startswith("fac:sy-") for f in a.facilities)


def test_proclitic_stripped_from_surface() -> None:
    a = ann("نقلوا إلى بمخيم الهول وللسجن", "ar")
    assert [f.surface for f in a.facilities] == ["مخيم الهول"]
    places = ann("وبالحسكة اشتباكات", "ar").places
    assert [p.surface for p in places] == ["الحسكة"]


@pytest.mark.parametrize("text", ["the al-Hol camp", "the Al Hol camp", "the al‑Hol camp", "the al–Hol camp",
                                  "the el-Hol camp", "the al-Hawl camp", "the Hol camp"])
def test_hyphen_and_article_variants(text: str) -> None:
    assert fac_ids(text) == {"fac:sy-al-hol-camp"}


@pytest.mark.parametrize("v", ["Sina'a", "Sina’a", "Sinaʿa", "Sinaa"])
def test_apostrophe_variants(v: str) -> None:
    assert fac_ids(f"Riots broke out in {v} prison on Monday.") == {"fac:sy-ghwayran-prison"}


def test_open_world_facilities_with_context_location() -> None:
    a = ann("Detainees were moved to the Qarachok detention centre near Aleppo.", "en")
    assert [f.id for f in a.facilities] == ["open:prison:qarachok"]
    f = a.facilities[0]
    assert f.kind == "prison" and f.lat is not None and abs(f.lat - 36.2) < 0.5 and f.confidence < 0.9
    a = ann("فرّ سجناء من سجن حلب المركزي", "ar")
    assert a.alert and a.facilities[0].id.startswith("open:prison:")
    assert a.facilities[0].surface == "سجن حلب المركزي" and not a.places  # the place is part of the name
    assert ann("وصلت العائلات إلى مخيم أبو خشب", "ar").alert


@pytest.mark.parametrize("text", [
    "Conditions in the camps are dire.", "He was given a five-year prison sentence.",
    "A prison guard was injured.", "Syrian prison guards were dismissed.", "The training camp was bombed.",
    "Leaders met at Camp David.", "Children attended a summer camp.", "Life after boot camp.",
    "لا تزال السجون مكتظة", "حكم عليه بالسجن 5 سنوات", "افتتح مخيم للنازحين", "السجن المركزي مكتظ",
    "أقيم مخيم تدريب للشباب", "وقال إن السجن يضم آلاف المعتقلين",
])
def test_generic_mentions_do_not_alert(text: str) -> None:
    a = ann(text)
    assert not a.alert, a.facilities


def test_town_vs_camp() -> None:
    a = ann("Shelling hit the town of al-Hol, far from any facility.", "en")
    assert not a.alert and [p.id for p in a.places] == ["place:sy-al-hol"]
    a = ann("Women in al-Hol camp protested. Later al-Hol was calm.", "en")
    # once the camp is named, its bare name later is the same referent (labelling rule 11), not the town
    assert [(f.surface, f.id) for f in a.facilities] == [("al-Hol camp", "fac:sy-al-hol-camp"),
                                                        ("al-Hol", "fac:sy-al-hol-camp")]
    assert a.places == []
    a = ann("Women in al-Hol camp protested near the town of al-Hol.", "en")
    assert [p.id for p in a.places] == ["place:sy-al-hol"]  # a town cue keeps the town
    a = ann("اشتباكات في بلدة الهول شرق الحسكة", "ar")
    assert not a.alert and "place:sy-al-hol" in {p.id for p in a.places}


def test_longer_name_not_split() -> None:
    a = ann("أصدرت قوات سوريا الديمقراطية بيانا", "ar")
    assert [x.id for x in a.actors] == ["actor:sdf"] and not a.places
    a = ann("Fighting near Deir ez-Zor", "en")
    assert [p.id for p in a.places] == ["place:sy-deir-ez-zor"]


def test_actors_and_context_refs() -> None:
    a = ann("أعلن داعش مسؤوليته، وقال التنظيم إنه سيواصل", "ar")
    assert [(x.id, x.surface) for x in a.actors] == [("actor:isis", "داعش"), ("actor:isis", "التنظيم")]
    assert a.actors[1].confidence < a.actors[0].confidence
    assert not ann("وقال التنظيم إنه سيواصل", "ar").actors  # no antecedent: unresolved
    a = ann("Daesh and the SDF clashed; the international coalition said the group retreated.", "en")
    assert [x.id for x in a.actors] == ["actor:isis", "actor:sdf", "actor:global-coalition", "actor:isis"]


def test_event_types_with_evidence() -> None:
    a = ann("تمكنت دورية من مقتل عنصر والقبض على اثنين في عملية أمنية", "ar")
    types = {e.type: e for e in a.event_types}
    assert {"killing", "arrest", "security_operation"} <= set(types)
    assert types["security_operation"].surface == "عملية أمنية"


def test_possessive() -> None:
    assert [p.id for p in ann("Iraq's camps and Syria’s prisons", "en").places] == ["country:IQ", "country:SY"]


def test_lang_detection() -> None:
    assert ann("قوات سوريا الديمقراطية").lang == "ar"
    assert ann("The SDF said").lang == "en"


def test_coordinated_facility_names() -> None:
    assert fac_ids("نقلت النساء بين مخيمي الهول وروج") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}
    assert fac_ids("Families in the al-Hol and Roj camps") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}


def test_non_facility_phrases() -> None:
    from services.enrich.compile import compile_gazetteer
    from services.enrich.gazetteer import EngineRules, FacilityRec, NonFacilities

    g0 = fixture_gazetteer()
    fac = FacilityRec(id="fac:x-ghw", kind="prison", canonical="Ghwayran prison", core={"en": ["Ghwayran"]},
                      lat=36.4, lon=40.7)
    nf = NonFacilities(phrases={"en": ["Camp Nou"]}, head_word_senses={"en": ["prison break", "training camp"]})
    g = compile_gazetteer(EngineRules.model_validate(g0.rules.model_dump()), [fac], [], [], [],
                          with_geonames=False, non_facilities=nf)
    assert not enrich("Fans filled Camp Nou.", g).alert
    assert not enrich("A Bardarash training camp was found.", g).alert
    a = enrich("The Ghwayran prison break of 2022", g)
    assert [f.id for f in a.facilities] == ["fac:x-ghw"]


def test_bare_facility_name_by_context() -> None:
    a = ann("More than 30 children died of cold in al-Hol, appealing for tents.", "en")
    assert [f.id for f in a.facilities] == ["fac:sy-al-hol-camp"] and a.facilities[0].confidence <= 0.5
    a = ann("وصلت دفعة جديدة من العائدين من الهول إلى العراق", "ar")
    assert a.alert and not {p.id for p in a.places} & {"place:sy-al-hol"}
    a = ann("The market in the town of al-Hol reopened; families returned to their shops.", "en")
    assert not a.alert and [p.id for p in a.places] == ["place:sy-al-hol"]


def test_possessive_inside_a_name() -> None:
    a = ann("Deir ez-Zour's streets were calm.", "en")
    assert [p.id for p in a.places] == ["place:sy-deir-ez-zor"]
    assert a.places[0].surface == "Deir ez-Zour"


def test_locative_keeps_the_town() -> None:
    a = ann("Families in a new camp near al-Hol received tents and aid.", "en")
    assert not any(f.id == "fac:sy-al-hol-camp" for f in a.facilities)
    assert "place:sy-al-hol" in {p.id for p in a.places}


@pytest.mark.parametrize(("text", "lang", "absent", "present"), [
    ("تعمل الوزارة على خطة لإعادة تأهيل السجون في المحافظات الشرقية", "ar", "transfer_repatriation", None),
    ("بدأت الحكومة إعادة المعتقلين إلى بلدانهم من سجن غويران", "ar", None, "transfer_repatriation"),
    ("أضرب المحتجزون عن الطعام احتجاجاً على ظروف الاحتجاز في سجن ديريك", "ar", "arrest", "prison_break_riot"),
    ("Many of the detainees were sentenced to death after brief trials.", "en", "killing", None),
    ("Two detainees died in custody after they were beaten to death by guards.", "en", None, "killing"),
])
def test_a_trigger_inside_a_not_evidence_phrase_is_no_evidence(
    text: str, lang: str, absent: str | None, present: str | None
) -> None:
    from tests.unit.enrich_support import real_gazetteer

    types = {e.type for e in enrich(text, real_gazetteer(), lang=lang).event_types}
    if absent:
        assert absent not in types
    if present:
        assert present in types
