"""Round 28 (perf28a): each fast path of actors.py / state_rules.py tested against the code it replaces, on random
and adversarial inputs, both sides of each precondition."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

from services.enrich import actors
from services.enrich.normalize import fold
from services.enrich.scouts import match_starts
from services.enrich.state_rules import _obfuscation_scout
from tests.unit.enrich_support import real_gazetteer


def _text_country_ref(countries: list[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for c in countries:
        if c:
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(c for c, k in counts.items() if k == best)


def test_text_country_counter_is_the_loop() -> None:
    rnd = random.Random(28)
    pool = [None, "", "IQ", "SY", "TR", "LB", "YE"]
    cases: list[list[str | None]] = [[], [None], [""], [None, ""], ["IQ"], ["", "SY", None, "SY", "IQ", "IQ"]]
    cases.extend([rnd.choice(pool) for _ in range(rnd.randrange(0, 40))] for _ in range(3000))
    for c in cases:
        assert actors.text_country(c) == _text_country_ref(c), c


def _in_country_ref(text: str, s: int, arabic: bool) -> re.Match[str] | None:
    return (actors._IN_COUNTRY_AR_RE if arabic else actors._IN_COUNTRY_EN_RE).search(text, max(0, s - 40), s)


_AR_WORDS = ["السلطات", "القوات", "الحكومة", "الحكومه", "للحكومة", "وللقوات", "فللسلطات", "الشرطة", "الجيش", "الأجهزة",
             "اجهزة", "حكومة", "تصريف", "الأعمال", "أعمال", "مسؤولين", "المسؤولون", "مسؤولان", "الأمنية", "العسكرية",
             "الجديدة", "الانتقالية", "في", "ب", "بال", "ال", "سوريا", "العراق", "دمشق", "قال", "و", "كبار", "الامنيين",
             "قوات", "سلطات", "جيش", "ش", "ل", "لل"]
_EN_WORDS = ["the", "The", "new", "federal", "Central", "transitional", "authorities", "security", "forces",
             "government",
             "troops", "police", "army", "Army", "administration", "rulers", "leadership", "in", "IN", "said", ",", ".",
             "(", "—", "-", "Syria", "Iraq", "ARMY", "FORCES", "adminıstration", "forceſ", "\u212aurds", "officials"]


def _random_texts(words: list[str], rnd: random.Random, n: int) -> list[str]:
    seps = [" ", " ", " ", "  ", "\u00a0", "\n", "", ". ", ", "]
    out = []
    for _ in range(n):
        k = rnd.randrange(1, 14)
        out.append("".join(rnd.choice(words) + rnd.choice(seps) for _ in range(k)))
    return out


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


def test_in_country_gates_are_the_search() -> None:
    rnd = random.Random(2028)
    texts = [*_random_texts(_AR_WORDS, rnd, 2500),
             "أعلنت السلطات الأمنية في سوريا", "وتسليمها للحكومة الجديدة في دمشق", "حكومة تصريف الأعمال في سوريا",
             "قال مسؤولين كبار في العراق", "قالت القوات بالعراق", "الحكومة المشكلة في دمشق", "ففللقوات في ", "ال في "]
    for text in texts:
        for s in range(len(text) + 1):
            ref = _in_country_ref(text, s, True)
            got = actors._in_country(text, s, True)
            assert _same(ref, got), (text, s)
    texts = [*_random_texts(_EN_WORDS, rnd, 2500),
             "the new authorities in Damascus", "security forces in Iraq", "The federal government in Baghdad",
             "—troops in Syria", "the Army in ", "adminıstration in ", "forceſ in ", "the police  in ", "armyin "]
    for text in texts:
        for s in range(3, len(text) + 1):
            if text[s - 3 : s] != "in ":
                continue  # (_institutions_in asks only there)
            ref = _in_country_ref(text, s, False)
            got = actors._in_country(text, s, False)
            assert _same(ref, got), (text, s)


def test_inside_after_start_is_the_scan() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        spans = [(a, a + rnd.randrange(0, 30)) for a in (rnd.randrange(0, 80) for _ in range(rnd.randrange(0, 7)))]
        cplaces = [(p, p + rnd.randrange(1, 12), "IQ")
                   for p in (rnd.randrange(0, 90) for _ in range(rnd.randrange(0, 9)))]
        want = {(p0, p1) for p0, p1, _c in cplaces if any(a0 < p0 and p1 <= a1 for a0, a1 in spans)}
        assert actors._inside_after_start(cplaces, spans) == want, (cplaces, spans)


def test_nation_of_word_is_the_fold() -> None:
    rules = real_gazetteer().state
    words = ["العراقية", "عراقية", "التركي", "السورية", "الأمريكية", "قال", "الكردية", "ال", "", "الاسرائيلية",
             "الإسرائيلية", "تركية", "الإيراني", "والعراقية", "المصري"]
    for w in words * 2:  # (twice: the kept answer too)
        f = fold(w)
        assert actors._nation_of_word(w, rules) == (rules.adj_ar.get(f) or rules.adj_ar.get(f[2:] if f.startswith("ال")
                                                                                           else f)), w


def _yemen_ref(found, places, facilities) -> bool:
    if not any(b.id == "actor:houthis" for b in found) and not any(p.country == "YE" for p in places):
        return False
    if any(b.id in ("actor:isis", "actor:sdf", "actor:iraqi-security-forces", "actor:pmf") for b in found):
        return False
    return not any(p.country in ("IQ", "SY") for p in [*places, *facilities])


def test_yemen_coalition_is_the_loops() -> None:
    rnd = random.Random(11)
    ids = ["actor:houthis", "actor:isis", "actor:sdf", "actor:pmf", "actor:iraqi-security-forces", "actor:un",
           "actor:global-coalition"]
    cs = ["YE", "IQ", "SY", "LB", None, ""]
    for _ in range(4000):
        found = [SimpleNamespace(id=rnd.choice(ids)) for _ in range(rnd.randrange(0, 5))]
        places = [SimpleNamespace(country=rnd.choice(cs)) for _ in range(rnd.randrange(0, 5))]
        facilities = [SimpleNamespace(country=rnd.choice(cs)) for _ in range(rnd.randrange(0, 3))]
        got = actors._yemen_coalition(found, places, facilities)  # type: ignore[arg-type]
        assert got == _yemen_ref(found, places, facilities)


def test_obfuscation_scouts_one_per_letter_find_the_alternations_spots() -> None:
    """The scouts split per first letter find every spot the one alternation found (and match_starts the same
    disguised names as finditer), on random strings of the names' letters, separators and stand-ins."""
    rules = real_gazetteer().state
    assert len(rules.obfuscated_scouts) >= 1
    aliases = ["داعش", "داعشي", "دواعش", "قسد", "حماس"]
    split = _obfuscation_scout(aliases)
    joined = re.compile("|".join(sc.pattern for sc, _o in split))
    rnd = random.Random(5)
    alphabet = [*"داأإآعشقسحمويـ .-_*1٣@|'\"", "\n", "ب", "x", "ال"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 30))) for _ in range(6000)]
    texts.extend(["د ا ع ش و د1عش", "داعش", "ق س د", "ح.م.ا.س", "الد ا ع ش", "دا عش", "داعـ.ـش", "قسد حماس داعش"])
    for text in texts:
        want = {m.start() for m in joined.finditer(text)}
        got = {m.start() for sc, _o in split for m in sc.finditer(text)}
        assert want <= got, text
        got_m = [m.span() for m in match_starts(rules.obfuscated_any, rules.obfuscated_scouts, text)]
        want_m = [m.span() for m in rules.obfuscated_any.finditer(text)]
        got_m = [sp for sp in got_m if actors._NOT_LETTER_RE.search(text[sp[0] : sp[1]])]
        want_m = [sp for sp in want_m if actors._NOT_LETTER_RE.search(text[sp[0] : sp[1]])]
        assert got_m == want_m, text


