"""Spelling variants of known facility names: a consonant skeleton per script.

Outlets transliterate the same name many ways (Hol / Hawl / Holl / Hull, Ghwayran / Gweiran, بانوراما /
بانورما, بادوش / بادوشأ). An unknown name next to a head word of the right kind whose skeleton equals the
skeleton of exactly one known name of that kind is that facility. Only used there — never on free text,
where skeletons of short names collide with ordinary words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from services.enrich.gazetteer import Entry, Gazetteer
from services.enrich.matcher import PAYLOAD, key_tokens
from services.enrich.normalize import fold

_EN_DIGRAPHS = (("gh", "g"), ("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("ch", "s"),
                ("q", "k"), ("c", "k"), ("z", "s"), ("j", "g"),
                ("x", "k"))  # Kurmanji x is kh: "Navxure" is Navkur; "Xiwêran" (k-w-r-n) stays apart from Ghwayran
                # (g-w-r-n; core25en survey, rule 28f)
_EN_DROP = re.compile(r"[aeiouyhw'\s-]")
_AR_MAP = str.maketrans({"غ": "ج", "ق": "ك", "ة": "", "ث": "س", "ذ": "د", "ظ": "ض", "ط": "ت", "ص": "س"})
_AR_DROP = re.compile(r"[اويءىئؤ\s]")


_INNER_ARTICLE_RE = re.compile(r"\s(?:al|el)[\s-]+")


@lru_cache(maxsize=8192)
def skeleton(name: str) -> str:
    f = fold(name)
    if not f:
        return ""
    if "\u0600" <= f[0] <= "\u06ff":
        f = f[2:] if f.startswith("ال") else f
        f = f[:-1] if f.endswith("ه") and len(f) > 2 else f  # ة folds to ه: a final ه is no consonant
        return _AR_DROP.sub("", f.translate(_AR_MAP))
    f = re.sub(r"^(?:al|el|ad|an|ar|as|ash|at|az)[\s-]+", "", f)
    f = _INNER_ARTICLE_RE.sub(" ", f)  # "Khan Al-Sheih": the trie's keys hold no inner article either (rule 25z)
    # a word's final h after a vowel is spelling ("Jeddah", "Hasakah"); an h left inside a word after the digraphs is a
    # consonant ("Matahen" is no "Muthanna": m-t-h-n against m-th-n; rule 26y)
    f = re.sub(r"(?<=[aeiou])h\b", "", f)
    for a, b in _EN_DIGRAPHS:
        f = f.replace(a, b)
    f = re.sub(r"(?<=[a-z])h", "H", f)
    first, rest = f[:1], _EN_DROP.sub("", f[1:])
    first = "" if first in "aeiou" else first
    return re.sub(r"(.)\1+", r"\1", first + rest)


def _keys(gaz: Gazetteer) -> Iterator[tuple[tuple[str, ...], str, tuple]]:
    """Every trie key with its payload groups: (folded tokens, role, payloads)."""
    stack: list[tuple[dict, tuple[str, ...]]] = [(gaz.trie.root, ())]
    while stack:
        node, key = stack.pop()
        for k, v in node.items():
            if k != PAYLOAD:
                stack.append((v, (*key, k)))
                continue
            for role, pls in v:
                yield key, role, pls


def _index(gaz: Gazetteer) -> dict[tuple[str, str], set[tuple[str, int, str]]]:
    got = _INDEX.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    idx: dict[tuple[str, str], set[tuple[str, int, str]]] = {}
    keys = list(_keys(gaz))
    # a hashtag's glued article (compile.core_variants: "AlAreesha" beside "Areesha", rule 25h) is read exactly by the
    # trie; its skeleton keeps the article's l (l-r-s) and would take an unknown name's away ("Oleroche camp" is no
    # Areesha; rule 29v): the article-free key of the same site gives the skeleton
    plain = {(key[0], p[1]) for key, role, pls in keys if len(key) == 1 and role == "core" for p in pls}
    for key, role, pls in keys:
        if len(key) == 1 and key[0][:2] in ("al", "el") and role == "core" \
                and any((key[0][2:], p[1]) in plain for p in pls):
            continue
        for p in pls if role in ("core", "fac") else ():
            if role == "fac" and p[2] != "alias":
                continue
            e = gaz.entries[p[1]]
            if e.open_name:
                continue  # a site beyond the region (rule 24m) is reported by its surface and needs no spellings of its
                # own; its name must not take a regional facility's away (Gharyan's g-r-n is Ghwayran's; rule 25a)
            if e.town_name:
                continue  # a town's name (Khan Younis: k-n-s) guesses no spelling: its listed spellings are read, and
                # its skeleton must not take another's away ("Khan Al-Sheih camp" is Khan Eshieh's; rule 27d)
            name = " ".join(key)
            sk = skeleton(name)
            if len(sk) >= 2 and e.kind:
                idx.setdefault((e.kind, sk), set()).add((e.id, len(_bare(name)), _bare(name)))
    _INDEX.clear()  # one gazetteer at a time in practice; holding it keeps its id from being reused
    _INDEX[id(gaz)] = (gaz, idx)
    return idx


_INDEX: dict[int, tuple[Any, dict[tuple[str, str], set[tuple[str, int, str]]]]] = {}


def _bare(name: str) -> str:
    f = fold(name)
    if f.startswith("ال"):
        return f[2:].replace(" ", "")
    # (a Latin name loses its inner article and its hyphens as the trie's keys do: "Nahr al-Barid" is nahrbarid, of
    # the length of the known nahrbared; rule 26y)
    return re.sub(r"[\s\-'’]", "", _INNER_ARTICLE_RE.sub(" ", re.sub(r"^(?:al|el)[\s-]?", "", f)))


_INNER_MARK_RE = re.compile(r"[A-Za-z][\'\u2019\u02bf\u02be`][A-Za-z]")  # an apostrophe between two letters


def _min_len(name: str) -> int:
    # Arabic drops short vowels in writing: two consonants (داود, داوودية) say too little
    return 3 if "\u0600" <= fold(name)[:1] <= "\u06ff" else 2


def variant_of(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    """The known facility of `kind` that `name` spells differently, if exactly one (and of about the same
    length: a skeleton ignores vowels, not whole syllables)."""
    got = _VARIANTS.get((name, kind), _MISSING)
    if got is _MISSING or _VARIANTS.get(_GAZ) is not gaz:
        if _VARIANTS.get(_GAZ) is not gaz or len(_VARIANTS) > 50_000:
            _VARIANTS.clear()
            _VARIANTS[_GAZ] = gaz
        got = _variant_of(name, kind, gaz)
        if got is None:
            got = _respelled(name, kind, gaz)
        if got is not None and _of_another_country(name, got, gaz):
            got = None
        _VARIANTS[(name, kind)] = got
    return got if isinstance(got, Entry) else None


# rule 29v: an unknown name after a head that writes a known site's name with its article or its letters otherwise
# than the skeleton reads them. Latin: a Maghreb/French article of e (Er-Rachidia, Es-Salam) or one assimilated and
# glued (Errachidia, Ennour), the article al/el glued (Alhawl); Arabic: a Kurdish vowel e written ة inside a word or
# ending a word before another (`دارة شةكران` for `دارشكران`). The name so respelled is looked up as any unknown name
# (one known site of the kind, no other's skeleton), when it keeps three consonants or is a known name as written.
_E_ARTICLE_RE = re.compile(r"(?:e[lrsdntz]|esh|ech)[\s-]+(?=[a-z])")
_SUN_GLUED_RE = re.compile(r"[ae]([dnrstz])(?=\1[aeiou])")
_AL_GLUED_RE = re.compile(r"(?:al|el)(?=[b-df-hj-np-tv-z][a-z]{2,}$)")
_AR_KURDISH_E_RE = re.compile("\u0629(?=[\u0621-\u064a])|[\u0629\u0647](?=\\s)")


def _respellings(name: str) -> list[str]:
    """The name with its article or its Kurdish vowel written as the gazetteer writes them (rule 29v), if any."""
    if "\u0600" <= name[:1] <= "\u06ff":
        if "\u0629" not in name[:-1] and " " not in name:
            return []
        alt = _AR_KURDISH_E_RE.sub("", name).replace(" ", "")
        return [alt] if alt != name.replace(" ", "") else []
    low = name.lower()
    if low[:1] not in ("a", "e"):
        return []
    out = []
    for rx in (_E_ARTICLE_RE, _SUN_GLUED_RE, _AL_GLUED_RE):
        m = rx.match(low)
        if m is not None:
            out.append(name[m.end() :])
    return out


def _respelled(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    for alt in _respellings(name):
        e = _variant_of(alt, kind, gaz)
        if e is None:
            continue
        if len(skeleton(alt)) >= 3 or any(i == e.id and known == _bare(alt)
                                          for i, _k, known in _index(gaz).get((kind, skeleton(alt)), ())):
            return e
    return None


def _of_another_country(name: str, e: Entry, gaz: Gazetteer) -> bool:
    """`name` is a town or a district of one other country (common_words.yaml `nationality` / `country_words`):
    "the Gharyan detention centre" (Libya) is no spelling of Ghwayran (Syria), though the skeletons agree."""
    rules = gaz.place_rules
    if rules is None or not e.country:
        return False
    iso = rules.nationality.get(name) or rules.country_words.get(fold(name))
    return iso is not None and iso != e.country


_MISSING = object()
_GAZ = ("", "gazetteer")  # the key under which the cache keeps the gazetteer its answers are about
_VARIANTS: dict[tuple[str, ...], Any] = {}  # ((name, kind), and (name, kind, "typo"|"short") for typo_of)


def clear_cache() -> None:
    """Empty the facility path's per-word caches (this module's, and those registered in FACILITY_CACHES)."""
    _VARIANTS.clear()
    for cache in FACILITY_CACHES:
        cache.clear()


# the facility path's other bounded per-word caches (attach.py, context.py): emptied with this module's
FACILITY_CACHES: list[dict[Any, Any]] = []


def facility_cache() -> dict[Any, Any]:
    """A new per-surface cache of the facility path, emptied with clear_cache (cold-cache benchmarks)."""
    cache: dict[Any, Any] = {}
    FACILITY_CACHES.append(cache)
    return cache


def remember(cache: dict[Any, Any], key: Any, value: Any, limit: int = 50_000) -> Any:
    """Store a computed answer in a bounded cache (emptied when full: outlets repeat their words) and return it."""
    if len(cache) >= limit:
        cache.clear()
    cache[key] = value
    return value


def _variant_of(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    sk = skeleton(name)
    if len(sk) < 2:
        return None
    n = len(_bare(name))
    arabic = _min_len(name) == 3
    if len(sk) == 2 and (n > 5 or (arabic and n > 4)) and not (not arabic and n == 6 and _six_of(name, kind, sk, gaz)):
        # two consonants identify only short names (Hol, Holl, Hull); Dashisha is not Dheisheh. An Arabic name
        # that differs from a known one only in its final long a (قادية / قاديا, ـه / ـا / ـى) is that name
        if not arabic:
            # ... and a Latin one that differs from a known one only in how its vowels are written, a vowel for a
            # vowel, and a final h after one ("Ein Issa" / "Ain Issa", عين; "Arishah" / "Arisha"): the same sounds
            # in the same order (core25en survey, rule 28f)
            shape = _vowel_shape(_bare(name))
            ids_v = {i for i, _k, known in _index(gaz).get((kind, sk), ()) if _vowel_shape(known) == shape}
            return gaz.entries[next(iter(ids_v))] if len(ids_v) == 1 else None
        end_a = _undoubled(_final_a(_bare(name)))  # (داودية / داوودية: a long vowel written twice is one)
        ids_a = {i for i, _k, known in _index(gaz).get((kind, sk), ()) if _undoubled(_final_a(known)) == end_a}
        return gaz.entries[next(iter(ids_a))] if len(ids_a) == 1 else None
    if len(sk) == 2 and not arabic and _INNER_MARK_RE.search(name) is not None:
        return None  # "al-Ha'ir prison" (Saudi Arabia): the apostrophe writes an ayn or a hamza, a third consonant the
        # skeleton drops; two consonants and a mark are no spelling of Houri
    first = _first_class(_bare(name))
    ids = {i for i, k, known in _index(gaz).get((kind, sk), ())
           if abs(k - n) <= 2 and (arabic or _first_class(known) == first)
           and (arabic or not _nisba_of(_bare(name), known))
           and (arabic or not _sibilant_clash(_bare(name), known))
           and (not arabic or len(sk) >= 4 or _within_one(_bare(name), known)
                                   or (len(sk) == 3
                                       and _AR_LONG_VOWELS.sub("", _bare(name)) == _AR_LONG_VOWELS.sub("", known)))}
    if not ids and len(sk) >= 4:
        # one pair of neighbouring consonants swapped: Rubkan / Rukban
        idx = _index(gaz)
        for i in range(len(sk) - 1):
            swapped = sk[:i] + sk[i + 1] + sk[i] + sk[i + 2 :]
            ids |= {j for j, k, _ in idx.get((kind, swapped), ()) if abs(k - n) <= 1}
    if not ids and len(sk) >= 6:
        # a long name typed with one letter too many (`غوانتانانمو`: Guantanamo with an extra ن): five consonants
        # left after one is dropped, and the name one letter from a known one as written (rule 27x)
        idx = _index(gaz)
        bare = _bare(name)
        for i in range(len(sk)):
            ids |= {j for j, _k, known in idx.get((kind, sk[:i] + sk[i + 1 :]), ()) if _within_one(bare, known)}
    if len(ids) > 1 and not arabic:
        # two sites of one skeleton: the one whose spelling writes the same sounds ("Al-Bas" is b-V-s as El Buss's
        # "Bass"; the Beach camp's English "beach" is b-V-ch; rule 29v)
        shape = _sound_shape(_bare(name))
        ids = {i for i, _k, known in _index(gaz).get((kind, sk), ()) if i in ids and known.isascii()
               and _sound_shape(known) == shape}
    if len(ids) != 1:
        return None
    return gaz.entries[next(iter(ids))]


_VOWEL_RUN_RE = re.compile(r"[aeiouy]+")
_FINAL_H_RE = re.compile(r"(?<=[aeiouy])h$")


def _vowel_shape(bare: str) -> str:
    """A Latin name's letters with each run of vowels written as one mark, a final h after a vowel dropped and a
    doubled consonant written once: Ein Issa, Ain Issa and Ayn Isa are one shape (V-n-V-s-V), Arishah is Arisha."""
    if not bare[:1].isascii():
        return ""
    return _DOUBLED.sub(r"\1", _VOWEL_RUN_RE.sub("V", _FINAL_H_RE.sub("", bare)))


def _six_of(name: str, kind: str, sk: str, gaz: Gazetteer) -> bool:
    """A Latin name of six letters and two consonants that is one known name of five to seven letters, of its first
    letter and no nisba of it: "Suwaqa" is Swaqa, "Bedawi" Baddawi (rule 26y); a longer one says too little."""
    bare = _bare(name)
    got = {i for i, k, known in _index(gaz).get((kind, sk), ())
           if abs(k - 6) <= 1 and _first_class(known) == _first_class(bare) and not _nisba_of(bare, known)}
    return len(got) == 1


def _sibilant_clash(bare: str, known: str) -> bool:
    """A Latin name whose s or z stands where the known name writes sh (or the reverse), and whose vowels fall
    otherwise too, is another name: "Sukhneh" (s-V-kh-n-V) is no Sheikhan (sh-V-kh-V-n), "Azouli" (V-z-V-l-V) no
    Eshel (V-sh-V-l), though the skeletons agree; "Shadadi" / "Sadadi" with the same vowels stays one (bare26b,
    rule 28q)."""
    a, b = _SIBILANT_RE.findall(bare), _SIBILANT_RE.findall(known.replace(" ", ""))
    if len(a) != len(b) or not any((x in _SH) != (y in _SH) for x, y in zip(a, b, strict=True)):
        return False
    return _cv_shape(bare) != _cv_shape(known.replace(" ", ""))


_SIBILANT_RE = re.compile(r"sh|ch|s|z")
_SH = frozenset(("sh", "ch"))


def _cv_shape(bare: str) -> str:
    """A Latin name's consonants as the skeleton writes them, each run of vowels one mark, a final h after a vowel
    dropped, a doubled letter written once: Sheikhan is s-V-k-V-n, Sukhneh s-V-k-n-V."""
    f = _FINAL_H_RE.sub("", bare.lower())
    for a, b in _EN_DIGRAPHS:
        f = f.replace(a, b)
    return _DOUBLED.sub(r"\1", _VOWEL_RUN_RE.sub("V", re.sub(r"[\-'\u2019]", "", f)))


def same_sounds(name: str, fid: str, kind: str, gaz: Gazetteer) -> bool:
    """`name` writes the same sounds as one known Latin spelling of facility `fid`, the vowels (with w and y) each run
    one mark: "Seydnaya" and "Sednaia" are Saydnaya (s-V-d-n-V), "Ghuwairan" Ghwayran (g-V-r-V-n). Stricter than the
    skeleton, for a name read with no head word: s, sh and z, ch and s, j and g stay apart, and no vowel comes or goes
    ("al-Sudani", s-V-d-V-n-V, is no Saydnaya; "Kachar" no Khazir), and of its length within a letter ("Maliki" is
    no Malikiyah, "Mutiny" no Muthanna; bare26b, rule 28q)."""
    bare = _bare(name)
    shape = _sound_shape(bare)
    return any(i == fid and known.isascii() and abs(len(known) - len(bare)) <= 1 and _sound_shape(known) == shape
               for i, _k, known in _index(gaz).get((kind, skeleton(name)), ()))


_SOUND_DIGRAPHS = (("gh", "g"), ("kh", "k"), ("sh", "S"), ("ch", "S"), ("th", "t"), ("dh", "d"), ("ph", "f"),
                   ("q", "k"), ("c", "k"))


def _sound_shape(bare: str) -> str:
    f = _FINAL_H_RE.sub("", bare.lower().replace(" ", ""))
    for a, b in _SOUND_DIGRAPHS:
        f = f.replace(a, b)
    return _DOUBLED.sub(r"\1", _SOUND_VOWELS_RE.sub("V", re.sub(r"[\-'\u2019]", "", f)))


_SOUND_VOWELS_RE = re.compile(r"[aeiouwy]+")


def _nisba_of(bare: str, known: str) -> bool:
    """A Latin name that is a known one with a nisba ending (Zarqawi, "of Zarqa"; Hamdani, Mosuli) is the adjective or a
    man's name taken from the place, no spelling of the camp: "the Zarqawi Camp" ISIS named after Abu Musab al-Zarqawi
    is no Zarqa camp (neg21en survey, rule 26i)."""
    k = known.replace(" ", "")
    return len(k) >= 4 and bare != k and any(bare == k + end or bare == k[:-1] + end for end in _NISBA_ENDS)


_NISBA_ENDS = ("wi", "awi", "i", "iyi")


def _first_class(bare: str) -> str:
    """The sound a Latin name opens with, by class: a vowel, a k (Qadiya / Kadia), a g (Ghwayran / Gweiran, Jeddah /
    Geddah), else the letter. A name that opens otherwise is another name ("Ain Zara" is no Nasiriyah, "Ashti" no
    Shati, though the skeletons agree)."""
    ch = bare[:1]
    return "V" if ch in "aeiouy" else "K" if ch in "qkc" else "G" if ch in "gj" else ch


def _final_a(bare: str) -> str:
    """The name with a final ا / ه / ى (ة folds to ه) written one way: قاديه and قاديا are one name."""
    return bare[:-1] + "ا" if bare[-1:] in ("ه", "ى") else bare


def _undoubled(bare: str) -> str:
    """A letter written twice in a row written once (داوودية -> داودية; Arabic doubles by a shadda, not so)."""
    return _DOUBLED.sub(r"\1", bare)


_DOUBLED = re.compile(r"(.)\1+")
_AR_LONG_VOWELS = re.compile("[اويى]")  # غورون / غويران: the same consonants, other long vowels


def _within_one(a: str, b: str) -> bool:
    """Levenshtein distance at most one (بادوشا / بادوش): three Arabic consonants say little more."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


