/* The scanner, compiled: every trie key match in a text, all lengths, all starts.
 *
 * services/enrich/scan_ref.py is the specification, line for line; the tests hold this module to it
 * (identical candidates in identical order). What is here and not there is only how: the text is read
 * once, as UCS4, in C (read.c); a token's fold and its hash are built in a C buffer (fold.c) and looked up
 * among the trie's first tokens behind a small Bloom filter (no Python object for the tokens that start no
 * key, which are most); walks follow a C mirror of the trie (trie.c); candidates are C records (RawC) until
 * the selection (select.c) makes Cand objects of the accepted ones. Payload groups stay the trie's tuples.
 *
 * One rare path calls back into Python: the capitalisation test of English names (resolve.capitalised),
 * cached in a dict.
 */
#include "scanner.h"

static inline int bloom_has(const Scanner *sc, uint64_t h) {
    uint64_t want = bloom_bits(h);
    return (sc->bloom[(h >> 7) & sc->bloom_mask] & want) == want;
}

static const Slot *lookup_first(Scanner *sc, const Py_UCS4 *p, Py_ssize_t n, uint64_t h) {
    if (!bloom_has(sc, h)) return NULL;
    for (size_t i = (size_t)h & sc->mask;; i = (i + 1) & sc->mask) {
        const Slot *sl = &sc->slots[i];
        if (sl->hash == 0) return NULL;
        if (sl->hash == h && str_equals_ucs4(sl->key, p, n)) return sl;
    }
}


/* ---- candidates (scan_ref.add) ----------------------------------------------------------------- */

/* a token of the text (normalize.TOKEN_RE) and its fold, read once per text: the walks read the tokens after
 * a start again and again (every start of a token walks on from it) */
typedef struct {
    Py_ssize_t s, e;   /* text[s:e] */
    Py_ssize_t off, len; /* its fold: Run.folds.buf[off:off + len] */
    uint64_t hash;     /* of the fold (hash_ucs4) */
} Tok;

typedef struct {
    Scanner *sc;
    PyObject *text;
    Text t;
    RawVec ents;
    PyObject *events;
    Buf b1, b2;
    Tok *toks;   /* the text's tokens, in order */
    Py_ssize_t ntoks;
    Buf folds;   /* their folds, end to end */
} Run;

/* ---- the capitalisation cache: surface (its code points) -> capitalised(surface), a pure function ---- */

static CapSlot *caps_slot(CapSlot *tab, size_t mask, const Py_UCS4 *p, Py_ssize_t n, uint64_t h) {
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        CapSlot *sl = &tab[i];
        if (sl->hash == 0 || (sl->hash == h && sl->len == n && memcmp(sl->chars, p, (size_t)n * sizeof(Py_UCS4)) == 0))
            return sl;
    }
}

void caps_clear(Scanner *sc) {
    if (sc->caps != NULL)
        for (size_t i = 0; i <= sc->caps_mask; i++) PyMem_Free(sc->caps[i].chars);
    PyMem_Free(sc->caps);
    sc->caps = NULL;
    sc->caps_mask = 0;
    sc->ncaps = 0;
}

/* remember capitalised(p[:n]) (its slot `at` is empty); 0, or -1 with an error set */
static int caps_put(Scanner *sc, CapSlot *at, const Py_UCS4 *p, Py_ssize_t n, uint64_t h, int value) {
    Py_UCS4 *chars = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_UCS4));
    if (chars == NULL) { PyErr_NoMemory(); return -1; }
    memcpy(chars, p, (size_t)n * sizeof(Py_UCS4));
    *at = (CapSlot){h, chars, n, value};
    if (++sc->ncaps * 2 <= (Py_ssize_t)(sc->caps_mask + 1)) return 0;
    size_t size = (sc->caps_mask + 1) * 2; /* grow: at most half full */
    CapSlot *tab = PyMem_Calloc(size, sizeof(CapSlot));
    if (tab == NULL) { PyErr_NoMemory(); return -1; }
    for (size_t i = 0; i <= sc->caps_mask; i++)
        if (sc->caps[i].hash != 0) {
            const CapSlot *o = &sc->caps[i];
            *caps_slot(tab, size - 1, o->chars, o->len, o->hash) = *o;
        }
    PyMem_Free(sc->caps);
    sc->caps = tab;
    sc->caps_mask = size - 1;
    return 0;
}

