from datetime import date, datetime

import pytest

from services.enrich.dates import extract_event_date

PUB = datetime(2025, 1, 30, 9, 0)


@pytest.mark.parametrize(("text", "expected"), [
    ("أعلنت القوى الأمنية يوم 26 يناير / كانون الثاني من العام الحالي", date(2025, 1, 26)),
    ("أصدره التنظيم يوم الخامس والعشرين من يناير / كانون الثاني", date(2025, 1, 25)),
    ("ناقش العراق في السابع والعشرين من هذا الشهر", date(2025, 1, 27)),
    ("في ٢٦ كانون الثاني", date(2025, 1, 26)),
    ("في 3 كانون الأول", date(2024, 12, 3)),  # year inferred: December is last year's
    ("في 14 آذار 2019", date(2019, 3, 14)),
    ("في الحادي عشر من شباط الماضي", date(2024, 2, 11)),
    ("Clashes broke out on 26 January near the camp.", date(2025, 1, 26)),
    ("On January 5, 2024, forces arrested two men.", date(2024, 1, 5)),
    ("The raid took place on Dec. 30.", date(2024, 12, 30)),
    ("The attack happened yesterday.", None),  # relative days are not explicit dates
    ("وقع الهجوم أمس", None),
    ("No date here, only 2019 and 5 fighters.", None),
])
def test_event_dates(text: str, expected: date | None) -> None:
    assert extract_event_date(text, PUB) == expected


def test_first_explicit_date_wins_and_no_published_at() -> None:
    text = "يوم 26 يناير ثم الخامس والعشرين من يناير"
    assert extract_event_date(text, PUB) == date(2025, 1, 26)
    assert extract_event_date("في 14 آذار 2019", None) == date(2019, 3, 14)
    assert extract_event_date("في 14 آذار", None) is None
