/* The scanner, compiled: every trie key match in a text, all lengths, all starts.
 *
 * services/enrich/scan_ref.py is the specification, line for line; the tests hold this module to it
 * (identical candidates in identical order). What is here and not there is only how: the text is read
 * once, code point by code point, in C; a token's fold is built in a C buffer and looked up among the
 * trie's first tokens in an open-addressing table (no Python object for the ~90 % of tokens that start
 * no key); the starts of every first token are resolved when the scanner is built. Walks, payloads and
 * candidates stay the Python objects of the trie (matcher.Trie), so the rest of the engine is unchanged.
 *
 * Rare paths call back into Python: capitalisation of English names (resolve.capitalised, cached in a
 * dict). An English article before a name (scan_ref.article_before, a regex there) is matched here by hand.
 */
#include "native.h"

typedef struct {
    const CNode *node; /* trie node (trie.c) */
    PyObject *payload; /* its payload groups or NULL (owned by the node) */
    int plen;          /* proclitic length */
    int art;           /* the article was added */
    int leaf;          /* the node is its payloads only */
} Start;

typedef struct {
    uint64_t hash;
    Py_ssize_t off, len; /* key in the code point pool */
    Py_ssize_t first, count; /* its starts */
} Slot;

typedef struct {
    PyObject_HEAD
    FoldMap fm;
    Slot *slots;
    size_t mask;        /* slots - 1 (a power of two) */
    uint64_t *bloom;    /* first-token filter, bloom_mask + 1 words */
    uint64_t bloom_mask;
    Py_UCS4 *key_pool;
    Start *starts;
    Py_ssize_t nstarts;
    CTrie ctrie;        /* the trie in C (trie.c) */
    const CNode *root;
    PyObject *payload_key, *prio, *cand, *capitalised, *caps;
    long nonfac, facmask; /* for the selection: the nonfac priority, the facility priorities (bit mask) */
    PyObject *roles[8];   /* role_prio's memory (strong) */
    long role_prios[8];
    int nroles;
    PyObject *s_event, *s_date, *s_head, *s_place, *s_core, *s_actor, *s_upper, *s_isupper;
} Scanner;


/* TOKEN_RE at i (text[i] is a word character): [W]+(?:[A][W]+)*; returns the token's end */
static Py_ssize_t token_end(const Text *t, Py_ssize_t i) {
    while (i < t->n && is_word(AT(t, i))) i++;
    while (i + 1 < t->n && is_apos(AT(t, i)) && is_word(AT(t, i + 1))) {
        i += 2;
        while (i < t->n && is_word(AT(t, i))) i++;
    }
    return i;
}

/* [QUOTES]?(TOK) at i: the token's start (or -1) */
static Py_ssize_t tail(const Text *t, Py_ssize_t i) {
    if (i < t->n && is_quote(AT(t, i))) i++;
    return (i < t->n && is_word(AT(t, i))) ? i : -1;
}

static const char *HYPHENED[] = {"ad", "an", "ar", "as", "ash", "at", "az", "adh", "ath", "ed", "en", "es", "ez",
                                 "ul", "ag", "ed", "et", NULL}; /* in the regex's order */

/* NEXT_RE.match(text, p): sets the token's span (group 1); 0 if it does not match */
static int next_token(const Text *t, Py_ssize_t p, Py_ssize_t *ts, Py_ssize_t *te) {
    if (p < t->n && is_quote(AT(t, p))) p++;
    Py_ssize_t q = p;
    while (q < t->n) {
        Py_UCS4 c = AT(t, q);
        if (c == ' ' || c == 0xa0 || c == '.' || is_hyphen(c)) q++;
        else break;
    }
    if (q == p) return 0;
    Py_ssize_t s = -1;
    /* an English article: al/el then spaces or hyphens, or an assimilated one then one hyphen */
    if (q + 2 < t->n && (ci(AT(t, q), 'a') || ci(AT(t, q), 'e')) && ci(AT(t, q + 1), 'l')) {
        Py_ssize_t r = q + 2;
        while (r < t->n) {
            Py_UCS4 c = AT(t, r);
            if (c == ' ' || c == 0xa0 || is_hyphen(c)) r++;
            else break;
        }
        if (r > q + 2) s = tail(t, r);
    }
    Py_UCS4 c0 = q < t->n ? AT(t, q) : 0; /* every assimilated article starts with a, e or u */
    int may = ci(c0, 'a') || ci(c0, 'e') || ci(c0, 'u');
    for (int k = 0; may && s < 0 && HYPHENED[k]; k++) {
        const char *a = HYPHENED[k];
        Py_ssize_t len = a[2] ? 3 : 2, j = 0;
        if (q + len >= t->n) continue;
        while (j < len && ci(AT(t, q + j), a[j])) j++;
        if (j == len && is_hyphen(AT(t, q + len))) s = tail(t, q + len + 1);
    }
    if (s < 0) s = tail(t, q);
    if (s < 0) return 0;
    *ts = s;
    *te = token_end(t, s);
    return 1;
}

