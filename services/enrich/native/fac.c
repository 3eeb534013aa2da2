/* The facility stage's compiled parts (facilities.py): see native.h. */
#include "native.h"

/* lits(text, needles) -> int: bit i set when needles[i] occurs in text (facilities.lits_ref, `needles[i] in
 * text` for each), in one pass over the text instead of one whole-text search a needle. At most 64 needles.
 * A needle of three code points or more is looked for where the text's next three code points hash as its first
 * three (a table of 4,096 masks, one for each of the last few tuples asked about, built when a tuple is first
 * asked about and kept while it is among them), then compared in full; a shorter one
 * (none of the engine's) is searched for on its own (PyUnicode_Find, `in`'s answer). */

#define LITS_BUCKETS 4096
#define LITS_HASH(a, b, c) ((((Py_UCS4)(a) * 961u) + ((Py_UCS4)(b) * 31u) + (Py_UCS4)(c)) & (LITS_BUCKETS - 1))
#define LITS_SLOTS 16 /* the tables of the last few tuples asked about (the engine asks about a dozen or so, in turn: 8 were
                       * too few, the bench pass rebuilt a table every third call) */

typedef struct {
    PyObject *needles;             /* the tuple the table is for (a reference held), NULL when unused */
    uint64_t table[LITS_BUCKETS];  /* the needles of 3+ code points by the hash of their first three */
    uint64_t lng, shrt;            /* the needles of 3+ code points; the shorter ones */
    uint64_t wide[2];              /* the needles with a code point above 0xff, 0xffff: in no text of 1, 2 bytes */
} LitsTable;

static LitsTable lits_slots[LITS_SLOTS];
static int lits_next; /* the slot the next new tuple takes (round robin) */

static LitsTable *lits_build(PyObject *needles) {
    LitsTable *t = &lits_slots[lits_next];
    Py_ssize_t k = PyTuple_GET_SIZE(needles);
    Py_CLEAR(t->needles);
    memset(t->table, 0, sizeof t->table);
    t->lng = t->shrt = t->wide[0] = t->wide[1] = 0;
    for (Py_ssize_t j = 0; j < k; j++) {
        PyObject *w = PyTuple_GET_ITEM(needles, j);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "lits: the needles are str");
            return NULL;
        }
        uint64_t bit = (uint64_t)1 << j;
        if (PyUnicode_GET_LENGTH(w) < 3) {
            t->shrt |= bit;
            continue;
        }
        int wk = PyUnicode_KIND(w);
        const void *wd = PyUnicode_DATA(w);
        Py_UCS4 top = PyUnicode_MAX_CHAR_VALUE(w);
        if (top > 0xff) t->wide[0] |= bit;
        if (top > 0xffff) t->wide[1] |= bit;
        t->table[LITS_HASH(PyUnicode_READ(wk, wd, 0), PyUnicode_READ(wk, wd, 1), PyUnicode_READ(wk, wd, 2))] |= bit;
        t->lng |= bit;
    }
    t->needles = Py_NewRef(needles);
    lits_next = (lits_next + 1) % LITS_SLOTS;
    return t;
}

/* the table of this tuple (by identity: a slot holds a reference to its tuple, so no other object can take its
 * address while it is there), built when it is not among the last few */
static LitsTable *lits_table_of(PyObject *needles) {
    for (int i = 0; i < LITS_SLOTS; i++)
        if (lits_slots[i].needles == needles) return &lits_slots[i];
    return lits_build(needles);
}

/* needle j (of 3+ code points) at text position i, i + its length <= n */
static int lits_at(PyObject *w, int tk, const void *td, Py_ssize_t i) {
    int wk = PyUnicode_KIND(w);
    const void *wd = PyUnicode_DATA(w);
    Py_ssize_t len = PyUnicode_GET_LENGTH(w);
    for (Py_ssize_t q = 0; q < len; q++)
        if (PyUnicode_READ(wk, wd, q) != PyUnicode_READ(tk, td, i + q)) return 0;
    return 1;
}

/* The trigram hashes of the text last asked about, LITS_HASH(text[i], text[i + 1], text[i + 2]) for each i (a
 * reference to it held, so no other object can take its address while it is here): the engine asks about one text
 * several times, with different needles; a later pass reads a hash a position instead of three code points. The
 * first pass over a text stores the hashes as it computes them (it is the pass as before, plus a store). */
static PyObject *hash_text;
static uint16_t *hashes;
static Py_ssize_t hashes_cap;

/* the needles of the mask m that occur at i, added to found */
static inline uint64_t lits_hits(PyObject *needles, uint64_t m, int tk, const void *td, Py_ssize_t n, Py_ssize_t i,
                                 uint64_t found) {
    while (m) {
        int j = __builtin_ctzll(m);
        m &= m - 1;
        PyObject *w = PyTuple_GET_ITEM(needles, j);
        if (PyUnicode_GET_LENGTH(w) <= n - i && lits_at(w, tk, td, i)) found |= (uint64_t)1 << j;
    }
    return found;
}

