"""Round 25, rule 28g: forms read from the spent round-25 blind splits after their end-of-round scoring — a quantity
word after an indefinite head is no name, Serekaniye alone is the town (Ras al-Ain), and Kirkuk's Tasfirat prison
without its article. Our own sentences."""

from tests.unit.enrich_support import real_ann

SEREKANIYE_TOWN, SEREKANIYE_CAMP = "geonames:165509", "fac:sy-serekaniye-camp"
TASFIRAT = "fac:iq-tasfirat-prison"


def _fac(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def test_a_quantity_after_an_indefinite_head_is_no_name() -> None:
    assert _fac("ظلّ معتقل عدة أيام في زنزانة انفرادية قبل أن يُعرض على القاضي.") == set()
    assert _fac("بقي معتقل بضعة أسابيع دون محاكمة.") == set()
    assert _fac("نُقل المعتقلون إلى معتقل عوفر غرب رام الله.") == {"fac:il-ofer-prison"}


def test_serekaniye_alone_is_the_town() -> None:
    text = "وتتحكم الفصائل بضخ الماء من المحطة في سري كانيه، ما يترك سكان محافظة الحسكة عطشى."
    assert _fac(text) == set()
    assert SEREKANIYE_TOWN in {p.id for p in real_ann(text).places}
    assert _fac("Football clubs from Serekaniye and Qamishli played on Friday.") == set()
    assert _fac("وزّعت منظمة محلية سلالاً غذائية على قاطني مخيم سري كانيه غرب الحسكة.") == {SEREKANIYE_CAMP}
    assert _fac("Aid reached the Serekaniye camp on the edge of Hasakah.") == {SEREKANIYE_CAMP}


def test_tasfirat_without_its_article() -> None:
    assert _fac("قضت سجينات أشهراً في سجن تسفيرات كركوك وسط اكتظاظ شديد.") == {TASFIRAT}
    assert TASFIRAT in _fac("A riot broke out in Kirkuk's Tasfirat prison.")
    assert _fac("بدأت تسفيرات جديدة للاجئين من الدول المجاورة.") == set()
