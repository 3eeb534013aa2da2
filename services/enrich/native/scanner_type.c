/* Building the compiled scanner from a finalized trie: the C trie, the first-token table and filter, the
 * starts of every first token (scanner.h); and its Python type. */
#include "scanner.h"

static int build_first(Scanner *sc, PyObject *first) {
    Py_ssize_t nkeys = PyDict_GET_SIZE(first), nst = 0, pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(first, &pos, &k, &v)) {
        if (!PyUnicode_Check(k) || !PyTuple_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "trie.first: str -> tuple");
            return -1;
        }
        nst += PyTuple_GET_SIZE(v);
    }
    if (nst >= UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "trie.first: too many starts");
        return -1;
    }
    size_t size = 16;
    while (size * 3 < (size_t)nkeys * 4) size <<= 1; /* a load of at most 3/4 (0.58 here) */
    sc->mask = size - 1;
    sc->slots = PyMem_Calloc(size, sizeof(Slot));
    sc->starts = PyMem_Calloc((size_t)nst + 1, sizeof(Start));
    uint64_t words = 1 << 10;
    while (words * 64 < (uint64_t)nkeys * 12) words <<= 1; /* >= 12 bits a key (128 KB here): ~3 % false hits */
    sc->bloom_mask = words - 1;
    sc->bloom = PyMem_Calloc((size_t)words, sizeof(uint64_t));
    if (!sc->slots || !sc->starts || !sc->bloom) { PyErr_NoMemory(); return -1; }
    pos = 0;
    while (PyDict_Next(first, &pos, &k, &v)) {
        Slot sl = {hash_str(k), k, (uint32_t)sc->nstarts, (uint32_t)PyTuple_GET_SIZE(v)};
        for (uint32_t j = 0; j < sl.count; j++) {
            PyObject *e = PyTuple_GET_ITEM(v, j); /* (head, proclitic length, article added) */
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
            long plen = PyLong_AsLong(PyTuple_GET_ITEM(e, 1));
            int art = PyObject_IsTrue(PyTuple_GET_ITEM(e, 2));
            if (PyErr_Occurred()) return -1;
            if (plen < 0 || plen > INT32_MAX) {
                PyErr_SetString(PyExc_ValueError, "trie.first: a proclitic length out of range");
                return -1;
            }
            x->plen = (int32_t)plen;
            x->art = (uint8_t)art;
        }
        sc->bloom[(sl.hash >> 7) & sc->bloom_mask] |= bloom_bits(sl.hash);
        size_t i = (size_t)sl.hash & sc->mask;
        while (sc->slots[i].hash != 0) i = (i + 1) & sc->mask;
        sl.key = Py_NewRef(k);
        sc->slots[i] = sl;
    }
    return 0;
}


static void Scanner_dealloc(Scanner *sc) {
    ctrie_free(&sc->ctrie);
    PyMem_Free(sc->starts);
    if (sc->slots != NULL)
        for (size_t i = 0; i <= sc->mask; i++) Py_XDECREF(sc->slots[i].key);
    PyMem_Free(sc->slots);
    PyMem_Free(sc->bloom);
    free_fold(&sc->fm);
    for (int i = 0; i < sc->nroles; i++) Py_CLEAR(sc->roles[i]);
    caps_clear(sc);
    PyObject **refs[] = {&sc->payload_key, &sc->prio, &sc->cand, &sc->capitalised,
                         &sc->s_event, &sc->s_date, &sc->s_cue, &sc->s_head, &sc->s_place, &sc->s_core, &sc->s_actor,
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
    sc->s_event = PyUnicode_InternFromString("event");
    sc->s_date = PyUnicode_InternFromString("date");
    sc->s_cue = PyUnicode_InternFromString("cue");
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
    for (Py_UCS4 c = 0; c < 0x800; c++) { /* scanner.h */
        uint32_t f = is_word(c) ? FAST_WORD : 0;
        if ((Py_ssize_t)c < sc->fm.n && sc->fm.off[c] >= 0)
            f |= sc->fm.len[c] == 1 ? sc->fm.pool[sc->fm.off[c]] : FAST_OTHER;
        else
            f |= c;
        sc->fast[c] = f;
    }
    return (PyObject *)sc;
}

static PyObject *Scanner_clear(Scanner *sc, PyObject *unused) {
    caps_clear(sc);
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


