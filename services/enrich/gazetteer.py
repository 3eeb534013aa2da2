"""Gazetteer: curated data files + GeoNames cities, validated once and compiled into a token trie."""

from __future__ import annotations

import gc
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from services.enrich import geonames
from services.enrich.matcher import Trie, key_tokens
from services.enrich.normalize import fold_text, is_arabic_token

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
RULES_FILE = Path(__file__).parent / "engine_rules.yaml"


class _Rec(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Names(_Rec):
    en: list[str] = []
    ar: list[str] = []

    def all(self) -> list[tuple[str, str]]:
        return [("en", a) for a in self.en] + [("ar", a) for a in self.ar]


class FacilityRec(_Rec):
    id: str
    kind: Literal["prison", "camp"]
    type: str | None = None
    canonical: str
    core: Names = Names()
    aliases: Names = Names()
    former_names: Names = Names()
    # fixed nicknames outlets give the facility (README rule 25a): `المسلخ البشري`, "the Human Slaughterhouse"
    # (Saydnaya), "Evin University": alone, they name it as an alias does, unless an indefinite article makes them a
    # kind of place ("a human slaughterhouse" said of a ward); a naming verb before them makes no epithet of them
    nicknames: Names = Names()
    # the languages in which the name alone means the facility (a camp with no town of its name: Ain al-Hilweh)
    bare: list[Literal["en", "ar"]] = []
    # the cores by which news means the facility far more often than the small town of the same name (al-Hol): alone
    # such a core is the facility unless the text makes it the town (a town word by it or earlier in its sentence, a
    # road, a distance, people from it, a dateline; rule 27h)
    prevails: list[str] = []
    # the place GeoNames lists under the name is the camp's own district (Yarmouk): the bare name is read by
    # the words around it, as a name that is no city's, not only where the word camp is written
    district: bool = False
    # a cluster of camps around the town of the same name (Atmeh): the bare name is the town; the camps are named
    # with their head ("Atmeh camps", `مخيمات أطمة`)
    cluster: bool = False
    # the core is a town's or a city's name that outlets print far more often than the site's (Rafah, Khan Younis,
    # Makhmour, Ashkelon: rule 27d): alone it is the town, whatever camp or prison words are near; the
    # facility is named with its head, or coordinated with one ("Makhmour and Rafah camps")
    town_name: bool = False
    # names a camp is known by that are another place's name (Jerash camp is `مخيم غزة`, "the Gaza camp", after
    # its refugees' origin): with its head such a name is this facility where its sentence names a place of the
    # facility's own country (`مخيم غزة في جرش`); elsewhere the head and name stay an open-world facility (rule 28j)
    place_named: Names = Names()
    # cores that are also a common word or a person's name (العقاب "punishment", الراعي a surname, "Bucca"): alone,
    # with no head word, such a core is the facility only on strong evidence (named before, quoted, listed with a
    # facility, a detention frame right before it), never on words about prisons nearby
    word: list[str] = []
    # a facility beyond the region that the labels keep open-world (rule 24m: Evin, Zamzam): its names are read as
    # the gazetteer's, and it is reported as an unknown one (`open:<kind>:<slug>`, id null in the labels)
    open_world: bool = False
    country: str | None = None
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class ActorRec(_Rec):
    id: str
    canonical: str
    type: str | None = None
    country: str | None = None
    aliases: Names = Names()
    context_refs: Names = Names()


class PlaceRec(_Rec):
    id: str
    kind: str = "city"
    canonical: str
    aliases: Names = Names()
    country: str | None = None
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class EventTypeRec(_Rec):
    id: str
    label: str = ""
    triggers: Names = Names()


class NonFacilities(_Rec):
    phrases: Names = Names()
    head_word_senses: Names = Names()
    camp_senses: Names = Names()  # modifiers of a camp of another sense ("summer camp", `مخيم صيفي`)


def camp_sense_re(senses: Names) -> re.Pattern[str] | None:
    """A camp of another sense, from non_facilities.yaml camp_senses: "summer camp(s)" and `مخيم صيفي` with a
    clitic, the plural and a case ending on the head and any ending on the modifier (`المخيمات الصيفية`)."""
    en = sorted((re.escape(w) for w in senses.en), key=len, reverse=True)
    ar = sorted((re.escape(w) for w in senses.ar), key=len, reverse=True)
    alts = []
    if en:
        alts.append(r"(?i:\b(?:" + "|".join(en) + r")\s+camps?\b)")
    if ar:
        alts.append(r"\b[وفبل]?(?:ال)?مخيم(?:ات|ا|اً|ًا)?\s+(?:ال)?(?:" + "|".join(ar) + r")\S*")
    return re.compile("|".join(alts)) if alts else None


class HeadRules(_Rec):
    ar_before: list[str] = []
    ar_known: list[str] = []  # heads that name a known facility only, never an unknown one (معسكر)
    en_known: list[str] = []  # the same after an English name ("the al-Hawl facility")
    en_after: list[str] = []
    en_before: list[str] = []


class ContextStop(_Rec):
    after: list[str] = []
    before: list[str] = []
    only_after: list[str] = []  # if given, the name is a place only right after one of these words
    end_after: list[str] = []  # ... or right after one of these when a sentence or clause ends on it
    # the word after that makes the name a word even after a unit's cue (`قرية حديثة العهد`: "a village recent of
    # foundation", an adjective agreeing with the cue; `مسقط رأسه`: "his birthplace"; rule 26a)
    before_any: list[str] = []


class CoreContext(_Rec):
    window: int = 90
    locative: list[str] = []
    camp: Names = Names()
    prison: Names = Names()
    town: Names = Names()
    city_camp: Names = Names()  # a camp named after a city (Nuseirat, Jabalia): only these words say the camp
    city_prison_not: Names = Names()  # a prison named after a city (Raqqa): these prison words are the city's too
    # bare.context_score: words that weigh for the facility (convoys, batches, sectors), each weight 1, and the
    # score a bare name's surroundings must reach beyond the sentence window
    weak_camp: Names = Names()
    weak_prison: Names = Names()
    threshold: int = 2


class NationRec(_Rec):
    adj: Names = Names()
    extra_ar: list[str] = []
    actors: dict[str, str] = {}
    before: dict[str, Any] | None = None  # {date, actors}: the map before that date
    by_country: dict[str, dict[str, str]] = {}
    no_country: str | None = None  # the by_country map for a text that names no country


class StateActorsRec(_Rec):
    """data/state_actors.yaml (its header states the schema)."""

    institutions: dict[str, Names] = {}
    ministries: list[str] = []
    modifiers: Names = Names()
    nations: dict[str, NationRec] = {}
    acting: dict[str, Any] = {}
    verbs: dict[str, list[str]] = {}
    by_context: dict[str, Any] = {}


class CommonWordRec(_Rec):
    when: list[Literal["cue", "list", "locative"]] = []
    ta_marbuta: bool = False


class CommonWordsRec(_Rec):
    """data/common_words.yaml (its header states the schema)."""

    cues: Names = Names()
    locative: Names = Names()
    words: dict[str, CommonWordRec] = {}
    nouns: dict[str, str] = {}
    adjectives: list[str] = []
    nationality: dict[str, str] = {}
    country_words: dict[str, str] = {}
    country_words_not_after: dict[str, list[str]] = {}
    foreign_namesakes: dict[str, str] = {}
    namesakes_abroad: dict[str, str] = {}
    abroad_words: dict[str, list[str]] = {}
    abroad_countries: dict[str, list[str]] = {}
    person_names: list[str] = []
    group_words: list[str] = []
    agencies: list[str] = []
    open_world: dict[str, list[str]] = {}


class EngineRules(_Rec):
    heads: dict[str, HeadRules]
    en_name_stop: list[str] = []
    ar_name_stop: list[str] = []
    geonames_stop: Names = Names()
    # Arabic names of the neighbours' villages (geonames.NEIGHBOUR_VILLAGES) that are words first: never read
    village_stop: list[str] = []
    geonames_context_stop: dict[str, ContextStop] = {}
    core_context: CoreContext = CoreContext()
    geonames_not_after: list[str] = []
    given_names: list[str] = []  # a GeoNames name with the article after one of these is a family name


@dataclass(slots=True)
class Entry:
    id: str
    layer: str  # place | facility | actor
    canonical: str
    kind: str | None = None  # facility: prison|camp; place: country|admin1|city|…
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    curated: bool = True
    bare: str = ""  # facility: "en", "ar" or "enar", the languages in which its name alone is the facility
    prevails: frozenset[str] = frozenset()  # facility: folded cores that alone are it unless the text says town
    type: str = ""  # facility: prison | detention_centre | detention_camp | idp_camp | refugee_camp
    district: bool = False  # facility: its name's GeoNames place is the facility's own district (Yarmouk)
    cluster: bool = False  # facility: camps around the town of its name (Atmeh): the bare name is the town
    town_name: bool = False  # facility: its core is a town's name printed far more often (Rafah): bare, the town
    place_named: frozenset[str] = frozenset()  # facility: key tokens of other names that are a place's (Jerash: غزه)
    words: frozenset[str] = frozenset()  # facility: folded cores that are also a common word or a person's name
    # facility marked open_world (rule 24m): the name it is reported under, `open:<kind>:<slug of it>` ("" otherwise)
    open_name: str = ""


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry]
    trie: Trie
    rules: EngineRules
    event_labels: dict[str, str]
    en_name_stop: frozenset[str]
    ar_name_stop: frozenset[str]
    problems: list[str] = field(default_factory=list)  # validation findings (see validate())
    # folded one-word Arabic name of a neighbour's village that no other entry bears -> the contexts in which it is
    # the village (compile.py; merged into place_rules.words as a common word's `when`: rule 26l)
    village_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # English key of a neighbour's village that no trie key reads (its GeoNames English names) -> its ids (rule 27m)
    village_en: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # folded one-word Arabic name of a neighbour's village that is a word first (no trie key) -> its id: the village
    # only after a village's cue (`بلدة الخضر`, `قرية مركة`; compile.py, rule 28d)
    village_stopped: dict[str, str] = field(default_factory=dict)
    # surface -> its geonames_context_stop rule or None (context.context_stopped); bounded, filled lazily
    stop_rules: dict[str, Any] = field(default_factory=dict)
    # payloads of a place name -> its best entries and confidences (entries.best_entry); bounded
    best: dict[tuple, Any] = field(default_factory=dict)
    # payloads of a place name -> the countries of its entries (places.countries_of); bounded
    name_countries: dict[tuple, Any] = field(default_factory=dict)
    state: Any = None  # actors.StateRules (data/state_actors.yaml), None without that file
    place_rules: Any = None  # places.PlaceRules (data/common_words.yaml), None without that file
    camp_sense: re.Pattern[str] | None = None  # non_facilities.yaml camp_senses (camp_sense_re), None without them
    non_facility_ar: frozenset[str] = frozenset()  # non_facilities.yaml Arabic phrases, folded (`معسكر التاجي`)
    # folded Arabic facility cores of two or more words none of which carries the article (`نور شمس`): the trie reads
    # `نور الشمس` ("sunlight") as the same key; the bare-name reading refuses an article the name never has (rule 26r)
    plain_multi_ar: frozenset[str] = frozenset()
    # payloads of a place name -> what enrichment._enrich's compiled short path needs of its best entry (derived from
    # `best`, a function of the payloads alone; emptied with it: clear_caches); bounded
    place_fast: dict[tuple, Any] = field(default_factory=dict)