/* The first-token filter: a blocked Bloom filter (two bits in one 64-bit word, so one cache line a token),
 * small enough to stay in cache: most tokens start no key, and the slot table is megabytes. */
static inline uint64_t bloom_bits(uint64_t h) { return 1ULL << ((h >> 52) & 63) | 1ULL << ((h >> 58) & 63); }

static inline int bloom_has(const Scanner *sc, uint64_t h) {
    uint64_t want = bloom_bits(h);
    return (sc->bloom[(h >> 7) & sc->bloom_mask] & want) == want;
}

static const Slot *lookup_first(Scanner *sc, const Buf *key) {
    const Py_UCS4 *p = key->buf;
    Py_ssize_t n = key->len;
    uint64_t h = key->hash;
    if (!bloom_has(sc, h)) return NULL;
    for (size_t i = (size_t)h & sc->mask;; i = (i + 1) & sc->mask) {
        const Slot *sl = &sc->slots[i];
        if (sl->hash == 0) return NULL;
        if (sl->hash == h && sl->len == n && memcmp(sc->key_pool + sl->off, p, (size_t)n * sizeof(Py_UCS4)) == 0)
            return sl;
    }
}


/* ---- candidates (scan_ref.add) ----------------------------------------------------------------- */

typedef struct {
    Scanner *sc;
    PyObject *text;
    Text t;
    RawVec ents;
    PyObject *events;
    Buf b1, b2;
} Run;

static int capitalised(Run *r, Py_ssize_t start, Py_ssize_t end) {
    PyObject *sub = PyUnicode_Substring(r->text, start, end);
    if (sub == NULL) return -1;
    PyObject *got = PyDict_GetItemWithError(r->sc->caps, sub); /* borrowed */
    int res;
    if (got == NULL) {
        if (PyErr_Occurred()) { Py_DECREF(sub); return -1; }
        PyObject *v = PyObject_CallOneArg(r->sc->capitalised, sub);
        if (v == NULL) { Py_DECREF(sub); return -1; }
        res = PyObject_IsTrue(v);
        if (PyDict_GET_SIZE(r->sc->caps) > CAPS_MAX) PyDict_Clear(r->sc->caps);
        if (res < 0 || PyDict_SetItem(r->sc->caps, sub, v) < 0) res = -1;
        Py_DECREF(v);
    } else {
        res = PyObject_IsTrue(got);
    }
    Py_DECREF(sub);
    return res;
}

/* the payloads without those marked "upper" when the surface is not all upper-case; NULL on error,
 * a new reference (pls itself when nothing is dropped; an empty tuple when everything is) */
static PyObject *upper_filter(Run *r, PyObject *pls, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t n = PyTuple_GET_SIZE(pls), marked = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = PyTuple_GET_ITEM(pls, i);
        int eq = PyObject_RichCompareBool(PyTuple_GET_ITEM(p, 2), r->sc->s_upper, Py_EQ);
        if (eq < 0) return NULL;
        marked += eq;
    }
    if (!marked) return Py_NewRef(pls);
    PyObject *sub = PyUnicode_Substring(r->text, start, end);
    if (sub == NULL) return NULL;
    PyObject *up = PyObject_CallMethodNoArgs(sub, r->sc->s_isupper);
    Py_DECREF(sub);
    if (up == NULL) return NULL;
    int is_up = PyObject_IsTrue(up);
    Py_DECREF(up);
    if (is_up < 0) return NULL;
    if (is_up) return Py_NewRef(pls);
    PyObject *out = PyTuple_New(n - marked);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0, k = 0; i < n; i++) {
        PyObject *p = PyTuple_GET_ITEM(pls, i);
        if (PyObject_RichCompareBool(PyTuple_GET_ITEM(p, 2), r->sc->s_upper, Py_EQ) == 0)
            PyTuple_SET_ITEM(out, k++, Py_NewRef(p));
    }
    return out;
}

