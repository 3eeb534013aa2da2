"""Round 32, lead: an agency's name after a head word is no site ("HM Prison Service", "Scottish Prison Service",
"the Prison Authority"), and the nations of the UK stop a name before a head as "British" does. Own wording; the
named prisons and camps beside them stay."""

from __future__ import annotations

import pytest

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.id) for f in real_ann(text).facilities]


@pytest.mark.parametrize("text", [
    "HM Prison Service said the inmate was moved on Tuesday after a fight on the wing.",
    "Scottish Prison Service staff found the man unresponsive in his cell.",
    "The Prison Authority confirmed that visits would resume next month.",
    "A spokesperson for the Prison Officers union said staffing was at a critical level.",
    "Welsh prison numbers rose again, the report found.",
])
def test_an_agency_after_the_head_is_no_site(text: str) -> None:
    assert _facs(text) == []


@pytest.mark.parametrize(("text", "surface"), [
    ("HM Prison Service moved him from Belmarsh prison to a unit in the north.", "Belmarsh prison"),
    ("The Scottish Prison Service said the transfer from Barlinnie prison went ahead.", "Barlinnie prison"),
    ("He spent two years in Camp Bucca before the Prison Service of Iraq took over.", "Camp Bucca"),
])
def test_the_named_site_beside_the_agency_stays(text: str, surface: str) -> None:
    assert [s for s, _ in _facs(text)] == [surface]
