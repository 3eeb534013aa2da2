"""State actors through institution + nationality, countries acting, disguised names (README rules 12-13)."""

from datetime import datetime

import pytest

from services.enrich.actors import _NOT_LETTER_RE
from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer

PUB = datetime(2025, 6, 1)


def actors(text: str, pub: datetime = PUB) -> set[str]:
    return {a.id for a in enrich(text, real_gazetteer(), published_at=pub).actors}


@pytest.mark.parametrize(("text", "aid"), [
    ("أكدت وزارة العدل العراقية أنها تسلمت ملفات المحكومين", "actor:iraq-justice-ministry"),
    ("ذكرت وزارة الدفاع الأمريكية أن الدورية عادت إلى قاعدتها", "actor:us"),
    ("نفذت القوات الخاصة العراقية إنزالا قرب الحدود", "actor:iraqi-security-forces"),
    ("حلقت طائرات تركية فوق القرى الحدودية", "actor:turkey-gov"),
    ("قالت المصادر إن مسيّرةً تركيّةً أصابت سيارة", "actor:turkey-gov"),
    ("صرح وزير الخارجية التركي بأن العملية مستمرة", "actor:turkey-gov"),
    ("Turkish drones circled over the road for an hour.", "actor:turkey-gov"),
    ("U.S. guards escorted the convoy to the gate.", "actor:us"),
    ("Iraqi special forces cordoned off the district.", "actor:iraqi-security-forces"),
    ("Lebanon's health ministry gave a new toll.", "actor:lebanon-gov"),
])
def test_institution_and_nationality(text: str, aid: str) -> None:
    assert aid in actors(text)


def test_bare_ministry_is_the_text_country() -> None:
    assert "actor:iraq-interior-ministry" in actors("The Interior Ministry said the convoy reached Baghdad.")
    assert "actor:syrian-interior-ministry" in actors("The Interior Ministry said a cell was caught in Homs.")
    # a ministry of a country named in its sentence that has no actor: none, not the text's country
    assert actors("Belgium brought home six children from al-Hol camp, the foreign ministry said.") == set()
    assert actors("قالت وزارة الخارجية الهولندية إن الأطفال وصلوا من مخيم روج") == set()


def test_kurdish_authorities_by_country() -> None:
    assert "actor:aanes" in actors("قالت السلطات الكردية في القامشلي إن العائلات غادرت")
    assert "actor:krg" in actors("Kurdish authorities in Sulaymaniyah said the families left.")


def test_country_or_capital_acting_is_the_state_and_still_a_place() -> None:
    a = enrich("Turkey shelled two villages and Damascus agreed to talks.", real_gazetteer(), published_at=PUB)
    assert {"actor:turkey-gov", "actor:syria-transitional-gov"} <= {x.id for x in a.actors}
    assert {"country:TR", "geonames:170654"} <= {p.id for p in a.places}
    assert {"actor:iraq-gov", "actor:turkey-gov"} <= actors("أعلنت بغداد استعادة العائلات، وقصفت تركيا مواقع")
    assert "actor:assad-regime" in actors("Damascus agreed to the exchange.", datetime(2019, 3, 1))


@pytest.mark.parametrize("text", [
    "Refugees in Turkey said they feared the winter.",
    "QAMISHLI, Syria — Kurdish-led forces said two guards were hurt.",
    "عادت عائلات عراقية من سوريا إلى بلدها",
    "وصل الوفد إلى تركيا أمس",
])
def test_a_country_located_or_described_is_no_actor(text: str) -> None:
    assert actors(text) == set()


def test_disguised_and_title_case_and_kurdish_spellings() -> None:
    assert "actor:isis" in actors("قال الأهالي إن خلية د1عش انسحبت")
    assert "actor:isis" in actors("اتهمت المصادر د ا ع ش بالهجوم")
    assert "actor:isis" in actors("Isis sleeper cells struck at night.")
    assert "actor:pkk" in actors("اتهمت أنقرة حزب العمال الكوردستاني")
    assert "actor:unicef" in actors("وزعت اليونيسيف حقائب مدرسية")
    assert actors("Is the road open?") == set()


