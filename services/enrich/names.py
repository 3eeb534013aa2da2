"""What a facility name looks like in print: the marks around it and the words that cannot be one.

Shared by attach.py (known names next to a head) and openworld.py (unknown names next to a head).
"""

from __future__ import annotations

import re
from collections.abc import Container

# Quotation marks outlets put around names (ASCII, guillemets, curly, low-9, single, full-width)
QUOTES = "\"«»“”„‟‹›〝〞＂'’‘`´"
_INVISIBLE = "\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
_GAP_CLASS = f"[\\s{re.escape(QUOTES)}{_INVISIBLE}]"
GAP_RE = re.compile(f"{_GAP_CLASS}*")
_GAP_SET = frozenset(QUOTES + " \t\r\u00a0\u202f\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u061c")
_MAX_GAP = 8  # `مخيم « الزعتري »`: a space, a guillemet, a space; more is not a name next to its head

# dual heads: two names follow (`مخيمي الهول وروج`); alone they are plural nouns in construct (`معتقلي التنظيم`)
# (with "its"/"their": `مدينة طولكرم ومخيميها طولكرم ونور شمس`, the city and its two camps, named)
DUAL_AR = frozenset(("مخيمي", "مخيما", "سجني", "سجنا", "معتقلي", "معتقلا", "مخيميها", "مخيميه", "مخيميهما",
                     "سجنيها", "سجنيه"))

# Arabic words after a head that are no name: an indefinite head followed by an indefinite adjective,
# participle or verb is a description ("سجن مخصص", "معتقل بريطاني", "سجن قياديا", "معتقل انتهت").
_NISBA_ENDINGS = ("ي", "يه", "يا", "يين", "يون", "يان", "يتين")
_VERB_ENDINGS = ("ت", "وا", "تا", "تم", "نا")
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "كم")  # raw (unfolded) ه: a pronoun, not ة
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"
_TANWEEN = ("ً", "اً", "ًا", "ٌ", "ٍ")
# Words that open a multi-word name and call for the next word(s): `مخيم الشيخ إدريس`, `مخيم الشهيد
# رستم جودي`, `سجن مدينة تدمر العسكري`; a person's name after an honorific has up to two words.
NAME_PREFIXES = {"الشيخ": 1, "شيخ": 1, "الشهيد": 2, "شهيد": 2, "الشهيده": 2, "السيد": 1, "السيده": 1,
                 "الامام": 1, "الملك": 1, "الامير": 1, "ابو": 1, "ابي": 1, "ام": 1, "ابن": 1, "بن": 1,
                 "عين": 1, "تل": 1, "دير": 1, "راس": 1, "بئر": 1, "بير": 1, "جبل": 1, "وادي": 1, "باب": 1,
                 "مدينه": 1, "بلده": 1, "قريه": 1, "حي": 1, "معبر": 1, "جسر": 1, "كفر": 1, "خربه": 1,
                 "خليج": 1, "كرم": 1,
                 # "the meadow of" X: `مخيم مرج دابق` (open29 survey, rule 29k)
                 "مرج": 1,
                 # foreign names' first words that call for the next (`سجن سان بيدرو`, `سجن سان كوينتين`,
                 # `سجن فورت ليفنوورث`; rule 25z)
                 "سان": 1, "سانت": 1, "سانتا": 1, "فورت": 1, "بورت": 1, "نيو": 1}
_PARTICLES = ("ك", "ف", "س", "لي", "لن", "لم", "قد")