/* `name` is interned: so is a role of a finalized trie (matcher.Trie.finalize), and then identity decides */
static inline int role_is(PyObject *role, PyObject *name) {
    return role == name || (!PyUnicode_CHECK_INTERNED(role) && PyUnicode_Compare(role, name) == 0);
}

/* resolve.ROLE_PRIORITY[role], the last few roles remembered by identity (roles are interned) */
static long role_prio(Scanner *sc, PyObject *role) {
    for (int i = 0; i < sc->nroles; i++)
        if (sc->roles[i] == role) return sc->role_prios[i];
    PyObject *prio = PyDict_GetItemWithError(sc->prio, role); /* borrowed */
    long p = prio != NULL ? PyLong_AsLong(prio) : -1;
    if (prio == NULL || p < 0) {
        if (!PyErr_Occurred()) PyErr_SetObject(prio == NULL ? PyExc_KeyError : PyExc_ValueError, role);
        return -1;
    }
    if (sc->nroles < 8 && PyUnicode_CHECK_INTERNED(role)) { /* the scanner holds the role: it stays alive */
        sc->roles[sc->nroles] = Py_NewRef(role);
        sc->role_prios[sc->nroles++] = p;
    }
    return p;
}

static int add(Run *r, Py_ssize_t start, Py_ssize_t end, PyObject *groups, long ntok, int art) {
    Scanner *sc = r->sc;
    int latin = AT(&r->t, end - 1) < LATIN_END;
    Py_ssize_t ng = PyTuple_GET_SIZE(groups);
    for (Py_ssize_t g = 0; g < ng; g++) {
        PyObject *grp = PyTuple_GET_ITEM(groups, g);
        PyObject *role = PyTuple_GET_ITEM(grp, 0), *pls = PyTuple_GET_ITEM(grp, 1);
        if (art && role_is(role, sc->s_head)) continue;
        if (role_is(role, sc->s_event) || role_is(role, sc->s_date)) {
            PyObject *vals[5] = {PyLong_FromSsize_t(start), PyLong_FromSsize_t(end), role, pls, PyLong_FromLong(ntok)};
            PyObject *c = vals[0] && vals[1] && vals[4] ? make_cand(sc->cand, vals) : NULL;
            Py_XDECREF(vals[0]);
            Py_XDECREF(vals[1]);
            Py_XDECREF(vals[4]);
            if (c == NULL) return -1;
            int rc = PyList_Append(r->events, c);
            Py_DECREF(c);
            if (rc < 0) return -1;
            continue;
        }
        Py_INCREF(pls);
        if (latin) {
            int place = role_is(role, sc->s_place);
            if (place || role_is(role, sc->s_core)) {
                int cap = capitalised(r, start, end);
                if (cap < 0) { Py_DECREF(pls); return -1; }
                if (!cap) { Py_DECREF(pls); continue; }
            }
            if (place || role_is(role, sc->s_actor)) {
                PyObject *kept = upper_filter(r, pls, start, end);
                Py_DECREF(pls);
                if (kept == NULL) return -1;
                pls = kept;
                if (PyTuple_GET_SIZE(pls) == 0) { Py_DECREF(pls); continue; }
            }
        }
        long p = role_prio(sc, role);
        if (p < 0) {
            Py_DECREF(pls);
            return -1;
        }
        if (rawvec_push(&r->ents, (long)start, (long)end, ntok, p, role, pls) < 0) return -1;
    }
    return 0;
}

/* ---- walks (scan_ref.walk) ---------------------------------------------------------------------- */

static inline int possessive(const Text *t, Py_ssize_t s, Py_ssize_t e) {
    return e - s >= 2 && AT(t, e - 1) == 's' && is_apos(AT(t, e - 2));
}