def test_scouted_patterns_match_as_finditer() -> None:
    """scouts.match_starts returns exactly finditer's matches (the speed-up must not change a spot)."""
    from services.enrich.bare import _LOWER_ART_RE, _LOWER_ART_SCOUT
    from services.enrich.scouts import match_starts

    gaz = real_gazetteer()
    r, pr = gaz.state, gaz.place_rules
    texts = ["وزارة الداخلية العراقية", "د ا ع ش و د1عش", "الأمريكان والأتراك ووزير الخارجية", "قسد", "",
             "Iraq's Interior Ministry and the ministry of interior; INTERIOR MINISTRY", "the village of Umm Madfa",
             "Tal Hamis village, al-Hol district", "في قرية الحمرا وحي الطوارئ", "ـوزارة.وزارة",
             "Turkish drones and U.S. guards; the Iraqi  security forces, US-led, United States\nforces, .Iraqi army",
             "al-hol and el bared, (al\u2011hol) final-al-x; nahr al-bared and tal el-abyad", "el-"]
    pairs = [(r.hot_ar_re, r.hot_ar_scouts), (r.obfuscated_any, r.obfuscated_scouts), (r.bare_en_re, r.bare_en_scouts),
             (r.inst_en_re, r.inst_en_scouts),
             (_LOWER_ART_RE, _LOWER_ART_SCOUT),
             (pr.cue_ar_re, pr.scouts["cue_ar"]), (pr.en_before, pr.scouts["en_before"]),
             (pr.en_after, pr.scouts["en_after"])]
    for text in texts:
        for pat, scouts in pairs:
            got = [m.span() for m in match_starts(pat, scouts, text)]
            want = [m.span() for m in pat.finditer(text)]
            if pat is r.obfuscated_any:  # its scout finds the disguised names: the ones written plainly are dropped
                got = [sp for sp in got if _NOT_LETTER_RE.search(text[sp[0] : sp[1]])]
                want = [sp for sp in want if _NOT_LETTER_RE.search(text[sp[0] : sp[1]])]
            assert got == want, (text, pat.pattern[:40])


def test_cue_candidates_say_where_the_patterns_match() -> None:
    """The scanner's cue candidates (trie role "cue") give the patterns' finditer matches exactly: every form
    the patterns read is a cue key, with its proclitics and marks, and a name before "village" is found."""
    from services.enrich.places import _matches
    from services.enrich.scanner import scan_select
    from services.enrich.scouts import arabic_cue_starts, cue_spans, match_at, word_cue_starts

    gaz = real_gazetteer()
    r, pr = gaz.state, gaz.place_rules
    texts = ["وزارة الداخلية العراقية", "الأمريكان والأتراك ووزير الخارجية ووزيرها وللأمريكان", "بِالعراقيةِ",
             "وَالسوريّين ولِلتركيات للبنانيتين والكُردي بالعراقيين، فالأردنيون", "ـوزارة.وزارة", "الوزيرة العراقيّة",
             "Iraq's Interior Ministry and the ministry of interior; INTERIOR MINISTRY; the State\nDepartment",
             "the village of Umm Madfa, the Village\nof Tal Hamis", "Tal Hamis village, al-Hol district and al Hamra "
             "sub-district; (Deir Hafer) quarter", "في قرية الحمرا وحي الطوارئ وبقرية الدشيشة ولِحيّ", ""]
    for text in texts:
        _sel, trig = scan_select(text, gaz.trie)
        cues = [t for t in trig if t.role == "cue"]
        hot = match_at(r.hot_ar_re, arabic_cue_starts(text, cue_spans(cues, "hot_ar"), r.hot_ar_firsts), text)
        assert [m.span() for m in hot] == [m.span() for m in r.hot_ar_re.finditer(text)], text
        bare = match_at(r.bare_en_re, word_cue_starts(text, cue_spans(cues, "bare_en")), text)
        assert [m.span() for m in bare] == [m.span() for m in r.bare_en_re.finditer(text)], text
        for pat, key in ((pr.cue_ar_re, "cue_ar"), (pr.en_before, "en_before"), (pr.en_after, "en_after")):
            got = [m.span() for m in _matches(pat, key, text, pr, cues)]
            assert got == [m.span() for m in pat.finditer(text)], (text, key)
    assert len({e for _s, e in cue_spans(scan_select(texts[3], gaz.trie)[1], "hot_ar")}) == 6  # every form a key