/* the first pass over a text: every position's hash stored (so no early end), the needles looked for */
#define LITS_FIRST(T)                                                                                              \
    do {                                                                                                           \
        const T *s = (const T *)td;                                                                                \
        for (Py_ssize_t i = 0; i + 2 < n; i++) {                                                                   \
            uint16_t hv = (uint16_t)LITS_HASH(s[i], s[i + 1], s[i + 2]);                                           \
            hashes[i] = hv;                                                                                        \
            uint64_t m = table[hv] & ~found;                                                                       \
            if (m) found = lits_hits(needles, m, tk, td, n, i, found);                                             \
        }                                                                                                          \
    } while (0)

PyObject *mod_lits(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    (void)mod;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "lits(text: str, needles: tuple[str, ...])");
        return NULL;
    }
    PyObject *text = args[0], *needles = args[1];
    if (PyTuple_GET_SIZE(needles) > 64) {
        PyErr_SetString(PyExc_ValueError, "lits: at most 64 needles");
        return NULL;
    }
    LitsTable *t = lits_table_of(needles);
    if (t == NULL) return NULL;
    int tk = PyUnicode_KIND(text);
    const void *td = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    uint64_t found = 0;
    /* (a needle with a code point the text's kind cannot hold is in no such text: it is not looked for) */
    uint64_t want = t->lng & ~(tk == PyUnicode_1BYTE_KIND ? t->wide[0] : tk == PyUnicode_2BYTE_KIND ? t->wide[1] : 0);
    const uint64_t *table = t->table;
    if (want != 0 && n >= 3 && text == hash_text) {
        for (Py_ssize_t i = 0; i + 2 < n; i++) {
            uint64_t m = table[hashes[i]] & ~found;
            if (!m) continue;
            found = lits_hits(needles, m, tk, td, n, i, found);
            if (found == want) break;
        }
    } else if (want != 0 && n >= 3) {
        if (n > hashes_cap) {
            uint16_t *nh = PyMem_Realloc(hashes, (size_t)n * sizeof(uint16_t));
            if (nh == NULL) return PyErr_NoMemory();
            hashes = nh;
            hashes_cap = n;
        }
        Py_CLEAR(hash_text); /* (the buffer is being overwritten) */
        if (tk == PyUnicode_1BYTE_KIND)
            LITS_FIRST(Py_UCS1);
        else if (tk == PyUnicode_2BYTE_KIND)
            LITS_FIRST(Py_UCS2);
        else
            LITS_FIRST(Py_UCS4);
        hash_text = Py_NewRef(text);
    }
    for (uint64_t m = t->shrt; m; m &= m - 1) {
        int j = __builtin_ctzll(m);
        Py_ssize_t at = PyUnicode_Find(text, PyTuple_GET_ITEM(needles, j), 0, n, 1);
        if (at == -2) return NULL;
        if (at >= 0) found |= (uint64_t)1 << j;
    }
    return PyLong_FromUnsignedLongLong((unsigned long long)found);
}

/* number_sites(text) -> [int]: the starts of bare._NUMBER_SITE_RE's matches, `[A-Z][a-z'’]++[ \u00a0]++[0-9]`, as
 * finditer gives them (bare.number_sites_ref), found from each digit after a space: back over the spaces, back over
 * the word's small letters and apostrophes, then its capital (the classes are disjoint: one match a digit at most,
 * none inside another; each run is walked back once, from the one digit after it). */
PyObject *mod_number_sites(PyObject *mod, PyObject *text) {
    (void)mod;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "number_sites() takes a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t d = 1; d < n; d++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, d);
        if (c < '0' || c > '9') continue;
        Py_UCS4 b = PyUnicode_READ(kind, data, d - 1);
        if (b != ' ' && b != 0xa0) continue;
        Py_ssize_t j = d - 1;
        while (j > 0 && ((b = PyUnicode_READ(kind, data, j - 1)) == ' ' || b == 0xa0)) j--;
        Py_ssize_t k = j;
        while (k > 0 && (((b = PyUnicode_READ(kind, data, k - 1)) >= 'a' && b <= 'z') || b == '\'' || b == 0x2019)) k--;
        if (k == j || k == 0) continue;
        b = PyUnicode_READ(kind, data, k - 1);
        if (b < 'A' || b > 'Z') continue;
        PyObject *at = PyLong_FromSsize_t(k - 1);
        if (at == NULL || PyList_Append(out, at) < 0) {
            Py_XDECREF(at);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(at);
    }
    return out;
}

/* needle_starts(text, needles) -> [int]: the distinct positions where some needle occurs in text, ascending
 * (scouts.needle_starts_ref: a str.find loop a needle, then sorted), in one pass over the text: at each position
 * whose code point's low byte opens some needle, the needles of three code points or more whose first three hash as
 * the text's next three (a table of 4,096 masks, as
 * lits), and the shorter ones whose first code point's low byte is the text's (then the code point itself, and the
 * next code point that needle's second), are compared in full. The tables of the last few tuples asked about are
 * kept (by identity, a reference held). At most 64 needles, none empty. */
#define NO_SECOND ((Py_UCS4)0x110000) /* (above every code point) */