def arabic_name_ok(raw: str, folded: str, stop: frozenset[str], *, quoted: bool,
                   known: Container[str] = (), listed: bool = False) -> bool:
    """`raw` (as written) / `folded` can start a facility name after a head word.

    A definite word (الهول, التوحيد) can, unless a stop word; an indefinite one only when quoted (outlets
    quote names) or when it does not have the shape of an adjective, a participle, a verb, a word
    with a pronoun or a particle glued to it (كغيره). `listed`: an item of a list under a plural head, where
    a definite word must pass the same shape tests (`منتشرة`, `أبرزها` end a list)."""
    if folded in NAME_PREFIXES:
        return True
    if folded in stop or folded.isdigit() or folded.startswith("لل") or len(folded) < 3:
        return False
    if folded.startswith(("ولل", "فلل", "وبال", "فبال")) or (folded[:2] in ("ول", "فل") and folded[2:] in known):
        return False  # `فلمضايا مخيم وللزبداني مخيم ولريف دمشق مخيم`: "and for Zabadani", a conjunction and a
        # preposition before a place, no camp's name (place19ar, rule 25o)
    definite = folded.startswith("ال")
    if quoted:
        return True
    if definite and _people_plural(folded):
        return False  # `سجن المسؤولين`, `مركز احتجاز المهاجرين`: "prison for the officials", whom it holds
    if definite and not listed:
        return True
    if _passive_marked(raw) or (folded.startswith("است") and len(folded) <= 6 and not raw.endswith(("ة", "ه"))):
        return False  # `مخيم أُنشئ حديثاً`, `بُني عام`: a voweled passive verb; `واستمع`: a tenth-form verb
    if not definite and len(folded) == 5 and folded[0] == "ا" and folded[2] == "ت" and not raw.endswith(("ة", "ه")) \
            and not _foreign_shape(raw, folded):
        return False  # an eighth-form verb after a head (`وفاة معتقل احتُجز في قسم الشرطة`, "a detainee who was held";
        # `اعتقل`, `اختطف`, `اقتحم`): the head is a person, no camp's or prison's name (rule 27j)
    bare = raw.rstrip(_MARKS)
    if bare.endswith(_PRONOUN_ENDINGS) and not bare.endswith("ة") and not (bare.endswith("ويه") and len(bare) >= 6):
        return False  # (a long word in -ويه is a Persian name, `سجن فشافويه`, not a pronoun: أبويه, ذويه are short)
    if (folded.endswith(_VERB_ENDINGS) and not _foreign_shape(raw, folded)
            and not (folded.endswith("ات") and len(folded) >= 5) and not _long_foreign_t(folded)) \
            or raw.endswith(_TANWEEN):
        return False  # (a feminine plural is a noun: مخيم عقربات، سجن شيحات; a verb of that ending is short: بات)
    if definite:
        return True  # المنصورة, المحمدية, الأماني: definite names take every shape
    if not listed and _nisba_of_known(folded, known):
        return False  # (a list under a plural head names camps: `سلمى وسلمى 2`)
    if folded.endswith("ون") and folded[0] in "يتن":
        return False  # imperfect verbs (يقيمون); a name may be a plural (مخيم صابرون، عائدون)
    if folded[0] == "م" and len(folded) >= 4 and not _foreign_shape(raw, folded):
        return False  # participles: مخصص، مكتظ، مؤقت، منتشرة
    if folded.startswith(_PARTICLES) and 4 <= len(folded) <= 6 and not _foreign_shape(raw, folded) \
            and not _kafr_village(folded, stop, known):
        return False  # كغيره, فقط (a three-letter word is a stem: كرم)
    if folded[0] == "ب" and (folded[1:] in _PLACE_NOUNS or folded[1:3] == "ال" or folded[1:] in _MEASURE_NOUNS):
        return False  # `مخيم ببلدة راجو`, `مخيم بالمنطقة`: a preposition, the camp's place follows; `مخيم بطاقة
        # استيعابية`, `سجن بسعة`: "a camp with a capacity of" (open26ar, rule 28n)
    if folded[0] == "ل" or folded in _NUMBER_WORDS:
        return False  # `مخيّم لعوائل` ("a camp for families"), `مخيم واحد` ("one camp")
    if folded[:3] in ("يست", "تست", "نست") and len(folded) == 6 and not raw.endswith(("ة", "ه")):
        return False  # a tenth-form imperfect verb (`سجن يستوعب عدداً`, "a prison that holds"; arspan30, rule 30a)
    if folded[0] in "يت" and len(folded) == 5 and (folded[1] == "ت" or folded[2] in "تا") \
            and not raw.endswith("ة") and not _foreign_shape(raw, folded):
        return False  # imperfect verbs of the derived forms (prec22ar, rule 26x): `مخيم يفتقر` (VIII), `يتوزع` (V),
        # `يعاني` (III); a name of that length has another shape (يبرود، تلعفر)
    return not (folded[0] in "يتن" and len(folded) <= 4 and not raw.endswith("ة"))  # verbs: يضم، تقع، ينقل


