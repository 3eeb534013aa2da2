/* The state-actor and place stages' character loops (institutions.py, places.py, actors.py), each held to its
 * Python specification in scouts.py / context_actors.py / institutions.py (tests/unit/test_enrich_scanner.py compares them on passages,
 * fuzzed text and out-of-range spans; the Python path keeps running the specifications):
 *
 *   cue_starts(text, spans, firsts)  scouts.arabic_cue_starts (firsts: the characters of the frozenset, a str)
 *   word_starts(text, spans)         scouts.word_cue_starts
 *   arabic_letter(text)              a letter of [ء-ي] in the text (context_actors._AR_LETTER_RE.search(text) is not None)
 *   widen(text, lo, hi)              institutions._widen_ref: a window's bounds widened to whole words
 *   marked(folds, info, plain)       institutions._marked_ref: the words whose info is not the plain one
 *
 * Spans come from the scanner's candidates (0 <= start, end <= len(text)); one past the end raises IndexError,
 * as the specification's text[i] does. cue_starts refuses a negative one too (IndexError), which its
 * specification would read from the end of the text: the engine never makes one. */
#include "native.h"

#define AR_LO 0x0621
#define AR_HI 0x064a

static int span_of(PyObject *item, Py_ssize_t *s, Py_ssize_t *e) {
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
        PyErr_SetString(PyExc_TypeError, "a span is a (start, end) tuple");
        return -1;
    }
    *s = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0));
    if (*s == -1 && PyErr_Occurred()) return -1;
    *e = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 1));
    if (*e == -1 && PyErr_Occurred()) return -1;
    return 0;
}

static int append_index(PyObject *out, Py_ssize_t p) {
    PyObject *v = PyLong_FromSsize_t(p);
    if (v == NULL) return -1;
    int rc = PyList_Append(out, v);
    Py_DECREF(v);
    return rc;
}

/* cue_starts(text, spans, firsts) -> [int]: where a pattern over an Arabic cue word can start in the word each
 * span ends: from the token's start (at most 16 characters back, to a space) to the span's end, where an Arabic
 * letter follows a character outside [ء-ي] and at the characters of `firsts` */
PyObject *mod_cue_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyList_Check(args[1]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "cue_starts(text: str, spans: list, firsts: str)");
        return NULL;
    }
    PyObject *text = args[0], *spans = args[1], *firsts = args[2];
    int kind = PyUnicode_KIND(text), fkind = PyUnicode_KIND(firsts);
    const void *data = PyUnicode_DATA(text), *fdata = PyUnicode_DATA(firsts);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), nf = PyUnicode_GET_LENGTH(firsts);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(spans); k++) {
        Py_ssize_t s, e;
        if (span_of(PyList_GET_ITEM(spans, k), &s, &e) < 0) goto fail;
        if (s < 0 || e < 0 || s > n || e > n) {
            PyErr_SetString(PyExc_IndexError, "cue_starts: a span outside the text");
            goto fail;
        }
        Py_ssize_t lo = s;
        while (lo > 0 && s - lo < 16 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, lo - 1))) lo--;
        Py_UCS4 prev = lo > 0 ? PyUnicode_READ(kind, data, lo - 1) : ' ';
        for (Py_ssize_t p = lo; p < e; p++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, p);
            int hit = ch >= AR_LO && ch <= AR_HI && !(prev >= AR_LO && prev <= AR_HI);
            for (Py_ssize_t f = 0; !hit && f < nf; f++) hit = PyUnicode_READ(fkind, fdata, f) == ch;
            if (hit && append_index(out, p) < 0) goto fail;
            prev = ch;
        }
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* word_starts(text, spans) -> [int]: the start of the run of alphanumerics and underscores that ends at each
 * span's end */
PyObject *mod_word_starts(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "word_starts(text: str, spans: list)");
        return NULL;
    }
    PyObject *text = args[0], *spans = args[1];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(spans); k++) {
        Py_ssize_t s, e;
        if (span_of(PyList_GET_ITEM(spans, k), &s, &e) < 0) goto fail;
        if (e > n) { /* (the specification reads text[e - 1]; it does not read the start) */
            PyErr_SetString(PyExc_IndexError, "word_starts: a span outside the text");
            goto fail;
        }
        Py_ssize_t p = e;
        while (p > 0) {
            Py_UCS4 c = PyUnicode_READ(kind, data, p - 1);
            if (!(c == '_' || Py_UNICODE_ISALNUM(c))) break;
            p--;
        }
        if (append_index(out, p) < 0) goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* arabic_letter(text) -> bool: a character of U+0621..U+064A in the text (a text of one byte a character
 * has none) */
PyObject *mod_arabic_letter(PyObject *mod, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "arabic_letter() takes a str");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_1BYTE_KIND) Py_RETURN_FALSE;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= AR_LO && c <= AR_HI) Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

/* widen(text, lo, hi) -> (lo, hi): institutions._window_tokens's bounds, widened to whole words: lo back while
 * the character before it is no space, hi (clipped to the text) on while the character at it is none */
PyObject *mod_widen(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "widen(text: str, lo: int, hi: int)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]);
    if (lo == -1 && PyErr_Occurred()) return NULL;
    Py_ssize_t hi = PyLong_AsSsize_t(args[2]);
    if (hi == -1 && PyErr_Occurred()) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (lo > n || hi < 0) { /* (the specification indexes past the text, or from its end: the engine never asks) */
        PyErr_SetString(PyExc_IndexError, "widen: bounds outside the text");
        return NULL;
    }
    while (lo > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, lo - 1))) lo--;
    if (hi > n) hi = n;
    while (hi < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, hi))) hi++;
    return Py_BuildValue("(nn)", lo, hi);
}

/* marked(folds, info, plain) -> [int]: the indices of the words whose entry in `info` (a dict) is not `plain`
 * itself, a word without one included (institutions._arabic_window looks it up) */
PyObject *mod_marked(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyList_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "marked(folds: list, info: dict, plain)");
        return NULL;
    }
    PyObject *folds = args[0], *info = args[1], *plain = args[2];
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(folds); i++) {
        PyObject *f = PyList_GET_ITEM(folds, i);
        PyObject *got = PyDict_GetItemWithError(info, f); /* borrowed */
        if (got == NULL && PyErr_Occurred()) goto fail;
        if (got != plain && append_index(out, i) < 0) goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}
