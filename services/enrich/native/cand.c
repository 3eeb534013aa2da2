/* resolve.Cand(start, end, role, payloads, ntokens) without running its Python __init__: Cand is a slots
 * dataclass, so an instance is object.__new__(Cand) and its five slots are set as object.__setattr__ sets them
 * (public calls only: the member descriptors do the writing). What object.__setattr__ would look up on every
 * call is looked up once: the descriptor each name finds along the class's MRO (type_descr, as
 * _PyType_Lookup finds it) and its setter; object.__new__ is called through its tp_new slot (what the
 * wrapper calls, for a class whose closest built-in base is object). The tests compare every field with the
 * Python-built candidates of scan_ref and longest_ref. */
#include "native.h"

static PyObject *cand_type;       /* the class the descriptors below were found on (strong) */
static PyObject *cand_descr[5];   /* its slots' descriptors: start, end, role, payloads, ntokens (strong) */
static descrsetfunc cand_set[5];  /* and their setters */
static newfunc base_new;          /* object.__new__'s slot */
static PyObject *empty_args;

/* the attribute `name` of instances of `type` as object.__setattr__ finds it: the first class in the MRO
 * whose __dict__ holds the name; a new reference, NULL with an error set if none or not a data descriptor */
PyObject *type_descr(PyObject *type, const char *name, descrsetfunc *set) {
    PyObject *mro = ((PyTypeObject *)type)->tp_mro, *key = PyUnicode_InternFromString(name);
    if (key == NULL) return NULL;
    PyObject *found = NULL;
    for (Py_ssize_t i = 0; mro != NULL && i < PyTuple_GET_SIZE(mro) && found == NULL; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (dict != NULL && (found = PyDict_GetItemWithError(dict, key)) == NULL && PyErr_Occurred()) break;
    }
    Py_DECREF(key);
    if (found == NULL || Py_TYPE(found)->tp_descr_set == NULL) {
        if (!PyErr_Occurred()) PyErr_Format(PyExc_TypeError, "%s must be a slot of the class", name);
        return NULL;
    }
    *set = Py_TYPE(found)->tp_descr_set;
    return Py_NewRef(found);
}

static int cand_prepare(PyObject *type) {
    static const char *names[5] = {"start", "end", "role", "payloads", "ntokens"};
    if (type == cand_type) return 0;
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "Cand must be a class");
        return -1;
    }
    if (empty_args == NULL && (empty_args = PyTuple_New(0)) == NULL) return -1;
    base_new = (newfunc)PyType_GetSlot(&PyBaseObject_Type, Py_tp_new);
    PyObject *descr[5] = {NULL};
    descrsetfunc set[5];
    for (int i = 0; i < 5; i++)
        if ((descr[i] = type_descr(type, names[i], &set[i])) == NULL) {
            for (int j = 0; j < i; j++) Py_DECREF(descr[j]);
            return -1;
        }
    for (int i = 0; i < 5; i++) {
        Py_XSETREF(cand_descr[i], descr[i]);
        cand_set[i] = set[i];
    }
    Py_XSETREF(cand_type, Py_NewRef(type));
    return 0;
}

PyObject *make_cand(PyObject *type, PyObject *const values[5]) {
    if (cand_prepare(type) < 0) return NULL;
    PyObject *c = base_new((PyTypeObject *)cand_type, empty_args, NULL);
    if (c == NULL) return NULL;
    for (int i = 0; i < 5; i++)
        if (cand_set[i](cand_descr[i], c, values[i]) < 0) {
            Py_DECREF(c);
            return NULL;
        }
    return c;
}