def test_dash_lead_gate_is_the_fullmatch() -> None:
    """_dateline's last test: the pattern only where text[p:s] ends (spaces aside) in a dash."""
    rnd = random.Random(3)
    alphabet = [*"ab .،,:؛\n-–—\t\u00a0\u2003", "شفق", "نيوز", "دمشق"]
    for _ in range(20000):
        seg = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 12)))
        want = actors._DASH_LEAD_RE.fullmatch(seg) is not None
        got = seg.rstrip()[-1:] in actors._DASHES and actors._DASH_LEAD_RE.fullmatch(seg) is not None
        assert got == want, seg


def test_all_at_keeps_the_stems_order() -> None:
    from services.enrich import context_actors as ca

    rnd = random.Random(9)
    for _ in range(3000):
        stems = tuple(rnd.sample(["ab", "b", "ba", "abc", "c", "ca", "x"], rnd.randrange(1, 7)))
        hay = "".join(rnd.choice("abcx ") for _ in range(rnd.randrange(0, 30)))
        want: dict[str, list[int]] = {}
        for w in stems:
            i = hay.find(w)
            while i != -1:
                want.setdefault(w, []).append(i)
                i = hay.find(w, i + 1)
        got = ca._all_at(hay, stems)
        assert got == want and list(got) == list(want), (hay, stems)


def test_institution_actors_with_the_callers_occupancy() -> None:
    """institution_actors given state_mentions' occupancy bytes answers as when it fills its own."""
    from services.enrich.institutions import institution_actors

    rules = real_gazetteer().state
    texts = ["قالت وزارة الداخلية العراقية إن القوات التركية قصفت مواقع في سوريا والحكومة السورية رفضت",
             "أعلنت الحكومة العراقية ووزارة الخارجية السورية والقوات الأمريكية"]
    rnd = random.Random(1)
    for text in texts:
        for _ in range(200):
            spans = []
            for _k in range(rnd.randrange(0, 5)):
                a = rnd.randrange(0, len(text))
                spans.append((a, min(len(text), a + rnd.randrange(1, 20))))
            occ = bytearray(len(text))
            for a, b in spans:
                occ[a:b] = b"\x01" * (b - a)
            want = institution_actors(text, rules, "IQ", [], None, [], list(spans), None, None)
            got = institution_actors(text, rules, "IQ", [], None, [], list(spans), None, None, occ)
            assert got == want, spans
