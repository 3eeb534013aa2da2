"""Round 20, openspan20 survey (data/README.md rule 25w): the span and identity of a facility mention."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return real_gazetteer()


def facs(gaz, text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.id, f.surface) for f in enrich(text, gaz, lang=lang).facilities]


def test_open_prison_and_its_other_name_are_one(gaz) -> None:
    assert facs(gaz, "Kobar Prison, formerly known as Cooper prison, dates from 1903.") == [
        ("open:prison:kobar", "Kobar Prison")
    ]
    # (Silivri and its new name are one gazetteer entry since rule 27d: two mentions of one id)
    assert facs(gaz, "The mayor was moved to Silivri prison, now renamed Marmara Prison, west of Istanbul.") == [
        ("fac:tr-silivri-prison", "Silivri prison"), ("fac:tr-silivri-prison", "Marmara Prison")
    ]
    assert facs(gaz, "Adelabad Prison, officially Shiraz Central Prison, holds 7,000 inmates.") == [
        ("open:prison:adelabad", "Adelabad Prison")
    ]
    assert facs(gaz, "Marmara Prison, formerly Silivri prison, holds 22,000 inmates.") == [
        ("fac:tr-silivri-prison", "Marmara Prison"), ("fac:tr-silivri-prison", "Silivri prison")
    ]


def test_two_prisons_stay_two(gaz) -> None:
    # a list, a sequence of moves and a relative clause name two sites
    assert len(facs(gaz, "He was held at Evin prison, then at Rajai Shahr prison.")) == 2
    assert len(facs(gaz, "He was moved from Kobar prison and later to Cooper prison.")) == 2
    assert len(facs(gaz, "Inmates were moved from Evin prison to Qarchak prison, now the main women's jail.")) == 2
    # a section "known as" a name stays a section of its own (rule 24o)
    assert len(facs(gaz, "The section of Evin prison known as Ward 209 prison is feared.")) == 2


def test_pretrial_detention_facility_is_a_head(gaz) -> None:
    got = facs(gaz, "The Houthis hold critics at Sanaa Central Prison and at the Habra pretrial detention facility.")
    assert ("open:prison:habra", "Habra pretrial detention facility") in got and len(got) == 2
    assert facs(gaz, "He spent a year in pretrial detention before his trial.") == []
    assert facs(gaz, "Families waited outside the pretrial detention centre in the capital.") == []


def test_indefinite_ordinal_names_no_site(gaz) -> None:
    got = facs(gaz, "يضم المجمع ثلاثة سجون منفصلة وسجن رابع للجنائيين.", "ar")
    assert not any("رابع" in s for _i, s in got)
    assert facs(gaz, "أُنشئ مخيم ثان قرب البلدة بعد امتلاء الأول.", "ar") == []
    # a known prison's ordinal after its name is still that prison (one of its numbered buildings)
    assert [i for i, _s in facs(gaz, "نُقل المحكومون إلى سجن الرصافة الخامس في بغداد.", "ar")] == [
        "fac:iq-rusafa-prison"
    ]


def test_central_security_camp_is_a_base(gaz) -> None:
    assert facs(gaz, "The Houthis said a strike hit a prison inside the Central Security Camp in Sanaa.") == []
    assert facs(gaz, "Detainees at Sanaa Central Prison went on hunger strike.") == [
        ("open:prison:sanaa", "Sanaa Central Prison")
    ]


def test_known_prison_and_its_other_unknown_name_are_one(gaz) -> None:
    assert facs(gaz, "Inmates at Badush prison, formerly Nineveh Reform Prison, rioted.") == [
        ("fac:iq-badush-prison", "Badush prison")
    ]
    assert len(facs(gaz, "Inmates were moved from Badush prison to Nineveh Reform Prison last year.")) == 2