/* node.get(key of the folded buffer); borrowed or NULL (an error is set if one occurred) */
static int walk(Run *r, const CNode *node, Py_ssize_t st, Py_ssize_t end, int art) {
    Scanner *sc = r->sc;
    long ntok = 1;
    for (;;) {
        Py_ssize_t ts, te;
        if (!next_token(&r->t, end, &ts, &te)) return 0;
        Py_ssize_t tok_end = te;
        if (fold_into(&sc->fm, &r->t, ts, te, &r->b2) < 0) return -1;
        const Buf *b = &r->b2;
        const CNode *child = cnode_child(&sc->ctrie, node, b->buf, b->len, b->hash);
        if (child == NULL) {
            if (b->len >= 2 && b->buf[0] == 0x0627 && b->buf[1] == 0x0644) { /* ال: the key may lack it */
                child = cnode_child(&sc->ctrie, node, b->buf + 2, b->len - 2, hash_ucs4(b->buf + 2, b->len - 2));
            } else if (possessive(&r->t, ts, te)) { /* Kurdistan Region's */
                if (fold_into(&sc->fm, &r->t, ts, te - 2, &r->b2) < 0) return -1;
                child = cnode_child(&sc->ctrie, node, b->buf, b->len, b->hash);
                tok_end -= 2;
            }
            if (child == NULL) return 0;
        }
        node = child;
        end = tok_end;
        ntok++;
        if (node->payload != NULL && add(r, st, end, node->payload, ntok, art) < 0) return -1;
        if (node->nchild == 0) return 0;
    }
}

/* ---- scan --------------------------------------------------------------------------------------- */

/* an English article (matcher._ART) spans exactly text[q:s]: al/el then spaces or hyphens, or an
 * assimilated one then one hyphen */
static int art_spans(const Text *t, Py_ssize_t q, Py_ssize_t s) {
    if (s - q >= 3 && (ci(AT(t, q), 'a') || ci(AT(t, q), 'e')) && ci(AT(t, q + 1), 'l')) {
        Py_ssize_t i = q + 2;
        while (i < s && (AT(t, i) == ' ' || AT(t, i) == 0xa0 || is_hyphen(AT(t, i)))) i++;
        if (i == s) return 1;
    }
    if (!is_hyphen(AT(t, s - 1))) return 0;
    for (int k = 0; HYPHENED[k]; k++) {
        const char *a = HYPHENED[k];
        Py_ssize_t len = a[2] ? 3 : 2, j = 0;
        if (s - q != len + 1) continue;
        while (j < len && ci(AT(t, q + j), a[j])) j++;
        if (j == len) return 1;
    }
    return 0;
}

static inline int art_letter(Py_UCS4 c) { return c == 'A' || c == 'a' || c == 'E' || c == 'e'; }

/* scan_ref.article_before: where the span of a Latin name at s starts. The cheap test first, then
 * matcher._ART_BEFORE_RE.search(text, max(0, s - 6), s), "(?:^|[^W A])" + _ART + "$": the leftmost match */
static Py_ssize_t article_before(Run *r, Py_ssize_t s) {
    const Text *t = &r->t;
    if (s < 3) return s;
    Py_UCS4 c = AT(t, s - 1);
    if (!is_hyphen(c)) {
        if (c != ' ' && c != 0xa0) return s;
        Py_UCS4 a = AT(t, s - 3), l = AT(t, s - 2);
        if (!((a == 'a' || a == 'A' || a == 'e' || a == 'E') && (l == 'l' || l == 'L'))) return s;
    }
    for (Py_ssize_t p = s - 6 > 0 ? s - 6 : 0; p + 3 <= s; p++) {
        if (p == 0 && art_spans(t, 0, s)) return art_letter(AT(t, 0)) ? 0 : 1; /* ^ */
        Py_UCS4 x = AT(t, p);
        if (!is_word(x) && !is_apos(x) && art_spans(t, p + 1, s)) return p + 1; /* [^W A] is no article letter */
    }
    return s;
}

