"""Event-trigger senses (rule 29j): which trigger words found by the scanner are no evidence of their type here.

enrichment._events keeps, per type, the first trigger the scanner found; the checks below drop the triggers that
real reporting uses in another sense, before that choice:

- a trigger inside a named entity the engine found (a place, a facility, an actor) is part of a name, no event:
  "the Joint Operations Command", `قيادة العمليات المشتركة`, `القوة الأمنية المشتركة`, `مخيم العودة`;
- a plain death word ("died", "death", `وفاة`, `توفي`, `مات`) is a killing only when its sentence names violence (a
  strike, a shooting, torture, clashes, wounds): inmates who "died at Nasiriyah prison", children who "died of cold"
  and `ذكرى وفاة الإمام` are no killing (the taxonomy: deaths from conditions are humanitarian, not killing);
- forces raiding a place (`اقتحمت قوات الاحتلال مخيم جنين`) is a security operation (the taxonomy lists `اقتحام`
  there), no one-sided attack; gunmen storming a prison stay an attack.
Every check is gated on the trigger's type and a cheap membership test, so a text without such a trigger costs one
dict look-up per trigger.
"""

from __future__ import annotations

from services.enrich.normalize import fold_text
from services.enrich.resolve import Cand

# plain death words (folded): no cause in the word itself (rule 29j)
_SOFT_DEATH = frozenset(("died", "death", "deaths", "dies", "die", "dying", "وفاه", "توفي", "توفيت", "توفوا", "توفيا",
                         "مات", "ماتوا", "ماتت", "يموت", "وفاته", "وفاتها", "وفاتهم", "توفى"))
# words naming violence in the death's sentence (folded; substrings of the sentence's folded text)
_VIOLENCE_EN = ("torture", "wound", "injur", "shot", "gunfire", "gunmen", "bullet", "shell", "strike", "struck", "bomb",
                "blast", "explosion", "clash", "attack", "killed", "beaten", "beating", "drone", "airstrike", "raid",
                "fighting", "stabb", "execut", "violence", "hit by", "fire on", "opened fire", "mortar", "rocket",
                "missile", "massacre", "ambush", "landmine", "mine ", "sniper", "protest", "riot", "crackdown")
_VIOLENCE_AR = ("تعذيب", "التعذيب", "جراح", "رصاص", "طلق", "قصف", "غاره", "غارات", "انفجار", "تفجير", "عبوه",
                "اشتباك", "هجوم", "قتل", "مسير", "ضرب", "اعدام", "اطلاق نار", "اطلاق النار", "قذيف", "صاروخ",
                "مجزره", "لغم", "قناص", "طعن", "استهداف", "استهدف", "معارك", "كمين", "اعتداء", "تعنيف")
# state forces as the agent of an Arabic incursion (folded, proclitics kept off by the token test below)
_FORCES_AR = frozenset(("قوات", "جرافات", "اليات", "اليه", "اجهزه", "الاجهزه", "الجيش", "جيش", "الشرطه",
                        "شرطه", "دوريه", "دوريات", "وحدات", "قوه", "القوات", "عناصر", "الامن", "الاسايش", "الاستخبارات",
                        "جنود", "وحده", "مخابرات", "المخابرات", "حرس", "فرق", "كتيبه", "جيبات", "مركبات", "ناقلات",
                        "مدرعات"))
_INCURSION_AR = frozenset(("اقتحمت", "اقتحم", "اقتحام", "اقتحامات", "يقتحم", "تقتحم", "اقتحمتا", "اقتحموا"))
_ENDS = ".!?؟\n"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(ch, 0, start) for ch in _ENDS) + 1
    hi = len(text)
    for ch in _ENDS:
        i = text.find(ch, end)
        if i != -1 and i < hi:
            hi = i
    return lo, hi


def _violent(text: str, lo: int, hi: int) -> bool:
    s = fold_text(text[lo:hi])
    if text.isascii():
        return any(w in s for w in _VIOLENCE_EN)
    return any(w in s for w in _VIOLENCE_AR) or any(w in s for w in _VIOLENCE_EN)


def _forces_raid(text: str, c: Cand) -> bool:
    """`اقتحمت قوات ...`, `قوات ... اقتحمت`: state forces (or their bulldozers) as the incursion's agent, within the
    three words after the verb or the four before it in its sentence."""
    lo, hi = _sentence(text, c.start, c.end)
    after = fold_text(text[c.end:hi]).split()[:3]
    before = fold_text(text[lo:c.start]).split()[-4:]
    for w in after + before:
        w = w.strip("،,:\"«»()")
        if w in _FORCES_AR or (w[:1] in "وفب" and w[1:] in _FORCES_AR):
            return True
    return False


def sense_drops(text: str, cands: list[Cand], named: list[tuple[int, int, bool]]) -> set[tuple[int, str]]:
    """(start, type) of the triggers that are no evidence of their type in this text (rule 29j)."""
    out: set[tuple[int, str]] = set()
    for c in cands:
        s, e = c.start, c.end
        for ns, ne, agency in named:
            # (an event word heading the name is the event the name was read from: "Turkish shelling", `القصف التركي`)
            if ns <= s and e <= ne and (e < ne if text[s].isascii() else ns < s):
                for p in c.payloads:
                    # an aid agency's name ("World Food Programme", `الشؤون الإنسانية`) is the aid it brings
                    if not agency or p[1] != "humanitarian":
                        out.add((s, p[1]))
                break
        else:
            types = {p[1] for p in c.payloads}
            if "killing" in types or "attack" in types:
                w = fold_text(text[s:e]).lower()
                if "killing" in types and w in _SOFT_DEATH:
                    lo, hi = _sentence(text, s, e)
                    if not _violent(text, lo, hi):
                        out.add((s, "killing"))
                if "attack" in types and w in _INCURSION_AR and _forces_raid(text, c):
                    out.add((s, "attack"))
    return out