# Common words of a foreign name's shape (`ك`/`س` + a long ا): كامل "whole", كافة "all", كان "was"...
_KA_WORDS = frozenset(("كامل", "كامله", "كاملا", "كاملين", "كافه", "كافي", "كافيه", "كاف", "كان", "كانت",
                       "كانوا", "كاد", "كادت", "كاتب", "كارثه", "كارثي", "كارثيه", "سابق", "سابقه", "سابقا",
                       "ساحه", "سالم", "ساعه", "ساهم", "ساهمت", "سادس", "سابع", "ساكن", "ماضي", "مازال",
                       "مازالت", "مائه", "مايه", "مانع", "مار", "مارس"))


# Common words of a foreign name's shape after س (two long vowels, no future particle's letter): "cellars", "knives";
# given names of that shape, a person after a head (`مدير مخيم سليمان ...`)
_SA_WORDS = frozenset(("سراديب", "سكاكين", "سلاطين", "سواتر", "سوابق", "سليمان", "سفيان", "سوزان"))


_KW_WORDS = frozenset(("كوسيله", "كوجهه", "كوزير", "كوكيل", "كوطن", "كوسيط", "كونه", "كونها", "كونهم", "سوف", "سواء",
                       "سويه", "سوريا", "سوري", "سوريه", "سوق", "سور", "سوء", "سوي", "سوى", "سوداء", "سودان", "كوارث",
                       "كوادر"))


def _foreign_shape(raw: str, folded: str) -> bool:
    """A transliterated foreign name written with a long vowel after its first letter where an Arabic participle or
    a particle + word has none: مخيم موريا (Moria), مخيم كاكوما (Kakuma), سجن كارون (Karoun), مخيم ساموس (Samos).
    The letter after the first is a plain ا (not a hamza: كأحد، سأعمل، مأرب are particle + word or Arabic), or a
    و in a name ending in يا; common words of that shape (كامل، كافة، سابق، مارس) are not names."""
    bare = raw.replace("\u0640", "")
    if folded[:1] == "م" and len(folded) >= 6 and folded[2:3] != "ا" and folded not in _KA_WORDS \
            and not folded.endswith(("ي", "يه", "ين", "ون", "ات")) and sum(ch in "اوي" for ch in folded[1:-1]) >= 2:
        return True  # سجن معيتيقة (Mitiga): two long vowels inside; a participle of a three-letter root has one
        # (a verbal noun مفاعلة, مقاومة، محاولة، معاناة, has its ا third)
    if folded[:1] == "س" and len(folded) >= 6 and folded[1:2] not in "يتناا" and folded not in _KA_WORDS \
            and folded not in _KW_WORDS and folded not in _SA_WORDS \
            and not folded.endswith(("ي", "يه", "ين", "ون", "ات", "ه", "ا", "ء")) \
            and sum(ch in "اوي" for ch in folded[1:-1]) >= 2:
        return True  # Iran's سجن سبيدار (Sepidar), سجن سرافان (Saravan): two long vowels inside, and no future
        # particle, which comes only before an imperfect's ي ت ن ا (سيعمل، ستكون، سنبقى، سأعمل; rule 33x)
    if len(bare) < 2 or folded in _KA_WORDS or folded.startswith(("كال", "سال", "فال")) or bare.endswith(("ي", "ة")):
        return False  # (an adjective: ساحلي، سابقة)
    if bare[1] == "ا":
        return folded[0] in "كسم"
    if bare[1] == "و" and folded[0] in "كس" and len(folded) >= 4 and folded not in _KW_WORDS:
        return True  # سجن كوبر (Kober), سجن سوبا (Soba): ك/س + و opens few words (كوسيلة، سوف، سوق)
    if folded[0] in "كفس" and len(folded) >= 6 and folded.endswith("ا") and not raw.endswith(_TANWEEN):
        return True  # مخيم فلورينا (Florina): a particle + word ends so only as a short adverb (فورا، فعلا)
    return bare[1] == "و" and folded[0] == "م" and folded.endswith("يا") and len(folded) >= 5


