"""An annotation depends on its text alone, never on the texts the process annotated before it.

The engine keeps per-surface caches (gazetteer.best, place_fast, the place_mask memos, fold caches ...) and a
compiled short path that skips _place_full's checks where place_mask says none can fire. A check the mask did not
know ("the Communist Party of Iraq", rule 26k) let a text's answer depend on whether an earlier text had put the
name's entry in the caches: "Iraq" was no place in a fresh process and a place after "crossed into Iraq". The
byte-identical test compares the two paths over the corpus in one process whose caches fill as it goes; this one
annotates the whole corpus twice, once in one run whose caches fill (each text after all the texts before it) and once
with every cache emptied before each text (as a fresh process would see it), and compares text by text."""

from __future__ import annotations

import json
from pathlib import Path

from services.enrich.enrichment import clear_caches, enrich
from tests.unit.enrich_support import real_gazetteer

ROOT = Path(__file__).resolve().parents[2]
# (texts whose answer once depended on what came before; the first warms the caches for the later ones)
_KNOWN = ["Al-Qaeda fighters crossed into Iraq from Syria.", "Envoys met in Geneva on Monday.",
          "A veteran of the Communist Party of Iraq was buried in Baghdad.",
          "Lawyers said the raids breached the Fourth Geneva Convention."]


def _texts() -> list[tuple[str, str]]:
    out = [(t, "en") for t in _KNOWN]
    for p in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in p.read_text("utf-8").splitlines():
            if line.strip():
                it = json.loads(line)
                out.append((it["text"], it.get("lang", "en")))
    return out


def _annotate(texts: list[tuple[str, str]], cold: bool) -> dict[tuple[str, str], str]:
    gaz = real_gazetteer()
    clear_caches(gaz)
    out = {}
    for t, lang in texts:
        if cold:
            clear_caches(gaz)
        out[(t, lang)] = enrich(t, gaz, lang=lang).model_dump_json()
    return out


def test_an_annotation_does_not_depend_on_the_texts_before_it() -> None:
    texts = _texts()
    assert len(texts) > 10000
    warm = _annotate(texts, cold=False)
    cold = _annotate(texts, cold=True)
    differ = [t[:120] for t in warm if warm[t] != cold[t]]
    assert not differ, (len(differ), differ[:5])
