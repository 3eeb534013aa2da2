/* seat_end(text, pos): bare._SEAT_AFTER_RE.match(text, pos)'s end, or -1 when it does not match (the reading of rule
 * 24o's seats, bare._seat_of_another: a regex of a lazy word loop that re tries at every word's every length). The
 * pattern, IGNORECASE, with S = [ \u00a0] and N = [^\s.,،؛:;()\n]:
 *     (?:S+ N+){0,4}? S* [،,]? S* (?:LOC S+)? PREP S* (?:(?:HEAD | the S+ (?:town|...) S+ of) S+)?
 * re's order of trials, by hand: the tail T at the start; then one more word (its letters greedy, so the next word
 * only from its end) and T after it, at most four words; then each word shorter, T after each length. T itself
 * has one way to match: its spaces, comma, spaces, LOC and PREP open with disjoint characters (a shorter run of
 * spaces leaves a space where none of them starts), PREP's branches open with distinct letters and nothing after
 * PREP can fail (its optional group is taken when it matches, at the end of the spaces after PREP).
 * Case-blind as re is: a character matches a pattern letter when its simple lower case is the letter, or ı for
 * i and ſ for s (re's equivalences). The spec: bare._seat_end_ref; the differential fuzz and the unit tests. */
#include "native.h"

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} SText;

static inline Py_UCS4 sat(const SText *t, Py_ssize_t i) { return PyUnicode_READ(t->kind, t->data, i); }
static inline int s_sp(const SText *t, Py_ssize_t i) {
    if (i >= t->n) return 0;
    Py_UCS4 c = sat(t, i);
    return c == ' ' || c == 0xa0;
}
static inline int s_word(Py_UCS4 c) { /* N = [^\s.,،؛:;()\n] */
    switch (c) {
    case '.': case ',': case 0x060c: case 0x061b: case ':': case ';': case '(': case ')': case '\n': return 0;
    default: return !Py_UNICODE_ISSPACE(c);
    }
}
/* Py_UNICODE_TOLOWER(c), with no table look-up for ASCII and the Arabic block (U+0600-U+06FF holds no cased letter) */
static inline Py_UCS4 s_lower(Py_UCS4 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    if (c >= 0x600 && c <= 0x6ff) return c;
    return Py_UNICODE_TOLOWER(c);
}
static inline int ci_eq(Py_UCS4 c, Py_UCS4 p) { /* p: a pattern letter, in lower case */
    Py_UCS4 l = s_lower(c);
    return l == p || (p == 'i' && l == 0x131) || (p == 's' && l == 0x17f);
}
/* the end of literal w (lower case, UTF-32) at i, or -1 */
static Py_ssize_t s_lit(const SText *t, Py_ssize_t i, const Py_UCS4 *w) {
    for (; *w; w++, i++)
        if (i >= t->n || !ci_eq(sat(t, i), *w)) return -1;
    return i;
}
static inline Py_ssize_t s_spaces(const SText *t, Py_ssize_t i) {
    while (s_sp(t, i)) i++;
    return i;
}

#define W(...) ((const Py_UCS4[]){__VA_ARGS__, 0})
static const Py_UCS4 *const LOC[] = {
    W(0x627, 0x644, 0x648, 0x627, 0x642, 0x639),        /* الواقع */
    W(0x627, 0x644, 0x648, 0x627, 0x642, 0x639, 0x629), /* الواقعة */
    W(0x627, 0x644, 0x648, 0x627, 0x642, 0x639, 0x647), /* الواقعه */
    W('l', 'o', 'c', 'a', 't', 'e', 'd'),
    W('s', 'i', 't', 'u', 'a', 't', 'e', 'd'),
    NULL};
static const Py_UCS4 *const PREP[] = {
    W(0x641, 0x64a),        /* في */
    W(0x641, 0x649),        /* فى */
    W(0x628),               /* ب */
    W('i', 'n'),
    W('n', 'e', 'a', 'r'),
    W('a', 't'),
    W(0x642, 0x631, 0x628), /* قرب */
    NULL};
static const Py_UCS4 *const HEAD[] = {
    W(0x646, 0x627, 0x62d, 0x64a, 0x629),        /* ناحية */
    W(0x646, 0x627, 0x62d, 0x64a, 0x647),        /* ناحيه */
    W(0x628, 0x644, 0x62f, 0x629),               /* بلدة */
    W(0x628, 0x644, 0x62f, 0x647),               /* بلده */
    W(0x642, 0x636, 0x627, 0x621),               /* قضاء */
    W(0x645, 0x62f, 0x64a, 0x646, 0x629),        /* مدينة */
    W(0x645, 0x62f, 0x64a, 0x646, 0x647),        /* مدينه */
    W(0x645, 0x646, 0x637, 0x642, 0x629),        /* منطقة */
    W(0x645, 0x646, 0x637, 0x642, 0x647),        /* منطقه */
    NULL};
