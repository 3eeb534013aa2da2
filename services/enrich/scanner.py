"""Scan a text against the gazetteer trie: every key match, all lengths, all starts.

The engine runs the compiled scanner (`native/scanner.c`, built with the package as `_scan`) when it was built
and not turned off (backend.py); otherwise `scan_ref.py`, its specification in plain Python, with
`resolve.longest_ref` for the selection. The tests hold the two to identical candidates in identical order.
A trie is compiled once, after `Trie.finalize()` (compile.py does it at load, so start-up pays for it).
"""

from __future__ import annotations

from typing import Any

from services.enrich import backend, scan_ref
from services.enrich.matcher import PAYLOAD, Trie
from services.enrich.normalize import _FOLD_LIST
from services.enrich.resolve import _FAC_MASK, _NONFAC, ROLE_PRIORITY, Cand, Raw, capitalised, longest_ref


def compile_trie(trie: Trie) -> Any:
    """The compiled scanner of a finalized trie (it keeps references to the trie's nodes and payloads)."""
    native = backend.compiled()
    if native is None:
        raise RuntimeError(f"the compiled scanner is not in use: {backend.describe()}")
    return native.Scanner(
        root=trie.root, first=trie.first, fold_list=_FOLD_LIST, payload_key=PAYLOAD, prio=ROLE_PRIORITY,
        cand=Cand, capitalised=capitalised, nonfac_prio=_NONFAC, fac_prio_mask=_FAC_MASK,
    )


def prepare(trie: Trie) -> None:
    """Compile a finalized trie now if the compiled path runs (at load, not on the first article)."""
    if backend.compiled() is not None:
        trie.compiled = compile_trie(trie)


def _compiled(trie: Trie) -> Any:
    sc = trie.compiled
    if sc is None:
        sc = trie.compiled = compile_trie(trie)
    return sc


def scan(text: str, trie: Trie) -> tuple[list[Raw], list[Cand]]:
    """Entity candidates (unselected, see resolve.longest) and event/date candidates, as scan_ref.scan."""
    if backend.compiled() is None:
        return scan_ref.scan(text, trie)
    return _compiled(trie).scan(text)


def scan_select(text: str, trie: Trie) -> tuple[list[Cand], list[Cand]]:
    """The accepted entity candidates and the event/date candidates: resolve.longest_ref(scan_ref.scan(...)[0])
    and scan_ref.scan(...)[1], in one compiled pass (the unselected candidates never become Python objects)."""
    if backend.compiled() is None:
        ents, events = scan_ref.scan(text, trie)
        return longest_ref(ents, len(text)), events
    return _compiled(trie).scan_select(text)
