"""The gazetteer, and so every annotation, is the same whatever Python's string hash seed: names were once
added to the trie in set order, and under PYTHONHASHSEED=7 the Iranian town Qods (قدس) shadowed Jerusalem
(القدس) — a place's confidence changed from run to run and `make check-pure` failed now and then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
from services.enrich.enrichment import enrich, load_gazetteer
g = load_gazetteer()
texts = ["وأفرج عن معتقلات من معتقل \\"المسكوبية\\" في القدس بموجب الصفقة.",
         "Fire gutted tents in Chamshko camp near Duhok, the camp's head said."]
for t in texts:
    print(enrich(t, g).model_dump_json())
"""


def _annotate(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True, timeout=600).stdout  # a loaded 2-core host: over 100 s


def test_annotations_do_not_depend_on_the_hash_seed() -> None:
    first = _annotate("1")
    assert "geonames:281184" in first  # Jerusalem is read at all
    assert _annotate("7") == first
