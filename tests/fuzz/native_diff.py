"""Differential fuzz of the compiled part against its Python specification (`make fuzz-native` runs it in a
process whose `_scan` is built with AddressSanitizer + UndefinedBehaviorSanitizer, see .ci/fuzz-native).

    python -m tests.fuzz.native_diff [--seconds 120] [--seed N] [--native-dir build-asan/lib]

Texts: random strings over Arabic, English, marks, quotes, hyphens, digits, bidi and zero-width marks,
presentation forms, NUL, newlines and gazetteer names; mutated corpus passages; very long tokens; the empty
text; random code points (no surrogates). Each is held to: scanner candidates (scan_ref.scan), the selection
(resolve.longest_ref, also fed the reference candidates), the folds (str.translate with normalize's lists), the
facility stage's gates (facilities.lits_ref, on its words and on pieces of the text; bare.number_sites_ref) and
the whole annotation (the Python path, backend.select(pure=True)), byte for byte. A mismatch is saved under
--out and fails the run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import services.enrich

ROOT = Path(__file__).resolve().parents[2]
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d\u05be\u1806"
_QUOTES = "'\u2019\u2018\u02bc\u02bf\u02be`\u00b4\u2032\u02bb\u055a\uff07\u201b\"\u201c\u201d\u00ab\u00bb"
_MARKS = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670\u0640\u0300\u0301\u0308\u0327\u06d6\u06ed\u0610"
_BIDI = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
_SPACES = " \t\n\r\u00a0\u2009\u202f\u3000\u1680"
_AR = "".join(map(chr, range(0x0621, 0x064B))) + "پچژگکیەێۆڤڕڵ" + "٠١٢٣٤٥٦٧٨٩۰۱۲۳"
_EN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ſıİKÅéüçñ"
_PRES = "".join(map(chr, range(0xFB50, 0xFB60))) + "".join(map(chr, range(0xFEF5, 0xFEFD))) + "\ufdf2\ufb01"
_PUNCT = ".,;:!?()[]/\\_&%*\u060c\u061b\u061f\u06d4\0"
_WORDS = ["al-", "Al ", "el ", "ash-", "as-", "ad ", "ul-", "AL-", "'s", "’s", " camp", " prison", "مخيم ", "سجن ",
          "ال", "و", "بال", "لل", "Deir ez-Zor", "al-Hol", "الهول", "غويران", "ISIS", "داعش", "Roj"]


def _load_native(native_dir: str | None) -> Any:
    """Put the sanitizer build of _scan first on services.enrich's path, then import the engine."""
    if native_dir:
        d = (Path(native_dir) / "services" / "enrich").resolve()
        if not any(d.glob("_scan*.so")):
            sys.exit(f"no _scan build in {d}")
        services.enrich.__path__.insert(0, str(d))
    from services.enrich import backend

    if backend.NATIVE is None:
        sys.exit("the compiled part is not built: nothing to fuzz")
    return backend.NATIVE


