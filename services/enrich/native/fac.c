/* The facility stage's compiled parts (facilities.py): see native.h. */
#include "native.h"

/* lits(text, needles) -> int: bit i set when needles[i] occurs in text (facilities.lits_ref, `needles[i] in
 * text` for each), in one pass over the text instead of one whole-text search a needle. At most 64 needles; an
 * empty needle occurs in every text. A position is tried for the needles whose first code point has its low
 * byte (a table of 256 masks), each compared in full. */
PyObject *mod_lits(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    (void)mod;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "lits(text: str, needles: tuple[str, ...])");
        return NULL;
    }
    PyObject *text = args[0], *needles = args[1];
    Py_ssize_t k = PyTuple_GET_SIZE(needles);
    if (k > 64) {
        PyErr_SetString(PyExc_ValueError, "lits: at most 64 needles");
        return NULL;
    }
    int tk = PyUnicode_KIND(text);
    const void *td = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    uint64_t first[256];
    memset(first, 0, sizeof first);
    uint64_t found = 0, all = 0;
    int nk[64];
    const void *nd[64];
    Py_ssize_t nl[64];
    for (Py_ssize_t j = 0; j < k; j++) {
        PyObject *w = PyTuple_GET_ITEM(needles, j);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "lits: the needles are str");
            return NULL;
        }
        nk[j] = PyUnicode_KIND(w);
        nd[j] = PyUnicode_DATA(w);
        nl[j] = PyUnicode_GET_LENGTH(w);
        uint64_t bit = (uint64_t)1 << j;
        all |= bit;
        if (nl[j] == 0) {
            found |= bit; /* "" in text */
            continue;
        }
        if (nl[j] > n) continue; /* longer than the text: never in it */
        first[PyUnicode_READ(nk[j], nd[j], 0) & 0xff] |= bit;
    }
    for (Py_ssize_t i = 0; i < n && found != all; i++) {
        Py_UCS4 c = PyUnicode_READ(tk, td, i);
        uint64_t m = first[c & 0xff] & ~found;
        while (m) {
            int j = __builtin_ctzll(m);
            m &= m - 1;
            Py_ssize_t len = nl[j];
            if (len > n - i || PyUnicode_READ(nk[j], nd[j], 0) != c) continue;
            Py_ssize_t q = 1;
            while (q < len && PyUnicode_READ(nk[j], nd[j], q) == PyUnicode_READ(tk, td, i + q)) q++;
            if (q == len) found |= (uint64_t)1 << j;
        }
    }
    return PyLong_FromUnsignedLongLong((unsigned long long)found);
}
