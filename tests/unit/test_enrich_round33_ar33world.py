"""Rules 33v-33x (helper ar33world, round 33): Arabic place and facility recall on reporting from Lebanon and Iran.
33v: a Lebanese village whose name opens with `برج`, `مجدل` or `بر` (`بلدة برج الشمالي`, `بلدة مجدل عنجر`, `بلدة بر
الياس`) is read whole after a village's cue, a masculine direction after the name is the name's own (`بلدة البرج
الشمالي`), and a plain (`سهل`) ends a list of villages; 33w: Iran's provinces Khuzestan, Sistan and Baluchestan and
Fars are places (rule 4's neighbours); 33x: a prison name opening with س is no future particle + verb when the next
letter is no imperfect's prefix and two long vowels follow (`سجن سبيدار`, `سجن سرافان`). Own wording after stored
reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann, real_place_ids


def _places(text: str) -> dict[str, str | None]:
    return {p.surface: p.id for p in real_ann(text).places}


def test_lebanese_villages_named_whole_after_a_cue() -> None:
    for text, name in (
        ("أصيب شخصان في غارة على منزل عند أطراف بلدة برج الشمالي شرقي صور.", "برج الشمالي"),
        ("قال أهالي بلدة البرج الشمالي إن الركام رُفع من المبنى المستهدف.", "البرج الشمالي"),
        ("أوقفت دورية عشرين شخصاً دخلوا خلسة إلى بلدة مجدل عنجر في البقاع.", "مجدل عنجر"),
        ("يقيم في بلدة بر الياس عشرات آلاف اللاجئين السوريين.", "بر الياس"),
        ("وصلت الشظايا إلى قرية مجدل زون المجاورة.", "مجدل زون"),
        ("تضررت منازل في بلدتي برج رحال والعباسية جراء القصف.", "برج رحال"),
    ):
        places = _places(text)
        got = places.get(name)
        assert got is not None and got.startswith("open:place:"), (text, places)
        first = name.split()[0]
        assert first not in places, (text, places)  # not cut to its first word
    # the same words in other senses: a watchtower, a church's tower
    assert _places("صعد الحارس إلى برج المراقبة عند مدخل بلدة الخيام.") == {"الخيام": "place:lb-khiam"}
    assert _places("يطل برج الكنيسة القديم على ساحة البلدة.") == {}


def test_a_plain_ends_a_list_of_villages() -> None:
    places = _places("طالت الغارات بلدات مجدل سلم، شيحين، سهل المجادل في الجنوب.")
    assert "مجدل سلم" in places and "شيحين" in places, places
    assert "سهل" not in places, places


def test_irans_provinces_are_places() -> None:
    assert "adm1:IR-sistan-baluchestan" in real_place_ids(
        "أعدمت السلطات ثلاثة سجناء في سجن زاهدان المركزي، بحسب ناشطين من محافظة سيستان وبلوشستان.")
    assert real_place_ids("تسجل سيستان وبلوجستان أعلى نسبة إعدامات في إيران.") == {
        "adm1:IR-sistan-baluchestan", "country:IR"}
    assert real_place_ids("قال ناشطون في خوزستان إن الاعتقالات طالت العشرات.") == {"adm1:IR-khuzestan"}
    assert "adm1:IR-fars" in real_place_ids("اعتُقل الشاب في محافظة فارس ونُقل إلى شيراز.")
    # Fars only by its own words: the news agency, the language
    assert real_place_ids("نقلت وكالة فارس عن مسؤول قضائي أن المحكمة أيدت الحكم.") == set()
    assert real_place_ids("نشر الشاعر مذكراته باللغة الفارسية.") == set()


def test_persian_prison_names_opening_with_sin() -> None:
    for text, fid in (
        ("وصفت سجينة سابقة عنبر النساء بسجن سبيدار في الأهواز بالرهيب.", "open:prison:سبيدار"),
        ("قُتل سجينان حين أطلق الحراس النار داخل سجن سبيدار.", "open:prison:سبيدار"),
        ("نُقل الموقوف إلى سجن سرافان بانتظار محاكمته.", "open:prison:سرافان"),
    ):
        ann = real_ann(text)
        assert ann.alert, text
        assert {f.id for f in ann.facilities} == {fid}, text
    ann = real_ann("تضم قائمة السجون في المدينة سجن كارون وسجن سبيدار وسجن شيبان.")
    assert {f.id for f in ann.facilities} == {"open:prison:كارون", "open:prison:سبيدار", "open:prison:شيبان"}
    # words of that shape stay words: secret, residential, cars, a given name, cellars
    for text in ("كشف التقرير عن سجن سري تديره أجهزة الأمن.",
                 "أقامت البلدية مخيماً سكنياً مؤقتاً للعائلات.",
                 "نُقل إلى سجن سيارات الشرطة المتوقفة.",
                 "قال مدير مخيم سليمان العلي إن المساعدات تأخرت.",
                 "فتّش الحراس سجن سراديب المبنى القديم."):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text
