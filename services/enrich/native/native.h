/* The engine's compiled parts, one extension module (services.enrich._scan), shared declarations.
 *
 *   scanner.c  the scanner: every trie key match in a text (spec: services/enrich/scan_ref.py)
 *   scanner_type.c  the scanner built from a trie, and its Python type (scanner.h)
 *   read.c     tokens, the next token of a key, an English article before a name (the regexes, by hand)
 *   select.c   longest-match selection (spec: resolve.longest_ref)
 *   fold.c     normalize's folds (a list-indexed translation), FoldTable
 *   maker.c    output models made without validation (output.py)
 *   cand.c     resolve.Cand instances made without their Python __init__
 *   inst.c     the state-actor and place stages' character loops (spec: scouts.py, actors.py)
 *   place.c    place_mask: which of enrichment._place's checks can fire (spec: enrichment._place_full)
 *   seat.c     seat_end: bare._SEAT_AFTER_RE's match end, by hand (spec: bare._seat_end_ref)
 *   trie.c     the gazetteer trie mirrored in C for the scanner's walks
 *   module.c   the module
 *
 * The tests hold each part to its Python specification (tests/unit/test_enrich_scanner.py).
 */
#ifndef RAQIB_NATIVE_H
#define RAQIB_NATIVE_H
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define LATIN_END 0x250 /* a code point below it is Latin (digits included), as in the Python engine */
#define CAPS_MAX 100000

typedef struct {
    Py_UCS4 *pool; /* fold replacements */
    int32_t *off;  /* per code point < n: -1 = unchanged, else offset in pool */
    uint8_t *len;
    Py_ssize_t n;
} FoldMap; /* str.translate(list) of normalize: an int entry keeps its code point, None deletes it */

/* ---- character classes (normalize.TOKEN_RE, matcher.NEXT_RE) ---------------------------------- */

static inline int is_hyphen(Py_UCS4 c) { /* "-" + normalize._HYPHENS */
    switch (c) {
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2043:
    case 0x2212: case 0xfe58: case 0xfe63: case 0xff0d: case 0x05be: case 0x1806: return 1;
    default: return 0;
    }
}

static inline int is_apos(Py_UCS4 c) { /* normalize._A */
    switch (c) {
    case '\'': case 0x2019: case 0x2018: case 0x02bc: case 0x0060: case 0x00b4: case 0x2032: case 0x02bb: return 1;
    default: return 0;
    }
}

static inline int is_quote(Py_UCS4 c) { return is_apos(c) || c == 0x02bf || c == 0x02be; } /* matcher._QUOTES */

extern uint8_t WORD[0x800]; /* is_word() of the code points below U+0800 (Latin, Arabic), filled at import */

static inline int is_word_slow(Py_UCS4 c) { /* normalize._W: \w plus combining marks and joiners */
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) ||
        c == 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c == 0x200c || c == 0x200d || c == 0x00ad)
        return 1;
    return Py_UNICODE_ISALNUM(c);
}

static inline int is_word(Py_UCS4 c) { return c < 0x800 ? WORD[c] : is_word_slow(c); }

static inline int is_ar_letter(Py_UCS4 c) { /* normalize._AR */
    return (c >= 0x0620 && c <= 0x0652) || (c >= 0x0670 && c <= 0x06d3);
}

/* (?i:x) for the ASCII letter x, as Python's re reads it ("s" also matches U+017F, long s) */
static inline int ci(Py_UCS4 c, char x) { return c == (Py_UCS4)x || c == (Py_UCS4)(x - 32) || (x == 's' && c == 0x17f); }

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

/* the scanner reads a UCS4 copy of the text (Scanner_scan makes it): no kind test per character */
#define AT(t, i) (((const Py_UCS4 *)(t)->data)[i])

typedef struct {
    Py_UCS4 *buf;
    Py_ssize_t len, cap;
    uint64_t hash; /* of buf[:len], see hash_ucs4 */
} Buf;

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

int buf_reserve(Buf *b, Py_ssize_t used, Py_ssize_t more);
/* the fold of text[s:e] into b (from its start: b->len = 0), and its hash */
int fold_into(const FoldMap *fm, const Text *t, Py_ssize_t s, Py_ssize_t e, Buf *b);
int fold_append(const FoldMap *fm, const Text *t, Py_ssize_t s, Py_ssize_t e, Buf *b);
PyObject *buf_str(const Buf *b);
int build_fold(FoldMap *fm, PyObject *fold_list);
void free_fold(FoldMap *fm);
/* FNV-1a over code points: the hash fold_into computes while it folds */
static inline uint64_t hash_ucs4(const Py_UCS4 *p, Py_ssize_t n) {
    uint64_t h = FNV_OFFSET;
    for (Py_ssize_t i = 0; i < n; i++) h = (h ^ p[i]) * FNV_PRIME;
    return h | 1; /* 0 marks an empty slot */
}
uint64_t hash_str(PyObject *s); /* hash_ucs4 of a str's code points (trie.c) */

/* the str s equals the code points p[:n] */
static inline int str_equals_ucs4(PyObject *s, const Py_UCS4 *p, Py_ssize_t n) {
    if (PyUnicode_GET_LENGTH(s) != n) return 0;
    const void *d = PyUnicode_DATA(s);
    switch (PyUnicode_KIND(s)) {
    case PyUnicode_1BYTE_KIND:
        for (Py_ssize_t i = 0; i < n; i++) if (((const Py_UCS1 *)d)[i] != p[i]) return 0;
        return 1;
    case PyUnicode_2BYTE_KIND:
        for (Py_ssize_t i = 0; i < n; i++) if (((const Py_UCS2 *)d)[i] != p[i]) return 0;
        return 1;
    default:
        return memcmp(d, p, (size_t)n * sizeof(Py_UCS4)) == 0;
    }
}

