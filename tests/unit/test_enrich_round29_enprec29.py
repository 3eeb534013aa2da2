"""Rule 29l (helper enprec29, round 29): English texts that look as if they name a prison or camp but do not — a
person whose family name is Camp, Camp Victory by its other spelling, a camp's district named by its airport, a
monastery named after a prison's town — and the real facilities in the same texts, which stay found (passages of
our own wording in tests/data/realworld-enprec29.jsonl)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _facs(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def test_a_person_named_camp_after_a_title_is_no_camp() -> None:
    for text in ("As the shutdown brought Washington to a standstill, Ways and Means Committee Chairman Dave Camp kept "
                 "his focus on overhauling the tax code.",
                 "GOP Rep. Dave Camp, who has chaired the House Ways and Means Committee since 2011, said he would "
                 "walk down every street to get tax reform done.",
                 "Chairman Camp told only the Republicans on the Ways and Means Committee about the draft.",
                 "It fell to Rep. Dave Camp (R-Mich.) to persuade impatient freshmen that tax reform was complicated."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_camps_named_with_capitalised_words_stay_camps() -> None:
    assert _facs("Ibrahim, 23, lives in Dahaisha Refugee Camp and worked in a restaurant in Bethlehem.") \
        == ["fac:ps-dheisheh-camp"]
    assert _facs("Refugees in Marka camp protested against the cuts.") == ["fac:jo-marka-camp"]
    assert _facs("Saddam Hussein spent his last moments at Camp Cropper before his execution.") \
        == ["fac:iq-camp-cropper"]


def test_camp_victory_by_its_other_spelling_is_a_base() -> None:
    text = "The latest rocket fire on the Victoria Camp may have been a reply to the alleged sabotage near Qom."
    assert _facs(text) == [] and not real_ann(text).alert
    assert _facs("Insurgents fired mortars at Camp Victory, the sprawling base near Baghdad airport.") == []


def test_the_airport_of_a_camp_s_district_is_no_camp() -> None:
    for text in ("Marka airport was the home hub of Royal Jordanian until Queen Alia International Airport opened in "
                 "1983; it now hosts regional flights and a gliding club.",
                 "Marka airport in Amman hosts the air academy."):
        assert _facs(text) == [], text


def test_a_prison_at_an_airbase_stays_the_prison() -> None:
    assert _facs("A prison at Mezzeh military airport held hundreds.") == ["fac:sy-mezzeh-airport-prison"]


def test_a_convent_named_after_the_town_is_no_prison() -> None:
    text = ("Out of sight of the prison, the Greek Orthodox Convent of Our Lady of Saydnaya stands in full view on the "
            "hillside, the second holiest pilgrimage site for Orthodox Christians after Jerusalem.")
    assert _facs(text) == [] and not real_ann(text).alert
    assert _facs("Former detainees of Saydnaya prison visited the convent.") == ["fac:sy-sednaya-prison"]


def test_bases_sentences_titles_and_towns_read_already() -> None:
    for text in ("Camp Lejeune, the Marine Corps base outside Jacksonville, North Carolina, covers 246 square miles.",
                 "CAMP ARIFJAN, Kuwait — Logistics officers at this camp outside Kuwait City are getting ready.",
                 "Many describe Camp Arifjan as a \"medium-security jail\".",
                 "About 1,700 Iraqi air force cadets were killed on June 12, 2014 at Camp Speicher, a former US base.",
                 "The troops handed over camps Bastion and Leatherneck, two huge neighbouring bases in Helmand.",
                 "Australian trainers drill Iraqi army special forces at the Taji training camp north of Baghdad.",
                 "Growers in the Abu Ghraib district on Baghdad's western edge are moving to modern harvesters.",
                 "Lokman Slim and Monika Borgmann premiered their film \u201cTadmor\u201d at Visions du R\u00e9el.",
                 "Gaza has been called the world's largest open-air prison.",
                 "Ofer military base, on the outskirts of Ramallah, has housed Israel's military courts since 1968.",
                 "Iran's national football team will hold a pre-World Cup training camp in Antalya, Turkey."):
        a = real_ann(text)
        assert a.facilities == [] and not a.alert, text


def test_real_facilities_in_the_same_texts_stay_found() -> None:
    assert _facs("The first rocket hit near the Karkh prison complex and the second near an academy.") \
        == ["fac:iq-camp-cropper"]
    assert _facs("Lebanese men relive their ordeals as detainees in Syria's notorious Tadmor prison.") \
        == ["fac:sy-tadmur-prison"]
    assert _facs("They break their silence about the years they spent in Tadmor (Palmyra), one of the Assad regime's "
                 "most dreadful prisons.") == ["fac:sy-tadmur-prison"]


def test_a_bare_prison_name_placed_then_called_a_prison_is_the_prison() -> None:
    text = ("Saydnaya, in the Qalamoun mountains 26 km north of Damascus, is one of the Assad regime's most notorious "
            "prisons, long used to silence political opponents.")
    assert _facs(text) == ["fac:sy-sednaya-prison"]
    assert _facs("Saydnaya, in the mountains north of Damascus, is one of the oldest Christian towns.") == []


def test_taji_s_and_victory_s_base_names_hold_no_place() -> None:
    for text in ("Australian trainers drill Iraqi special forces at the Taji training camp north of Baghdad.",
                 "American instructors trained Iraqi soldiers at the Taji base complex north of Baghdad.",
                 "Late on April 22, three rockets were launched at the US military's Victoria Base at Baghdad "
                 "International Airport."):
        a = real_ann(text)
        assert a.facilities == [] and [p.id for p in a.places] == ["geonames:98182"], text
    assert _facs("Detainees at Taji prison went on hunger strike.") == ["fac:iq-taji-prison"]
