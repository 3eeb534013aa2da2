"""Rule 33r (helper ar33fac, round 33): Iraq's transit prisons of other cities read as Kirkuk's.

`تسفيرات` ("deportations") is the name of a transit prison in many Iraqi cities; the gazetteer lists Kirkuk's. Outlets
write another city's one with the indefinite name and the city right after it (`سجن تسفيرات تكريت`, `سجن "تسفيرات"
تكريت`, `سجن تسفيرات النجف`): that is the far city's prison, open world, not Kirkuk's. Once the text has put the name
in a far town, its other mentions with no town of their own are that prison too (`... عدد الفارين من سجن التسفيرات`),
unless the text also names a place near Kirkuk or puts the name in two far towns. A town written with its unit's word
(`في قضاء تلكيف`) is the town rule 27c reads. Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann

_KIRKUK = "fac:iq-tasfirat-prison"


def _facs(text: str) -> list[str]:
    return [f.id for f in real_ann(text).facilities]


def test_indefinite_name_then_far_city_is_that_citys_prison() -> None:
    ids = _facs("فجّر مسلحون سيارة مفخخة عند بوابة سجن تسفيرات تكريت ليلاً واقتحموا المبنى.")
    assert ids and all(i.startswith("open:prison:") for i in ids)
    assert _KIRKUK not in _facs("نزلاء سجن تسفيرات النجف يديرون تجارة المخدرات من داخله.")
    assert _KIRKUK not in _facs("فرّ ثلاثة موقوفين من سجن تسفيرات البصرة أثناء الزيارة.")


def test_quoted_indefinite_name_then_far_city() -> None:
    ids = _facs('انتهى اقتحام سجن "تسفيرات" تكريت بسقوط عشرات القتلى والجرحى.')
    assert ids and all(i.startswith("open:prison:") for i in ids)


def test_later_mentions_follow_the_far_site() -> None:
    ids = _facs("هاجم مسلحون سجن تسفيرات تكريت ليلاً. وقالت المصادر إن عدد الفارين من سجن التسفيرات بلغ مئة.")
    assert len(set(ids)) == 1 and ids[0].startswith("open:prison:")
    ids = _facs("استعادت القوات السيطرة على سجن التسفيرات. وكان مسلحون قد اقتحموا سجن التسفيرات في تكريت، "
                "وطوقت القوات محيط سجن ( التسفيرات ).")
    assert len(set(ids)) == 1 and ids[0].startswith("open:prison:")


def test_two_readings_of_one_far_town_are_one_prison() -> None:
    ids = _facs("انفجرت سيارة ملغومة قرب بوابة سجن تسفيرات بمدينة تكريت. ويُعد سجن تسفيرات تكريت من أكثر السجون "
                "اضطراباً.")
    assert len(set(ids)) == 1 and ids[0].startswith("open:prison:")


def test_town_with_its_unit_word() -> None:
    ids = _facs('حذّر نائب من إبقاء سجن "التسفيرات" في قضاء تلكيف وسط الأحياء، وقال إن سجن "التسفيرات" يضم '
                "قادة من داعش.")
    assert ids and _KIRKUK not in ids and len(set(ids)) == 1


def test_kirkuks_own_prison_stays_beside_a_far_one() -> None:
    assert _KIRKUK not in _facs("حاول موقوفون الفرار من سجن تسفيرات الموصل ليلاً.")
    assert _facs("وجد فريق حقوقي أن سجن تسفيرات كركوك يضم ضعف طاقته.") == [_KIRKUK]
    assert set(_facs("هرب أربعة موقوفين من سجن التسفيرات في كركوك، وتتواصل ملاحقة الفارين من سجن التسفيرات.")) \
        == {_KIRKUK}


def test_both_towns_named_keep_both_prisons() -> None:
    ids = _facs("نُقل خمسون موقوفاً من سجن تسفيرات تكريت إلى سجن التسفيرات في كركوك، ثم أُعيد بعضهم إلى سجن "
                "التسفيرات.")
    assert _KIRKUK in ids and any(i.startswith("open:prison:") for i in ids)
    assert _facs("نزلاء سجن تسفيرات سامراء بلا محامين.") != [_KIRKUK]


def test_rusafa_and_bare_transit_words_unchanged() -> None:
    assert _KIRKUK not in _facs('قُتل حراس في هجوم على سجن "تسفيرات" البصرة.')
    assert set(_facs("أعلنت دائرة الإصلاح خطة لإخلاء سجن تسفيرات الرصافة ونقل نزلائه إلى سجن أبو غريب.")) \
        == {"fac:iq-rusafa-prison", "fac:iq-abu-ghraib-prison"}
    assert _facs("باشرت الإقامة في كركوك تسفير عشرات العمال الأجانب إلى بلدانهم.") == []