typedef struct CNode {
    PyObject *payload;  /* the node's payload groups (a tuple) or NULL; strong */
    Py_ssize_t nchild;
    size_t mask;        /* child slots - 1 */
    void *slots;        /* trie.c */
} CNode;

typedef struct {
    CNode **all;        /* every node, for freeing */
    Py_ssize_t n, cap;
} CTrie;

CNode *ctrie_build(CTrie *t, PyObject *node, PyObject *payload_key);
const CNode *cnode_child(const CTrie *t, const CNode *n, const Py_UCS4 *p, Py_ssize_t len, uint64_t hash);
void ctrie_free(CTrie *t);
Py_ssize_t token_end(const Text *t, Py_ssize_t i);
int next_token(const Text *t, Py_ssize_t p, Py_ssize_t *ts, Py_ssize_t *te);
int next_start(const Text *t, Py_ssize_t p, Py_ssize_t *ts); /* next_token without the token's end */
Py_ssize_t article_before(const Text *t, Py_ssize_t s);
PyObject *make_cand(PyObject *type, PyObject *const values[5]);
PyObject *type_descr(PyObject *type, const char *name, descrsetfunc *set);
/* an entity candidate before selection (resolve.Raw without its sort key, which select.c builds) */
typedef struct {
    long start, end, ntok, prio;
    PyObject *role; /* strong */
    PyObject *pls;  /* strong */
} RawC;

typedef struct {
    RawC *v;
    Py_ssize_t n, cap;
} RawVec;

int rawvec_push(RawVec *rv, long start, long end, long ntok, long prio, PyObject *role, PyObject *pls /* stolen */);
void rawvec_free(RawVec *rv);
PyObject *select_longest(const RawC *raws, Py_ssize_t n, long size, long nonfac, long facmask, PyObject *cand);
PyObject *mod_longest(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);
PyObject *mod_cue_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs); /* inst.c */
PyObject *mod_word_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);
PyObject *mod_arabic_letter(PyObject *mod, PyObject *text);
PyObject *mod_widen(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);
PyObject *mod_marked(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);
PyObject *mod_place_gates(PyObject *mod, PyObject *const *args, Py_ssize_t nargs);
PyObject *mod_place_gates_config(PyObject *mod, PyObject *cfg);
int place_gates_test(PyObject *text, Py_ssize_t s, Py_ssize_t e);
PyObject *mod_place_mask(PyObject *mod, PyObject *const *args, Py_ssize_t nargs); /* place.c */
#define INST_METHODS                                                                                               \
    {"cue_starts", (PyCFunction)(void (*)(void))mod_cue_starts, METH_FASTCALL,                                     \
     "cue_starts(text, spans, firsts) -> scouts.arabic_cue_starts(text, spans, frozenset(firsts))"},              \
    {"word_starts", (PyCFunction)(void (*)(void))mod_word_starts, METH_FASTCALL,                                   \
     "word_starts(text, spans) -> scouts.word_cue_starts(text, spans)"},                                           \
    {"arabic_letter", (PyCFunction)mod_arabic_letter, METH_O, "arabic_letter(text) -> a letter of U+0621..U+064A in text"},\
    {"widen", (PyCFunction)(void (*)(void))mod_widen, METH_FASTCALL, "widen(text, lo, hi) -> (lo, hi) to whole words"},  \
    {"marked", (PyCFunction)(void (*)(void))mod_marked, METH_FASTCALL,                                             \
     "marked(folds, info, plain) -> [i for i, f in enumerate(folds) if info.get(f) is not plain]"},              \
    {"place_gates", (PyCFunction)(void (*)(void))mod_place_gates, METH_FASTCALL,                                   \
     "place_gates(text, start, end) -> False where none of _place's context gates can fire"},                     \
    {"place_gates_config", (PyCFunction)mod_place_gates_config, METH_O, "place_gates_config(tuple): context.py's words"},
PyObject *mod_lits(PyObject *mod, PyObject *const *args, Py_ssize_t nargs); /* fac.c */
PyObject *mod_number_sites(PyObject *mod, PyObject *text);
PyObject *mod_needle_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs); /* fac.c */
PyObject *mod_seat_end(PyObject *mod, PyObject *const *args, Py_ssize_t nargs); /* seat.c */
#define FAC_METHODS                                                                                                \
    {"lits", (PyCFunction)(void (*)(void))mod_lits, METH_FASTCALL,                                                 \
     "lits(text, needles) -> int, bit i set when needles[i] in text (facilities.lits_ref)"},                       \
    {"number_sites", (PyCFunction)mod_number_sites, METH_O,                                                        \
     "number_sites(text) -> [m.start() for m in bare._NUMBER_SITE_RE.finditer(text)]"},                            \
    {"needle_starts", (PyCFunction)(void (*)(void))mod_needle_starts, METH_FASTCALL,                               \
     "needle_starts(text, needles) -> the distinct positions where a needle occurs, ascending (scouts.py)"},       \
    {"seat_end", (PyCFunction)(void (*)(void))mod_seat_end, METH_FASTCALL,                                         \
     "seat_end(text, pos) -> bare._SEAT_AFTER_RE.match(text, pos)'s end, or -1 when it does not match"},
#define PLACE_METHODS                                                                                              \
    {"place_mask", (PyCFunction)(void (*)(void))mod_place_mask, METH_FASTCALL,                                     \
     "place_mask(text, start, end, flags, memo) -> the groups of _place's checks that can fire (0: none)"},
extern PyTypeObject ScannerType, FoldTableType, MakerType;

#endif
