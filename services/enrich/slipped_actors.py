"""An NGO's name of three words or more with its last word typed one letter off: `هيومان رايتس وواتش`,
`هيومن رايتس واتش` (Human Rights Watch; actor26b, data/README.md rule 28r).

Outlets transliterate a foreign organisation's last word many ways; the trie reads only the spellings listed. Where
every word of a listed name but its last is written as listed, and the next word is one edit (variants._one_edit: a
letter added, dropped, replaced, or two neighbours swapped) from the listed last word, with the same first letter and
at least four letters, the words are that organisation. Only non-governmental organisations' names (kind `ngo`): a
body of two words, or a state's, keeps its exact spelling.
"""

from __future__ import annotations

import re
from typing import Any

from services.enrich.matcher import PAYLOAD
from services.enrich.normalize import TOKEN_RE, _fold_tokens, fold
from services.enrich.resolve import Cand
from services.enrich.scouts import words_in
from services.enrich.variants import _one_edit

_MIN_WORDS = 3
_MIN_LAST = 4


def slipped_actors(text: str, gaz: Any, people: list[Cand]) -> list[Cand]:
    """Actor candidates for NGO names whose last word is one letter off, where no candidate overlaps them."""
    index = _index(gaz)
    firsts = _FIRSTS.get(id(index))
    if firsts is None or firsts[0] is not index:
        firsts = _FIRSTS[id(index)] = (index, tuple(index))
    if not index or not words_in(text, firsts[1]):  # (= any(f in text for f in index), one compiled pass)
        return []
    # (C speed) a name's words fold as the text does, character by character (fold(t) == t.translate(_FOLD_LIST),
    # _fold_tokens: that translation, compiled when in use):
    # where no listed name has every word but its last in the folded text, no token run can match; most texts with
    # a common first word (`مركز`, `المجلس`) stop here before the text is tokenised
    folded = _fold_tokens(text)
    there = words_in(folded, firsts[1])  # (bit i: firsts[1][i] in folded)
    if not any(_slip_after(folded, prefix, last) for i, f in enumerate(firsts[1]) if there >> i & 1
               for prefix, last, _p in index[f]):
        return []
    toks = [(m.start(), m.end(), fold(m.group())) for m in TOKEN_RE.finditer(text)]
    out: list[Cand] = []
    for i, (s, _e, f) in enumerate(toks):
        for prefix, last, payloads in index.get(f, ()):
            n = len(prefix) + 1
            if i + n > len(toks) or tuple(t[2] for t in toks[i : i + n - 1]) != prefix:
                continue
            w = toks[i + n - 1][2]
            if len(w) < _MIN_LAST or w[:1] != last[:1] or not _one_edit(w, last):
                continue
            e = toks[i + n - 1][1]
            if " " not in text[toks[i + n - 2][1] : toks[i + n - 1][0]] or \
                    any(p.start < e and s < p.end for p in people):
                continue
            out.append(Cand(s, e, "actor", payloads, n))
    return out


def _slip_after(folded: str, prefix: tuple[str, ...], last: str) -> bool:
    """Whether the folded text writes the name's leading words, one space apart, before a word one letter off its
    last (a cheap test before the text is tokenised: where the leading words stand before the listed last word,
    the trie has read the name; a name whose words stand further apart is not read as slipped)."""
    key = " ".join(prefix) + " "
    pos = folded.find(key)
    while pos != -1:
        m = _WORD_RE.match(folded, pos + len(key))
        if m is not None:
            w = m.group()
            if w != last and len(w) >= _MIN_LAST and w[:1] == last[:1] and _one_edit(w, last):
                return True
        pos = folded.find(key, pos + 1)
    return False


_WORD_RE = re.compile(r"\w+")


def _index(gaz: Any) -> dict[str, list[tuple[tuple[str, ...], str, tuple]]]:
    """first folded word -> (every word but the last, the last, the trie's payloads) of NGO names of 3+ words."""
    got = _INDEX.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out: dict[str, list[tuple[tuple[str, ...], str, tuple]]] = {}
    stack: list[tuple[tuple[str, ...], dict]] = [((k,), v) for k, v in gaz.trie.root.items() if k != PAYLOAD]
    while stack:
        path, node = stack.pop()
        for k, v in node.items():
            if k != PAYLOAD:
                if len(path) < 8:
                    stack.append(((*path, k), v))
                continue
            if len(path) < _MIN_WORDS or not path[0][:1].isalpha() or not "\u0600" <= path[0][:1] <= "\u06ff":
                continue
            for role, pls in v:
                if role == "actor" and pls and all(getattr(gaz.entries.get(p[1]), "kind", None) == "ngo" for p in pls):
                    out.setdefault(path[0], []).append((path[:-1], path[-1], pls))
    _INDEX.clear()  # one gazetteer at a time in practice
    _INDEX[id(gaz)] = (gaz, out)
    return out


_INDEX: dict[int, tuple[Any, dict[str, list[tuple[tuple[str, ...], str, tuple]]]]] = {}
# id(index) -> (that index, its first words as a tuple: words_in's needles, at most 64 of three letters or more)
_FIRSTS: dict[int, tuple[dict, tuple[str, ...]]] = {}