DESCRIPTORS = frozenset(("المركزي", "العسكري", "المدني", "الرييسي", "central", "military", "civil", "main"))
# (`الرييسي`: "main", folded from `الرئيسي`: `سجن حلب الرئيسي` is Aleppo Central Prison, rule 28k)


def named_after(name: str, kind: str, gaz: Gazetteer) -> Entry | None:
    """The one known facility of `kind` named after the town `name` plus a descriptor: `سجن حماة` /
    "Hama prison" is Hama Central Prison (core `حماة المركزي`)."""
    towns = _towns(gaz)
    f = fold(name)
    hits = towns.get((kind, f))
    if not hits and f[:1].isascii():
        # "Al-Raqqah", "Hamah": the article and a final h after a vowel are spelling, as the trie's keys drop them
        g = _LATIN_ARTICLE_RE.sub("", f)
        hits = towns.get((kind, g)) or (towns.get((kind, g[:-1])) if g[-1:] == "h" and g[-2:-1] in "aeiou" else None)
    return gaz.entries[next(iter(hits))] if hits and len(hits) == 1 else None


_LATIN_ARTICLE_RE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash)[\s-]+")


def _towns(gaz: Gazetteer) -> dict[tuple[str, str], set[str]]:
    got = _TOWNS.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out: dict[tuple[str, str], set[str]] = {}
    for key, role, pls in _keys(gaz):
        if role == "core" and len(key) >= 2 and all(t in DESCRIPTORS for t in key[1:]):
            for p in pls:
                e = gaz.entries[p[1]]
                if e.kind:
                    out.setdefault((e.kind, key[0]), set()).add(e.id)
    _TOWNS.clear()
    _TOWNS[id(gaz)] = (gaz, out)
    return out


