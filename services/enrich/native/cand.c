/* resolve.Cand(start, end, role, payloads, ntokens) without running its Python __init__: Cand is a slots
 * dataclass, so an instance is tp_alloc and its five object slots set (the tests compare every
 * field with the Python-built candidates of scan_ref and longest_ref). */
#include "native.h"
#include <structmember.h>

#ifndef Py_T_OBJECT_EX
#define Py_T_OBJECT_EX T_OBJECT_EX
#define Py_READONLY READONLY
#endif

static PyTypeObject *cand_type; /* the type the descriptors below belong to (strong) */
static PyObject *cand_slots[5];  /* member descriptors: start, end, role, payloads, ntokens (strong) */
static Py_ssize_t cand_offsets[5]; /* where each slot lives in an instance */

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
        PyMemberDef *m = found[i] != NULL && Py_TYPE(found[i]) == &PyMemberDescr_Type
                             ? ((PyMemberDescrObject *)found[i])->d_member : NULL;
        if (m == NULL || m->type != Py_T_OBJECT_EX || (m->flags & Py_READONLY)) {
            if (found[i] != NULL) PyErr_Format(PyExc_TypeError, "Cand.%s must be a writable object slot", names[i]);
            for (int j = 0; j <= i; j++) Py_XDECREF(found[j]);
            return -1;
        }
    }
    for (int i = 0; i < 5; i++) {
        cand_offsets[i] = ((PyMemberDescrObject *)found[i])->d_member->offset;
        Py_XSETREF(cand_slots[i], found[i]);
    }
    Py_XSETREF(cand_type, (PyTypeObject *)Py_NewRef(type));
    return 0;
}

PyObject *make_cand(PyObject *type, PyObject *const values[5]) {
    if (cand_prepare(type) < 0) return NULL;
    PyObject *c = cand_type->tp_alloc(cand_type, 0);
    if (c == NULL) return NULL;
    for (int i = 0; i < 5; i++) { /* what the member descriptor's set does for an object slot of a new instance */
        PyObject **slot = (PyObject **)((char *)c + cand_offsets[i]);
        Py_XSETREF(*slot, Py_NewRef(values[i]));
    }
    return c;
}