@pytest.mark.parametrize(("text", "want"), [
    ("يخطط الأردن لإزالة المخيم خلال الأشهر المقبلة", {"actor:jordan-gov"}),  # verb before the country
    ("سقطت أول قذيفة تركية على القرية", {"actor:turkey-gov"}),  # a weapon of a state
    ("وقصف الجانب التركي موقعاً قرب الحدود", {"actor:turkey-gov"}),
    ("أطاح المتمردون بحكومة الأسد", {"actor:assad-regime"}),
    ("يجب أن يبلغ البنتاجون الكونجرس", {"actor:us"}),  # Egyptian spelling
    ("أقر ممثل المفوضية العليا للأمم المتحدة لشئون اللاجئين بصعوبة الوضع", {"actor:unhcr"}),
    ("نُقلوا إلى منشأة في القاعدة الأمريكية", set()),  # the US base, not al-Qaeda
    ("شفق نيوز- دمشق  يستعد مئات العراقيين لمغادرة المخيم", set()),  # a dateline, not Damascus acting
    ("AMMAN: Jordan said it would reopen the crossing.", {"actor:jordan-gov"}),
])
def test_real_world_forms(text: str, want: set[str]) -> None:
    assert actors(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("While the U.S. manages the transfers, Iraq receives the detainees.", {"actor:us", "actor:iraq-gov"}),
    ("An Iraqi intelligence general confirmed the deal.", {"actor:iraq-intelligence"}),
    ("Jordan allows one-off aid drop to Rukban border camp", {"actor:jordan-gov"}),
    ("The women of the camp in north-east Syria were trying to reach their families.", set()),
])
def test_english_real_world_forms(text: str, want: set[str]) -> None:
    assert actors(text) == want


@pytest.mark.parametrize(("text", "pub", "want"), [
    ("بعد الهجوم الذي شنه جيش الاحتلال التركي على المخيم", "2022-05-01", {"actor:turkey-gov"}),
    ("اقتحم جيش الاحتلال مخيم جنين فجر اليوم", "2024-05-01", {"actor:israel-gov"}),
    ("سمحت الحكومة السورية لسكان المخيم بالعودة", "2018-06-01", {"actor:assad-regime"}),  # of its date
    ("سمحت الحكومة السورية لسكان المخيم بالعودة", "2025-06-01", {"actor:syria-transitional-gov"}),
    ("ولا تزال طائرات الاستطلاع التركية تحوم فوق المخيم", "2022-05-01", {"actor:turkey-gov"}),
    ("أفرجت سلطات النظام عن عدد من المعتقلين", "2019-05-01", {"actor:assad-regime"}),
])
def test_names_read_in_their_text_and_time(text: str, pub: str, want: set[str]) -> None:
    assert actors(text, datetime.fromisoformat(pub)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("SULAIMANI (ESTA) — Turkey bombed a refugee camp in Makhmour early on Friday.", {"actor:turkey-gov"}),
    ("Iraq on 9 February 2021 hanged five people convicted on terrorism charges.", {"actor:iraq-gov"}),
    ("The Obama administration transferred six men from Guantanamo Bay.", {"actor:us"}),
    ("The Iraqi Minister of Migration and Displacement announced the return.", {"actor:iraq-migration-ministry"}),
    ("Rebels breached part of the prison in a skirmish with regime troops.", {"actor:assad-regime"}),
    ("The United Nations Relief and Works Agency for Palestine Refugees in the Near East reported damage.",
     {"actor:unrwa"}),
])
def test_english_state_actors_second_round(text: str, want: set[str]) -> None:
    assert actors(text) == want