_TOWNS: dict[int, tuple[Any, dict[tuple[str, str], set[str]]]] = {}


def warm(gaz: Gazetteer) -> None:
    """Build the indexes at load time rather than in the first article's time."""
    _index(gaz)
    _towns(gaz)
    _typo_index(gaz)


# A known camp or prison of several Arabic words named by its first word alone, made definite (`البرج` for `برج
# البراجنة` and for `البرج الشمالي`): outlets shorten a name so in a list of one country's camps (`مخيمات شاتيلا والبرج
# ومار الياس`) or where a place of that country follows (`مخيم البرج في بيروت`). Only read where the caller has found
# that country (its other listed sites, the place after the name): the word alone is a word, a tower (fix24, rule 27e).
_SIDE_ADJ_AR = frozenset(("الشمالي", "الجنوبي", "الشرقي", "الغربي", "الجديد", "القديم", "الكبير", "الصغير",
                          "الاوسط", "العلوي", "السفلي"))
_SHORT: dict[tuple[str, str], list[tuple[Entry, bool]]] = facility_cache()
_SHORT_GAZ: list[Any] = [None]  # (the gazetteer _SHORT's answers are about)


def _short_entries(name: str, kind: str, gaz: Gazetteer) -> list[tuple[Entry, bool]]:
    """The known sites of `kind` whose Arabic core of two words or more opens with `name`'s word (folded, definite,
    five letters or more): the trie's keys under that word with and without the article, read for this word only."""
    if _SHORT_GAZ[0] is not gaz or len(_SHORT) > 20_000:
        _SHORT.clear()
        _SHORT_GAZ[0] = gaz
    key = (kind, fold(name))
    got = _SHORT.get(key)
    if got is not None:
        return got
    found: list[tuple[Entry, bool]] = []
    first = key[1]
    if first.startswith("ال") and len(first) >= 5 and " " not in first:
        for word in (first[2:], first):
            node = gaz.trie.root.get(word)
            for second, child in node.items() if isinstance(node, dict) else ():
                if second == PAYLOAD or not isinstance(child, dict):
                    continue
                for role, pls in child.get(PAYLOAD, ()):
                    for pl in pls if role == "core" else ():
                        e = gaz.entries.get(pl[1])
                        if e is None or e.kind != kind or not e.country or e.open_name:
                            continue
                        # (True: a construct's first word, `برج` of `برج البراجنة`; a noun and its adjective of
                        # direction or age, `البرج الشمالي`, is written whole)
                        cut = second not in _SIDE_ADJ_AR
                        at = next((i for i, (g, _) in enumerate(found) if g is e), None)
                        if at is None:
                            found.append((e, cut))
                        elif not cut:
                            found[at] = (e, False)
    _SHORT[key] = found
    return found


