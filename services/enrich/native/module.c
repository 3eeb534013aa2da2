/* The module services.enrich._scan: see native.h for its parts. */
#include "native.h"

/* latin(text): normalize.has_latin's answer, read in one pass (an ASCII letter, or İ or the Kelvin sign, whose
 * lower case holds one) */
static PyObject *mod_latin(PyObject *mod, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "latin() takes a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if ((c | 0x20) - 'a' < 26u || c == 0x130 || c == 0x212a) Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static PyMethodDef module_methods[] = {
    {"latin", (PyCFunction)mod_latin, METH_O, "latin(text) -> normalize.has_latin(text), in one compiled pass"},
    {"longest", (PyCFunction)(void (*)(void))mod_longest, METH_FASTCALL,
     "longest(cands, size, nonfac_prio, fac_prio_mask, Cand) -> [Cand], exactly as resolve.longest_ref"},
    INST_METHODS
    PLACE_METHODS
    FAC_METHODS
    {NULL, NULL, 0, NULL},
};


static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", "The engine's compiled parts (services/enrich/native/native.h).", -1,
                                    module_methods};

PyMODINIT_FUNC PyInit__scan(void) {
    for (Py_UCS4 c = 0; c < 0x800; c++) WORD[c] = (uint8_t)is_word_slow(c);
    if (PyType_Ready(&ScannerType) < 0 || PyType_Ready(&FoldTableType) < 0 || PyType_Ready(&MakerType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) return NULL;
    if (PyModule_AddObjectRef(m, "Scanner", (PyObject *)&ScannerType) < 0 ||
        PyModule_AddObjectRef(m, "FoldTable", (PyObject *)&FoldTableType) < 0 ||
        PyModule_AddObjectRef(m, "Maker", (PyObject *)&MakerType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