/* resolve.capitalised(text[start:end]), cached; 1, 0, or -1 with an error set */
static int capitalised(Run *r, Py_ssize_t start, Py_ssize_t end) {
    Scanner *sc = r->sc;
    const Py_UCS4 *p = (const Py_UCS4 *)r->t.data + start;
    Py_ssize_t n = end - start;
    uint64_t h = hash_ucs4(p, n);
    if (sc->caps != NULL) {
        const CapSlot *got = caps_slot(sc->caps, sc->caps_mask, p, n, h);
        if (got->hash != 0) return got->value;
    }
    PyObject *sub = PyUnicode_Substring(r->text, start, end);
    if (sub == NULL) return -1;
    PyObject *v = PyObject_CallOneArg(sc->capitalised, sub);
    Py_DECREF(sub);
    if (v == NULL) return -1;
    int res = PyObject_IsTrue(v);
    Py_DECREF(v);
    if (res < 0) return -1;
    if (sc->ncaps >= CAPS_MAX) caps_clear(sc);
    if (sc->caps == NULL) {
        if ((sc->caps = PyMem_Calloc(256, sizeof(CapSlot))) == NULL) { PyErr_NoMemory(); return -1; }
        sc->caps_mask = 255;
    }
    if (caps_put(sc, caps_slot(sc->caps, sc->caps_mask, p, n, h), p, n, h, res) < 0) return -1;
    return res;
}

/* the payloads without those marked "upper" when the surface is not all upper-case; NULL on error,
 * a new reference (pls itself when nothing is dropped; an empty tuple when everything is) */
/* x == "upper" (s_upper): identity, a str of another length, or the comparison */
static inline int is_upper_mark(PyObject *x, PyObject *s_upper) {
    if (x == s_upper) return 1;
    if (PyUnicode_CheckExact(x) && PyUnicode_GET_LENGTH(x) != 5) return 0;
    return PyObject_RichCompareBool(x, s_upper, Py_EQ);
}

static PyObject *upper_filter(Run *r, PyObject *pls, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t n = PyTuple_GET_SIZE(pls), marked = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = PyTuple_GET_ITEM(pls, i);
        int eq = is_upper_mark(PyTuple_GET_ITEM(p, 2), r->sc->s_upper);
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
        if (is_upper_mark(PyTuple_GET_ITEM(p, 2), r->sc->s_upper) == 0)
            PyTuple_SET_ITEM(out, k++, Py_NewRef(p));
    }
    return out;
}

/* `name` is interned: so is a role of a finalized trie (matcher.Trie.finalize), so identity mostly decides */
static inline int role_is(PyObject *role, PyObject *name) {
    if (role == name) return 1;
    if (PyUnicode_CHECK_INTERNED(role) && PyUnicode_CHECK_INTERNED(name)) return 0; /* two interned: one per value */
    return PyUnicode_Compare(role, name) == 0;
}

/* resolve.ROLE_PRIORITY[role], the first few roles remembered by identity (roles are interned; the scanner
 * holds a reference to each, so an identity stays that string's) */
