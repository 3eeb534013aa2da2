"""The compiled part is optional: the Python reference path (backend.select(pure=True), RAQIB_ENRICH_PURE=1)
gives byte-identical annotator output on every text the engine is checked on (tests/unit/enrich_corpus.py),
and on upper-case copies of them (other tokens, other capitalisation decisions)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from services.enrich import backend
from services.enrich.cli import annotate
from tests.unit.enrich_corpus import corpus_lines
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture
def restore_path() -> Iterator[None]:
    was_pure = backend.compiled() is None
    yield
    backend.select(pure=was_pure)


def _annotated(lines: list[str], *, pure: bool) -> list[str]:
    backend.select(pure=pure)
    out = io.StringIO()
    annotate(io.StringIO("".join(line + "\n" for line in lines)), out, real_gazetteer())
    return out.getvalue().splitlines()


def _upper(line: str) -> str:
    row = json.loads(line)
    row["id"] += ":upper"
    row["text"] = row["text"].upper()
    return json.dumps(row, ensure_ascii=False)


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built: nothing to compare")
def test_pure_and_compiled_paths_give_byte_identical_output_on_the_whole_corpus(restore_path: None) -> None:
    lines = corpus_lines()
    lines += [_upper(line) for line in lines]
    compiled = _annotated(lines, pure=False)
    pure = _annotated(lines, pure=True)
    assert len(compiled) == len(pure) == len(lines) >= 800
    for c, p in zip(compiled, pure, strict=True):
        assert c == p, json.loads(c)["id"]
    n_mentions = sum(len(a[k]) for a in map(json.loads, compiled) for k in ("places", "facilities", "actors"))
    assert n_mentions > 3000  # the comparison is over real annotations, not empty lists


def test_the_annotator_entry_point_reads_the_pure_setting(monkeypatch: pytest.MonkeyPatch,
                                                          restore_path: None) -> None:
    from services.enrich.__main__ import main

    backend.select(pure=False)
    monkeypatch.setenv("RAQIB_ENRICH_PURE", "1")
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "1", "text": "Guards at Roj camp reported a fire."}\n'))
    monkeypatch.setattr(sys, "stdout", out := io.StringIO())
    assert main(["annotate"]) == 0
    assert json.loads(out.getvalue())["facilities"][0]["id"] == "fac:sy-roj-camp"
    assert backend.compiled() is None


def test_the_python_folds_equal_their_definitions_on_every_code_point(restore_path: None) -> None:
    from services.enrich.normalize import _FOLD_LIST, IGN, TABLE, fold, fold_many, fold_text

    backend.select(pure=True)
    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    assert fold_text(every) == every.translate(TABLE).replace(IGN, "")
    chunks = [every[i : i + 7] for i in range(1, 70_000, 7)]  # tokens hold no NUL
    assert fold_many(chunks) == [fold(c) for c in chunks] == [c.translate(_FOLD_LIST) for c in chunks]


def test_only_backend_imports_the_compiled_part() -> None:
    """Everything else asks backend.compiled(), so a missing or switched-off `_scan` reaches every use."""
    from pathlib import Path

    pkg = Path(backend.__file__).parent
    importers = [p.name for p in sorted(pkg.glob("*.py"))
                 if "import _scan" in (src := p.read_text("utf-8")) or "_scan import" in src]
    assert importers == ["backend.py"]