/* the starts of the token text[s:e] (scan_ref.starts): up to two slots (the token, then without 's) */
static int token_starts(Run *r, Py_ssize_t s, Py_ssize_t e, const Slot *found[2], int cut[2]) {
    int n = 0;
    if (fold_into(&r->sc->fm, &r->t, s, e, &r->b1) < 0) return -1;
    const Slot *sl = lookup_first(r->sc, &r->b1);
    if (sl != NULL) { found[n] = sl; cut[n++] = 0; }
    if (possessive(&r->t, s, e)) {
        if (fold_into(&r->sc->fm, &r->t, s, e - 2, &r->b1) < 0) return -1;
        sl = lookup_first(r->sc, &r->b1);
        if (sl != NULL) { found[n] = sl; cut[n++] = 2; }
    }
    return n;
}

static int scan_token(Run *r, Py_ssize_t s, Py_ssize_t e) {
    const Slot *found[2];
    int cut[2];
    int n = token_starts(r, s, e, found, cut);
    if (n <= 0) return n;
    Scanner *sc = r->sc;
    if (AT(&r->t, s) >= LATIN_END) { /* one-token candidates of every start first, then the walks */
        for (int f = 0; f < n; f++)
            for (Py_ssize_t i = found[f]->first; i < found[f]->first + found[f]->count; i++) {
                Start *x = &sc->starts[i];
                if (x->payload != NULL && add(r, s + x->plen, e - cut[f], x->payload, 1, x->art) < 0) return -1;
            }
        for (int f = 0; f < n; f++)
            for (Py_ssize_t i = found[f]->first; i < found[f]->first + found[f]->count; i++) {
                Start *x = &sc->starts[i];
                if (!x->leaf && walk(r, x->node, s + x->plen, e - cut[f], x->art) < 0) return -1;
            }
        return 0;
    }
    for (int f = 0; f < n; f++)
        for (Py_ssize_t i = found[f]->first; i < found[f]->first + found[f]->count; i++) {
            Start *x = &sc->starts[i];
            Py_ssize_t st = s + x->plen;
            if (!x->plen && (st = article_before(r, s)) < 0) return -1;
            if (x->payload != NULL && add(r, st, e - cut[f], x->payload, 1, x->art) < 0) return -1;
            if (!x->leaf && walk(r, x->node, st, e - cut[f], x->art) < 0) return -1;
        }
    return 0;
}

/* scan the text into r (entity candidates as C records, events as Cand); 0, or -1 with an error set */
static int run_scan(Scanner *sc, PyObject *text, Run *r, Py_UCS4 **u) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "scan() takes a str");
        return -1;
    }
    r->sc = sc;
    r->text = text;
    *u = PyUnicode_AsUCS4Copy(text);
    if (*u == NULL) return -1;
    r->t.kind = PyUnicode_4BYTE_KIND;
    r->t.data = *u;
    r->t.n = PyUnicode_GET_LENGTH(text);
    r->events = PyList_New(0);
    if (r->events == NULL) return -1;
    for (Py_ssize_t i = 0; i < r->t.n;) {
        if (!is_word(AT(&r->t, i))) { i++; continue; }
        Py_ssize_t e = token_end(&r->t, i);
        if (scan_token(r, i, e) < 0) return -1;
        i = e;
    }
    return 0;
}

static void run_free(Run *r, Py_UCS4 *u) {
    rawvec_free(&r->ents);
    Py_XDECREF(r->events);
    PyMem_Free(r->b1.buf);
    PyMem_Free(r->b2.buf);
    PyMem_Free(u);
}

/* the entity candidates as resolve.Raw tuples: (start - end, -ntok, prio, start, arrival, end, role, pls, ntok) */
static PyObject *raw_tuples(const RawVec *rv) {
    PyObject *out = PyList_New(rv->n);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < rv->n; i++) {
        const RawC *x = &rv->v[i];
        PyObject *tup = Py_BuildValue("(llllllOOl)", x->start - x->end, -x->ntok, x->prio, x->start, (long)i, x->end,
                                      x->role, x->pls, x->ntok);
        if (tup == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, tup);
    }
    return out;
}

static PyObject *Scanner_scan(Scanner *sc, PyObject *text) {
    Run r = {0};
    Py_UCS4 *u = NULL;
    PyObject *out = NULL, *ents = NULL;
    if (run_scan(sc, text, &r, &u) == 0 && (ents = raw_tuples(&r.ents)) != NULL)
        out = PyTuple_Pack(2, ents, r.events);
    Py_XDECREF(ents);
    run_free(&r, u);
    return out;
}

