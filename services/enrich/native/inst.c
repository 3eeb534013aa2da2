/* The state-actor and place stages' character loops (institutions.py, places.py, actors.py), each held to its
 * Python specification in scouts.py / context_actors.py / institutions.py (tests/unit/test_enrich_scanner.py compares them on passages,
 * fuzzed text and out-of-range spans; the Python path keeps running the specifications):
 *
 *   cue_starts(text, spans, firsts)  scouts.arabic_cue_starts (firsts: the characters of the frozenset, a str)
 *   word_starts(text, spans)         scouts.word_cue_starts
 *   arabic_letter(text)              a letter of [ء-ي] in the text (context_actors._AR_LETTER_RE.search(text) is not None)
 *   widen(text, lo, hi)              institutions._widen_ref: a window's bounds widened to whole words
 *   marked(folds, info, plain)       institutions._marked_ref: the words whose info is not the plain one
 *   place_gates(text, s, e)          False only where none of context.in_outlet_name, english_non_place and
 *                                    person_before can answer True (enrichment._place; a superset test)
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

/* ---- place_gates: which of _place's context gates can fire at all ------------------------------------------
 * enrichment._place asks three gates of context.py of every place candidate: in_outlet_name, and
 * english_non_place (a Latin name) or person_before (an Arabic one). Each can answer True only where a few
 * characters say so; place_gates(text, s, e) reads those characters and answers False only where none of the
 * three can (then _place skips them): a superset test, so a True costs nothing but the gates' own run. The
 * characters and words are context.py's, handed over once by place_gates_config (until then: always True). */

static PyObject *pg_cfg; /* (before, after, seps, hyphens, tails, articles, kunya), or NULL */
static PyObject *pg_kfirst; /* the kunya's first characters (str) */
static uint64_t pg_kmask; /* bit (c & 63) set for each of them: a clear bit rules a character out in one test */

PyObject *mod_place_gates_config(PyObject *mod, PyObject *cfg) {
    static const char *usage = "place_gates_config((before, after, seps, hyphens, tails, articles, kunya)): "
                               "tuples of words but seps and hyphens (str)";
    if (!PyTuple_Check(cfg) || PyTuple_GET_SIZE(cfg) != 7) {
        PyErr_SetString(PyExc_TypeError, usage);
        return NULL;
    }
    for (int i = 0; i < 7; i++) {
        PyObject *x = PyTuple_GET_ITEM(cfg, i);
        int chars = i == 2 || i == 3;
        if (chars ? !PyUnicode_Check(x) : !PyTuple_Check(x)) {
            PyErr_SetString(PyExc_TypeError, usage);
            return NULL;
        }
        for (Py_ssize_t k = 0; !chars && k < PyTuple_GET_SIZE(x); k++) {
            PyObject *w = PyTuple_GET_ITEM(x, k);
            if (!PyUnicode_Check(w) || PyUnicode_GET_LENGTH(w) == 0) {
                PyErr_SetString(PyExc_TypeError, usage);
                return NULL;
            }
        }
    }
    PyObject *kunya = PyTuple_GET_ITEM(cfg, 6);
    PyObject *firsts = PyList_New(0);
    if (firsts == NULL) return NULL;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(kunya); k++) {
        PyObject *c = PyUnicode_Substring(PyTuple_GET_ITEM(kunya, k), 0, 1);
        if (c == NULL || PyList_Append(firsts, c) < 0) {
            Py_XDECREF(c);
            Py_DECREF(firsts);
            return NULL;
        }
        Py_DECREF(c);
    }
    PyObject *empty = PyUnicode_FromString("");
    PyObject *kfirst = empty == NULL ? NULL : PyUnicode_Join(empty, firsts);
    Py_XDECREF(empty);
    Py_DECREF(firsts);
    if (kfirst == NULL) return NULL;
    uint64_t kmask = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(kfirst); i++)
        kmask |= (uint64_t)1 << (PyUnicode_READ_CHAR(kfirst, i) & 63);
    pg_kmask = kmask;
    Py_XSETREF(pg_kfirst, kfirst);
    Py_XSETREF(pg_cfg, Py_NewRef(cfg));
    Py_RETURN_NONE;
}

static int in_chars(PyObject *chars, Py_UCS4 c) {
    int kind = PyUnicode_KIND(chars);
    const void *d = PyUnicode_DATA(chars);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(chars); i++)
        if (PyUnicode_READ(kind, d, i) == c) return 1;
    return 0;
}

/* text[at:at + len(w)] == w (the slice within text[:n]) */
static int word_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t at, PyObject *w) {
    Py_ssize_t len = PyUnicode_GET_LENGTH(w);
    if (at < 0 || at + len > n) return 0;
    int wk = PyUnicode_KIND(w);
    const void *wd = PyUnicode_DATA(w);
    for (Py_ssize_t i = 0; i < len; i++)
        if (PyUnicode_READ(kind, data, at + i) != PyUnicode_READ(wk, wd, i)) return 0;
    return 1;
}

/* text[a:b] is one of the words */
static int word_is(int kind, const void *data, Py_ssize_t a, Py_ssize_t b, PyObject *words) {
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(words); k++) {
        PyObject *w = PyTuple_GET_ITEM(words, k);
        if (PyUnicode_GET_LENGTH(w) == b - a && word_at(kind, data, b, a, w)) return 1;
    }
    return 0;
}

static int is_lstripped(Py_UCS4 c) { return c == '(' || c == 0xab || c == '"' || c == 0x201c || c == '\n' || c == '\t'; }
static int is_rstripped(Py_UCS4 c) {
    return c == 0x60c || c == ',' || c == '.' || c == ':' || c == ';' || c == '\n' || c == 0xbb || c == 0x201d
           || c == '"' || c == ')'; /* (and the closing quotes and bracket: `«نينوى الغد»`) */
}