def short_name(name: str, kind: str, gaz: Gazetteer, country: str, near: tuple[float, float] | None) -> Entry | None:
    """The known site of `kind` in `country` whose Arabic name's first word, definite, is `name` (folded); of several,
    the nearest to `near` (the other listed sites' or the place's position) when it is clearly the nearest (half the
    distance), else the one whose name is a construct cut short (`البرج` for `برج البراجنة`: `البرج الشمالي` is
    written whole), none without `near`."""
    found = sorted(((e, cut) for e, cut in _short_entries(name, kind, gaz) if e.country == country),
                   key=lambda ec: ec[0].id)
    if len(found) == 1:
        return found[0][0]
    if not found or near is None:
        return None
    dist = sorted((((e.lat or 0.0) - near[0]) ** 2 + ((e.lon or 0.0) - near[1]) ** 2, not cut, e.id, e)
                  for e, cut in found)
    if dist[0][0] * 4 <= dist[1][0]:  # (squared distances: half the distance)
        return dist[0][3]
    cut_short = [e for e, cut in found if cut]
    return cut_short[0] if len(cut_short) == 1 else None


# rule 28h (mech26): a known facility's name typed with one letter wrong. An unknown name after a head word of the
# kind that is one edit (a letter substituted, added, dropped, or two neighbours swapped) from exactly one known core
# or alias as written (folded, its article off: "Ghwayrn", `غويرن`, "Rukbam", `الركبات`) is that facility, when it is
# long enough to say so (TYPO_MIN letters) and is no name the gazetteer knows (a place's, an actor's, a core); the
# skeletons above read the spellings, this the slips of a keyboard. Known names of every kind are counted: a name one
# edit from two known names (or from one of another kind) is neither.
TYPO_MIN_LATIN = 5
TYPO_MIN_ARABIC = 4


