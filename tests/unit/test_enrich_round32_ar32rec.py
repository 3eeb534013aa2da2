"""Rules 32g-32i (helper ar32rec, round 32): Arabic alert and facility recall on Maghreb, Egyptian, Gulf and Iranian
prison names the engine cut short or dropped. 32g: a town whose name opens with a word of its own (`بني`, `سيدي`,
`برج`, `آيت`, `خميس`, `جزيرة` ...) is named whole after a head or an official designation; 32h: a Persian town's
"-abad" written apart; 32i: Morocco's `السجن الفلاحي`, a governorate's prison named by its town after `محافظة`, and an
official designation's `ل` before a town. Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _open(text: str) -> set[str]:
    return {f.id or "" for f in real_ann(text).facilities}


def test_maghreb_and_egyptian_towns_named_whole() -> None:
    for text, fid in (
        ("أقدم نزيل في السجن المحلي ببني ملال على إنهاء حياته داخل زنزانته.", "open:prison:بني-ملال"),
        ("أعلنت المندوبية وفاة أحد نزلاء السجن المحلي لبني ملال بعد إضراب عن الطعام.", "open:prison:بني-ملال"),
        ("ردت إدارة سجن بني ملال على مقطع متداول يتهمها بمنح امتيازات لنزيلة.", "open:prison:بني-ملال"),
        ("احتج عشرات المعتقلين في سجن سيدي موسى على مصادرة أغراضهم.", "open:prison:سيدي-موسي"),
        ("نُقل الناشط من قسنطينة إلى سجن برج بوعريريج.", "open:prison:برج-بوعريريج"),
        ("خاض معتقل إضراباً عن الطعام في السجن المحلي أيت ملول قرب أكادير.", "open:prison:ايت-ملول"),
        ("قالت العائلات إن إدارة السجن المدني بآيت ملول رحّلت عشرات النزلاء.", "open:prison:ايت-ملول"),
        ("امتنع سبعة سجناء عن العودة إلى عنابرهم في سجن بني سويف المركزي.", "open:prison:بني-سويف-المركزي"),
        ("يُعد سجن جزيرة رايكرز في نيويورك من أكثر السجون عنفاً.", "open:prison:rikers-island"),
    ):
        ann = real_ann(text)
        assert ann.alert, text
        assert _open(text) == {fid}, text


def test_the_same_first_words_in_other_senses() -> None:
    for text in ("شُيّد سجن بُني عام 1990 على أطراف المدينة لاستيعاب ألفي نزيل.",
                 "أقيم مخيم بني حديثاً على أرض زراعية لإيواء العائلات.",
                 "صعد الحارس إلى برج مراقبة في محيط السجن وأطلق عيارات تحذيرية.",
                 "نُقل جثمان الرجل إلى المستشفى الجهوي ببني ملال.",
                 "رفعت المحامية دعوى أمام محكمة برج بوعريريج لمعرفة مكان موكلها.",
                 "تزدهر زراعة الزيتون في ضواحي آيت ملول، ويقصد سوقها تجار من أكادير."):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text


def test_a_persian_towns_abad_written_apart() -> None:
    assert _open("قال المدعي العام في شيراز إن احتجاجات سجن عادل آباد لم تسفر عن إصابات.") == {
        "open:prison:عادل-اباد"}
    assert _open("أُعدم ثلاثون سجيناً في سجن وكيل آباد خلال يومين.") == {"open:prison:وكيل-اباد"}


def test_official_designations_and_a_governorates_prison() -> None:
    assert _open("توفي نزيل في السجن الفلاحي بمدينة الفقيه بن صالح إثر أزمة صحية.") == {
        "open:prison:الفقيه-بن-صالح"}
    assert _open("أغلقت المندوبية السجن الفلاحي العدير ونقلت نزلاءه.") == {"open:prison:العدير"}
    assert _open('عوضه بالمدير الحالي للسجن الفلاحي "العدير" المتواجد بتراب جماعة الحوزية.') == {
        "open:prison:العدير"}  # (no guessed spelling of Syria's Adra)
    assert _open("سيطر المعتقلون على أجزاء من سجن محافظة السويداء المركزي.") == {"fac:sy-suwayda-central-prison"}
    assert _open("قال مدير سجن محافظة خميس مشيط المقدم محمد الشهراني إن الشاب كان مخموراً.") == {
        "open:prison:خميس-مشيط"}
    assert _open("طالبت عائلة سجين توفي بالمؤسسة العقابية لعلاليق بعنابة بتشريح جثته.") == {"open:prison:علاليق"}


def test_official_designations_in_a_sentence_of_purpose_or_time() -> None:
    for text in ("أحيل المتهم على السجن المحلي لحين محاكمته بتهمة النصب.",
                 "قضت المحكمة بإيداعه السجن المحلي لتنفيذ العقوبة التي صدرت بحقه.",
                 "نقل المعتقل إلى السجن المحلي لقضاء عقوبته.",
                 "قرر القاضي سجن محافظ البنك المركزي السابق خمس سنوات بتهمة الاختلاس.",
                 "يعمل السجناء في السجن الفلاحي في زراعة الخضر وتربية المواشي.",
                 "وكان ترأس وفد الهيئة في زيارة تفقدية لسجن محافظة جدة (بريمان) شملت الإصلاحية."):
        assert not any(f.id == "open:prison:جده" or (f.id or "").endswith(("حين", "تنفيذ", "قضاء", "زراعه-الخضر"))
                       for f in real_ann(text).facilities), text
    for text in ("أحيل المتهم على السجن المحلي لحين محاكمته بتهمة النصب.",
                 "قرر القاضي سجن محافظ البنك المركزي السابق خمس سنوات بتهمة الاختلاس.",
                 "يعمل السجناء في السجن الفلاحي في زراعة الخضر وتربية المواشي."):
        assert not real_ann(text).alert, text


def test_moroccos_local_prison_in_a_town_that_shares_a_syrian_name() -> None:
    text = "قالت المندوبية إن السجين رُحّل من السجن المحلي بالقنيطرة إلى السجن المحلي تولال 2 بمكناس."
    ann = real_ann(text)
    assert _open(text) == {"open:prison:القنيطره", "open:prison:تولال-2"}
    assert ann.places == []  # (Kenitra inside the prison's name is no place, and no Syrian Quneitra)
    places = {p.id for p in real_ann("شنت الطائرات غارات على مواقع في ريف القنيطرة قرب خط الفصل.").places}
    assert "adm1:SY-quneitra" in places
