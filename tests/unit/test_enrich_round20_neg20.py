"""Round 20, neg20 survey (rule 25v): alert precision on camps and prisons of other senses — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_an_unknown_prison_in_a_sentence_that_names_a_work_and_its_story() -> None:
    assert not _fac("The comedy series follows a chef who is sent to Greyhaven prison after a kitchen fire.")
    assert not _fac("In the novel, the narrator spends ten winters in Blackmoor Penitentiary before he escapes.")
    assert not _fac("The docuseries follows six women held at the Lakeside County Jail for a year.")
    assert not _fac("The series, which began in 2019, is about a guard at Stonebridge prison who falls in love.")
    assert not _fac("تدور أحداث المسلسل داخل سجن الوادي الأخضر حيث تؤدي الممثلة دور طبيبة.")
    # a work's word with no story in the sentence is no work: a director jailed over his film is a real jailing
    assert _fac(
        "The director, arrested after police seized copies of his new film at a festival, was taken to "
        "Mornaguia prison on Monday."
    ) == {"open:prison:mornaguia"}
    # a series "of" riots is no work (nor was it before this round's rule: rule 22e's window read it as one)
    assert _fac("A series of riots broke out at Mornaguia prison in January.") == {"open:prison:mornaguia"}
    assert _fac("اعتقل المخرج بسبب فيلمه الأخير في المهرجان ونقل إلى سجن المرناقية.")
    # a known facility in a work's sentence is still named (rule 22e)
    assert "fac:sy-tadmur-prison" in _fac("The film follows a poet through his years in Tadmor prison.")


def test_a_quoted_prison_title_after_a_work_named_before_it() -> None:
    assert not _fac('شاهدت مسلسلاً جديداً هذا العام. في "سجن الورد" لا يقصد الكاتب سجناً حقيقياً.')
    # a quoted prison in a text that names no work stays the prison
    assert _fac('لجأت عائلات نازحة إلى زنازين "سجن أصداء" بعد إخلائه من النزلاء.')


def test_a_one_word_camp_in_a_sentence_about_a_political_contest() -> None:
    assert not _fac("The Hakim camp now counts on Sunni votes to reach a majority in parliament.")
    assert not _fac("After the election the Karimi camp topped the results in Basra.")
    assert not _fac("Inside the Barzani camp, the nomination opened a rift between ministers.")
    assert not _fac("Members of the Hikma camp say the deal is dead.")
    # a day of a month names a political camp in such a sentence
    assert not _fac("The rivalry between the March 8 camp and the March 14 camp shaped Lebanese politics.")
    # the displaced or the detained in the sentence keep the camp; "coalition" alone is the war's coalition
    assert _fac("Displaced families in the Salam camp voted in the local election on Sunday.") == {"open:camp:salam"}
    assert _fac("The coalition struck ISIS positions near the Hajin camp on Monday.") == {"open:camp:hajin"}
    assert _fac("Residents of Hull camp say water trucks have not arrived.") == {"fac:sy-al-hol-camp"}


def test_a_camps_bare_name_as_a_team_in_a_sports_report() -> None:
    assert not _fac("ووزعت الفرق على مجموعتين: ضمت الأولى نور شمس وسلواد، والثانية عسكر وعقبة جبر.")
    assert not _fac("وتنطلق البطولة بمباراة نور شمس والجلزون على ملعب البيرة، ثم عسكر وعقبة جبر.")
    assert not _fac("ضمت البطولة فرقاً من المخيمات، وفاز فريق نور شمس على عسكر بهدفين.")
    # a raid, a siege or the camp in the name's clause keeps the camp, even in a text about a match
    assert "fac:ps-nur-shams-camp" in _fac("اقتحمت قوات الاحتلال نور شمس فجراً، وأصيب لاعب في فريق المخيم لكرة القدم.")
    assert "fac:ps-nur-shams-camp" in _fac(
        "أقيمت مباراة ودية على ملعب البلدية، بينما تواصل قوات الاحتلال حصار نور شمس لليوم العاشر."
    )
    # no sports report: the bare camp is read as before
    assert "fac:ps-nur-shams-camp" in _fac("نزحت عشرات العائلات من نور شمس بعد هدم منازلها.")
