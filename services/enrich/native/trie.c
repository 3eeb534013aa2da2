/* The gazetteer trie (matcher.Trie, nested dicts) mirrored in C for the scanner's walks: a child is found
 * by the hash of the folded token the scanner has just built (fold_into), so a walk step makes no Python
 * string and computes no Python hash. Payload groups and child keys stay the trie's Python objects (strong
 * references): a child's key is compared with the folded token only when their hashes are equal. A dict met
 * twice (the finalized trie shares its leaves of equal payloads: matcher.Trie.finalize) is one node. */
#include "native.h"

typedef struct {
    uint64_t hash; /* 0: empty */
    PyObject *key; /* the child's token (a str, strong) */
    CNode *child;
} CSlot;

typedef struct {
    PyObject *dict; /* NULL: empty */
    CNode *node;
} Seen;

typedef struct {
    Seen *v;
    size_t mask, n;
} SeenMap; /* leaf dict -> its node, while the trie is built */

static Seen *seen_at(const SeenMap *m, PyObject *d) {
    for (size_t i = (size_t)(((uintptr_t)d >> 4) * 0x9E3779B97F4A7C15ULL >> 32) & m->mask;; i = (i + 1) & m->mask)
        if (m->v[i].dict == d || m->v[i].dict == NULL) return &m->v[i];
}

static int seen_put(SeenMap *m, PyObject *d, CNode *n) {
    if ((m->n + 1) * 2 > m->mask + 1) {
        Seen *old = m->v;
        size_t oldsize = m->mask + 1;
        m->v = PyMem_Calloc(oldsize * 2, sizeof(Seen));
        if (m->v == NULL) { m->v = old; PyErr_NoMemory(); return -1; }
        m->mask = oldsize * 2 - 1;
        for (size_t i = 0; i < oldsize; i++)
            if (old[i].dict != NULL) *seen_at(m, old[i].dict) = old[i];
        PyMem_Free(old);
    }
    *seen_at(m, d) = (Seen){d, n};
    m->n++;
    return 0;
}

static CNode *new_node(CTrie *t) {
    if (t->n == t->cap) {
        Py_ssize_t cap = t->cap * 2 + 1024;
        CNode **na = PyMem_Realloc(t->all, (size_t)cap * sizeof(CNode *));
        if (na == NULL) { PyErr_NoMemory(); return NULL; }
        t->all = na;
        t->cap = cap;
    }
    CNode *n = PyMem_Calloc(1, sizeof(CNode));
    if (n == NULL) { PyErr_NoMemory(); return NULL; }
    t->all[t->n++] = n;
    return n;
}

uint64_t hash_str(PyObject *s) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    uint64_t h = FNV_OFFSET;
    for (Py_ssize_t i = 0; i < len; i++) h = (h ^ PyUnicode_READ(kind, data, i)) * FNV_PRIME;
    return h | 1;
}

static CNode *build(CTrie *t, SeenMap *seen, PyObject *node, PyObject *payload_key) {
    if (!PyDict_Check(node)) {
        PyErr_SetString(PyExc_TypeError, "trie nodes are dicts");
        return NULL;
    }
    Py_ssize_t nchild = PyDict_GET_SIZE(node), pos = 0;
    PyObject *k, *v;
    PyObject *pl = PyDict_GetItemWithError(node, payload_key);
    if (pl == NULL && PyErr_Occurred()) return NULL;
    int leaf = pl != NULL && nchild == 1;
    if (leaf) {
        const Seen *known = seen_at(seen, node);
        if (known->dict != NULL) return known->node;
    }
    CNode *n = new_node(t);
    if (n == NULL || (leaf && seen_put(seen, node, n) < 0)) return NULL;
    if (pl != NULL) {
        if (!PyTuple_Check(pl)) {
            PyErr_SetString(PyExc_ValueError, "trie not finalized (payloads must be grouped tuples)");
            return NULL;
        }
        n->payload = Py_NewRef(pl);
        nchild--;
    }
    n->nchild = nchild;
    if (nchild == 0) return n;
    size_t size = 2;
    while (size < (size_t)nchild * 2) size <<= 1;
    n->mask = size - 1;
    CSlot *slots = PyMem_Calloc(size, sizeof(CSlot));
    if (slots == NULL) { PyErr_NoMemory(); return NULL; }
    n->slots = slots;
    while (PyDict_Next(node, &pos, &k, &v)) {
        if (k == payload_key || !PyUnicode_Check(k) || PyUnicode_Compare(k, payload_key) == 0) continue;
        CNode *child = build(t, seen, v, payload_key);
        if (child == NULL) return NULL;
        uint64_t h = hash_str(k);
        size_t i = (size_t)h & n->mask;
        while (slots[i].hash != 0) i = (i + 1) & n->mask;
        slots[i] = (CSlot){h, Py_NewRef(k), child};
    }
    return n;
}

CNode *ctrie_build(CTrie *t, PyObject *node, PyObject *payload_key) {
    SeenMap seen = {PyMem_Calloc(1024, sizeof(Seen)), 1023, 0};
    if (seen.v == NULL) return (CNode *)PyErr_NoMemory();
    CNode *root = build(t, &seen, node, payload_key);
    PyMem_Free(seen.v);
    return root;
}

const CNode *cnode_child(const CTrie *t, const CNode *n, const Py_UCS4 *p, Py_ssize_t len, uint64_t hash) {
    (void)t;
    if (n->nchild == 0) return NULL;
    const CSlot *slots = n->slots;
    for (size_t i = (size_t)hash & n->mask;; i = (i + 1) & n->mask) {
        const CSlot *sl = &slots[i];
        if (sl->hash == 0) return NULL;
        if (sl->hash == hash && str_equals_ucs4(sl->key, p, len)) return sl->child;
    }
}

void ctrie_free(CTrie *t) {
    for (Py_ssize_t i = 0; i < t->n; i++) {
        CNode *n = t->all[i];
        Py_XDECREF(n->payload);
        if (n->slots != NULL) {
            CSlot *slots = n->slots;
            for (size_t j = 0; j <= n->mask; j++) Py_XDECREF(slots[j].key);
        }
        PyMem_Free(n->slots);
        PyMem_Free(n);
    }
    PyMem_Free(t->all);
    memset(t, 0, sizeof(*t));
}
