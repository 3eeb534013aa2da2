"""Event-trigger senses (rule 29j): which trigger words found by the scanner are no evidence of their type here.

enrichment._events keeps, per type, the first trigger the scanner found; the checks below drop the triggers that
real reporting uses in another sense, before that choice:

- a trigger inside a named entity the engine found (a place, a facility, an actor) is part of a name, no event:
  "the Joint Operations Command", `قيادة العمليات المشتركة`, `القوة الأمنية المشتركة`, `مخيم العودة`;
- a plain death word ("died", "death", `وفاة`, `توفي`, `مات`) is a killing only when its sentence names violence (a
  strike, a shooting, torture, clashes, wounds): inmates who "died at Nasiriyah prison", children who "died of cold"
  and `ذكرى وفاة الإمام` are no killing (the taxonomy: deaths from conditions are humanitarian, not killing);
- forces raiding a place (`اقتحمت قوات الاحتلال مخيم جنين`) is a security operation (the taxonomy lists `اقتحام`
  there), no one-sided attack; gunmen storming a prison stay an attack;
- (rule 29o) an event only wanted, planned, refused or denied ("urged governments to bring home", "would be moved",
  `طالبت ... بإعادة`, `لن تسمح بعودة`, `نفت ... فرار`) is none (rule 6); "left"/"leaving" is a move only with a camp or
  prison right after it; a move to a hospital of the wounded or the dead is care; a hunger or work strike is no attack.
Every check is gated on the trigger's type and a cheap membership test, so a text without such a trigger costs one
dict look-up per trigger.
"""

from __future__ import annotations

import re

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


# rule 29o: the frames that make the event after them unreal (wanted, planned, refused, denied)
_FRAMED = frozenset(("arrest", "killing", "armed_clash", "attack", "prison_break_riot", "transfer_repatriation",
                     "security_operation"))
# English: a modal or a negation governing the trigger, through "be"/"been"/"not"/adverbs ("would soon be moved")
_MODAL_EN = frozenset(("would", "could", "should", "might", "may", "must", "cannot", "can't", "won't",
                       "wouldn't", "couldn't", "shouldn't", "not", "never", "no"))
_SKIP_EN = frozenset(("be", "been", "being", "soon", "then", "also", "only", "eventually", "still", "all", "later",
                      "finally", "fully", "quickly", "gradually", "safely", "first", "ever", "now"))
# ... or a verb or noun of wanting, planning or refusing before "to" / "for" ("plans to repatriate", "called for
# their urgent repatriation", "refused to take back", "the right to return")
_INTENT_EN = frozenset((
    "urged", "urge", "urges", "urging", "called", "calls", "call", "calling", "plan", "plans", "planned", "planning",
    "refuse", "refused", "refuses", "refusing", "refusal", "seek", "seeks", "sought", "seeking", "want", "wants",
    "wanted", "ready", "aim", "aims", "aimed", "expected", "expects", "pressed",
    "pressing", "press", "demand", "demanded", "demands", "demanding", "right", "bid", "efforts", "effort", "failed",
    "hopes", "hope", "hoped", "intends", "intend", "intended", "pledged", "vowed", "threatened", "threatens",
    "threatening", "threat", "promised", "promises", "able", "unable", "appealed", "appeals", "appeal", "lobbying",
    "pushing", "pushed", "due", "scheduled", "preparing", "prepares", "prepared", "proposal", "proposed", "offered",
    "willing", "unwilling", "reluctant", "push", "pleaded", "begged"))
# ... the verbs that take an object before "to" ("urged European governments to bring home"); not "asked to take back"
# (a government asking to take its nationals back is labelled as the repatriation under way, rule 24 core24en)
_OBJ_INTENT_EN = frozenset(("urged", "urge", "urges", "urging", "asked", "asks", "asking", "pressed", "press",
                            "pressing", "called", "calls", "call", "calling", "pushing", "pushed", "push"))
_LINK_EN = frozenset(("to", "for"))
_ARTICLE_EN = frozenset(("the", "their", "his", "her", "its", "an", "a", "urgent", "immediate", "swift", "safe",
                         "voluntary", "be", "prompt", "speedy"))
