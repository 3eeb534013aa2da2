"""Round-18 bare18 survey (README rule 25a): known facilities named bare with no head word and little cue —
nicknames, the infamy and comparisons of a prison, the text saying what a name is, camp life — and the other
side, a foreign town whose name spells a known facility's (Gharyan). Every sentence is written for this file;
each test holds the positive and its near-miss."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann as _ann


def _fac(text: str) -> set[str]:
    return {f.id or f"open:{f.surface}" for f in _ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in _ann(text).places}


SED, AG, HOL, GTMO = "fac:sy-sednaya-prison", "fac:iq-abu-ghraib-prison", "fac:sy-al-hol-camp", "fac:cu-guantanamo"


@pytest.mark.parametrize(("text", "expected"), [
    # a fixed nickname (facilities.yaml `nicknames`) names the facility, even after "so-called" or a naming verb
    ('Relatives waited outside the so-called "human slaughterhouse" for the lists of names.', {SED}),
    ("Former guards of the Human Slaughterhouse went on trial in Damascus.", {SED}),
    ("زار وفد حقوقي المسلخ البشري برفقة ناجين.", {SED}),
    ('He spent three years in what inmates call "Evin University".', {"open:prison:evin"}),
    ("أمضى الكاتب عامين في جامعة إيفين قبل الإفراج عنه.", {"open:prison:evin"}),
    ("Nine men are still held at GTMO, the officials said.", {GTMO}),
    # the indefinite nickname is a figure for another place; an Arabic word of likeness after it too
    ("The surgeon called the ward a human slaughterhouse after the shelling.", set()),
    ("تحول الحي إلى مسلخ بشري بعد أيام من القصف.", set()),
    ("وصف ناشطون المعتقل الجديد بأنه المسلخ البشري الثاني في البلاد.", set()),
])
def test_nicknames(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Two decades after the Abu Ghraib scandal, the contractor agreed to pay damages.", {AG}),
    ("The Abu Ghraib photos were first shown on television in 2004.", {AG}),
    ("نشرت الصحيفة وثائق جديدة عن فضيحة أبو غريب.", {AG}),
    # a comparison with another prison, or words about prisons in the sentence, on either side
    ("Lawyers said the cells in the new jail were worse than Abu Ghraib.", {AG}),
    ("Abu Ghraib was harsher than anything he later saw at Bucca, the veteran said.", {AG, "fac:iq-camp-bucca"}),
    ("قال ناجٍ عرف السجنين إن ما لقيه في صيدنايا كان أسوأ مما لقيه في أبو غريب.", {SED, AG}),
    ("Since Abu Ghraib, interrogators have worked under new rules.", {AG}),
    # a town compared, the town's pictures, a byword for another site: no prison
    ("Fallujah fared worse than Abu Ghraib in the spring floods.", set()),
    ("انتشرت صور أبو غريب الغارقة بالمياه بحسب أهالي القضاء.", set()),
    ("Rights groups warned the desert site could become another Abu Ghraib.", set()),
])
def test_infamy_and_comparison(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_a_byword_for_another_site_is_no_town_either() -> None:
    assert "geonames:100077" not in _places("Rights groups warned the desert site could become another Abu Ghraib.")
    assert "geonames:100077" in _places("Farmers in the Abu Ghraib district protested the water cuts.")


@pytest.mark.parametrize(("text", "expected"), [
    # the text says what the name is: a prison
    ("يُعرف إيفين بين الإيرانيين بأنه أسوأ سجون البلاد.", {"open:prison:evin"}),
    ("Evin is the country's most notorious prison for writers.", {"open:prison:evin"}),
    # the naming verb before a name given a nickname after it: the name is the one nicknamed
    ('لُقّب صيدنايا بـ"السجن الأحمر" لكثرة الإعدامات فيه.', {SED}),
    # ... while the name given as a nickname to another site stays an epithet
    ('لُقّب المعتقل بـ"غوانتانامو الصحراء" بين المحامين.', set()),
    ("Evin is a leafy district of northern Tehran.", set()),
    # the people the name holds are its inmates; a town holds elections
    ("Standing above northern Tehran, Evin has long held writers, students and lawyers.", {"open:prison:evin"}),
    ("Saydnaya held elections for its municipal council on Sunday.", set()),
])
def test_the_text_says_what_the_name_is(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # daily life, queues and the curfew weigh for a camp; a number before `عائلة` counts families (no family name)
    ("قالت عاملة إغاثة إن الحياة في الهول تبدأ مع طابور الماء وتنتهي مع حظر التجول.", {HOL}),
    ("غادرت 35 عائلة الهول صباح الأحد على متن حافلات.", {HOL}),
    ("Officials at Holl camp said the bread queue had grown since Monday.", {HOL}),
    ("Mothers in Hol still wait for sons sent to rehabilitation centres at the age of 12.", {HOL}),
    # a town's life, a family that bears the name, a speaker camp
    ("عادت الحياة إلى طبيعتها في الشدادي بعد فتح الطريق.", set()),
    ("تقدمت عائلة الهول بشكوى إلى المحكمة.", set()),
    ("Aides in the Sadr camp said the bloc would boycott the vote.", set()),
    ("The rehabilitation of roads in al-Hol will take a year, the municipality said.", set()),
])
def test_camp_life_and_speakers(text: str, expected: set[str]) -> None:
    assert _fac(text) == expected


def test_gharyan_is_libyas_centre_not_ghwayran() -> None:
    assert _fac("Migrants held in the Gharyan detention centre fell ill with tuberculosis.") == {"open:prison:gharyan"}
    assert _fac("نُقل مهاجرون من مركز احتجاز غريان إلى العاصمة.") == {"open:prison:gharyan"}
    # the town alone, and towns under a plural head, name no centre; Ghwayran's own spellings still do
    assert not _fac("Gharyan, a hilltop town, fell to government forces after a short battle.")
    assert not _fac("Hundreds of refugees are locked up in detention centres in Zintan and Gharyan, the charity said.")
    assert _fac("Guards at Gweiran prison foiled an escape attempt.") == {"fac:sy-ghwayran-prison"}


def test_interjections_and_stops_name_no_place() -> None:
    assert not _places("يا للهول! هكذا علّق المتابعون على صور الدمار.")
    assert not _places("ونُقل المعتقل إلى بلد ثالث وافق على استقباله.")
    assert "geonames:98112" in _places("وقعت اشتباكات في بلد شمال بغداد.")
    assert not _places("ALEXANDRIA, Va. — A federal jury ordered the company to pay damages.")
