# ruff: noqa: E501  (each case is one real sentence form, kept on one line to read it whole)
"""Rule 29p (helper dates29): which explicit date is the main event's (enrich() output, real forms)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


CASES = [
    # background: since / before / pluperfect / deadline
    ("en", "2024-06-06", "Most Gazans detained since October 7 passed first through Sde Teiman.", None),
    ("ar", "2025-04-10", "منذ سقوط النظام في الثامن من كانون الأول، تجاوز عدد المقابر الجماعية المكتشفة عشرين مقبرة.", None),
    ("ar", "2026-01-20", "انتشرت وحدات الداخلية منذ صباح الأربعاء 21 من كانون الثاني في محيط مخيم الهول.", "2026-01-21"),
    ("ar", "2026-02-16", "أتمت المحكمة الاستجواب. وكانت الدفعة الأولى قد وصلت إلى العراق في 26 كانون الثاني 2026.", None),
    ("ar", "2022-01-30", "وكان هجوم 20 كانون الثاني على السجن قد أسفر عن مقتل أكثر من 120 من الحراس.", None),
    ("en", "2024-07-31", "Camp closures: Yazidis in Duhok told to leave by July 30", None),
    ("en", "2023-04-25", "The army said al-Bashir had been moved to a military hospital before the fighting began on 15 April.", None),
    ("en", "2025-01-06", "Between January 2 and January 3, the SDF captured a leader of an ISIS cell near Deir ez-Zor.", None),
    ("en", "2020-12-01", "Roj camp was surveyed household by household on 27-28 October 2020.", "2020-10-27"),
    # names
    ("ar", "2026-01-23", "تسلمت وزارة الداخلية سجن الأقطان تنفيذاً لاتفاق 18 كانون الثاني.", None),
    ("ar", "2025-11-03", "سلّمت «قسد» دفعة من المعتقلين إلى الحكومة السورية في إطار اتفاق العاشر من آذار.", None),
    ("en", "2025-03-19", "Syria's government and the SDF agreed to form committees to implement the March 10 deal.", None),
    ("en", "2018-05-04", "Lebanon's factions gathered in two camps: the March 14 coalition and the March 8 alliance.", None),
    # datelines
    ("en", "2026-01-22", "BAGHDAD, Jan. 21 (Xinhua) -- Iraq said on Wednesday it had received 150 IS detainees from Syria.",
     "2026-01-21"),
    ("en", "2024-01-03", "BAGHDAD, January 3 - The national team left Baghdad on Tuesday for a training camp.", None),
    ("en", "2026-01-23", "BEIRUT, Jan 23 - The U.S. military is moving Islamic State detainees out of Syria.", "2026-01-23"),
    # captions and posts
    ("en", "2023-06-14", "FILE - A boy carries water past tents at the al-Hol camp in Syria, May 1, 2021. (AP Photo, File)", None),
    ("en", "2014-08-29", "Children play at Al-Zaatri refugee camp in Mafraq, Jordan, February 6, 2014. REUTERS/Muhammad Hamed",
     None),
    ("en", "2026-01-22", "Security forces stand at the gate of al-Hol camp in Hasakah, Syria, January 21, 2026. REUTERS",
     "2026-01-21"),
    ("ar", "2020-03-30", "شهد سجن غويران استعصاءً.\n— Mustafa Bali (@mustefabali) March 29, 2020\nوتدخلت القوات.", None),
    # part of a month, upcoming days, "الماضي"
    ("ar", "2025-09-16", "شملت زيارات المحامين في النصف الأول من أيلول سجون مجدو والنقب وعوفر.", None),
    ("en", "2025-05-12", "UNHCR said the camp at Mrajeeb al-Fhood would close on July 1.", None),
    ("ar", "2016-07-27", "تكون زيارة سجن النقب للمجموعة الأولى في العاشر من آب.", None),
    ("ar", "2023-09-10", "أعلن المرصد أن السجناء نفذوا عصياناً في 30 تموز الماضي داخل سجن غويران.", "2023-07-30"),
    ("en", "2026-01-30", "The minister said the deal applies what was agreed on March 10 last year.", "2025-03-10"),
    # unchanged: the first explicit date of the main event
    ("ar", "2025-08-28", "خرجت اليوم الخميس 28 آب 2025 نحو 232 عائلة عراقية من مخيم الهول.", "2025-08-28"),
    ("en", "2023-07-05", "A second detainee died on 2 July, days after his transfer to a prison hospital.", "2023-07-02"),
]


@pytest.mark.parametrize(("lang", "pub", "text", "want"), CASES)
def test_event_date(gaz, lang: str, pub: str, text: str, want: str | None) -> None:
    ann = enrich(text, gaz, lang=lang, published_at=datetime.fromisoformat(pub))
    assert ann.event_date == (date.fromisoformat(want) if want else None)