_Bucket = dict[str, list[tuple[str, str, bool]]]


def _typo_index(gaz: Gazetteer) -> tuple[_Bucket, _Bucket]:
    """The known names (folded, article off) by their first two letters and by their last letter: a name one edit
    from a known one of four letters or more shares the one (the edit is past its second letter) or the other."""
    got = _TYPO_INDEX.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    heads: _Bucket = {}
    tails: _Bucket = {}
    seen: set[tuple[str, str]] = set()
    for key, role, pls in _keys(gaz):
        for p in pls if role in ("core", "fac") else ():
            if role == "fac" and p[2] != "alias":
                continue
            e = gaz.entries.get(p[1])
            if e is None or not e.kind:
                continue
            name = " ".join(key)
            bare = _bare(name)
            if len(bare) < 3 or (bare, e.id) in seen:
                continue
            seen.add((bare, e.id))
            art = name.startswith("ال")  # (an Arabic name's article is written or not as the known name's is)
            heads.setdefault(bare[:2], []).append((bare, e.id, art))
            tails.setdefault(bare[-1], []).append((bare, e.id, art))
    _TYPO_INDEX.clear()
    _TYPO_INDEX[id(gaz)] = (gaz, (heads, tails))
    return heads, tails


_TYPO_INDEX: dict[int, tuple[Any, tuple[_Bucket, _Bucket]]] = {}


