"""Round 19, lead (rule 25z): forms read from the spent blind splits r18b and r18f — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _act(text: str) -> set[str]:
    return {a.id for a in real_ann(text).actors}


def test_galilee_is_the_region_not_wavel_camp() -> None:
    assert "fac:lb-wavel-camp" not in _fac("وصلت أسرته إلى لبنان عام 1948 قادمة من الجليل ثم استقرت في بيروت.")
    assert "fac:lb-wavel-camp" not in _fac("يقول كبار السن في المخيم إن أجدادهم جاؤوا من الجليل الأعلى.")
    assert "fac:lb-wavel-camp" in _fac("نُقلت ثلاث عائلات من مخيم الجليل في بعلبك إلى صيدا.")
    assert "fac:sy-al-hol-camp" in _fac("وصلت إلى الأنبار أمس عائلات قادمة من الهول.")


def test_capitals_that_worry_and_states_that_call_up() -> None:
    acts = _act("Washington and Ankara worry that escaped fighters could regroup in the desert.")
    assert {"actor:us", "actor:turkey-gov"} <= acts
    assert "actor:israel-gov" in _act("Israel has called up tens of thousands of reservists since the weekend.")
    assert "actor:israel-gov" not in _act("A village called Israel lies far from the sea.")


def test_foreign_prison_names_opened_by_san_or_fort() -> None:
    fac = real_ann("أمضى ستة أعوام في سجن سان كوينتين بولاية كاليفورنيا قبل الإفراج عنه.").facilities
    assert [f.surface for f in fac if f.id.startswith("open:")] == ["سجن سان كوينتين"]


def test_indefinite_adjectives_before_a_place_and_camp() -> None:
    assert not _fac("Minutes later a shell hit a different Gaza refugee camp, medics said.")
    assert not _fac("Rescuers reached another densely packed Gaza camp at dawn.")
    assert any(f.startswith("open:camp:") for f in _fac("Aid workers paid a visit to Kakuma refugee camp on Monday."))


def test_al_hol_annexe_spellings() -> None:
    assert _fac("Foreign women in the al-Hol camp annexe were counted again.") == {"fac:sy-al-hol-annex"}


def test_bare_name_described_as_a_detention_site() -> None:
    text = "The monitor described Ghwayran as one of the largest sites in the region where captured fighters are held."
    assert "fac:sy-ghwayran-prison" in _fac(text)
    assert "fac:sy-ghwayran-prison" not in _fac("The mayor described Ghwayran as one of the busiest sites in the "
                                                "city where families shop.")


def test_a_speaking_or_former_detainee_in_a_prison_town() -> None:
    assert "fac:sy-sednaya-prison" in _fac("قال معتقل سابق في صيدنايا إن السجانين كانوا يمنعون عنهم الماء.")
    assert "fac:iq-badush-prison" in _fac("روى معتقل في بادوش لذويه كيف ضُرب السجناء في الممر.")
    facs = real_ann("أُنشئ معتقل في بادوش عام 2005 على أطراف البلدة.")
    assert "fac:iq-badush-prison" not in {f.id for f in facs.facilities}
    assert "place:iq-badush" in {p.id for p in facs.places}


def test_governments_by_their_leaders_name_and_transliterated_ngos() -> None:
    assert "actor:iraq-gov" in _act("وجهت منظمات حقوقية انتقادات حادة إلى حكومة المالكي بسبب الإعدامات.")
    assert "actor:iraq-gov" in _act("The Sudani government said the camp would close by the end of the year.")
    assert "actor:syria-transitional-gov" in _act("وقالت حكومة الشرع إنها ستتسلم إدارة المخيم.")
    assert "actor:turkey-gov" in _act("رحّبت حكومة أردوغان بالاتفاق.")
    assert "actor:amnesty" in _act("وتقول \"أمنستي\" في تقريرها إن أعداد المحكومين ارتفعت.")
    assert "actor:global-coalition" in _act("وسّع “التحالف الأمريكي” معتقلاً في الحسكة.")


def test_a_masculine_country_that_executes() -> None:
    assert "actor:iraq-gov" in _act("قالت المنظمة إن العراق أعدم عشرات المدانين العام الماضي.")
    assert "actor:iraq-gov" not in _act("أُعدم العراقي فجر اليوم في سجن الناصرية.")


def test_leaving_the_base_is_no_al_qaeda() -> None:
    assert "actor:al-qaeda" not in _act("انسحبت القوات الأمريكية من القاعدة بعد ساعات من الهجوم.")
    assert "actor:al-qaeda" not in _act("أقلعت المروحيات من القاعدة فجر اليوم.")
    assert "actor:al-qaeda" in _act("انشق عشرات المقاتلين من القاعدة العام الماضي.")
    assert "actor:al-qaeda" in _act("ترك مقاتلون من القاعدة صفوفها وانضموا إلى داعش.")


def test_a_glossed_governorate_is_read_the_same_the_second_time() -> None:
    """The compiled fast path (a place's best entry cached after the first text) asks the same governorate gloss
    as the full path: "Nohadra (Duhok) Governorate" is the governorate in every article, not only the first."""
    text = "Families who had lived in a complex in Nohadra (Duhok) Governorate went back to Sinjar."
    first, second = real_ann(text), real_ann(text)
    for ann in (first, second):
        assert [p.id for p in ann.places if p.surface == "Nohadra"] == ["adm1:IQ-duhok"]


def test_lits_answers_more_than_64_needles_as_the_reference() -> None:
    """facilities.lits splits a long needle tuple into the compiled scanner's 64-needle passes (the merged gate
    words of round 19 outgrew one pass): the same bits as the Python reference, needle 64 and on included."""
    from services.enrich.facilities import _GATE_WORDS, lits, lits_ref

    needles = tuple(f"w{i:03d}" for i in range(70)) + _GATE_WORDS
    for text in ("", "w000 w063 w064 w069", "نقل السجناء إلى السجن المركزي في بغداد", "w065, the prison camp"):
        assert lits(text, needles) == lits_ref(text, needles)
    assert lits("w064", needles) == 1 << 64


def test_forms_read_from_the_spent_r19_splits() -> None:
    assert _fac("Thousands of families live in camps such as al-Houl and Ain Essa in the northeast.") == {
        "fac:sy-al-hol-camp", "fac:sy-ain-issa-camp"}
    assert "fac:iq-nasiriyah-central-prison" in _fac("Officials said nine convicts were executed at Nassiriya "
                                                     "on Monday.")
    assert not _fac("Rukban, also spelt Rakban, is a remote and dusty area on the border with Jordan.")
    assert "fac:sy-rukban-camp" in _fac("Rukban is a makeshift camp of some 8,000 people on the border.")
    text = ("Officials say most of those stuck at the berm came from areas such as Raqqa and that sleeper cells hid "
            "among them.")
    assert "fac:sy-raqqa-central-prison" not in _fac(text)
    assert not _fac("يعيش النازحون في مخيمات جرود عرسال ظروفاً قاسية مع حلول الشتاء.")
    assert not _fac("قال المسؤول إن قرابة 400 مخيم تنتشر قرب الحدود بلا كهرباء.")


def test_forms_read_from_the_spent_second_wave_splits() -> None:
    assert _fac("Fighting spread through the Ain al-Hilweh Palestinian refugee camp overnight.") == {
        "fac:lb-ain-al-hilweh-camp"}
    assert _fac("Gunmen roamed the alleys of Ain El-Helweh camp near Sidon.") == {"fac:lb-ain-al-hilweh-camp"}
    assert "fac:sy-ain-issa-camp" in _fac("Dozens of women fled the camp at Ain Isaa during the shelling.")
    text = ("A strike on tents in the Muwasi area killed 21 people, Atif Al-Hout, director of the local hospital, "
            "told reporters.")
    assert "fac:iq-nasiriyah-central-prison" not in _fac(text)
    assert "fac:iq-nasiriyah-central-prison" in _fac("Inmates were moved from Taji to Al-Hout, the prison in the "
                                                     "south.")
    assert "fac:iq-abu-ghraib-prison" in _fac("نُقل السجناء من أبي غريب إلى التاجي قبل إغلاقه.")
    assert not _fac("تعيش آلاف العائلات في 17 مخيماً بشمال وشرق سوريا وسط نقص في الدعم.")


def test_a_spelling_with_an_inner_article_next_to_a_head() -> None:
    """The spelling index's keys hold no inner article ("Khan al-Shih" is khan + shih): a name read next to a camp's
    head drops its inner article too, so "Khan Al-Sheih camp" is the known camp, not an unknown one."""
    assert _fac("Residents of Khan Al-Sheih camp said the water had been cut.") == {"fac:sy-khan-eshieh-camp"}
