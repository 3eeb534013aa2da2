"""Round 20, hist20 survey (rule 26d): prisons and camps that no longer are one — our own sentences."""

from tests.unit.enrich_support import real_ann


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_an_unknown_site_turned_into_a_museum_or_a_memorial() -> None:
    assert not _fac("Greystone Penitentiary, a former prison turned museum in Ohio, opens its cells to tours in May.")
    assert not _fac("Tours of the Harlow Prison Museum resume this week after a winter break.")
    assert not _fac("Stonegate jail held rebels for forty years and became a museum after the war.")
    assert not _fac("بقي سجن الوادي الأخضر شاهداً على تلك الحقبة بعد أن تحوّل إلى متحف يزوره الطلاب.")
    assert not _fac("يعتزم مستثمر تحويل سجن الوادي الأخضر إلى متحف وفندق بعد شرائه في مزاد.")
    assert not _fac("كان معتقل الوادي الأخضر متحفاً يقصده الزوار قبل أن تطاله الحرب.")
    # a museum named nowhere near the site, or no museum at all: the site
    assert _fac("Inmates at Greystone prison staged a hunger strike on Monday.") == {"open:prison:greystone"}
    assert _fac("أضرب نزلاء سجن الوادي الأخضر عن الطعام احتجاجاً على سوء المعاملة.")


def test_an_unknown_site_closed_or_demolished_in_a_year_or_years_ago() -> None:
    assert not _fac("Harrowgate Prison held political prisoners from 1971 until it closed in 2000.")
    assert not _fac("Visitors toured the old cells of Harrowgate jail; the jail shut its doors more than a decade ago.")
    assert not _fac("كان معتقل الوادي الأخضر، الذي أُغلق عام 2000، رمزاً لتلك الحقبة.")
    # a closing as the news (no year), a closing of something else, or a reopening: the site
    assert _fac("Authorities closed Harrowgate Prison on Tuesday and moved its inmates north.") == {
        "open:prison:harrowgate"
    }
    assert _fac("Displaced families in Sheikh Bilal camp said the crossing closed in 2023.") == {
        "open:camp:sheikh-bilal"
    }
    assert _fac("The ministry plans to reopen Harrowgate Prison, closed since 2019, for migrants.") == {
        "open:prison:harrowgate"
    }
    assert _fac("يقع مخيم الوادي الأخضر قرب المدينة، وقد هدمت الجرافات عام 1985 بيوته الفارغة.")


def test_the_site_of_or_the_remains_of_an_unknown_site() -> None:
    assert not _fac("Hundreds gathered at the site of the Pinecrest camp for the annual pilgrimage.")
    assert not _fac("Plans for the site of the former Harrowgate prison have stalled again.")
    assert not _fac("This is Harrowgate detention centre, or what is left of it: its roofs have caved in.")
    assert not _fac("تجول الوفد بين أنقاض معتقل الوادي الأخضر في الجنوب.")


def test_former_said_of_a_person_keeps_the_site() -> None:
    assert _fac("Former detainees of Harrowgate prison said guards beat them.") == {"open:prison:harrowgate"}
    assert _fac("Police arrested the former director of Harrowgate prison on Monday.") == {"open:prison:harrowgate"}
    assert _fac("ألقت الشرطة القبض على مدير سجن المزرعة السابق.")  # (Balouna is known since gaz26: rule 22e keeps it)
    # "former" of the site, in both languages, still says it is no longer one (rule 22e)
    assert not _fac("Tourists visited the former Harrowgate prison on Sunday.")
    assert not _fac("زار الطلاب سجن المزرعة السابق.")


def test_known_sites_stay_named_whatever_the_text_says_of_them() -> None:
    assert "fac:sy-tadmur-prison" in _fac("Tadmor prison, demolished in 2015, was turned into a memorial site.")
    assert "fac:iq-abu-ghraib-prison" in _fac("Abu Ghraib prison, closed in 2014, now stands empty.")
    assert "fac:sy-rukban-camp" in _fac("أُغلق مخيم الركبان عام 2025 بعد رحيل آخر العائلات.")
    assert "fac:sy-sednaya-prison" in _fac("يطالب ناشطون بتحويل سجن صيدنايا إلى متحف.")


def test_centuries_old_prisons_in_arabic_with_a_dual_year() -> None:
    assert not _fac("شُيّد سجن القلعة بين عامي 1370 و1383 حصناً للمدينة.")


def test_northern_irelands_maze_is_no_spelling_of_mezzeh() -> None:
    assert "fac:sy-mezzeh-airport-prison" not in _fac("Republican prisoners in the Maze Prison began a hunger strike.")
    assert "fac:sy-mezzeh-airport-prison" in _fac("Detainees held at Mezzeh prison were freed on Sunday.")