def _kafr_village(folded: str, stop: frozenset[str], known: Container[str]) -> bool:
    """A village's name written with its first word "Kafr" glued (`سجن كفرجنة`, `مخيم كفرلوسين`, `كفرنبل`): six
    letters or more from `كفر`, not "as" + a word (`كفرنسا`, a known name after ك; `كفرضية`, a nisba's ending;
    `كفريق`, `كفرصة`, `كفرقة` are five letters). Rule 31c."""
    return len(folded) >= 6 and folded.startswith("كفر") and not folded.endswith(("ي", "يه", "يا")) \
        and folded[1:] not in known and folded[1:] not in stop


def _long_foreign_t(folded: str) -> bool:
    """A word of six letters or more ending in ت that no verb prefix or proclitic opens (ا ت ي ن و ف ب ل س) is no
    past verb (استقبلت، تمكنت، وانسحبت are): a foreign name, Iran's `سجن جوهردشت`."""
    if len(folded) >= 8 and folded[-1] == "ت" and folded[0] not in "وفبلس" \
            and sum(ch in "اوي" for ch in folded[1:-1]) >= 2:
        return True  # Morocco's `معتقل تازمامارت` (تزمامارت): eight letters or more and two long vowels inside, a
        # shape no past verb with its prefix has (تمكنت، استقبلت; fac27arw, rule 28v)
    return len(folded) >= 6 and folded[-1] == "ت" and folded[0] not in "اتينوفبلس"


def _people_plural(folded: str) -> bool:
    """A definite plural of people: a participle's (المسؤولين، المهاجرين، المعتقلين) or a nisba's (السوريين)
    plural. Camps named after people (`العائدين`, `الصابرين`) are not participles of that shape, and outlets quote
    them."""
    if not folded.endswith(("ين", "ون")):
        return False
    stem = folded[2:-2]
    return (stem[:1] == "م" and len(stem) >= 4) or (folded.endswith(("يين", "يون")) and len(stem) >= 4)


def _passive_marked(raw: str) -> bool:
    """The word is written with a damma on its first letter and no article: a passive verb (`أُنشئ`, `بُني`,
    `نُقلت`, `يُعرف`); a name is not voweled that way."""
    return len(raw) > 2 and raw[1] == "\u064f" and not raw.startswith("ال")


_PLACE_NOUNS = frozenset(("بلده", "قريه", "مدينه", "منطقه", "ريف", "حي", "ناحيه", "محافظه", "محيط", "اطراف", "جانب",
                          "قرب", "مخيم", "بلدات", "قري", "مناطق"))
# what a site is described "with" after a glued ب (open26ar, rule 28n): its capacity, area, cost, funding, supervision
_MEASURE_NOUNS = frozenset(("طاقه", "سعه", "مساحه", "تكلفه", "كلفه", "قدره", "تمويل", "دعم", "اشراف", "حمايه", "حراسه",
                            "ادارة", "اداره"))
_NUMBER_WORDS = frozenset(("واحد", "واحده", "اثنان", "اثنين", "ثاني", "ثالث", "اخير", "اول", "وحيد", "اكبر",
                           "اصغر", "اقدم", "احدث", "افضل", "اسوا", "اشهر", "اخطر",
                           # quantities: `أُبقي معتقل عدة ليالٍ` ("a detainee was kept several nights"; rule 28g)
                           "عده", "بضعه", "بضع", "عدد", "نحو", "قرابه", "حوالي"))


def _nisba_of_known(folded: str, known: Container[str]) -> bool:
    """An adjective of a known name: بريطاني (بريطانيا), سوري (سوريا), عراقي (العراق), حلبي (حلب). A Kurdish
    or foreign name ending in ي (آشتي) is not one."""
    for end in _NISBA_ENDINGS:
        if folded.endswith(end) and len(folded) - len(end) >= 2:
            stem = folded[: -len(end)]
            return any(f in known for f in (stem, stem + "يا", stem + "ا", "ال" + stem, stem + "ه", stem + "ان"))
    return False


def gap_end(text: str, pos: int) -> int:
    """The end of the spaces, quotation marks and invisible marks from `pos`."""
    m = GAP_RE.match(text, pos)
    return m.end() if m is not None else pos


def quoted(text: str, s: int, e: int) -> bool:
    """The span sits between quotation marks (`«الهول»`, “Roj”)."""
    before = text[max(0, s - 2) : s].strip()
    after = text[e : e + 2].strip()
    return bool(before) and before[-1] in QUOTES and bool(after) and after[0] in QUOTES
