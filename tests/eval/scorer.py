"""Score the enrichment engine on the labelled dev set.

    python -m tests.eval.scorer [--errors] [FILE ...]   (default tests/data/devset.jsonl; several files: their union)

--errors also lists every passage the engine gets wrong (missed and spurious facilities, places, actors, alert):
for reading a spent split's error classes, never a blind one's.

Per language (ar, en, all): precision / recall / F1 for alert, facilities, places and actors
(micro-averaged over per-passage id sets), place accuracy within 161 km (over every gold place: the
predicted place with the same id or surface lies within 161 km), event-type micro P/R/F1 and event-date
accuracy. Open-world
facilities (label id null) match a predicted `open:` facility by normalised surface overlap; so does a label
carrying the id of an entry facilities.yaml marks `open_world` (Evin, Zamzam: rule 24m), which the engine reports
as an unknown facility by convention — the two labels name the same facility.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from services.enrich.enrichment import load_gazetteer
from services.enrich.gazetteer import Gazetteer, facility_records
from services.enrich.headline import enrich_article
from services.enrich.normalize import fold_text
from shared.annotation import Annotation

DEFAULT = Path(__file__).resolve().parents[1] / "data" / "devset.jsonl"
KM = 161.0


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, gold: set[str], pred: set[str]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)


@dataclass
class Scores:
    n: int = 0
    alert: PRF = field(default_factory=PRF)
    facilities: PRF = field(default_factory=PRF)
    places: PRF = field(default_factory=PRF)
    actors: PRF = field(default_factory=PRF)
    event_types: PRF = field(default_factory=PRF)
    geo_ok: int = 0
    geo_n: int = 0
    date_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def place_acc_161km(self) -> float:
        return self.geo_ok / self.geo_n if self.geo_n else 1.0

    @property
    def date_acc(self) -> float:
        return self.date_ok / self.n if self.n else 1.0

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {"n": self.n}
        for k in ("alert", "facilities", "places", "actors", "event_types"):
            m: PRF = getattr(self, k)
            out |= {f"{k}_p": m.p, f"{k}_r": m.r, f"{k}_f1": m.f1}
        out |= {"place_acc_161km": self.place_acc_161km, "event_date_acc": self.date_acc}
        return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _norm(s: str) -> str:
    return " ".join(fold_text(s).replace("-", " ").split())


def _sets(gold: list[dict[str, Any]], pred: list[Any], same: Callable[[str, str], bool]) -> tuple[set[str], set[str]]:
    """Gold and predicted id sets; an open-world gold mention (id null) is matched to an unmatched predicted
    `open:` mention whose surface is the `same` name, once."""
    g = {m["id"] for m in gold if m.get("id")}
    p = {x.id for x in pred if not x.id.startswith("open:")}
    opens = list({x.id: x for x in reversed(pred) if x.id.startswith("open:")}.values())[::-1]
    # (one per id, the first mention: a passage's facilities are a set, an unknown one named twice is one)
    for i, m in enumerate(x for x in gold if not x.get("id")):
        key = f"open#{i}"
        g.add(key)
        for o in opens:
            if same(m["surface"], o.surface):
                p.add(key)
                opens.remove(o)
                break
    p |= {f"{o.id}#unmatched" for o in opens}
    return g, p


def _same_facility(gold: str, pred: str) -> bool:
    gs, ps = _norm(gold), _norm(pred)
    return bool(gs and ps and (gs in ps or ps in gs or set(gs.split()) & set(ps.split()) - _HEADS))


def _same_place(gold: str, pred: str) -> bool:
    """Normalised surfaces sharing a word that is no cue word ("قرية الحمرا" ~ "الحمرا")."""
    return bool((set(_norm(gold).split()) - _CUES) & (set(_norm(pred).split()) - _CUES))


def _facility_sets(gold: list[dict[str, Any]], ann: Annotation) -> tuple[set[str], set[str]]:
    return _sets(gold, ann.facilities, _same_facility)


def _place_sets(gold: list[dict[str, Any]], ann: Annotation) -> tuple[set[str], set[str]]:
    """Places by id; an open-world gold place (id null: a village the gazetteer lacks) by surface."""
    return _sets(gold, ann.places, _same_place)


_CUES = {_norm(w) for w in ("قرية", "حي", "ناحية", "قضاء", "بلدة", "مزرعة", "village", "town", "district", "of", "the",
                            "neighbourhood", "neighborhood", "subdistrict", "quarter", "hamlet")}
_HEADS = {"camp", "prison", "jail", "مخيم", "سجن", "معتقل", "detention", "centre", "center", "refugee"}


def _diff(kind: str, g: set[str], p: set[str]) -> list[str]:
    out = [f"  {kind} missed: {sorted(g - p)}"] if g - p else []
    return out + ([f"  {kind} spurious: {sorted(p - g)}"] if p - g else [])


def _open_world_ids() -> frozenset[str]:
    """Ids of the facilities.yaml entries reported open-world (rule 24m)."""
    return frozenset(r.id for r in facility_records() if r.open_world)


def score_item(item: dict[str, Any], ann: Annotation, s: Scores, open_world: frozenset[str] = frozenset()) -> None:
    s.n += 1
    wrong: list[str] = []
    s.alert.add({"alert"} if item.get("alert") else set(), {"alert"} if ann.alert else set())
    gold_fac = [{**m, "id": None} if m.get("id") in open_world else m for m in item.get("facilities", [])]
    g, p = _facility_sets(gold_fac, ann)
    s.facilities.add(g, p)
    if bool(item.get("alert")) != ann.alert:
        wrong.append(f"  alert: gold {bool(item.get('alert'))}, engine {ann.alert}")
    wrong += _diff("facility", g, p)
    opens = {f.id: f.surface for f in ann.facilities if f.id.startswith("open:")}
    if opens:
        wrong += [f"  (engine open-world: {sorted(opens.values())})"] if g != p else []
    gold_places = {pl["id"]: pl for pl in item.get("places", []) if pl.get("id")}
    g, p = _place_sets(item.get("places", []), ann)
    s.places.add(g, p)
    wrong += _diff("place", g, p)
    # accuracy@161km over gold places: the prediction for the same id or the same surface is near enough
    for gp in gold_places.values():
        if gp.get("lat") is None:
            continue
        s.geo_n += 1
        surf = _norm(gp.get("surface", ""))
        cands = [p for p in ann.places if p.id == gp["id"] or _norm(p.surface) == surf]
        s.geo_ok += any(p.lat is not None and p.lon is not None
                        and haversine_km(gp["lat"], gp["lon"], p.lat, p.lon) <= KM for p in cands)
    ga, pa = {a["id"] for a in item.get("actors", [])}, {a.id for a in ann.actors}
    s.actors.add(ga, pa)
    wrong += _diff("actor", ga, pa)
    if wrong:
        head = f"[{item['title']}] " if item.get('title') else ''
        s.errors.append(f"{item.get('id')}: {head}{item['text']}\n" + "\n".join(wrong))
    s.event_types.add(set(item.get("event_types", [])), {e.type for e in ann.event_types})
    gd = item.get("event_date")
    s.date_ok += (ann.event_date.isoformat() if ann.event_date else None) == gd


def evaluate(path: Path | list[Path] = DEFAULT, gazetteer: Gazetteer | None = None) -> dict[str, Scores]:
    """Scores per language over one labelled file, or over the union of several."""
    gaz = gazetteer or load_gazetteer()
    out = {"ar": Scores(), "en": Scores(), "all": Scores()}
    open_world = _open_world_ids()
    paths = path if isinstance(path, list) else [path]
    for line in (ln for p in paths for ln in p.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        item = json.loads(line)
        pub = item.get("published_at")
        published = datetime.fromisoformat(pub.replace("Z", "+00:00")) if pub else None
        ann = enrich_article(item.get("title"), item["text"], gaz, lang=item.get("lang"), published_at=published)
        if ann.title is not None:  # a passage with its headline apart (feeds, the API): labels cover both parts
            ann = ann.model_copy(update={k: [*getattr(ann.title, k), *getattr(ann, k)]
                                         for k in ("places", "facilities", "actors", "event_types")})
        for key in (item.get("lang", "en"), "all"):
            if key in out:
                score_item(item, ann, out[key], open_world)
    return out


def report(scores: dict[str, Scores]) -> str:
    rows = [f"{'':6}{'n':>5} " + " ".join(f"{k:>18}" for k in ("alert", "facilities", "places", "actors"))
            + f" {'place@161km':>12} {'event_types':>18} {'date_acc':>9}"]
    rows.append(f"{'':12}" + " ".join(f"{'P    R    F1':>18}" for _ in range(4)) + f" {'':>12} {'P    R    F1':>18}")
    for lang, s in scores.items():
        cells = " ".join(f"{m.p:6.3f}{m.r:6.3f}{m.f1:6.3f}" for m in (s.alert, s.facilities, s.places, s.actors))
        ev = s.event_types
        rows.append(f"{lang:6}{s.n:>5} {cells} {s.place_acc_161km:12.3f} {ev.p:6.3f}{ev.r:6.3f}{ev.f1:6.3f}"
                    f" {s.date_acc:9.3f}")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    args = argv[1:]
    show_errors = "--errors" in args
    paths = [Path(a) for a in args if a != "--errors"] or [DEFAULT]
    for p in paths:
        if not p.exists():
            print(f"labelled set not found: {p}", file=sys.stderr)
            return 2
    scores = evaluate(paths)
    if show_errors:
        print("\n\n".join(scores["all"].errors))
        print()
    print(report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