static long role_prio(Scanner *sc, PyObject *role) {
    for (int i = 0; i < sc->nroles; i++)
        if (sc->roles[i] == role) return sc->role_prios[i];
    PyObject *prio = PyDict_GetItemWithError(sc->prio, role); /* borrowed */
    long p = prio != NULL ? PyLong_AsLong(prio) : -1;
    if (prio == NULL || p < 0) {
        if (!PyErr_Occurred()) PyErr_SetObject(prio == NULL ? PyExc_KeyError : PyExc_ValueError, role);
        return -1;
    }
    if (sc->nroles < 8) { /* the scanner holds the role: it stays alive */
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
        if (role_is(role, sc->s_event) || role_is(role, sc->s_date) || role_is(role, sc->s_cue)) {
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

/* the token starting at ts, searched from the token k on (NULL if no token starts there) */
static inline Py_ssize_t tok_from(const Run *r, Py_ssize_t k, Py_ssize_t ts) {
    while (k < r->ntoks && r->toks[k].s < ts) k++;
    return k < r->ntoks && r->toks[k].s == ts ? k : -1;
}

/* walk on from the node of the token k's start (whose key ends at end); 0, or -1 with an error set */
static int walk(Run *r, const CNode *node, Py_ssize_t k, Py_ssize_t st, Py_ssize_t end, int art) {
    Scanner *sc = r->sc;
    long ntok = 1;
    for (;;) {
        Py_ssize_t ts, te;
        if (!next_start(&r->t, end, &ts)) return 0;
        const Py_UCS4 *p;
        Py_ssize_t len;
        uint64_t hash;
        Py_ssize_t j = tok_from(r, k + 1, ts);
        if (j >= 0) { /* (always: NEXT_RE's token follows a space, a dot, a hyphen or a quote, so it is one) */
            const Tok *x = &r->toks[j];
            te = x->e;
            p = r->folds.buf + x->off;
            len = x->len;
            hash = x->hash;
            k = j;
        } else {
            te = token_end(&r->t, ts);
            if (fold_into(&sc->fm, &r->t, ts, te, &r->b2) < 0) return -1;
            p = r->b2.buf;
            len = r->b2.len;
            hash = r->b2.hash;
        }
        Py_ssize_t tok_end = te;
        const CNode *child = cnode_child(&sc->ctrie, node, p, len, hash);
        if (child == NULL) {
            if (len >= 2 && p[0] == 0x0627 && p[1] == 0x0644) { /* ال: the key may lack it */
                child = cnode_child(&sc->ctrie, node, p + 2, len - 2, hash_ucs4(p + 2, len - 2));
            } else if (possessive(&r->t, ts, te)) { /* Kurdistan Region's */
                const Buf *b = &r->b2;
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

/* the starts of the token text[s:e] (scan_ref.starts): up to two slots (the token, then without 's) */
static int token_starts(Run *r, const Tok *x, const Slot *found[2], int cut[2]) {
    int n = 0;
    Py_ssize_t s = x->s, e = x->e;
    const Slot *sl = lookup_first(r->sc, r->folds.buf + x->off, x->len, x->hash);
    if (sl != NULL) { found[n] = sl; cut[n++] = 0; }
    if (possessive(&r->t, s, e)) {
        if (fold_into(&r->sc->fm, &r->t, s, e - 2, &r->b1) < 0) return -1;
        sl = lookup_first(r->sc, r->b1.buf, r->b1.len, r->b1.hash);
        if (sl != NULL) { found[n] = sl; cut[n++] = 2; }
    }
    return n;
}

static int scan_token(Run *r, Py_ssize_t k) {
    const Slot *found[2];
    int cut[2];
    Py_ssize_t s = r->toks[k].s, e = r->toks[k].e;
    int n = token_starts(r, &r->toks[k], found, cut);
    if (n <= 0) return n;
    Scanner *sc = r->sc;
    if (AT(&r->t, s) >= LATIN_END) { /* one-token candidates of every start first, then the walks */
        for (int f = 0; f < n; f++)
            for (Py_ssize_t i = found[f]->first; i < (Py_ssize_t)found[f]->first + found[f]->count; i++) {
                const Start *x = &sc->starts[i];
                PyObject *pl = x->payload;
                if (pl != NULL && add(r, s + x->plen, e - cut[f], pl, 1, x->art) < 0) return -1;
            }
        for (int f = 0; f < n; f++)
            for (Py_ssize_t i = found[f]->first; i < (Py_ssize_t)found[f]->first + found[f]->count; i++) {
                const Start *x = &sc->starts[i];
                if (!x->leaf && walk(r, x->node, k, s + x->plen, e - cut[f], x->art) < 0) return -1;
            }
        return 0;
    }
    for (int f = 0; f < n; f++)
        for (Py_ssize_t i = found[f]->first; i < (Py_ssize_t)found[f]->first + found[f]->count; i++) {
            const Start *x = &sc->starts[i];
            Py_ssize_t st = s + x->plen;
            if (!x->plen && (st = article_before(&r->t, s)) < 0) return -1;
            PyObject *pl = x->payload;
            if (pl != NULL && add(r, st, e - cut[f], pl, 1, x->art) < 0) return -1;
            if (!x->leaf && walk(r, x->node, k, st, e - cut[f], x->art) < 0) return -1;
        }
    return 0;
}

/* one code point c of a token folded onto out (FoldMap, as fold_append; `rest` code points of the text follow c:
 * b keeps room for one each); 0, or -1 with an error set */
static inline int fold_one(const FoldMap *fm, Py_UCS4 c, Buf *b, Py_UCS4 **outp, uint64_t *hp, Py_ssize_t rest) {
    Py_UCS4 *out = *outp;
    uint64_t h = *hp;
    if ((Py_ssize_t)c < fm->n && fm->off[c] >= 0) {
        const Py_UCS4 *rep = fm->pool + fm->off[c];
        int k = fm->len[c];
        if (k > 1) {
            Py_ssize_t used = out - b->buf;
            if (buf_reserve(b, used, k + rest) < 0) return -1;
            out = b->buf + used;
        }
        for (int j = 0; j < k; j++) {
            *out++ = rep[j];
            h = (h ^ rep[j]) * FNV_PRIME;
        }
    } else {
        *out++ = c;
        h = (h ^ c) * FNV_PRIME;
    }
    *outp = out;
    *hp = h;
    return 0;
}

/* The token at i (u[i] a word character) read and folded in one pass: returns its end, token_end(i) (read.c),
 * and appends fold_into's fold of u[i:end] to b, its hash in *hash; -1 with an error set. b has room for a code
 * point for each of u[i:n] (and keeps it: only a replacement longer than one code point asks for more). */
static Py_ssize_t read_token(const Scanner *sc, const Py_UCS4 *u, Py_ssize_t n, Py_ssize_t i, Buf *b, uint64_t *hash) {
    const FoldMap *fm = &sc->fm;
    Py_UCS4 *out = b->buf + b->len;
    uint64_t h = FNV_OFFSET;
    for (;;) {
        while (i < n) { /* [W]+ */
            Py_UCS4 c = u[i];
            if (c < 0x800) {
                uint32_t f = sc->fast[c];
                if (!(f & FAST_WORD)) break;
                if (!(f & FAST_OTHER)) {
                    Py_UCS4 o = f & FAST_CHAR;
                    *out++ = o;
                    h = (h ^ o) * FNV_PRIME;
                    i++;
                    continue;
                }
            } else if (!is_word_slow(c)) {
                break;
            }
            if (fold_one(fm, c, b, &out, &h, n - i - 1) < 0) return -1;
            i++;
        }
        /* an apostrophe joins the next [W]+ unless between two Arabic letters (token_end) */
        if (i + 1 < n && is_apos(u[i]) && is_word(u[i + 1]) && !(is_ar_letter(u[i - 1]) && is_ar_letter(u[i + 1]))) {
            if (fold_one(fm, u[i], b, &out, &h, n - i - 1) < 0) return -1;
            i++;
            continue;
        }
        break;
    }
    b->len = out - b->buf;
    *hash = h | 1;
    return i;
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
    /* the tokens and their folds first (no more tokens than half the text, rounded up) */
    r->toks = PyMem_Malloc((size_t)(r->t.n / 2 + 1) * sizeof(Tok));
    if (r->toks == NULL) { PyErr_NoMemory(); return -1; }
    const Py_UCS4 *text_u = *u;
    Py_ssize_t n = r->t.n;
    if (buf_reserve(&r->folds, 0, n + 1) < 0) return -1;
    for (Py_ssize_t i = 0; i < n;) {
        if (!is_word(text_u[i])) { i++; continue; }
        Py_ssize_t off = r->folds.len;
        uint64_t hash;
        Py_ssize_t e = read_token(sc, text_u, n, i, &r->folds, &hash);
        if (e < 0) return -1;
        r->toks[r->ntoks++] = (Tok){i, e, off, r->folds.len - off, hash};
        i = e;
    }
    for (Py_ssize_t k = 0; k < r->ntoks; k++)
        if (scan_token(r, k) < 0) return -1;
    return 0;
}

static void run_free(Run *r, Py_UCS4 *u) {
    rawvec_free(&r->ents);
    Py_XDECREF(r->events);
    PyMem_Free(r->b1.buf);
    PyMem_Free(r->b2.buf);
    PyMem_Free(r->folds.buf);
    PyMem_Free(r->toks);
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

PyObject *Scanner_scan(Scanner *sc, PyObject *text) {
    Run r = {0};
    Py_UCS4 *u = NULL;
    PyObject *out = NULL, *ents = NULL;
    if (run_scan(sc, text, &r, &u) == 0 && (ents = raw_tuples(&r.ents)) != NULL)
        out = PyTuple_Pack(2, ents, r.events);
    Py_XDECREF(ents);
    run_free(&r, u);
    return out;
}

PyObject *Scanner_scan_select(Scanner *sc, PyObject *text) {
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

PyObject *Scanner_fold(Scanner *sc, PyObject *token) {
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


