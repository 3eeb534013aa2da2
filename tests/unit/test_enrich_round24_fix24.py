"""Round 24, fix24 (rule 27e): error classes the lead read from the spent round-23/24 blind splits — protest camps named
"return", Lebanon's `البرج`, a camp's town beside the camp, foreign and Egyptian prison lists, the town Serekaniye's
displaced come from, Guantanamo's naval base. Our own sentences, in the forms real pages print."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


# --- A: protest camps of the return marches ---------------------------------------------------------------------

def test_return_camp_of_the_border_protests_is_no_site() -> None:
    assert _fac("نصب شبان من خان يونس مخيم العودة قرب السياج الفاصل في الجمعة الثانية من مسيرات العودة.") == set()
    assert _fac("نظم المعتصمون في مخيم العودة شرق البريج يوماً رياضياً للأطفال.") == set()
    assert _fac("أقام لاجئو نابلس مخيماً رمزياً سموه مخيم العودة في ذكرى النكبة.") == set()
    assert _fac("Thousands of protesters gathered at the Great Return March camp east of Gaza City.") == set()
    # the marches named anywhere in the text make the camp theirs
    assert _fac("تتواصل مسيرات العودة على حدود القطاع.\nوزار وفد الفصائل مخيم العودة شرق جباليا.") == set()


def test_return_camps_of_the_displaced_keep_their_name() -> None:
    assert _fac("وصلت شاحنات إغاثة إلى مخيم العودة للنازحين في ريف إدلب الشمالي.") == {"open:camp:العوده"}
    assert _fac("قصفت طائرات مسيرة مخيم العودة في بلدة أطمة.") == {"open:camp:العوده"}  # (a drone, no march)
    assert _fac("قال النازحون في مخيم العودة إن السيول أغرقت خيامهم.") == {"open:camp:العوده"}


def test_sit_in_tents_name_no_site() -> None:
    assert _fac("نصب أهالي الأسرى خيمة اعتصام أمام مقر الصليب الأحمر في رام الله.") == set()
    assert _fac("Students set up a protest camp outside the parliament in Beirut.") == set()


# --- B: Burj al-Barajneh named by its first word ----------------------------------------------------------------

def test_burj_in_a_list_of_lebanese_camps() -> None:
    assert _fac("نظمت مخيمات شاتيلا والبرج ومار الياس في بيروت وقفات تضامنية.") == {
        "fac:lb-shatila-camp", "fac:lb-burj-al-barajneh-camp", "fac:lb-mar-elias-camp"}
    assert _fac("توترت الأوضاع في مخيمي عين الحلوة والبرج.") == {
        "fac:lb-ain-al-hilweh-camp", "fac:lb-burj-al-barajneh-camp"}
    # a bare list with no head, the item between two of Beirut's camps
    assert "fac:lb-burj-al-barajneh-camp" in _fac(
        "تنتشر المخيمات في لبنان بين عين الحلوة والرشيدية والبص والبرج الشمالي وشاتيلا والبرج ومار الياس.")
    # Tyre's camps: the Burj by Tyre
    assert "fac:lb-burj-shemali-camp" in _fac("جال الوفد على مخيمات الرشيدية والبص والبرج في منطقة صور.")


def test_burj_placed_in_beirut() -> None:
    assert _fac("أصيب شاب بجروح خلال إشكال داخل مخيم البرج في بيروت.") == {"fac:lb-burj-al-barajneh-camp"}


def test_gaza_bureij_is_untouched() -> None:
    assert _fac("شهدت مخيمات جباليا والبريج والنصيرات غارات عنيفة.") == {
        "fac:ps-jabalia-camp", "fac:ps-bureij-camp", "fac:ps-nuseirat-camp"}
    assert _fac("استشهد ثلاثة في قصف على مخيم البريج وسط القطاع.") == {"fac:ps-bureij-camp"}


# --- C: a camp's town named as the town ------------------------------------------------------------------------

def test_camp_town_proper_is_no_camp() -> None:
    assert _fac("اعتقل الجيش شاباً من مخيم قلنديا. وهدمت الجرافات منزلاً في قلنديا البلد.") == {
        "fac:ps-qalandia-camp"}
    assert _fac("اعتقلت القوات شاباً من مخيم عسكر. واعتقلت آخر من عسكر البلد.") == {"fac:ps-askar-camp"}
    assert _fac("اقتحمت القوات بلدة قلنديا شمال القدس.") == set()
    assert _fac("Traffic backed up at the Qalandia checkpoint for hours.") == set()
    # with its head the camp stays
    assert _fac("اعتقلت القوات شابين من مخيم عسكر الجديد شرق نابلس.") == {"fac:ps-askar-camp"}
    assert _fac("Soldiers raided Qalandia refugee camp before dawn.") == {"fac:ps-qalandia-camp"}


# --- E: prison lists -------------------------------------------------------------------------------------------

def test_tora_parts_named_with_tora_are_tora_once() -> None:
    ann = real_ann("رحّلت مصلحة السجون المتهمين إلى سجن استقبال طرة جنوب القاهرة.")
    assert [(f.id, f.surface) for f in ann.facilities] == [("fac:eg-tora-prison", "سجن استقبال طرة")]
    assert _fac("أفرج عن معتقلين من سجن طرة تحقيق وسجن استقبال طرة.") == {"fac:eg-tora-prison"}


def test_annex_prison_is_a_prison_of_its_own() -> None:
    assert _fac("نُقل الوزير إلى سجن ملحق المزرعة، بينما بقي مساعدوه في سجن المزرعة.") == {
        "open:prison:ملحق-المزرعه", "open:prison:المزرعه"}
    # guards: the high-security prison stays no name; the farm prison alone
    assert _fac("أودع القيادي في سجن شديد الحراسة.") == set()
    assert _fac("يقضي حكمه في سجن المزرعة.") == {"open:prison:المزرعه"}
    assert _fac("أودع في سجن ملحق بمركز الشرطة.") == set()  # ("a jail attached to the police station": no name)


def test_heading_lines_of_world_prisons() -> None:
    text = ("أسوأ سجون العالم:\n1- سجن كريستي – روسيا: شيّد قبل قرن ونصف.\n"
            "2- سجن بانغ كوانغ – تايلاند: يضم محكومين بالإعدام.")
    assert _fac(text) == {"open:prison:كريستي", "open:prison:بانغ-كوانغ"}
    assert {"country:RU", "country:TH"} <= _places(text)
    ann = real_ann("سجن كاراندیرو - البرازيل: شهد مجزرة عام 1992.")
    assert [f.surface for f in ann.facilities] == ["سجن كاراندیرو"]  # (the country after the dash is no name)
    # a known prison in such a heading stays known
    assert _fac("سجن صيدنايا – سوريا: عرف بالمسلخ البشري.") == {"fac:sy-sednaya-prison"}
    # guard: a dash inside a sentence is no heading
    assert _fac("قال إن سجن صيدنايا - سيئ السمعة - أغلق.") == {"fac:sy-sednaya-prison"}


# --- F: Serekaniye, the town its displaced fled ------------------------------------------------------------------

def test_families_from_serekaniye_come_from_the_town() -> None:
    text = "Newroz camp in Derik houses families from Serekaniye who fled the 2019 Turkish offensive."
    assert _fac(text) == {"fac:sy-newroz-camp"}
    assert "geonames:165509" in _places(text)
    assert _fac("يضم مخيم نوروز في ديرك عائلات من سري كانيه نزحت بعد الهجوم.") == {"fac:sy-newroz-camp"}
    assert _fac("Most residents of Washokani camp fled Ras al-Ain (Serekaniye) in 2019.") == {
        "fac:sy-washokani-camp"}
    # the camp with its head stays the camp
    assert _fac("Residents of Serekaniye camp near Hasakah complained of water cuts.") == {
        "fac:sy-serekaniye-camp"}
    assert _fac("يقيم آلاف النازحين في مخيم سري كانيه قرب الحسكة.") == {"fac:sy-serekaniye-camp"}


def test_al_hol_is_no_origin_named_camp() -> None:
    # al-Hol camp stands at its town: "from al-Hol" is read as before
    assert _fac("Women moved from al-Hol camp to Roj last week.") == {"fac:sy-al-hol-camp", "fac:sy-roj-camp"}


# --- G: Guantanamo's naval base ---------------------------------------------------------------------------------

def test_guantanamo_naval_base_with_no_one_held_is_the_base() -> None:
    assert _fac("The US naval base at Guantanamo Bay will take in migrants stopped at sea.") == set()
    assert _fac("A hurricane brushed the Guantanamo Bay naval base on Tuesday.") == set()
    assert _fac("Marines were sent to Naval Station Guantanamo Bay to put up tents.") == set()


def test_guantanamo_where_people_are_held_is_the_site() -> None:
    assert _fac("The Pentagon transferred two detainees from the U.S. naval base at Guantanamo Bay to Oman.") == {
        "fac:cu-guantanamo"}
    assert _fac("Migrants held at Guantanamo Bay were flown out, weeks after the first arrived at the naval base.") \
        == {"fac:cu-guantanamo"}
    assert _fac("The prison at the US naval base at Guantanamo Bay still holds 15 men.") == {"fac:cu-guantanamo"}
    assert _fac("Detainees at Guantanamo Bay have been held without charge for two decades.") == {
        "fac:cu-guantanamo"}


# --- D: the bare name after the named camp (pinned: read right at this branch's base) ---------------------------

def test_bare_al_hol_after_the_named_camp_is_the_camp() -> None:
    assert _fac("Syria takes over al-Hol camp.\nAl-Hol began as a camp for Iraqi refugees in 1991.") == {
        "fac:sy-al-hol-camp"}
    text = "The al-Hol camp is run by Kurdish-led forces. Hol now holds about 24,000 people."
    assert _fac(text) == {"fac:sy-al-hol-camp"} and "geonames:173797" not in _places(text)
    assert "geonames:173797" in _places("Clashes broke out near the town of al-Hol in Hasakah province.")
