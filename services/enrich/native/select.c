/* Longest-match selection, compiled: resolve.longest_ref is its specification. */
#include "native.h"

typedef struct {
    long k[5]; /* sort key: start - end, -ntokens, priority, start, arrival index */
    Py_ssize_t idx; /* in the input list */
} Sel;

typedef struct {
    long start, prio, order;
    Py_ssize_t idx;
} Taken;

static int cmp_sel(const void *a, const void *b) {
    const long *x = ((const Sel *)a)->k, *y = ((const Sel *)b)->k;
    for (int i = 0; i < 5; i++)
        if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

static int cmp_taken(const void *a, const void *b) {
    const Taken *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->prio != y->prio) return x->prio < y->prio ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static inline int any_set(const char *occ, long s, long e) { return e > s && memchr(occ + s, 1, (size_t)(e - s)) != NULL; }

/* span (start, end) -> the priorities (one a role) taken on exactly that span, as a bit mask */
typedef struct {
    uint64_t key;
    unsigned mask;
} SpanSlot;

static SpanSlot *span_slot(SpanSlot *tab, size_t mask, long s, long e) {
    uint64_t key = ((uint64_t)s << 32 | (uint64_t)e) + 1;
    uint64_t h = key * 0x9E3779B97F4A7C15ULL;
    for (size_t i = (size_t)(h >> 20) & mask;; i = (i + 1) & mask) {
        if (tab[i].key == key || tab[i].key == 0) {
            tab[i].key = key;
            return &tab[i];
        }
    }
}

/* longest(cands, size, nonfac priority, facility priorities (bit mask), Cand) -> [Cand]: resolve.longest */
PyObject *mod_longest(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "longest(cands: list, size, nonfac_prio, fac_prio_mask, cand)");
        return NULL;
    }
    PyObject *cands = args[0], *cand = args[4];
    long size = PyLong_AsLong(args[1]), nonfac = PyLong_AsLong(args[2]), facmask = PyLong_AsLong(args[3]);
    if (PyErr_Occurred()) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(cands);
    PyObject *out = NULL;
    Sel *sel = PyMem_Malloc((size_t)(n + 1) * sizeof(Sel));
    Taken *taken = PyMem_Malloc((size_t)(n + 1) * sizeof(Taken));
    char *occ = PyMem_Calloc((size_t)size * 3 + 1, 1), *occ_fac = occ + size, *occ_nf = occ + 2 * size;
    size_t smask = 15;
    while (smask + 1 < (size_t)n * 2) smask = smask * 2 + 1;
    SpanSlot *spans = PyMem_Calloc(smask + 1, sizeof(SpanSlot));
    if (!sel || !taken || !occ || !spans) { PyErr_NoMemory(); goto done; }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyList_GET_ITEM(cands, i);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 9) {
            PyErr_SetString(PyExc_TypeError, "longest: candidates are resolve.Raw tuples");
            goto done;
        }
        for (int j = 0; j < 5; j++) sel[i].k[j] = PyLong_AsLong(PyTuple_GET_ITEM(t, j));
        sel[i].idx = i;
        long s = sel[i].k[3], e = PyLong_AsLong(PyTuple_GET_ITEM(t, 5));
        if (PyErr_Occurred()) goto done;
        if (s < 0 || e < s || e > size) {
            PyErr_SetString(PyExc_ValueError, "longest: a candidate lies outside the text");
            goto done;
        }
    }
    qsort(sel, (size_t)n, sizeof(Sel), cmp_sel);
    int any_nf = 0;
    Py_ssize_t nt = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyList_GET_ITEM(cands, sel[i].idx);
        long prio = sel[i].k[2], s = sel[i].k[3], e = PyLong_AsLong(PyTuple_GET_ITEM(t, 5));
        if (prio == nonfac) {
            if (!any_set(occ_fac, s, e)) {
                memset(occ_nf + s, 1, (size_t)(e - s));
                any_nf = 1;
                PyObject *pls = PyTuple_GET_ITEM(t, 7);
                int named = PyTuple_GET_SIZE(pls) > 0 &&
                            PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(PyTuple_GET_ITEM(pls, 0), 1), "name") == 0;
                if (named && !any_set(occ, s, e)) memset(occ + s, 1, (size_t)(e - s)); /* a named base */
            }
            continue;
        }
        int is_fac = prio >= 0 && prio < 64 && (facmask >> prio & 1);
        if (is_fac && any_nf && any_set(occ_nf, s, e)) continue;
        unsigned bit = 1u << (prio & 31);
        if (!any_set(occ, s, e)) {
            memset(occ + s, 1, (size_t)(e - s));
            span_slot(spans, smask, s, e)->mask = bit;
        } else {
            SpanSlot *sl = span_slot(spans, smask, s, e);
            if (sl->mask == 0 || (sl->mask & bit)) continue; /* no identical span taken, or this role has it */
            sl->mask |= bit;
        }
        if (is_fac) memset(occ_fac + s, 1, (size_t)(e - s));
        taken[nt] = (Taken){s, prio, nt, sel[i].idx};
        nt++;
    }
    qsort(taken, (size_t)nt, sizeof(Taken), cmp_taken);
    out = PyList_New(nt);
    if (out == NULL) goto done;
    for (Py_ssize_t i = 0; i < nt; i++) {
        PyObject *t = PyList_GET_ITEM(cands, taken[i].idx);
        PyObject *vals[5] = {PyTuple_GET_ITEM(t, 3), PyTuple_GET_ITEM(t, 5), PyTuple_GET_ITEM(t, 6),
                             PyTuple_GET_ITEM(t, 7), PyTuple_GET_ITEM(t, 8)};
        PyObject *c = make_cand(cand, vals);
        if (c == NULL) { Py_CLEAR(out); goto done; }
        PyList_SET_ITEM(out, i, c);
    }
done:
    PyMem_Free(sel);
    PyMem_Free(taken);
    PyMem_Free(occ);
    PyMem_Free(spans);
    return out;
}