def _read_list(path: Path, key: str | None = None) -> list[Any]:
    if not path.exists():
        log.warning("gazetteer file missing: %s", path)
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if key is not None and isinstance(data, dict):
        data = data.get(key, [])
    return list(data or [])


def facility_records(data_dir: Path | None = None) -> list[FacilityRec]:
    """The curated facilities as written in facilities.yaml (the console's map lists them)."""
    return [FacilityRec.model_validate(r) for r in _read_list((data_dir or DATA_DIR) / "facilities.yaml")]


def load_gazetteer(data_dir: Path | None = None, *, with_geonames: bool = True) -> Gazetteer:
    d = data_dir or DATA_DIR
    rules = EngineRules.model_validate(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))
    facilities = [FacilityRec.model_validate(r) for r in _read_list(d / "facilities.yaml")]
    actors = [ActorRec.model_validate(r) for r in _read_list(d / "actors.yaml")]
    places = [PlaceRec.model_validate(r) for r in _read_list(d / "places.yaml")]
    events = [EventTypeRec.model_validate(r) for r in _read_list(d / "event_types.yaml", "types")]
    ev_path = d / "event_types.yaml"
    ev_doc = yaml.safe_load(ev_path.read_text(encoding="utf-8")) if ev_path.exists() else None
    # phrases in which a trigger is no evidence of its type (event_types.yaml, "not_evidence")
    not_evidence = Names.model_validate(ev_doc.get("not_evidence") or {}) if isinstance(ev_doc, dict) else Names()
    nf_path = d / "non_facilities.yaml"
    nonfac = NonFacilities.model_validate(yaml.safe_load(nf_path.read_text(encoding="utf-8")) or {}) \
        if nf_path.exists() else NonFacilities()
    from services.enrich.compile import compile_gazetteer  # local: compile imports this module

    state, state_rec, place_rules = _load_state_and_words(d, actors)
    # the words the state-actor and open-place rules read the text around are trie keys (role "cue")
    cues = (state.cue_words if state is not None else []) + (place_rules.cue_words if place_rules is not None else [])
    gaz = compile_gazetteer(rules, facilities, actors, places, events, with_geonames=with_geonames,
                            non_facilities=nonfac, event_not_evidence=not_evidence, cue_words=cues)
    if state_rec is not None:
        _check_state(gaz, state_rec)
    gaz.state, gaz.place_rules = state, place_rules
    if place_rules is not None:
        for w, when in gaz.village_words.items():
            place_rules.words.setdefault(w, (frozenset(when), False))
    gaz.camp_sense = camp_sense_re(nonfac.camp_senses)
    from services.enrich.normalize import fold

    gaz.non_facility_ar = frozenset(fold(w) for w in nonfac.phrases.ar)
    gaz.plain_multi_ar = frozenset(
        f for f in (fold(c) for r in facilities for c in r.core.ar)
        if len(f.split()) >= 2 and not any(w.startswith("ال") for w in f.split()))
    if place_rules is not None:
        from services.enrich.places import quarter_cores

        place_rules.quarters = quarter_cores(places)
        place_rules.villages_en = {k: tuple(gaz.entries[i] for i in ids if i in gaz.entries)
                                   for k, ids in gaz.village_en.items()}
        towns: dict[str, set[str]] = {}
        for r in places:
            if r.kind in ("town", "village", "city"):
                for a in r.aliases.ar:
                    if " " not in a.strip():
                        towns.setdefault(fold(a), set()).add(r.id)
        place_rules.towns_ar = {k: gaz.entries[next(iter(ids))] for k, ids in towns.items()
                                if len(ids) == 1 and next(iter(ids)) in gaz.entries}
        place_rules.villages_stopped_ar = {k: gaz.entries[i] for k, i in gaz.village_stopped.items()
                                           if i in gaz.entries}
    from services.enrich.enrichment import warm_indexes  # local: the engine's modules import this one

    warm_indexes(gaz)
    # The gazetteer lives as long as the process and holds millions of containers (the trie): a full
    # collection would walk them all, and one lands every so often while caches fill on new text (an
    # article then takes twice as long). Collect the loading garbage, then move every object alive now out
    # of the collector's reach (gc.freeze: they are never collected, so a gazetteer dropped later stays).
    gc.collect()
    gc.freeze()
    return gaz


