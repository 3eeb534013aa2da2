/* place_mask: which of enrichment._place's checks can answer True for one place candidate (a superset test).
 *
 * enrichment._place runs some twenty checks on every place candidate of the gazetteer; nearly every candidate
 * passes them all (a place). place_mask(text, s, e, flags, memo) reads, in one call, the characters by which each
 * check can fire at all and answers a mask of groups (the PM_* bits below; enrichment._PM_*): 0 where none of
 * them can, and then _place's short path (enrichment._place_plain) gives the place without calling them. A set
 * bit costs only the checks' own run (enrichment._place_full, the reference, which the pure path always runs).
 *
 * The checks that read a word (the word before the name, the surface itself) are answered from four memos that
 * the Python side fills (memo = (surface_gates, name_before, given_before, word_flags), enrichment._fill_gates):
 * a word absent from its memo sets PM_MISS (Python fills the memo from its twins and asks again). Each memo's
 * value is a function of its key alone (places.surface_gates, places.name_before_hit, enrichment._given_before,
 * enrichment._word_flags), and each key is cut from the text here exactly as its Python reader cuts it:
 *
 *   surface_gates  text[s:e]
 *   name_before    person_named's word: text[i + 1 : s - 1], i = text.rfind(" ", max(0, s - 24), s - 1)
 *   given_before   _person_before's word: the same within 16 characters (an Arabic name with the article)
 *   word_flags     context.prev_word's token (text[s - 1] a space): the last run of non-space characters of
 *                  text[max(0, s - 40) : s], as str.rsplit(None) reads it (its strip and fold: Python's)
 *
 * All indexes are bounds-checked (the spans are the scanner's, but the input is untrusted text). */
#include "native.h"

#define PM_ANY 1        /* a check that does not depend on the entry */
#define PM_MISS 2       /* a memo lacks a word: fill and ask again */
#define PM_CITY 4       /* _governorate_cued (with gov), _village_head: only a "city" entry asks them */
#define PM_COUNTRY 8    /* _admin_head_before, _country_adjective, "Port ", in_landmark_name: a "country" */
#define PM_CROSS 16     /* the crossing's word before or after: a city, town or village */
#define PM_NOTCOUNTRY 32 /* kaf_glued, a kunya, a tribe, a title, _person_before: any entry but a country */

/* enrichment._word_flags's bits (the folded word before the name is one of ...) */
#define WF_KTT 1      /* _KUNYA_AR, _TRIBE_AR, _PERSON_TITLE_AR */
#define WF_VILLAGE 2  /* _VILLAGE_HEADS */
#define WF_ADMIN 4    /* _ADMIN_HEADS */
#define WF_CROSS 8    /* _CROSSING_AR */
#define WF_ADJ_DEF 16 /* _country_adjective before a name with the article */
#define WF_ADJ_INDEF 32 /* _country_adjective before one without */

#define SG_PERSON 8 /* places.MAY_PERSON: the surface (lower case) is a given name of person_names */

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} PText;

static inline Py_UCS4 at(const PText *t, Py_ssize_t i) { return PyUnicode_READ(t->kind, t->data, i); }

/* text[pos:pos + len(w)] == w, within the text (a negative pos never matches: the Python slice is shorter) */
static int eq_at(const PText *t, Py_ssize_t pos, const Py_UCS4 *w, Py_ssize_t len) {
    if (pos < 0 || pos + len > t->n) return 0;
    for (Py_ssize_t i = 0; i < len; i++)
        if (at(t, pos + i) != w[i]) return 0;
    return 1;
}

/* w in text[lo:hi] (0 <= lo, hi <= n; len >= 1). The first character is looked for in the text's own width (memchr
 * in a Latin-1 text, which holds no character above U+00FF: a needle opening with one is not there), the rest
 * compared where it is: what the plain loop `at(i) == w[0] && eq_at(i)` over every i answers, without reading each
 * character through the width switch. */