/* 1 where one of the three gates can fire (or the span is no candidate's), 0 where none can; text is a str */
int place_gates_test(PyObject *text, Py_ssize_t s, Py_ssize_t e) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (pg_cfg == NULL || s < 0 || e <= s || e > n) return 1; /* (not configured, or no candidate: ask) */
    PyObject *before = PyTuple_GET_ITEM(pg_cfg, 0), *after = PyTuple_GET_ITEM(pg_cfg, 1),
             *seps = PyTuple_GET_ITEM(pg_cfg, 2), *hyphens = PyTuple_GET_ITEM(pg_cfg, 3),
             *tails = PyTuple_GET_ITEM(pg_cfg, 4), *articles = PyTuple_GET_ITEM(pg_cfg, 5),
             *kunya = PyTuple_GET_ITEM(pg_cfg, 6);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
#define T(i) PyUnicode_READ(kind, data, (i))
    /* in_outlet_name, read as it reads: the word before (after the last space within 17 characters, its opening
     * brackets and quotes stripped) is an outlet's, or the word after (up to a space or a line break within
     * 17, its closing punctuation stripped) is one or opens with اليوم */
    if (s > 1 && T(s - 1) == ' ') {
        Py_ssize_t lo = s > 17 ? s - 17 : 0, a = lo;
        for (Py_ssize_t i = s - 2; i >= lo; i--)
            if (T(i) == ' ') {
                a = i + 1;
                break;
            }
        while (a < s - 1 && is_lstripped(T(a))) a++;
        if (word_is(kind, data, a, s - 1, before)) return 1;
    }
    /* in_outlet_name's rights group "of" the country (`منظمة حقوق الإنسان في إيران`): `في ` before, `حقوق` within
     * the 30 characters before that (place18) */
    if (s >= 8 && T(s - 1) == ' ' && T(s - 2) == 0x64a && T(s - 3) == 0x641
        && (s == 3 || T(s - 4) == ' ')) {
        Py_ssize_t lo = s > 33 ? s - 33 : 0;
        for (Py_ssize_t i = lo; i + 4 <= s - 3; i++)
            if (T(i) == 0x62d && T(i + 1) == 0x642 && T(i + 2) == 0x648 && T(i + 3) == 0x642) return 1;
    }
    if (e + 1 < n && T(e) == ' ') {
        Py_ssize_t stop = e + 17 < n ? e + 17 : n, b = stop;
        for (Py_ssize_t j = e + 1; j < (e + 18 < n ? e + 18 : n); j++)
            if (T(j) == ' ' || T(j) == '\n') { /* (the word ends at a space or a line break) */
                b = j;
                break;
            }
        while (b > e + 1 && is_rstripped(T(b - 1))) b--;
        if (word_is(kind, data, e + 1, b, after)) return 1;
        static const Py_UCS4 today[5] = {0x627, 0x644, 0x64a, 0x648, 0x645}; /* اليوم */
        int opens = b - (e + 1) >= 5;
        for (int k = 0; opens && k < 5; k++) opens = T(e + 1 + k) == today[k];
        if (opens) return 1;
    }
    /* person_before (english_non_place ends with it too): the word before last of the 24 characters before (split
     * as str.split() splits), up to its first hyphen, is a kunya */
    {
        Py_ssize_t lo = s > 24 ? s - 24 : 0, j = s - 1;
        while (j >= lo && Py_UNICODE_ISSPACE(T(j))) j--;
        while (j >= lo && !Py_UNICODE_ISSPACE(T(j))) j--; /* (the last word) */
        while (j >= lo && Py_UNICODE_ISSPACE(T(j))) j--;
        if (j >= lo) {
            Py_ssize_t b = j + 1, a = j;
            while (a > lo && !Py_UNICODE_ISSPACE(T(a - 1))) a--;
            for (Py_ssize_t i = a; i < b; i++)
                if (T(i) == '-') {
                    b = i;
                    break;
                }
            if (word_is(kind, data, a, b, kunya)) return 1;
        }
    }
    if (T(s) >= LATIN_END) return 0;
    /* english_non_place: "Camp", "pro", "anti" and a separator before (s < 4: ask) */
    if (s < 4) return 1;
    if (in_chars(seps, T(s - 1))) {
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(tails); k++)
            if (word_at(kind, data, s - 1, s - 4, PyTuple_GET_ITEM(tails, k))) return 1;
    }
    if (e < n && in_chars(hyphens, T(e))) return 1; /* "Iran-backed" */
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(articles); k++) /* "Bab al-Salam" */
        if (word_at(kind, data, n, e + 1, PyTuple_GET_ITEM(articles, k))) return 1;
    if (e - s <= 4) { /* an acronym ("US"): surface.isupper(), as str.isupper reads it */
        int cased = 0;
        for (Py_ssize_t i = s; i < e; i++) {
            Py_UCS4 c = T(i);
            if (Py_UNICODE_ISLOWER(c) || Py_UNICODE_ISTITLE(c)) {
                cased = 0;
                break;
            }
            if (Py_UNICODE_ISUPPER(c)) cased = 1;
        }
        if (cased) return 1;
    }
#undef T
    return 0;
}

PyObject *mod_place_gates(PyObject *mod, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "place_gates(text: str, start: int, end: int)");
        return NULL;
    }
    Py_ssize_t s = PyLong_AsSsize_t(args[1]);
    if (s == -1 && PyErr_Occurred()) return NULL;
    Py_ssize_t e = PyLong_AsSsize_t(args[2]);
    if (e == -1 && PyErr_Occurred()) return NULL;
    return PyBool_FromLong(place_gates_test(args[0], s, e));
}