static PyObject *Scanner_scan_select(Scanner *sc, PyObject *text) {
    Run r = {0};
    Py_UCS4 *u = NULL;
    PyObject *out = NULL, *sel = NULL;
    if (run_scan(sc, text, &r, &u) == 0 &&
        (sel = select_longest(r.ents.v, r.ents.n, (long)r.t.n, sc->nonfac, sc->facmask, sc->cand)) != NULL)
        out = PyTuple_Pack(2, sel, r.events);
    Py_XDECREF(sel);
    run_free(&r, u);
    return out;
}

static PyObject *Scanner_fold(Scanner *sc, PyObject *token) {
    if (!PyUnicode_Check(token)) {
        PyErr_SetString(PyExc_TypeError, "fold() takes a str");
        return NULL;
    }
    Text t = {PyUnicode_KIND(token), PyUnicode_DATA(token), PyUnicode_GET_LENGTH(token)};
    Buf b = {0};
    PyObject *out = fold_into(&sc->fm, &t, 0, t.n, &b) < 0 ? NULL : buf_str(&b);
    PyMem_Free(b.buf);
    return out;
}


static int build_first(Scanner *sc, PyObject *first) {
    Py_ssize_t nkeys = PyDict_GET_SIZE(first), pool = 0, nst = 0, pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(first, &pos, &k, &v)) {
        if (!PyUnicode_Check(k) || !PyList_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "trie.first: str -> list");
            return -1;
        }
        pool += PyUnicode_GET_LENGTH(k);
        nst += PyList_GET_SIZE(v);
    }
    size_t size = 16;
    while (size < (size_t)nkeys * 2) size <<= 1;
    sc->mask = size - 1;
    sc->slots = PyMem_Calloc(size, sizeof(Slot));
    sc->key_pool = PyMem_Malloc((size_t)(pool + 1) * sizeof(Py_UCS4));
    sc->starts = PyMem_Calloc((size_t)nst + 1, sizeof(Start));
    uint64_t words = 1 << 10;
    while (words * 64 < (uint64_t)nkeys * 12) words <<= 1; /* >= 12 bits a key (128 KB here): ~3 % false hits */
    sc->bloom_mask = words - 1;
    sc->bloom = PyMem_Calloc((size_t)words, sizeof(uint64_t));
    if (!sc->slots || !sc->key_pool || !sc->starts || !sc->bloom) { PyErr_NoMemory(); return -1; }
    Py_ssize_t used = 0;
    pos = 0;
    while (PyDict_Next(first, &pos, &k, &v)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(k), off = used;
        for (Py_ssize_t j = 0; j < len; j++) sc->key_pool[used++] = PyUnicode_READ_CHAR(k, j);
        Slot sl = {hash_ucs4(sc->key_pool + off, len), off, len, sc->nstarts, PyList_GET_SIZE(v)};
        for (Py_ssize_t j = 0; j < sl.count; j++) {
            PyObject *e = PyList_GET_ITEM(v, j); /* (head, proclitic length, article added) */
            if (!PyTuple_Check(e) || PyTuple_GET_SIZE(e) != 3) {
                PyErr_SetString(PyExc_TypeError, "trie.first entries: (head, plen, art)");
                return -1;
            }
            PyObject *head = PyTuple_GET_ITEM(e, 0);
            Py_UCS4 *hk = PyUnicode_Check(head) ? PyUnicode_AsUCS4Copy(head) : NULL;
            if (hk == NULL) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "trie.first heads are str");
                return -1;
            }
            Py_ssize_t hn = PyUnicode_GET_LENGTH(head);
            const CNode *node = cnode_child(&sc->ctrie, sc->root, hk, hn, hash_ucs4(hk, hn));
            PyMem_Free(hk);
            if (node == NULL) {
                PyErr_SetString(PyExc_ValueError, "trie.first names a head not in the trie");
                return -1;
            }
            Start *x = &sc->starts[sc->nstarts++];
            x->node = node;
            x->payload = node->payload;
            x->leaf = node->nchild == 0 && node->payload != NULL;
            x->plen = (int)PyLong_AsLong(PyTuple_GET_ITEM(e, 1));
            x->art = PyObject_IsTrue(PyTuple_GET_ITEM(e, 2));
            if (PyErr_Occurred()) return -1;
        }
        sc->bloom[(sl.hash >> 7) & sc->bloom_mask] |= bloom_bits(sl.hash);
        size_t i = (size_t)sl.hash & sc->mask;
        while (sc->slots[i].hash != 0) i = (i + 1) & sc->mask;
        sc->slots[i] = sl;
    }
    return 0;
}