static int has(const PText *t, Py_ssize_t lo, Py_ssize_t hi, const Py_UCS4 *w, Py_ssize_t len) {
    if (lo < 0) lo = 0;
    if (hi > t->n) hi = t->n;
    Py_ssize_t last = hi - len; /* the last start that leaves room for the needle */
    if (len < 1 || last < lo) return 0;
    Py_UCS4 w0 = w[0];
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: {
        if (w0 > 0xff) return 0;
        const Py_UCS1 *d = (const Py_UCS1 *)t->data;
        for (Py_ssize_t i = lo; i <= last;) {
            const Py_UCS1 *p = memchr(d + i, (int)w0, (size_t)(last - i + 1));
            if (p == NULL) return 0;
            i = p - d;
            if (eq_at(t, i, w, len)) return 1;
            i++;
        }
        return 0;
    }
    case PyUnicode_2BYTE_KIND: {
        if (w0 > 0xffff) return 0;
        const Py_UCS2 *d = (const Py_UCS2 *)t->data;
        for (Py_ssize_t i = lo; i <= last; i++)
            if (d[i] == w0 && eq_at(t, i, w, len)) return 1;
        return 0;
    }
    default: {
        const Py_UCS4 *d = (const Py_UCS4 *)t->data;
        for (Py_ssize_t i = lo; i <= last; i++)
            if (d[i] == w0 && eq_at(t, i, w, len)) return 1;
        return 0;
    }
    }
}

/* the one-character test text[i] in chars (i within the text) */
static int one_of(const PText *t, Py_ssize_t i, const Py_UCS4 *chars, int k) {
    if (i < 0 || i >= t->n) return 0;
    Py_UCS4 c = at(t, i);
    for (int j = 0; j < k; j++)
        if (c == chars[j]) return 1;
    return 0;
}

#define W(...) ((const Py_UCS4[]){__VA_ARGS__})
#define EQ(pos, ...) eq_at(t, (pos), W(__VA_ARGS__), sizeof(W(__VA_ARGS__)) / sizeof(Py_UCS4))
#define HAS(lo, hi, ...) has(t, (lo), (hi), W(__VA_ARGS__), sizeof(W(__VA_ARGS__)) / sizeof(Py_UCS4))
#define ONE(i, ...) one_of(t, (i), W(__VA_ARGS__), sizeof(W(__VA_ARGS__)) / sizeof(Py_UCS4))

/* c may be the lower-case ASCII letter x (or the character x) as str.lower() or re's IGNORECASE reads it: the
 * letter in either case, or a character beyond ASCII that folds to it (the Kelvin sign, the long s, the dotted and
 * the dotless I) */
static inline int low_is(Py_UCS4 c, char x) {
    return c == (Py_UCS4)x || (x >= 'a' && x <= 'z' && c == (Py_UCS4)(x - 32)) || (x == 'k' && c == 0x212a)
           || (x == 's' && c == 0x17f) || (x == 'i' && (c == 0x130 || c == 0x131));
}

/* text[pos:pos + len(w)] may be w in any case (w lower-case ASCII) */
static int low_eq(const PText *t, Py_ssize_t pos, const char *w) {
    Py_ssize_t len = (Py_ssize_t)strlen(w);
    if (pos < 0 || pos + len > t->n) return 0;
    for (Py_ssize_t i = 0; i < len; i++)
        if (!low_is(at(t, pos + i), w[i])) return 0;
    return 1;
}

/* w (lower-case ASCII) may be within text[lo:hi] in any case */
static int low_has(const PText *t, Py_ssize_t lo, Py_ssize_t hi, const char *w) {
    Py_ssize_t len = (Py_ssize_t)strlen(w);
    if (lo < 0) lo = 0;
    if (hi > t->n) hi = t->n;
    for (Py_ssize_t i = lo; i + len <= hi; i++)
        if (low_eq(t, i, w)) return 1;
    return 0;
}

/* _PLURAL_ADMIN_AFTER_RE or _PLURAL_RURAL_AFTER_RE can match at e: "provinces", "governorates" or "countryside"
 * (any case) before the first character that
 * no part of a match can be (its names are \w, ' ’ - and spaces; commas and "and" between them) */