# Arabic (folded): a particle of negation or future, a verb or noun of wanting, planning, appealing or refusing
_UNREAL_AR = frozenset((
    "لن", "لم", "لا", "عدم", "بعدم", "سوف", "سيتم", "ستتم", "سيجري", "ستجري", "المقرر", "المزمع", "يعتزم", "تعتزم",
    "ينوي", "تنوي", "يخطط", "تخطط", "خطه", "رفض", "رفضت", "يرفض", "ترفض", "رفضه", "رفضها", "رفضهم", "رافضا",
    "رافضين", "طالب", "طالبت", "يطالب", "تطالب", "يطالبون", "طالبوا", "مطالبا", "مطالبه", "مطالبين", "للمطالبه",
    "مطالبتها", "مطالبته", "مطالبتهم", "دعا", "دعت", "يدعو", "تدعو", "داعيا", "داعيه", "دعوا", "دعوه", "دعوات",
    "ناشد", "ناشدت", "يناشد", "تناشد", "مناشده", "حق", "بحق", "ضمان", "لضمان", "تسهيل", "لتسهيل", "امكانيه",
    "يمكن", "بانتظار", "انتظار", "مشروع", "مقترح", "اقتراح", "مطلب", "مطالب", "شروط", "شرط", "يرفضون",
    "ضروره", "بضروره", "يريد", "تريد", "يريدون", "تسعى", "يسعى", "استعداد", "استعدادها", "استعداده", "مستعده",
    "مستعد", "نفي", "نفت", "ينفي", "تنفي", "نافيا", "نافيه"))
# a move to hospital is medical care, no transfer, when its sentence names the wounded, the sick or a death (rule 29o)
_CARE = ("جرح", "جريح", "مصاب", "اصابه", "اصيب", "توفي", "وفاه", "مرض", "لدغ", "wound", "injur", "died", "death",
         "hurt", "ill", "sick", "casualt", "dead", "shot", "bullet", "طلق ناري", "رصاص")
# the appeal verbs whose object (after `بـ` or `إلى`) is only wanted (rule 29o)
_APPEAL_AR = frozenset(("طالب", "طالبت", "يطالب", "تطالب", "يطالبون", "طالبوا", "مطالبا", "مطالبين", "دعا", "دعت",
                        "يدعو", "تدعو", "داعيا", "داعيه", "دعوا", "ناشد", "ناشدت", "يناشد", "تناشد", "مطالبه",
                        "مطالبتها", "مطالبته", "مطالبتهم", "للمطالبه"))
_GLUED_AR = frozenset(("ب", "وب", "فب", "بال", "وبال", "ل", "ول", "لل", "ولل"))
_NEG_AR = frozenset(("لن", "لم", "لا"))
_DENY_AR = frozenset(("نفي", "نفت", "ينفي", "تنفي"))
_LINK_AR = frozenset(("الى", "الي", "ان", "اجل"))
_LEAVE_EN = frozenset(("left", "leaving", "leave", "leaves"))
_HOSPITAL = ("hospital", "clinic", "مستشفي", "المستشفي", "مستشفيات", "المستشفيات", "مشفي", "المشفي", "مستوصف")
_HOSPITAL_STEMS = ("hospital", "clinic", "مستشفي", "مشفي", "مستوصف")
assert all(any(t in h for t in _HOSPITAL_STEMS) for h in _HOSPITAL)
_LABOUR = frozenset(("hunger", "general", "labour", "labor", "workers", "workers'", "teachers", "sit-in", "sit",
                     "nationwide", "open-ended", "partial", "solidarity", "prison", "work", "inmate", "inmates",
                     "rent"))
_STAGED = frozenset(("joined", "join", "joining", "staged", "stage", "began", "begun", "launched", "declared", "called",
                     "ended", "end", "ending", "suspended", "broke", "continued", "held"))
_TRIM = "،,:;\"«»()“”‘’'"


# the last sentence end or comma before an offset (matched over a window ending there: greedy, so the last one)
_LAST_SEP_RE = re.compile("(?s:.*)[" + re.escape(_ENDS + "،,;") + "]")
_WORDS_WINDOW = 160  # (characters before the offset where the words are looked for first)


