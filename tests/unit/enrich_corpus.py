"""Every text the engine is checked on, as the offline annotator's NDJSON input: each line of
tests/data/*.jsonl (the dev and held-out sets, and any realworld-*.jsonl), and each article of bench/corpus/.

    .venv/bin/python -m tests.unit.enrich_corpus > corpus.ndjson   (what `make check-pure` annotates both ways)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def corpus_lines() -> list[str]:
    """NDJSON lines {"id","text","title"?,"lang"?,"published_at"?}, ids prefixed by their file."""
    out: list[str] = []
    for path in sorted((REPO / "tests" / "data").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            row = {k: item[k] for k in ("text", "title", "lang", "published_at") if item.get(k) is not None}
            row["id"] = f"{path.name}:{item.get('id', n)}"
            out.append(json.dumps(row, ensure_ascii=False))
    for path in sorted((REPO / "bench" / "corpus").glob("*.txt")):
        out.append(json.dumps({"id": f"corpus:{path.name}", "text": path.read_text(encoding="utf-8")},
                              ensure_ascii=False))
    return out


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in corpus_lines()))
