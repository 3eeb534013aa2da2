"""Round 20, lead (rule 26z): forms read from the surveys' open lists and the spent splits — our own sentences."""

from tests.unit.enrich_support import real_ann


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


TABQA = "geonames:172374"


def test_tabqa_is_the_class_or_floor_before_a_feminine_adjective() -> None:
    assert TABQA not in _places("قال الاقتصادي إن الطبقة الوسطى في دمشق تآكلت خلال عقد من الحرب.")
    assert TABQA not in _places("حمّل الناشطون الطبقة السياسية مسؤولية الانهيار.")
    assert TABQA not in _places("اندلع الحريق في الطبقة الثالثة من المستشفى.")
    assert TABQA not in _places("تدفع الطبقة العاملة ثمن رفع الأسعار.")
    # the town: a direction, a relative clause, an adjective of the airport before it
    assert TABQA in _places("دخلت القوات الحكومية الطبقة الشرقية بعد اشتباكات.")
    assert TABQA in _places("وصلت التعزيزات إلى الطبقة الواقعة غرب الرقة.")
    assert TABQA in _places("استهدفت مسيّرة مطار الطبقة العسكري صباح اليوم.")
    assert TABQA in _places("نزحت العائلات من الطبقة إلى ريف حلب.")


def test_mheen_is_the_adjective_humiliating_unless_a_place_is_meant() -> None:
    mheen = "geonames:167488"
    assert mheen not in _places("اشتكى الأسرى من تفتيش مهين قبل الزيارة.")
    assert mheen not in _places("وصف المحامي المعاملة بأنها أسلوب مهين للكرامة.")
    assert mheen in _places("قُتل جنديان في مهين بريف حمص الشرقي.")
    assert mheen in _places("تقدمت القوات نحو بلدة مهين.")
    assert mheen in _places("انسحب التنظيم من القريتين ومهين.")