static int plural_after(const PText *t, Py_ssize_t e) {
    Py_ssize_t hi = e;
    while (hi < t->n) {
        Py_UCS4 c = at(t, hi);
        if (!(c == ' ' || c == ',' || c == '\'' || c == 0x2019 || c == '-' || c == '_' || is_word(c)
              || Py_UNICODE_ISALNUM(c)))
            break;
        hi++;
    }
    return low_has(t, e, hi, "provinces") || low_has(t, e, hi, "governorates")
           || low_has(t, e, hi, "countryside"); /* _PLURAL_RURAL_AFTER_RE (rule 26b) */
}

static inline int space_at(const PText *t, Py_ssize_t i) { return i < t->n && Py_UNICODE_ISSPACE(at(t, i)); }

/* _RURAL_AFTER_RE can match at e: `(?:\)|['’]s)?\s+(?:(?:north|south|east|west)(?:ern)?\s+)?countryside\b`
 * (IGNORECASE), read by hand up to the first letter of "countryside" */
static int rural_after(const PText *t, Py_ssize_t e) {
    Py_ssize_t p = e;
    if (p < t->n && at(t, p) == ')') p++;
    else if (p + 1 < t->n && (at(t, p) == '\'' || at(t, p) == 0x2019) && low_is(at(t, p + 1), 's')) p += 2;
    if (!space_at(t, p)) return 0;
    while (space_at(t, p)) p++;
    if (low_eq(t, p, "c")) return 1;
    static const char *dirs[4] = {"north", "south", "east", "west"};
    for (int k = 0; k < 4; k++) {
        if (!low_eq(t, p, dirs[k])) continue;
        Py_ssize_t q = p + (Py_ssize_t)strlen(dirs[k]);
        if (low_eq(t, q, "ern") && space_at(t, q + 3)) return 1; /* (either way: asked) */
        if (space_at(t, q)) return 1;
    }
    return 0;
}

/* the memo's value for text[a:b]: 1 found (*val borrowed), 0 absent, -1 error */
static int memo_get(PyObject *text, PyObject *memo, Py_ssize_t a, Py_ssize_t b, PyObject **val) {
    PyObject *key = PyUnicode_Substring(text, a, b);
    if (key == NULL) return -1;
    PyObject *v = PyDict_GetItemWithError(memo, key);
    Py_DECREF(key);
    if (v == NULL) return PyErr_Occurred() ? -1 : 0;
    *val = v;
    return 1;
}

/* the int value of a memo's entry, or -1 with an error set */
static long memo_int(PyObject *v) {
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) return -1;
    return x < 0 ? 0 : x;
}

