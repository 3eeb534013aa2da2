"""Rule 31j (helper camps31en, round 31): a district named before "district of" and a camp's bare name that no town
shares (Ain al-Hilweh, Shatila, Nahr al-Bared, ...) is the camp, as "neighbourhood/quarter/sector of" already were
(rule 25e). A district of a town or a city (Gaza City, Sidon, Damascus, Tyre) and a district "in" a name keep no
facility. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


AIN_AL_HILWEH = "fac:lb-ain-al-hilweh-camp"
SHATILA = "fac:lb-shatila-camp"
NAHR_AL_BARED = "fac:lb-nahr-al-bared-camp"


def test_district_of_a_camp() -> None:
    assert _ids("Families left the Hittin district of Ein el-Hilweh as the shooting went on into the night.") \
        == [AIN_AL_HILWEH]
    assert _ids("A rocket hit a house in the Safsaf district of Ain al-Hilweh, medics said.") == [AIN_AL_HILWEH]
    assert _ids("Cables hang low over the alleys in the Horsh district of Shatila.") == [SHATILA]
    assert _ids("Work on the older districts of Nahr al-Bared is still not finished.") == [NAHR_AL_BARED]
    assert real_ann("Gunmen withdrew from the Tireh district of Ain el-Hilweh on Friday.").alert


def test_district_of_a_town_or_city_stays_no_facility() -> None:
    _none("Clashes erupted in the Taamir district of Sidon late on Sunday.")
    _none("Shops reopened in the Rimal district of Gaza City after the strikes.")
    _none("A market in the Midan district of Damascus was crowded before the feast.")
    _none("The clinic lies in the Tyre District of southern Lebanon.")
    _none("Rescuers dug through a collapsed home in Saftawi, a district in Jabalia.")