static const Py_UCS4 *const UNIT[] = {
    W('t', 'o', 'w', 'n'),
    W('d', 'i', 's', 't', 'r', 'i', 'c', 't'),
    W('s', 'u', 'b', '-', 'd', 'i', 's', 't', 'r', 'i', 'c', 't'),
    W('c', 'i', 't', 'y'),
    NULL};
#undef W

/* the first of the alternatives that matches at i (the end), or -1 */
static Py_ssize_t s_alt(const SText *t, Py_ssize_t i, const Py_UCS4 *const *alts) {
    for (; *alts; alts++) {
        Py_ssize_t e = s_lit(t, i, *alts);
        if (e >= 0) return e;
    }
    return -1;
}

/* the group after PREP: (?:HEAD | the S+ UNIT S+ of) S+, its end or -1 */
static Py_ssize_t s_head(const SText *t, Py_ssize_t i) {
    for (const Py_UCS4 *const *h = HEAD; *h; h++) {
        Py_ssize_t e = s_lit(t, i, *h);
        if (e >= 0 && s_sp(t, e)) return s_spaces(t, e);
    }
    static const Py_UCS4 the[] = {'t', 'h', 'e', 0}, of[] = {'o', 'f', 0};
    Py_ssize_t e = s_lit(t, i, the);
    if (e < 0 || !s_sp(t, e)) return -1;
    e = s_spaces(t, e);
    for (const Py_UCS4 *const *u = UNIT; *u; u++) {
        Py_ssize_t f = s_lit(t, e, *u);
        if (f < 0 || !s_sp(t, f)) continue;
        f = s_lit(t, s_spaces(t, f), of);
        if (f >= 0 && s_sp(t, f)) return s_spaces(t, f);
    }
    return -1;
}

/* a character that can open LOC or PREP (their first letters, as ci_eq compares them): anything else at T's word
 * position makes every literal there fail at its first letter (most positions a seat is tried at are inside words) */
static inline int s_opens(const SText *t, Py_ssize_t p) {
    if (p >= t->n) return 0;
    switch (s_lower(sat(t, p))) {
    case 0x627: case 'l': case 's': case 0x17f:                         /* LOC: ا l s (ſ) */
    case 0x641: case 0x628: case 'i': case 0x131: case 'n': case 'a': case 0x642: /* PREP: ف ب i (ı) n a ق */
        return 1;
    default:
        return 0;
    }
}

/* T at i: its end, or -1 */
static Py_ssize_t s_tail(const SText *t, Py_ssize_t i) {
    Py_ssize_t p = s_spaces(t, i);
    if (p < t->n && (sat(t, p) == ',' || sat(t, p) == 0x060c)) p++;
    p = s_spaces(t, p);
    if (!s_opens(t, p)) return -1;
    Py_ssize_t z = -1;
    for (const Py_UCS4 *const *l = LOC; *l && z < 0; l++) {
        Py_ssize_t e = s_lit(t, p, *l);
        if (e >= 0 && s_sp(t, e)) z = s_alt(t, s_spaces(t, e), PREP);
    }
    if (z < 0) z = s_alt(t, p, PREP);
    if (z < 0) return -1;
    z = s_spaces(t, z);
    Py_ssize_t h = s_head(t, z);
    return h >= 0 ? h : z;
}

/* after j words at i: T, else one more word (at most four) of each length, longest first */
static Py_ssize_t s_from(const SText *t, Py_ssize_t i, int j) {
    Py_ssize_t r = s_tail(t, i);
    if (r >= 0 || j == 4 || !s_sp(t, i)) return r;
    Py_ssize_t a = s_spaces(t, i), b = a;
    while (b < t->n && s_word(sat(t, b))) b++;
    for (Py_ssize_t len = b; len > a; len--) {
        r = s_from(t, len, j + 1);
        if (r >= 0) return r;
    }
    return -1;
}

PyObject *mod_seat_end(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "seat_end(text, pos): a str and an int");
        return NULL;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(args[1]);
    if (pos == -1 && PyErr_Occurred()) return NULL;
    SText t = {PyUnicode_KIND(args[0]), PyUnicode_DATA(args[0]), PyUnicode_GET_LENGTH(args[0])};
    if (pos < 0) pos = 0; /* (re clamps pos into the string) */
    if (pos > t.n) pos = t.n;
    return PyLong_FromSsize_t(s_from(&t, pos, 0));
}