typedef struct {
    PyObject *needles;            /* the tuple the tables are for (a reference held), NULL when unused */
    uint64_t table[LITS_BUCKETS]; /* the needles of 3+ code points by the hash of their first three */
    uint64_t first[256];          /* the shorter needles by their first code point's low byte */
    uint64_t any[256];            /* every needle by its first code point's low byte (a position's first test) */
    Py_UCS4 f[64], f2[64];        /* each shorter needle's first and second code points (one of one: NO_SECOND) */
} StartsTable;

static StartsTable starts_slots[LITS_SLOTS];
static int starts_next;

static StartsTable *starts_table_of(PyObject *needles) {
    for (int i = 0; i < LITS_SLOTS; i++)
        if (starts_slots[i].needles == needles) return &starts_slots[i];
    StartsTable *t = &starts_slots[starts_next];
    Py_CLEAR(t->needles);
    memset(t->table, 0, sizeof t->table);
    memset(t->first, 0, sizeof t->first);
    memset(t->any, 0, sizeof t->any);
    Py_ssize_t k = PyTuple_GET_SIZE(needles);
    for (Py_ssize_t j = 0; j < k; j++) {
        PyObject *w = PyTuple_GET_ITEM(needles, j);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "needle_starts: the needles are str");
            return NULL;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        if (len == 0) {
            PyErr_SetString(PyExc_ValueError, "needle_starts: an empty needle");
            return NULL;
        }
        int wk = PyUnicode_KIND(w);
        const void *wd = PyUnicode_DATA(w);
        uint64_t bit = (uint64_t)1 << j;
        t->any[PyUnicode_READ(wk, wd, 0) & 0xff] |= bit;
        if (len >= 3) {
            t->table[LITS_HASH(PyUnicode_READ(wk, wd, 0), PyUnicode_READ(wk, wd, 1), PyUnicode_READ(wk, wd, 2))] |= bit;
            continue;
        }
        t->f[j] = PyUnicode_READ(wk, wd, 0);
        t->f2[j] = len > 1 ? PyUnicode_READ(wk, wd, 1) : NO_SECOND;
        t->first[t->f[j] & 0xff] |= bit;
    }
    t->needles = Py_NewRef(needles);
    starts_next = (starts_next + 1) % LITS_SLOTS;
    return t;
}

#define STARTS_SCAN(T)                                                                                             \
    do {                                                                                                           \
        const T *s = (const T *)td;                                                                                \
        for (Py_ssize_t i = 0; i < n; i++) {                                                                       \
            Py_UCS4 c = s[i];                                                                                      \
            if (!t->any[c & 0xff]) continue; /* (no needle opens with this code point's low byte) */               \
            uint64_t m = t->first[c & 0xff], l = i + 2 < n ? t->table[LITS_HASH(c, s[i + 1], s[i + 2])] : 0;       \
            /* the short needles: their first code point, their second */                                          \
            while (m) {                                                                                            \
                int j = __builtin_ctzll(m);                                                                        \
                m &= m - 1;                                                                                        \
                if (t->f[j] == c && (t->f2[j] == NO_SECOND || (i + 1 < n && s[i + 1] == t->f2[j]))) {               \
                    /* (found: one entry a position) */                                                    \
                    goto hit_##T;                                                                                  \
                }                                                                                                  \
            }                                                                                                      \
            while (l) {                                                                                            \
                int j = __builtin_ctzll(l);                                                                        \
                l &= l - 1;                                                                                        \
                PyObject *w = PyTuple_GET_ITEM(needles, j);                                                        \
                if (PyUnicode_GET_LENGTH(w) <= n - i && lits_at(w, tk, td, i)) goto hit_##T;                        \
            }                                                                                                      \
            continue;                                                                                              \
        hit_##T : {                                                                                                \
            PyObject *at = PyLong_FromSsize_t(i);                                                                  \
            if (at == NULL || PyList_Append(out, at) < 0) {                                                        \
                Py_XDECREF(at);                                                                                    \
                Py_DECREF(out);                                                                                    \
                return NULL;                                                                                       \
            }                                                                                                      \
            Py_DECREF(at);                                                                                         \
        }                                                                                                          \
        }                                                                                                          \
    } while (0)

PyObject *mod_needle_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    (void)mod;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "needle_starts(text: str, needles: tuple[str, ...])");
        return NULL;
    }
    PyObject *text = args[0], *needles = args[1];
    if (PyTuple_GET_SIZE(needles) > 64) {
        PyErr_SetString(PyExc_ValueError, "needle_starts: at most 64 needles");
        return NULL;
    }
    StartsTable *t = starts_table_of(needles);
    if (t == NULL) return NULL;
    int tk = PyUnicode_KIND(text);
    const void *td = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    if (tk == PyUnicode_1BYTE_KIND)
        STARTS_SCAN(Py_UCS1);
    else if (tk == PyUnicode_2BYTE_KIND)
        STARTS_SCAN(Py_UCS2);
    else
        STARTS_SCAN(Py_UCS4);
    return out;
}
