"""Enrichment benchmark: throughput on one core, start-up, peak RSS, and a spaCy PhraseMatcher baseline.

    .venv/bin/python bench/enrich_bench.py [--seconds 3] [--devset tests/data/devset.jsonl] [--corpus bench/corpus]

Articles of ~3 KB are built by concatenating dev-set passages (same language). The baseline is a blank
spaCy pipeline whose PhraseMatcher holds exactly the keys of our gazetteer trie (so it gets our alias
expansion and our normalisation of the text for free); it is scored on the dev set with the same scorer.
The same run measures both engines on the realistic articles of bench/corpus/ (see corpus_bench.py).
Speed-ups are given twice: from the separate throughput runs, and measured in alternation (each round
times spaCy, then Raqib, on the same articles; the median ratio and its range), which a slow spell of a
shared machine cannot skew.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from bench.corpus_bench import CORPUS, load_corpus, one_pass, report  # noqa: E402
from services.enrich.enrichment import clear_caches, enrich, load_gazetteer  # noqa: E402
from services.enrich.gazetteer import Gazetteer  # noqa: E402
from services.enrich.matcher import PAYLOAD  # noqa: E402
from services.enrich.normalize import fold_text  # noqa: E402
from shared.annotation import ActorMention, Annotation, FacilityMention, PlaceMention  # noqa: E402
from tests.eval.scorer import Scores, score_item  # noqa: E402


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_articles(items: list[dict], size: int = 3000) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for lang in ("ar", "en"):
        texts = [i["text"] for i in items if i.get("lang") == lang]
        if not texts:
            continue
        buf: list[str] = []
        n = 0
        k = 0
        while len([a for a in out if a[0] == lang]) < 200:
            t = texts[k % len(texts)]
            k += 1
            buf.append(t)
            n += len(t) + 2
            if n >= size:
                out.append((lang, "\n\n".join(buf)))
                buf, n = [], 0
    return out


def throughput(fn, articles: list[tuple[str, str]], seconds: float) -> float:
    done = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for lang, text in articles:
            fn(text, lang)
        done += len(articles)
    return done / (time.perf_counter() - t0)


def cold_throughput(gaz: Gazetteer, articles: list[tuple[str, str]], seconds: float) -> tuple[float, float]:
    """(every per-token cache emptied before each article, untimed; one first pass over the articles
    from empty caches, as a freshly started process would see them)."""
    done = 0
    spent = 0.0
    while spent < seconds:
        for lang, text in articles:
            clear_caches(gaz)
            t0 = time.perf_counter()
            enrich(text, gaz, lang=lang)
            spent += time.perf_counter() - t0
        done += len(articles)
    clear_caches(gaz)
    t0 = time.perf_counter()
    for lang, text in articles:
        enrich(text, gaz, lang=lang)
    return done / spent, len(articles) / (time.perf_counter() - t0)


def interleaved(ours: Callable[[], None], theirs: Callable[[], None], rounds: int = 7) -> list[float]:
    """Speed-ups measured in alternation: each round times `theirs`, then `ours`, on the same work, and
    keeps their ratio. A slow spell of this shared machine slows both sides of a round alike, where two
    separate throughput runs a few seconds apart can differ by a third."""
    ratios = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        theirs()
        t_theirs = time.perf_counter() - t0
        t0 = time.perf_counter()
        ours()
        ratios.append(t_theirs / (time.perf_counter() - t0))
    return ratios


def spread(xs: list[float]) -> str:
    return f"{statistics.median(xs):.1f}x (range {min(xs):.1f}-{max(xs):.1f}, {len(xs)} rounds)"


def trie_keys(gaz: Gazetteer) -> list[tuple[str, list]]:
    out: list[tuple[str, list]] = []
    stack: list[tuple[dict, list[str]]] = [(gaz.trie.root, [])]
    while stack:
        node, path = stack.pop()
        for k, child in node.items():
            if k == PAYLOAD:
                out.append((" ".join(path), [p for _role, pls in child for p in pls]))
            else:
                stack.append((child, [*path, k]))
    return out


class SpacyBaseline:
    def __init__(self, gaz: Gazetteer) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.gaz = gaz
        self.nlp = spacy.blank("xx")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.payloads: dict[int, list] = {}
        keys = [(k, [p for p in pls if p[0] in ("fac", "place", "actor")]) for k, pls in trie_keys(gaz)]
        keys = [(k, pls) for k, pls in keys if pls]
        for i, (k, pls) in enumerate(keys):
            label = f"k{i}"
            self.matcher.add(label, [self.nlp.make_doc(k)])
            self.payloads[self.nlp.vocab.strings[label]] = pls
        self.n_patterns = len(keys)

    def annotate(self, text: str, lang: str) -> Annotation:
        from spacy.util import filter_spans

        doc = self.nlp.make_doc(fold_text(text))  # tokenizer only: its fastest configuration
        spans = []
        for mid, s, e in self.matcher(doc):
            span = doc[s:e]
            span.label = mid
            spans.append(span)
        fac, pla, act = [], [], []
        for sp in filter_spans(spans):
            role, eid, _ = self.payloads[sp.label][0]
            ent = self.gaz.entries[eid]
            kw = {"surface": sp.text, "start": sp.start_char, "end": sp.end_char, "id": eid,
                  "canonical": ent.canonical, "confidence": 0.5}
            if role == "fac":
                fac.append(FacilityMention(**kw, kind=ent.kind or "camp", lat=ent.lat, lon=ent.lon))
            elif role == "place":
                pla.append(PlaceMention(**kw, lat=ent.lat, lon=ent.lon))
            else:
                act.append(ActorMention(**kw))
        return Annotation(lang=lang, places=pla, facilities=fac, actors=act, alert=bool(fac))


def score(items: list[dict], fn) -> Scores:
    s = Scores()
    for it in items:
        pub = it.get("published_at")
        ann = fn(it["text"], it.get("lang", "en"), datetime.fromisoformat(pub.replace("Z", "+00:00")) if pub else None)
        score_item(it, ann, s)
    return s


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--devset", type=Path, default=ROOT / "tests/data/devset.jsonl")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="realistic articles, *.txt (bench/corpus_bench.py)")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    except (AttributeError, OSError):
        pass

    rss0 = rss_mb()
    t0 = time.perf_counter()
    gaz = load_gazetteer(Path(os.environ["RAQIB_BENCH_DATA"]) if os.environ.get("RAQIB_BENCH_DATA") else None)
    startup = time.perf_counter() - t0
    n_keys = len(trie_keys(gaz))
    print(f"start-up (load_gazetteer): {startup:.2f} s; {len(gaz.entries)} entries, {n_keys} keys; "
          f"RSS {rss0:.0f} -> {rss_mb():.0f} MB")
    corpus = load_corpus(args.corpus)
    fresh = one_pass(gaz, corpus) if corpus else 0.0  # the process's first enrich() calls: nothing cached yet

    items = [json.loads(x) for x in args.devset.read_text(encoding="utf-8").splitlines() if x.strip()]
    articles = build_articles(items)
    avg = sum(len(t) for _, t in articles) / len(articles)
    print(f"articles: {len(articles)} (avg {avg:.0f} chars, ar+en) from {len(items)} dev-set passages")

    cold, first = cold_throughput(gaz, articles, args.seconds / 2)
    ours = throughput(lambda t, lang: enrich(t, gaz, lang=lang), articles, args.seconds)
    print(f"raqib: {ours:,.0f} articles/s on one core ({ours * avg / 1e6:.1f} MB/s); peak RSS {peak_rss_mb():.0f} MB")
    print(f"raqib cold caches: {cold:,.0f} articles/s with every per-token cache emptied before each article; "
          f"{first:,.0f} articles/s on a first pass from empty caches")
    seed = ROOT.parent / "shared/reference/seed-report-ar.md"  # a real article, read if present
    if seed.exists():
        body = seed.read_text(encoding="utf-8")
        chunks = [("ar", body[i : i + 3000]) for i in range(0, len(body) - 1500, 1500)]
        seed_cold, _ = cold_throughput(gaz, chunks, args.seconds / 4)
        rate = throughput(lambda t, lang: enrich(t, gaz, lang=lang), chunks, args.seconds / 2)
        print(f"raqib on the seed report (3 KB windows, news density): {rate:,.0f} articles/s "
              f"(cold caches: {seed_cold:,.0f} articles/s)")
    if corpus:
        warm = [(it["lang"], it["text"]) for path in (args.devset, args.devset.with_name("heldout.jsonl"))
                if path.exists() for it in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
        c_ours, c_fresh, c_unseen = report(gaz, corpus, fresh, args.seconds, throughput, warm)
    s_ours = score(items, lambda t, lang, pub: enrich(t, gaz, lang=lang, published_at=pub))

    t0 = time.perf_counter()
    base = SpacyBaseline(gaz)
    print(f"spaCy PhraseMatcher baseline: {base.n_patterns} patterns built in {time.perf_counter() - t0:.1f} s")
    theirs = throughput(base.annotate, articles, args.seconds)
    print(f"spaCy: {theirs:,.0f} articles/s on one core; peak RSS (both) {peak_rss_mb():.0f} MB")
    s_base = score(items, lambda t, lang, pub: base.annotate(t, lang))

    print(f"speed-up: {ours / theirs:.1f}x")
    if corpus:
        c_theirs = throughput(base.annotate, corpus, args.seconds)
        print(f"spaCy on the corpus: {c_theirs:,.0f} articles/s on one core")
        print(f"speed-up on the corpus: {c_ours / c_theirs:.1f}x steady state, {c_unseen / c_theirs:.1f}x on unseen "
              f"articles, {c_fresh / c_theirs:.1f}x on the first pass from a freshly loaded gazetteer")
    def each(fn: Callable[[str, str], object], arts: list[tuple[str, str]]) -> Callable[[], None]:
        def run() -> None:
            for lang, t in arts:
                fn(t, lang)
        return run

    def raqib(t: str, lang: str) -> object:
        return enrich(t, gaz, lang=lang)

    dense = interleaved(each(raqib, articles[::4]), each(base.annotate, articles[::4]))
    print(f"speed-up, interleaved (the two alternate on the same articles; median and range): dev-set articles "
          f"{spread(dense)}")
    if corpus:
        unseen: list[float] = []
        for _ in range(4):
            for half in (0, 1):
                clear_caches(gaz)
                for lang, t in warm + corpus[half::2]:
                    enrich(t, gaz, lang=lang)
                unseen += interleaved(each(raqib, corpus[1 - half :: 2]), each(base.annotate, corpus[1 - half :: 2]),
                                      rounds=1)
        print(f"speed-up, interleaved: corpus, unseen articles (caches warmed on other text before each round) "
              f"{spread(unseen)}")
    print(f"{'F1 on dev set':16}{'alert':>8}{'facility':>10}{'place':>8}{'actor':>8}")
    for name, s in (("raqib", s_ours), ("spaCy baseline", s_base)):
        print(f"{name:16}{s.alert.f1:8.3f}{s.facilities.f1:10.3f}{s.places.f1:8.3f}{s.actors.f1:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