@pytest.mark.parametrize(("text", "aid"), [
    ("أعلن جهاز مكافحة الإرهاب العراقي اعتقال خلية في كركوك", "actor:ctc"),  # a body with its own nationality
    ("أعلنت قيادة العمليات المشتركة العراقية تسلم دفعة جديدة", "actor:iraqi-security-forces"),
    ("وقال مستشار الأمن القومي العراقي إن الملف يحظى بأولوية", "actor:iraq-gov"),
    ("وكثفت أنقرة من هجماتها على مواقع الوحدات الكردية", "actor:turkey-gov"),
    ("المدينة التي سيطرت عليها تركيا عام 2019", "actor:turkey-gov"),
    ("Damascus Moves In as Kurdish Forces Pull Back", "actor:syria-transitional-gov"),
    ("Talks stalled, with Washington pressing European capitals to take back their nationals.", "actor:us"),
    ("وقالت السلطات الكردية إنها لا تستطيع حماية السجون وحدها", "actor:aanes"),  # no country named: Syria's
])
def test_state_actor_forms_from_real_reporting(text: str, aid: str) -> None:
    assert aid in actors(text)


@pytest.mark.parametrize("text", [
    "قال مسؤول عراقي إن المعسكر سيسلم للجيش",  # an official, not the state acting (dev-set convention)
    "طالب نواب أمريكيون بإغلاق المعتقل",
    "He arrived with Turkey bordering the region on the north.",
])
def test_officials_and_located_states_are_no_actor(text: str) -> None:
    assert not ({"actor:iraq-gov", "actor:us", "actor:turkey-gov"} & actors(text))


@pytest.mark.parametrize(("text", "aid"), [
    ("أعلنت السلطات الأمنية بالعراق اعتقال ستة عناصر من التنظيم", "actor:iraq-gov"),
    ("انتشرت القوات الحكومية في سوريا على طول الحدود", "actor:syria-transitional-gov"),
    ("The authorities in Damascus said the camp would close.", "actor:syria-transitional-gov"),
    ("Security forces in Iraq arrested five men.", "actor:iraqi-security-forces"),
    ("ألقت منظمة الاستخبارات الوطنية التركية القبض على عنصر في الحزب", "actor:turkey-gov"),
    ("العراق يعتقل ستة عناصر من التنظيم", "actor:iraq-gov"),
])
def test_state_bodies_named_by_the_country_they_serve_in(text: str, aid: str) -> None:
    assert aid in actors(text)


@pytest.mark.parametrize("text", ["UN officials in Iraq said the families returned.",
                                  "Turkish-backed forces in Syria shelled the town.",
                                  "وصل اللاجئون في لبنان إلى الحدود"])
def test_another_owner_before_the_body_is_no_state_actor(text: str) -> None:
    assert not ({"actor:iraq-gov", "actor:syria-transitional-gov", "actor:lebanon-gov"} & actors(text))


def test_the_second_of_two_subjects_after_a_verb_acts() -> None:
    assert "actor:israel-gov" in actors("وقّعت مصر وإسرائيل اتفاقية السلام عام 1979")
    assert "actor:syria-transitional-gov" not in actors("وصل الوفد إلى بغداد ودمشق")


def test_caseless_alternation_grouped_by_first_letter_matches_as_the_flat_one() -> None:
    """state_rules._alt_caseless (branches grouped by their first letter) finds what _alt's flat alternation
    finds, inside (?i:...), at every position: the same span and the same branch, special case-folds included."""
    import re as _re

    from services.enrich import state_rules

    words = ["ministry of interior", "ministry", "Ministry of Defence", "MRAP", "military", "interior ministry",
             "security forces", "security service", "security services", "special", "k9 unit", "kurdish", "s"]
    flat = _re.compile(rf"(?i:\b(?P<w>{state_rules._alt(words)}))\b")
    grouped = _re.compile(rf"(?i:\b(?P<w>{state_rules._alt_caseless(words)}))\b")
    assert grouped.pattern != flat.pattern
    text = ("The Ministry  of Interior said; the MINISTRY of defence, ministry's security servicES and "
            "security forces; mrap military \u212a9 unit ſecurity ſervices İnterior ministry s S ministryx "
            "special-forces kurdish")
    for p in range(len(text) + 1):
        a, b = grouped.match(text, p), flat.match(text, p)
        assert (a and (a.span(), a.group("w"))) == (b and (b.span(), b.group("w"))), text[p : p + 40]
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert state_rules._alt_caseless(["1st unit", "army"]) == state_rules._alt(["1st unit", "army"])  # not a letter
