"""Round 20, bare20 survey: known facilities named bare in headlines, captions and tickers (README rule 26e)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> set[str]:
    return {f.id for f in real_ann(text).facilities}


def _places(text: str) -> set[str]:
    return {p.id for p in real_ann(text).places}


# --- a comma before a possessive is an apposition, no dateline


def test_possessive_apposition_at_text_start_is_the_camp() -> None:
    assert _facs("Baqa'a, Jordan's largest refugee camp, marks 57 years since the tents went up") == {
        "fac:jo-baqaa-camp"
    }
    assert _facs("Baqaa, Jordan's biggest camp, mourns three of its young men") == {"fac:jo-baqaa-camp"}


def test_wire_dateline_stays_the_town() -> None:
    assert _facs("BAQAA, Jordan (AP) — Refugees in the camp protested over cuts.") == set()


# --- a prison described as a slaughterhouse, a hell, a grave


def test_described_as_a_slaughterhouse_is_the_prison() -> None:
    assert _facs("Freed prisoners described Ofer as a slaughterhouse where food was withheld.") == {
        "fac:il-ofer-prison"
    }
    assert _facs('Released detainees say Ofer was "a hell, not a prison"') == {"fac:il-ofer-prison"}
    assert _facs("معتقلون سابقون يصفون عوفر بالمسلخ ويروون ما عاشوه") == {"fac:il-ofer-prison"}


def test_a_city_described_so_stays_the_city() -> None:
    assert _facs("Residents described Raqqa as a hell under IS rule.") == set()
    assert _facs("وصف سكان الرقة مدينتهم بالجحيم خلال الحصار") == set()
    assert _facs("Ofer Cassif described the bill as a disgrace.") == set()


# --- freed captives leave a name no town bears


def test_freed_captives_leave_the_prison() -> None:
    assert _facs("عاجل | حافلات الأسرى المحررين تغادر عوفر باتجاه رام الله") == {"fac:il-ofer-prison"}


def test_leaving_a_town_is_no_prison() -> None:
    assert _facs("غادر الأسرى المحررون رام الله بعد الاستقبال") == set()


# --- a headline typed in lower case that keeps an acronym or adjective in capitals


def test_lower_typed_headline_reads_a_bare_core() -> None:
    assert _facs("roj: 12 French children flown home in latest repatriation") == {"fac:sy-roj-camp"}


def test_lower_typed_headline_negatives() -> None:
    assert _facs("roj news reported shelling near Qamishli on Monday") == set()
    assert _facs("the panorama from Mount Qasioun over Damascus is stunning") == set()
