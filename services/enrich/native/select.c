/* Longest-match selection, compiled: resolve.longest_ref is its specification.
 *
 * The candidates are C records (RawC): the scanner fills them directly (Scanner.scan_select), or
 * longest() converts resolve.Raw tuples. Python sorts Raw tuples whose fifth field, the arrival index, is
 * unique, so its order is a stable sort on the first four; here a stable merge sort on one 128-bit key. */
#include "native.h"

typedef unsigned __int128 u128;

typedef struct {
    u128 key;
    Py_ssize_t idx;
} Item;

/* stable: equal keys keep their input order */
static void merge_sort(Item *a, Py_ssize_t n, Item *tmp) {
    for (Py_ssize_t i = 1; i < n && n <= 16; i++) { /* small: insertion sort */
        Item x = a[i];
        Py_ssize_t j = i;
        while (j > 0 && a[j - 1].key > x.key) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
    if (n <= 16) return;
    for (Py_ssize_t w = 1; w < n; w *= 2) {
        for (Py_ssize_t lo = 0; lo < n; lo += 2 * w) {
            Py_ssize_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = a[j].key < a[i].key ? a[j++] : a[i++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, (size_t)n * sizeof(Item));
    }
}

/* the occupancy of each character: accepted spans (all roles but nonfac), facility readings, non-facility
 * phrases (longest_ref's three bytearrays), a bit each */
enum { OCC = 1, OCC_FAC = 2, OCC_NF = 4 };

static inline int any_set(const uint8_t *occ, long s, long e, uint8_t bit) {
    for (long i = s; i < e; i++)
        if (occ[i] & bit) return 1;
    return 0;
}

static inline void set_all(uint8_t *occ, long s, long e, uint8_t bit) {
    for (long i = s; i < e; i++) occ[i] |= bit;
}

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

static int is_named(PyObject *pls) { /* pls[0][1] == "name": a named non-facility (a military base) */
    return PyTuple_GET_SIZE(pls) > 0 &&
           PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(PyTuple_GET_ITEM(pls, 0), 1), "name") == 0;
}

/* Unique 64-bit keys, sorted: the small runs by insertion, then merged bottom-up between a and tmp (the
 * result ends in a). Keys are unique, so no stability is needed of the sort itself. */
static void sort_u64(uint64_t *a, Py_ssize_t n, uint64_t *tmp) {
    const Py_ssize_t run = 16;
    for (Py_ssize_t lo = 0; lo < n; lo += run) {
        Py_ssize_t hi = lo + run < n ? lo + run : n;
        for (Py_ssize_t i = lo + 1; i < hi; i++) {
            uint64_t x = a[i];
            Py_ssize_t j = i;
            while (j > lo && a[j - 1] > x) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }
    uint64_t *src = a, *dst = tmp;
    for (Py_ssize_t w = run; w < n; w *= 2) {
        for (Py_ssize_t lo = 0; lo < n; lo += 2 * w) {
            Py_ssize_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, (size_t)n * sizeof(uint64_t));
}

static inline int bit_width(uint64_t x) { return x == 0 ? 0 : 64 - __builtin_clzll(x); }

PyObject *select_longest(const RawC *raws, Py_ssize_t n, long size, long nonfac, long facmask, PyObject *cand) {
    PyObject *out = NULL;
    Item *sel = PyMem_Malloc((size_t)(n + 1) * sizeof(Item)), *tmp = PyMem_Malloc((size_t)(n + 1) * sizeof(Item));
    Item *taken = PyMem_Malloc((size_t)(n + 1) * sizeof(Item));
    Py_ssize_t *ord = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
    uint8_t *occ = PyMem_Calloc((size_t)size + 1, 1);
    size_t smask = 15;
    while (smask + 1 < (size_t)n * 2) smask = smask * 2 + 1;
    SpanSlot *spans = PyMem_Calloc(smask + 1, sizeof(SpanSlot));
    if (!sel || !tmp || !taken || !ord || !occ || !spans) { PyErr_NoMemory(); goto done; }
    uint64_t maxlen = 0, maxnt = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const RawC *x = &raws[i];
        if (x->start < 0 || x->end < x->start || x->end > size || size >= (1L << 32) || x->ntok < 0 ||
            x->ntok >= (1L << 30) || x->prio < 0 || x->prio >= 32) {
            PyErr_SetString(PyExc_ValueError, "longest: a candidate lies outside the text");
            goto done;
        }
        uint64_t len = (uint64_t)(x->end - x->start);
        if (len > maxlen) maxlen = len;
        if ((uint64_t)x->ntok > maxnt) maxnt = (uint64_t)x->ntok;
    }
    /* The order (start - end, -ntokens, priority, start), then arrival: as one mixed-radix rank (each field's
     * radix its range here) with the arrival index below it, when that fits in 64 bits (it does but for texts
     * of hundreds of thousands of characters with as long a candidate); else 128-bit keys, a stable sort. */
    int nb = bit_width((uint64_t)n), fast = 0;
    uint64_t L = maxlen + 1, T = maxnt + 1, S = (uint64_t)size + 1, ranks;
    if (!__builtin_mul_overflow(L, T, &ranks) && !__builtin_mul_overflow(ranks, 32, &ranks) &&
        !__builtin_mul_overflow(ranks, S, &ranks) && nb < 64 && ranks <= (UINT64_MAX >> nb))
        fast = 1;
    uint64_t *keys = (uint64_t *)sel, *ktmp = (uint64_t *)tmp, *kt = (uint64_t *)taken, low = ((uint64_t)1 << nb) - 1;
    if (fast) {
        for (Py_ssize_t i = 0; i < n; i++) {
            const RawC *x = &raws[i];
            uint64_t len = (uint64_t)(x->end - x->start);
            uint64_t rank = (((maxlen - len) * T + (maxnt - (uint64_t)x->ntok)) * 32 + (uint64_t)x->prio) * S +
                            (uint64_t)x->start;
            keys[i] = rank << nb | (uint64_t)i;
        }
        sort_u64(keys, n, ktmp);
        for (Py_ssize_t i = 0; i < n; i++) ord[i] = (Py_ssize_t)(keys[i] & low);
    } else {
        for (Py_ssize_t i = 0; i < n; i++) {
            const RawC *x = &raws[i];
            /* (start - end, -ntokens, priority, start) ascending: longer first, then more tokens */
            uint64_t len = (uint64_t)(x->end - x->start);
            sel[i].key = (u128)((1ULL << 32) - 1 - len) << 96 | (u128)((1ULL << 30) - 1 - (uint64_t)x->ntok) << 64 |
                         (u128)x->prio << 40 | (u128)(uint64_t)x->start;
            sel[i].idx = i;
        }
        merge_sort(sel, n, tmp);
        for (Py_ssize_t i = 0; i < n; i++) ord[i] = sel[i].idx;
    }
    int any_nf = 0;
    Py_ssize_t nt = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const RawC *x = &raws[ord[i]];
        long prio = x->prio, s = x->start, e = x->end;
        if (prio == nonfac) {
            if (!any_set(occ, s, e, OCC_FAC)) {
                set_all(occ, s, e, OCC_NF);
                any_nf = 1;
                if (is_named(x->pls) && !any_set(occ, s, e, OCC)) set_all(occ, s, e, OCC);
            }
            continue;
        }
        int is_fac = (facmask >> prio) & 1;
        if (is_fac && any_nf && any_set(occ, s, e, OCC_NF)) continue;
        unsigned bit = 1u << prio;
        if (!any_set(occ, s, e, OCC)) {
            set_all(occ, s, e, OCC);
            span_slot(spans, smask, s, e)->mask = bit;
        } else {
            SpanSlot *sl = span_slot(spans, smask, s, e);
            if (sl->mask == 0 || (sl->mask & bit)) continue; /* no identical span taken, or this role has it */
            sl->mask |= bit;
        }
        if (is_fac) set_all(occ, s, e, OCC_FAC);
        /* by start, then priority, then acceptance */
        if (fast) { /* (start * 32 + priority) < S * 32 <= ranks: fits above nb bits, as nt <= n */
            kt[nt] = ((uint64_t)s * 32 + (uint64_t)prio) << nb | (uint64_t)nt;
            keys[nt] = (uint64_t)ord[i]; /* (keys are read: their room holds the accepted ones' indices) */
        } else {
            taken[nt].key = (u128)(uint64_t)s << 8 | (u128)prio;
            taken[nt].idx = ord[i];
        }
        nt++;
    }
    if (fast) {
        sort_u64(kt, nt, ktmp);
        for (Py_ssize_t i = 0; i < nt; i++) ord[i] = (Py_ssize_t)keys[kt[i] & low];
    } else {
        merge_sort(taken, nt, tmp);
        for (Py_ssize_t i = 0; i < nt; i++) ord[i] = taken[i].idx;
    }
    out = PyList_New(nt);
    if (out == NULL) goto done;
    for (Py_ssize_t i = 0; i < nt; i++) {
        const RawC *x = &raws[ord[i]];
        PyObject *ints[3] = {PyLong_FromLong(x->start), PyLong_FromLong(x->end), PyLong_FromLong(x->ntok)};
        PyObject *vals[5] = {ints[0], ints[1], x->role, x->pls, ints[2]};
        PyObject *c = ints[0] && ints[1] && ints[2] ? make_cand(cand, vals) : NULL;
        for (int j = 0; j < 3; j++) Py_XDECREF(ints[j]);
        if (c == NULL) { Py_CLEAR(out); goto done; }
        PyList_SET_ITEM(out, i, c);
    }
done:
    PyMem_Free(sel);
    PyMem_Free(tmp);
    PyMem_Free(taken);
    PyMem_Free(ord);
    PyMem_Free(occ);
    PyMem_Free(spans);
    return out;
}

int rawvec_push(RawVec *rv, long start, long end, long ntok, long prio, PyObject *role, PyObject *pls) {
    if (rv->n == rv->cap) {
        Py_ssize_t cap = rv->cap * 2 + 64;
        RawC *nv = PyMem_Realloc(rv->v, (size_t)cap * sizeof(RawC));
        if (nv == NULL) {
            Py_DECREF(pls);
            PyErr_NoMemory();
            return -1;
        }
        rv->v = nv;
        rv->cap = cap;
    }
    rv->v[rv->n++] = (RawC){start, end, ntok, prio, Py_NewRef(role), pls};
    return 0;
}

void rawvec_free(RawVec *rv) {
    for (Py_ssize_t i = 0; i < rv->n; i++) {
        Py_DECREF(rv->v[i].role);
        Py_DECREF(rv->v[i].pls);
    }
    PyMem_Free(rv->v);
    memset(rv, 0, sizeof(*rv));
}

/* longest(cands, size, nonfac priority, facility priorities (bit mask), Cand) -> [Cand]: resolve.longest */
PyObject *mod_longest(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "longest(cands: list, size, nonfac_prio, fac_prio_mask, cand)");
        return NULL;
    }
    PyObject *cands = args[0];
    long size = PyLong_AsLong(args[1]), nonfac = PyLong_AsLong(args[2]), facmask = PyLong_AsLong(args[3]);
    if (PyErr_Occurred()) return NULL;
    RawVec rv = {0};
    PyObject *out = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(cands); i++) {
        PyObject *t = PyList_GET_ITEM(cands, i);
        if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 9) {
            PyErr_SetString(PyExc_TypeError, "longest: candidates are resolve.Raw tuples");
            goto done;
        }
        long start = PyLong_AsLong(PyTuple_GET_ITEM(t, 3)), end = PyLong_AsLong(PyTuple_GET_ITEM(t, 5));
        long ntok = PyLong_AsLong(PyTuple_GET_ITEM(t, 8)), prio = PyLong_AsLong(PyTuple_GET_ITEM(t, 2));
        if (PyErr_Occurred()) goto done;
        if (rawvec_push(&rv, start, end, ntok, prio, PyTuple_GET_ITEM(t, 6), Py_NewRef(PyTuple_GET_ITEM(t, 7))) < 0)
            goto done;
    }
    out = select_longest(rv.v, rv.n, size, nonfac, facmask, args[4]);
done:
    rawvec_free(&rv);
    return out;
}