class Texts:
    def __init__(self, rng: random.Random, names: list[str], passages: list[str]) -> None:
        self.rng, self.names, self.passages = rng, names, passages
        self.pools = [_HYPHENS, _QUOTES, _MARKS, _BIDI, _SPACES, _AR, _EN, _PRES, _PUNCT]

    def random_chars(self, n: int) -> str:
        r = self.rng
        out = []
        for _ in range(n):
            x = r.random()
            if x < 0.25:
                out.append(r.choice(self.names))
            elif x < 0.35:
                out.append(r.choice(_WORDS))
            elif x < 0.4:
                cp = r.randrange(0x110000 - 0x800)
                out.append(chr(cp + 0x800 if cp >= 0xD800 else cp))
            else:
                out.append(r.choice(r.choice(self.pools)))
        return "".join(out)

    def mutated(self) -> str:
        r = self.rng
        t = list(r.choice(self.passages))
        for _ in range(r.randint(1, 40)):
            if not t:
                break
            i = r.randrange(len(t))
            op = r.random()
            if op < 0.4:
                t[i] = self.random_chars(1)
            elif op < 0.6:
                del t[i]
            elif op < 0.8:
                t.insert(i, self.random_chars(r.randint(1, 4)))
            else:
                j = r.randrange(len(t))
                t[i:i] = t[j : j + r.randint(1, 60)]
        s = "".join(t)
        x = r.random()
        return s.upper() if x < 0.1 else s.lower() if x < 0.2 else s

    def long_token(self) -> str:
        r = self.rng
        unit = r.choice([r.choice(_AR), r.choice(_EN), r.choice(self.names), "ـ", "\u064e", "a'", "و", "al-"])
        body = unit * r.randint(1000, 60000 // max(1, len(unit)))
        return r.choice(["", "مخيم ", "al-", "Camp "]) + body + r.choice(["", " camp", " سجن", "'s"])

    def next(self) -> str:
        r = self.rng
        x = r.random()
        if x < 0.45:
            return self.mutated()
        if x < 0.85:
            return self.random_chars(r.randint(0, 400))
        if x < 0.88:
            return ""
        if x < 0.91:
            return "".join(chr(r.randrange(1, 0xD800)) if r.random() < 0.5 else chr(r.randrange(0xE000, 0x110000))
                           for _ in range(r.randint(1, 300)))
        return self.long_token()


def _fields(cands: list[Any]) -> list[tuple]:
    return [(c.start, c.end, c.role, c.payloads, c.ntokens) for c in cands]


def check(text: str, native: Any, sc: Any, gaz: Any) -> list[str]:
    """The names of the comparisons `text` fails (compiled vs reference)."""
    from services.enrich import backend, scan_ref
    from services.enrich.cli import annotate
    from services.enrich.normalize import _FOLD_LIST, _TEXT_LIST, _fold_text_c, _fold_tokens_c
    from services.enrich.resolve import _FAC_MASK, _NONFAC, Cand, longest_ref

    assert _fold_text_c is not None and _fold_tokens_c is not None
    bad = []
    ref_ents, ref_events = scan_ref.scan(text, gaz.trie)
    ents, events = sc.scan(text)
    if ents != ref_ents or _fields(events) != _fields(ref_events):
        bad.append("scan")
    ref_sel = _fields(longest_ref(ref_ents, len(text)))
    if _fields(native.longest(ref_ents, len(text), _NONFAC, _FAC_MASK, Cand)) != ref_sel:
        bad.append("longest")
    sel, sel_events = sc.scan_select(text)
    if _fields(sel) != ref_sel or _fields(sel_events) != _fields(ref_events):
        bad.append("scan_select")
    if _fold_text_c(text) != text.translate(_TEXT_LIST):
        bad.append("fold_text")
    if _fold_tokens_c(text) != text.translate(_FOLD_LIST) or sc.fold(text) != text.translate(_FOLD_LIST):
        bad.append("fold")
    from services.enrich.bare import number_sites_ref
    from services.enrich.facilities import _GATE_WORDS, lits_ref

    if native.number_sites(text) != number_sites_ref(text):
        bad.append("number_sites")

    # the gate words, and needles cut from the text itself (found at their own place, and near misses)
    cuts = tuple(text[i : i + w] for i, w in zip(range(0, len(text), 7), (3, 1, 5, 2, 8, 0, 4, 6) * 8, strict=False))
    # (the engine's 64 gate words in one tuple; reversed and a short tail: other tables)
    for needles in (_GATE_WORDS, _GATE_WORDS[::-1], _GATE_WORDS[60:], cuts[:64],
                    (*cuts[:20], *(c[::-1] for c in cuts[:20]))):
        if native.lits(text, needles) != lits_ref(text, needles):
            bad.append("lits")
            break
    # needle_starts (scouts.py): the same needles without the empty ones, and the adjectives' first words
    from services.enrich.scouts import needle_starts_ref

    firsts = gaz.state.inst_en_firsts if gaz.state is not None else ()
    for needles in (_GATE_WORDS[:64], tuple(c for c in cuts if c)[:64], tuple(c[::-1] for c in cuts if c)[:64],
                    firsts, ("\U0001f600", "\u0628", "a", "\u201c ")):
        if native.needle_starts(text, needles) != needle_starts_ref(text, needles):
            bad.append("needle_starts")
            break
    # bare._seat_of_another's seat reading (native/seat.c's seat_end) at the text's positions and just past its end
    from services.enrich.bare import seat_end_ref

    at = (*range(min(len(text), 3000)), len(text), len(text) + 1, -1)
    if any(native.seat_end(text, p) != seat_end_ref(text, p) for p in at):
        bad.append("seat_end")
    # enrichment._place's short path (native/place.c's place_mask) against its reference, on every place candidate
    from services.enrich.enrichment import _place, _place_full

    backend.select(pure=False)
    places = [c for c in sel if c.role == "place"]
    for c in places:
        if any(_place(text, c, gaz, places, g, f) != _place_full(text, c, gaz, places, g, f)
               for g, f in ((True, True), (False, False))):
            bad.append("place_mask")
            break
    line = json.dumps({"id": 1, "text": text}) + "\n"
    outs = []
    for pure in (False, True):
        backend.select(pure=pure)
        out = _Out()
        annotate([line], out, gaz)  # type: ignore[arg-type]
        outs.append(out.text)
    if outs[0] != outs[1]:
        bad.append("annotation")
    return bad


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def api_edges(native: Any) -> None:
    """Calls outside the engine's use that must raise, not crash (the sanitizers watch)."""
    from services.enrich.resolve import _FAC_MASK, _NONFAC, Cand

    for cands, size in [([(-3, -1, 3, 0, 0, 3, "place", (("place", "x", ""),), 1)], 2),
                        ([(1, -1, 3, 5, 0, 4, "place", (("place", "x", ""),), 1)], 10),
                        ([(0, 0, 0, 0, 0, 0)], 3), ([None], 3), ("x", 3)]:
        try:
            native.longest(cands, size, _NONFAC, _FAC_MASK, Cand)
        except (ValueError, TypeError, IndexError):
            pass
    for table in ([None, "ab", 2], [0, 5], ["x" * 300], []):
        try:
            native.FoldTable(table)("abc")
        except ValueError:
            pass
    for args in [("x",), ("x", ["a"]), (1, ("a",)), ("x", ("a", 1)), ("x", ("a",) * 65), ("", ("",) * 64)]:
        try:
            native.lits(*args)
        except (TypeError, ValueError):
            pass
    for arg in (None, b"Badr 3", 3):
        try:
            native.number_sites(arg)
        except TypeError:
            pass
    starts_args: list[tuple[Any, ...]] = [("x",), ("x", ["a"]), (1, ("a",)), ("x", ("a", 1)), ("x", ("a",) * 65),
                                          ("x", ("a", "")), ("", ("",)), ("x", ("a", "b", "c"), 3)]
    for args in starts_args:
        try:
            native.needle_starts(*args)
        except (TypeError, ValueError):
            pass
    seat_args: list[tuple[Any, ...]] = [("x",), (None, 0), ("x", "0"), ("x", 2**70), ("x", 0, 1), (b"x", 0)]
    for args in seat_args:
        try:
            native.seat_end(*args)
        except (TypeError, OverflowError):
            pass
    memo: tuple[dict[str, Any], ...] = ({}, {}, {}, {})
    bad_args: list[tuple[Any, ...]] = [
        ("abc", 0, 9, 3, memo), ("abc", -1, 2, 3, memo), ("abc", 2, 2, 0, memo), ("abc", 0, 1, 0, ({}, {})),
        ("abc", 0, 1, 0, ({}, {}, {}, [])), (b"abc", 0, 1, 0, memo), ("abc", 0, 1, 0, ({"a": "x"}, {}, {}, {}))]
    for pm in bad_args:
        try:
            native.place_mask(*pm)
        except TypeError:
            pass
    try:
        native.Maker(dict, ("a",), {"a"})  # not a model class: refused
    except TypeError:
        pass
    from shared.annotation import ActorMention

    names = tuple(ActorMention.model_fields)
    mk = native.Maker(ActorMention, names, set(names))
    for args in ((), (1, 2), tuple(range(len(names) + 1))):
        try:
            mk(*args)
        except TypeError:
            pass


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--native-dir", default=None)
    ap.add_argument("--out", default=str(ROOT / "build-asan" / "fuzz-failures"))
    args = ap.parse_args()
    native = _load_native(args.native_dir)
    from services.enrich import backend
    from services.enrich.enrichment import load_gazetteer
    from services.enrich.scanner import compile_trie

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    backend.select(pure=False)
    gazetteers = [load_gazetteer(), load_gazetteer(ROOT / "tests" / "unit" / "enrich_fixtures", with_geonames=False)]
    scanners = [compile_trie(g.trie) for g in gazetteers]
    passages = [json.loads(line)["text"] for p in sorted((ROOT / "tests" / "data").glob("*.jsonl"))
                for line in p.read_text("utf-8").splitlines() if line.strip()]
    passages += [p.read_text("utf-8") for p in sorted((ROOT / "bench" / "corpus").glob("*.txt"))]
    texts = Texts(rng, [k for k in gazetteers[0].trie.first if len(k) > 1], passages)
    api_edges(native)
    out = Path(args.out)
    n = chars = failures = 0
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        text = texts.next()
        k = n % 8 == 7  # every eighth text on the small fixture gazetteer
        bad = check(text, native, scanners[k], gazetteers[k])
        n += 1
        chars += len(text)
        if bad:
            failures += 1
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{seed}-{n}.json").write_text(json.dumps({"fails": bad, "fixture": k, "text": text}))
            print(f"MISMATCH {bad} (saved {out}/{seed}-{n}.json)", flush=True)
    print(f"fuzz-native: {native.__file__}", flush=True)
    print(f"fuzz-native: seed {seed}, {n} texts ({chars:,} characters) in {time.monotonic() - start:.0f} s, "
          f"{failures} mismatches between the compiled part and the Python path", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
