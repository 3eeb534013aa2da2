"""Rule 29b (the lead, round 28): a city taken or besieged right before its bare name is the city, whatever prison
it holds; a camp's or a district's bare name is left to the words around it. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _read(text: str) -> tuple[list[str | None], list[str]]:
    a = real_ann(text)
    return [f.id for f in a.facilities], [p.surface for p in a.places]


def test_a_city_seized_is_the_city_though_its_prison_is_spoken_of() -> None:
    assert _read("Militants seized Palmyra in May 2015 and later blew up its notorious prison.") == ([], ["Palmyra"])
    assert _read("The army recaptured Palmyra from Islamic State, whose fighters had destroyed the prison.") \
        == ([], ["Palmyra"])
    assert _read("Islamic State fighters captured Palmyra, home to a notorious desert prison.") == ([], ["Palmyra"])


def test_arabic_control_taken_over_a_city() -> None:
    assert _read("سيطر تنظيم داعش على تدمر في أيار 2015 ثم فجّر سجنها الشهير.") == ([], ["تدمر"])
    assert _read("استعادت قوات النظام السيطرة على تدمر، التي تضم السجن سيئ الصيت.") == ([], ["تدمر"])


def test_a_detainee_in_the_city_name_is_still_the_prison() -> None:
    ids, _ = _read("قضى عشر سنوات في تدمر وكتب عن السجن لاحقاً.")
    assert ids == ["fac:sy-tadmur-prison"]
    ids, _ = _read("He spent twelve years in Palmyra and later wrote a memoir about the prison.")
    assert ids == ["fac:sy-tadmur-prison"]


def test_a_camp_taken_over_is_left_to_its_context() -> None:
    # 2026: "government forces took over al-Hol" is the camp; the capture cue is a city's only
    ids, _ = _read("Government forces seized al-Hol, where some 24,000 women and children are held, on Tuesday.")
    assert ids == ["fac:sy-al-hol-camp"]
    ids, _ = _read("The RSF captured Zamzam, Sudan's largest camp for displaced people, after three days.")
    assert len(ids) == 1


def test_arrests_and_releases_in_a_city_do_not_make_its_name_the_prison() -> None:
    # rule 29f: a prison named after a city (Raqqa, Tabqa): a city's news speaks of arrests and releases too
    assert _read("نفذت القوات حملة اعتقال شملت 65 شخصاً في الطبقة والرقة.") == ([], ["الطبقة", "الرقة"])
    assert _read("أفرجت قسد عن 50 سجيناً. وجرى الإفراج بكفالة شيوخ من عشائر الرقة.") == ([], ["الرقة"])
    assert _read("Security forces detained twelve young men in Raqqa on Sunday and released four.")[0] == []


def test_inmates_and_torture_still_make_a_city_named_prison() -> None:
    ids, _ = _read("Three Iraqis once held at Abu Ghraib won damages from a Virginia contractor on Tuesday.")
    assert ids == ["fac:iq-abu-ghraib-prison"]
    ids, _ = _read("طالب ناشطون بمحاكمة الجنود الذين عذبوا المعتقلين في أبوغريب.")
    assert ids == ["fac:iq-abu-ghraib-prison"]


def test_a_count_of_detainees_after_a_definite_prison_is_no_number_name() -> None:
    a = real_ann("أفرجت الإدارة عن خمسة سجناء ليبقى في المعتقل 375 محتجزاً من جنسيات مختلفة.")
    assert a.facilities == []
    a = real_ann("نُقل إلى المعتقل رقم 59 حيث قضى عامين.")
    assert [f.surface for f in a.facilities] == ["المعتقل رقم 59"]


def test_a_towns_other_name_in_brackets_is_the_town() -> None:
    # rule 29g: `المالكية (ديرك)`, "Malikiyah (Derik)": the Kurdish name of the town just named, not its prison
    ids, places = _read("يشمل العفو معتقلين في سجونها بالقامشلي والمالكية (ديرك).")
    assert ids == [] and "ديرك" in places
    ids, _ = _read("Detainees in the prisons of Qamishli and Malikiyah (Derik) were released.")
    assert ids == []


def test_a_bracketed_name_after_its_head_is_still_the_facility() -> None:
    ids, _ = _read("فرّ معتقلون من سجن (ديرك) أمس.")
    assert ids == ["fac:sy-derik-prison"]