def _load_doc(path: Path) -> dict | None:
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _load_state_and_words(d: Path, actors: list[ActorRec]) -> tuple[Any, StateActorsRec | None, Any]:
    """State-actor phrases (compiled, and as validated) and common-word places (optional files: a test
    gazetteer may lack them)."""
    from services.enrich.actors import compile_state  # local: those modules import the engine's helpers
    from services.enrich.places import compile_places

    state = rec = place_rules = None
    doc = _load_doc(d / "state_actors.yaml")
    if doc is not None:
        rec = StateActorsRec.model_validate(doc)
        # one-word Arabic names of armed groups are the ones written disguised (د1عش); 3-5 letters
        obf = [(a.id, w) for a in actors if a.type == "armed_group" for w in a.aliases.ar
               if " " not in w.strip() and 3 <= len(fold_text(w)) <= 5]
        state = compile_state(rec.model_dump(), obf)
    doc = _load_doc(d / "common_words.yaml")
    if doc is not None:
        place_rules = compile_places(CommonWordsRec.model_validate(doc).model_dump())
    return state, rec, place_rules


def _check_state(gaz: Gazetteer, rec: StateActorsRec) -> None:
    """Every actor and place the state-actor maps name exists; every class they map is an institution."""
    classes = set(rec.institutions) | {"default"}
    maps = [n.actors for n in rec.nations.values()]
    for n in rec.nations.values():
        maps += list(n.by_country.values()) + ([n.before["actors"]] if n.before else [])
    for m in maps:
        for cls, aid in m.items():
            if cls not in classes:
                gaz.problems.append(f"state_actors: unknown institution class {cls!r}")
            if aid not in gaz.entries:
                gaz.problems.append(f"state_actors: unknown actor {aid}")
    for pid, dest in (rec.acting.get("capitals") or {}).items():
        if pid not in gaz.entries:
            gaz.problems.append(f"state_actors: unknown place {pid}")
        if str(dest).startswith("actor:") and dest not in gaz.entries:
            gaz.problems.append(f"state_actors: unknown actor {dest}")
    regions = set(rec.by_context.get("regions") or {})
    for ph in rec.by_context.get("phrases") or []:
        if ph.get("actor") not in gaz.entries:
            gaz.problems.append(f"state_actors: by_context names unknown actor {ph.get('actor')}")
        for c in ph.get("when") or []:
            for aid in [*c.get("with_actors", []), *c.get("without_actors", [])]:
                if aid not in gaz.entries:
                    gaz.problems.append(f"state_actors: by_context condition names unknown actor {aid}")
            for r in [*c.get("inside", []), *c.get("outside", [])]:
                if r not in regions:
                    gaz.problems.append(f"state_actors: by_context condition names unknown region {r}")
    for name in set(rec.ministries) - set(rec.institutions):
        gaz.problems.append(f"state_actors: ministry class {name!r} has no institution words")


def keys_of(alias: str) -> list[str]:
    return key_tokens(alias)


def is_arabic(alias: str) -> bool:
    f = fold_text(alias).strip()
    return is_arabic_token(f)


__all__ = ["Entry", "Gazetteer", "geonames", "load_gazetteer"]
