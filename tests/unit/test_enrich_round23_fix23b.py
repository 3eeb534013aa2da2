"""Round 23, fix23b (rule 27x): spelling variants of known facility names read from the spent round-23 splits — a
guessed spelling placed elsewhere is open world, Dheisheh's Latin names, a misspelt Guantanamo and `قاعدة غوانتانامو`
where detainees are held and tried. Our own sentences."""

from tests.unit.enrich_support import real_ann

KADHIMIYA, DHEISHEH, GTMO = "fac:iq-kadhimiya-prison", "fac:ps-dheisheh-camp", "fac:cu-guantanamo"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_a_variant_placed_by_a_locative_in_another_country_is_open_world() -> None:
    assert _fac("The teenager was taken to the Qedumim Prison east of Qalqilia, in the northern West Bank.") \
        == {"open:prison:qedumim"}
    assert _fac("Lawyers were refused access to the Qedumim Prison near Nablus for two weeks.") \
        == {"open:prison:qedumim"}


def test_a_variant_with_no_place_or_in_its_own_country_keeps_the_known_site() -> None:
    assert _fac("Relatives waited for hours outside the Kadhimiyah prison in Baghdad.") == {KADHIMIYA}
    assert _fac("The Kadhimiya prison held hundreds of men without charge, officials said.") == {KADHIMIYA}
    # a place after another site's name places that one (`من مخيم الهوول إلى مخيم الجدعه جنوب الموصل`)
    assert "fac:sy-al-hol-camp" in _fac("Iraqi families left al-Holl camp for the Jeddah camp south of Mosul.")


def test_dheisheh_camp_official_and_unofficial_latin_names() -> None:
    assert _fac("Dheisheh Camp | Latin: ad Duheisha Camp (official), Dheishe Camp (unofficial)") == {DHEISHEH}
    assert _fac("Troops raided the Dheishe camp south of Bethlehem before dawn.") == {DHEISHEH}
    assert _fac("A youth was shot in the ad-Duheisha camp near Bethlehem on Monday.") == {DHEISHEH}
    assert _fac("Clashes broke out at the entrance of Deheisheh refugee camp.") == {DHEISHEH}


def test_other_names_near_dheisheh_stay_unknown() -> None:
    assert DHEISHEH not in _fac("Aid reached the Dashisha camp for the displaced on Tuesday.")


def test_a_misspelt_guantanamo_after_a_camp_word_is_the_known_site() -> None:
    assert _fac("أُعيد ثلاثة من المعتقلين في معسكر غوانتانانمو إلى بلادهم.") == {GTMO}
    assert _fac("نُقل المعتقل إلى سجن غوانتانانمو بعد اعتقاله في باكستان.") == {GTMO}


def test_guantanamo_base_where_detainees_are_tried_is_the_site() -> None:
    assert _fac("تستأنف اللجان العسكرية محاكمة المعتقلين الخمسة في قاعدة غوانتانامو الأسبوع المقبل.") == {GTMO}


def test_a_base_named_without_detainees_stays_no_facility() -> None:
    assert _fac("استأجرت الولايات المتحدة قاعدة غوانتانامو من كوبا مطلع القرن الماضي.") == set()
    assert _fac("هبطت طائرة الشحن في قاعدة عين الأسد الجوية غرب العراق.") == set()
    assert _fac("أعلنت القيادة المركزية استهداف قاعدة حرير بطائرة مسيّرة بعد اعتقال ناشطين في أربيل.") == set()
