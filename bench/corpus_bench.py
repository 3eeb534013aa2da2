"""Throughput on realistic articles: bench/corpus/ (original news-style articles, ar-NN.txt and en-NN.txt,
~3 KB each), used by enrich_bench.py.

Unlike the dev-set articles (concatenated labelled passages, ~78 mentions per 3 KB) and the seed report
windows (one article repeated), these are distinct articles at news density. Figures:
- first pass from a freshly loaded gazetteer: the process's first enrich() calls, right after
  load_gazetteer(), one pass over the distinct articles (every per-token cache starts empty);
- the median of further first passes, each after clear_caches() (emptier still: the fold cache that
  load_gazetteer() fills is emptied too) — one pass is short, so the median shows the noise;
- steady state: repeated passes over the same 40 articles (bounded per-token caches warm; no
  per-article result is cached anywhere) — flattering, since every piece of text has been seen before;
- unseen articles: caches warmed on other text (every dev-set and held-out passage and one half of the
  corpus), then one pass over the other half, both ways round — what a running service does with a new
  article; the honest figure for a stream of news (the median of 7 such rounds, with their range);
- the spaCy baseline on the same articles, and the speed-ups.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from services.enrich.enrichment import clear_caches, enrich
from services.enrich.gazetteer import Gazetteer
from services.enrich.normalize import detect_lang

CORPUS = Path(__file__).resolve().parent / "corpus"

Article = tuple[str, str]  # (lang, text)


def load_corpus(directory: Path = CORPUS) -> list[Article]:
    """Every *.txt article, sorted by name; the language from the name's prefix (ar-, en-), else detected."""
    out: list[Article] = []
    for path in sorted(directory.glob("*.txt")) if directory.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        prefix = path.name.split("-", 1)[0]
        out.append((prefix if prefix in ("ar", "en") else detect_lang(text), text))
    return out


def one_pass(gaz: Gazetteer, corpus: list[Article]) -> float:
    """Articles/s of one pass over the corpus, in order, from whatever state the caches are in."""
    t0 = time.perf_counter()
    for lang, text in corpus:
        enrich(text, gaz, lang=lang)
    return len(corpus) / (time.perf_counter() - t0)


def cleared_first_passes(gaz: Gazetteer, corpus: list[Article], passes: int = 7) -> float:
    """Median articles/s of `passes` first passes, each after clear_caches()."""
    rates = []
    for _ in range(passes):
        clear_caches(gaz)
        rates.append(one_pass(gaz, corpus))
    return statistics.median(rates)


def describe(gaz: Gazetteer, corpus: list[Article]) -> str:
    n_ar = sum(1 for lang, _ in corpus if lang == "ar")
    avg = sum(len(t) for _, t in corpus) / len(corpus)
    nbytes = sum(len(t.encode("utf-8")) for _, t in corpus) / len(corpus)
    mentions = 0
    for lang, text in corpus:
        a = enrich(text, gaz, lang=lang)
        mentions += len(a.places) + len(a.facilities) + len(a.actors) + len(a.event_types)
    return (f"corpus (bench/corpus): {len(corpus)} distinct articles ({n_ar} ar + {len(corpus) - n_ar} en), "
            f"avg {avg:.0f} chars / {nbytes:.0f} bytes, {mentions / len(corpus):.1f} output mentions per article")


def unseen_rounds(gaz: Gazetteer, corpus: list[Article], warm_texts: list[Article], rounds: int = 7) -> list[float]:
    """unseen_after_warmup `rounds` times: one round times only 40 articles (~10 ms), so a hiccup of the
    machine moves it by a third; the median of the rounds is the figure, their range shows the noise."""
    return [unseen_after_warmup(gaz, corpus, warm_texts) for _ in range(rounds)]


def unseen_after_warmup(gaz: Gazetteer, corpus: list[Article], warm_texts: list[Article]) -> float:
    """Articles/s on articles never seen before, after warming the caches on `warm_texts` and the other
    half of the corpus (even/odd split, both ways, total articles over total time)."""
    elapsed, done = 0.0, 0
    for half in (0, 1):
        clear_caches(gaz)
        for lang, text in warm_texts + corpus[half::2]:
            enrich(text, gaz, lang=lang)
        unseen = corpus[1 - half :: 2]
        t0 = time.perf_counter()
        for lang, text in unseen:
            enrich(text, gaz, lang=lang)
        elapsed += time.perf_counter() - t0
        done += len(unseen)
    return done / elapsed


Throughput = Callable[[Callable[[str, str], object], list[Article], float], float]


def report(
    gaz: Gazetteer, corpus: list[Article], fresh: float, seconds: float, throughput: Throughput,
    warm_texts: list[Article],
) -> tuple[float, float, float]:
    """Print the Raqib figures; return (steady state, first pass from a fresh gazetteer, unseen articles)."""
    cleared = cleared_first_passes(gaz, corpus)
    rounds = unseen_rounds(gaz, corpus, warm_texts)
    unseen = statistics.median(rounds)
    steady = throughput(lambda t, lang: enrich(t, gaz, lang=lang), corpus, seconds)
    print(describe(gaz, corpus))
    print(f"raqib on the corpus, first pass from a freshly loaded gazetteer (cold caches): {fresh:,.0f} articles/s "
          f"(median of 7 first passes after clear_caches: {cleared:,.0f} articles/s)")
    print(f"raqib on the corpus, unseen articles after warming on {len(warm_texts)} other texts + half the corpus: "
          f"{unseen:,.0f} articles/s on one core (median of {len(rounds)} rounds; range {min(rounds):,.0f}-"
          f"{max(rounds):,.0f})")
    print(f"raqib on the corpus, steady state (repeated passes): {steady:,.0f} articles/s on one core")
    return steady, fresh, unseen