def _words_before(text: str, s: int, n: int) -> list[str]:
    """The n words before offset s in its sentence, nearest first, folded and lower-cased; a comma ends them.
    (The separator is looked for in the 160 characters before s first; where there is none and they hold more than n
    words, their last n are the sentence's. fold_text and lower() work character by character, so a word cut at the
    window's edge is never among them.)"""
    w0 = s - _WORDS_WINDOW if s > _WORDS_WINDOW else 0
    m = _LAST_SEP_RE.match(text, w0, s)
    if m is not None:
        lo = m.end()
    elif w0 == 0:
        lo = 0
    else:
        words = fold_text(text[w0:s]).lower().split()
        if len(words) > n:
            return [w.strip(_TRIM) for w in reversed(words[-n:])]
        m = _LAST_SEP_RE.match(text, 0, s)
        lo = m.end() if m is not None else 0
    return [w.strip(_TRIM) for w in reversed(fold_text(text[lo:s]).lower().split()[-n:])]


def _words_before_ref(text: str, s: int, n: int) -> list[str]:
    """_words_before's specification (tests/unit/test_enrich_round29_events29.py compares them)."""
    lo = max(text.rfind(ch, 0, s) for ch in _ENDS + "،,;") + 1
    return [w.strip(_TRIM) for w in reversed(fold_text(text[lo:s]).lower().split()[-n:])]


def _unreal(text: str, s: int) -> bool:
    if text[s:s + 1].isascii():
        ws = _words_before(text, s, 7)
        i = 0
        while i < len(ws) and ws[i] in _SKIP_EN:
            i += 1
        if i < len(ws) and ws[i] in _MODAL_EN:
            return True
        # "X to [the|their|be] <trigger>", "X for [their] [urgent] <trigger>"
        for j in range(min(4, len(ws))):
            if ws[j] in _LINK_EN:
                return (j + 1 < len(ws) and ws[j + 1] in _INTENT_EN) or (
                    ws[j] == "to" and any(w in _OBJ_INTENT_EN for w in ws[j + 2:j + 5]))
            if ws[j] not in _ARTICLE_EN:
                return False
        return False
    # Arabic: the word before (or the one before `إلى`/`أن`); in the verb-subject-object order the verb may stand a few
    # words back: `طالبت مديرة المخيم الدول بإعادة`, `دعا العراق ستين دولة إلى استعادة`, `نفت وزارة الداخلية فرار`
    ws = _words_before(text, s, 9)
    b = s
    while b > 0 and s - b < 4 and text[b - 1].isalpha():
        b -= 1
    glued = text[b:s] in _GLUED_AR
    if glued and ws and ws[0] == fold_text(text[b:s]):
        ws = ws[1:]  # (the proclitic itself, `ب` / `بال` / `ل`)
    if not ws:
        return False
    if ws[0] in _UNREAL_AR:
        return True
    if len(ws) > 1 and ws[0] in _LINK_AR and ws[1] in _UNREAL_AR:
        return True
    if glued:  # `لن تسمح بعودة`, `لا يفكر بالعودة`, `طالبت الإدارة الدول باستعادة`
        return (len(ws) > 1 and ws[1] in _UNREAL_AR) or any(w in _APPEAL_AR for w in ws[:7])
    if ws[0] in _LINK_AR:
        return any(w in _APPEAL_AR for w in ws[1:6])
    return any(w in _DENY_AR for w in ws[1:4])


def _facility_next(text: str, e: int, fac_starts: list[int] | None) -> bool:
    """A facility the engine found starts right after "left"/"leaving" (an article or "from" between)."""
    if not fac_starts:
        return False
    for f in fac_starts:
        if e <= f <= e + 10:
            gap = text[e:f].strip().lower()
            if gap in ("", "the", "from", "from the"):
                return True
    return False


def _to_hospital(text: str, e: int) -> bool:
    """A transfer to a hospital ("taken to hospital", `نقله إلى المستشفى`) within the next five words, in a sentence
    that names the wounded, the sick or a death (a detainee moved to a prison hospital under guard stays a transfer)."""
    after = fold_text(text[e:e + 60]).lower().split()[:5]
    near = " ".join(after)
    if not any(h in near for h in _HOSPITAL_STEMS):
        return False  # (every _HOSPITAL word holds one of these: most transfers go nowhere near a hospital)
    if not any(any(w.startswith(h) or w[1:].startswith(h) for h in _HOSPITAL) for w in after):
        return False
    lo, hi = _sentence(text, e - 1, e)
    sent = fold_text(text[lo:hi]).lower()
    return any(w in sent for w in _CARE)


