"""Feed parsing, the decision to fetch a page, the poll delay; near-duplicate signatures; language; limits."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.ingest import feeds, language, similarity
from services.ingest.limits import RateLimiter
from services.ingest.upload import lines

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "feeds"
BASE = "http://feeds.example"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", BASE).encode()


def test_rss2_entries_carry_link_title_date_language_and_full_content() -> None:
    parsed = feeds.parse(fixture("rss2.xml"), f"{BASE}/rss2.xml", "application/rss+xml")
    assert parsed.problem is None
    roj, bread = parsed.entries
    assert roj.link == f"{BASE}/stories/roj-water" and roj.title == "Water trucks delayed at Roj camp"
    assert roj.published_at == datetime(2025, 11, 3, 8, 0, tzinfo=UTC) and roj.lang == "en"
    assert roj.content_html is not None and "Roj camp" in roj.content_html and not feeds.needs_page(roj)
    assert bread.content_html is None and bread.summary_html and feeds.needs_page(bread)


def test_rss1_summary_only_entry_needs_its_page() -> None:
    (entry,) = feeds.parse(fixture("rss1.rdf"), f"{BASE}/rss1.rdf").entries
    assert entry.link == f"{BASE}/pages/sednaya-visits" and entry.title == "Family visits suspended"
    assert entry.published_at == datetime(2025, 11, 4, 10, 0, tzinfo=UTC)
    assert entry.content_html is None and feeds.needs_page(entry)


def test_atom_entries_take_the_feed_language_and_content() -> None:
    hol, stadium = feeds.parse(fixture("atom.xml"), f"{BASE}/atom.xml").entries
    assert hol.lang == "ar" and hol.link == f"{BASE}/ar/hol-transfer"
    assert hol.content_html is not None and "مخيم الهول" in hol.content_html
    assert stadium.content_html is None and stadium.summary_html


def test_a_page_that_is_not_a_feed_is_a_problem_not_a_crash() -> None:
    parsed = feeds.parse(b"<html><body>hello</body></html>", f"{BASE}/x")
    assert parsed.entries == []
    garbage = feeds.parse(b"\x00\xff not xml at all <<<", f"{BASE}/y")
    assert garbage.entries == [] and garbage.problem


def test_poll_delay_backs_off_per_error_with_jitter_and_a_cap() -> None:
    rng = random.Random(1)
    assert 270 <= feeds.next_delay_s(300, 0, rng) <= 330
    assert 1080 <= feeds.next_delay_s(300, 2, rng) <= 1320
    assert feeds.next_delay_s(300, 50, rng) <= feeds.MAX_BACKOFF_S * 1.1
    assert len({round(feeds.next_delay_s(300, 0, rng), 3) for _ in range(20)}) > 10  # jittered


STORY = ("Residents of the eastern district waited a third day for water trucks on Monday, according to two aid "
         "workers who asked not to be named, while queues at the single working tap grew longer each morning."
         " The council promised a written answer within a week, and a spokesman added that two more tankers had"
         " been hired from a neighbouring town to cover the gap until the pumps are repaired.")


def test_a_lightly_edited_copy_is_similar_and_another_story_is_not() -> None:
    a = similarity.signature(STORY)
    edited = similarity.signature(STORY.replace("named", "identified").replace("each", "every") + " (Wire)")
    other = similarity.signature(
        "The football club signed two young players from the academy on Sunday, its coach told reporters after a "
        "long training session in the rain. Both had played for the youth side for three seasons, and the club "
        "said a third contract was close, pending a medical check and the approval of the player's family.")
    assert a is not None and edited is not None and other is not None
    assert similarity.similarity(a, edited) >= similarity.THRESHOLD
    assert similarity.similarity(a, other) < 0.2
    assert set(similarity.bands(a)) & set(similarity.bands(edited))  # found as a candidate
    assert similarity.signature("A short bulletin: fire at the camp, two hurt.") is None  # exact match only
    assert (similarity.from_bytes(similarity.to_bytes(a)) == a).all()


def test_language_is_arabic_english_or_another_code() -> None:
    assert language.detect("شددت قوى الأمن الحراسة على المداخل") == "ar"
    assert language.detect(STORY) == "en"
    assert language.detect("Le conseil municipal s'est réuni hier soir pour discuter de la pénurie d'eau.") == "fr"
    assert language.detect("12345 !!!") == "und"
    assert language.supported("ar-SY") and not language.supported("fr")


def test_rate_limiter_admits_a_burst_then_says_how_long_to_wait() -> None:
    limiter = RateLimiter(rate=2.0, burst=3)
    assert [limiter.wait_s("k", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.wait_s("k", now=0.0) == pytest.approx(0.5)
    assert limiter.wait_s("other", now=0.0) == 0.0  # per key
    assert limiter.wait_s("k", now=0.5) == 0.0


async def test_ndjson_lines_are_numbered_and_an_overlong_line_is_reported() -> None:
    async def chunks(*parts: bytes):
        for p in parts:
            yield p

    got = [x async for x in lines(chunks(b'{"a":1}\n\n{"b"', b':2}\n' + b"x" * 50 + b"\n", b'{"c":3}'), 20)]
    assert got == [(1, b'{"a":1}'), (3, b'{"b":2}'), (4, None), (5, b'{"c":3}')]
