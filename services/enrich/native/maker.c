/* Output models made without validation: what pydantic's model_construct does, in C (output.py). */
#include <stddef.h>
#include "native.h"

/* ---- Maker: output models made without validation (output.py) ----------------------------------- */

/* Maker(cls, names, fields_set)(*values) makes an instance the way pydantic's model_construct does, minus
 * its per-field loop, through public calls only: object.__new__(cls) (its tp_new slot, PyType_GetSlot), then
 * __dict__ = dict(zip(names, values)) (PyObject_GenericSetDict, what object.__setattr__ of __dict__ does),
 * and object.__setattr__ of __pydantic_fields_set__ = a copy of fields_set and no extra, no private
 * attributes (None) — the attributes model_construct sets with the same call. Given a path and a fallback
 * (output.py: backend.PATH and the Python maker), a call while path.native is None is the fallback's. */
typedef struct {
    PyObject_HEAD
    PyObject *cls, *names, *fields_set;
    PyObject *path, *fallback; /* optional: when path.native is None, fallback(*values) makes the instance */
    newfunc base_new;          /* object.__new__'s slot, called without its wrapper */
    PyObject *descr[3];        /* the slots __pydantic_fields_set__, __pydantic_extra__, __pydantic_private__ */
    descrsetfunc set[3];       /* and their setters (cand.c: type_descr, what object.__setattr__ finds) */
    vectorcallfunc vectorcall; /* Maker_vectorcall: a call's values without a tuple made for them */
    PyObject *blank;           /* {name: None for name in names}: copied, then each value set (no resizes) */
} Maker;

static PyObject *s_native, *empty_args;
static PyObject *Maker_vectorcall(Maker *mk, PyObject *const *args, size_t nargsf, PyObject *kwnames);


static PyObject *Maker_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *cls, *names, *fields_set, *path = NULL, *fallback = NULL;
    if (!PyArg_ParseTuple(args, "O!O!O!|OO", &PyType_Type, &cls, &PyTuple_Type, &names, &PySet_Type, &fields_set,
                          &path, &fallback))
        return NULL;
    if ((path == NULL) != (fallback == NULL)) {
        PyErr_SetString(PyExc_TypeError, "Maker: a path needs its fallback");
        return NULL;
    }
    if (s_native == NULL && ((s_native = PyUnicode_InternFromString("native")) == NULL ||
                             (empty_args = PyTuple_New(0)) == NULL)) {
        Py_CLEAR(s_native);
        return NULL;
    }
    Maker *mk = (Maker *)type->tp_alloc(type, 0);
    if (mk == NULL) return NULL;
    mk->cls = Py_NewRef(cls);
    mk->names = Py_NewRef(names);
    mk->fields_set = Py_NewRef(fields_set);
    mk->path = Py_XNewRef(path);
    mk->fallback = Py_XNewRef(fallback);
    mk->base_new = (newfunc)PyType_GetSlot(&PyBaseObject_Type, Py_tp_new);
    mk->vectorcall = (vectorcallfunc)Maker_vectorcall;
    if ((mk->blank = PyDict_New()) == NULL) {
        Py_DECREF(mk);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(names); i++)
        if (PyDict_SetItem(mk->blank, PyTuple_GET_ITEM(names, i), Py_None) < 0) {
            Py_DECREF(mk);
            return NULL;
        }
    static const char *slots[3] = {"__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"};
    for (int i = 0; i < 3; i++)
        if ((mk->descr[i] = type_descr(cls, slots[i], &mk->set[i])) == NULL) {
            Py_DECREF(mk);
            return NULL;
        }
    return (PyObject *)mk;
}

static void Maker_dealloc(Maker *mk) {
    Py_CLEAR(mk->cls);
    Py_CLEAR(mk->names);
    Py_CLEAR(mk->fields_set);
    Py_CLEAR(mk->path);
    Py_CLEAR(mk->fallback);
    for (int i = 0; i < 3; i++) Py_CLEAR(mk->descr[i]);
    Py_CLEAR(mk->blank);
    Py_TYPE(mk)->tp_free((PyObject *)mk);
}

/* the instance for n values (n == len(names), checked by the caller) */
static PyObject *make(Maker *mk, PyObject *const *args, Py_ssize_t n) {
    PyObject *values = PyDict_Copy(mk->blank), *fields = NULL, *obj = NULL;
    if (values == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyDict_SetItem(values, PyTuple_GET_ITEM(mk->names, i), args[i]) < 0) goto fail;
    fields = PySet_New(mk->fields_set);
    /* object.__new__(cls): its slot (what the wrapper calls after checking that cls is a type deriving from
     * object whose closest built-in base's __new__ is object's, true of every pydantic model) */
    obj = fields ? mk->base_new((PyTypeObject *)mk->cls, empty_args, NULL) : NULL;
    if (obj == NULL || PyObject_GenericSetDict(obj, values, NULL) < 0 || mk->set[0](mk->descr[0], obj, fields) < 0 ||
        mk->set[1](mk->descr[1], obj, Py_None) < 0 || mk->set[2](mk->descr[2], obj, Py_None) < 0)
        goto fail;
    Py_DECREF(values);
    Py_DECREF(fields);
    return obj;
fail:
    Py_XDECREF(obj);
    Py_XDECREF(fields);
    Py_DECREF(values);
    return NULL;
}

/* Maker(...)(*values), called as the engine calls it (vectorcall: no tuple of the values is made) */
static PyObject *Maker_vectorcall(Maker *mk, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (mk->path != NULL) { /* the Python path in use (backend.PATH.native is None): its maker, not this one */
        PyObject *native = PyObject_GetAttr(mk->path, s_native);
        if (native == NULL) return NULL;
        Py_DECREF(native);
        if (native == Py_None) return PyObject_Vectorcall(mk->fallback, args, nargsf, kwnames);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(mk->names);
    if ((kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) || nargs != n) {
        PyObject *name = PyObject_GetAttrString(mk->cls, "__name__");
        if (name != NULL) PyErr_Format(PyExc_TypeError, "%U: %zd positional values", name, n);
        Py_XDECREF(name);
        return NULL;
    }
    return make(mk, args, n);
}

PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "services.enrich._scan.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_dealloc = (destructor)Maker_dealloc,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(Maker, vectorcall),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Maker(cls, names, fields_set[, path, fallback])(*values): a model instance, not validated "
              "(output.py); fallback(*values) instead while path.native is None.",
    .tp_new = Maker_new,
};