static void Scanner_dealloc(Scanner *sc) {
    ctrie_free(&sc->ctrie);
    PyMem_Free(sc->starts);
    PyMem_Free(sc->slots);
    PyMem_Free(sc->bloom);
    PyMem_Free(sc->key_pool);
    free_fold(&sc->fm);
    for (int i = 0; i < sc->nroles; i++) Py_CLEAR(sc->roles[i]);
    PyObject **refs[] = {&sc->payload_key, &sc->prio, &sc->cand, &sc->capitalised, &sc->caps,
                         &sc->s_event, &sc->s_date, &sc->s_head, &sc->s_place, &sc->s_core, &sc->s_actor,
                         &sc->s_upper, &sc->s_isupper};
    for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) Py_CLEAR(*refs[i]);
    Py_TYPE(sc)->tp_free((PyObject *)sc);
}

static PyObject *Scanner_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    static char *names[] = {"root", "first", "fold_list", "payload_key", "prio", "cand", "capitalised",
                            "nonfac_prio", "fac_prio_mask", NULL};
    PyObject *root, *first, *fold_list, *payload_key, *prio, *cand, *cap;
    long nonfac, facmask;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!O!UO!OOll", names, &PyDict_Type, &root, &PyDict_Type, &first,
                                     &PyList_Type, &fold_list, &payload_key, &PyDict_Type, &prio, &cand, &cap,
                                     &nonfac, &facmask))
        return NULL;
    Scanner *sc = (Scanner *)type->tp_alloc(type, 0);
    if (sc == NULL) return NULL;
    sc->payload_key = Py_NewRef(payload_key);
    sc->nonfac = nonfac;
    sc->facmask = facmask;
    sc->prio = Py_NewRef(prio);
    sc->cand = Py_NewRef(cand);
    sc->capitalised = Py_NewRef(cap);
    sc->caps = PyDict_New();
    sc->s_event = PyUnicode_InternFromString("event");
    sc->s_date = PyUnicode_InternFromString("date");
    sc->s_head = PyUnicode_InternFromString("head");
    sc->s_place = PyUnicode_InternFromString("place");
    sc->s_core = PyUnicode_InternFromString("core");
    sc->s_actor = PyUnicode_InternFromString("actor");
    sc->s_upper = PyUnicode_InternFromString("upper");
    sc->s_isupper = PyUnicode_InternFromString("isupper");
    if (PyErr_Occurred() || build_fold(&sc->fm, fold_list) < 0 || (sc->root = ctrie_build(&sc->ctrie, root, payload_key)) == NULL ||
        build_first(sc, first) < 0) {
        Py_DECREF(sc);
        return NULL;
    }
    return (PyObject *)sc;
}

static PyObject *Scanner_clear(Scanner *sc, PyObject *unused) {
    PyDict_Clear(sc->caps);
    Py_RETURN_NONE;
}

static PyMethodDef Scanner_methods[] = {
    {"scan", (PyCFunction)Scanner_scan, METH_O,
     "scan(text) -> (entity candidates, event/date candidates), exactly as scan_ref.scan(text, trie)"},
    {"scan_select", (PyCFunction)Scanner_scan_select, METH_O,
     "scan_select(text) -> (selected entity candidates, event/date candidates): resolve.longest_ref over scan()"},
    {"fold", (PyCFunction)Scanner_fold, METH_O, "fold(token) -> normalize.fold(token), from the same table"},
    {"clear_caches", (PyCFunction)Scanner_clear, METH_NOARGS, "empty the capitalisation cache"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "services.enrich._scan.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_dealloc = (destructor)Scanner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A finalized trie compiled for scanning (see services/enrich/scan_ref.py).",
    .tp_methods = Scanner_methods,
    .tp_new = Scanner_new,
};