def _one_edit(a: str, b: str) -> bool:
    """Optimal-string-alignment distance exactly one: a substitution, an insertion, a deletion or two neighbouring
    letters swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    return _within_one(a, b)


def typo_of(name: str, kind: str, gaz: Gazetteer,
            near: Callable[[], list[tuple[float, float]]] | None = None) -> Entry | None:
    """The one known facility of `kind` whose name `name` types with one letter wrong (rule 28h), if any. A short
    name (three letters after the article, of three or four in Latin: "al-Hob", `الهوب`) with one letter replaced
    is that facility only where the text names a place within TYPO_NEAR_KM of it (`near`: the text's places)."""
    got = _typo_cached(name, kind, gaz)
    if got is not None or near is None:
        return got
    e = _typo_cached(name, kind, gaz, short=True)
    if e is None or e.lat is None or e.lon is None:
        return None
    return e if any(_km(e.lat, e.lon, la, lo) <= TYPO_NEAR_KM for la, lo in near()) else None


TYPO_NEAR_KM = 100.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """An equirectangular distance: within the region the error at 100 km is far below a kilometre."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _typo_cached(name: str, kind: str, gaz: Gazetteer, short: bool = False) -> Entry | None:
    key = (name, kind, "short" if short else "typo")
    got = _VARIANTS.get(key, _MISSING)
    if got is _MISSING or _VARIANTS.get(_GAZ) is not gaz:
        if _VARIANTS.get(_GAZ) is not gaz or len(_VARIANTS) > 50_000:
            _VARIANTS.clear()
            _VARIANTS[_GAZ] = gaz
        got = _typo_of(name, kind, gaz, short)
        _VARIANTS[key] = got
    return got if isinstance(got, Entry) else None


def _typo_of(name: str, kind: str, gaz: Gazetteer, short: bool = False) -> Entry | None:
    bare = _bare(name)
    if not bare or not bare.isalpha():
        return None  # (digits, marks: no slip of one letter)
    arabic = "\u0600" <= bare[0] <= "\u06ff"
    article = arabic and fold(name).startswith("ال")
    least = TYPO_MIN_ARABIC if arabic else TYPO_MIN_LATIN
    if (len(bare) < least) != short or len(bare) < 3:
        return None  # a short name one letter from a known one is as often another name (Hob, Hul, `الهوى`): read
        # only where a place near the known one stands in the text (typo_of)
    node: Any = gaz.trie.root
    for t in key_tokens(name):
        node = node.get(t) if isinstance(node, dict) else None
    if isinstance(node, dict) and node.get(PAYLOAD):
        return None  # a name the gazetteer knows (a place, an actor, another core) is that name
    if fold(name) in gaz.ar_name_stop:
        return None
    heads, tails = _typo_index(gaz)
    bucket = heads.get(bare[:2], ())
    if any(known == bare for known, _i, _art in bucket):
        return None  # a known name itself, read (or left, a `word` core: "AlSabina") by its own rules
    # (a slip past the first letter: a name that opens otherwise is another name as often, `بريف` "in the countryside"
    # for `البريج`)
    near = [(i, known) for bucket in (bucket, tails.get(bare[-1], ()))
            for known, i, art in bucket
            if (len(known) == len(bare) if short else abs(len(known) - len(bare)) <= 1)
            and known[0] == bare[0] and _one_edit(bare, known) and (not arabic or art == article)]
    if short and near:
        # a short name's slip keeps a consonant for a consonant ("Rukbam" / "Rukban" is rule 28h's long name; "al-Hob"
        # for al-Hol): a consonant written as a vowel leaves too little of a four-letter name, "Ataa" (al-Ataa camp
        # near Idlib) is no "Atma" (fac27enw survey, rule 28w)
        sk = len(skeleton(name))
        near = [(i, known) for i, known in near if len(skeleton(known)) == sk]
    hits = {i for i, _known in near}
    if len(hits) == 1 and any(skeleton(known) == skeleton(name) for _i, known in near):
        return None  # a slip that leaves the consonants as they are is a spelling: the skeletons above had their say
        # (`مخيم دودية` is no `داودية`, rule 26y)
    if len(hits) != 1:
        return None
    e = gaz.entries[next(iter(hits))]
    if e.kind != kind or e.open_name or _of_another_country(name, e, gaz):
        return None  # (a site beyond the region, "Kobar" for Kober, is reported by its surface as before)
    return e
