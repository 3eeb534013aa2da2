/* resolve.Cand(start, end, role, payloads, ntokens) without running its Python __init__: Cand is a slots
 * dataclass, so an instance is tp_alloc and its five member descriptors set (the tests compare every
 * field with the Python-built candidates of scan_ref and longest_ref). */
#include "native.h"

static PyTypeObject *cand_type; /* the type the descriptors below belong to (strong) */
static PyObject *cand_slots[5];  /* member descriptors: start, end, role, payloads, ntokens (strong) */

static int cand_prepare(PyObject *type) {
    static const char *names[5] = {"start", "end", "role", "payloads", "ntokens"};
    if ((PyTypeObject *)type == cand_type) return 0;
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "Cand must be a class");
        return -1;
    }
    PyObject *found[5];
    for (int i = 0; i < 5; i++) {
        found[i] = PyObject_GetAttrString(type, names[i]);
        if (found[i] == NULL || Py_TYPE(found[i]) != &PyMemberDescr_Type) {
            if (found[i] != NULL) PyErr_Format(PyExc_TypeError, "Cand.%s must be a slot", names[i]);
            for (int j = 0; j <= i; j++) Py_XDECREF(found[j]);
            return -1;
        }
    }
    for (int i = 0; i < 5; i++) Py_XSETREF(cand_slots[i], found[i]);
    Py_XSETREF(cand_type, (PyTypeObject *)Py_NewRef(type));
    return 0;
}

PyObject *make_cand(PyObject *type, PyObject *const values[5]) {
    if (cand_prepare(type) < 0) return NULL;
    PyObject *c = cand_type->tp_alloc(cand_type, 0);
    if (c == NULL) return NULL;
    for (int i = 0; i < 5; i++)
        if (Py_TYPE(cand_slots[i])->tp_descr_set(cand_slots[i], c, values[i]) < 0) {
            Py_DECREF(c);
            return NULL;
        }
    return c;
}
