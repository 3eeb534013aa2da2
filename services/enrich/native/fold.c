/* normalize's folds: str.translate with a list table, in C, and the hash the scanner looks tokens up by. */
#include "native.h"

uint8_t WORD[0x800];

/* room for `more` code points after the first `used` of b */
int buf_reserve(Buf *b, Py_ssize_t used, Py_ssize_t more) {
    if (used + more <= b->cap) return 0;
    Py_ssize_t cap = (used + more) * 2 + 16;
    Py_UCS4 *nb = PyMem_Realloc(b->buf, (size_t)cap * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

int fold_into(const FoldMap *fm, const Text *t, Py_ssize_t s, Py_ssize_t e, Buf *b) {
    b->len = 0;
    return fold_append(fm, t, s, e, b);
}

/* the fold of text[s:e] appended to b's first b->len code points; b->hash is the hash of the appended part */
int fold_append(const FoldMap *fm, const Text *t, Py_ssize_t s, Py_ssize_t e, Buf *b) {
    /* one slot per character is reserved; only a replacement longer than one character tests for room */
    if (buf_reserve(b, b->len, e - s) < 0) return -1;
    uint64_t h = FNV_OFFSET;
    Py_UCS4 *out = b->buf + b->len;
    const Py_ssize_t n = fm->n;
    const int32_t *off = fm->off;
/* one loop per string kind, so the kind is not tested on every character */
#define FOLD_LOOP(T)                                                                                    \
    for (const T *p = (const T *)t->data + s, *end = (const T *)t->data + e; p < end; p++) {            \
        Py_UCS4 c = *p;                                                                                 \
        if ((Py_ssize_t)c < n && off[c] >= 0) {                                                         \
            const Py_UCS4 *rep = fm->pool + off[c];                                                     \
            int k = fm->len[c];                                                                         \
            if (k > 1) {                                                                                \
                Py_ssize_t used = out - b->buf;                                                         \
                if (buf_reserve(b, used, k + (end - p)) < 0) return -1;                                 \
                out = b->buf + used;                                                                    \
            }                                                                                           \
            for (int j = 0; j < k; j++) {                                                               \
                *out++ = rep[j];                                                                        \
                h = (h ^ rep[j]) * FNV_PRIME;                                                           \
            }                                                                                           \
        } else {                                                                                        \
            *out++ = c;                                                                                 \
            h = (h ^ c) * FNV_PRIME;                                                                    \
        }                                                                                               \
    }
    if (t->kind == PyUnicode_1BYTE_KIND) {
        FOLD_LOOP(Py_UCS1)
    } else if (t->kind == PyUnicode_2BYTE_KIND) {
        FOLD_LOOP(Py_UCS2)
    } else {
        FOLD_LOOP(Py_UCS4)
    }
#undef FOLD_LOOP
    b->len = out - b->buf;
    b->hash = h | 1;
    return 0;
}


PyObject *buf_str(const Buf *b) { return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b->buf, b->len); }

int build_fold(FoldMap *fm, PyObject *fold_list) {
    Py_ssize_t n = PyList_GET_SIZE(fold_list), pool = 0, used = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyList_GET_ITEM(fold_list, i);
        if (PyUnicode_Check(v)) pool += PyUnicode_GET_LENGTH(v);
    }
    fm->n = n;
    fm->off = PyMem_Malloc((size_t)n * sizeof(int32_t));
    fm->len = PyMem_Malloc((size_t)n);
    fm->pool = PyMem_Malloc((size_t)(pool + 1) * sizeof(Py_UCS4));
    if (!fm->off || !fm->len || !fm->pool) { PyErr_NoMemory(); return -1; }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyList_GET_ITEM(fold_list, i);
        fm->off[i] = -1;
        fm->len[i] = 0;
        if (v == Py_None) { /* deleted */
            fm->off[i] = (int32_t)used;
        } else if (PyUnicode_Check(v)) {
            Py_ssize_t len = PyUnicode_GET_LENGTH(v);
            if (len > 255) { PyErr_SetString(PyExc_ValueError, "fold replacement too long"); return -1; }
            fm->off[i] = (int32_t)used;
            fm->len[i] = (uint8_t)len;
            for (Py_ssize_t j = 0; j < len; j++) fm->pool[used++] = PyUnicode_READ_CHAR(v, j);
        } else if (!PyLong_Check(v) || PyLong_AsSsize_t(v) != i) {
            PyErr_SetString(PyExc_ValueError, "fold table: an int entry must be its own code point");
            return -1;
        }
    }
    return 0;
}


