"""Rule 29q (helper places29, round 29): same-name places resolved to the wrong country, towns of a country out of
scope read as places in scope, and places inside an airline's, a company's or a stadium's name, as real Arabic and
English outlets print them (passages of our own wording in tests/data/realworld-places29.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann

LY_TRIPOLI = "geonames:2210247"
LB_TRIPOLI = "geonames:266826"
RAFAH = "geonames:281102"
TYRE = "geonames:267008"
SUWAR = "place:sy-al-suwar"
BASRA = "geonames:99532"
DAMASCUS = "geonames:170654"


def _places(text: str) -> list[str]:
    return [p.id for p in real_ann(text).places]


def test_libyas_coast_places_tripoli_in_libya() -> None:
    for text in ("Al Khums, which lies roughly 118 km east of Tripoli, is a known launch point for migrants trying to "
                 "reach Europe across the Mediterranean.",
                 "Al-Khums is a coastal city about 118 km east of the capital, Tripoli; coastguards joined the rescue.",
                 "The migrants were stopped in four operations off the coastal towns of Zawya, Garabulli and "
                 "Abu-Kemmash and the city of Tripoli, then taken to detention centres.",
                 "غرق قارب يقل نحو 200 مهاجر قبالة مدينة الخمس شرقي طرابلس، بعد أن أبحر من منطقة القربولي.",
                 "ألقى خفر السواحل القبض على 120 مهاجراً كانوا على متن زورق مطاطي قبالة القره بوللي شرق طرابلس."):
        got = _places(text)
        assert LY_TRIPOLI in got and LB_TRIPOLI not in got, text
    # the towns of the Libyan coast are beyond rule 4's scope: no open-world village
    assert _places("The migrants were stopped off the coastal towns of Zawya, Garabulli and Abu-Kemmash and the city "
                   "of Tripoli.") == [LY_TRIPOLI]


def test_lebanons_tripoli_stays_where_nothing_of_libya_is_named() -> None:
    assert _places("مقتل شخص في اشتباكات بمنطقة باب التبانة في طرابلس.") == [LB_TRIPOLI]
    assert _places("Hundreds protested in the Lebanese port city of Tripoli on Monday.") == [LB_TRIPOLI]
    # `الخمس` alone is "the five": no vote for Libya
    assert _places("قتل خمسة في طرابلس خلال السنوات الخمس الماضية.") == [LB_TRIPOLI]


def test_egypts_rafah_marked_right_against_the_name_is_no_place() -> None:
    for text in ("RAFAH, Egypt, Nov. 2 (UPI) -- Egypt's military began tearing down homes along the Gaza Strip "
                 "border.",
                 "The military began demolishing houses in Rafah, North Sinai, on Wednesday morning.",
                 "The governor said the buffer zone required \"the complete removal of the Egyptian city of Rafah\".",
                 "Residents of Egypt's Rafah were displaced by the army.",
                 "Hamas militants were killed near the border town of Rafah in Sinai.",
                 "بعد عامين من تهجير سكان مدينة رفح المصرية وهدم منازلها على الشريط الحدودي مع قطاع غزة.",
                 "يشكو سكان منطقتي رفح والشيخ زويد في سيناء من عمليات تهجير يفرضها الجيش المصري.",
                 "دعوات لتهجير أهالي رفح والشيخ زويد والعريش."):
        assert RAFAH not in _places(text), text


def test_gazas_rafah_beside_egypt_stays() -> None:
    for text in ("Israeli forces entered Rafah, in the southern Gaza Strip, near the border with Egypt.",
                 "Trucks wait on the Egyptian side of the crossing to reach Gazans displaced to the Palestinian city "
                 "of Rafah.",
                 "Egypt warned Israel against an offensive in Rafah, Egyptian officials said.",
                 "قصفت الطائرات الإسرائيلية مدينة رفح جنوب قطاع غزة قرب الحدود المصرية.",
                 # the country's own name after a comma that no dateline's punctuation follows, or after "and"
                 "Israel struck Rafah, Egypt said on Monday.",
                 "Israeli strikes on Rafah, Egypt warned, would be a disaster.",
                 "أغلق المعبر بين رفح ومصر منذ أيام."):
        assert RAFAH in _places(text), text


def test_omans_sur_is_no_tyre_and_no_suwar() -> None:
    for text in ("Sur, about 330 km east of Muscat, Oman's capital, still keeps a fleet of more than 100 dhows.",
                 "The town of Sur lies in the southeast corner of Oman; its life revolves around fishing and dhows.",
                 "The Sultanate of Oman's port of Sur welcomed the ship.",
                 "تقع ولاية صور في محافظة جنوب الشرقية بسلطنة عمان، وعُرفت بمينائها.",
                 "غادرت السفينة ميناء صور العماني."):
        got = _places(text)
        assert TYRE not in got and SUWAR not in got and not any(p.startswith("open:") for p in got), text
    # Lebanon's Tyre keeps its name
    assert TYRE in _places("شنّ الطيران الإسرائيلي غارات على مدينة صور الساحلية عقب إنذارات بالإخلاء.")
    assert TYRE in _places("قتل شخص وأصيب ثلاثة في غارات إسرائيلية على أطراف مدينة صور اللبنانية.")
    assert TYRE in _places("Israeli strikes hit Tyre in southern Lebanon.")


def test_a_road_between_two_cities_names_tyre() -> None:
    got = _places("قُتل شخصان في غارة إسرائيلية استهدفت سيارة على طريق صور – الناقورة جنوبي لبنان.")
    assert TYRE in got and "geonames:278832" in got
    assert TYRE not in _places("نشرت الوزارة صور الضحايا على الطريق.")


def test_an_airlines_a_companys_and_a_stadiums_name_hold_no_place() -> None:
    assert _places("The Syrian private airline Cham Wings said it would halt all its flights to the Belarusian "
                   "capital, Minsk, from Saturday.") == ["geonames:625144"]
    assert DAMASCUS in _places("Cham Wings Airlines suspended its service between Damascus and Minsk.")
    assert BASRA not in _places("Hosts Iraq and Oman drew 0-0 as the 25th Arabian Gulf Cup opened at the Basra "
                                "International Stadium on Friday.")
    assert BASRA in _places("Huge crowds streamed to Basra International Stadium for the final, which the city of "
                            "Basra is hosting.")
    for text in ("تظاهر عشرات من موظفي شركة نفط البصرة أمام مقر شركة بي بي في حقل الرميلة.",
                 "قال مسؤولون في حقل نهر بن عمر الذي تديره شركة نفط البصرة الحكومية إن الإنتاج طبيعي."):
        assert _places(text) == [], text
    assert _places("رفع خريجون محتجون في محافظة البصرة لافتات تطالب شركة نفط البصرة بتعيينهم.") == ["adm1:IQ-basra"]


def test_albu_villages_and_the_industrial_quarter() -> None:
    ann = real_ann("قتل مسلحون 24 شخصاً في هجوم على قرية البو صيفي التابعة لمنطقة هور رجب جنوب بغداد.")
    assert [p.surface for p in ann.places if p.id.startswith("open:")] == ["البو صيفي"]
    ann = real_ann("هاجمت مجموعة مسلحة قرية ألبو صيفى في منطقة هور رجب جنوب بغداد.")
    assert [p.surface for p in ann.places if p.id.startswith("open:")] == ["ألبو صيفى"]
    # a tribe's "Albu" name is no village, and `الحي الصناعي` is "the industrial quarter", not Wasit's al-Hayy
    assert _places("حاصر عناصر التنظيم مقاتلين من عشيرتي البو محل والبو فهد في منطقة الحي الصناعي في السجارية شرق "
                   "الرمادي.") == ["geonames:98717"]
    assert "geonames:99350" in _places("تظاهر العشرات في قضاء الحي بمحافظة واسط.")
