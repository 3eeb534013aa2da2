"""A fixed enrichment workload for callgrind: the bench's 400 dense dev-set articles (bench/enrich_bench.py's
build_articles), enriched three times; only the third pass runs inside itertools.starmap, so

    valgrind --tool=callgrind --toggle-collect=starmap_next \\
        /work/main/.venv/bin/python -m bench.enrich_callgrind [--articles N] [--passes 3]

counts the instructions of one warm pass (the engine itself never calls starmap). Run from the worktree's root so
that its own services/ is imported. Without valgrind it prints the wall time of each pass.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.enrich_bench import build_articles  # noqa: E402
from services.enrich.enrichment import enrich, load_gazetteer  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--devset", type=Path, default=ROOT / "tests/data/devset.jsonl")
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    items = [json.loads(x) for x in args.devset.read_text(encoding="utf-8").splitlines() if x.strip()]
    articles = build_articles(items)[: args.articles]
    gaz = load_gazetteer()

    def one(lang: str, text: str) -> None:
        enrich(text, gaz, lang=lang)

    for k in range(args.passes):
        t0 = time.perf_counter()
        if k == args.passes - 1:
            collections.deque(itertools.starmap(one, articles), maxlen=0)  # the measured pass
        else:
            for lang, text in articles:
                one(lang, text)
        print(f"pass {k + 1}: {len(articles)} articles, {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
