"""mem25: the trie stores equal immutable parts once (matcher.Trie: payloads, payload groups, {PAYLOAD: groups}
leaves, trie.first's entries and values), and the compiled scanner holds the trie's key strs (no code point
pools) and makes one node of a leaf dict met twice (native/trie.c, native/scanner_type.c). The scanner's output
on a trie with shared leaves is held to the reference by test_enrich_scanner.py; here: the sharing itself, and
the references the compiled scanner takes and gives back."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest

from services.enrich import backend, scan_ref
from services.enrich.matcher import PAYLOAD, Trie
from services.enrich.scanner import compile_trie
from tests.unit.enrich_support import real_gazetteer


@pytest.fixture
def compiled_path() -> Iterator[None]:
    was_pure = backend.compiled() is None
    backend.select(pure=False)
    yield
    backend.select(pure=was_pure)


def _small() -> Trie:
    trie = Trie()
    trie.add(["هول"], ("place", "p1", ""))
    trie.add(["الهول"], ("place", "p1", ""))
    trie.add(["مخيم", "الهول"], ("fac", "f1", "head"))
    trie.add(["سجن", "الهول"], ("fac", "f1", "head"))
    trie.add(["al", "hol"], ("fac", "f1", "head"))
    trie.add(["hol"], ("place", "p1", ""))
    trie.add(["hol"], ("event", "e1", ""))
    trie.finalize()
    return trie


def test_equal_leaves_are_one_dict_and_equal_groups_one_tuple() -> None:
    trie = _small()
    root = trie.root
    assert root["مخيم"]["الهول"] is root["سجن"]["الهول"] is root["al"]["hol"]
    assert root["مخيم"]["الهول"] == {PAYLOAD: (("fac", (("fac", "f1", "head"),)),)}
    assert root["هول"] is root["الهول"]  # (a leaf of the root like any other)
    assert root["hol"][PAYLOAD] == (("place", (("place", "p1", ""),)), ("event", (("event", "e1", ""),)))
    assert not trie.shared  # (the table of shared parts is dropped once the trie is finalized)


def test_first_values_are_shared_tuples_in_the_order_they_came() -> None:
    trie = _small()
    assert all(type(v) is tuple for v in trie.first.values())
    assert trie.first["هول"] == (("هول", 0, False),)
    assert trie.first["وهول"] is trie.first["بهول"]  # (one proclitic each: equal entries)
    assert trie.first["والهول"] == (("هول", 1, True), ("الهول", 1, False))
    assert trie.first["للهول"] is trie.first["والهول"]  # (built in turn from two heads: still one tuple)
    assert trie.first["الهول"] == (("هول", 0, True), ("الهول", 0, False))


def test_the_real_gazetteer_shares_its_leaves() -> None:
    root = real_gazetteer().trie.root
    leaves = []
    stack = [root]
    while stack:
        node = stack.pop()
        for k, v in node.items():
            if k == PAYLOAD:
                continue
            if len(v) == 1 and PAYLOAD in v:
                leaves.append(v)
            else:
                stack.append(v)
    assert len({id(v) for v in leaves}) * 5 < len(leaves)  # (72,253 leaves, 3,725 distinct, at mem25)
    assert len({v[PAYLOAD] for v in leaves}) == len({id(v) for v in leaves})


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
@pytest.mark.usefixtures("compiled_path")
def test_the_compiled_scanner_gives_back_the_references_it_takes() -> None:
    trie = _small()
    keys = [*trie.first, *trie.root, "الهول", "hol"]
    leaf = trie.root["al"]["hol"]
    gc.collect()
    before = [sys.getrefcount(k) for k in keys] + [sys.getrefcount(leaf[PAYLOAD])]
    sc = compile_trie(trie)
    assert sys.getrefcount(keys[0]) > before[0]  # (the scanner holds the first tokens it compares)
    assert sc.scan("مخيم الهول و al-Hol") == scan_ref.scan("مخيم الهول و al-Hol", trie)
    del sc
    gc.collect()
    assert [sys.getrefcount(k) for k in keys] + [sys.getrefcount(leaf[PAYLOAD])] == before


@pytest.mark.skipif(backend.NATIVE is None, reason="the compiled part was not built")
@pytest.mark.usefixtures("compiled_path")
def test_the_compiled_scanner_refuses_first_values_that_are_not_tuples() -> None:
    trie = _small()
    trie.first["هول"] = [("هول", 0, False)]  # type: ignore[assignment]
    with pytest.raises(TypeError, match="str -> tuple"):
        compile_trie(trie)
