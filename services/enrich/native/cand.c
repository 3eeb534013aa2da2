/* resolve.Cand(start, end, role, payloads, ntokens) without running its Python __init__: Cand is a slots
 * dataclass, so an instance is object.__new__(Cand) and its five slots are set with object.__setattr__
 * (public calls only: the member descriptors do the writing). The tests compare every field with the
 * Python-built candidates of scan_ref and longest_ref. */
#include "native.h"

static PyObject *cand_type;     /* the class the names below were checked against (strong) */
static PyObject *object_new;    /* object.__new__ (strong) */
static PyObject *cand_names[5]; /* "start", "end", "role", "payloads", "ntokens", interned (strong) */

static int cand_prepare(PyObject *type) {
    static const char *names[5] = {"start", "end", "role", "payloads", "ntokens"};
    if (type == cand_type) return 0;
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "Cand must be a class");
        return -1;
    }
    if (object_new == NULL && (object_new = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, "__new__")) == NULL)
        return -1;
    for (int i = 0; i < 5; i++) {
        if (cand_names[i] == NULL && (cand_names[i] = PyUnicode_InternFromString(names[i])) == NULL) return -1;
        PyObject *d = PyObject_GetAttr(type, cand_names[i]); /* a slot: a data descriptor on the class */
        int ok = d != NULL && PyDescr_IsData(d);
        Py_XDECREF(d);
        if (!ok) {
            if (!PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "Cand.%s must be a slot", names[i]);
            return -1;
        }
    }
    Py_XSETREF(cand_type, Py_NewRef(type));
    return 0;
}

PyObject *make_cand(PyObject *type, PyObject *const values[5]) {
    if (cand_prepare(type) < 0) return NULL;
    PyObject *c = PyObject_CallOneArg(object_new, cand_type);
    if (c == NULL) return NULL;
    for (int i = 0; i < 5; i++)
        if (PyObject_GenericSetAttr(c, cand_names[i], values[i]) < 0) {
            Py_DECREF(c);
            return NULL;
        }
    return c;
}
