"""Golden outputs of the enrichment engine: optimisations must leave every annotation byte-identical.

    .venv/bin/python bench/golden.py --write [--out /tmp/raqib-golden.jsonl]   # before a change
    .venv/bin/python bench/golden.py [--out /tmp/raqib-golden.jsonl]           # after: compare

Inputs: every dev-set and held-out passage (as the scorer calls it, and with the language detected),
the bench's 3 KB articles, the seed report (whole and in 3 KB windows, if present beside the repo; its
outputs stay out of the repo), the texts the unit tests annotate (recorded by the pytest plugin
bench/golden_recorder.py into --calls, a JSONL of {"text","lang","pub","gaz"}), and perturbed copies of
the dev set (case, tatweel, diacritics, Unicode hyphens/apostrophes/spaces, bidi marks, Arabic-Indic
digits) so normalisation paths are all exercised.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.enrich_bench import build_articles  # noqa: E402
from services.enrich.enrichment import enrich, load_gazetteer  # noqa: E402
from services.enrich.gazetteer import Gazetteer  # noqa: E402

FIXTURES = ROOT / "tests/unit/enrich_fixtures"
SEED = ROOT.parent / "shared/reference/seed-report-ar.md"
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

Case = tuple[str, str, str | None, datetime | None, str]  # (name, text, lang, published_at, gazetteer)


def _pub(s: str | None) -> datetime | None:
    return datetime.fromisoformat(s.replace("Z", "+00:00")) if s else None


def _perturb(text: str) -> Iterator[tuple[str, str]]:
    yield "upper", text.upper()
    yield "lower", text.lower()
    yield "tatweel", text.replace("ي", "ـيـ").replace("م", "مـ")
    yield "harakat", text.replace("ل", "لَ").replace("ن", "نّ").replace("ا", "\u0670ا")
    yield "hyphens", text.replace("-", "\u2011").replace("'", "\u2019").replace(" ", "\u00a0", 7)
    yield "marks", text.replace(" ", " \u200f", 9).replace("و", "و\u200c", 5).replace("a", "a\u00ad", 5)
    yield "digits", text.translate(_AR_DIGITS)
    yield "forms", text.replace("ى", "ی").replace("ك", "ک").replace("لا", "\ufefb").replace("ه ", "ة ")
    yield "glued", text.replace(" ", "", 3).replace(", ", ",").replace(". ", ".")


def cases(calls: Path | None, seed: Path = SEED) -> Iterator[Case]:
    items = [json.loads(x) for x in (ROOT / "tests/data/devset.jsonl").read_text("utf-8").splitlines() if x.strip()]
    held = ROOT / "tests/data/heldout.jsonl"
    extra = [json.loads(x) for x in held.read_text("utf-8").splitlines() if x.strip()] if held.exists() else []
    for src, it in [("dev", i) for i in items] + [("held", i) for i in extra]:
        key = f"{src}:{it['id']}"
        yield key, it["text"], it.get("lang"), _pub(it.get("published_at")), "real"
        yield f"detect-{key}", it["text"], None, None, "real"
        for tag, t in _perturb(it["text"]):
            yield f"{tag}-{key}", t, it.get("lang"), _pub(it.get("published_at")), "real"
    for i, (lang, text) in enumerate(build_articles(items)):
        yield f"bench:{i}", text, lang, None, "real"
    if seed.exists():
        body = seed.read_text(encoding="utf-8")
        yield "seed", body, None, datetime(2025, 2, 1), "real"
        for i in range(0, len(body) - 1500, 1500):
            yield f"seed:{i}", body[i : i + 3000], "ar", None, "real"
    if calls is not None and calls.exists():
        for n, line in enumerate(calls.read_text("utf-8").splitlines()):
            c = json.loads(line)
            yield f"unit:{n}", c["text"], c["lang"], _pub(c["pub"]), c["gaz"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("/tmp/raqib-golden.jsonl"))
    ap.add_argument("--calls", type=Path, default=Path("/tmp/golden/unit_calls.jsonl"))
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    gaz: dict[str, Gazetteer] = {"real": load_gazetteer(), "fixture": load_gazetteer(FIXTURES, with_geonames=False)}
    got: dict[str, str] = {}
    for name, text, lang, pub, g in cases(args.calls, args.seed):
        got[name] = enrich(text, gaz[g], lang=lang, published_at=pub).model_dump_json()
    digest = hashlib.sha256("\n".join(f"{k}\t{v}" for k, v in got.items()).encode()).hexdigest()[:16]
    if args.write:
        args.out.write_text("".join(json.dumps([k, v], ensure_ascii=False) + "\n" for k, v in got.items()), "utf-8")
        print(f"wrote {len(got)} golden annotations to {args.out} (digest {digest})")
        return 0
    want = dict(json.loads(x) for x in args.out.read_text("utf-8").splitlines())
    bad = [k for k in want if got.get(k) != want[k]]
    missing = set(want) ^ set(got)
    for k in bad[:5]:
        print(f"DIFF {k}\n  want {want[k][:600]}\n  got  {got.get(k, '')[:600]}")
    print(f"{len(want) - len(bad)}/{len(want)} identical, {len(bad)} differ, {len(missing)} missing/extra "
          f"(digest {digest})")
    return 1 if bad or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
