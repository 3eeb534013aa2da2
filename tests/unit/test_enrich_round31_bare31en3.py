"""Rule 31i (helper bare31en3, round 31): a city's bare name (Qarchak, Tadmor/Tadmur/Palmyra, Silivri) after a verb
of taking with its person between ("drove her to Qarchak", "took him to Silivri") is the city's prison where the
sentence names the seizure before the verb (arrested, detained, seized, captured, abducted, handcuffed, custody) and
the name ends its clause (a full stop, "for questioning", a speaker's attribution). An errand after the name, a
where-clause, a release before it or no seizure at all keep the town. Own wording."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def _none(text: str) -> None:
    ann = real_ann(text)
    assert not ann.alert and ann.facilities == [], [(f.surface, f.id) for f in ann.facilities]


TADMUR = "fac:sy-tadmur-prison"
SILIVRI = "fac:tr-silivri-prison"
QARCHAK = "open:prison:qarchak"


def test_seized_then_taken_to_a_city_prison() -> None:
    assert _ids("Plainclothes officers arrested the two sisters at a bus stop and took them to Qarchak.") == [QARCHAK]
    assert _ids("Security forces arrested the student at her dorm and dragged her to Qarchak.") == [QARCHAK]
    assert _ids("Military intelligence seized the conscript at a checkpoint and sent him to Tadmor.") == [TADMUR]
    assert _ids("He was captured near the border in 1980, and security men sent him to Palmyra.") == [TADMUR]
    assert _ids("Police detained the mayor at dawn in a raid on his home and took him to Silivri.") == [SILIVRI]
    assert _ids("Officers detained the journalist at the airport and drove him to Silivri.") == [SILIVRI]


def test_clause_end_forms() -> None:
    assert _ids("Gendarmes handcuffed the deputy outside parliament and drove him to Silivri for questioning.") \
        == [SILIVRI]
    assert _ids("Agents abducted the lawyer from her office and took her to Qarchak, her husband told reporters.") \
        == [QARCHAK]
    assert _ids("They seized my brother at a checkpoint and sent him to Tadmor, the old man said.") == [TADMUR]


def test_towns_stay_towns() -> None:
    _none("Our guide took us to Palmyra for the sunset over the colonnade.")
    _none("After his release, his son drove him to Palmyra to see the ruins again.")
    _none("Once the charges were dropped and he was freed, his wife drove him to Silivri to rest by the sea.")
    _none("Her cousin drove her to Qarchak to visit the market on Friday.")
    _none("After the security check at the airport, a taxi took us to Silivri for the summer festival.")
    _none("Police said the lorry driver took them to Silivri, where the family owns a summer house.")
    _none("The police stopped our bus at a checkpoint, and then the driver took us to Tadmor, where we stayed.")
    _none("Arrested fans were freed by noon and a coach took them to Silivri for the match.")
    _none("A minibus took us to Tadmor and the ruins, and we saw the desert fort at sunset.")
