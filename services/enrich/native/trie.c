/* The gazetteer trie (matcher.Trie, nested dicts) mirrored in C for the scanner's walks: a child is found
 * by the hash of the folded token the scanner has just built (fold_into), so a walk step makes no Python
 * string and computes no Python hash. Payload groups stay the trie's Python tuples (strong references). */
#include "native.h"

typedef struct {
    uint64_t hash; /* 0: empty */
    Py_ssize_t off, len; /* key in the pool */
    CNode *child;
} CSlot;

static int pool_add(CTrie *t, PyObject *key, Py_ssize_t *off) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(key);
    if (t->pool_len + len > t->pool_cap) {
        Py_ssize_t cap = (t->pool_len + len) * 2 + 1024;
        Py_UCS4 *np = PyMem_Realloc(t->pool, (size_t)cap * sizeof(Py_UCS4));
        if (np == NULL) { PyErr_NoMemory(); return -1; }
        t->pool = np;
        t->pool_cap = cap;
    }
    *off = t->pool_len;
    for (Py_ssize_t i = 0; i < len; i++) t->pool[t->pool_len++] = PyUnicode_READ_CHAR(key, i);
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

CNode *ctrie_build(CTrie *t, PyObject *node, PyObject *payload_key) {
    if (!PyDict_Check(node)) {
        PyErr_SetString(PyExc_TypeError, "trie nodes are dicts");
        return NULL;
    }
    CNode *n = new_node(t);
    if (n == NULL) return NULL;
    Py_ssize_t nchild = PyDict_GET_SIZE(node), pos = 0;
    PyObject *k, *v;
    PyObject *pl = PyDict_GetItemWithError(node, payload_key);
    if (pl == NULL && PyErr_Occurred()) return NULL;
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
        Py_ssize_t off;
        if (pool_add(t, k, &off) < 0) return NULL;
        Py_ssize_t len = PyUnicode_GET_LENGTH(k);
        CNode *child = ctrie_build(t, v, payload_key);
        if (child == NULL) return NULL;
        uint64_t h = hash_ucs4(t->pool + off, len);
        size_t i = (size_t)h & n->mask;
        while (slots[i].hash != 0) i = (i + 1) & n->mask;
        slots[i] = (CSlot){h, off, len, child};
    }
    return n;
}

const CNode *cnode_child(const CTrie *t, const CNode *n, const Py_UCS4 *p, Py_ssize_t len, uint64_t hash) {
    if (n->nchild == 0) return NULL;
    const CSlot *slots = n->slots;
    for (size_t i = (size_t)hash & n->mask;; i = (i + 1) & n->mask) {
        const CSlot *sl = &slots[i];
        if (sl->hash == 0) return NULL;
        if (sl->hash == hash && sl->len == len && memcmp(t->pool + sl->off, p, (size_t)len * sizeof(Py_UCS4)) == 0)
            return sl->child;
    }
}

void ctrie_free(CTrie *t) {
    for (Py_ssize_t i = 0; i < t->n; i++) {
        Py_XDECREF(t->all[i]->payload);
        PyMem_Free(t->all[i]->slots);
        PyMem_Free(t->all[i]);
    }
    PyMem_Free(t->all);
    PyMem_Free(t->pool);
    memset(t, 0, sizeof(*t));
}
