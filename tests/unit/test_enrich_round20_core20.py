"""Round 20, core20 survey (data/README.md rule 25x): the core domain as reported in 2025-2026 — our own sentences."""

from datetime import date

from tests.unit.enrich_support import real_ann

_2026 = date(2026, 2, 10)


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text, _2026).facilities}


def _pla(text: str) -> set[str]:
    return {p.id for p in real_ann(text, _2026).places}


def _act(text: str) -> set[str]:
    return {a.id for a in real_ann(text, _2026).actors}


def _ev(text: str) -> set[str]:
    return {e.type for e in real_ann(text, _2026).event_types}


def test_his_country_is_no_town_cue() -> None:
    got = _pla("قال إنه سيعود إلى بلده فيما تبقى عائلته في المخيم.")
    assert not any(p.startswith("open:place:") for p in got)
    assert any(p.startswith("open:place:") for p in _pla("نزحت عائلات إلى بلدة الحمرات قرب الحدود."))


def test_words_equal_to_town_names() -> None:
    assert "geonames:99169" not in _pla("وصف الوزير القرار بأنه شأن داخلي خالص لا علاقة لأحد به.")
    assert "geonames:99169" in _pla("نزحت العائلات من الخالص إلى بعقوبة هرباً من القتال.")
    assert not any(p.startswith("open:place:") for p in _pla("الرقة.. مدينة التاريخ والجسور على ضفاف الفرات"))


def test_participle_after_indefinite_head_is_no_name() -> None:
    assert not _fac("فرّ عشرات المحتجزين من سجن خاضع لسيطرة الفصائل في ريف دير الزور.")
    assert "fac:sy-ghwayran-prison" in _fac("عاد الهدوء إلى سجن غويران الخاضع لسيطرة قوى الأمن في الحسكة.")


def test_kurdish_outlets_north() -> None:
    assert "geonames:167080" not in _pla("نورث بالس – وصلت دفعة جديدة من العائلات إلى مخيم روج.")
    assert "geonames:167080" in _pla("نزح سكان بالس ومسكنة شرق حلب بعد المعارك.")


def test_migration_ministry_of_the_state_that_has_one() -> None:
    text = "A migration ministry spokesman said 240 Iraqi families had left al-Hol camp in Syria on Thursday."
    assert "actor:iraq-migration-ministry" in _act(text)
    ar = "وقدّرت وزارة الهجرة عدد العائلات العراقية الباقية في مخيم الهول بسوريا بنحو ألف عائلة."
    assert "actor:iraq-migration-ministry" in _act(ar)
    syria = "Syria's migration ministry said refugees came back from Lebanon."
    assert "actor:iraq-migration-ministry" not in _act(syria)


def test_mediators_own_no_bare_ministry_and_act() -> None:
    text = (
        "The deal, mediated by regional powers such as Qatar and Turkey, folds the Asayish into the interior"
        " ministry in Qamishli, Syria."
    )
    acts = _act(text)
    assert "actor:syrian-interior-ministry" in acts and "actor:turkey-gov" in acts
    assert not _act("People affected by conflicts including Syria and Iraq were counted.")


def test_caretaker_government() -> None:
    assert "actor:iraq-gov" in _act("طالب رئيس حكومة تصريف الأعمال العراقية الدول باستعادة رعاياها.")
    assert "actor:iraq-gov" not in _act("اجتمع رجال الأعمال العراقيون في غرفة التجارة.")


def test_decision_from_a_capital() -> None:
    assert "actor:iraq-gov" in _act("أكد المتحدث أن نقل المحتجزين إلى العراق جرى بقرار من بغداد وحدها.")
    assert "actor:iraq-gov" not in _act("طلب الوفد من بغداد تسليم المطلوبين إلى سوريا.")


def test_president_by_title_and_name() -> None:
    assert "actor:turkey-gov" in _act("President Recep Tayyip Erdogan warned that the deal must hold.")
    assert "actor:turkey-gov" in _act("قال الرئيس رجب طيب أردوغان إن الاتفاق يجب أن يصمد.")
    assert "actor:turkey-gov" not in _act("A portrait of Erdogan hung in the office.")


def test_headline_city_prison_is_the_prison_the_body_names() -> None:
    text = "Kurdish fighters leave Raqqa prison under deal\nGovernment units took over al-Aqtan prison on Friday."
    assert _fac(text) == {"fac:sy-aqtan-prison"}
    both = "Detainees moved from Raqqa prison\nThey were taken from Raqqa prison to al-Aqtan prison on Friday."
    assert _fac(both) == {"fac:sy-raqqa-central-prison", "fac:sy-aqtan-prison"}
    assert "fac:sy-raqqa-central-prison" in _fac("Families wait outside Raqqa prison\nNo names were released.")


def test_a_line_end_is_no_subject_gap() -> None:
    assert "actor:jordan-gov" not in _act("عمّان\nأعلنت المفوضية مغادرة عائلات من مخيم الأزرق.")
    assert "actor:jordan-gov" in _act("أعلنت عمّان رفضها استقبال لاجئين جدد.")
    ann = real_ann("Troops leave the city\nDAMASCUS\nGovernment units took over the prison on Friday.", _2026)
    assert "geonames:170654" in {p.id for p in ann.places}


def test_detention_facilities_and_custody_are_no_arrest() -> None:
    assert "arrest" not in _ev("نُقل المحتجزون إلى مراكز الاحتجاز في العراق بعد إغلاق المخيم.")
    assert "arrest" in _ev("اعتقلت قوى الأمن خمسة أشخاص قرب المخيم.")
    assert "arrest" not in _ev("More than 5,000 fighters were moved into Iraqi custody this month.")
    assert "arrest" in _ev("Police took three men into custody near the camp.")