def _labour_strike(text: str, s: int) -> bool:
    """A strike by workers or inmates: "hunger strike", "went on strike", "joined a strike against the conditions",
    "three-strikes"."""
    if s > 0 and text[s - 1] == "-":
        return True
    ws = _words_before(text, s, 3)
    if ws and (ws[0] in _LABOUR or ws[0] == "on" or (ws[0] in ("a", "the") and len(ws) > 1 and ws[1] in _STAGED)):
        return True
    after = text[s:s + 30].lower().split()[1:2]
    return bool(after) and after[0] in ("over", "against", "demanding", "action", "in")


class SenseDrops:
    """The trigger types that are no evidence in one text (rules 29j, 29o), asked trigger by trigger: enrichment._events
    asks only about the triggers that could still be a type's first (a type already evidenced needs no more checks)."""

    __slots__ = ("cover", "fac_starts", "n", "named", "text")

    def __init__(self, text: str, named: list[tuple[int, int, bool]], fac_starts: list[int] | None = None) -> None:
        self.text, self.named, self.fac_starts = text, named, fac_starts
        # where a named span lies: a trigger whose first character none covers is inside no name (most triggers)
        n = self.n = len(text)
        cover = self.cover = bytearray(n)
        for ns, ne, _agency in named:
            a, b = max(ns, 0), min(ne, n)
            if a < b:
                cover[a:b] = b"\x01" * (b - a)

    def at(self, c: Cand) -> set[str]:
        """The types of trigger c that are no evidence of their type here."""
        text = self.text
        out: set[str] = set()
        s, e = c.start, c.end
        types = {p[1] for p in c.payloads}
        # rule 29o: an event only wanted, planned, refused or denied ("urged governments to bring home", "would be
        # transferred", `طالبت بإعادة`, `رفضت تسليم`, "no attack") is no event (rule 6: hypotheticals are not labelled)
        if types & _FRAMED and _unreal(text, s):
            return types & _FRAMED
        if "transfer_repatriation" in types:
            w = text[s:e].lower()
            if w in _LEAVE_EN and not _facility_next(text, e, self.fac_starts):
                out.add("transfer_repatriation")  # "left" with no camp or prison after it (rule 29o)
            elif _to_hospital(text, e):
                out.add("transfer_repatriation")  # a patient taken to hospital (rule 29o)
        if "attack" in types and text[s:e].lower() in ("strike", "strikes") and _labour_strike(text, s):
            out.add("attack")  # a hunger or general strike is no air strike (rule 29o)
        for ns, ne, agency in self.named if 0 <= s < self.n and self.cover[s] else ():
            # (an event word heading the name is the event the name was read from: "Turkish shelling", `القصف التركي`)
            if ns <= s and e <= ne and (e < ne if text[s].isascii() else ns < s):
                for p in c.payloads:
                    # an aid agency's name ("World Food Programme", `الشؤون الإنسانية`) is the aid it brings
                    if not agency or p[1] != "humanitarian":
                        out.add(p[1])
                break
        else:
            if "killing" in types or "attack" in types:
                w = fold_text(text[s:e]).lower()
                if "killing" in types and w in _SOFT_DEATH:
                    lo, hi = _sentence(text, s, e)
                    if not _violent(text, lo, hi):
                        out.add("killing")
                if "attack" in types and w in _INCURSION_AR and _forces_raid(text, c):
                    out.add("attack")
        return out


def sense_drops(text: str, cands: list[Cand], named: list[tuple[int, int, bool]],
                fac_starts: list[int] | None = None) -> set[tuple[int, str]]:
    """(start, type) of the triggers that are no evidence of their type in this text (rules 29j, 29o)."""
    drops = SenseDrops(text, named, fac_starts)
    return {(c.start, t) for c in cands for t in drops.at(c)}
