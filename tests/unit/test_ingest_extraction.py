"""Issue 8, item 10: HTML pages become their text — pages without `</head>`, tables, boilerplate — off the loop."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from services.ingest import extraction
from services.ingest.extraction import Extractor, html_to_text

STORY = ("<h1>Families moved between camps</h1>"
         "<p>Dozens of families were moved on Tuesday from al-Hol camp in Hasakah province to another site, "
         "officials said, in a transfer that had been planned for several weeks by the camp administration.</p>"
         "<p>The guards said the move went without incident and that more transfers are expected before the "
         "end of the month, according to a statement read out to reporters at the gate.</p>")
BOILERPLATE = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
               "<li><a href='/x'>Sednaya prison</a></li></ul></nav>")
RELATED = ("<aside class='related'><h2>Related stories</h2><ul><li><a href='/a'>Riot at Ghwayran prison</a></li>"
           "<li><a href='/b'>Fire in Roj camp</a></li></ul></aside><footer>© 2025 Example News</footer>")


def page(body: str, head: str = "<head><meta charset='utf-8'><title>Camps</title></head>") -> str:
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>"


def test_a_page_whose_head_is_never_closed_yields_its_text() -> None:
    # valid HTML5: </head> (and </body>, </html>) may be omitted
    html = "<!DOCTYPE html><html><head><meta charset=utf-8><title>Roj</title><p>Guards at Roj camp reported a fire."
    assert html_to_text(html) == "Guards at Roj camp reported a fire."
    assert html_to_text("<head><title>t</title><p>سجن غويران في الحسكة") == "سجن غويران في الحسكة"


@pytest.mark.parametrize("html", [
    "<table><tr><td>al-Hol</td><td>camp</td></tr></table>",
    page("<article><p>Transfers this week:</p><table><tr><td>from</td><td>al-Hol</td><td>camp</td></tr>"
         "</table></article>"),
])
def test_table_cells_are_not_glued(html: str) -> None:
    text = html_to_text(html)
    assert "al-Hol" in text and "al-Holcamp" not in text and "fromal-Hol" not in text


def test_table_cells_of_a_page_stay_apart() -> None:
    text = html_to_text(page("<table><tr><td>Site</td><td>al-Hol camp</td></tr><tr><td>Other</td>"
                             "<td>Roj camp</td></tr></table>"))
    assert "Siteal-Hol" not in text and "OtherRoj" not in text
    assert "al-Hol camp" in text and "Roj camp" in text


def test_navigation_and_related_stories_are_dropped_from_a_page() -> None:
    text = html_to_text(page(BOILERPLATE + f"<article>{STORY}</article>" + RELATED))
    assert "Dozens of families were moved on Tuesday from al-Hol camp" in text
    assert "more transfers are expected" in text
    for other in ("Sednaya", "Ghwayran", "Roj camp", "Related stories", "Home"):
        assert other not in text


def test_fragments_are_read_whole_with_block_and_inline_boundaries_kept() -> None:
    assert html_to_text("<p>مخيم &amp; الهول</p>") == "مخيم & الهول"
    assert html_to_text("<h1>Fire at Roj camp</h1><p>Guards said.</p>") == "Fire at Roj camp Guards said."
    assert html_to_text("<p>Gh<b>way</b>ran prison</p><script>var x</script><style>p{}</style>") == "Ghwayran prison"
    assert html_to_text("plain words, no tags") == "plain words, no tags"


@pytest.mark.parametrize("html", ["", "   ", "<p> </p>", "<!-- only a comment -->", "<script>x()</script>"])
def test_no_text_gives_empty(html: str) -> None:
    assert html_to_text(html) == ""


def test_the_old_page_shape_still_reads() -> None:
    html = page("<p>مخيم &amp; الهول</p><div>second<br>line</div><style>p{}</style>",
                head="<head><title>t</title><script>var x=1</script></head>")
    assert html_to_text(html) == "مخيم & الهول\nsecond\nline"


async def test_extraction_runs_in_worker_threads_at_most_n_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loop_thread, seen, running, peak = threading.get_ident(), set(), [0], [0]
    lock = threading.Lock()

    def slow(html: str) -> str:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        seen.add(threading.get_ident())
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return html

    monkeypatch.setattr(extraction, "html_to_text", slow)
    extractor = Extractor(concurrency=2)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    tick = asyncio.create_task(ticker())
    results = await asyncio.gather(*(extractor.text(f"p{i}") for i in range(6)))
    tick.cancel()
    assert results == [f"p{i}" for i in range(6)]
    assert loop_thread not in seen and peak[0] == 2
    assert ticks >= 10  # the loop kept running while pages were extracted (~0.15 s)
