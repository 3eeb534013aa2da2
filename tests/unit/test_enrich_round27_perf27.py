"""Round 27 fast paths (output unchanged): spelled_cores scans capitals with a charset-led regex and reads the article
and the character before by hand (= _SPELLED_RE less its five-letter words, which are too short anyway), caching one
answer per word; slipped_actors folds the text with the compiled _fold_tokens."""

from __future__ import annotations

import random

from services.enrich.bare import (
    _LATIN_ART_RE,
    _SPELLED_BEFORE_RE,
    _SPELLED_CAP_RE,
    _SPELLED_RE,
    spelled_cores,
)
from services.enrich.normalize import _FOLD_LIST, _fold_tokens
from services.enrich.slipped_actors import slipped_actors
from tests.unit.enrich_support import real_ann, real_gazetteer


def _scan(text: str) -> list[tuple[int, int]]:
    """spelled_cores' scan, its word tests left out."""
    out = []
    for m in _SPELLED_CAP_RE.finditer(text):
        s, e = m.start(), m.end()
        if s >= 3 and text[s - 1] == "-" and text[s - 2] in "lr" and text[s - 3] in "Aa":
            s -= 3
        if s and _SPELLED_BEFORE_RE.match(text, s - 1) is not None:
            continue
        out.append((s, e))
    return out


def _spec(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SPELLED_RE.finditer(text) if len(_LATIN_ART_RE.sub("", m.group())) >= 6]


def test_capital_scan_is_the_spelled_regex() -> None:
    for text in ("Guards at al-Sednaia beat him; Xal-Sednaia, McSednaia and o'Sednaia are no names.",
                 "Al-Ghuwairan, ar-Raqqawi-camp, Sednaia-based, Sednaia2 and Sednaiah",
                 "-Sednaia 'Sednaia ’Sednaia _Sednaia 1Sednaia éSednaia Al-Sedna Al-Sednai"):
        assert _scan(text) == _spec(text)
    rnd = random.Random(27)
    alphabet = "AaLlrR-' ’_1éSX"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 18))).replace("X", "ednaya")
        assert _scan(text) == _spec(text), text


def test_spelled_still_reads_another_spelling() -> None:
    gaz = real_gazetteer()
    got = spelled_cores("Two brothers were held in Ghuwairan for a year.", gaz, [])
    assert [c.role for c in got][:1] == ["core"]
    assert spelled_cores("Ghuwairan's choir sang on Friday.", gaz, []) == []  # no detention word
    text = "Two brothers were held in Ghuwairan for a year."
    assert "fac:sy-ghwayran-prison" in {f.id for f in real_ann(text).facilities}


def test_compiled_fold_is_the_translation() -> None:
    text = "وثّقت منظمة هيومان رايتس وواتش الانتهاكات في مخيّم الهول، وقالت «الأمم المتحدة» ذلك."
    assert _fold_tokens(text) == text.translate(_FOLD_LIST)
    got = slipped_actors("نشرت منظمة هيومن رايتس وواتش تقريرها الأخير.", real_gazetteer(), [])
    assert got and got[0].role == "actor"


def test_new_camp_names_are_the_regex_names() -> None:
    from services.enrich.facilities import _NEW_CAMP_IN_RE, _new_camp_names
    from services.enrich.normalize import fold

    for text in ("Workers put up a NEW camp in Deir al-Balah this week.", "a New  transit camp, they said, at Rafah",
                 "أقامت البلدية مخيماً جديداً في بيت لاهيا قرب البحر.", "نُصب مخيم جديد بخانيونس أمس.",
                 "They renew camp permits in Arsal.", "لا جديد في المخيم اليوم."):
        assert _new_camp_names(text) == {fold(m.group("name")) for m in _NEW_CAMP_IN_RE.finditer(text)}, text
    assert _new_camp_names("Workers put up a NEW camp in Deir al-Balah this week.") == {fold("Deir")}


def test_scouted_patterns_find_what_finditer_finds() -> None:
    import re

    from services.enrich.attach import _DUAL_CENTRE_RE, _dual_centre_starts
    from services.enrich.quoted_actors import _CLOSING_AR_RE
    from services.enrich.scouts import match_at

    for text in ("نُقل المعتقلون بين مركزي بدر ووادي النطرون، ولمركزا التأهيل بابان.", "والمركزي سوق مركزي ومركزا",
                 "بمركزي\u00a0طرة ومركزيات", "مركزا"):
        want = [m.span() for m in _DUAL_CENTRE_RE.finditer(text)]
        assert [m.span() for m in match_at(_DUAL_CENTRE_RE, _dual_centre_starts(text), text)] == want, text
    spec = re.compile("(?<=[\u0621-\u064a\u064b-\u0652])[\"»”“][ \u00a0]+[\u0621-\u064a]")
    for text in ('قالت "فلول النظام" المخلوع إنها', "«فلول النظام» البائد", 'say "no" واحد', 'كلمةً" ثم', '" ب'):
        assert [m.span() for m in _CLOSING_AR_RE.finditer(text)] == [m.span() for m in spec.finditer(text)], text


def test_sentence_bounds_are_the_regex_bounds() -> None:
    from services.enrich.bare import _sentence_bounds, _sentence_bounds_ref

    texts = ["The camp grew. Families arrived at Roj in 2019!\nMore came.", "U.S. forces left Hol; 3.5 km away, ok?",
             "قال أحد السكان: نزحنا إلى الهول. ثم عدنا؟ لا.", "A.\u00a0B.\x85C.\u2028D", "", "."]
    rnd = random.Random(27)
    texts += ["".join(rnd.choice(".!?؟\n \t\u00a0ab") for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    texts.append("word " * 90 + "end. " + "more " * 90)
    for text in texts:
        for s in range(-2, len(text) + 3, 1 if len(text) < 40 else 13):
            for e in (s, s + 4):
                assert _sentence_bounds(text, s, e) == _sentence_bounds_ref(text, s, e), (text, s, e)


def test_leisure_text_reads_site_words_first() -> None:
    from services.enrich.openworld import _leisure_text

    assert _leisure_text("The summer camp opened by the lake; children swam all day.")
    assert not _leisure_text("The summer camp opened by the lake, and refugees fled to the tents nearby.")
    assert not _leisure_text("Families fled to the camp near the border.")
    assert not _leisure_text("No word about it here.")


def test_branch_context_halves_are_the_whole() -> None:
    from services.enrich.facilities import _BRANCH_CONTEXT_AR_RE, _BRANCH_CONTEXT_EN_RE, _BRANCH_CONTEXT_RE

    for text in ("Branch 215 of military INTELLIGENCE", "the ſecurity branch", "a bank branch 215", "فرع 215 للأمن",
                 "فرع 251 للمصرف", "prisoners held at branch 227", ""):
        whole = _BRANCH_CONTEXT_RE.search(text) is None
        assert whole == (_BRANCH_CONTEXT_AR_RE.search(text) is None and _BRANCH_CONTEXT_EN_RE.search(text) is None)