PyObject *mod_place_mask(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    static const char *usage = "place_mask(text: str, start: int, end: int, flags: int, memo: tuple of 4 dicts)";
    if (nargs != 5 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[4]) || PyTuple_GET_SIZE(args[4]) != 4) {
        PyErr_SetString(PyExc_TypeError, usage);
        return NULL;
    }
    PyObject *text = args[0], *memo = args[4];
    for (int k = 0; k < 4; k++)
        if (!PyDict_CheckExact(PyTuple_GET_ITEM(memo, k))) {
            PyErr_SetString(PyExc_TypeError, usage);
            return NULL;
        }
    PyObject *sg = PyTuple_GET_ITEM(memo, 0), *nb = PyTuple_GET_ITEM(memo, 1), *gb = PyTuple_GET_ITEM(memo, 2),
             *wf = PyTuple_GET_ITEM(memo, 3);
    Py_ssize_t s = PyLong_AsSsize_t(args[1]);
    if (s == -1 && PyErr_Occurred()) return NULL;
    Py_ssize_t e = PyLong_AsSsize_t(args[2]);
    if (e == -1 && PyErr_Occurred()) return NULL;
    long flags = PyLong_AsLong(args[3]);
    if (flags == -1 && PyErr_Occurred()) return NULL;
    PText tt = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)}, *t = &tt;
    Py_ssize_t n = t->n;
    if (s < 0 || e <= s || e > n) return PyLong_FromLong(PM_ANY); /* (no candidate: the full path decides) */
    long m = 0;
    PyObject *v;
    int got;
    Py_UCS4 c0 = at(t, s);
    int latin = c0 < LATIN_END;
    Py_UCS4 before = s >= 1 ? at(t, s - 1) : 0; /* text[s - 1] (0: none) */
    Py_UCS4 after = e < n ? at(t, e) : 0;       /* text[e] (0: none) */
    Py_UCS4 after2 = e + 1 < n ? at(t, e + 1) : 0;

    /* ---- PM_ANY: the checks before the entry is known, and the street's word ---- */
    if (place_gates_test(text, s, e)) m |= PM_ANY; /* in_outlet_name, english_non_place, person_before */
    if (s > 1 && ONE(s - 1, '"', 0xab, 0xbb, 0x201c, 0x201d, 0x201e, '\'', 0x2019)) m |= PM_ANY; /* _QUOTES */
    if (at(t, e - 1) == 0x64b || after == 0x64b || (e >= s + 2 && at(t, e - 2) == 0x64b)) m |= PM_ANY; /* the tanween */
    /* a digit before the space before the name: `49 سوريا` (enrichment._count_of_people, rule 27j) */
    if (s >= 2 && before == ' ' && ((at(t, s - 2) >= '0' && at(t, s - 2) <= '9') || (at(t, s - 2) >= 0x660 && at(t, s - 2) <= 0x669)))
        m |= PM_ANY;
    /* surface_gates: any of MAY_COMMON, MAY_NOUN, MAY_AGENCY; MAY_PERSON where a capital follows (person_named) */
    if ((got = memo_get(text, sg, s, e, &v)) < 0) return NULL;
    if (got == 0) m |= PM_MISS;
    else {
        long g = memo_int(v);
        if (g < 0) return NULL;
        if ((g & 7) || ((g & SG_PERSON) && after == ' ' && Py_UNICODE_ISUPPER(after2))) m |= PM_ANY;
    }
    if (s > 1 && before == ' ') { /* person_named: the word before as written */
        Py_ssize_t lo = s > 24 ? s - 24 : 0, a = lo;
        for (Py_ssize_t i = s - 2; i >= lo; i--)
            if (at(t, i) == ' ') {
                a = i + 1;
                break;
            }
        if ((got = memo_get(text, nb, a, s - 1, &v)) < 0) return NULL;
        if (got == 0) m |= PM_MISS;
        else {
            int hit = PyObject_IsTrue(v);
            if (hit < 0) return NULL;
            if (hit) m |= PM_ANY;
        }
    }
    /* agency_or_outlet past its surface: "The Times of", "Voice of" before; `«القدس العربي»` */
    if (EQ(s - 9, 'T', 'i', 'm', 'e', 's', ' ', 'o', 'f', ' ') || EQ(s - 9, 'V', 'o', 'i', 'c', 'e', ' ', 'o', 'f', ' ')
        || ((before == 0xab || before == '"' || before == 0x201c) && EQ(e, ' ', 0x627, 0x644, 0x639, 0x631, 0x628, 0x64a)))
        m |= PM_ANY;
    if (latin) {
        if (s + 2 < n && at(t, s + 2) == '-') m |= PM_ANY; /* direction_of_name */
        /* in_credit: the pattern's own literals in the 60 characters before, a "/" in the 40 after */
        Py_ssize_t lo = s > 60 ? s - 60 : 0;
        if (HAS(lo, s, '/') || HAS(lo, s, 0xa9)
            || (HAS(lo, s, 'b', 'y')
                && (HAS(lo, s, 'h', 'o', 't', 'o') || HAS(lo, s, 'H', 'O', 'T', 'O') || HAS(lo, s, 'P', 'i', 'c', 't', 'u', 'r', 'e')))
            || (HAS(lo, s, ':') && (HAS(lo, s, 'r', 'e', 'd', 'i', 't') || HAS(lo, s, 'r', 'a', 'p', 'h', 'e', 'r')))
            || HAS(lo, s, '(', 'c', ')') || HAS(lo, s, '(', 'C', ')') || HAS(e, e + 40, '/'))
            m |= PM_ANY;
        /* _named_after */
        if (after == ' ' && (after2 == 'S' || after2 == 'A' || after2 == 'U' || after2 == 'D' || after2 == 'O'
                             || after2 == 'G' || after2 == 'M' || after2 == 'R'))
            m |= PM_ANY; /* (" Road" too: world16) */
        /* a US state after the name, "Georgia" after a comma, "New " before (_place_full, world16) */
        if (EQ(e, ',', ' ') || EQ(s - 2, ',', ' ') || EQ(s - 4, 'N', 'e', 'w', ' ')) m |= PM_ANY;
        /* _in_group_name: " for ", " For " or "gainst " in the 90 characters before (rule 26b) */
        {
            Py_ssize_t lo90 = s > 90 ? s - 90 : 0;
            if (HAS(lo90, s, ' ', 'f', 'o', 'r', ' ') || HAS(lo90, s, ' ', 'F', 'o', 'r', ' ')
                || HAS(lo90, s, 'g', 'a', 'i', 'n', 's', 't', ' '))
                m |= PM_ANY;
        }
        /* _district_named, _quarter_of_far_town: " district", " neighbo(u)rhood", " quarter" after (rule 26b) */
        if (after == ' ' && (after2 == 'd' || after2 == 'n' || after2 == 'q')
            && (EQ(e, ' ', 'd', 'i', 's', 't', 'r', 'i', 'c', 't') || EQ(e, ' ', 'n', 'e', 'i', 'g', 'h', 'b', 'o')
                || EQ(e, ' ', 'q', 'u', 'a', 'r', 't', 'e', 'r')))
            m |= PM_ANY;
        /* enrichment._GROUP_OF_RE (" of " right before: "the Communist Party of Iraq") and _TREATY_AFTER_RE (" Convention",
         * " Protocol", " Accords" after: "the Fourth Geneva Convention"; " A" is _named_after's already), rule 26k */
        if (EQ(s - 4, ' ', 'o', 'f', ' ') || (after == ' ' && (after2 == 'C' || after2 == 'P'))) m |= PM_ANY;
        if (EQ(s - 14, 'U', 'n', 'i', 'v', 'e', 'r', 's', 'i', 't', 'y', ' ', 'o', 'f', ' ') || EQ(s - 5, 'N', 'a', 'f', 't', ' ')
            || EQ(s - 8, 'N', 'a', 'f', 't', ' ', 'a', 'l', '-'))
            m |= PM_ANY;
    } else {
        if (EQ(s - 5, 0x648, 0x627, 0x62f, 0x64a, ' ')) m |= PM_ANY; /* in_named_valley: `وادي ` */
        /* _named_after: `سد`, `نادي`, `جامعة` before */
        if (s > 2 && before == ' ' && ONE(s - 2, 0x629, 0x647, 0x62f, 0x64a)
            && (EQ(s - 3, 0x633, 0x62f) || EQ(s - 5, 0x646, 0x627, 0x62f, 0x64a) || EQ(s - 5, 0x627, 0x645, 0x639)))
            m |= PM_ANY;
    }
    /* natural_feature (asked with a feature's word in the text, or after ف) */
    if (before == 0x641) m |= PM_ANY;
    else if (flags & 1) {
        if ((after == ' ' || after == 0xa0) && (after2 == 'R' || after2 == 'r' || after2 == 'M' || after2 == 'm'
                                                || after2 == 'L' || after2 == 'l'))
            m |= PM_ANY;
        if (EQ(s - 5, 'L', 'a', 'k', 'e', ' ') || EQ(s - 5, 'l', 'a', 'k', 'e', ' ')) m |= PM_ANY; /* "Lake X" */
        if (s > 2 && c0 >= 0x600 && c0 <= 0x6ff) {
            Py_ssize_t lo = s > 16 ? s - 16 : 0;
            if (HAS(lo, s, 0x646, 0x647, 0x631) || HAS(lo, s, 0x62c, 0x628, 0x627, 0x644)
                || HAS(lo, s, 0x633, 0x644, 0x633, 0x644) || HAS(lo, s, 0x62d, 0x64a, 0x631)
                || HAS(lo, s, 0x62d, 0x648, 0x636) /* (`حوض`: rule 25b) */
                || HAS(lo, s, 0x63a, 0x648, 0x631)) /* (`غور`: rule 26g) */
                m |= PM_ANY;
        }
    }
    /* `شارع` in the 6 characters before, `بستان`, `حار` in the 7 (enrichment._place_full's `lead`: a street's, an
     * orchard's, a lane's name holds no place, curated or not; `حارة صيدا` had been made at once by this path:
     * place18) */
    if (HAS(s - 6, s, 0x634, 0x627, 0x631, 0x639) || HAS(s - 7, s, 0x628, 0x633, 0x62a, 0x627, 0x646)
        || HAS(s - 7, s, 0x62d, 0x627, 0x631)
        || EQ(s - 3, 0x62a, 0x644, ' ') || HAS(s - 7, s, 0x62e, 0x631, 0x628, 0x629, ' ')) /* `تل `, `خربة ` (rule 26l) */
        m |= PM_ANY;

    /* the folded word before the name (prev_word's token), read where a check of the entry asks it */
    long wflags = 0;
    if (before == ' ' && s >= 2) {
        Py_ssize_t lo = s > 40 ? s - 40 : 0, j = s - 1;
        while (j >= lo && Py_UNICODE_ISSPACE(at(t, j))) j--;
        if (j >= lo) {
            Py_ssize_t i = j;
            while (i >= lo && !Py_UNICODE_ISSPACE(at(t, i))) i--;
            if ((got = memo_get(text, wf, i + 1, j + 1, &v)) < 0) return NULL;
            if (got == 0) m |= PM_MISS;
            else if ((wflags = memo_int(v)) < 0) return NULL;
        }
    }

    /* ---- PM_CITY ---- */
    if (flags & 2) { /* _governorate_cued */
        Py_ssize_t lo30 = s > 30 ? s - 30 : 0, lo60 = s > 60 ? s - 60 : 0;
        /* the dual and plural cues (`أرياف` in the 60 before: a list of up to four names, rule 26a); _RURAL_BEFORE_RE's
         * own words (any case) in the 60 before; _PLURAL_ADMIN_AFTER_RE after " and " or ", "; " and " before, and the
         * plural right after */
        if (HAS(lo30, s, 0x631, 0x64a, 0x641, 0x64a) || HAS(lo30, s, 0x645, 0x62d, 0x627, 0x641, 0x638, 0x62a, 0x64a)
            || HAS(lo60, s, 0x631, 0x64a, 0x627, 0x641) || HAS(lo60, s, 0x645, 0x62d, 0x627, 0x641, 0x638, 0x627, 0x62a)
            || ((HAS(lo60, s, 'u', 'r', 'a', 'l') || EQ(s - 3, 'o', 'f', ' ') || EQ(s - 7, 'o', 'f', ' ', 't', 'h', 'e', ' '))
                && (low_has(t, lo60, s, "rural") || low_has(t, lo60, s, "countryside") || low_has(t, lo60, s, "province")
                    || low_has(t, lo60, s, "governorate")))
            || ((EQ(e, ' ', 'a', 'n', 'd', ' ') || EQ(e, ',', ' ')) && plural_after(t, e))
            || (EQ(s - 5, ' ', 'a', 'n', 'd', ' ') && (low_eq(t, e, " provinces") || low_eq(t, e, " governorates"))))
            m |= PM_CITY;
        if (rural_after(t, e)) m |= PM_CITY;
        /* _RURAL_LAM_AR_RE: `الريف الشمالي لإدلب` (rule 26l): ل before the name and ريف in the 60 before */
        if (before == 0x644 && HAS(lo60, s, 0x631, 0x64a, 0x641)) m |= PM_CITY;
        if (EQ(e, ')', ' ')) m |= PM_CITY; /* _GLOSS_UNIT_AFTER_RE: "Nohadra (Duhok) Governorate" (iraq16) */
        if (EQ(e, ' ', '(')) m |= PM_CITY; /* _GLOSSED_UNIT_AFTER_RE: "Nohadra (Duhok) Governorate", the first name */
    }
    if (c0 >= 0x600) { /* _village_head */
        if (s > 1 && before == ' ' && ONE(s - 2, 0x629, 0x647, 0x64a) && (wflags & WF_VILLAGE)) m |= PM_CITY;
    } else if ((EQ(s - 3, 'o', 'f', ' ') && low_eq(t, s - 11, "village ")) || (after == ' ' && low_eq(t, e + 1, "village")))
        m |= PM_CITY;

    /* ---- PM_COUNTRY ---- */
    if (c0 >= 0x600) { /* _admin_head_before */
        if (s > 1 && before == ' ' && ONE(s - 2, 0x621, 0x629, 0x647) && (wflags & WF_ADMIN)) m |= PM_COUNTRY;
    } else if (after == ' ' && (after2 == 'p' || after2 == 'P'))
        m |= PM_COUNTRY;
    /* _country_adjective */
    if ((at(t, e - 1) == 0x629 || at(t, e - 1) == 0x647) && before == ' '
        && (wflags & (EQ(s, 0x627, 0x644) ? WF_ADJ_DEF : WF_ADJ_INDEF)))
        m |= PM_COUNTRY;
    if (latin && (EQ(s - 5, 'P', 'o', 'r', 't', ' ') || EQ(s - 5, 'P', 'O', 'R', 'T', ' '))) m |= PM_COUNTRY;
    if (s >= 3 && c0 >= 0x600 && c0 <= 0x6ff) { /* in_landmark_name: one of _LANDMARK_CORES in the 9 before */
        Py_ssize_t lo = s > 9 ? s - 9 : 0;
        if (HAS(lo, s, 0x628, 0x627, 0x628) || HAS(lo, s, 0x628, 0x648, 0x627, 0x628)
            || HAS(lo, s, 0x648, 0x627, 0x62f, 0x64a) || HAS(lo, s, 0x62c, 0x628, 0x644)
            || HAS(lo, s, 0x633, 0x647, 0x644) || HAS(lo, s, 0x63a, 0x648, 0x631)
            || HAS(lo, s, 0x647, 0x636, 0x628) || HAS(lo, s, 0x62c, 0x633, 0x631))
            m |= PM_COUNTRY;
    }

    /* ---- PM_CROSS ---- */
    if (latin) {
        if (after == ' ' && (after2 == 'b' || after2 == 'c' || after2 == 'B' || after2 == 'C')) m |= PM_CROSS;
    } else if (s > 1 && before == ' ' && (wflags & WF_CROSS))
        m |= PM_CROSS;

    /* ---- PM_NOTCOUNTRY ---- */
    if (before == 0x643) m |= PM_NOTCOUNTRY; /* kaf_glued */
    if (!latin) {
        if (before == ' ' && (wflags & WF_KTT)) m |= PM_NOTCOUNTRY;
    } else if (EQ(s - 4, 'A', 'b', 'u', ' ') || EQ(s - 4, 'A', 'b', 'i', ' ') || EQ(e, ' ', 't', 'r', 'i', 'b', 'e')
               || EQ(e, ' ', 'c', 'l', 'a', 'n'))
        m |= PM_NOTCOUNTRY;
    if (before == ' ' && (latin || EQ(s, 0x627, 0x644))) { /* _person_before's word: 16 characters back */
        Py_ssize_t lo = s > 16 ? s - 16 : 0, a = lo;
        for (Py_ssize_t i = s - 2; i >= lo; i--)
            if (at(t, i) == ' ') {
                a = i + 1;
                break;
            }
        if (latin) {
            /* a capital, or a transliterated article and its hyphen before one ("al-Rashid", "ash-Shami"): a superset
             * of enrichment._NISBA_ARTICLE_RE's reading */
            if (Py_UNICODE_ISUPPER(at(t, a)) || (a + 3 < s && (at(t, a + 2) == '-' || at(t, a + 3) == '-')))
                m |= PM_NOTCOUNTRY;
        } else if (a < s - 1) {
            if ((got = memo_get(text, gb, a, s - 1, &v)) < 0) return NULL;
            if (got == 0) m |= PM_MISS;
            else {
                int hit = PyObject_IsTrue(v);
                if (hit < 0) return NULL;
                if (hit) m |= PM_NOTCOUNTRY;
            }
        }
    }
    return PyLong_FromLong(m);
}