void free_fold(FoldMap *fm) {
    PyMem_Free(fm->pool);
    PyMem_Free(fm->off);
    PyMem_Free(fm->len);
}


/* ---- FoldTable: normalize's folds of whole strings -------------------------------------------- */

typedef struct {
    PyObject_HEAD
    FoldMap fm;
} FoldTable;

static PyObject *FoldTable_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *fold_list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &fold_list)) return NULL;
    FoldTable *ft = (FoldTable *)type->tp_alloc(type, 0);
    if (ft == NULL) return NULL;
    if (build_fold(&ft->fm, fold_list) < 0) {
        Py_DECREF(ft);
        return NULL;
    }
    return (PyObject *)ft;
}

static void FoldTable_dealloc(FoldTable *ft) {
    free_fold(&ft->fm);
    Py_TYPE(ft)->tp_free((PyObject *)ft);
}

static PyObject *FoldTable_call(FoldTable *ft, PyObject *args, PyObject *kw) {
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text)) return NULL;
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    Buf b = {0};
    PyObject *out = fold_into(&ft->fm, &t, 0, t.n, &b) < 0 ? NULL : buf_str(&b);
    PyMem_Free(b.buf);
    return out;
}

/* FoldTable(_FOLD_LIST).tokens(text, lo, hi): the tokens of text[lo:hi] as normalize.tokens_folded reads them
 * (TOKEN_RE.finditer(text, lo, hi)): their starts, their ends and their folds, three lists. TOKEN_RE has no
 * lookaround, so its matches within the bounds are those of the slice; read.c's token_end is TOKEN_RE. */
static PyObject *FoldTable_tokens(FoldTable *ft, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "tokens(text, lo, hi)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]), hi = PyLong_AsSsize_t(args[2]);
    if ((lo == -1 || hi == -1) && PyErr_Occurred()) return NULL;
    /* the bounds as str slicing and re read them: clamped to the text */
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    PyObject *starts = PyList_New(0), *ends = PyList_New(0), *folds = PyList_New(0), *out = NULL;
    Py_UCS4 *u = NULL;
    Buf b = {0};
    if (starts == NULL || ends == NULL || folds == NULL) goto done;
    u = PyMem_Malloc((size_t)(hi - lo + 1) * sizeof(Py_UCS4));
    if (u == NULL) { PyErr_NoMemory(); goto done; }
    {
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        for (Py_ssize_t i = lo; i < hi; i++) u[i - lo] = PyUnicode_READ(kind, data, i);
        Text t = {PyUnicode_4BYTE_KIND, u, hi - lo};
        for (Py_ssize_t i = 0; i < t.n;) {
            if (!is_word(AT(&t, i))) { i++; continue; }
            Py_ssize_t e = token_end(&t, i);
            PyObject *s_obj = PyLong_FromSsize_t(lo + i), *e_obj = PyLong_FromSsize_t(lo + e);
            PyObject *f_obj = NULL;
            int bad = s_obj == NULL || e_obj == NULL || fold_into(&ft->fm, &t, i, e, &b) < 0 ||
                      (f_obj = buf_str(&b)) == NULL || PyList_Append(starts, s_obj) < 0 ||
                      PyList_Append(ends, e_obj) < 0 || PyList_Append(folds, f_obj) < 0;
            Py_XDECREF(s_obj);
            Py_XDECREF(e_obj);
            Py_XDECREF(f_obj);
            if (bad) goto done;
            i = e;
        }
    }
    out = PyTuple_Pack(3, starts, ends, folds);
done:
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(folds);
    PyMem_Free(u);
    PyMem_Free(b.buf);
    return out;
}

static PyMethodDef FoldTable_methods[] = {
    {"tokens", (PyCFunction)(void (*)(void))FoldTable_tokens, METH_FASTCALL,
     "tokens(text, lo, hi) -> (starts, ends, folds) of TOKEN_RE.finditer(text, lo, hi), folded by this table"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject FoldTableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "services.enrich._scan.FoldTable",
    .tp_basicsize = sizeof(FoldTable),
    .tp_dealloc = (destructor)FoldTable_dealloc,
    .tp_call = (ternaryfunc)FoldTable_call,
    .tp_methods = FoldTable_methods,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "FoldTable(table)(text) == text.translate(table) for a list table of int (kept), str or None.",
    .tp_new = FoldTable_new,
};

