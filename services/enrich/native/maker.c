/* Output models made without validation: what pydantic's model_construct does, in C (output.py). */
#include "native.h"

/* ---- Maker: output models made without validation (output.py) ----------------------------------- */

/* Maker(cls, names, fields_set)(*values) makes an instance the way pydantic's model_construct does, minus
 * its per-field loop, through public calls only: object.__new__(cls), then object.__setattr__ of
 * __dict__ = dict(zip(names, values)), __pydantic_fields_set__ = a copy of fields_set, and no extra, no
 * private attributes (None) — the attributes model_construct sets with the same call. */
typedef struct {
    PyObject_HEAD
    PyObject *cls, *names, *fields_set, *object_new;
} Maker;

static PyObject *s_dict, *s_fields, *s_extra, *s_private; /* attribute names, interned once */

static PyObject *Maker_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *cls, *names, *fields_set;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyType_Type, &cls, &PyTuple_Type, &names, &PySet_Type, &fields_set))
        return NULL;
    if (s_dict == NULL && ((s_dict = PyUnicode_InternFromString("__dict__")) == NULL ||
                           (s_fields = PyUnicode_InternFromString("__pydantic_fields_set__")) == NULL ||
                           (s_extra = PyUnicode_InternFromString("__pydantic_extra__")) == NULL ||
                           (s_private = PyUnicode_InternFromString("__pydantic_private__")) == NULL)) {
        Py_CLEAR(s_dict);
        return NULL;
    }
    PyObject *object_new = PyObject_GetAttrString((PyObject *)&PyBaseObject_Type, "__new__");
    if (object_new == NULL) return NULL;
    Maker *mk = (Maker *)type->tp_alloc(type, 0);
    if (mk == NULL) {
        Py_DECREF(object_new);
        return NULL;
    }
    mk->cls = Py_NewRef(cls);
    mk->names = Py_NewRef(names);
    mk->fields_set = Py_NewRef(fields_set);
    mk->object_new = object_new;
    return (PyObject *)mk;
}

static void Maker_dealloc(Maker *mk) {
    Py_CLEAR(mk->cls);
    Py_CLEAR(mk->names);
    Py_CLEAR(mk->fields_set);
    Py_CLEAR(mk->object_new);
    Py_TYPE(mk)->tp_free((PyObject *)mk);
}

static PyObject *Maker_call(Maker *mk, PyObject *args, PyObject *kw) {
    Py_ssize_t n = PyTuple_GET_SIZE(mk->names);
    if (kw != NULL || PyTuple_GET_SIZE(args) != n) {
        PyObject *name = PyObject_GetAttrString(mk->cls, "__name__");
        if (name != NULL) PyErr_Format(PyExc_TypeError, "%U: %zd positional values", name, n);
        Py_XDECREF(name);
        return NULL;
    }
    PyObject *values = PyDict_New(), *fields = NULL, *obj = NULL;
    if (values == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyDict_SetItem(values, PyTuple_GET_ITEM(mk->names, i), PyTuple_GET_ITEM(args, i)) < 0) goto fail;
    fields = PySet_New(mk->fields_set);
    obj = fields ? PyObject_CallOneArg(mk->object_new, mk->cls) : NULL;
    if (obj == NULL || PyObject_GenericSetAttr(obj, s_dict, values) < 0 ||
        PyObject_GenericSetAttr(obj, s_fields, fields) < 0 || PyObject_GenericSetAttr(obj, s_extra, Py_None) < 0 ||
        PyObject_GenericSetAttr(obj, s_private, Py_None) < 0)
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

PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "services.enrich._scan.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_dealloc = (destructor)Maker_dealloc,
    .tp_call = (ternaryfunc)Maker_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Maker(cls, names, fields_set)(*values): a model instance, not validated (output.py).",
    .tp_new = Maker_new,
};
